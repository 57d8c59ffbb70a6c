"""`nexus-kg show`: one entity's dossier, found by any name in either script."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main
from graph.rdf.store import open_store
from graph.sparql import dossier
from graph.sparql.query import execute

ISIL = "https://w3id.org/nexus-kg/id/group-isil"


@pytest.fixture(scope="module")
def store(built: Path):
    return open_store(built)


@pytest.mark.parametrize(
    "name", ["伊黎伊斯兰国", "伊黎伊斯蘭國", "isil", "Da'esh", "nxid:group-isil", "group-isil", ISIL]
)
def test_any_alias_in_either_script_finds_the_entity(store, name: str) -> None:
    assert dossier.resolve(store, name) == ISIL


def test_unknown_name_is_one_line_with_near_names(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "--out", str(built), "伊黎伊斯兰国x"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: 伊黎伊斯兰国x: no entity goes by this name; did you mean 伊黎伊斯兰国")
    assert err.count("\n") == 1
    assert main(["show", "--out", str(built), "nxid:group-nobody"]) == 1
    assert capsys.readouterr().err == "Error: nxid:group-nobody: no such entity in the graph\n"


def test_dossier_has_every_claim_and_mention(store) -> None:
    d = dossier.dossier(store, ISIL)
    claims = execute(
        store,
        f"SELECT (COUNT(?c) AS ?n) WHERE {{ {{ ?c rdf:subject <{ISIL}> }} UNION "
        f"{{ ?c rdf:object <{ISIL}> }} }}",
    )
    passages = execute(store, f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p nx:mentions <{ISIL}> }}")
    assert len(d.claims) == int(claims.rows[0]["n"].value) > 5
    assert len(d.mentions) == int(passages.rows[0]["n"].value) > len(d.claims) // 2
    assert "nx:TerroristGroup" in d.classes and "ISIL" in d.aliases
    oil = [c for c in d.claims if c.relation == "nx:benefitsFrom" and c.other_label == "石油走私"]
    assert oil and all(c.citation and c.citation.symbol == "S/2015/366" and c.citation.text for c in oil)
    assert any(c.amount for c in d.claims) and any(c.hedged for c in d.claims)


def test_show_markdown_and_json(built: Path, store, capsys: pytest.CaptureFixture[str]) -> None:
    d = dossier.dossier(store, ISIL)
    assert main(["show", "--out", str(built), "伊黎伊斯蘭國"]) == 0
    md = capsys.readouterr().out
    assert md.startswith(f"# {d.label}\n") and f"## Claims ({len(d.claims)})" in md
    first = d.claims[0]
    assert f"— {first.citation.where}" in md and " ".join(first.citation.text.split()) in md
    assert main(["show", "--out", str(built), "--format", "json", "--lang", "en", "ISIL"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["iri"] == ISIL and len(doc["claims"]) == len(d.claims)
    assert doc["label"] == "Islamic State in Iraq and the Levant"
    assert {m["symbol"] for m in doc["documents"]} == {m.symbol for m in d.mentions}


def test_html_escapes_document_text(store) -> None:
    d = dossier.dossier(store, ISIL)
    evil = dossier.Citation("p", "urn:d", "<b>S</b>", "1", 1, "<img src=x onerror=alert(1)>")
    page = dossier.to_html(
        dossier.Dossier(d.iri, d.id, "<i>x</i>", d.classes, d.labels, d.aliases, (), (evil,))
    )
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page and "<i>x" not in page


# ---- a name is data: it never becomes query text (security finding 1)

HOSTILE = [
    "group-x> ?p ?o FILTER(((((((((((1))))))))))) } #",
    "x> ?p ?o } SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } #",
    'urn:x\\u0041#> ?p ?o } SELECT * WHERE { ?s ?p "',
    "nxid:group-isil> ?p ?o } #",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_name_is_no_entity_and_changes_no_query(store, name: str) -> None:
    with pytest.raises(dossier.UnknownEntity):
        dossier.resolve(store, name)


def test_names_with_spaces_and_symbols_as_the_tool_prints_them(built: Path, capsys) -> None:
    assert main(["show", "--out", str(built), "Boko Haram"]) == 0
    assert capsys.readouterr().out.startswith("# 博科圣地")
    assert main(["show", "--out", str(built), "S/RES/2482 (2019)"]) == 0
    assert capsys.readouterr().out.startswith("# 第2482(2019)号决议")


def test_the_entity_is_bound_as_data_and_a_bad_iri_is_refused(store) -> None:
    from graph.errors import QueryError

    res = execute(store, "SELECT ?entity ?p WHERE { ?entity ?p ?o } LIMIT 1", bindings={"entity": ISIL})
    assert res.rows and res.rows[0]["entity"].value == ISIL
    with pytest.raises(QueryError, match="not an IRI"):
        execute(store, "SELECT ?entity WHERE { ?entity ?p ?o }", bindings={"entity": "a b> ?p"})


def test_the_entity_page_answers_a_hostile_name_with_404(built: Path) -> None:
    from graph.sparql import pages

    local = pages.local_dossiers(built)
    for name in HOSTILE:
        page = pages.page(built, "/entity/" + name, {}, local)
        assert page.status == 404, name
        page = pages.page(built, "/entity", {"name": [name]}, local)
        assert page.status == 404, name
    assert pages.page(built, "/entity", {"name": ["Boko Haram"]}, local).status == 200


def test_a_dossier_is_cut_into_pages_with_links_between_them(store) -> None:
    d = dossier.dossier(store, ISIL)
    first, paging = dossier.paginate(d, 1, per_page=5)
    assert paging.pages == max(-(-len(d.claims) // 5), -(-len(d.mentions) // 5)) > 1
    assert first.claims == d.claims[:5] and first.mentions == d.mentions[:5]
    last, _ = dossier.paginate(d, paging.pages, per_page=5)
    seen = {c for n in range(1, paging.pages + 1) for c in dossier.paginate(d, n, per_page=5)[0].claims}
    assert seen == set(d.claims)  # every claim on exactly one page
    page = dossier.to_html(first, paging)
    assert (
        f"<h2>Claims ({len(d.claims)})</h2>" in page and 'rel="next" href="/entity/group-isil?page=2"' in page
    )
    assert 'rel="prev"' not in page and 'rel="prev"' in dossier.to_html(
        last, dossier.paginate(d, paging.pages, 5)[1]
    )
    with pytest.raises(dossier.UnknownEntity, match="no page"):
        dossier.paginate(d, paging.pages + 1, per_page=5)


def test_bidi_and_escape_sequences_are_written_out_on_pages_and_terminals(store) -> None:
    d = dossier.dossier(store, ISIL)
    trick = "txt.\u202eexe \x1b]0;owned\x07\x1b[2J"
    cite = dossier.Citation("p", "urn:d", "S/1", "1", 1, trick)
    crafted = dossier.Dossier(d.iri, d.id, trick, d.classes, d.labels, (trick,), (), (cite,))
    page = dossier.to_html(crafted)
    assert "\u202e" not in page and "\x1b" not in page and "\x07" not in page
    assert "txt.\\u202eexe \\u001b]0;owned\\u0007" in page and "<bdi>" in dossier.to_html(d)
    for fmt in ("md", "json"):
        shown = dossier.render(crafted, fmt)
        assert not any(ch in shown for ch in "\u202e\x1b\x07"), fmt
    assert json.loads(dossier.render(crafted, "json"))["label"] == trick  # JSON escapes: the value survives
