"""Time the report and the viewer on the seed graph and on a synthetic graph of 10,000 nodes.

Run: ``.venv/bin/python benchmarks/bench_report.py [--nodes 10000 --edges 50000]``

The synthetic graph follows the RDF model of ``docs/rdf-model.md``: typed entities with @zh/@en
labels, relation triples, and for each triple one ``nx:Claim`` stated in a passage of a dated
document. Above ``graph.analytics.analyze.EXACT_LIMIT`` nodes, betweenness and closeness are estimated
from ``graph.analytics.analyze.SAMPLE_K`` sampled sources, and the viewer draws the
``graph.view.render.MAX_NODES`` most central nodes.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rdflib
from rdflib import Literal
from rdflib.namespace import RDF, RDFS, XSD

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.analytics import analyze, charts, report
from graph.analytics.matrix import crime_matrix, projection
from graph.analytics.project import to_networkx
from graph.ns import NX, entity_iri
from graph.view import render

# which classes each relation links, as in ontology/nexus.ttl
DOMAINS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "benefitsFrom": (("TerroristGroup",), ("CrimeType",)),
    "mandatedBy": (("UNEntity", "Programme", "Organization"), ("Resolution",)),
    "implements": (("UNEntity", "Organization", "Programme", "Country"), ("Resolution", "Convention")),
    "operatesIn": (("TerroristGroup",), ("Region", "Country")),
    "activeIn": (("UNEntity", "Organization", "Programme"), ("Region", "Country")),
    "recalls": (("Resolution",), ("Resolution",)),
    "affiliatedWith": (("TerroristGroup",), ("TerroristGroup",)),
    "partnerOf": (
        ("UNEntity", "Organization", "Programme", "Country"),
        ("UNEntity", "Organization", "Country"),
    ),
}
SHARE = {
    "TerroristGroup": 0.15,
    "CrimeType": 0.02,
    "UNEntity": 0.1,
    "Organization": 0.1,
    "Programme": 0.08,
    "Convention": 0.03,
    "Country": 0.2,
    "Region": 0.05,
    "Resolution": 0.27,
}


def synthetic(nodes: int, edges: int, seed: int = 7) -> rdflib.Graph:
    """A random graph in the nexus-kg RDF model with ``nodes`` entities and ``edges`` relation triples."""
    rnd = random.Random(seed)
    g = rdflib.Graph()
    by_class: dict[str, list[rdflib.URIRef]] = {c: [] for c in SHARE}
    classes = list(SHARE)
    weights = [SHARE[c] for c in classes]
    for i in range(nodes):
        cls = classes[i] if i < len(classes) else rnd.choices(classes, weights)[0]
        node = entity_iri(f"{cls.lower()}-{i:05d}")
        by_class[cls].append(node)
        g.add((node, RDF.type, NX[cls]))
        g.add((node, RDFS.label, Literal(f"实体{i}", lang="zh")))
        g.add((node, RDFS.label, Literal(f"entity {i}", lang="en")))
        g.add((node, NX.discovered, Literal(False)))
    docs = []
    for year in range(2012, 2022):
        doc = entity_iri(f"doc-synthetic-{year}")
        g.add((doc, RDF.type, NX.Document))
        g.add((doc, NX.year, Literal(str(year), datatype=XSD.gYear)))
        g.add((doc, NX.symbol, Literal(f"S/{year}/1")))
        docs.append(doc)
    passages = []
    for k in range(5000):
        p = entity_iri(f"passage-synthetic-{k}-1")
        g.add((p, RDF.type, NX.Passage))
        g.add((p, NX.inDocument, docs[k % len(docs)]))
        g.add((p, NX.paragraph, Literal(str(k))))
        g.add((p, NX.text, Literal(f"第{k}段的句子。", lang="zh")))
        passages.append(p)
    seen: set[tuple[Any, str, Any]] = set()
    rels = list(DOMAINS)
    while len(seen) < edges:
        rel = rnd.choice(rels)
        dom, rng = DOMAINS[rel]
        s = rnd.choice(by_class[rnd.choice(dom)])
        o = rnd.choice(by_class[rnd.choice(rng)])
        if s == o or (s, rel, o) in seen:
            continue
        seen.add((s, rel, o))
        g.add((s, NX[rel], o))
        claim = entity_iri(f"claim-{len(seen):012x}")
        g.add((claim, RDF.type, NX.Claim))
        g.add((claim, RDF.subject, s))
        g.add((claim, RDF.predicate, NX[rel]))
        g.add((claim, RDF.object, o))
        g.add((claim, NX.statedIn, rnd.choice(passages)))
        g.add((claim, NX.confidence, Literal(round(rnd.uniform(0.5, 0.95), 2))))
    return g


def timed(label: str, fn: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    value = fn()
    print(f"  {label:<38}{time.perf_counter() - start:8.2f} s", flush=True)
    return value


def bench(name: str, g: rdflib.Graph) -> None:
    """Run the steps of ``report.report_files`` and ``report.viewer`` one by one, timing each."""
    print(f"{name}: {len(g):,} triples")
    total = time.perf_counter()
    G = timed("RDF → NetworkX", lambda: to_networkx(g))
    sampled = G.number_of_nodes() > analyze.EXACT_LIMIT
    print(
        f"  ({G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges; "
        + (f"betweenness/closeness sampled, k={analyze.SAMPLE_K})" if sampled else "exact measures)")
    )
    scores = timed("all measures", lambda: analyze.centrality(G))
    community = timed("communities (Louvain)", lambda: analyze.communities(G))
    by_year = timed("measures per document year", lambda: analyze.by_year(G))
    matrix = crime_matrix(G)
    result = {
        "scores": scores,
        "community": community,
        "matrix": matrix,
        "by_year": by_year,
        "groups_sharing": projection(matrix, "rows"),
        "crimes_sharing": projection(matrix, "columns"),
    }
    pngs, _ = timed("charts (4 PNG)", lambda: charts.charts(G, result))
    timed(
        "csv + markdown",
        lambda: (
            report.centrality_csv(G, result),
            report.by_year_csv(G, result),
            report.markdown(G, result, sorted(pngs)),
        ),
    )
    print(f"  {'= report':<38}{time.perf_counter() - total:8.2f} s")
    page = timed("viewer page (incl. RDF → NetworkX)", lambda: report.viewer(g))
    shown = min(G.number_of_nodes(), render.MAX_NODES)
    print(f"  page {len(page) / 1e6:.1f} MB drawing {shown:,} of {G.number_of_nodes():,} nodes")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=10_000)
    ap.add_argument("--edges", type=int, default=50_000)
    ap.add_argument(
        "--graph", default=None, help="a built nexus.ttl (default: build the seeds into a temp dir)"
    )
    args = ap.parse_args()
    if args.graph:
        seed = Path(args.graph)
    else:
        import tempfile

        from graph.pipeline import run_build

        out = Path(tempfile.mkdtemp(prefix="nexus-bench-"))
        timed(
            "build seeds/ (for reference)",
            lambda: run_build([Path(__file__).resolve().parents[1] / "seeds"], out, progress=lambda m: None),
        )
        seed = out / "nexus.ttl"
    bench("seed graph", rdflib.Graph().parse(seed, format="turtle"))
    g = timed(
        f"generate synthetic {args.nodes:,} nodes / {args.edges:,} edges",
        lambda: synthetic(args.nodes, args.edges),
    )
    bench("synthetic graph", g)


if __name__ == "__main__":
    main()
