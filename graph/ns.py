"""The ontology namespace, closed over the terms declared in ``ontology/nexus.ttl``.

>>> NX.benefitsFrom
rdflib.term.URIRef('https://w3id.org/nexus-kg/ontology#benefitsFrom')
>>> try:
...     NX.benefitFrom
... except (AttributeError, KeyError):
...     print("refused: not in the ontology")
refused: not in the ontology
>>> RELATIONS[0], CLASSES[0]
('benefitsFrom', 'TerroristGroup')
"""

from __future__ import annotations

from functools import cache

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace, Namespace

from graph.errors import OntologyError
from graph.resources import ontology_file

NX_URI = "https://w3id.org/nexus-kg/ontology#"
ID_URI = "https://w3id.org/nexus-kg/id/"
WD = Namespace("http://www.wikidata.org/entity/")
NXID = Namespace(ID_URI)


ONTOLOGY_IRI = rdflib.URIRef("https://w3id.org/nexus-kg/ontology")


@cache
def ontology() -> rdflib.Graph:
    """``ontology/nexus.ttl``, parsed once: the one source of the project's classes and relations."""
    return rdflib.Graph().parse(ontology_file("nexus.ttl"), format="turtle")


def _declared_terms() -> list[str]:
    return sorted(
        str(s)[len(NX_URI) :]
        for s in set(ontology().subjects(RDF.type, None))
        if isinstance(s, rdflib.URIRef) and str(s).startswith(NX_URI)
    )


def listed(g: rdflib.Graph, prop: str) -> tuple[str, ...]:
    """The local names in the ontology header's RDF list ``nx:<prop>``; an undeclared one is an error."""
    head = g.value(ONTOLOGY_IRI, rdflib.URIRef(NX_URI + prop))
    if head is None:
        raise OntologyError(f"nexus.ttl: the ontology header has no nx:{prop} list")
    names = tuple(str(t)[len(NX_URI) :] for t in Collection(g, head))
    undeclared = [n for n in names if (rdflib.URIRef(NX_URI + n), RDF.type, None) not in g]
    if undeclared:
        raise OntologyError(f"nexus.ttl: nx:{prop} lists undeclared terms {undeclared}")
    return names


NX = ClosedNamespace(NX_URI, _declared_terms())

#: Entity classes, most specific first (a node typed with several is shown as the first).
CLASSES: tuple[str, ...] = listed(ontology(), "entityClasses")
#: Relations between entities that the extractor states, in display order.
RELATIONS: tuple[str, ...] = listed(ontology(), "relationProperties")

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
    "prov": str(PROV),
}


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


def label(term: str, lang: str = "en") -> str:
    """The ontology's ``rdfs:label`` of local name ``term`` in ``lang``; the name itself if none.

    >>> label("benefitsFrom", "zh")
    '受益于'
    """
    for o in ontology().objects(rdflib.URIRef(NX_URI + term), RDFS.label):
        if isinstance(o, rdflib.Literal) and (o.language or "en") == lang:
            return str(o)
    return term
