"""One error tree for nexus-kg; only the CLI turns these into messages and exit codes."""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error nexus-kg raises on purpose."""


class InputError(GraphError):
    """A corpus file, path or gold file cannot be read."""


class OntologyError(GraphError):
    """The ontology, vocabulary or cue files are inconsistent."""


class ShapeError(GraphError):
    """The graph does not conform to the SHACL shapes."""


class QueryError(GraphError):
    """A SPARQL query is malformed, unknown or cannot be answered."""
