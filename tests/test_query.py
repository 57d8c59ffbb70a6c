"""The query command and the saved questions, on the graph built from the seeds."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graph.cli import main
from graph.rdf.store import open_store
from graph.sparql.arguments import bind
from graph.sparql.query import QueryRefused, QuerySyntaxError, execute, query_prefixes
from graph.sparql.results import Results
from graph.sparql.saved import parse_saved, saved_queries
from graph.sparql.table import rows, width

NXID = "https://w3id.org/nexus-kg/id/"
S2015_366 = NXID + "doc-s-2015-366"
RES_2482 = NXID + "res-s-2482-2019"


@pytest.fixture(scope="module")
def store(built: Path) -> ox.Store:
    return open_store(built)


def answer(store: ox.Store, name: str) -> list[dict[str, str]]:
    """The rows of a saved question, as plain values."""
    [saved] = [q for q in saved_queries() if q.name == name]
    bindings = bind(store, saved.arguments, {}, name)  # the arguments' defaults, as data
    return list(rows(execute(store, saved.text, source=name, bindings=bindings)))


def short(rows_: list[dict[str, str]], *keys: str) -> set[tuple[str, ...]]:
    """The given columns of each row, with the nxid: namespace cut off."""
    return {tuple(r.get(k, "").removeprefix(NXID) for k in keys) for r in rows_}


# ---------------------------------------------------------------- the saved questions themselves


def test_saved_questions_have_headers_and_all_answer(store: ox.Store) -> None:
    saved = saved_queries()
    names = {q.name for q in saved}
    assert len(saved) >= 12
    assert {
        "groups-crimes",
        "crimes-by-groups",
        "amounts",
        "recalled-by-2482",
        "un-mandates",
        "implementers",
        "regions-ranked",
        "facts-per-document",
        "multi-document-facts",
        "hedged-facts",
        "discovered-entities",
        "resolutions-over-time",
    } <= names
    for q in saved:
        assert re.search(r"[\u4e00-\u9fff]", q.title_zh), q.name
        assert q.title_en and q.description, q.name
        may_be_empty = q.name == "discovered-entities"  # empty once the vocabulary covers everything
        assert answer(store, q.name) or may_be_empty, f"{q.name} returns no rows on the seed graph"


def test_header_without_title_is_refused() -> None:
    from graph.errors import OntologyError

    with pytest.raises(OntologyError, match="title-en"):
        parse_saved("bad", "# title-zh: 问题\n# description: x\nASK {}")


def test_groups_crimes_gives_taliban_drug_trafficking_with_paragraph_and_quote(store: ox.Store) -> None:
    found = [
        r
        for r in answer(store, "groups-crimes")
        if r["group"] == NXID + "group-taliban" and r["crime"] == NXID + "crime-drug-trafficking"
    ]
    assert any(
        r["document"] == S2015_366 and r["paragraph"] == "26" and "1.55亿美元" in r["quote"] for r in found
    )
    assert all(r["hedged"] == "false" for r in found if r["paragraph"] == "26")


def test_amounts_taliban_opium_155_million_dollars(store: ox.Store) -> None:
    [row] = [
        r
        for r in answer(store, "amounts")
        if r["group"] == NXID + "group-taliban" and r["crime"] == NXID + "crime-drug-trafficking"
    ]
    assert row["surface"] == "1.55亿美元"
    assert float(row["minValue"]) == float(row["maxValue"]) == 155000000
    assert (row["currency"], row["year"], row["document"], row["paragraph"]) == (
        "USD",
        "2009",
        S2015_366,
        "26",
    )


def test_crimes_by_groups_ranks_drug_trafficking_among_the_most_shared(store: ox.Store) -> None:
    res = answer(store, "crimes-by-groups")
    counts = [int(r["groups"]) for r in res]
    assert counts == sorted(counts, reverse=True)
    drug = next(r for r in res if r["crime"] == NXID + "crime-drug-trafficking")
    # S/2015/366 ¶26, ¶15 and ¶28: the Taliban, the IMU and ISIL profit from drug trafficking.
    assert int(drug["groups"]) >= 3
    drug_groups = {
        g for g, c in short(answer(store, "groups-crimes"), "group", "crime") if c == "crime-drug-trafficking"
    }
    assert {"group-taliban", "group-imu", "group-isil"} <= drug_groups


def test_recalled_by_2482_lists_1373_and_1267_oldest_first(store: ox.Store) -> None:
    res = answer(store, "recalled-by-2482")
    by_res = {r["resolution"].removeprefix(NXID): r for r in res}
    assert by_res["res-s-1373-2001"]["year"] == "2001"
    assert by_res["res-s-1373-2001"]["symbol"] == "S/RES/1373 (2001)"
    assert "PP1" in by_res["res-s-1373-2001"]["paragraphs"]
    # PP1 of S/RES/2482 (2019) recalls 27 resolutions, from 1267 (1999) to 2467 (2019).
    assert {"res-s-1267-1999", "res-s-2199-2015", "res-s-2396-2017", "res-s-2467-2019"} <= set(by_res)
    years = [r["year"] for r in res]
    assert years == sorted(years) and years[0] == "1999"


def test_un_mandates_unodc_and_cted_from_2482(store: ox.Store) -> None:
    got = short(answer(store, "un-mandates"), "entity", "resolution", "document", "paragraph")
    # S/RES/2482 (2019) ¶22 asks UNOCT and UNODC to keep giving technical assistance.
    assert ("un-unoct", "res-s-2482-2019", "res-s-2482-2019", "22") in got
    assert ("un-unodc", "res-s-2482-2019", "res-s-2482-2019", "22") in got


def test_implementers_of_2199_and_1540(store: ox.Store) -> None:
    got = short(answer(store, "implementers"), "resolution", "implementer", "document", "paragraph")
    # S/2015/366 annex: UNESCO on 2199 (2015), row 28; UNODA helps carry out 1540 (2004), row 41.
    assert ("res-s-2199-2015", "un-unesco", "doc-s-2015-366", "annex-28") in got
    assert ("res-s-1540-2004", "un-unoda", "doc-s-2015-366", "annex-41") in got


def test_implementers_of_1373_include_cted(store: ox.Store) -> None:
    got = short(answer(store, "implementers"), "resolution", "implementer", "document", "paragraph")
    # S/2015/366 annex row 4: 执行局代表反恐怖主义委员会开展国家访问，旨在评估会员国执行…第1373(2001)号决议的能力。
    # CTED acts for the Counter-Terrorism Committee, so either may be named as the implementer.
    assert {("res-s-1373-2001", who, "doc-s-2015-366", "annex-4") for who in ("un-cted", "un-ctc")} & got


def test_regions_ranked_by_groups_then_activities(store: ox.Store) -> None:
    res = answer(store, "regions-ranked")
    keys = [(int(r["groups"]), int(r["activities"])) for r in res]
    assert [k[0] for k in keys] == sorted((k[0] for k in keys), reverse=True)
    by_region = {r["region"].removeprefix(NXID): r for r in res}
    # ISIL in Iraq (S/2015/366 ¶21), the Taliban in Afghanistan (¶26).
    assert int(by_region["country-irq"]["groups"]) >= 1
    assert int(by_region["country-afg"]["groups"]) >= 1
    # UN activities in the Sahel (S/2015/366 annex; E/CN.15/2021/5).
    assert int(by_region["region-sahel"]["activities"]) >= 2


def test_facts_per_document_covers_the_five_seeds(store: ox.Store) -> None:
    res = {r["document"].removeprefix(NXID): r for r in answer(store, "facts-per-document")}
    assert len(res) == 5
    assert int(res["doc-s-2015-366"]["benefitsFrom"]) >= 5
    assert int(res["res-s-2482-2019"]["recalls"]) >= 20
    for r in res.values():
        assert int(r["facts"]) >= int(r["hedged"])


def test_multi_document_facts_unodc_interpol(store: ox.Store) -> None:
    res = answer(store, "multi-document-facts")
    assert all(int(r["documents"]) >= 2 for r in res)
    got = short(res, "subject", "predicate", "object")
    # UNODC works with INTERPOL: S/2020/754 and E/CN.15/2021/5 both say so.
    assert ("un-unodc", "https://w3id.org/nexus-kg/ontology#partnerOf", "org-interpol") in got


def test_hedged_facts_imu_allegedly_in_drug_trafficking(store: ox.Store) -> None:
    res = answer(store, "hedged-facts")
    # S/2015/366 ¶15: 乌兹别克斯坦伊斯兰运动据称直接参与贩毒
    assert any(
        r["subject"] == NXID + "group-imu"
        and r["object"] == NXID + "crime-drug-trafficking"
        and r["paragraph"] == "15"
        and "据称" in r["quote"]
        for r in res
    )
    hedged = {r["quote"] for r in res}
    unhedged_taliban = "从鸦片贸易中赚了1.55亿美元"
    assert not any(unhedged_taliban in q for q in hedged)


def test_discovered_entities_match_the_graph(store: ox.Store, seed_graph: rdflib.Graph) -> None:

    flag = rdflib.URIRef("https://w3id.org/nexus-kg/ontology#discovered")
    expected = {str(s) for s in seed_graph.subjects(flag, rdflib.Literal(True))}
    assert expected, "the seeds name entities outside the vocabulary"
    assert {r["entity"] for r in answer(store, "discovered-entities")} == expected


def test_resolutions_over_time(store: ox.Store) -> None:
    res = answer(store, "resolutions-over-time")
    years = [r["documentYear"] for r in res]
    assert years == sorted(years)
    got = short(res, "documentYear", "resolution")
    assert ("2019", "res-s-1373-2001") in got  # 2482 recalls 1373
    assert ("2015", "res-s-2199-2015") in got  # S/2015/366 cites 2199 (annex row 28)


# ---------------------------------------------------------------- execution


def test_empty_prefix_is_nx_and_default_graph_is_the_union(store: ox.Store) -> None:
    got = short(list(rows(execute(store, "SELECT ?g ?c WHERE { ?g :benefitsFrom ?c }"))), "g", "c")
    assert ("group-taliban", "crime-drug-trafficking") in got
    # labels live in the entities graph, claims in the document graphs: one query sees both
    res = execute(store, "ASK { ?c rdf:subject ?g . ?g rdfs:label ?l . ?c nx:statedIn ?p }")
    assert res.boolean is True


def test_malformed_query_reports_line_and_column(store: ox.Store) -> None:
    with pytest.raises(QuerySyntaxError, match=r"^q\.rq: malformed SPARQL query: line 2, column \d+: "):
        execute(store, "SELECT ?x\nWHERE { ?x ?y }", source="q.rq")


def test_update_is_refused(store: ox.Store) -> None:
    with pytest.raises(QueryRefused, match="INSERT"):
        execute(store, "PREFIX ex: <urn:ex#>\nINSERT DATA { ex:a ex:b ex:c }")


def test_width_counts_wide_characters_twice() -> None:
    assert width("塔利班 ISIL") == 11


# ---------------------------------------------------------------- the command


def test_cli_table_prints_labels_aligned(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["query", "--out", str(built), "SELECT ?g ?c WHERE { ?g :benefitsFrom ?c } ORDER BY ?g ?c"])
    out = capsys.readouterr().out
    assert code == 0
    assert "塔利班" in out and "贩毒" in out and "nxid:group-taliban" not in out
    lines = out.splitlines()[:-1]
    starts = set()
    for line in lines:
        first = re.split(r" {2,}", line)[0]
        rest = line[len(first) :]
        starts.add(width(first) + len(rest) - len(rest.lstrip(" ")))
    assert len(starts) == 1, "second column must start at the same display column on every line"


def test_cli_formats(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    q = "SELECT ?g ?l WHERE { ?g a nx:TerroristGroup ; rdfs:label ?l } ORDER BY ?g ?l"
    assert main(["query", "--out", str(built), "--format", "csv", q]) == 0
    csv_out = capsys.readouterr().out
    assert csv_out.startswith("g,g_label,l\r\n") and NXID + "group-taliban,塔利班,塔利班" in csv_out
    assert main(["query", "--out", str(built), "--format", "json", q]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["head"]["vars"] == ["g", "g_label", "l"]
    assert {"type": "literal", "value": "塔利班", "xml:lang": "zh"} in [
        b["l"] for b in doc["results"]["bindings"]
    ]
    assert main(["query", "--out", str(built), "--format", "tsv", q]) == 0
    tsv = capsys.readouterr().out
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    assert any(s["l"] == ox.Literal("塔利班", language="zh") for s in parsed)  # type: ignore[index]


def test_cli_saved_question_by_name_and_file(
    built: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["query", "--out", str(built), "--name", "recalled-by-2482", "--format", "csv"]) == 0
    by_name = capsys.readouterr().out
    assert "res-s-1373-2001,第1373(2001)号决议,S/RES/1373 (2001)" in by_name
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?r WHERE { nxid:res-s-2482-2019 :recalls ?r }", encoding="utf-8")
    assert main(["query", "--out", str(built), "--file", str(rq), "--format", "csv"]) == 0
    assert NXID + "res-s-1373-2001" in capsys.readouterr().out


def test_cli_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    for q in saved_queries():
        assert q.name in out and q.title_zh in out and q.title_en in out


def test_cli_malformed_query_is_one_line(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--out", str(built), "SELECT ?x WHERE { ?x ?y }"]) == 1
    err = capsys.readouterr().err
    assert (
        err
        == "Error: query: malformed SPARQL query: line 1, column 26: expected one of LATERAL, SERVICE, [_]\n"
    )


def test_cli_unknown_name(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--out", str(built), "--name", "nope"]) == 1
    assert capsys.readouterr().err == (
        "Error: no saved query named 'nope'; `nexus-kg query --list` shows the names\n"
    )


def test_cli_needs_exactly_one_query(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--out", str(built)]) == 1
    assert "give one query" in capsys.readouterr().err


@pytest.mark.parametrize("keep", ["nexus.nq", "nexus.ttl"])
def test_without_a_store_the_file_is_loaded_in_memory(
    built: Path, tmp_path: Path, keep: str, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(built / keep, tmp_path / keep)
    assert (
        main(
            [
                "query",
                "--out",
                str(tmp_path),
                "--format",
                "csv",
                "SELECT ?c WHERE { nxid:group-taliban :benefitsFrom ?c }",
            ]
        )
        == 0
    )
    assert NXID + "crime-drug-trafficking" in capsys.readouterr().out


def test_no_graph_at_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--out", str(tmp_path), "ASK {}"]) == 1
    assert "run `nexus-kg build` first" in capsys.readouterr().err


def test_graph_results_become_rows(store: ox.Store) -> None:
    res = execute(
        store,
        "CONSTRUCT { nxid:group-taliban :benefitsFrom ?c } WHERE { nxid:group-taliban :benefitsFrom ?c }",
    )
    assert res.kind == "graph" and res.triples
    assert isinstance(res.as_bindings(), Results) and res.as_bindings().variables == (
        "subject",
        "predicate",
        "object",
    )


# ---------------------------------------------------------------- mentions: which documents name X


def _documents_naming(concept: str) -> set[str]:
    """Seed documents with a passage that names ``concept``, read by the mention stage itself."""
    from graph.extract import ingest, mentions
    from graph.identity import document_node, identify
    from graph.pipeline import corpus_tasks
    from graph.vocab import load

    vocab = load()
    found = set()
    for path, meta in corpus_tasks([Path(__file__).resolve().parents[1] / "seeds"]):
        doc = identify(ingest.load_document(path), vocab.symbol_bodies(), meta)
        passages = list(ingest.passages(doc))
        per_passage, _ = mentions.document_mentions(passages, vocab)
        if any(m.concept == concept for ms in per_passage for m in ms):
            found.add(NXID + document_node(doc, vocab))
    return found


@pytest.mark.parametrize(
    ("name", "concept"),
    [
        ("博科圣地", "group-boko-haram"),
        ("博科聖地", "group-boko-haram"),
        ("boko haram", "group-boko-haram"),
        ("索马里", "country-som"),
    ],
)
def test_documents_mentioning_answers_every_seed_document_that_names_it(
    store: ox.Store, name: str, concept: str
) -> None:
    [saved] = [q for q in saved_queries() if q.name == "documents-mentioning"]
    bindings = bind(store, saved.arguments, {"entity": name})
    got = {r["document"] for r in rows(execute(store, saved.text, bindings=bindings))}
    expected = _documents_naming(concept)
    assert len(expected) >= 2
    assert got == expected


def test_what_the_corpus_says_about_somalia_quotes_every_passage(store: ox.Store) -> None:
    found = answer(store, "corpus-on-entity")
    assert len({r["document"] for r in found}) == len(_documents_naming("country-som"))
    assert all("索马里" in r["text"] or "索馬里" in r["text"] or "Somali" in r["text"] for r in found[:50])


# ---------------------------------------------------------------- analyst's output


QUOTES = "SELECT ?c ?e WHERE { ?c a nx:Claim ; nx:evidence ?e } ORDER BY DESC(STRLEN(?e)) ?c LIMIT 3"


def test_label_columns_follow_lang(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    q = "SELECT ?g WHERE { VALUES ?g { nxid:group-taliban } }"
    assert main(["query", "--out", str(built), "--format", "csv", "--lang", "en", q]) == 0
    assert capsys.readouterr().out.splitlines()[1] == NXID + "group-taliban,Taliban"
    assert main(["query", "--out", str(built), "--format", "csv", "--lang", "zh", q]) == 0
    assert capsys.readouterr().out.splitlines()[1] == NXID + "group-taliban,塔利班"
    assert main(["query", "--out", str(built), "--format", "csv", "--no-labels", q]) == 0
    assert capsys.readouterr().out.splitlines() == ["g", NXID + "group-taliban"]


def test_csv_tsv_json_carry_the_whole_quote(
    built: Path, store: ox.Store, capsys: pytest.CaptureFixture[str]
) -> None:
    longest = [r["e"] for r in rows(execute(store, QUOTES))]
    assert len(longest[0]) > 70
    assert main(["query", "--out", str(built), "--format", "json", QUOTES]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [b["e"]["value"] for b in doc["results"]["bindings"]] == longest
    assert main(["query", "--out", str(built), "--format", "tsv", QUOTES]) == 0
    parsed = ox.parse_query_results(capsys.readouterr().out, ox.QueryResultsFormat.TSV)
    assert [s["e"].value for s in parsed] == longest  # type: ignore[index]


@pytest.mark.parametrize("flag", ["--wrap", "--full"])
def test_table_shows_whole_quotes_with_wrap_or_full(
    built: Path, store: ox.Store, flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    longest = " ".join(next(rows(execute(store, QUOTES)))["e"].split())
    assert main(["query", "--out", str(built), QUOTES]) == 0
    cut = capsys.readouterr().out
    assert longest not in cut and "…" in cut
    assert main(["query", "--out", str(built), flag, QUOTES]) == 0
    out = capsys.readouterr().out
    if flag == "--full":
        assert longest in out
    else:
        assert all(width(line) <= 70 + 2 + 70 for line in out.splitlines())
        pieces = [line.split("  ")[-1].strip() for line in out.splitlines()[2:]]
        assert longest.replace(" ", "") in "".join(pieces).replace(" ", "")


def test_misspelt_term_is_named_with_the_nearest(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--out", str(built), "SELECT ?g WHERE { ?g :benefitFrom ?c }"]) == 0
    captured = capsys.readouterr()
    assert (
        captured.err == "warning: query: :benefitFrom is not in the ontology; did you mean :benefitsFrom?\n"
    )
    assert "(0 rows)" in captured.out
    assert (
        main(
            ["query", "--out", str(built), "SELECT ?g WHERE { ?g :benefitsFrom ?c . ?g nx:text '?x :nope' }"]
        )
        == 0
    )
    assert capsys.readouterr().err == ""


def test_unknown_prefix_names_it_and_the_known_ones(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--out", str(built), "SELECT ?g WHERE { ?g nxx:benefitsFrom ?c }"]) == 1
    known = ", ".join(f"{p}:" for p in sorted(query_prefixes()))
    assert capsys.readouterr().err == (
        f"Error: query: unknown prefix 'nxx:' (line 1, column 22); known prefixes: {known}\n"
    )


def test_closed_pipe_ends_quietly(built: Path) -> None:
    import subprocess
    import sys

    cmd = (
        f"{sys.executable} -m graph.cli query --list | head -2; "
        f"{sys.executable} -m graph.cli query --out {built} --full "
        f"'SELECT ?p WHERE {{ ?p a nx:Passage }}' | head -1"
    )
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True, timeout=120, check=False)
    assert len(done.stdout.splitlines()) == 3
    assert done.stderr == ""


def test_query_loads_neither_rdflib_nor_networkx(built: Path) -> None:
    """The query path reads the ontology's terms with pyoxigraph: rdflib and NetworkX stay unloaded."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from graph.cli import main\n"
        f"first = main(['query', '--out', {str(built)!r}, 'SELECT ?g ?c WHERE {{ ?g :benefitFrom ?c }}'])\n"
        f"second = main(['query', '--out', {str(built)!r}, '--name', 'amounts', '--format', 'csv'])\n"
        "print(first, second, sorted(m for m in ('rdflib', 'networkx') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.stdout.splitlines()[-1] == "0 0 []", done.stdout
    assert "did you mean :benefitsFrom?" in done.stderr  # the ontology's terms were read
    assert "group-isil" in done.stdout or "伊拉克和黎凡特伊斯兰国" in done.stdout


def test_the_terminal_table_writes_escape_sequences_out() -> None:
    from graph.sparql.results import Results, Term
    from graph.sparql.table import render

    res = Results("bindings", ("x",), ({"x": Term("literal", "a\x1b]0;owned\x07\u202eb")},))
    table = render(res, "table")
    assert "a\\u001b]0;owned\\u0007\\u202eb" in table and not any(ch in table for ch in "\x1b\x07\u202e")
    assert "\x1b" in render(res, "csv")  # a data format keeps the value
