"""The ontology namespace, closed over the terms declared in ``ontology/nexus.ttl``.

Importing this module reads no file and loads neither rdflib nor pyoxigraph. The term lists
(:data:`CLASSES`, :data:`RELATIONS`, :func:`declared_terms`) are read on first use with
pyoxigraph, and the rdflib terms (``NX``, ``NXID``, ``WD``, ``ONTOLOGY_IRI``) are built on first
use, so the query path, which needs only the IRIs as strings, never loads rdflib.

>>> from graph.ns import CLASSES, NX, RELATIONS
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
from typing import TYPE_CHECKING, Any

from graph.errors import OntologyError
from graph.resources import ontology_file

if TYPE_CHECKING:
    import pyoxigraph as ox
    import rdflib
    from rdflib.namespace import ClosedNamespace, Namespace

    #: The ontology's terms as rdflib IRIs; a term the ontology does not declare raises.
    NX: ClosedNamespace
    NXID: Namespace
    WD: Namespace
    ONTOLOGY_IRI: rdflib.URIRef
    #: Entity classes, most specific first (a node typed with several is shown as the first).
    CLASSES: tuple[str, ...]
    #: Relations between entities that the extractor states, in display order.
    RELATIONS: tuple[str, ...]

NX_URI = "https://w3id.org/nexus-kg/ontology#"
ID_URI = "https://w3id.org/nexus-kg/id/"
WD_URI = "http://www.wikidata.org/entity/"
ONTOLOGY_URI = "https://w3id.org/nexus-kg/ontology"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"

PREFIXES: dict[str, str] = {
    "nx": NX_URI,
    "nxid": ID_URI,
    "rdf": _RDF,
    "rdfs": _RDFS,
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": WD_URI,
    "dcterms": "http://purl.org/dc/terms/",
    "sh": "http://www.w3.org/ns/shacl#",
    "prov": "http://www.w3.org/ns/prov#",
}


@cache
def ontology() -> rdflib.Graph:
    """``ontology/nexus.ttl`` as an rdflib graph, parsed once (for the shapes and the validation)."""
    import rdflib

    return rdflib.Graph().parse(ontology_file("nexus.ttl"), format="turtle")


@cache
def ontology_store() -> ox.Store:
    """``ontology/nexus.ttl`` in an in-memory Oxigraph store, read once: the source of the term lists."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=ontology_file("nexus.ttl"), format=ox.RdfFormat.TURTLE)
    return store


@cache
def declared_terms() -> tuple[str, ...]:
    """The local names of the ``nx:`` terms the ontology declares (gives a type), sorted.

    >>> "benefitsFrom" in declared_terms(), "benefitFrom" in declared_terms()
    (True, False)
    """
    import pyoxigraph as ox

    store = ontology_store()
    return tuple(
        sorted(
            {
                q.subject.value[len(NX_URI) :]
                for q in store.quads_for_pattern(None, ox.NamedNode(_RDF + "type"), None)
                if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(NX_URI)
            }
        )
    )


@cache
def nx_iri(name: str) -> str:
    """The IRI of the declared ``nx:`` term ``name``; a misspelt or undeclared name raises.

    >>> nx_iri("benefitsFrom")
    'https://w3id.org/nexus-kg/ontology#benefitsFrom'
    >>> nx_iri("benefitFrom")
    Traceback (most recent call last):
    ...
    graph.errors.OntologyError: nx:benefitFrom is not declared in ontology/nexus.ttl
    """
    if name not in declared_terms():
        raise OntologyError(f"nx:{name} is not declared in ontology/nexus.ttl")
    return NX_URI + name


@cache
def domain_range(prop: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The classes a relation's ``rdfs:domain`` and ``rdfs:range`` admit, subclasses included.

    >>> d, r = domain_range("operatesIn")
    >>> d, "Country" in r
    (('TerroristGroup',), True)
    """
    import pyoxigraph as ox

    store = ontology_store()

    def objects(subject: Any, predicate: str) -> list[Any]:
        return [q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)]

    def members(node: Any) -> list[str]:
        union = objects(node, "http://www.w3.org/2002/07/owl#unionOf")
        if not union:
            return [node.value[len(NX_URI) :]] if isinstance(node, ox.NamedNode) else []
        out, cell = [], union[0]
        while cell != ox.NamedNode(_RDF + "nil"):
            out += members(objects(cell, _RDF + "first")[0])
            cell = objects(cell, _RDF + "rest")[0]
        return out

    def with_subclasses(names: list[str]) -> tuple[str, ...]:
        found = list(names)
        for name in found:
            for q in store.quads_for_pattern(
                None, ox.NamedNode(_RDFS + "subClassOf"), ox.NamedNode(NX_URI + name)
            ):
                sub = str(getattr(q.subject, "value", ""))[len(NX_URI) :]
                if sub and sub not in found:
                    found.append(sub)
        return tuple(found)

    node = ox.NamedNode(NX_URI + prop)
    domain = [c for o in objects(node, _RDFS + "domain") for c in members(o)]
    range_ = [c for o in objects(node, _RDFS + "range") for c in members(o)]
    if not domain or not range_:
        raise OntologyError(f"nexus.ttl: nx:{prop} has no rdfs:domain or rdfs:range")
    return with_subclasses(domain), with_subclasses(range_)


def listed(store: ox.Store, prop: str) -> tuple[str, ...]:
    """The local names in the ontology header's RDF list ``nx:<prop>``; an undeclared one is an error."""
    import pyoxigraph as ox

    def value(subject: Any, predicate: str) -> Any:
        return next((q.object for q in store.quads_for_pattern(subject, ox.NamedNode(predicate), None)), None)

    node = value(ox.NamedNode(ONTOLOGY_URI), NX_URI + prop)
    if node is None:
        raise OntologyError(f"nexus.ttl: the ontology header has no nx:{prop} list")
    names: list[str] = []
    while node is not None and node != ox.NamedNode(_RDF + "nil"):
        first = value(node, _RDF + "first")
        if first is not None:
            names.append(first.value[len(NX_URI) :])
        node = value(node, _RDF + "rest")
    typed = ox.NamedNode(_RDF + "type")
    undeclared = [n for n in names if not any(store.quads_for_pattern(ox.NamedNode(NX_URI + n), typed, None))]
    if undeclared:
        raise OntologyError(f"nexus.ttl: nx:{prop} lists undeclared terms {undeclared}")
    return tuple(names)


def __getattr__(name: str) -> Any:
    """The term lists and the rdflib terms, built on first use."""
    value: Any
    if name == "CLASSES":
        value = listed(ontology_store(), "entityClasses")
    elif name == "RELATIONS":
        value = listed(ontology_store(), "relationProperties")
    elif name in ("NX", "NXID", "WD", "ONTOLOGY_IRI"):
        import rdflib
        from rdflib.namespace import ClosedNamespace, Namespace

        if name == "NX":
            value = ClosedNamespace(NX_URI, list(declared_terms()))
        elif name == "ONTOLOGY_IRI":
            value = rdflib.URIRef(ONTOLOGY_URI)
        else:
            value = Namespace(ID_URI if name == "NXID" else WD_URI)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def bind_prefixes(g: rdflib.Graph) -> rdflib.Graph:
    """Bind the project's prefixes on ``g`` and return it."""
    for prefix, uri in PREFIXES.items():
        g.bind(prefix, uri, override=True)
    return g


def entity_iri(concept_id: str) -> rdflib.URIRef:
    """The IRI of an entity, document, passage or claim id."""
    import rdflib

    return rdflib.URIRef(ID_URI + concept_id)


def local_id(iri: str) -> str:
    """The id part of an entity IRI (inverse of :func:`entity_iri`)."""
    return iri[len(ID_URI) :] if iri.startswith(ID_URI) else iri


def label(term: str, lang: str = "en") -> str:
    """The ontology's ``rdfs:label`` of local name ``term`` in ``lang``; the name itself if none.

    >>> label("benefitsFrom", "zh")
    '受益于'
    """
    import pyoxigraph as ox

    for q in ontology_store().quads_for_pattern(
        ox.NamedNode(NX_URI + term), ox.NamedNode(_RDFS + "label"), None
    ):
        if isinstance(q.object, ox.Literal) and (q.object.language or "en") == lang:
            return q.object.value
    return term
