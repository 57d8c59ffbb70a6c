"""The centrality report (CSV, Markdown; the PNG charts in :mod:`graph.analytics.charts`) and the viewer
page, from an RDF graph.

Everything here returns text or bytes; only the CLI and the pipeline write files. The same
graph gives byte-identical CSV and Markdown: floats are rounded, ties are sorted by id.

Examples
--------
>>> import rdflib
>>> files, warnings = report_files(rdflib.Graph(), with_charts=False)
>>> sorted(files)
['report/centrality.csv', 'report/centrality_by_year.csv', 'report/report.md']
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import networkx as nx
import rdflib

from graph.analytics import analyze
from graph.analytics.charts import charts
from graph.analytics.matrix import crime_matrix, projection
from graph.analytics.measures import MEASURES
from graph.analytics.project import supporting_passages, to_networkx
from graph.ns import CLASSES
from graph.view import render


@dataclass(frozen=True)
class Source:
    """One corpus document: its symbol, body, year, and the relations (claims) stated in it.

    ``entities`` counts, per entity id, the claims of this document that have it at one end.
    """

    document: str
    symbol: str
    body: str
    year: int | None
    relations: int
    entities: dict[str, int] = field(default_factory=dict)


_SOURCES = """
PREFIX nx: <https://w3id.org/nexus-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?d ?file ?sym ?body ?year ?c ?s ?o WHERE {
  ?d nx:fileName ?file .
  OPTIONAL { ?d nx:symbol ?sym } OPTIONAL { ?d nx:body ?body } OPTIONAL { ?d nx:year ?year }
  OPTIONAL { ?p nx:inDocument ?d . ?c nx:statedIn ?p ; rdf:subject ?s ; rdf:object ?o }
}"""


def sources(g: rdflib.Graph) -> list[Source]:
    """The corpus documents of ``g`` (those with a file name), most relations first.

    Examples
    --------
    >>> sources(rdflib.Graph())
    []
    """
    from graph.ns import ID_URI

    def local(t: Any) -> str:
        return str(t)[len(ID_URI) :] if str(t).startswith(ID_URI) else str(t)

    meta: dict[str, tuple[str, str, int | None]] = {}
    claims: dict[str, dict[str, tuple[str, str]]] = {}
    for row in g.query(_SOURCES):
        row = cast(Any, row)
        d = local(row.d)
        year = str(row.year)[:4] if row.year is not None else ""
        meta.setdefault(
            d,
            (
                str(row.sym or row.file),
                str(row.body or "—"),
                int(year) if year.isdigit() else None,
            ),
        )
        claims.setdefault(d, {})
        if row.c is not None:
            claims[d][str(row.c)] = (local(row.s), local(row.o))
    out = []
    for d, (sym, body, when) in meta.items():
        ends = Counter(e for pair in claims[d].values() for e in set(pair))
        out.append(Source(d, sym, body, when, len(claims[d]), dict(sorted(ends.items()))))
    return sorted(out, key=lambda x: (-x.relations, x.symbol, x.document))


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "—"


def _sources_section(G: nx.MultiDiGraph, result: dict[str, Any], docs: Sequence[Source]) -> list[str]:
    if not docs:
        return []
    total = sum(d.relations for d in docs)
    cited = sum(1 for _, c in G.nodes(data="cls") if c == "Document")
    out = [
        "## Where the relations come from · 关系来源",
        "",
        f"The corpus has {len(docs)} document{'s' if len(docs) != 1 else ''}, stating {total} relations "
        f"(claims; a relation edge above may rest on several). The *document* class in the tables counts "
        f"the {cited} documents that appear in relations, cited ones included, not the corpus.",
        "",
    ]
    out += _table(
        ["document", "body", "year", "relations", "share"],
        [[d.symbol, d.body, d.year or "—", d.relations, _pct(d.relations, total)] for d in docs],
    )
    bodies = Counter[str]()
    for d in docs:
        bodies[d.body] += d.relations
    ranked = sorted(bodies.items(), key=lambda x: (-x[1], x[0]))
    top_doc = docs[0]
    reading = (
        "By body: " + "; ".join(f"{b} {_pct(n, total)}" for b, n in ranked) + ". "
        f"One document, {top_doc.symbol}, states {_pct(top_doc.relations, total)} of all relations, "
        "so the rankings say what these few documents stress, not how the world is."
    )
    out += [reading, ""]
    key = _rank_key(result["scores"])
    for v in sorted(G.nodes, key=key)[:3]:
        per = sorted(
            ((d.entities.get(str(v), 0), d.symbol) for d in docs if d.entities.get(str(v))),
            key=lambda x: (-x[0], x[1]),
        )
        n = sum(c for c, _ in per)
        if n:
            out.append(
                f"- {_both(G, v)}: {n} claims, "
                + ", ".join(f"{c} from {s}" for c, s in per)
                + (
                    f" ({_pct(per[0][0], n)} from one document)"
                    if len(per) > 1
                    else " (all from one document)"
                )
            )
    out.append("")
    return out


def analysis(G: nx.MultiDiGraph, *, seed: int = 0) -> dict[str, Any]:
    """Every figure the report shows, as one plain dict.

    Keys: ``scores`` ({measure: {node: score}}), ``community`` ({node: n}), ``matrix``
    (group × crime), ``groups_sharing``, ``crimes_sharing``, ``by_year``.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b", "benefitsFrom")])
    >>> nx.set_edge_attributes(G, "benefitsFrom", "property")
    >>> analysis(G)["matrix"]
    {'a': {'b': 1}}
    """
    matrix = crime_matrix(G)
    return {
        "scores": analyze.centrality(G, seed=seed),
        "community": analyze.communities(G),
        "matrix": matrix,
        "groups_sharing": projection(matrix, "rows"),
        "crimes_sharing": projection(matrix, "columns"),
        "by_year": analyze.by_year(G, seed=seed),
    }


def _fmt(measure: str, value: float) -> str:
    return _formatter(measure)(value)


def _formatter(measure: str) -> Callable[[float], str]:
    """How the CSV and the tables write a value of ``measure``: degrees as integers, others to 6 decimals."""
    return (lambda x: str(int(x))) if measure.endswith("degree") else "{:.6f}".format


def centrality_csv(G: nx.MultiDiGraph, result: dict[str, Any]) -> str:
    """One row per node: id, labels, class, discovered, every measure, community.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b")])
    >>> print(centrality_csv(G, analysis(G)).splitlines()[1])
    a,,,Entity,false,1,0,1,0.000000,1.000000,0.350877,0.707107,0
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "label_zh", "label_en", "class", "discovered", *MEASURES, "community"])
    scores = result["scores"]
    for v in sorted(G.nodes, key=str):
        d = G.nodes[v]
        w.writerow(
            [
                v,
                d.get("zh", ""),
                d.get("en", ""),
                d.get("cls", "Entity"),
                "true" if d.get("discovered") else "false",
                *(_fmt(m, scores[m].get(v, 0.0)) for m in MEASURES),
                result["community"].get(v, ""),
            ]
        )
    return buf.getvalue()


def by_year_csv(G: nx.MultiDiGraph, result: dict[str, Any]) -> str:
    """One row per year and node present in that year's subgraph, with every measure.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", years=(2015,))
    0
    >>> print(by_year_csv(G, analysis(G)).splitlines()[1])
    2015,a,,Entity,1,0,1,0.000000,1.000000,0.350877,0.707107
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["year", "id", "label_zh", "class", *MEASURES])
    nodes = G.nodes
    for year, scores in result["by_year"].items():
        order = sorted(scores["degree"], key=str)
        columns = [list(map(_formatter(m), (scores[m].get(v, 0.0) for v in order))) for m in MEASURES]
        w.writerows(
            [year, v, nodes[v].get("zh", ""), nodes[v].get("cls", "Entity"), *values]
            for v, *values in zip(order, *columns, strict=True)
        )
    return buf.getvalue()


def _name(G: nx.MultiDiGraph, v: Any) -> str:
    d = G.nodes[v]
    return d.get("zh") or d.get("en") or str(v)


def _both(G: nx.MultiDiGraph, v: Any) -> str:
    d = G.nodes[v]
    zh, en = d.get("zh", ""), d.get("en", "")
    if zh and en and zh != en:
        return f"{zh} ({en})"
    return zh or en or str(v)


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*lines, ""]


def _class_label(G: nx.MultiDiGraph, cls: str) -> str:
    lab = G.graph.get("labels", {}).get(cls, {})
    return f"{lab.get('zh', cls)} · {lab.get('en', cls)}" if lab else cls


def _rank_key(scores: dict[str, dict[Any, float]]) -> Callable[[Any], tuple[Any, ...]]:
    return lambda v: (-scores["degree"].get(v, 0.0), -scores["betweenness"].get(v, 0.0), str(v))


def markdown(
    G: nx.MultiDiGraph,
    result: dict[str, Any],
    charts: Sequence[str] = (),
    top: int = 5,
    docs: Sequence[Source] = (),
) -> str:
    """The report as Markdown: top actors per class, group × crime, communities, change over time.

    Examples
    --------
    >>> G = nx.MultiDiGraph([("a", "b")])
    >>> markdown(G, analysis(G)).splitlines()[0]
    '# Centrality report · 中心性分析报告'
    """
    scores = result["scores"]
    key = _rank_key(scores)
    props = Counter(p for _, _, p in G.edges(data="property", default="?"))
    yrs = analyze.years(G)
    out = [
        "# Centrality report · 中心性分析报告",
        "",
        f"The graph has {G.number_of_nodes()} entities and {G.number_of_edges()} relation edges "
        f"({', '.join(f'{p} {n}' for p, n in sorted(props.items())) or 'none'}), "
        f"stated in documents from {', '.join(map(str, yrs)) or 'no dated document'}.",
        "",
        "How to read the measures: *degree* counts relation edges (in = pointed at, out = pointing); "
        "*betweenness* and *closeness* use the undirected graph and count hops; *PageRank* follows "
        "the direction of the relations (it ranks what the documents point to: crimes, places, "
        "resolutions) and weights each edge by its supporting passages; *eigenvector* uses the "
        "largest connected component of the undirected weighted graph (0 elsewhere). Tables rank "
        "by degree, then betweenness, then id.",
        "",
    ]
    out += _sources_section(G, result, docs)
    out += ["## Top actors per class · 各类别核心行为体", ""]
    by_class: dict[str, list[Any]] = {}
    for v, cls in G.nodes(data="cls", default="Entity"):
        by_class.setdefault(cls, []).append(v)
    for cls in (*CLASSES, "Entity"):
        members = sorted(by_class.get(cls, []), key=key)
        if not members:
            continue
        best = members[0]
        # max() keeps the first of equal scores, i.e. the best ranked
        bt = max(members, key=lambda v: scores["betweenness"][v])
        ev = max(members, key=lambda v: scores["eigenvector"][v])
        out += [f"### {_class_label(G, cls)} ({len(members)})", ""]
        reading = f"{_both(G, best)} has the most relations of its class ({int(scores['degree'][best])})"
        if bt != best:
            reading += (
                f"; {_both(G, bt)} bridges the most paths (betweenness {scores['betweenness'][bt]:.4f})"
            )
        else:
            reading += " and also bridges the most paths"
        if ev not in (best, bt):
            reading += f"; {_both(G, ev)} sits closest to the well-connected core (eigenvector)"
        out += [reading + ".", ""]
        rows = [
            [
                i,
                G.nodes[v].get("zh", ""),
                G.nodes[v].get("en", ""),
                f"`{v}`",
                *(_fmt(m, scores[m][v]) for m in MEASURES),
                result["community"].get(v, ""),
            ]
            for i, v in enumerate(members[:top], start=1)
        ]
        out += _table(["#", "中文", "English", "id", *MEASURES, "community"], rows)

    out += _matrix_section(G, result)
    out += _community_section(G, result)
    out += _time_section(G, result)
    if charts:
        out += ["## Charts · 图表", ""]
        out += [f"![{name}]({name})" for name in charts]
        out += [""]
    return "\n".join(out).rstrip() + "\n"


def _matrix_section(G: nx.MultiDiGraph, result: dict[str, Any]) -> list[str]:
    matrix: dict[str, dict[str, int]] = result["matrix"]
    out = ["## Group × crime type · 恐怖主义团体 × 犯罪类型", ""]
    if not matrix:
        return [*out, "No nx:benefitsFrom relation in the graph.", ""]
    stated = Counter[str]()
    for row in matrix.values():
        stated.update(row)
    crimes = sorted(stated, key=lambda c: (-stated[c], str(c)))
    groups = sorted(matrix, key=lambda g: (-len(matrix[g]), -sum(matrix[g].values()), str(g)))
    links = sorted(
        ((g, c, w) for g, row in matrix.items() for c, w in row.items()),
        key=lambda t: (-t[2], str(t[0]), str(t[1])),
    )
    strongest = links[0]
    ties = sum(1 for t in links if t[2] == strongest[2]) - 1
    widest = groups[0]
    out += [
        f"Each cell counts the passages stating that a group benefits from a crime type. "
        f"{_both(G, widest)} is tied to the most crime types ({len(matrix[widest])}); the most "
        f"often stated link is {_name(G, strongest[0])} → {_name(G, strongest[1])} "
        f"({strongest[2]} passages{f', tied with {ties} other links' if ties else ''}), and {_both(G, crimes[0])} is the crime type named for the "
        f"most groups.",
        "",
    ]
    rows = [[_name(G, g), *(matrix[g].get(c, "·") for c in crimes), sum(matrix[g].values())] for g in groups]
    out += _table(["group \\ crime", *(_name(G, c) for c in crimes), "total"], rows)
    for title, pairs, what in (
        ("Groups that share crime types · 共享犯罪类型的团体", result["groups_sharing"], "crime types"),
        ("Crime types that share groups · 共享团体的犯罪类型", result["crimes_sharing"], "groups"),
    ):
        out += [f"### {title}", ""]
        if not pairs:
            out += ["No pair shares anything.", ""]
            continue
        p = pairs[0]
        out += [
            f"The closest pair is {_name(G, p['a'])} and {_name(G, p['b'])}, which share "
            f"{p['shared']} {what}; {len(pairs)} pairs share at least one.",
            "",
        ]
        out += _table(
            ["a", "b", "shared", "via"],
            [
                [_name(G, q["a"]), _name(G, q["b"]), q["shared"], ", ".join(_name(G, x) for x in q["via"])]
                for q in pairs[:10]
            ],
        )
    return out


def _community_section(G: nx.MultiDiGraph, result: dict[str, Any]) -> list[str]:
    scores = result["scores"]
    members: dict[int, list[Any]] = {}
    for v, c in result["community"].items():
        members.setdefault(c, []).append(v)
    out = ["## Communities · 社区", ""]
    if not members:
        return [*out, "The graph is empty.", ""]
    singles = sum(1 for m in members.values() if len(m) == 1)
    shown = [c for c in sorted(members) if len(members[c]) > 1][:12]
    key = _rank_key(scores)
    first = sorted(members[0], key=key)
    big = G.number_of_nodes() > analyze.EXACT_LIMIT
    method = f"many nodes moved per round above {analyze.EXACT_LIMIT:,} entities; " if big else ""
    out += [
        f"Louvain ({method}seed 42, undirected, weighted) finds {len(members)} communities, {singles} of them "
        f"single unconnected entities. The largest ({len(members[0])} members) gathers around "
        f"{', '.join(_name(G, v) for v in first[:3])}.",
        "",
    ]
    rows = []
    for c in shown:
        ms = sorted(members[c], key=key)
        mix = Counter(G.nodes[v].get("cls", "Entity") for v in ms)
        classes = ", ".join(f"{k} {n}" for k, n in sorted(mix.items(), key=lambda t: (-t[1], t[0])))
        rows.append([c, len(ms), classes, ", ".join(_name(G, v) for v in ms[:6])])
    out += _table(["community", "size", "classes", "central members"], rows)
    return out


def _time_section(G: nx.MultiDiGraph, result: dict[str, Any]) -> list[str]:
    by_year: dict[int, dict[str, dict[Any, float]]] = result["by_year"]
    out = ["## Changes over time · 随时间的变化", ""]
    if not by_year:
        return [*out, "No edge is tied to a dated document.", ""]
    seen: set[Any] = set()
    rows: list[list[Any]] = []
    edges_in = Counter(y for _, _, ys in G.edges(data="years", default=()) for y in set(ys))
    for year, sc in by_year.items():
        nodes = set(sc["degree"])
        new = nodes - seen
        seen |= nodes
        key = _rank_key(sc)  # unique per node (the id breaks ties), so min() is the first ranked
        groups = [v for v in nodes if G.nodes[v].get("cls") == "TerroristGroup"]
        bt = sc["betweenness"]
        rows.append(
            [
                year,
                len(nodes),
                edges_in[year],
                len(new),
                _name(G, min(groups, key=key)) if groups else "—",
                _name(G, min(nodes, key=key)),
                _name(G, min(nodes, key=lambda v: (-bt[v], str(v)))),
            ]
        )
    busiest = max(rows, key=lambda r: (r[2], -r[0]))
    out += [
        f"Each year keeps only the relations stated in that year's documents. {busiest[0]} contributes "
        f"the most relations ({busiest[2]}); the first year introduces {rows[0][3]} entities and each "
        f"later year adds the number in the *new* column.",
        "",
    ]
    out += _table(
        ["year", "entities", "edges", "new", "most connected group", "most connected", "top betweenness"],
        rows,
    )
    years = list(by_year)
    scores = result["scores"]
    top = sorted(G.nodes, key=_rank_key(scores))[:10]
    trend: list[list[Any]] = [
        [_name(G, v), *(int(by_year[y]["degree"].get(v, 0)) for y in years)] for v in top
    ]
    steady = [r[0] for r in trend if all(x > 0 for x in r[1:])]
    out += [
        "Degree per year of the ten most connected entities overall (0 = not mentioned in a relation "
        "that year). "
        + (
            f"Present every year: {', '.join(steady)}."
            if steady
            else "None of them is present in every year."
        ),
        "",
    ]
    out += _table(["entity", *map(str, years)], trend)
    return out


def report_files(
    g: rdflib.Graph, *, with_charts: bool = True, seed: int = 0
) -> tuple[dict[str, str | bytes], list[str]]:
    """Every report file, as ``{path under the output folder: text or bytes}``, and warnings.

    The paths are ``report/centrality.csv``, ``report/centrality_by_year.csv``,
    ``report/report.md`` and, with ``with_charts``, the PNG files beside them.
    """
    G = to_networkx(g)
    result = analysis(G, seed=seed)
    docs = sources(g)
    pngs: dict[str, bytes] = {}
    warnings: list[str] = []
    if with_charts and G.number_of_nodes():
        pngs, warnings = charts(G, result, docs=docs)
    files: dict[str, str | bytes] = {
        "report/centrality.csv": centrality_csv(G, result),
        "report/centrality_by_year.csv": by_year_csv(G, result),
        "report/report.md": markdown(G, result, sorted(pngs), docs=docs),
    }
    files.update({f"report/{name}": data for name, data in sorted(pngs.items())})
    return files, warnings


def viewer(
    g: rdflib.Graph,
    *,
    size_by: str = "degree",
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int = render.MAX_NODES,
) -> str:
    """The self-contained viewer page of an RDF graph (see :func:`graph.view.render.page`).

    Parameters
    ----------
    size_by : str
        The measure of :data:`graph.analytics.MEASURES` that sizes the nodes.
    focus : str, optional
        A label, alias or id: draw only the nodes within ``depth`` hops of it.

    Raises
    ------
    InputError
        When ``focus`` names no node.

    Examples
    --------
    >>> "vis.Network" in viewer(rdflib.Graph())
    True
    """
    return viewer_page(
        to_networkx(g),
        lambda: supporting_passages(g),
        size_by=size_by,
        focus=focus,
        depth=depth,
        max_nodes=max_nodes,
    )


def viewer_page(
    G: nx.MultiDiGraph,
    evidence: Mapping[tuple[str, str, str], Sequence[Mapping[str, Any]]]
    | Callable[[], Mapping[tuple[str, str, str], Sequence[Mapping[str, Any]]]],
    *,
    size_by: str = "degree",
    focus: str | None = None,
    depth: int = 1,
    max_nodes: int = render.MAX_NODES,
) -> str:
    """The viewer page of :func:`viewer` from the analytic graph ``G`` and the supporting passages
    of its edges (or a function giving them, called once ``focus`` is found)."""
    title, node = "nexus-kg", None
    if focus is not None:
        node = analyze.find_node(G, focus)
        G = analyze.neighbourhood(G, node, depth)
        title = f"nexus-kg: {G.nodes[node].get('zh') or G.nodes[node].get('en') or node} ±{depth}"
    scores = analyze.centrality(G, [size_by])[
        size_by
    ]  # on the drawn subgraph, so sizes compare what is shown
    return render.page(
        G,
        scores,
        evidence() if callable(evidence) else evidence,
        size_by=size_by,
        title=title,
        max_nodes=max_nodes,
        focus=node,
    )
