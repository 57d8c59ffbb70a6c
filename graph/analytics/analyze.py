"""RDF graph → NetworkX multi-digraph, and the centrality measures on it.

The analytic graph keeps only entities and the eight relation properties of the ontology:
claims, passages and monetary amounts (the provenance) stay in RDF. Each edge carries the
property, a weight (the number of ``nx:Claim`` nodes that support the triple, at least 1)
and the years of the documents that state it.

Which view each measure uses:

========================  ======================================================
degree, in/out degree     the multi-digraph: one per relation edge
betweenness, closeness    the undirected simple view, unweighted (hops)
pagerank                  the directed simple view, weights = supporting claims
eigenvector               the largest component of the undirected weighted view
========================  ======================================================

Above :data:`EXACT_LIMIT` nodes betweenness is estimated from ``k`` = :data:`SAMPLE_K` (64)
sampled sources and closeness from 64 sampled pivots, both with a fixed seed. PageRank and
eigenvector centrality use NetworkX's SciPy implementations (so NetworkX backends such as
nx-parallel can take over).

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("a", "b", key="partnerOf", property="partnerOf", weight=1, years=(2015,))
'partnerOf'
>>> G.add_edge("b", "c", key="partnerOf", property="partnerOf", weight=1, years=(2015,))
'partnerOf'
>>> centrality(G, ["betweenness"])["betweenness"]
{'a': 0.0, 'b': 1.0, 'c': 0.0}
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, cast

import networkx as nx
import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from graph.analytics.measures import MEASURES
from graph.errors import InputError
from graph.ns import CLASSES, ID_URI, NX, NX_URI, RELATIONS, local_id
from graph.resources import ontology_file

#: Entity classes, most specific first: a node typed with several gets the first (from the ontology).
CLASSES = CLASSES

#: Above this many nodes, betweenness and closeness are estimated from samples.
EXACT_LIMIT = 2000
#: The number of sampled sources/pivots used above :data:`EXACT_LIMIT`.
SAMPLE_K = 64

_PROVENANCE = {NX.Claim, NX.Passage, NX.MonetaryAmount}


@cache
def ontology_labels() -> dict[str, dict[str, str]]:
    """The @zh and @en labels of every class and property of ``ontology/nexus.ttl``.

    Examples
    --------
    >>> ontology_labels()["benefitsFrom"]
    {'zh': '受益于', 'en': 'benefits from'}
    """
    g = rdflib.Graph().parse(ontology_file("nexus.ttl"), format="turtle")
    out: dict[str, dict[str, str]] = {}
    for s, label in g.subject_objects(RDFS.label):
        if isinstance(s, rdflib.URIRef) and str(s).startswith(NX_URI) and isinstance(label, rdflib.Literal):
            out.setdefault(str(s)[len(NX_URI) :], {"zh": "", "en": ""})[label.language or "en"] = str(label)
    return {k: out[k] for k in sorted(out)}


def _label(g: rdflib.Graph, s: rdflib.term.Node, lang: str) -> str:
    for prop in (SKOS.prefLabel, RDFS.label):
        values = sorted(
            str(o) for o in g.objects(s, prop) if isinstance(o, rdflib.Literal) and o.language == lang
        )
        if values:
            return values[0]
    return ""


def _doc_year(g: rdflib.Graph, doc: rdflib.term.Node) -> int | None:
    for prop in (NX.year, rdflib.URIRef("http://purl.org/dc/terms/date")):
        for o in g.objects(doc, prop):
            text = str(o)[:4]
            if text.isdigit():
                return int(text)
    return None


def to_networkx(g: rdflib.Graph) -> nx.MultiDiGraph:
    """The analytic multi-digraph of an RDF graph in the nexus-kg model.

    Parameters
    ----------
    g : rdflib.Graph
        A graph as written by ``nexus-kg build``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity ids (``group-isil``) with ``cls``, ``zh``, ``en``, ``labels`` (every
        label and alias, sorted) and ``discovered``; one edge per relation triple, keyed by the
        property, with ``property``, ``weight`` and ``years``. ``G.graph["labels"]`` holds the
        ontology's class and property labels.

    Examples
    --------
    >>> from rdflib import Graph, Literal
    >>> from graph.ns import NX, entity_iri
    >>> from rdflib.namespace import RDF, RDFS
    >>> g = Graph()
    >>> isil, oil = entity_iri("group-isil"), entity_iri("crime-oil-smuggling")
    >>> g.add((isil, RDF.type, NX.TerroristGroup))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> g.add((isil, RDFS.label, Literal("ISIL", lang="en")))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> g.add((oil, RDF.type, NX.CrimeType))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> g.add((isil, NX.benefitsFrom, oil))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> G = to_networkx(g)
    >>> G.nodes["group-isil"]["cls"], G.nodes["group-isil"]["en"]
    ('TerroristGroup', 'ISIL')
    >>> list(G.edges(keys=True, data="weight"))
    [('group-isil', 'crime-oil-smuggling', 'benefitsFrom', 1)]
    """
    rank = {c: i for i, c in enumerate(CLASSES)}
    types: dict[rdflib.term.Node, set[str]] = defaultdict(set)
    provenance: set[rdflib.term.Node] = set()
    for s, t in g.subject_objects(RDF.type):
        if t in _PROVENANCE:
            provenance.add(s)
        elif isinstance(t, rdflib.URIRef) and str(t).startswith(NX_URI):
            types[s].add(str(t)[len(NX_URI) :])

    years_of_doc: dict[rdflib.term.Node, int | None] = {}
    support: dict[tuple[str, str, str], int] = defaultdict(int)
    years: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for claim in g.subjects(RDF.type, NX.Claim):
        cs, cp, co = (g.value(claim, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if cs is None or cp is None or co is None:
            continue
        key = (local_id(str(cs)), str(cp)[len(NX_URI) :], local_id(str(co)))
        support[key] += 1
        for passage in g.objects(claim, NX.statedIn):
            for doc in g.objects(passage, NX.inDocument):
                if doc not in years_of_doc:
                    years_of_doc[doc] = _doc_year(g, doc)
                year = years_of_doc[doc]
                if year is not None:
                    years[key].add(year)

    edges: list[tuple[str, str, str]] = []
    endpoints: set[rdflib.term.Node] = set()
    for rel in RELATIONS:
        for s, o in g.subject_objects(NX[rel]):
            if s in provenance or o in provenance:
                continue
            endpoints.update((s, o))
            edges.append((local_id(str(s)), rel, local_id(str(o))))

    G = nx.MultiDiGraph()
    G.graph["labels"] = ontology_labels()
    nodes = {s for s, cls in types.items() if any(c in rank for c in cls)} | endpoints
    for s in sorted(nodes, key=lambda n: local_id(str(n))):
        classes = sorted((c for c in types.get(s, ()) if c in rank), key=rank.__getitem__)
        labels = {
            str(o)
            for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
            for o in g.objects(s, prop)
            if isinstance(o, rdflib.Literal)
        }
        G.add_node(
            local_id(str(s)),
            cls=classes[0] if classes else "Entity",
            zh=_label(g, s, "zh"),
            en=_label(g, s, "en"),
            labels=tuple(sorted(labels)),
            discovered=bool(cast(Any, g.value(s, NX.discovered, default=rdflib.Literal(False))).toPython()),
        )
    for src, rel, dst in sorted(edges):
        key = (src, rel, dst)
        G.add_edge(
            src,
            dst,
            key=rel,
            property=rel,
            weight=max(1, support.get(key, 0)),
            years=tuple(sorted(years.get(key, ()))),
        )
    return G


def find_node(G: nx.MultiDiGraph, label: str) -> str:
    """The id of the node with ``label`` as its id, a label or an alias.

    Exact matches win; then a case-insensitive match. Ties go to the node with most edges.

    Raises
    ------
    InputError
        When no node has that label.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("group-isil", labels=("ISIL", "伊黎伊斯兰国"))
    >>> find_node(G, "isil")
    'group-isil'
    >>> find_node(G, "Nobody")
    Traceback (most recent call last):
    ...
    graph.errors.InputError: no entity has the label, alias or id 'Nobody'; try a Chinese or English name
    """
    wanted = label.strip()
    for match in (lambda x: x == wanted, lambda x: x.casefold() == wanted.casefold()):
        hits = [n for n, d in G.nodes(data=True) if match(n) or any(match(x) for x in d.get("labels", ()))]
        if hits:
            return sorted(hits, key=lambda n: (-G.degree(n), n))[0]
    raise InputError(f"no entity has the label, alias or id {label!r}; try a Chinese or English name")


def neighbourhood(G: nx.MultiDiGraph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """The nodes within ``depth`` hops of ``node`` (either direction) and the edges among them.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph(nx.path_graph(5, create_using=nx.DiGraph))
    >>> sorted(neighbourhood(G, 2, 1))
    [1, 2, 3]
    """
    reach = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), node, cutoff=depth)
    return G.subgraph(sorted(reach, key=str)).copy()


def undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """The undirected simple view: one edge per linked pair, weights summed, nodes sorted."""
    U = nx.Graph()
    U.add_nodes_from(sorted(G.nodes, key=str))
    for u, v, w in sorted(G.edges(data="weight", default=1), key=lambda e: (str(e[0]), str(e[1]))):
        if u == v:
            continue
        if U.has_edge(u, v):
            U[u][v]["weight"] += w
        else:
            U.add_edge(u, v, weight=w)
    return U


def directed(G: nx.MultiDiGraph) -> nx.DiGraph:
    """The directed simple view: parallel edges merged, weights summed, nodes sorted."""
    D = nx.DiGraph()
    D.add_nodes_from(sorted(G.nodes, key=str))
    for u, v, w in sorted(G.edges(data="weight", default=1), key=lambda e: (str(e[0]), str(e[1]))):
        if D.has_edge(u, v):
            D[u][v]["weight"] += w
        else:
            D.add_edge(u, v, weight=w)
    return D


def pagerank(
    D: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 1000
) -> dict[Any, float]:
    """Weighted PageRank: :func:`networkx.pagerank` (SciPy sparse power iteration), weights = claims.

    Dangling nodes spread their rank uniformly.

    Examples
    --------
    >>> import networkx as nx
    >>> pr = pagerank(nx.DiGraph(nx.cycle_graph(4)))
    >>> [round(v, 6) for v in pr.values()]
    [0.25, 0.25, 0.25, 0.25]
    """
    if D.number_of_nodes() == 0:
        return {}
    return nx.pagerank(D, alpha=alpha, weight="weight", tol=tol, max_iter=max_iter)


def eigenvector(U: nx.Graph) -> dict[Any, float]:
    """Eigenvector centrality of an undirected graph; never fails on disconnected graphs.

    On a disconnected graph the principal eigenvector lives on one component, so the measure
    is computed on the largest connected component (ties: the one with the smallest id) with
    :func:`networkx.eigenvector_centrality_numpy` (SciPy's sparse ARPACK solver) and is 0
    elsewhere. Where ARPACK does not converge, degree centrality of that component.

    Examples
    --------
    >>> import networkx as nx
    >>> ev = eigenvector(nx.Graph([(1, 2), (3, 4)]))
    >>> {n: round(v, 3) for n, v in ev.items()}
    {1: 0.707, 2: 0.707, 3: 0.0, 4: 0.0}
    """
    out = dict.fromkeys(U, 0.0)
    if U.number_of_edges() == 0:
        return out
    comp = min(nx.connected_components(U), key=lambda c: (-len(c), min(str(v) for v in c)))
    C = U.subgraph(sorted(comp, key=str))
    try:
        if C.number_of_nodes() <= 2:  # ARPACK needs at least three nodes; a single edge is symmetric
            out.update(dict.fromkeys(C, 1 / C.number_of_nodes() ** 0.5))
        else:
            # rounded: the solver's last digits depend on node order, and ties must stay ties
            out.update(
                {v: round(abs(x), 10) for v, x in nx.eigenvector_centrality_numpy(C, weight="weight").items()}
            )
    except (nx.NetworkXException, ArithmeticError, ValueError):
        out.update(nx.degree_centrality(C))
    return out


def approximate_closeness(U: nx.Graph, k: int = SAMPLE_K, seed: int = 0) -> dict[Any, float]:
    """Closeness estimated from BFS distances to ``k`` random pivots (Eppstein–Wang).

    Scaled like :func:`networkx.closeness_centrality` (``wf_improved``); with every node a
    pivot it equals the exact value.

    Examples
    --------
    >>> import networkx as nx
    >>> P = nx.path_graph(3)
    >>> approximate_closeness(P, k=3) == nx.closeness_centrality(P)
    True
    """
    nodes = list(U)
    n = len(nodes)
    pivots = nodes if k >= n else random.Random(seed).sample(nodes, k)
    total: dict[Any, int] = defaultdict(int)
    count: dict[Any, int] = defaultdict(int)
    for p in pivots:
        for v, d in nx.single_source_shortest_path_length(U, p).items():
            if v != p:
                total[v] += d
                count[v] += 1
    pivot_set = set(pivots)
    out: dict[Any, float] = {}
    for v in nodes:
        others = len(pivots) - (v in pivot_set)
        if not total[v] or not others:
            out[v] = 0.0
            continue
        reach_fraction = count[v] / others
        out[v] = reach_fraction * count[v] / total[v]
    return out


def centrality(
    G: nx.MultiDiGraph, measures: Iterable[str] = MEASURES, *, seed: int = 0
) -> dict[str, dict[Any, float]]:
    """The centrality measures of every node, as ``{measure: {node: score}}``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The analytic graph (see :func:`to_networkx`).
    measures : iterable of str
        Names from :data:`MEASURES`.
    seed : int
        Seed of the samples taken above :data:`EXACT_LIMIT` nodes.

    Raises
    ------
    ValueError
        For a name not in :data:`MEASURES`.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "b")])
    >>> scores = centrality(G, ["in_degree", "closeness"])
    >>> scores["in_degree"]["b"], scores["closeness"]["b"]
    (2.0, 1.0)
    """
    wanted = list(dict.fromkeys(measures))
    unknown = [m for m in wanted if m not in MEASURES]
    if unknown:
        raise ValueError(f"unknown measure {unknown[0]!r}; choose from {', '.join(MEASURES)}")
    n = G.number_of_nodes()
    big = n > EXACT_LIMIT
    out: dict[str, dict[Any, float]] = {}
    U = undirected(G) if {"betweenness", "closeness", "eigenvector"} & set(wanted) else None
    for m in wanted:
        if m == "degree":
            out[m] = {v: float(d) for v, d in G.degree()}
        elif m == "in_degree":
            out[m] = {v: float(d) for v, d in G.in_degree()}
        elif m == "out_degree":
            out[m] = {v: float(d) for v, d in G.out_degree()}
        elif m == "betweenness":
            k = SAMPLE_K if big else None
            out[m] = nx.betweenness_centrality(U, k=k, seed=seed if big else None)
        elif m == "closeness":
            out[m] = approximate_closeness(U, seed=seed) if big else nx.closeness_centrality(U)
        elif m == "pagerank":
            out[m] = pagerank(directed(G))
        elif m == "eigenvector":
            out[m] = eigenvector(U)
    return {m: {v: out[m].get(v, 0.0) for v in sorted(G.nodes, key=str)} for m in wanted}


def communities(G: nx.MultiDiGraph, seed: int = 42) -> dict[Any, int]:
    """Louvain communities of the undirected weighted view, as ``{node: community}``.

    Communities are numbered from 0 by size (largest first), ties by smallest member id.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> communities(G)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    U = undirected(G)
    if U.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(U, weight="weight", seed=seed)
    ordered = sorted((sorted(c, key=str) for c in found), key=lambda c: (-len(c), str(c[0])))
    member = {v: i for i, c in enumerate(ordered) for v in c}
    return {v: member[v] for v in sorted(member, key=str)}


def rankings(
    G: nx.MultiDiGraph, scores: dict[Any, float], top: int = 5
) -> dict[str, list[tuple[Any, float]]]:
    """The ``top`` nodes of each class by ``scores``, ties broken by id.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([("a", {"cls": "Country"}), ("b", {"cls": "Country"})])
    >>> rankings(G, {"a": 0.5, "b": 0.5}, top=1)
    {'Country': [('a', 0.5)]}
    """
    by_class: dict[str, list[Any]] = defaultdict(list)
    for v, cls in G.nodes(data="cls", default="Entity"):
        by_class[cls].append(v)
    order = [c for c in (*CLASSES, "Entity") if c in by_class]
    out = {}
    for c in order:
        best = sorted(by_class[c], key=lambda v: (-scores.get(v, 0.0), str(v)))[:top]
        out[c] = [(v, scores.get(v, 0.0)) for v in best]
    return out


def crime_matrix(G: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """The group × crime-type matrix: ``{group: {crime: supporting claims}}`` for nx:benefitsFrom.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("g1", "oil", key="benefitsFrom", property="benefitsFrom", weight=3)
    'benefitsFrom'
    >>> crime_matrix(G)
    {'g1': {'oil': 3}}
    """
    matrix: dict[str, dict[str, int]] = defaultdict(dict)
    for u, v, data in G.edges(data=True):
        if data.get("property") == "benefitsFrom":
            matrix[u][v] = matrix[u].get(v, 0) + int(data.get("weight", 1))
    return {g: dict(sorted(row.items())) for g, row in sorted(matrix.items())}


def projection(matrix: dict[str, dict[str, int]], side: str = "rows") -> list[dict[str, Any]]:
    """Pairs that share columns (``side="rows"``: groups sharing crimes) or rows (crimes sharing groups).

    Returns
    -------
    list of dict
        ``{"a", "b", "shared": n, "via": [...]}``, most shared first, ties by ids.

    Examples
    --------
    >>> m = {"g1": {"oil": 1, "drugs": 1}, "g2": {"oil": 2}}
    >>> projection(m)
    [{'a': 'g1', 'b': 'g2', 'shared': 1, 'via': ['oil']}]
    >>> projection(m, "columns")
    [{'a': 'drugs', 'b': 'oil', 'shared': 1, 'via': ['g1']}]
    """
    if side not in ("rows", "columns"):
        raise ValueError("side must be 'rows' or 'columns'")
    sets: dict[str, set[str]] = defaultdict(set)
    for r, row in matrix.items():
        for c in row:
            if side == "rows":
                sets[r].add(c)
            else:
                sets[c].add(r)
    keys = sorted(sets)
    pairs = []
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            via = sorted(sets[a] & sets[b])
            if via:
                pairs.append({"a": a, "b": b, "shared": len(via), "via": via})
    return sorted(pairs, key=lambda p: (-p["shared"], p["a"], p["b"]))


def years(G: nx.MultiDiGraph) -> list[int]:
    """The document years that state at least one edge, ascending.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", years=(2019, 2015))
    0
    >>> years(G)
    [2015, 2019]
    """
    return sorted({y for _, _, ys in G.edges(data="years", default=()) for y in ys})


def year_subgraph(G: nx.MultiDiGraph, year: int) -> nx.MultiDiGraph:
    """The edges stated in documents of ``year`` and their endpoints.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", years=(2015,))
    0
    >>> G.add_edge("b", "c", years=(2019,))
    0
    >>> sorted(year_subgraph(G, 2019))
    ['b', 'c']
    """
    keep = [(u, v, k) for u, v, k, ys in G.edges(keys=True, data="years", default=()) if year in ys]
    return G.edge_subgraph(keep).copy()


def by_year(
    G: nx.MultiDiGraph, measures: Sequence[str] = MEASURES, *, seed: int = 0
) -> dict[int, dict[str, dict[Any, float]]]:
    """:func:`centrality` of each year's subgraph, as ``{year: {measure: {node: score}}}``.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", years=(2015, 2019))
    0
    >>> G.add_edge("b", "c", years=(2019,))
    0
    >>> {y: m["degree"] for y, m in by_year(G, ["degree"]).items()}
    {2015: {'a': 1.0, 'b': 1.0}, 2019: {'a': 1.0, 'b': 2.0, 'c': 1.0}}
    """
    return {y: centrality(year_subgraph(G, y), measures, seed=seed) for y in years(G)}


def supporting_passages(g: rdflib.Graph, limit: int = 3) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """The best passages stating each relation triple, highest confidence first.

    Returns
    -------
    dict
        ``{(subject id, property, object id): [{"text", "symbol", "paragraph", "year",
        "confidence", "hedged"}, …]}`` with at most ``limit`` passages per triple; ties go to
        the earlier document symbol and paragraph.

    Examples
    --------
    >>> supporting_passages(rdflib.Graph())
    {}
    """
    doc_info: dict[rdflib.term.Node, tuple[str, int | None]] = {}
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for claim in g.subjects(RDF.type, NX.Claim):
        s, p, o = (g.value(claim, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or p is None or o is None:
            continue
        key = (local_id(str(s)), str(p)[len(NX_URI) :], local_id(str(o)))
        conf: Any = g.value(claim, NX.confidence)
        hedged: Any = g.value(claim, NX.hedged)
        for passage in g.objects(claim, NX.statedIn):
            text = g.value(passage, NX.text)
            if text is None:
                continue
            doc = g.value(passage, NX.inDocument)
            if doc is not None and doc not in doc_info:
                symbol = g.value(doc, NX.symbol) or _label(g, doc, "en") or _label(g, doc, "zh")
                doc_info[doc] = (str(symbol or local_id(str(doc))), _doc_year(g, doc))
            symbol, year = doc_info.get(doc, ("", None)) if doc is not None else ("", None)
            found[key].append(
                {
                    "text": str(text),
                    "symbol": symbol,
                    "paragraph": str(g.value(passage, NX.paragraph) or ""),
                    "year": year,
                    "confidence": round(float(conf), 4) if conf is not None else 0.0,
                    "hedged": bool(hedged.toPython()) if hedged is not None else False,
                }
            )
    out = {}
    for key in sorted(found):
        unique = {(r["text"], r["symbol"], r["paragraph"]): r for r in found[key]}
        best = sorted(
            unique.values(), key=lambda r: (-r["confidence"], r["symbol"], _para_key(r["paragraph"]))
        )
        out[key] = best[:limit]
    return out


def _para_key(paragraph: str) -> tuple[int, str]:
    digits = "".join(ch for ch in paragraph if ch.isdigit())
    return (int(digits) if digits else 10**9, paragraph)


#: Predicates the projection and the viewer never read, left out when the graph is read from a store.
_UNREAD = ("mentions", "startOffset", "endOffset", "evidence", "contentHash", "rule", "surface")


def graph_from_store(store: Any) -> rdflib.Graph:
    """The part of a built Oxigraph store that :func:`to_networkx` and :func:`supporting_passages` read.

    The union of the named graphs without the predicates of :data:`_UNREAD` nor hidden labels,
    and of the passages only those a claim is stated in (their text, document and paragraph);
    so the viewer and the report need not parse ``nexus.ttl``.

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> a, g = ox.NamedNode(NX_URI + "x"), ox.NamedNode("urn:g")
    >>> s.add(ox.Quad(a, ox.NamedNode(str(RDFS.label)), ox.Literal("x", language="zh"), g))
    >>> s.add(ox.Quad(a, ox.NamedNode(NX_URI + "mentions"), a, g))
    >>> len(graph_from_store(s))
    1
    """
    import pyoxigraph as ox

    skip = ", ".join(f"<{NX_URI}{p}>" for p in _UNREAD) + f", <{SKOS.hiddenLabel}>"
    passage = ID_URI + "passage-"
    q = (
        "CONSTRUCT { ?s ?p ?o } WHERE { "
        f'{{ GRAPH ?g {{ ?s ?p ?o }} FILTER(!STRSTARTS(STR(?s), "{passage}") && ?p NOT IN ({skip})) }} UNION '
        f"{{ GRAPH ?g {{ ?c <{NX_URI}statedIn> ?s . ?s ?p ?o }} "
        f"FILTER(?p IN (<{NX_URI}text>, <{NX_URI}inDocument>, <{NX_URI}paragraph>)) }} }}"
    )

    def term(t: Any) -> rdflib.term.Node:
        if isinstance(t, ox.NamedNode):
            return rdflib.URIRef(t.value)
        if isinstance(t, ox.BlankNode):
            return rdflib.BNode(t.value)
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return rdflib.Literal(t.value, datatype=None if dt == _XSD_STRING else rdflib.URIRef(dt))

    g = rdflib.Graph()
    for t in store.query(q):
        g.add((term(t.subject), term(t.predicate), term(t.object)))
    return g


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
