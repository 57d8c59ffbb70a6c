"""RDF → NetworkX: the analytic projection of the graph, the evidence behind each edge, and the
part of a built store the viewer and report read.

The projection keeps only entities and the ontology's relations: claims, passages and monetary
amounts (the provenance) stay in RDF. Each edge carries the property, a weight (the number of
``nx:Claim`` nodes that support the triple, at least 1) and the years of the documents that state it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any, cast

import networkx as nx
import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from graph.ns import CLASSES, NX, NX_URI, RELATIONS, entity_iri, local_id
from graph.resources import ontology_file

_PROVENANCE = {NX.Claim, NX.Passage, NX.MonetaryAmount}


@cache
def ontology_labels() -> dict[str, dict[str, str]]:
    """The @zh and @en labels of every class and property of ``ontology/nexus.ttl``.

    Examples
    --------
    >>> ontology_labels()["benefitsFrom"]
    {'zh': '受益于', 'en': 'benefits from'}
    """
    g = rdflib.Graph().parse(ontology_file("nexus.ttl"), format="turtle")
    out: dict[str, dict[str, str]] = {}
    for s, label in g.subject_objects(RDFS.label):
        if isinstance(s, rdflib.URIRef) and str(s).startswith(NX_URI) and isinstance(label, rdflib.Literal):
            out.setdefault(str(s)[len(NX_URI) :], {"zh": "", "en": ""})[label.language or "en"] = str(label)
    return {k: out[k] for k in sorted(out)}


def _label(g: rdflib.Graph, s: rdflib.term.Node, lang: str) -> str:
    for prop in (SKOS.prefLabel, RDFS.label):
        values = sorted(
            str(o) for o in g.objects(s, prop) if isinstance(o, rdflib.Literal) and o.language == lang
        )
        if values:
            return values[0]
    return ""


def _multi(
    g: rdflib.Graph, prop: rdflib.URIRef, subjects: set[rdflib.term.Node] | None = None
) -> dict[rdflib.term.Node, list[rdflib.term.Node]]:
    """Every value of ``prop``, by subject (only ``subjects`` if given), in one pass over the graph."""
    out: dict[rdflib.term.Node, list[rdflib.term.Node]] = defaultdict(list)
    for s, o in g.subject_objects(prop):
        if subjects is None or s in subjects:
            out[s].append(o)
    return out


def _doc_year(g: rdflib.Graph, doc: rdflib.term.Node) -> int | None:
    for prop in (NX.year, rdflib.URIRef("http://purl.org/dc/terms/date")):
        for o in g.objects(doc, prop):
            text = str(o)[:4]
            if text.isdigit():
                return int(text)
    return None


#: Where a claim is stated: (document id, paragraph, text); "" where the graph has none.
Place = tuple[str, str, str]
#: One claim as the viewer reads it: (subject id, property, object id, confidence, hedged, the
#: places it is stated in).
ClaimRow = tuple[str, str, str, float, bool, tuple[Place, ...]]


def claim_rows(g: rdflib.Graph) -> list[ClaimRow]:
    """Every claim of ``g`` that has a subject, a predicate and an object, with the passages it is
    stated in, as :func:`to_networkx` and :func:`supporting_passages` read it.

    >>> claim_rows(rdflib.Graph())
    []
    """
    # each property read in one pass: one lookup per claim and node would cost ten times more
    value = {
        prop: dict(g.subject_objects(prop))
        for prop in (RDF.subject, RDF.predicate, RDF.object, NX.confidence, NX.hedged, NX.text, NX.paragraph)
    }
    stated_in, in_document = _multi(g, NX.statedIn), _multi(g, NX.inDocument)
    rows: list[ClaimRow] = []
    for claim in g.subjects(RDF.type, NX.Claim):
        cs, cp, co = (value[x].get(claim) for x in (RDF.subject, RDF.predicate, RDF.object))
        if cs is None or cp is None or co is None:
            continue
        conf: Any = value[NX.confidence].get(claim)
        hedged: Any = value[NX.hedged].get(claim)
        places: list[Place] = []
        for passage in stated_in.get(claim, ()):
            text = value[NX.text].get(passage)
            para = str(value[NX.paragraph].get(passage) or "")
            doc_ids = [local_id(str(doc)) for doc in in_document.get(passage, ())] or [""]
            places.extend((doc_id, para, str(text) if text is not None else "") for doc_id in doc_ids)
        rows.append(
            (
                local_id(str(cs)),
                str(cp)[len(NX_URI) :],
                local_id(str(co)),
                round(float(conf), 4) if conf is not None else 0.0,
                bool(hedged.toPython()) if hedged is not None else False,
                tuple(places),
            )
        )
    return rows


def relation_triples(g: rdflib.Graph) -> set[tuple[str, str, str]]:
    """The relation triples of ``g`` between nodes that are not provenance (claims, passages,
    amounts), as (subject id, property, object id)."""
    provenance = {s for t in _PROVENANCE for s in g.subjects(RDF.type, t)}
    return {
        (local_id(str(s)), rel, local_id(str(o)))
        for rel in RELATIONS
        for s, o in g.subject_objects(NX[rel])
        if s not in provenance and o not in provenance
    }


def to_networkx(g: rdflib.Graph) -> nx.MultiDiGraph:
    """The analytic multi-digraph of an RDF graph in the nexus-kg model.

    Parameters
    ----------
    g : rdflib.Graph
        A graph as written by ``nexus-kg build``.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity ids (``group-isil``) with ``cls``, ``zh``, ``en``, ``labels`` (every
        label and alias, sorted) and ``discovered``; one edge per relation triple, keyed by the
        property, with ``property``, ``weight``, ``years`` and ``documents`` (the symbols, else
        ids, of the documents that state it). ``G.graph["labels"]`` holds the
        ontology's class and property labels.

    Examples
    --------
    >>> from rdflib import Graph, Literal
    >>> from graph.ns import NX, entity_iri
    >>> from rdflib.namespace import RDF, RDFS
    >>> g = Graph()
    >>> isil, oil = entity_iri("group-isil"), entity_iri("crime-oil-smuggling")
    >>> g.add((isil, RDF.type, NX.TerroristGroup))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> g.add((isil, RDFS.label, Literal("ISIL", lang="en")))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> g.add((oil, RDF.type, NX.CrimeType))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> g.add((isil, NX.benefitsFrom, oil))
    <Graph identifier=... (<class 'rdflib.graph.Graph'>)>
    >>> G = to_networkx(g)
    >>> G.nodes["group-isil"]["cls"], G.nodes["group-isil"]["en"]
    ('TerroristGroup', 'ISIL')
    >>> list(G.edges(keys=True, data="weight"))
    [('group-isil', 'crime-oil-smuggling', 'benefitsFrom', 1)]
    """
    return project(g, claim_rows(g), relation_triples(g))


def project(
    g: rdflib.Graph, rows: Iterable[ClaimRow], edges: Iterable[tuple[str, str, str]]
) -> nx.MultiDiGraph:
    """The analytic multi-digraph of :func:`to_networkx` from its parts: ``g`` for the nodes (their
    types and labels) and the documents (their symbols and years), the claims ``rows`` for the
    weights, years and documents of the edges, and the relation triples ``edges``.

    A build draws its viewer from these as its documents stream by (:mod:`graph.analytics.stream`), with
    ``g`` holding only the entity graph and the documents' own descriptions.
    """
    rank = {c: i for i, c in enumerate(CLASSES)}
    types: dict[rdflib.term.Node, set[str]] = defaultdict(set)
    for s, t in g.subject_objects(RDF.type):
        if t not in _PROVENANCE and isinstance(t, rdflib.URIRef) and str(t).startswith(NX_URI):
            types[s].add(str(t)[len(NX_URI) :])

    docs = _Documents(g)
    support: dict[tuple[str, str, str], int] = defaultdict(int)
    years: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    documents: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for cs, cp, co, _conf, _hedged, places in rows:
        key = (cs, cp, co)
        support[key] += 1
        for doc, _para, _text in places:
            if not doc:
                continue
            documents[key].add(docs.name(doc))
            year = docs.year(doc)
            if year is not None:
                years[key].add(year)

    edges = sorted(set(edges))
    endpoints: set[rdflib.term.Node] = set()
    for s_id, _rel, o_id in edges:
        endpoints.update((entity_iri(s_id), entity_iri(o_id)))

    G = nx.MultiDiGraph()
    G.graph["labels"] = ontology_labels()
    nodes = {s for s, cls in types.items() if any(c in rank for c in cls)} | endpoints
    literals = {
        prop: _multi(g, prop, nodes) for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, NX.discovered)
    }

    def label(s: rdflib.term.Node, lang: str) -> str:
        for prop in (SKOS.prefLabel, RDFS.label):
            values = sorted(
                str(o)
                for o in literals[prop].get(s, ())
                if isinstance(o, rdflib.Literal) and o.language == lang
            )
            if values:
                return values[0]
        return ""

    for s in sorted(nodes, key=lambda n: local_id(str(n))):
        classes = sorted((c for c in types.get(s, ()) if c in rank), key=rank.__getitem__)
        labels = {
            str(o)
            for prop in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
            for o in literals[prop].get(s, ())
            if isinstance(o, rdflib.Literal)
        }
        discovered = literals[NX.discovered].get(s, [rdflib.Literal(False)])[0]
        G.add_node(
            local_id(str(s)),
            cls=classes[0] if classes else "Entity",
            zh=label(s, "zh"),
            en=label(s, "en"),
            labels=tuple(sorted(labels)),
            discovered=bool(cast(Any, discovered).toPython()),
        )
    for src, rel, dst in edges:
        key = (src, rel, dst)
        G.add_edge(
            src,
            dst,
            key=rel,
            property=rel,
            weight=max(1, support.get(key, 0)),
            years=tuple(sorted(years.get(key, ()))),
            documents=tuple(sorted(documents.get(key, ()))),
        )
    return G


class _Documents:
    """The names and years of documents, looked up in ``g`` once each."""

    def __init__(self, g: rdflib.Graph) -> None:
        self.g = g
        self._name: dict[str, str] = {}
        self._cite: dict[str, str] = {}
        self._year: dict[str, int | None] = {}

    def name(self, doc: str) -> str:
        """The document's symbol, else its id (as an edge lists its documents)."""
        if doc not in self._name:
            self._name[doc] = str(self.g.value(entity_iri(doc), NX.symbol) or doc)
        return self._name[doc]

    def cite(self, doc: str) -> str:
        """The document's symbol, else its English or Chinese label, else its id (as a passage cites it)."""
        if doc not in self._cite:
            node = entity_iri(doc)
            symbol = self.g.value(node, NX.symbol) or _label(self.g, node, "en") or _label(self.g, node, "zh")
            self._cite[doc] = str(symbol or doc)
        return self._cite[doc]

    def year(self, doc: str) -> int | None:
        if doc not in self._year:
            self._year[doc] = _doc_year(self.g, entity_iri(doc))
        return self._year[doc]


def supporting_passages(g: rdflib.Graph, limit: int = 3) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """The best passages stating each relation triple, highest confidence first.

    Returns
    -------
    dict
        ``{(subject id, property, object id): [{"text", "symbol", "paragraph", "year",
        "confidence", "hedged"}, …]}`` with at most ``limit`` passages per triple; ties go to
        the earlier document symbol and paragraph, then the text (so the order never depends on
        the order the graph gives its claims in).

    Examples
    --------
    >>> supporting_passages(rdflib.Graph())
    {}
    """
    return passages_by_triple(g, claim_rows(g), limit)


def passages_by_triple(
    g: rdflib.Graph, rows: Iterable[ClaimRow], limit: int = 3
) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """:func:`supporting_passages` from its parts: ``g`` for the documents' symbols and years, and
    the claims ``rows``."""
    docs = _Documents(g)
    found: dict[tuple[str, str, str], dict[tuple[str, str, str], dict[str, Any]]] = defaultdict(dict)
    for cs, cp, co, conf, hedged, places in rows:
        key = (cs, cp, co)
        for doc, para, text in places:
            if not text:
                continue
            symbol, year = (docs.cite(doc), docs.year(doc)) if doc else ("", None)
            found[key][(text, symbol, para)] = {
                "text": text,
                "symbol": symbol,
                "paragraph": para,
                "year": year,
                "confidence": conf,
                "hedged": hedged,
            }
    out = {}
    for key in sorted(found):
        best = sorted(
            found[key].values(),
            key=lambda r: (-r["confidence"], r["symbol"], _para_key(r["paragraph"]), r["text"]),
        )
        out[key] = best[:limit]
    return out


def _para_key(paragraph: str) -> tuple[int, str]:
    digits = "".join(ch for ch in paragraph if ch.isdigit())
    return (int(digits) if digits else 10**9, paragraph)


#: What :func:`to_networkx`, :func:`supporting_passages` and the report read, besides the relations:
#: labels, claims (with their passage, confidence and hedge) and the documents' names, bodies and years.
_READ = (
    str(RDFS.label),
    str(SKOS.prefLabel),
    str(SKOS.altLabel),
    str(RDF.subject),
    str(RDF.predicate),
    str(RDF.object),
    *(
        NX_URI + p
        for p in ("discovered", "statedIn", "confidence", "hedged", "symbol", "year", "fileName", "body")
    ),
    "http://purl.org/dc/terms/date",
)


def graph_from_store(store: Any) -> rdflib.Graph:
    """The part of a built Oxigraph store that :func:`to_networkx`, :func:`supporting_passages` and
    the report read, as an rdflib graph (so they need not parse ``nexus.ttl``).

    The predicates of :data:`_READ` and the relations, the types of the ontology's classes, and of
    the passages only those a claim is stated in (their text, document and paragraph).

    Examples
    --------
    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> a, g = ox.NamedNode(NX_URI + "x"), ox.NamedNode("urn:g")
    >>> s.add(ox.Quad(a, ox.NamedNode(str(RDFS.label)), ox.Literal("x", language="zh"), g))
    >>> s.add(ox.Quad(a, ox.NamedNode(NX_URI + "mentions"), a, g))
    >>> len(graph_from_store(s))
    1
    """
    import pyoxigraph as ox

    values = " ".join(f"<{p}>" for p in (*_READ, *(NX_URI + r for r in RELATIONS)))
    q = (
        "CONSTRUCT { ?s ?p ?o } WHERE { "
        f"{{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }} UNION "
        f'{{ GRAPH ?g {{ ?s a ?o }} FILTER(STRSTARTS(STR(?o), "{NX_URI}") && ?o != <{NX_URI}Passage>) '
        f"BIND(<{RDF.type}> AS ?p) }} UNION "
        f"{{ GRAPH ?g {{ ?c <{NX_URI}statedIn> ?s . ?s ?p ?o }} "
        f"FILTER(?p IN (<{NX_URI}text>, <{NX_URI}inDocument>, <{NX_URI}paragraph>)) }} }}"
    )
    seen: dict[Any, rdflib.term.Node] = {}

    def term(t: Any) -> rdflib.term.Node:
        if (known := seen.get(t)) is not None:
            return known
        if isinstance(t, ox.NamedNode):
            out: rdflib.term.Node = rdflib.URIRef(t.value)
        elif isinstance(t, ox.BlankNode):
            out = rdflib.BNode(t.value)
        elif t.language:
            out = rdflib.Literal(t.value, lang=t.language)
        else:
            dt = t.datatype.value
            out = rdflib.Literal(t.value, datatype=None if dt == _XSD_STRING else rdflib.URIRef(dt))
        seen[t] = out
        return out

    g = rdflib.Graph(store="SimpleMemory")  # no named graphs to index: adds cost half of Memory's
    for t in store.query(q):
        g.add((term(t.subject), term(t.predicate), term(t.object)))
    return g


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
