"""Assembly that only the tests use: the in-memory RDF of a few extractions, the build as
``nexus-kg build`` chains it, and the summary as SPARQL over the built store counts it (to check
the one counted while the quads stream by)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import rdflib
from rdflib.namespace import RDFS

from graph.ns import CLASSES, NX_URI, RELATIONS, bind_prefixes, local_id
from graph.outputs import write_viewer
from graph.pipeline import BuildResult, building
from graph.rdf import build as rdf
from graph.records import DocumentFacts, Entity
from graph.vocab import Vocabulary


def build_dataset(
    docs: Iterable[DocumentFacts], entities: dict[str, Entity], vocab: Vocabulary
) -> rdflib.Dataset:
    """One named graph per document and one for entities, in memory: the same N-Quads lines that
    ``nexus-kg build`` streams (:func:`graph.rdf.build.document_quads`), parsed by rdflib."""
    used: set[str] = set()
    rules: set[str] = set()
    surfaces: dict[str, set[str]] = {}
    lines: list[str] = []
    for r in docs:
        q = rdf.document_quads(r)
        lines += q.lines
        used |= q.used
        rules |= q.rules
        for cid, forms in q.surfaces.items():
            surfaces.setdefault(cid, set()).update(forms)
    lines += rdf.entity_lines(used, entities, surfaces, vocab, rules)
    ds = rdflib.Dataset()
    bind_prefixes(ds)
    ds.parse(data="".join(lines), format="nquads")
    return ds


def union_graph(ds: rdflib.Dataset) -> rdflib.Graph:
    """All triples of the dataset in one graph, with the project's prefixes."""
    g = bind_prefixes(rdflib.Graph())
    for s, p, o, _ctx in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def assemble(results: Sequence[DocumentFacts], vocab: Vocabulary) -> tuple[rdflib.Dataset, rdflib.Graph]:
    """The RDF dataset of all documents in memory, and its union graph."""
    entities: dict[str, Entity] = {}
    for r in results:
        for k, v in r.entities.items():
            entities.setdefault(k, v)
    ds = build_dataset(results, entities, vocab)
    return ds, union_graph(ds)


def build(paths: Sequence[Path], out: Path, **options: Any) -> BuildResult:
    """A build as ``nexus-kg build`` chains it: the graph, then the viewer page, published together."""
    with building(paths, out, **options) as b:
        write_viewer(b)
    return b.result


_CLASSES = (*CLASSES, "Passage", "Claim")


def summary_by_sparql(store: Any, naming: dict[str, set[str]] | None = None) -> dict[str, Any]:
    """Triples, classes, properties and discovered entities of a built store, by SPARQL (as the
    build counted them before it counted them from the stream)."""
    from graph.sparql.query import execute

    def rows(q: str) -> list[dict[str, Any]]:
        return list(execute(store, q).rows)

    distinct = "{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    triples = int(rows(f"SELECT (COUNT(*) AS ?n) WHERE {distinct}")[0]["n"].value)
    types = {
        str(r["t"].value): int(r["n"].value)
        for r in rows("SELECT ?t (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?t } } GROUP BY ?t")
    }
    values = " ".join(f"<{NX_URI}{r}>" for r in RELATIONS)
    props = {
        str(r["p"].value): int(r["n"].value)
        for r in rows(
            f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} "
            "GRAPH ?g { ?s ?p ?o } } } GROUP BY ?p"
        )
    }
    found = rows(
        f"SELECT ?s (MIN(STR(?t)) AS ?type) (MIN(STR(?l)) AS ?label) WHERE {{ GRAPH ?g {{ ?s <{NX_URI}discovered> true }} "
        f'OPTIONAL {{ GRAPH ?g2 {{ ?s a ?t FILTER(STRSTARTS(STR(?t), "{NX_URI}")) }} }} '
        f"OPTIONAL {{ GRAPH ?g3 {{ ?s <{RDFS.label}> ?l }} }} }} GROUP BY ?s"
    )
    naming = naming or {}
    return {
        "triples": triples,
        "by_class": {c: types.get(NX_URI + c, 0) for c in _CLASSES},
        "by_property": {r: props.get(NX_URI + r, 0) for r in RELATIONS},
        "discovered": sorted(
            (
                str(r["type"].value)[len(NX_URI) :] if r.get("type") is not None else "Entity",
                str(r["label"].value) if r.get("label") is not None else "None",
                len(naming.get(local_id(str(r["s"].value)), ())),
            )
            for r in found
        ),
    }
