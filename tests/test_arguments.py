"""Saved questions with arguments (``--arg NAME=VALUE``, bound as data), names in any case with
"did you mean", and the counting questions checked against counts made independently (rdflib
over ``nexus.ttl``, each claim counted once)."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import RDF

from graph.cli import main
from graph.errors import OntologyError, QueryError
from graph.ns import NX
from graph.rdf.store import open_store
from graph.sparql.arguments import bind
from graph.sparql.query import execute
from graph.sparql.saved import parse_saved, saved_queries, saved_query
from graph.sparql.table import rows

NXID = "https://w3id.org/nexus-kg/id/"


@pytest.fixture(scope="module")
def store(built: Path) -> ox.Store:
    return open_store(built)


def answer(store: ox.Store, name: str, **given: str) -> list[dict[str, str]]:
    saved = saved_query(name)
    return list(
        rows(execute(store, saved.text, source=name, bindings=bind(store, saved.arguments, given, name)))
    )


@pytest.fixture(scope="module")
def claims(seed_graph: rdflib.Graph) -> dict[rdflib.term.Node, dict[str, object]]:
    """Every claim once, with its ends, relation, hedge and document, read by rdflib."""
    g = seed_graph
    out = {}
    for c in set(g.subjects(RDF.type, NX.Claim)):
        passage = g.value(c, NX.statedIn)
        out[c] = {
            "s": str(g.value(c, RDF.subject)),
            "p": str(g.value(c, RDF.predicate)).rsplit("#", 1)[1],
            "o": str(g.value(c, RDF.object)),
            "hedged": bool(g.value(c, NX.hedged).toPython()),
            "doc": str(g.value(passage, NX.inDocument)),
        }
    return out


def csv_rows(built: Path, capsys, *argv: str) -> list[dict[str, str]]:
    assert main(["query", "--out", str(built), "--format", "csv", "--no-labels", *argv]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "name", ["Boko Haram", "boko haram", "BOKO HARAM", "博科聖地", "nxid:group-boko-haram"]
)
def test_an_argument_takes_any_name_in_any_case(built, capsys, name: str) -> None:
    got = csv_rows(built, capsys, "--name", "documents-mentioning", "--arg", f"entity={name}")
    assert got and {r["entity"] for r in got} == {NXID + "group-boko-haram"}
    default = csv_rows(built, capsys, "--name", "DOCUMENTS-MENTIONING")  # the default is 博科圣地
    assert got == default


def test_documents_mentioning_counts_passages(store, seed_graph) -> None:
    isil = rdflib.URIRef(NXID + "group-isil")
    want: dict[str, set[rdflib.term.Node]] = defaultdict(set)
    for passage in seed_graph.subjects(NX.mentions, isil):
        want[str(seed_graph.value(passage, NX.inDocument))].add(passage)
    got = {r["document"]: int(r["passages"]) for r in answer(store, "documents-mentioning", entity="isil")}
    assert got == {d: len(p) for d, p in want.items()} and got


def test_a_value_is_data_not_query_text(store) -> None:
    hostile = '博科圣地" } ?s ?p ?o { "'
    with pytest.raises(QueryError, match="no entity goes by this name"):
        answer(store, "documents-mentioning", entity=hostile)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--name", "amuonts"], "Error: no saved query named 'amuonts'; did you mean amounts? "),
        (
            ["--name", "documents-mentioning", "--arg", "entity=nxid:group-isl"],
            "Error: nxid:group-isl: no such entity in the graph; did you mean nxid:group-isil?",
        ),
        (["--name", "documents-mentioning", "--arg", "entity=boko haramm"], "did you mean Boko Haram"),
        (
            ["--name", "documents-mentioning", "--arg", "entiy=ISIL"],
            "no argument 'entiy'; did you mean entity?",
        ),
        (["--name", "amounts", "--arg", "entity=ISIL"], "Error: amounts: takes no --arg"),
        (["--name", "documents-mentioning", "--arg", "ISIL"], "Error: --arg ISIL: write NAME=VALUE"),
    ],
)
def test_mistakes_are_one_line_with_a_hint(built, capsys, argv: list[str], message: str) -> None:
    assert main(["query", "--out", str(built), *argv]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_a_header_argument_must_be_complete_and_used() -> None:
    head = "# title-zh: 问\n# title-en: Q\n# description: d\n"
    q = parse_saved("q", head + "# @arg n <integer>: how many (default: 3)\nSELECT ?n {}")
    assert [(a.name, a.kind, a.default) for a in q.arguments] == [("n", "integer", "3")]
    for bad in (
        "# @arg n: no default\nSELECT ?n {}",
        "# @arg n <date>: a kind (default: 1)\nSELECT ?n {}",
        "# @arg n: unused (default: 1)\nSELECT ?m {}",
    ):
        with pytest.raises(OntologyError, match=r"q\.rq: "):
            parse_saved("q", head + bad)


def test_every_saved_question_answers_with_its_defaults(store) -> None:
    for q in saved_queries():
        assert answer(store, q.name) or q.name == "discovered-entities", q.name


# ---------------------------------------------------------------- counts, checked independently


def test_facts_per_document_counts_each_claim_once(store, claims) -> None:
    got = {r["document"]: r for r in answer(store, "facts-per-document")}
    by_doc: dict[str, list[dict[str, object]]] = defaultdict(list)
    for c in claims.values():
        by_doc[str(c["doc"])].append(c)
    assert set(got) == set(by_doc)
    assert sum(int(r["facts"]) for r in got.values()) == len(claims)
    for doc, cs in by_doc.items():
        row = got[doc]
        assert int(row["facts"]) == len(cs) and int(row["hedged"]) == sum(bool(c["hedged"]) for c in cs)
        for rel in ("benefitsFrom", "mandatedBy", "implements", "operatesIn", "activeIn", "recalls"):
            assert int(row[rel]) == sum(c["p"] == rel for c in cs), (doc, rel)
        assert int(row["others"]) == sum(c["p"] in ("affiliatedWith", "partnerOf") for c in cs)


def test_crimes_by_groups_counts(store, claims) -> None:
    want: dict[str, tuple[set, set, set]] = defaultdict(lambda: (set(), set(), set()))
    for c, v in claims.items():
        if v["p"] == "benefitsFrom":
            groups, cs, docs = want[str(v["o"])]
            groups.add(v["s"]), cs.add(c), docs.add(v["doc"])
    got = {
        r["crime"]: (int(r["groups"]), int(r["claims"]), int(r["documents"]))
        for r in answer(store, "crimes-by-groups")
    }
    assert got == {k: tuple(len(x) for x in v) for k, v in want.items()}


def test_regions_ranked_counts(store, claims) -> None:
    want: dict[str, tuple[set, set, set]] = defaultdict(lambda: (set(), set(), set()))
    for c, v in claims.items():
        if v["p"] == "operatesIn":
            want[str(v["o"])][0].add(v["s"])
        elif v["p"] == "activeIn":
            want[str(v["o"])][1].add(v["s"])
            want[str(v["o"])][2].add(c)
    got = {
        r["region"]: (int(r["groups"]), int(r["actors"]), int(r["activities"]))
        for r in answer(store, "regions-ranked")
    }
    assert got == {k: tuple(len(x) for x in v) for k, v in want.items()}


def test_multi_document_facts_counts(store, claims) -> None:
    docs: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for v in claims.values():
        docs[(str(v["s"]), str(v["p"]), str(v["o"]))].add(str(v["doc"]))
    want = {k: len(d) for k, d in docs.items() if len(d) > 1}
    got = {
        (r["subject"], r["predicate"].rsplit("#", 1)[1], r["object"]): int(r["documents"])
        for r in answer(store, "multi-document-facts")
    }
    assert got == want and want


def test_resolutions_over_time_counts(store, claims, seed_graph) -> None:
    g = seed_graph
    resolutions = {str(r) for r in g.subjects(RDF.type, NX.Resolution)}
    want: dict[tuple[str, str], tuple[set, set]] = defaultdict(lambda: (set(), set()))
    for c, v in claims.items():
        res, doc = str(v["o"]), str(v["doc"])
        year = g.value(rdflib.URIRef(doc), NX.year)
        if res in resolutions and res != doc and res.startswith(NXID + "res-") and year is not None:
            want[(str(year), res)][0].add(doc)
            want[(str(year), res)][1].add(c)
    got = {
        (r["documentYear"], r["resolution"]): (int(r["documents"]), int(r["citations"]))
        for r in answer(store, "resolutions-over-time")
    }
    assert got == {k: (len(d), len(c)) for k, (d, c) in want.items()}
