"""The group × crime matrix (which groups benefit from which crimes) and its one-mode projections."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx


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
    holders: dict[str, set[str]] = defaultdict(set)  # for each shared item, the keys that have it
    for r, row in matrix.items():
        for c in row:
            if side == "rows":
                holders[c].add(r)
            else:
                holders[r].add(c)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for item in sorted(holders):
        keys = sorted(holders[item])
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                shared[a, b].append(item)
    pairs = [{"a": a, "b": b, "shared": len(via), "via": via} for (a, b), via in shared.items()]
    return sorted(pairs, key=lambda p: (-p["shared"], p["a"], p["b"]))
