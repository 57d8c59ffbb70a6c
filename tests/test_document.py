"""`nexus-kg show SYMBOL` and `/entity/doc-…`: a document's dossier, counted against the graph."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib

from graph.cli import main
from graph.ns import NX, entity_iri
from graph.rdf.store import open_store
from graph.sparql import document, pages


@pytest.fixture(scope="module")
def store(built: Path):
    return open_store(built)


def stated_in(g: rdflib.Graph, doc: rdflib.URIRef) -> set[rdflib.term.Node]:
    """The claims stated in a passage of ``doc``, found by rdflib in the Turtle file."""
    passages = set(g.subjects(NX.inDocument, doc))
    return {c for c in g.subjects(rdflib.RDF.type, NX.Claim) if g.value(c, NX.statedIn) in passages}


@pytest.mark.parametrize(
    ("symbol", "ident"), [("S/2015/366", "doc-s-2015-366"), ("S/RES/2482 (2019)", "res-s-2482-2019")]
)
def test_show_a_symbol_gives_the_document(built, seed_graph, symbol, ident, capsys) -> None:
    assert main(["show", "--out", str(built), "--format", "json", symbol]) == 0
    d = json.loads(capsys.readouterr().out)
    doc = entity_iri(ident)
    assert d["symbol"] == symbol and d["date"] == str(
        seed_graph.value(doc, rdflib.URIRef("http://purl.org/dc/terms/date"))
    )
    assert d["body"] == "Security Council" and d["kind"] and dict(d["titles"])["zh"] == d["title"]
    claims = stated_in(seed_graph, doc)
    assert {c["claim"] for c in d["claims"]} == {str(c) for c in claims} and claims
    assert len(d["passages"]) == len(set(seed_graph.subjects(NX.inDocument, doc)))
    for c in d["claims"]:  # each quote is the text of the passage the claim is stated in
        passage = seed_graph.value(rdflib.URIRef(c["claim"]), NX.statedIn)
        assert c["citation"]["text"] == str(seed_graph.value(passage, NX.text))
        assert c["citation"]["paragraph"] == str(seed_graph.value(passage, NX.paragraph))
    assert all(n["citation"]["document"] != str(doc) for n in d["named_in"])


def test_markdown_groups_the_claims_by_relation(built, store, capsys) -> None:
    assert main(["show", "--out", str(built), "S/2015/366"]) == 0
    text = capsys.readouterr().out
    d = document.document_dossier(store, str(entity_iri("doc-s-2015-366")))
    assert text.startswith(f"# {d.title}\n") and "Date: 2015-05-21" in text
    heads = re.findall(r"^### nx:(\w+) \((\d+)\)$", text, re.M)
    assert [h for h, _ in heads] == sorted(h for h, _ in heads)
    assert sum(int(n) for _, n in heads) == len(d.claims)
    assert f"## Passages: {len(d.passages)} passages" in text
    assert "1.55亿美元" in text  # the Taliban's drug money, with its quote


def test_a_cited_document_outside_the_corpus_says_so(built, capsys) -> None:
    assert main(["show", "--out", str(built), "S/2015/939"]) == 0
    assert "Not in the corpus" in capsys.readouterr().out


def test_the_document_page_links_every_citation(built, store) -> None:
    page = pages.page(built, "/entity/doc-s-2015-366", {}, pages.local_dossiers(built))
    assert page is not None and page.status == 200
    body = page.body.decode("utf-8")
    d = document.document_dossier(store, str(entity_iri("doc-s-2015-366")))
    anchors = set(re.findall(r'<tr id="(p-[^"]+)">', body))
    assert len(anchors) == len(d.passages)
    links = re.findall(r'href="/entity/doc-s-2015-366#(p-[^"]+)"', body)
    assert len(links) == len(d.claims) and set(links) <= anchors


def test_a_new_document_with_markup_in_its_text(tmp_path: Path, capsys) -> None:
    from graph.pipeline import run_build

    (tmp_path / "docs").mkdir()
    text = "S/2099/1\n1. 据报，博科圣地从绑架勒索中获得了约200万美元的收入<b>。\n"
    (tmp_path / "docs" / "note.txt").write_text(text, encoding="utf-8")
    run_build([tmp_path / "docs"], tmp_path / "out", progress=lambda m: None)
    assert main(["show", "--out", str(tmp_path / "out"), "S/2099/1"]) == 0
    md = capsys.readouterr().out
    assert (
        "### nx:benefitsFrom (1)" in md and "博科圣地 → 绑架勒索 (hedged, 约200万美元 (2,000,000 USD))" in md
    )
    page = pages.page(tmp_path / "out", "/entity/doc-s-2099-1", {}, pages.local_dossiers(tmp_path / "out"))
    assert page is not None and page.status == 200
    body = page.body.decode("utf-8")
    assert "&lt;b&gt;" in body and "<b>" not in body


def test_an_entity_dossier_links_each_citation_to_its_document(built) -> None:
    page = pages.page(built, "/entity/group-taliban", {}, pages.local_dossiers(built))
    assert page is not None and page.status == 200
    cites = re.findall(r'<span class="cite">(.*?)</span>', page.body.decode("utf-8"))
    assert cites and all(c.startswith('<a href="/entity/doc-') for c in cites)
