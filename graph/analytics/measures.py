"""The names of the centrality measures, importable without NetworkX (for the command line's help)."""

#: Every measure :func:`graph.analytics.analyze.centrality` computes, in report order.
MEASURES: tuple[str, ...] = (
    "degree",
    "in_degree",
    "out_degree",
    "betweenness",
    "closeness",
    "pagerank",
    "eigenvector",
)
