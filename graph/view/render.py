"""NetworkX graph → one self-contained, offline HTML page (vis-network, inlined from pyvis).

pyvis assembles the node and edge records; the page is our own small template with
vis-network's JavaScript and CSS inlined, so it loads nothing from the network. Text from the
documents is data, never markup: it travels as JSON (with ``<``, ``>`` and ``&`` escaped) and
tooltips are DOM elements filled with ``textContent``.

Graphs above :data:`MAX_NODES` nodes are cut to the most central ones, with a note on the
page saying how many are hidden. Physics runs a bounded stabilisation, then stops.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", cls="TerroristGroup", zh="<b>甲</b>", en="A", labels=("A",))
>>> html = page(G, {"a": 1.0}, {})
>>> "<b>甲</b>" in html, "\\\\u003cb\\\\u003e甲" in html
(False, True)
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from graph.errors import OntologyError
from graph.ns import CLASSES, RELATIONS

T = TypeVar("T")

#: Above this many nodes the page draws only the most central ones.
MAX_NODES = 1500
#: Most passages shown in a tooltip.
MAX_EVIDENCE = 3

#: Shape and colour of each class (vis-network shapes), and of ``Entity`` for any other node.
_CLASS_STYLE: dict[str, tuple[str, str]] = {
    "TerroristGroup": ("diamond", "#d62728"),
    "CrimeType": ("triangle", "#ff7f0e"),
    "UNEntity": ("dot", "#1f77b4"),
    "Organization": ("square", "#17becf"),
    "Programme": ("triangleDown", "#9467bd"),
    "Convention": ("star", "#8c564b"),
    "Country": ("dot", "#2ca02c"),
    "Region": ("hexagon", "#98df8a"),
    "Resolution": ("square", "#7f7f7f"),
    "Document": ("hexagon", "#bcbd22"),
    "Entity": ("dot", "#c7c7c7"),
}
#: Legend symbol of each vis-network shape.
SHAPE_SYMBOL = {
    "diamond": "◆",
    "triangle": "▲",
    "dot": "●",
    "square": "■",
    "triangleDown": "▼",
    "star": "★",
    "hexagon": "⬢",
}
#: Colour of each relation property.
_PROPERTY_COLOURS: dict[str, str] = {
    "benefitsFrom": "#d62728",
    "mandatedBy": "#7f7f7f",
    "implements": "#1f77b4",
    "operatesIn": "#e377c2",
    "activeIn": "#2ca02c",
    "recalls": "#bcbd22",
    "affiliatedWith": "#9467bd",
    "partnerOf": "#17becf",
}


def keyed(
    styles: Mapping[str, T], terms: Sequence[str], what: str, extra: Sequence[str] = ()
) -> dict[str, T]:
    """``styles`` keyed by the ontology's ``terms`` in their order (then ``extra``).

    Raises
    ------
    OntologyError
        When a term has no style, or a style names no term of the ontology.

    Examples
    --------
    >>> keyed({"b": 2, "a": 1}, ("a", "b"), "relation")
    {'a': 1, 'b': 2}
    >>> keyed({"a": 1, "c": 3}, ("a", "b"), "relation")
    Traceback (most recent call last):
    ...
    graph.errors.OntologyError: graph/view/render.py: no relation style for b (ontology/nexus.ttl); a relation style for c, which the ontology does not declare
    """
    missing = [t for t in (*terms, *extra) if t not in styles]
    unknown = [k for k in styles if k not in terms and k not in extra]
    if missing or unknown:
        problems = [f"no {what} style for {', '.join(missing)} (ontology/nexus.ttl)"] if missing else []
        if unknown:
            problems.append(f"a {what} style for {', '.join(unknown)}, which the ontology does not declare")
        raise OntologyError("graph/view/render.py: " + "; ".join(problems))
    return {t: styles[t] for t in (*terms, *extra)}


#: Shape and colour of each entity class of the ontology, in its order, then ``Entity``.
CLASS_STYLE: dict[str, tuple[str, str]] = keyed(_CLASS_STYLE, CLASSES, "class", extra=("Entity",))
#: Colour of each relation property of the ontology, in its order.
PROPERTY_COLOURS: dict[str, str] = keyed(_PROPERTY_COLOURS, RELATIONS, "relation")


@cache
def vis_assets() -> tuple[str, str]:
    """The vis-network JavaScript and CSS shipped inside the installed pyvis package.

    Examples
    --------
    >>> js, css = vis_assets()
    >>> "vis-network" in js and ".vis-tooltip" in css
    True
    """
    import pyvis

    base = Path(pyvis.__file__).resolve().parent
    candidates = sorted(
        base.glob("**/vis-*/vis-network.min.js"),
        key=lambda p: tuple(int(x) for x in p.parent.name[4:].split(".") if x.isdigit()),
    )
    if not candidates:
        raise FileNotFoundError("vis-network.min.js not found in the installed pyvis package")
    js = candidates[-1]
    return js.read_text(encoding="utf-8"), js.with_name("vis-network.css").read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` left raw.

    Examples
    --------
    >>> script_json({"t": "</script><img src=x>"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, esc in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, esc)
    return text


def _evidence(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    out = []
    for r in rows[:MAX_EVIDENCE]:
        source = r.get("symbol") or "?"
        if r.get("paragraph"):
            source += f" ¶{r['paragraph']}"
        if r.get("year"):
            source += f" ({r['year']})"
        source += f" · conf. {float(r.get('confidence', 0)):.2f}"
        if r.get("hedged"):
            source += " · hedged 存疑"
        out.append({"text": str(r.get("text", "")), "source": source})
    return out


def _short(text: str, n: int = 16) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def network_data(
    G: nx.MultiDiGraph,
    scores: Mapping[Any, float],
    evidence: Mapping[tuple[str, str, str], Sequence[Mapping[str, Any]]],
    *,
    size_by: str = "degree",
    max_nodes: int = MAX_NODES,
    focus: Any = None,
) -> dict[str, Any]:
    """The nodes, edges, legend and note of the page, as plain JSON-ready data.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The analytic graph (:func:`graph.analytics.analyze.to_networkx`).
    scores : dict
        The measure that sizes the nodes, ``{node: score}``.
    evidence : dict
        ``{(subject, property, object): [passage dicts]}`` from
        :func:`graph.analytics.analyze.supporting_passages`, best first.
    max_nodes : int
        Above this, only the ``max_nodes`` highest-scoring nodes are kept.
    focus : node, optional
        The node the page is about: drawn with a thick black border, and always kept.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="partnerOf", property="partnerOf", weight=2, years=(2020,))
    'partnerOf'
    >>> d = network_data(G, {"a": 0.2, "b": 0.1}, {}, max_nodes=1)
    >>> [n["id"] for n in d["nodes"]], d["hidden"], d["note"]
    (['a'], 1, 'Showing the 1 most central of 2 entities by degree; 1 hidden.')
    """
    from pyvis.network import Network

    labels = G.graph.get("labels", {})
    total = G.number_of_nodes()
    order = sorted(G.nodes, key=lambda v: (-float(scores.get(v, 0.0)), str(v)))
    keep = set(order[:max_nodes])
    if focus is not None and focus in G and focus not in keep and keep:
        keep.discard(order[max_nodes - 1])
        keep.add(focus)
    hidden = total - len(keep)
    values = [float(scores.get(v, 0.0)) for v in keep]
    lo, hi = (min(values), max(values)) if values else (0.0, 0.0)

    def lab(term: str) -> str:
        d = labels.get(term, {})
        return " · ".join(x for x in (d.get("zh"), d.get("en")) if x) or term

    net = Network(directed=True, cdn_resources="local")
    node_ev: dict[Any, list[Mapping[str, Any]]] = {v: [] for v in keep}
    edges = sorted(
        (e for e in G.edges(keys=True, data=True) if e[0] in keep and e[1] in keep),
        key=lambda e: (str(e[0]), str(e[1]), str(e[2])),
    )
    for u, v, _k, d in edges:
        for row in evidence.get((str(u), d.get("property", ""), str(v)), ()):
            node_ev[u].append(row)
            node_ev[v].append(row)

    for v in sorted(keep, key=str):
        d = G.nodes[v]
        cls = d.get("cls", "Entity")
        shape, colour = CLASS_STYLE.get(cls, CLASS_STYLE["Entity"])
        score = float(scores.get(v, 0.0))
        size = 10 + 30 * ((score - lo) / (hi - lo) if hi > lo else 0.5)
        zh, en = d.get("zh", ""), d.get("en", "")
        aliases = [x for x in d.get("labels", ()) if x not in (zh, en)]
        lines = [f"类别 class: {lab(cls)}", f"{size_by}: {score:.6g}", f"id: {v}"]
        if size_by != "degree":
            lines[1] += f" · degree {G.degree(v)}"
        if d.get("discovered"):
            lines.append("discovered outside the vocabulary · 词表外发现")
        if aliases:
            lines.append("别名 aliases: " + "; ".join(aliases[:8]) + (" …" if len(aliases) > 8 else ""))
        unique = {(r.get("text"), r.get("symbol"), r.get("paragraph")): r for r in node_ev[v]}
        best = sorted(
            unique.values(),
            key=lambda r: (-float(r.get("confidence", 0)), str(r.get("symbol")), str(r.get("text"))),
        )
        extra: dict[str, Any] = {}
        if v == focus:
            extra = {"borderWidth": 5, "font": {"size": 18, "bold": True}, "focus": True}
        if not G.degree(v):  # named by a passage, in no fact: behind the toggle
            extra["mention"] = True
            lines.append("只被提及，未参与事实 · mentioned only, in no fact")
        net.add_node(
            str(v),
            label=_short(zh or en or str(v)),
            shape=shape,
            color={"background": colour, "border": "#000000"} if v == focus else colour,
            **extra,
            size=round(size, 2),
            cls=cls,
            search=sorted({x.casefold() for x in (*d.get("labels", ()), zh, en, str(v)) if x}),
            tip={
                "head": zh or en or str(v),
                "sub": en if zh and en and en != zh else "",
                "lines": lines,
                "evidence": _evidence(best),
            },
        )
    for u, v, k, d in edges:
        prop = d.get("property", str(k))
        w = int(d.get("weight", 1))
        ys = d.get("years", ())
        lines = [f"{w} supporting passage{'s' if w != 1 else ''} · 支持段落 {w}"]
        if ys:
            lines.append("years 年份: " + ", ".join(map(str, ys)))
        name_u = G.nodes[u].get("zh") or G.nodes[u].get("en") or str(u)
        name_v = G.nodes[v].get("zh") or G.nodes[v].get("en") or str(v)
        net.add_edge(
            str(u),
            str(v),
            id=f"{u}|{prop}|{v}",
            label=labels.get(prop, {}).get("zh", prop),
            color=PROPERTY_COLOURS.get(prop, "#999999"),
            width=round(1 + math.log2(w), 2),
            property=prop,
            years=[int(y) for y in ys],
            docs=list(d.get("documents", ())),
            tip={
                "head": f"{name_u} —{lab(prop)}→ {name_v}",
                "sub": "",
                "lines": lines,
                "evidence": _evidence(evidence.get((str(u), prop, str(v)), ())),
            },
        )
    nodes, edge_list = net.get_network_data()[:2]
    present = {n["cls"] for n in nodes}
    classes = [
        {
            "id": c,
            "label": lab(c),
            "colour": CLASS_STYLE[c][1],
            "symbol": SHAPE_SYMBOL[CLASS_STYLE[c][0]],
            "count": sum(1 for n in nodes if n["cls"] == c and not n.get("mention")),
        }
        for c in CLASS_STYLE
        if c in present
    ]
    props = sorted(
        {e["property"] for e in edge_list},
        key=lambda p: (list(PROPERTY_COLOURS).index(p) if p in PROPERTY_COLOURS else 99, p),
    )
    properties = [
        {
            "id": p,
            "label": lab(p),
            "colour": PROPERTY_COLOURS.get(p, "#999999"),
            "count": sum(1 for e in edge_list if e["property"] == p),
        }
        for p in props
    ]
    note = (
        f"Showing the {len(keep):,} most central of {total:,} entities by {size_by}; {hidden:,} hidden."
        if hidden
        else ""
    )
    mentions = sum(1 for n in nodes if n.get("mention") and not n.get("focus"))
    documents = sorted({doc for e in edge_list for doc in e["docs"]})
    years = sorted({y for e in edge_list for y in e["years"]})
    return {
        "nodes": nodes,
        "edges": edge_list,
        "classes": classes,
        "properties": properties,
        "hidden": hidden,
        "total": total,
        "note": note,
        "mentions": mentions,
        "documents": [{"id": x, "count": sum(1 for e in edge_list if x in e["docs"])} for x in documents],
        "years": [{"id": y, "count": sum(1 for e in edge_list if y in e["years"])} for y in years],
        "focus": str(focus) if focus is not None else None,
        "iterations": 250 if len(keep) <= 300 else 120 if len(keep) <= 800 else 60,
    }


def page(
    G: nx.MultiDiGraph,
    scores: Mapping[Any, float],
    evidence: Mapping[tuple[str, str, str], Sequence[Mapping[str, Any]]],
    *,
    size_by: str = "degree",
    title: str = "nexus-kg",
    max_nodes: int = MAX_NODES,
    focus: Any = None,
) -> str:
    """The whole viewer page: one HTML string with no external resource.

    See :func:`network_data` for the parameters.

    Examples
    --------
    >>> html = page(nx.MultiDiGraph(), {}, {})
    >>> "https://" in html.split("<script>", 1)[0], "vis.Network" in html
    (False, True)
    """
    data = network_data(G, scores, evidence, size_by=size_by, max_nodes=max_nodes, focus=focus)
    js, css = vis_assets()
    parts = {
        "@@TITLE@@": html.escape(title),
        "@@VIS_CSS@@": css.replace("</style", "<\\/style"),
        "@@VIS_JS@@": js.replace("</script", "<\\/script"),
        "@@DATA@@": script_json(data),
        "@@APP_JS@@": _APP_JS,
        "@@SIZE_BY@@": html.escape(size_by),
    }
    return fill(_TEMPLATE, parts)


_PLACEHOLDER = re.compile(r"@@[A-Z_]+@@")


def fill(template: str, parts: Mapping[str, str]) -> str:
    """``template`` with each ``@@NAME@@`` replaced by ``parts``, in one pass over the template.

    Text substituted is never read again, so data containing a placeholder stays data.

    Examples
    --------
    >>> fill("<p>@@A@@ @@B@@</p>", {"@@A@@": "@@B@@", "@@B@@": "b"})
    '<p>@@B@@ b</p>'
    """
    return _PLACEHOLDER.sub(lambda m: parts.get(m.group(0), m.group(0)), template)


_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<script>
window.__errors = [];
function __report(msg) {
  window.__errors.push(String(msg));
  document.documentElement.setAttribute("data-errors", String(window.__errors.length));
  var box = document.getElementById("js-errors");
  if (box) { box.textContent = window.__errors.join("\\n"); box.hidden = false; }
}
window.onerror = function (msg, src, line, col) { __report(msg + " (line " + line + ":" + col + ")"); };
window.addEventListener("unhandledrejection", function (e) { __report("unhandled rejection: " + e.reason); });
window.alert = function (m) {
  document.documentElement.setAttribute("data-alerted", String(m));
  __report("alert: " + m);
};
</script>
<style>@@VIS_CSS@@</style>
<style>
html, body { margin: 0; height: 100%; font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei",
  "PingFang SC", sans-serif; font-size: 14px; color: #222; background: #fff; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; display: flex; gap: 16px; align-items: center;
  flex-wrap: wrap; }
header h1 { font-size: 16px; margin: 0; }
#note { color: #a33; }
#main { display: flex; height: calc(100% - 48px); }
#legend { width: 250px; overflow-y: auto; padding: 8px 12px; border-right: 1px solid #ddd; font-size: 13px; }
#legend h2 { font-size: 13px; margin: 10px 0 4px; }
#legend label { display: block; cursor: pointer; margin-bottom: 2px; }
#legend .sym { display: inline-block; width: 1.2em; text-align: center; }
#legend .line { display: inline-block; width: 1.4em; height: 3px; vertical-align: middle; margin-right: 3px; }
#legend .count { color: #888; }
#network { flex: 1; min-width: 0; }
#details { width: 320px; overflow-y: auto; padding: 8px 12px; border-left: 1px solid #ddd; font-size: 13px; }
#details .hint { color: #888; }
#details button.copy { font-size: 11px; margin-top: 2px; }
#details .dossier { display: block; margin: 6px 0; }
#js-errors { position: fixed; bottom: 0; left: 0; right: 0; max-height: 30%; overflow: auto; margin: 0;
  background: #fee; color: #900; padding: 6px; }
div.vis-tooltip { max-width: 460px; white-space: normal !important; font-family: inherit; font-size: 13px;
  line-height: 1.45; padding: 8px; }
#tip-preview { position: fixed; top: 60px; right: 12px; visibility: visible; }
.tip-head { font-weight: bold; font-size: 14px; }
.tip-sub { color: #444; margin-bottom: 4px; }
.tip-line { color: #333; }
.tip-ev-head { margin-top: 6px; font-weight: bold; }
.tip ul { margin: 2px 0 0 16px; padding: 0; }
.tip li { margin-bottom: 4px; }
.tip-src { color: #666; font-size: 12px; }
</style>
<script>@@VIS_JS@@</script>
</head>
<body>
<header>
  <h1>@@TITLE@@</h1>
  <form id="search-form" autocomplete="off">
    <input id="search" list="all-labels" size="28" placeholder="搜索名称或别名 · search any label or alias">
    <button type="submit">查找 · find</button>
    <span id="search-result"></span>
  </form>
  <span id="size-note">size 大小 = @@SIZE_BY@@</span>
  <span id="note"></span>
</header>
<div id="main">
  <aside id="legend">
    <h2>类别 · classes</h2><div id="class-filters"></div>
    <h2>关系 · relations</h2><div id="property-filters"></div>
    <h2>文件与年份 · document and year</h2>
    <select id="doc-filter"><option value="">所有文件 · every document</option></select>
    <select id="year-filter"><option value="">所有年份 · every year</option></select>
    <h2>其他 · more</h2><label id="mention-toggle"><input type="checkbox" id="show-mentions">
    只被提及的实体 · entities only mentioned, in no fact <span class="count" id="mention-count"></span></label>
  </aside>
  <div id="network"></div>
  <aside id="details"><p class="hint">点击节点或关系以固定详情 · click a node or relation to pin its details
  here, with its sources to copy</p></aside>
</div>
<datalist id="all-labels"></datalist>
<div id="tip-preview" class="vis-tooltip" hidden></div>
<pre id="js-errors" hidden></pre>
<script type="application/json" id="graph-data">@@DATA@@</script>
<script>@@APP_JS@@</script>
</body>
</html>
"""

_APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function tooltip(t) {
    var box = el("div", null, "tip");
    box.appendChild(el("div", t.head, "tip-head"));
    if (t.sub) { box.appendChild(el("div", t.sub, "tip-sub")); }
    (t.lines || []).forEach(function (line) { box.appendChild(el("div", line, "tip-line")); });
    if (t.evidence && t.evidence.length) {
      box.appendChild(el("div", "证据 · evidence", "tip-ev-head"));
      var ul = el("ul");
      t.evidence.forEach(function (ev) {
        var li = el("li");
        li.appendChild(el("div", ev.text, "tip-text"));
        li.appendChild(el("div", "— " + ev.source, "tip-src"));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    }
    return box;
  }
  var classOn = {}, propOn = {};
  data.classes.forEach(function (c) { classOn[c.id] = true; });
  data.properties.forEach(function (p) { propOn[p.id] = true; });
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var copy = {};
    Object.keys(n).forEach(function (k) { if (k !== "tip" && k !== "search") { copy[k] = n[k]; } });
    copy.title = tooltip(n.tip);
    return copy;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var copy = {};
    Object.keys(e).forEach(function (k) { if (k !== "tip") { copy[k] = e[k]; } });
    copy.title = tooltip(e.tip);
    return copy;
  }));
  // the page opens on the entities that take part in facts; those only mentioned wait behind a toggle
  var showMentions = false;
  // a document or year chosen: only the relations they state, and the entities at their ends
  var docOn = "", yearOn = "", ends = null;
  function edgeShown(e) {
    return propOn[e.property] && (!docOn || e.docs.indexOf(docOn) >= 0) &&
      (!yearOn || e.years.indexOf(Number(yearOn)) >= 0);
  }
  function shown(n) {
    if (ends && !ends[n.id] && n.focus !== true) { return false; }
    return classOn[n.cls] && (showMentions || !n.mention || n.focus === true);
  }
  var nodeView = new vis.DataView(nodes, { filter: shown });
  var edgeView = new vis.DataView(edges, { filter: edgeShown });
  var big = data.nodes.length > 300;
  var options = {
    autoResize: true,
    layout: { randomSeed: 7, improvedLayout: !big },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 110, avoidOverlap: 0.2 },
      stabilization: { enabled: true, iterations: data.iterations, updateInterval: 25, fit: true }
    },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big },
    // labels are drawn only once they would be legible: zoom in and they appear
    nodes: { font: { size: 13, face: "Noto Sans CJK SC, WenQuanYi Zen Hei, Microsoft YaHei, sans-serif" },
             borderWidth: 1, scaling: { label: { drawThreshold: big ? 11 : 6 } } },
    edges: { smooth: big ? false : { type: "continuous" }, font: { size: 9, align: "middle" },
             scaling: { label: { drawThreshold: big ? 12 : 7 } },
             arrows: { to: { enabled: true, scaleFactor: 0.5 } } }
  };
  var container = document.getElementById("network");
  // handlers first, data second: a small graph stabilises and draws as soon as it has data
  var network = new vis.Network(container, {}, options);
  network.on("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    document.body.setAttribute("data-stabilized", "1");
    window.setTimeout(function () { network.redraw(); }, 0);
  });
  network.on("afterDrawing", function () {
    document.body.setAttribute("data-drawn", String(nodeView.length));
  });
  network.setData({ nodes: nodeView, edges: edgeView });
  network.redraw();

  function copyText(text, button) {
    function done() { button.textContent = "已复制 · copied"; document.body.setAttribute("data-copied", text); }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(); });
    } else { fallback(); }
    function fallback() {
      var area = el("textarea");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy"); } catch (e) { /* nothing to copy to */ }
      document.body.removeChild(area);
      done();
    }
  }
  // a click pins the details of a node or relation in the side panel, each source with a copy button
  function pin(item, isNode) {
    var panel = document.getElementById("details");
    panel.replaceChildren();
    var box = tooltip({ head: item.tip.head, sub: item.tip.sub, lines: item.tip.lines, evidence: [] });
    panel.appendChild(box);
    if (isNode && /^[a-z]+-/.test(item.id) && window.location.protocol !== "file:") {
      var a = el("a", "档案 · dossier →", "dossier");
      a.href = "/entity/" + encodeURIComponent(item.id);
      panel.appendChild(a);
    }
    if (item.tip.evidence && item.tip.evidence.length) {
      panel.appendChild(el("div", "证据 · evidence", "tip-ev-head"));
      var ul = el("ul", null, "tip");
      item.tip.evidence.forEach(function (ev) {
        var li = el("li");
        li.appendChild(el("div", ev.text, "tip-text"));
        li.appendChild(el("div", "— " + ev.source, "tip-src"));
        var b = el("button", "复制引文 · copy quote", "copy");
        b.type = "button";
        b.addEventListener("click", function () { copyText("“" + ev.text + "” (" + ev.source + ")", b); });
        li.appendChild(b);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    document.body.setAttribute("data-pinned", item.id);
  }
  function byId(list, id) { return list.filter(function (x) { return x.id === id; })[0]; }
  network.on("click", function (params) {
    // a pick by hand replaces what the last search said
    if (params.nodes.length || params.edges.length) { document.getElementById("search-result").textContent = ""; }
    if (params.nodes.length) { pin(byId(data.nodes, params.nodes[0]), true); }
    else if (params.edges.length) { pin(byId(data.edges, params.edges[0]), false); }
  });
  if (data.focus) {
    network.once("stabilizationIterationsDone", function () { network.selectNodes([data.focus]); });
    var f = byId(data.nodes, data.focus);
    if (f) { pin(f, true); }
  }

  function legend(target, items, state, swatch) {
    var box = document.getElementById(target);
    items.forEach(function (item) {
      var label = el("label");
      var box2 = el("input");
      box2.type = "checkbox";
      box2.checked = true;
      box2.value = item.id;
      box2.addEventListener("change", function () {
        state[item.id] = box2.checked;
        nodeView.refresh();
        edgeView.refresh();
      });
      label.appendChild(box2);
      label.appendChild(swatch(item));
      label.appendChild(document.createTextNode(" " + item.label + " "));
      label.appendChild(el("span", "(" + item.count + ")", "count"));
      box.appendChild(label);
    });
  }
  legend("class-filters", data.classes, classOn, function (c) {
    var s = el("span", c.symbol, "sym");
    s.style.color = c.colour;
    return s;
  });
  legend("property-filters", data.properties, propOn, function (p) {
    var s = el("span", null, "line");
    s.style.background = p.colour;
    return s;
  });
  if (data.note) { document.getElementById("note").textContent = data.note; }
  function choose(id, items, set) {
    var select = document.getElementById(id);
    items.forEach(function (item) {
      var o = el("option", item.id + " (" + item.count + ")");
      o.value = String(item.id);
      select.appendChild(o);
    });
    select.addEventListener("change", function () {
      set(select.value);
      ends = null;
      if (docOn || yearOn) {
        ends = {};
        data.edges.forEach(function (e) { if (edgeShown(e)) { ends[e.from] = true; ends[e.to] = true; } });
      }
      document.body.setAttribute("data-filter", [docOn, yearOn].join("|"));
      nodeView.refresh();
      edgeView.refresh();
    });
  }
  choose("doc-filter", data.documents, function (v) { docOn = v; });
  choose("year-filter", data.years, function (v) { yearOn = v; });
  document.getElementById("mention-count").textContent = "(" + data.mentions + ")";
  document.getElementById("mention-toggle").hidden = !data.mentions;
  document.getElementById("show-mentions").addEventListener("change", function (ev) {
    showMentions = ev.target.checked;
    document.body.setAttribute("data-mentions-shown", showMentions ? "1" : "0");
    nodeView.refresh();
  });


  var list = document.getElementById("all-labels");
  var seen = {};
  data.nodes.forEach(function (n) {
    [n.tip.head, n.tip.sub].concat(n.search).forEach(function (x) {
      if (x && !seen[x]) { seen[x] = true; var o = el("option"); o.value = x; list.appendChild(o); }
    });
  });
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = document.getElementById("search").value.trim().toLowerCase();
    var out = document.getElementById("search-result");
    if (!q) { out.textContent = ""; return; }
    var exact = [], part = [];
    var behind = 0;
    data.nodes.forEach(function (n) {
      var match = n.search.indexOf(q) >= 0 ? exact : n.search.some(function (s) { return s.indexOf(q) >= 0; }) ? part : null;
      if (!match) { return; }
      if (shown(n)) { match.push(n.id); } else if (classOn[n.cls]) { behind += 1; }
    });
    var hits = exact.concat(part);
    if (!hits.length) {
      out.textContent = behind ? "只被提及，未参与事实 · only mentioned: tick the toggle to show" : "未找到 · not found";
      return;
    }
    out.textContent = hits.length + " found · 找到 " + hits.length;
    network.selectNodes([hits[0]]);
    network.focus(hits[0], { scale: 1.4, animation: { duration: 300 } });
  });
  // #tip=<id> shows that tooltip in the page; #pin=<id> pins it as a click would (#copy=<n> then
  // copies its n-th quote); #mentions=1 shows the entities only mentioned; #doc=<symbol> and
  // #year=<year> choose the filters. Read on load and whenever the hash changes on the open page.
  function applyHash() {
    var hash = window.location.hash;
    var preview = document.getElementById("tip-preview");
    preview.replaceChildren();
    preview.hidden = true;
    var m = /^#tip=(.+)$/.exec(hash);
    if (m) {
      var wanted = decodeURIComponent(m[1]);
      var item = data.nodes.concat(data.edges).filter(function (x) { return x.id === wanted; })[0];
      if (item) { preview.appendChild(tooltip(item.tip)); preview.hidden = false; }
    }
    var pm = /^#pin=([^&]+)(?:&copy=(\d+))?$/.exec(hash);
    if (pm) {
      var pid = decodeURIComponent(pm[1]);
      var node = byId(data.nodes, pid);
      var target = node || byId(data.edges, pid);
      if (target) {
        pin(target, Boolean(node));
        document.getElementById("search-result").textContent = "";
        if (node) { network.selectNodes([pid]); }
        if (pm[2] !== undefined) {
          var buttons = document.querySelectorAll("#details button.copy");
          if (buttons[Number(pm[2])]) { buttons[Number(pm[2])].click(); }
        }
      }
    }
    hash.slice(1).split("&").forEach(function (part) {  // #doc=S/2015/366&year=2015 choose a filter
      var kv = /^(doc|year)=(.*)$/.exec(part);
      if (!kv) { return; }
      var select = document.getElementById(kv[1] + "-filter");
      select.value = decodeURIComponent(kv[2]);
      select.dispatchEvent(new Event("change"));
    });
    if (/(^#|&)mentions=1(&|$)/.test(hash) && !showMentions) {
      var toggle = document.getElementById("show-mentions");
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }
  applyHash();
  window.addEventListener("hashchange", applyHash);
  window.nexusNetwork = network;
})();
"""
