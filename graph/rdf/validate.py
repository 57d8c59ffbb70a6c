"""SHACL validation of a built graph against ``ontology/shapes.ttl`` and the shapes generated from the ontology."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyshacl
import rdflib

from graph.errors import InputError
from graph.ns import ontology
from graph.rdf.shapes import GENERATED
from graph.resources import ontology_file


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of a validation: conforms, and one line per violation."""

    conforms: bool
    violations: tuple[str, ...]


#: The graph files of a built folder, in the order :func:`graph_file` tries them.
GRAPH_FILES = ("nexus.ttl", "nexus.nq")


def graph_file(path: Path) -> Path:
    """The graph file to read at ``path``: the file itself, or in a built folder ``nexus.ttl``,
    else ``nexus.nq`` (a build with ``--no-turtle`` writes no Turtle).

    Raises
    ------
    InputError
        If ``path`` is neither a file nor a folder holding one of :data:`GRAPH_FILES`.

    Examples
    --------
    >>> graph_file(Path("no-such-folder"))
    Traceback (most recent call last):
    ...
    graph.errors.InputError: no-such-folder: no graph (nexus.ttl or nexus.nq); run 'nexus-kg build' first
    """
    if path.is_file():
        return path
    if path.is_dir():
        for name in GRAPH_FILES:
            if (path / name).is_file():
                return path / name
    raise InputError(f"{path}: no graph ({' or '.join(GRAPH_FILES)}); run 'nexus-kg build' first")


def load_graph(path: Path) -> rdflib.Graph:
    """Parse a Turtle, N-Triples or N-Quads file; a bad one is an ``InputError``."""
    if not path.is_file():
        raise InputError(f"{path}: no such graph file; run 'nexus-kg build' first")
    fmt = {".nq": "nquads", ".nt": "nt", ".trig": "trig"}.get(path.suffix, "turtle")
    try:
        if fmt in ("nquads", "trig"):
            ds = rdflib.Dataset()
            ds.parse(path, format=fmt)
            g = rdflib.Graph()
            for s, p, o, _ctx in ds.quads((None, None, None, None)):
                g.add((s, p, o))
            return g
        return rdflib.Graph().parse(path, format=fmt)
    except Exception as exc:  # parsers raise many types
        raise InputError(f"{path}: not a valid {fmt} graph ({str(exc).splitlines()[0]})") from None


def validate(g: rdflib.Graph) -> Report:
    """Run the SHACL shapes, with the ontology's class hierarchy (no other inference), over ``g``."""
    shapes = rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    shapes.parse(ontology_file(GENERATED), format="turtle")
    # Only the class hierarchy joins the data (a Country is a Region): with RDFS inference the
    # ranges would type every object as what the shapes require, and no range could fail.
    hierarchy = rdflib.Graph()
    for triple in ontology().triples((None, rdflib.RDFS.subClassOf, None)):
        hierarchy.add(triple)
    conforms, results, _text = pyshacl.validate(
        g, shacl_graph=shapes, ont_graph=hierarchy, inference="none", advanced=True, allow_warnings=True
    )
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    lines = []
    for r in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = results.value(r, sh.focusNode)
        msg = results.value(r, sh.resultMessage)
        path = results.value(r, sh.resultPath)
        lines.append(f"{focus} {path or ''}: {msg}".strip())
    return Report(bool(conforms), tuple(sorted(lines)))
