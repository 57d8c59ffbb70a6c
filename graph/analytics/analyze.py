"""The centrality measures on the analytic graph (see :mod:`graph.analytics.project` for the
RDF → NetworkX projection, :mod:`graph.analytics.matrix` for the group × crime matrix; both re-exported).

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
sampled sources and closeness from the same 64 nodes as pivots, with a fixed seed (the sources
:func:`networkx.betweenness_centrality` would sample), and communities come from a Louvain
variant that moves many nodes per round (:mod:`graph.analytics.louvain`). The measures are
computed on SciPy sparse matrices (:mod:`graph.analytics.sparse`): one batched breadth-first
search gives betweenness and closeness, and the per-year measures search all the years at once;
the results equal NetworkX's (to rounding; the tests compare them).

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
from typing import Any

import networkx as nx
import numpy as np
from scipy.sparse.csgraph import connected_components

from graph.analytics import sparse
from graph.analytics.louvain import louvain
from graph.analytics.measures import MEASURES
from graph.errors import InputError
from graph.ns import CLASSES

#: The measures defined here; the projection and the matrix live in their own modules.
__all__ = [
    "EXACT_LIMIT",
    "SAMPLE_K",
    "approximate_closeness",
    "by_year",
    "centrality",
    "communities",
    "directed",
    "eigenvector",
    "find_node",
    "neighbourhood",
    "pagerank",
    "rankings",
    "undirected",
    "year_subgraph",
    "years",
]


#: Above this many nodes, betweenness and closeness are estimated from samples.
EXACT_LIMIT = 2000
#: The number of sampled sources/pivots used above :data:`EXACT_LIMIT`.
SAMPLE_K = 64


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
    for fold_case in (False, True):

        def match(x: str, fold_case: bool = fold_case) -> bool:
            return x.casefold() == wanted.casefold() if fold_case else x == wanted

        hits = [n for n, d in G.nodes(data=True) if match(n) or any(match(x) for x in d.get("labels", ()))]
        if hits:
            best: str = sorted(hits, key=lambda n: (-G.degree(n), n))[0]
            return best
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
    """Weighted PageRank, computed as :func:`networkx.pagerank` does (SciPy sparse power iteration).

    Weights = supporting claims; dangling nodes spread their rank uniformly.

    Examples
    --------
    >>> import networkx as nx
    >>> pr = pagerank(nx.DiGraph(nx.cycle_graph(4)))
    >>> [round(v, 6) for v in pr.values()]
    [0.25, 0.25, 0.25, 0.25]
    """
    if D.number_of_nodes() == 0:
        return {}
    A = nx.to_scipy_sparse_array(D, weight="weight", dtype=float, format="csr")
    return dict(zip(D, sparse.pagerank(A, alpha=alpha, tol=tol, max_iter=max_iter), strict=True))


def eigenvector(U: nx.Graph) -> dict[Any, float]:
    """Eigenvector centrality of an undirected graph; never fails on disconnected graphs.

    On a disconnected graph the principal eigenvector lives on one component, so the measure
    is computed on the largest connected component (ties: the one with the smallest id) with
    SciPy's sparse ARPACK solver and is 0 elsewhere. Where ARPACK does not converge, degree
    centrality of that component.

    Examples
    --------
    >>> import networkx as nx
    >>> ev = eigenvector(nx.Graph([(1, 2), (3, 4)]))
    >>> {n: round(v, 3) for n, v in ev.items()}
    {1: 0.707, 2: 0.707, 3: 0.0, 4: 0.0}
    """
    nodes = sorted(U, key=str)
    if not nodes:
        return {}
    A = sparse.adjacency(U, nodes)
    scores = dict(zip(nodes, _eigenvector(A), strict=True))
    return {v: scores[v] for v in U}


def _eigenvector(U: Any) -> list[float]:
    """:func:`eigenvector` of the symmetric matrix ``U`` whose rows are in id order."""
    n = U.shape[0]
    out = [0.0] * n
    if U.nnz == 0:
        return out
    _, label = connected_components(U, directed=False)
    size = np.bincount(label)
    first = np.full(len(size), n)
    np.minimum.at(first, label, np.arange(n))
    biggest = min(range(len(size)), key=lambda c: (-size[c], first[c]))
    members = np.flatnonzero(label == biggest)
    C = U[members][:, members]
    if len(members) <= 2:  # ARPACK needs at least three nodes; a single edge is symmetric
        values = [1 / len(members) ** 0.5] * len(members)
    else:
        try:
            values = sparse.principal_eigenvector(C)
        except (ArithmeticError, ValueError, RuntimeError):
            values = (np.diff(C.indptr) / (len(members) - 1)).tolist()
    for i, x in zip(members.tolist(), values, strict=True):
        out[i] = x
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
    n = U.number_of_nodes()
    if n == 0:
        return {}
    sources = list(range(n)) if k >= n else random.Random(seed).sample(range(n), k)
    _, closeness = sparse.shortest_path_measures(sparse.adjacency(U), sources)
    return dict(zip(U, closeness, strict=True))


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
    return _centrality(sparse.Arrays.of(G), _known(measures), seed)


def _known(measures: Iterable[str]) -> list[str]:
    wanted = list(dict.fromkeys(measures))
    unknown = [m for m in wanted if m not in MEASURES]
    if unknown:
        raise ValueError(f"unknown measure {unknown[0]!r}; choose from {', '.join(MEASURES)}")
    return wanted


def _centrality(
    a: sparse.Arrays,
    wanted: Sequence[str],
    seed: int,
    paths: tuple[list[float], list[float]] | None = None,
) -> dict[str, dict[Any, float]]:
    """:func:`centrality` of the graph ``a``; ``paths``: its betweenness and closeness, if known."""
    values: dict[str, list[float]] = {}
    if {"degree", "in_degree", "out_degree"} & set(wanted):
        ins, outs = a.degrees()
        values.update(degree=(ins + outs).tolist(), in_degree=ins.tolist(), out_degree=outs.tolist())
    U = a.undirected() if {"betweenness", "closeness", "eigenvector"} & set(wanted) else None
    if U is not None and {"betweenness", "closeness"} & set(wanted):
        paths = paths or sparse.shortest_path_measures(U, _sources(len(a.nodes), seed))
        values["betweenness"], values["closeness"] = paths
    if "pagerank" in wanted:
        values["pagerank"] = sparse.pagerank(a.directed())
    if U is not None and "eigenvector" in wanted:
        values["eigenvector"] = _eigenvector(U)
    return {m: dict(zip(a.nodes, values[m], strict=True)) for m in wanted}


def _sources(n: int, seed: int) -> list[int]:
    """The BFS sources of a graph of ``n`` nodes: all, or :data:`SAMPLE_K` of them above :data:`EXACT_LIMIT`.

    The same nodes as :func:`networkx.betweenness_centrality` samples with this seed.
    """
    return random.Random(seed).sample(range(n), SAMPLE_K) if n > EXACT_LIMIT else list(range(n))


def communities(G: nx.MultiDiGraph, seed: int = 42) -> dict[Any, int]:
    """Louvain communities of the undirected weighted view, as ``{node: community}``.

    Up to :data:`EXACT_LIMIT` nodes :func:`networkx.community.louvain_communities`; above,
    :func:`graph.analytics.louvain.louvain`, which moves many nodes per round. Communities are
    numbered from 0 by size (largest first), ties by smallest member id.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
    >>> communities(G)
    {'a': 0, 'b': 0, 'c': 0, 'x': 1, 'y': 1}
    """
    if G.number_of_nodes() == 0:
        return {}
    found: list[list[Any]]
    if G.number_of_nodes() <= EXACT_LIMIT:
        found = [list(c) for c in nx.community.louvain_communities(undirected(G), weight="weight", seed=seed)]
    else:
        a = sparse.Arrays.of(G)
        groups: dict[int, list[Any]] = defaultdict(list)
        for v, c in zip(a.nodes, louvain(a.undirected(), seed=seed).tolist(), strict=True):
            groups[c].append(v)
        found = list(groups.values())
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
    wanted = _known(measures)
    subgraphs = sparse.Arrays.of(G).by_year()
    paths: dict[int, tuple[list[float], list[float]]] = {}
    if {"betweenness", "closeness"} & set(wanted):  # one search for all the years
        found = sparse.shortest_path_measures_apart(
            [sub.undirected() for sub in subgraphs.values()],
            [_sources(len(sub.nodes), seed) for sub in subgraphs.values()],
        )
        paths = dict(zip(subgraphs, found, strict=True))
    return {y: _centrality(sub, wanted, seed, paths.get(y)) for y, sub in subgraphs.items()}
