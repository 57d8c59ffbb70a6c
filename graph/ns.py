"""The ontology namespace, closed over the terms declared in ``ontology/nexus.ttl``.

>>> NX.benefitsFrom
rdflib.term.URIRef('https://w3id.org/nexus-kg/ontology#benefitsFrom')
>>> try:
...     NX.benefitFrom
... except (AttributeError, KeyError):
...     print("refused: not in the ontology")
refused: not in the ontology
"""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, ClosedNamespace, Namespace

from graph.resources import ontology_file

NX_URI = "https://w3id.org/nexus-kg/ontology#"
ID_URI = "https://w3id.org/nexus-kg/id/"
WD = Namespace("http://www.wikidata.org/entity/")
NXID = Namespace(ID_URI)


def _declared_terms() -> list[str]:
    g = rdflib.Graph().parse(ontology_file("nexus.ttl"), format="turtle")
    return sorted(
        str(s)[len(NX_URI) :]
        for s in set(g.subjects(RDF.type, None))
        if isinstance(s, rdflib.URIRef) and str(s).startswith(NX_URI)
    )


NX = ClosedNamespace(NX_URI, _declared_terms())

PREFIXES: dict[str, str] = {
    "nx": NX_URI,
    "nxid": ID_URI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "wd": str(WD),
    "dcterms": "http://purl.org/dc/terms/",
    "sh": "http://www.w3.org/ns/shacl#",
}

RELATIONS: tuple[str, ...] = (
    "benefitsFrom",
    "mandatedBy",
    "implements",
    "operatesIn",
    "activeIn",
    "recalls",
    "affiliatedWith",
    "partnerOf",
)


def bind_prefixes(g: rdflib.Graph) -> rdflib.Graph:
    """Bind the project's prefixes on ``g`` and return it."""
    for prefix, uri in PREFIXES.items():
        g.bind(prefix, uri, override=True)
    return g


def entity_iri(concept_id: str) -> rdflib.URIRef:
    """The IRI of an entity, document, passage or claim id."""
    return rdflib.URIRef(ID_URI + concept_id)


def local_id(iri: str) -> str:
    """The id part of an entity IRI (inverse of :func:`entity_iri`)."""
    return iri[len(ID_URI) :] if iri.startswith(ID_URI) else iri
