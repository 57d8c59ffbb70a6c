"""The records a query answers with, whatever answered it: :class:`Results` of :class:`Term`."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}


@dataclass(frozen=True, slots=True)
class Term:
    """An RDF term as the SPARQL results formats describe it.

    ``kind`` is ``uri``, ``literal``, ``bnode`` or ``triple``; ``datatype`` is None for plain and
    language-tagged literals.
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Results:
    """The answer to a query: ``bindings`` (SELECT), ``boolean`` (ASK) or ``graph`` (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, Term], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Term, Term, Term], ...] = field(default=())

    def as_bindings(self) -> Results:
        """Graph results as rows of ``subject``, ``predicate``, ``object``; others unchanged."""
        if self.kind != "graph":
            return self
        names = ("subject", "predicate", "object")
        return Results("bindings", names, tuple(dict(zip(names, t, strict=True)) for t in self.triples))


def ox_term(t: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term of a :class:`Term` (inverse of :func:`term`)."""
    if t.kind == "uri":
        return ox.NamedNode(t.value)
    if t.kind == "bnode":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t.value)
