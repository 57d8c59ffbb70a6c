"""The viewer page: offline, escaped, filtered, focused, cut down on large graphs."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from graph import cli
from graph.analytics import analyze, report
from graph.analytics.project import to_networkx
from graph.ns import NX, RELATIONS, entity_iri
from graph.view import render

PAYLOAD = "<img src=x onerror=alert(1)>"
SCRIPT_PAYLOAD = "</script><script>alert(2)</script>"


def payload_graph() -> rdflib.Graph:
    """A tiny graph in the nexus-kg model whose labels and sentence carry markup."""
    g = rdflib.Graph()
    grp, crime, doc = (
        entity_iri("group-evil"),
        entity_iri("crime-oil-smuggling"),
        entity_iri("doc-s-2015-366"),
    )
    g.add((grp, RDF.type, NX.TerroristGroup))
    g.add((grp, RDFS.label, Literal(f"恶意{PAYLOAD}", lang="zh")))
    g.add((grp, RDFS.label, Literal(f"Evil {SCRIPT_PAYLOAD}", lang="en")))
    g.add((grp, SKOS.altLabel, Literal("<b>别名</b>", lang="zh")))
    g.add((crime, RDF.type, NX.CrimeType))
    g.add((crime, RDFS.label, Literal("石油走私", lang="zh")))
    g.add((crime, RDFS.label, Literal("oil smuggling", lang="en")))
    g.add((grp, NX.benefitsFrom, crime))
    g.add((doc, RDF.type, NX.Document))
    g.add((doc, NX.symbol, Literal("S/2015/366")))
    g.add((doc, NX.year, Literal("2015", datatype=XSD.gYear)))
    claim, passage = entity_iri("claim-000000000001"), entity_iri("passage-000_x-32-1")
    g.add((claim, RDF.type, NX.Claim))
    g.add((claim, RDF.subject, grp))
    g.add((claim, RDF.predicate, NX.benefitsFrom))
    g.add((claim, RDF.object, crime))
    g.add((claim, NX.confidence, Literal(0.9)))
    g.add((claim, NX.statedIn, passage))
    g.add((passage, RDF.type, NX.Passage))
    g.add((passage, NX.inDocument, doc))
    g.add((passage, NX.paragraph, Literal("32")))
    g.add((passage, NX.text, Literal(f"该团体{PAYLOAD}通过{SCRIPT_PAYLOAD}走私石油获利。", lang="zh")))
    return g


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[dict, str]] = []
        self._attrs: dict | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._attrs = dict(attrs)
            self.found.append((self._attrs, ""))

    def handle_data(self, data):
        if self._attrs is not None:
            attrs, text = self.found[-1]
            self.found[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._attrs = None


def script_elements(page: str) -> list[tuple[dict, str]]:
    parser = _Scripts()
    parser.feed(page)
    return parser.found


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def test_page_is_self_contained():
    page = report.viewer(payload_graph())
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=\s*[\"']?(https?:)?//", page, re.I)
    assert "@import" not in page
    assert "vis.Network" in page and "vis-network" in page  # the library is inlined


def test_markup_from_documents_is_escaped():
    page = report.viewer(payload_graph())
    assert "<img src=x" not in page
    assert "<b>别名" not in page
    # an HTML parser sees exactly our four script elements: nothing from the data closes one early
    scripts = script_elements(page)
    assert [attrs.get("id") for attrs, _ in scripts] == [None, None, "graph-data", None]
    assert json.loads(scripts[2][1])["nodes"]
    data = page_data(page)
    node = next(n for n in data["nodes"] if n["id"] == "group-evil")
    assert node["tip"]["head"] == f"恶意{PAYLOAD}"  # kept as text, shown with textContent
    assert any(PAYLOAD in ev["text"] for ev in node["tip"]["evidence"])
    assert all("<br" not in line for line in node["tip"]["lines"])
    assert "<b>别名</b>" in node["search"] or "<b>别名</b>".casefold() in node["search"]
    assert "innerHTML" not in page.split('id="graph-data"')[1]  # our code never parses markup


def test_title_of_focus_page_is_escaped():
    page = report.viewer(payload_graph(), focus="恶意" + PAYLOAD)
    head = page.split("</title>")[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in head


def test_edge_tooltips_carry_best_sentences(seed_graph):
    page = report.viewer(seed_graph)
    data = page_data(page)
    edges = [e for e in data["edges"] if e["from"] == "group-isil" and e["property"] == "benefitsFrom"]
    assert edges, "ISIL benefits from something in the seeds"
    for e in edges:
        ev = e["tip"]["evidence"]
        assert 1 <= len(ev) <= render.MAX_EVIDENCE
        assert all(x["text"] and re.search(r"S/\d{4}/\d+ ¶\S+", x["source"]) for x in ev)
        confs = [float(re.search(r"conf\. ([0-9.]+)", x["source"]).group(1)) for x in ev]
        assert confs == sorted(confs, reverse=True)
        assert e["label"] == "受益于" and e["color"] == render.PROPERTY_COLOURS["benefitsFrom"]
    isil = next(n for n in data["nodes"] if n["id"] == "group-isil")
    assert isil["tip"]["head"] == "伊拉克和黎凡特伊斯兰国"
    assert isil["tip"]["sub"] == "Islamic State in Iraq and the Levant"
    assert "伊黎伊斯兰国" in isil["search"] and "isil" in isil["search"]
    assert isil["shape"] == render.CLASS_STYLE["TerroristGroup"][0]
    classes = {c["id"]: c for c in data["classes"]}
    assert classes["TerroristGroup"]["label"] == "恐怖主义团体 · terrorist group"
    assert {p["id"] for p in data["properties"]} <= set(RELATIONS)


def test_size_follows_the_chosen_measure(seed_graph):
    data = page_data(report.viewer(seed_graph, size_by="betweenness"))
    G = to_networkx(seed_graph)
    bt = analyze.centrality(G, ["betweenness"])["betweenness"]
    biggest = max(data["nodes"], key=lambda n: (n["size"], n["id"]))["id"]
    assert bt[biggest] == max(bt.values())


def test_large_graphs_show_the_most_central_nodes_with_a_note():
    G = nx.MultiDiGraph()
    for i in range(1, 30):
        G.add_edge("hub", f"n{i:02}", key="partnerOf", property="partnerOf", weight=1, years=())
    scores = analyze.centrality(G, ["degree"])["degree"]
    data = render.network_data(G, scores, {}, max_nodes=10)
    assert len(data["nodes"]) == 10 and data["hidden"] == 20
    assert "hub" in {n["id"] for n in data["nodes"]}
    assert data["note"] == "Showing the 10 most central of 30 entities by degree; 20 hidden."
    kept = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in kept and e["to"] in kept for e in data["edges"])
    assert "physics: false" in render._APP_JS.replace("physics:false", "physics: false")
    assert "stabilizationIterationsDone" in render._APP_JS


def test_focus_draws_the_neighbourhood(seed_graph):
    G = to_networkx(seed_graph)
    data = page_data(report.viewer(seed_graph, focus="伊黎伊斯兰国", depth=1))
    expected = {"group-isil"} | set(G.successors("group-isil")) | set(G.predecessors("group-isil"))
    assert {n["id"] for n in data["nodes"]} == expected
    deeper = page_data(report.viewer(seed_graph, focus="ISIL", depth=2))
    assert len(deeper["nodes"]) > len(expected)


def test_viz_cli_unknown_focus_is_a_one_line_error(built, tmp_path, capsys):
    rc = cli.main(
        [
            "viz",
            "--graph",
            str(built / "nexus.ttl"),
            "--focus",
            "不存在的组织",
            "--out",
            str(tmp_path / "g.html"),
        ]
    )
    err = capsys.readouterr().err
    assert rc == 1
    assert (
        err == "Error: no entity has the label, alias or id '不存在的组织'; try a Chinese or English name\n"
    )
    assert not (tmp_path / "g.html").exists()


def test_viz_cli_writes_the_page(built, tmp_path, capsys):
    out = tmp_path / "sub" / "isil.html"
    rc = cli.main(
        [
            "viz",
            "--graph",
            str(built / "nexus.ttl"),
            "--focus",
            "伊黎伊斯兰国",
            "--depth",
            "2",
            "--size-by",
            "pagerank",
            "--out",
            str(out),
        ]
    )
    assert rc == 0 and capsys.readouterr().out == f"wrote {out}\n"
    assert "group-isil" in out.read_text(encoding="utf-8")


def test_build_writes_the_viewer(built: Path):
    page = (built / "graph.html").read_text(encoding="utf-8")
    data = page_data(page)
    G = to_networkx(rdflib.Graph().parse(built / "nexus.ttl", format="turtle"))
    assert {n["id"] for n in data["nodes"]} == set(G.nodes)
    assert len(data["edges"]) == G.number_of_edges()


def test_page_is_deterministic():
    assert report.viewer(payload_graph()) == report.viewer(payload_graph())


@pytest.mark.parametrize("text", ["</script>", "<!--", "\u2028", "&amp;"])
def test_script_json_survives_html_parsing(text):
    out = render.script_json({"t": text})
    assert "<" not in out and ">" not in out and "&" not in out and "\u2028" not in out
    assert json.loads(out) == {"t": text}


def test_document_text_with_the_template_placeholders_leaves_the_page_whole():
    placeholders = "@@APP_JS@@ @@DATA@@ @@VIS_JS@@ @@TITLE@@ @@SIZE_BY@@ @@VIS_CSS@@"
    g = payload_graph()
    passage = entity_iri("passage-000_x-32-1")
    g.set((passage, NX.text, Literal(f"正文{placeholders}{SCRIPT_PAYLOAD}", lang="zh")))
    g.add((entity_iri("group-evil"), SKOS.altLabel, Literal(placeholders, lang="zh")))
    page = report.viewer(g)
    assert [attrs.get("id") for attrs, _ in script_elements(page)] == [None, None, "graph-data", None]
    assert page.count('"use strict"') == report.viewer(payload_graph()).count('"use strict"')
    node = next(n for n in page_data(page)["nodes"] if n["id"] == "group-evil")
    assert any(placeholders in ev["text"] and SCRIPT_PAYLOAD in ev["text"] for ev in node["tip"]["evidence"])


def test_entities_only_mentioned_wait_behind_a_toggle(seed_graph):
    data = page_data(report.viewer(seed_graph))
    in_facts = {n for e in data["edges"] for n in (e["from"], e["to"])}
    behind = {n["id"] for n in data["nodes"] if n.get("mention")}
    assert behind and not behind & in_facts  # a node behind the toggle takes part in no fact
    assert {n["id"] for n in data["nodes"]} - behind == in_facts  # every other one does
    assert data["mentions"] == len(behind)
    assert sum(c["count"] for c in data["classes"]) == len(in_facts)  # the legend counts what is drawn


def test_a_focus_only_mentioned_is_drawn(seed_graph):
    G = report.to_networkx(seed_graph)
    lonely = next(v for v in sorted(G.nodes) if not G.degree(v))
    data = page_data(report.viewer(seed_graph, focus=lonely))
    [node] = [n for n in data["nodes"] if n["id"] == lonely]
    assert node["focus"] is True and data["mentions"] == 0


def test_each_relation_carries_its_documents_and_years(seed_graph):
    data = page_data(report.viewer(seed_graph))
    edge = next(e for e in data["edges"] if e["id"] == "group-taliban|benefitsFrom|crime-drug-trafficking")
    assert "S/2015/366" in edge["docs"] and 2015 in edge["years"]
    counts = {d["id"]: d["count"] for d in data["documents"]}
    assert counts["S/2015/366"] == sum(1 for e in data["edges"] if "S/2015/366" in e["docs"])
    assert [y["id"] for y in data["years"]] == sorted({y for e in data["edges"] for y in e["years"]})


def test_every_class_and_relation_of_the_ontology_has_a_style() -> None:
    from graph.ns import CLASSES

    assert list(render.CLASS_STYLE) == [*CLASSES, "Entity"]
    assert list(render.PROPERTY_COLOURS) == list(RELATIONS)
    assert all(shape in render.SHAPE_SYMBOL for shape, _ in render.CLASS_STYLE.values())


def test_a_style_missing_or_naming_an_unknown_term_is_a_load_error() -> None:
    from graph.errors import OntologyError

    colours = {**render.PROPERTY_COLOURS, "benefitFrom": "#000000"}
    with pytest.raises(
        OntologyError, match=r"^graph/view/render.py: a relation style for benefitFrom, which"
    ):
        render.keyed(colours, RELATIONS, "relation")
    del colours["benefitFrom"], colours["recalls"]
    with pytest.raises(OntologyError, match=r"^graph/view/render.py: no relation style for recalls \("):
        render.keyed(colours, RELATIONS, "relation")


def test_the_viewer_drawn_as_the_documents_stream_is_the_one_drawn_from_the_store(built: Path) -> None:
    # the build draws its page from what each document's worker sent (graph.analytics.stream), with no
    # second pass over the store; the page is the one the store's projection gives, byte for byte
    from graph.analytics.project import graph_from_store
    from graph.analytics.report import viewer
    from graph.rdf.store import open_graph

    page = (built / "graph.html").read_text(encoding="utf-8")
    assert "vis.Network" in page
    assert page == viewer(graph_from_store(open_graph(built)))
