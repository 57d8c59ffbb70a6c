"""The measures of :mod:`graph.analytics.analyze` computed on SciPy sparse matrices.

The analytic multi-digraph is read once into arrays (:class:`Arrays`: the nodes sorted by id and
one entry per relation edge); the directed and undirected views are sparse matrices over that
node order. Betweenness and closeness come from one breadth-first search run for a batch of
sources at once (each BFS level is one sparse product over the (node, source) pairs it reached),
with Brandes' accumulation run backwards over the same levels; PageRank is NetworkX's SciPy
power iteration and eigenvector centrality uses ARPACK, both on the matrices directly.

Examples
--------
>>> import networkx as nx
>>> P = nx.path_graph(4)
>>> A = adjacency(P)
>>> bc, cc = shortest_path_measures(A, list(range(4)))
>>> [round(x, 4) for x in bc], [round(x, 4) for x in cc]
([0.0, 0.6667, 0.6667, 0.0], [0.5, 0.75, 0.75, 0.5])
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as sla

#: Sources searched together (the search holds n × BATCH distances, path counts and dependencies).
BATCH = 128


@dataclass(frozen=True)
class Arrays:
    """A multi-digraph as arrays: ``nodes`` sorted by id, and per edge ``src``, ``dst``, ``weight``, ``years``."""

    nodes: list[Any]
    src: np.ndarray
    dst: np.ndarray
    weight: np.ndarray
    years: list[tuple[int, ...]]

    @classmethod
    def of(cls, G: nx.MultiDiGraph) -> Arrays:
        """The arrays of ``G``; an edge without a weight counts 1."""
        nodes = sorted(G.nodes, key=str)
        index = {v: i for i, v in enumerate(nodes)}
        src, dst, weight, years = [], [], [], []
        for u, v, d in G.edges(data=True):
            src.append(index[u])
            dst.append(index[v])
            weight.append(d.get("weight", 1))
            years.append(tuple(d.get("years", ())))
        return cls(
            nodes,
            np.asarray(src, dtype=np.int64),
            np.asarray(dst, dtype=np.int64),
            np.asarray(weight, dtype=float),
            years,
        )

    def select(self, keep: np.ndarray) -> Arrays:
        """The edges at the indices ``keep`` and their endpoints, in the same node order."""
        src, dst = self.src[keep], self.dst[keep]
        used = np.unique(np.concatenate([src, dst]))
        renumber = np.full(len(self.nodes), -1, dtype=np.int64)
        renumber[used] = np.arange(len(used))
        return Arrays(
            [self.nodes[i] for i in used],
            renumber[src],
            renumber[dst],
            self.weight[keep],
            [self.years[i] for i in keep],
        )

    def by_year(self) -> dict[int, Arrays]:
        """For each year, ascending, the edges stated in documents of that year and their endpoints."""
        edges: dict[int, list[int]] = {}
        for i, ys in enumerate(self.years):
            for y in set(ys):
                edges.setdefault(y, []).append(i)
        return {y: self.select(np.array(edges[y], dtype=np.int64)) for y in sorted(edges)}

    def degrees(self) -> tuple[np.ndarray, np.ndarray]:
        """(in-degree, out-degree) of every node, counting parallel edges."""
        n = len(self.nodes)
        return (
            np.bincount(self.dst, minlength=n).astype(float),
            np.bincount(self.src, minlength=n).astype(float),
        )

    def directed(self) -> sp.csr_array:
        """The directed simple view: parallel edges merged, weights summed, self-loops kept."""
        n = len(self.nodes)
        D = sp.csr_array((self.weight, (self.src, self.dst)), shape=(n, n))
        D.sum_duplicates()
        return D

    def undirected(self) -> sp.csr_array:
        """The undirected simple view: weights of both directions summed, no self-loops."""
        D = self.directed()
        U = (D + D.T).tocsr()
        U.setdiag(0)
        U.eliminate_zeros()
        U.sort_indices()
        return U


def adjacency(G: nx.Graph, nodes: Sequence[Any] | None = None) -> sp.csr_array:
    """The weighted adjacency matrix of an undirected graph without self-loops, rows in ``nodes`` order."""
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight="weight", dtype=float, format="csr")
    A.setdiag(0)
    A.eliminate_zeros()
    return A


def shortest_path_measures(U: sp.csr_array, sources: Sequence[int]) -> tuple[list[float], list[float]]:
    """Betweenness and closeness of every node of the undirected graph ``U``, from BFS at ``sources``.

    Unweighted (hops). Scaled like :func:`networkx.betweenness_centrality` (normalized, with its
    correction for ``k`` sampled sources unless every node is a source) and like
    :func:`graph.analytics.analyze.approximate_closeness` (which equals
    :func:`networkx.closeness_centrality` when every node is a source).
    """
    return shortest_path_measures_apart([U], [sources])[0]


def shortest_path_measures_apart(
    graphs: Sequence[sp.csr_array], sources: Sequence[Sequence[int]]
) -> list[tuple[list[float], list[float]]]:
    """:func:`shortest_path_measures` of several graphs, searched together as one block-diagonal graph.

    The blocks share no node, so the searches from one source of each block can share a column:
    each BFS level is then one product for all the graphs (the years of the report).
    """
    sizes = [g.shape[0] for g in graphs]
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    N = int(offsets[-1])
    if N == 0:
        return [([], []) for _ in graphs]
    A = sp.block_diag([sp.csr_array(g.shape) if g.shape[0] == 0 else g for g in graphs], format="csr")
    A.data[:] = 1.0
    dependency, total, count = np.zeros(N), np.zeros(N), np.zeros(N)
    batches = max((len(s) + BATCH - 1) // BATCH for s in sources)
    for t in range(batches):
        parts = [np.asarray(s[t * BATCH : (t + 1) * BATCH], dtype=np.int64) for s in sources]
        nodes = np.concatenate([off + part for off, part in zip(offsets[:-1], parts, strict=True)])
        columns = np.concatenate([np.arange(len(part)) for part in parts])
        if len(nodes) == 0:
            continue
        delta, dist = _brandes(A, nodes, columns, int(columns.max()) + 1)
        dependency += delta.sum(axis=1)
        reached = dist > 0
        total += np.where(reached, dist, 0).sum(axis=1)
        count += reached.sum(axis=1)
    out = []
    for i, (n, picked) in enumerate(zip(sizes, sources, strict=True)):
        part = slice(offsets[i], offsets[i + 1])
        out.append(_scaled(n, list(picked), dependency[part], total[part], count[part]))
    return out


def _scaled(
    n: int, sources: list[int], dependency: np.ndarray, total: np.ndarray, count: np.ndarray
) -> tuple[list[float], list[float]]:
    """Betweenness and closeness of a graph of ``n`` nodes from the sums over its ``sources``."""
    k = len(sources)
    is_source = np.zeros(n, dtype=bool)
    is_source[sources] = True
    if n <= 2:
        betweenness = dependency
    elif k == n:
        betweenness = dependency / ((n - 1) * (n - 2))
    else:
        scale = np.where(is_source, 1 / ((k - 1) * (n - 2)) if k > 1 else np.nan, 1 / (k * (n - 2)))
        betweenness = dependency * scale
    others = k - is_source
    with np.errstate(divide="ignore", invalid="ignore"):
        closeness = np.where(
            (total > 0) & (others > 0), (count / total) * (count / np.maximum(others, 1)), 0.0
        )
    # betweenness rounded: sums over the sources in another order differ in the last digits, and
    # ties must stay ties (closeness sums integers)
    return np.round(betweenness, 12).tolist(), closeness.tolist()


def _brandes(
    A: sp.csr_array, sources: np.ndarray, columns: np.ndarray, b: int
) -> tuple[np.ndarray, np.ndarray]:
    """Brandes' dependencies and the hop distances (-1: unreached) as n × ``b`` arrays.

    The search from ``sources[i]`` runs in column ``columns[i]``; a column may hold several
    sources when no path joins them. The search keeps, per level, the flat indices of the
    (node, column) pairs at that distance; each step multiplies ``A`` by those pairs only, so the
    work is proportional to the pairs reached, not to the levels times the size of the graph.
    """
    n = A.shape[0]
    dist = np.full(n * b, -1, dtype=np.int64)
    sigma = np.zeros(n * b)
    level = np.sort(sources * b + columns)  # flat index of (node, column): node * b + column
    dist[level] = 0
    sigma[level] = 1.0
    levels = [level]
    while True:
        reached, paths = _step(A, level, sigma[level], b)
        unseen = dist[reached] < 0
        level = reached[unseen]
        if len(level) == 0:
            break
        dist[level] = len(levels)
        sigma[level] = paths[unseen]
        levels.append(level)
    delta = np.zeros(n * b)
    for d in range(len(levels) - 1, 1, -1):
        here = levels[d]
        reached, back = _step(A, here, (1.0 + delta[here]) / sigma[here], b)
        before = dist[reached] == d - 1
        target = reached[before]
        delta[target] += sigma[target] * back[before]
    return delta.reshape(n, b), dist.reshape(n, b)


def _step(A: sp.csr_array, flat: np.ndarray, values: np.ndarray, b: int) -> tuple[np.ndarray, np.ndarray]:
    """``A @ X`` for the n × b matrix X with ``values`` at the ``flat`` indices, as (flat indices, values).

    The indices come, and are returned, grouped by row (node) in ascending order.
    """
    n = A.shape[0]
    indptr = np.searchsorted(flat, np.arange(n + 1) * b)  # each row's indices lie in [row·b, row·b + b)
    Y = A @ sp.csr_array((values, flat % b, indptr), shape=(n, b))
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(Y.indptr))
    return rows * b + Y.indices, Y.data


def pagerank(D: sp.csr_array, alpha: float = 0.85, tol: float = 1e-10, max_iter: int = 1000) -> list[float]:
    """Weighted PageRank of the directed matrix ``D``, as :func:`networkx.pagerank` computes it.

    Raises
    ------
    networkx.PowerIterationFailedConvergence
        When ``max_iter`` iterations do not reach ``tol``.
    """
    n = D.shape[0]
    if n == 0:
        return []
    out = np.asarray(D.sum(axis=1)).ravel()
    inverse = np.divide(1.0, out, out=np.zeros(n), where=out != 0)
    P = sp.diags_array(inverse) @ D
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    p = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = alpha * (x @ P + x[dangling].sum() * p) + (1 - alpha) * p
        if np.abs(x - last).sum() < n * tol:
            scores: list[float] = x.tolist()
            return scores
    raise nx.PowerIterationFailedConvergence(max_iter)


def principal_eigenvector(U: sp.csr_array) -> list[float]:
    """The unit principal eigenvector of the connected undirected matrix ``U``, entries ≥ 0, rounded.

    Raises
    ------
    scipy.sparse.linalg.ArpackNoConvergence
        When ARPACK does not converge.
    """
    n = U.shape[0]
    _, vectors = sla.eigsh(U.astype(float), k=1, which="LA", v0=np.ones(n), tol=0, maxiter=max(50 * n, 1000))
    vec = np.abs(vectors[:, 0])
    vec /= np.linalg.norm(vec)
    # rounded: the solver's last digits depend on node order, and ties must stay ties
    rounded: list[float] = np.round(vec, 10).tolist()
    return rounded
