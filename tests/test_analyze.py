"""Centrality on small graphs with known answers, and the RDF → NetworkX conversion."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from scipy.sparse.linalg import ArpackNoConvergence

from graph.analytics import analyze, sparse
from graph.analytics.matrix import crime_matrix, projection
from graph.analytics.project import graph_from_store, to_networkx
from graph.errors import GraphError, InputError
from graph.ns import NX, RELATIONS, entity_iri


def path_of_three() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for u, v in (("a", "b"), ("b", "c")):
        G.add_edge(u, v, key="partnerOf", property="partnerOf", weight=1, years=(2015,))
    return G


def test_path_of_three_middle_node_is_the_bridge():
    scores = analyze.centrality(path_of_three())
    assert scores["betweenness"] == pytest.approx({"a": 0.0, "b": 1.0, "c": 0.0})
    assert scores["closeness"] == pytest.approx({"a": 2 / 3, "b": 1.0, "c": 2 / 3})
    assert scores["degree"] == {"a": 1.0, "b": 2.0, "c": 1.0}
    assert scores["in_degree"] == {"a": 0.0, "b": 1.0, "c": 1.0}
    assert scores["out_degree"] == {"a": 1.0, "b": 1.0, "c": 0.0}
    # the principal eigenvector of a path of three: (1, √2, 1) / 2
    assert scores["eigenvector"] == pytest.approx({"a": 0.5, "b": math.sqrt(2) / 2, "c": 0.5}, abs=1e-6)


def kite_rdf() -> rdflib.Graph:
    """The Krackhardt kite in the nexus-kg model: countries that are partners, one claim per edge."""
    g = rdflib.Graph()
    kite = nx.krackhardt_kite_graph()
    doc = entity_iri("doc-s-2015-366")
    g.add((doc, NX.year, Literal("2015", datatype=XSD.gYear)))
    for n in kite:
        g.add((entity_iri(f"country-k{n}"), RDF.type, NX.Country))
        g.add((entity_iri(f"country-k{n}"), RDFS.label, Literal(f"国家{n}", lang="zh")))
    for i, (u, v) in enumerate(sorted(kite.edges)):
        s, o = entity_iri(f"country-k{u}"), entity_iri(f"country-k{v}")
        g.add((s, NX.partnerOf, o))
        claim, passage = entity_iri(f"claim-{i:012x}"), entity_iri(f"passage-kite-{i}-1")
        g.add((claim, RDF.type, NX.Claim))
        g.add((claim, RDF.subject, s))
        g.add((claim, RDF.predicate, NX.partnerOf))
        g.add((claim, RDF.object, o))
        g.add((claim, NX.statedIn, passage))
        g.add((claim, NX.confidence, Literal(0.8)))
        g.add((passage, RDF.type, NX.Passage))
        g.add((passage, NX.inDocument, doc))
        g.add((passage, NX.text, Literal(f"第{i}句。", lang="zh")))
    return g


def test_kite_conversion_is_faithful():
    kite = nx.krackhardt_kite_graph()
    G = to_networkx(kite_rdf())
    name = {n: f"country-k{n}" for n in kite}
    assert {frozenset(e) for e in analyze.undirected(G).edges} == {
        frozenset((name[u], name[v])) for u, v in kite.edges
    }
    assert sorted(G.nodes) == sorted(name.values())
    assert not any(n.startswith(("claim-", "passage-")) for n in G)
    scores = analyze.centrality(G)
    for measure, expected in (
        ("betweenness", nx.betweenness_centrality(kite)),
        ("closeness", nx.closeness_centrality(nx.relabel_nodes(kite, name).subgraph(name.values()))),
    ):
        got = {n: scores[measure][name[n]] for n in kite}
        if measure == "closeness":
            expected = {n: expected[name[n]] for n in kite}
        assert got == pytest.approx(expected)
    # the textbook answer: Heather (node 7) is the broker with betweenness 14/36
    assert scores["betweenness"]["country-k7"] == pytest.approx(14 / 36)
    eig = nx.eigenvector_centrality(kite, max_iter=1000, tol=1e-9)
    got = {n: scores["eigenvector"][name[n]] for n in kite}
    assert got == pytest.approx(eig, rel=1e-4)
    assert all(d["years"] == (2015,) and d["weight"] == 1 for _, _, d in G.edges(data=True))


def test_edges_keep_property_weight_and_years_and_provenance_stays_out():
    g = rdflib.Graph()
    isil, oil = entity_iri("group-isil"), entity_iri("crime-oil-smuggling")
    g.add((isil, RDF.type, NX.TerroristGroup))
    g.add((isil, RDFS.label, Literal("伊拉克和黎凡特伊斯兰国", lang="zh")))
    g.add((isil, RDFS.label, Literal("Islamic State in Iraq and the Levant", lang="en")))
    g.add((isil, SKOS.altLabel, Literal("伊黎伊斯兰国", lang="zh")))
    g.add((isil, NX.discovered, Literal(False)))
    g.add((oil, RDF.type, NX.CrimeType))
    g.add((oil, NX.discovered, Literal(True)))
    g.add((isil, NX.benefitsFrom, oil))
    res = entity_iri("res-s-2482-2019")
    g.add((res, RDF.type, NX.Resolution))
    g.add((res, RDF.type, NX.Document))
    g.add((res, NX.adoptedBy, entity_iri("un-security-council")))  # not one of the 8 relations
    for i, (doc, year) in enumerate(((entity_iri("doc-s-2015-366"), "2015"), (res, "2019"))):
        g.add((doc, NX.year, Literal(year, datatype=XSD.gYear)))
        claim, passage = entity_iri(f"claim-{i}"), entity_iri(f"passage-x-{i}-1")
        amount = entity_iri(f"amount-{i}")
        g.add((claim, RDF.type, NX.Claim))
        g.add((claim, RDF.subject, isil))
        g.add((claim, RDF.predicate, NX.benefitsFrom))
        g.add((claim, RDF.object, oil))
        g.add((claim, NX.statedIn, passage))
        g.add((claim, NX.amount, amount))
        g.add((amount, RDF.type, NX.MonetaryAmount))
        g.add((passage, RDF.type, NX.Passage))
        g.add((passage, NX.inDocument, doc))
    G = to_networkx(g)
    assert sorted(G.nodes) == ["crime-oil-smuggling", "group-isil", "res-s-2482-2019"]
    assert list(G.edges(keys=True, data=True)) == [
        (
            "group-isil",
            "crime-oil-smuggling",
            "benefitsFrom",
            {
                "property": "benefitsFrom",
                "weight": 2,
                "years": (2015, 2019),
                "documents": ("doc-s-2015-366", "res-s-2482-2019"),  # no symbol given: the ids
            },
        ),
    ]
    isil_data = G.nodes["group-isil"]
    assert (isil_data["cls"], isil_data["zh"], isil_data["en"]) == (
        "TerroristGroup",
        "伊拉克和黎凡特伊斯兰国",
        "Islamic State in Iraq and the Levant",
    )
    assert "伊黎伊斯兰国" in isil_data["labels"]
    assert isil_data["discovered"] is False and G.nodes["crime-oil-smuggling"]["discovered"] is True
    assert G.nodes["res-s-2482-2019"]["cls"] == "Resolution"  # the more specific class wins
    assert G.graph["labels"]["TerroristGroup"] == {"zh": "恐怖主义团体", "en": "terrorist group"}


def test_eigenvector_survives_disconnected_graphs_and_falls_back(monkeypatch):
    G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("x", "y")])
    G.add_node("lonely")
    scores = analyze.centrality(G, ["eigenvector"])["eigenvector"]
    assert set(scores) == {"a", "b", "c", "x", "y", "lonely"}
    assert all(math.isfinite(v) for v in scores.values())
    assert scores["b"] == max(scores.values())

    # the dominant eigenvector lives on the path a-b-c only
    assert scores["b"] == pytest.approx(math.sqrt(2) / 2)
    assert scores["x"] == pytest.approx(0.0, abs=1e-9)

    def fail(*args, **kwargs):
        raise ArpackNoConvergence("ARPACK did not converge", [], [])

    monkeypatch.setattr(sparse, "principal_eigenvector", fail)
    fallback = analyze.eigenvector(analyze.undirected(G))
    # degree centrality of the largest component
    assert fallback == {"a": 0.5, "b": 1.0, "c": 0.5, "x": 0.0, "y": 0.0, "lonely": 0.0}


def test_pagerank_matches_the_definition():
    D = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("a", "c")])
    pr = analyze.pagerank(D)
    assert sum(pr.values()) == pytest.approx(1.0)
    # fixed point of PR(v) = (1-α)/n + α Σ PR(u) w(u,v) / out(u)
    alpha, n = 0.85, 3
    for v in D:
        incoming = sum(pr[u] / D.out_degree(u) for u in D.predecessors(v))
        assert pr[v] == pytest.approx((1 - alpha) / n + alpha * incoming, abs=1e-9)
    # a dangling node spreads its rank evenly: on a→b alone, PR(a) = (1-α)/2 + α·PR(b)/2 = 0.5 / 1.425
    pr2 = analyze.pagerank(nx.DiGraph([("a", "b")]))
    assert pr2 == pytest.approx({"a": 0.5 / 1.425, "b": 1 - 0.5 / 1.425})


def test_weighted_pagerank_follows_the_weights():
    D = nx.DiGraph()
    D.add_edge("s", "heavy", weight=9)
    D.add_edge("s", "light", weight=1)
    pr = analyze.pagerank(D)
    assert pr["heavy"] > pr["light"]


def test_louvain_finds_two_triangles_and_is_deterministic():
    G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")])
    first = analyze.communities(G)
    assert first == analyze.communities(G)
    assert first["a"] == first["b"] == first["c"] != first["x"] == first["y"] == first["z"]
    assert sorted(set(first.values())) == [0, 1]


def test_group_crime_matrix_and_projections():
    G = nx.MultiDiGraph()
    for grp, crime, w in (("g1", "oil", 2), ("g1", "drugs", 1), ("g2", "drugs", 3), ("g2", "kidnap", 1)):
        G.add_edge(grp, crime, key="benefitsFrom", property="benefitsFrom", weight=w)
    G.add_edge("g1", "country-irq", key="operatesIn", property="operatesIn", weight=1)
    matrix = crime_matrix(G)
    assert matrix == {"g1": {"drugs": 1, "oil": 2}, "g2": {"drugs": 3, "kidnap": 1}}
    assert projection(matrix) == [{"a": "g1", "b": "g2", "shared": 1, "via": ["drugs"]}]
    assert projection(matrix, "columns") == [
        {"a": "drugs", "b": "kidnap", "shared": 1, "via": ["g2"]},
        {"a": "drugs", "b": "oil", "shared": 1, "via": ["g1"]},
    ]


def test_measures_per_year_see_only_that_years_edges():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="partnerOf", property="partnerOf", weight=1, years=(2012,))
    G.add_edge("b", "c", key="partnerOf", property="partnerOf", weight=1, years=(2012, 2021))
    G.add_edge("c", "d", key="partnerOf", property="partnerOf", weight=1, years=(2021,))
    yearly = analyze.by_year(G)
    assert list(yearly) == [2012, 2021]
    assert yearly[2012]["betweenness"] == pytest.approx({"a": 0.0, "b": 1.0, "c": 0.0})
    assert yearly[2021]["betweenness"] == pytest.approx({"b": 0.0, "c": 1.0, "d": 0.0})


def test_sampled_closeness_equals_exact_when_every_node_is_a_pivot():
    G = nx.gnm_random_graph(60, 150, seed=3)
    assert analyze.approximate_closeness(G, k=60) == pytest.approx(nx.closeness_centrality(G))
    rough = analyze.approximate_closeness(G, k=30, seed=1)
    exact = nx.closeness_centrality(G)
    assert max(abs(rough[v] - exact[v]) for v in G) < 0.1


def test_large_graphs_are_sampled(monkeypatch):
    monkeypatch.setattr(analyze, "EXACT_LIMIT", 10)
    monkeypatch.setattr(analyze, "SAMPLE_K", 5)
    G = nx.MultiDiGraph(nx.gnm_random_graph(40, 80, seed=1, directed=True))
    U = analyze.undirected(G)
    scores = analyze.centrality(G, ["betweenness", "closeness"], seed=3)
    # the same sources as NetworkX's own sampling with that seed, and its scaling
    assert scores["betweenness"] == pytest.approx(nx.betweenness_centrality(U, k=5, seed=3))
    assert scores["betweenness"] != pytest.approx(nx.betweenness_centrality(U))
    pivots = random.Random(3).sample(list(U), 5)
    for v in U:
        reach = nx.single_source_shortest_path_length(U, v)
        dist = [reach[p] for p in pivots if p != v and p in reach]
        others = 5 - (v in pivots)
        expected = len(dist) / others * len(dist) / sum(dist) if dist else 0.0
        assert scores["closeness"][v] == pytest.approx(expected)


def test_exact_measures_match_networkx_on_a_disconnected_graph():
    G = nx.MultiDiGraph(nx.gnm_random_graph(80, 90, seed=5, directed=True))
    G.add_edge(3, 3)
    U = analyze.undirected(G)
    assert nx.number_connected_components(U) > 1
    scores = analyze.centrality(G)
    assert scores["betweenness"] == pytest.approx(nx.betweenness_centrality(U), abs=1e-12)
    assert scores["closeness"] == pytest.approx(nx.closeness_centrality(U), abs=1e-12)
    assert scores["pagerank"] == pytest.approx(nx.pagerank(analyze.directed(G), tol=1e-12), abs=1e-8)
    assert scores["degree"] == {v: float(d) for v, d in G.degree()}


def test_louvain_above_the_limit_finds_planted_communities(monkeypatch):
    monkeypatch.setattr(analyze, "EXACT_LIMIT", 10)
    planted = nx.planted_partition_graph(6, 30, 0.4, 0.01, seed=2)
    G = nx.MultiDiGraph(planted.to_directed(as_view=False))
    found = analyze.communities(G)
    assert found == analyze.communities(G)
    assert len(set(found.values())) == 6
    for block in planted.graph["partition"]:
        assert len({found[v] for v in block}) == 1


def test_rankings_sort_ties_by_id():
    G = nx.MultiDiGraph()
    G.add_nodes_from([("b", {"cls": "Country"}), ("a", {"cls": "Country"}), ("g", {"cls": "TerroristGroup"})])
    assert analyze.rankings(G, {"a": 1.0, "b": 1.0, "g": 0.1}) == {
        "TerroristGroup": [("g", 0.1)],
        "Country": [("a", 1.0), ("b", 1.0)],
    }


def test_unknown_measure_is_refused():
    with pytest.raises(ValueError, match="unknown measure 'fame'"):
        analyze.centrality(path_of_three(), ["fame"])


def test_find_node_by_alias_and_unknown_label(seed_graph):
    G = to_networkx(seed_graph)
    for label in ("伊黎伊斯兰国", "达伊沙", "ISIL", "isil", "group-isil", "伊拉克和黎凡特伊斯兰国"):
        assert analyze.find_node(G, label) == "group-isil"
    with pytest.raises(InputError) as err:
        analyze.find_node(G, "不存在的组织")
    assert isinstance(err.value, GraphError)
    assert "'不存在的组织'" in str(err.value) and "\n" not in str(err.value)


def test_isil_is_among_the_most_central_groups_in_the_seeds(seed_graph):
    G = to_networkx(seed_graph)
    scores = analyze.centrality(G)
    for measure in ("degree", "betweenness"):
        top = [v for v, _ in analyze.rankings(G, scores[measure], top=3)["TerroristGroup"]]
        assert "group-isil" in top, (measure, top)
    assert G.nodes["group-isil"]["zh"] == "伊拉克和黎凡特伊斯兰国"
    assert {d["property"] for _, _, d in G.edges(data=True)} <= set(RELATIONS)
    assert all(d["weight"] >= 1 for _, _, d in G.edges(data=True))
    assert any(2015 in d["years"] for _, _, d in G.out_edges("group-isil", data=True))  # S/2015/366


def test_the_report_read_from_the_store_equals_the_report_read_from_turtle(built, seed_graph):
    from graph.analytics.report import report_files
    from graph.rdf.store import open_store

    from_store, _ = report_files(graph_from_store(open_store(built)), with_charts=False)
    from_turtle, _ = report_files(seed_graph, with_charts=False)
    assert from_store == from_turtle
    assert "group-taliban" in from_store["report/centrality.csv"]
