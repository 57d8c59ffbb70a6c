"""``nexus-kg export``: the fact graph as GraphML, GEXF, CSV and JSON-LD, read back by other parsers
and counted against the claims of the built graph."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from graph.cli import main
from graph.ns import NX


@pytest.fixture(scope="module")
def claims(seed_graph: rdflib.Graph) -> set[rdflib.term.Node]:
    """The claims of the seed graph, counted in the Turtle file by rdflib (not the store)."""
    return set(seed_graph.subjects(rdflib.RDF.type, NX.Claim))


def export(built: Path, fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["export", "--format", fmt, "--graph", str(built), "--out", f"{tmp_path}/"]) == 0
    target = tmp_path / f"facts.{fmt}"
    assert capsys.readouterr().out == f"wrote {target}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no .partial left behind
    return target


def test_graphml_reads_back_with_one_edge_per_claim(built, claims, tmp_path, capsys) -> None:
    G = nx.read_graphml(export(built, "graphml", tmp_path, capsys), force_multigraph=True)
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_edges() == len(claims)
    assert {k for _, _, k in G.edges(keys=True)} == {str(c).rsplit("/", 1)[1] for c in claims}
    isil = G.nodes["group-isil"]
    assert isil["class"] == "TerroristGroup" and isil["label_zh"] and isil["label_en"]
    oil = [d for _, v, d in G.out_edges("group-isil", data=True) if v == "crime-oil-smuggling"]
    assert oil and all(d["relation"] == "benefitsFrom" and d["symbol"] and d["quote"] for d in oil)


def test_gexf_reads_back_with_amounts_and_hedges(built, claims, tmp_path, capsys) -> None:
    G = nx.read_gexf(export(built, "gexf", tmp_path, capsys))
    assert G.number_of_edges() == len(claims)
    amounts = [d for _, _, d in G.edges(data=True) if d.get("amount")]
    assert amounts, "the seeds state amounts"
    for d in amounts:  # the amount is what the quote says, its bounds are numbers
        assert d["amount"] in d["quote"] and d["amount_min"] <= d["amount_max"]
    hedged = sum(1 for _, _, d in G.edges(data=True) if d["hedged"])
    assert 0 < hedged < len(claims)


def test_csv_rows_are_claims_with_names_and_citations(built, claims, seed_graph, tmp_path, capsys) -> None:
    data = export(built, "csv", tmp_path, capsys).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for spreadsheets
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(claims) == len({r["claim"] for r in rows})
    text_of = {str(c).rsplit("/", 1)[1]: c for c in claims}
    for row in rows[:: max(1, len(rows) // 60)]:  # the quote is the text of the passage it is stated in
        passage = seed_graph.value(text_of[row["claim"]], NX.statedIn)
        assert row["quote"] == str(seed_graph.value(passage, NX.text))
        assert row["paragraph"] == str(seed_graph.value(passage, NX.paragraph))
    taliban = [r for r in rows if r["source"] == "group-taliban" and r["amount"]]
    assert taliban and {r["symbol"] for r in taliban} == {"S/2015/366"}
    assert all(r["source_zh"] == "塔利班" and r["source_en"] == "Taliban" for r in taliban)


def test_jsonld_is_a_subgraph_of_the_built_graph(built, claims, seed_graph, tmp_path, capsys) -> None:
    g = rdflib.Graph().parse(export(built, "jsonld", tmp_path, capsys), format="json-ld")
    assert set(g.subjects(rdflib.RDF.type, NX.Claim)) == claims
    assert not [t for t in g if t not in seed_graph]


def test_the_same_graph_gives_the_same_bytes(built: Path, tmp_path: Path, capsys) -> None:
    for fmt in ("graphml", "gexf", "csv", "jsonld"):
        outs = []
        for source in (built, built / "nexus.nq"):  # the store, and the N-Quads loaded afresh
            assert main(["export", "--format", fmt, "--graph", str(source)]) == 0
            outs.append(capsys.readouterr().out)
        assert outs[0] == outs[1] and outs[0]


def test_a_new_passage_exports_its_fact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from graph.pipeline import run_build

    sentence = "据报，博科圣地从绑架勒索中获得了约200万美元的收入。"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "note.txt").write_text(sentence + "\n", encoding="utf-8")
    run_build([tmp_path / "docs"], tmp_path / "out", progress=lambda m: None)
    assert main(["export", "--format", "csv", "--graph", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"), newline="")))
    fact = [r for r in rows if r["relation"] == "benefitsFrom"]
    assert len(fact) == 1
    assert fact[0]["source"] == "group-boko-haram" and fact[0]["hedged"] == "true"
    assert fact[0]["quote"] == sentence and fact[0]["target_class"] == "CrimeType"


def test_no_graph_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--graph", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nowhere: no graph to query" in err
