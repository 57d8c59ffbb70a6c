"""Content negotiation: the answer formats the endpoint offers and the ``Accept`` header's choice.

Results (SELECT, ASK) and graphs (CONSTRUCT, DESCRIBE) each have their table of media types and
writers; XML writers replace the characters XML 1.0 cannot carry, so every answer is well-formed.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from graph.script import xml_chars
from graph.sparql.results import Results, ox_term
from graph.sparql.table import to_csv, to_json, to_ntriples, to_tsv, to_turtle, to_xml

RESULT_TYPES: dict[str, Callable[[Results], str]] = {
    "application/sparql-results+json": to_json,
    "application/sparql-results+xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
    "application/json": to_json,
    "application/xml": to_xml,
}


def _rdf(fmt: ox.RdfFormat) -> Callable[[Results], str]:
    def serialise(res: Results) -> str:
        triples = [ox.Triple(*(ox_term(t) for t in triple)) for triple in res.triples]  # type: ignore[arg-type]
        data = ox.serialize(triples, format=fmt)
        text = data.decode("utf-8") if isinstance(data, bytes) else str(data)
        return xml_chars(text) if fmt == ox.RdfFormat.RDF_XML else text

    return serialise


GRAPH_TYPES: dict[str, Callable[[Results], str]] = {
    "text/turtle": to_turtle,
    "application/n-triples": to_ntriples,
    "text/plain": to_ntriples,
    "application/rdf+xml": _rdf(ox.RdfFormat.RDF_XML),
    "application/ld+json": _rdf(ox.RdfFormat.JSON_LD),
    "application/n-quads": _rdf(ox.RdfFormat.N_QUADS),
    "application/trig": _rdf(ox.RdfFormat.TRIG),
    "text/n3": _rdf(ox.RdfFormat.N3),
}


def negotiate(accept: str | None, offers: dict[str, Callable[[Results], str]]) -> str | None:
    """The media type of ``offers`` that the ``Accept`` header ranks highest (first offer if none).

    Returns None when the header accepts none of them.

    Examples
    --------
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES)
    'application/sparql-results+xml'
    >>> negotiate("*/*", GRAPH_TYPES), negotiate(None, GRAPH_TYPES)
    ('text/turtle', 'text/turtle')
    >>> negotiate("image/png", RESULT_TYPES) is None
    True
    """
    if not accept or not accept.strip():
        return next(iter(offers))
    ranked: list[tuple[float, int, int, str]] = []
    for pos, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        for order, offer in enumerate(offers):
            exact = mtype == offer
            if exact or mtype == "*/*" or (mtype.endswith("/*") and offer.startswith(mtype[:-1])):
                ranked.append((-q, 0 if exact else 1, order if not exact else pos, offer))
    return min(ranked)[3] if ranked else None


def offers_for(res: Results) -> dict[str, Callable[[Results], str]]:
    """The formats that can carry ``res``: graph formats for a graph, result formats otherwise
    (no CSV or TSV for a boolean)."""
    if res.kind == "graph":
        return GRAPH_TYPES
    if res.kind == "boolean":
        return {k: v for k, v in RESULT_TYPES.items() if "csv" not in k and "tab" not in k}
    return RESULT_TYPES
