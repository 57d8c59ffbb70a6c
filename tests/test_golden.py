"""A short resolution in, the expected document graph out (compared as graphs, not as text).

The expected graph, ``tests/golden/resolution.ttl``, was written by hand-checking the build of
``tests/golden/resolution.txt``: its passages, the three facts the text states (a recall, a
request, a benefit) with their claims and PROV-O provenance. After a deliberate change to the
model, regenerate it with ``NEXUS_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graph.ns import PREFIXES, entity_iri
from graph.pipeline import run_build

GOLDEN = Path(__file__).parent / "golden"


def _document_graph(out: Path, node: str) -> rdflib.Graph:
    ds = rdflib.Dataset()
    ds.parse(out / "nexus.nq", format="nquads")
    g = rdflib.Graph()
    for prefix, uri in PREFIXES.items():
        g.bind(prefix, uri)
    for triple in ds.graph(entity_iri(f"graph-{node}")):
        g.add(triple)
    return g


def _lines(g: rdflib.Graph) -> list[str]:
    return sorted(ln for ln in g.serialize(format="nt").splitlines() if ln.strip())


def test_a_short_resolution_gives_the_expected_graph(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "resolution.txt").write_bytes((GOLDEN / "resolution.txt").read_bytes())
    run_build([source], tmp_path / "out", progress=lambda _m: None)
    got = _document_graph(tmp_path / "out", "res-s-2999-2026")
    expected_file = GOLDEN / "resolution.ttl"
    if os.environ.get("NEXUS_UPDATE_GOLDEN"):
        expected_file.write_text(got.serialize(format="turtle"), encoding="utf-8")
    expected = rdflib.Graph().parse(expected_file, format="turtle")
    if not isomorphic(got, expected):
        _both, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
        raise AssertionError(
            "the document graph differs from tests/golden/resolution.ttl\n"
            "only in the build:\n  " + "\n  ".join(_lines(only_got)) + "\n"
            "only in the golden file:\n  " + "\n  ".join(_lines(only_expected))
        )
    assert len(expected) > 50  # passages, claims and provenance, not an empty file
