"""RDF → NetworkX: the analytic projection of the graph, the evidence behind each edge, and the
part of a built store the viewer and report read.

The projection keeps only entities and the ontology's relations: claims, passages and monetary
amounts (the provenance) stay in RDF. Each edge carries the property, a weight (the number of
``nx:Claim`` nodes that support the triple, at least 1) and the years of the documents that state it.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache
from typing import Any, cast

import networkx as nx
import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from graph.ns import CLASSES, NX, NX_URI, RELATIONS, local_id
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
    rank = {c: i for i, c in enumerate(CLASSES)}
    types: dict[rdflib.term.Node, set[str]] = defaultdict(set)
    provenance: set[rdflib.term.Node] = set()
    claims: list[rdflib.term.Node] = []
    for s, t in g.subject_objects(RDF.type):
        if t in _PROVENANCE:
            provenance.add(s)
            if t == NX.Claim:
                claims.append(s)
        elif isinstance(t, rdflib.URIRef) and str(t).startswith(NX_URI):
            types[s].add(str(t)[len(NX_URI) :])

    # each property read in one pass: one lookup per claim and node would cost ten times more
    ends = [dict(g.subject_objects(x)) for x in (RDF.subject, RDF.predicate, RDF.object)]
    stated_in, in_document = _multi(g, NX.statedIn), _multi(g, NX.inDocument)
    years_of_doc: dict[rdflib.term.Node, int | None] = {}
    support: dict[tuple[str, str, str], int] = defaultdict(int)
    years: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    documents: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for claim in claims:
        cs, cp, co = (end.get(claim) for end in ends)
        if cs is None or cp is None or co is None:
            continue
        key = (local_id(str(cs)), str(cp)[len(NX_URI) :], local_id(str(co)))
        support[key] += 1
        for passage in stated_in.get(claim, ()):
            for doc in in_document.get(passage, ()):
                documents[key].add(str(g.value(doc, NX.symbol) or local_id(str(doc))))
                if doc not in years_of_doc:
                    years_of_doc[doc] = _doc_year(g, doc)
                year = years_of_doc[doc]
                if year is not None:
                    years[key].add(year)

    edges: list[tuple[str, str, str]] = []
    endpoints: set[rdflib.term.Node] = set()
    for rel in RELATIONS:
        for s, o in g.subject_objects(NX[rel]):
            if s in provenance or o in provenance:
                continue
            endpoints.update((s, o))
            edges.append((local_id(str(s)), rel, local_id(str(o))))

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
    for src, rel, dst in sorted(edges):
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


def supporting_passages(g: rdflib.Graph, limit: int = 3) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """The best passages stating each relation triple, highest confidence first.

    Returns
    -------
    dict
        ``{(subject id, property, object id): [{"text", "symbol", "paragraph", "year",
        "confidence", "hedged"}, …]}`` with at most ``limit`` passages per triple; ties go to
        the earlier document symbol and paragraph.

    Examples
    --------
    >>> supporting_passages(rdflib.Graph())
    {}
    """
    # each property read in one pass, as in to_networkx
    value = {
        prop: dict(g.subject_objects(prop))
        for prop in (
            RDF.subject,
            RDF.predicate,
            RDF.object,
            NX.confidence,
            NX.hedged,
            NX.text,
            NX.inDocument,
            NX.paragraph,
        )
    }
    stated_in = _multi(g, NX.statedIn)
    doc_info: dict[rdflib.term.Node, tuple[str, int | None]] = {}
    found: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for claim in g.subjects(RDF.type, NX.Claim):
        s, p, o = (value[x].get(claim) for x in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or p is None or o is None:
            continue
        key = (local_id(str(s)), str(p)[len(NX_URI) :], local_id(str(o)))
        conf: Any = value[NX.confidence].get(claim)
        hedged: Any = value[NX.hedged].get(claim)
        for passage in stated_in.get(claim, ()):
            text = value[NX.text].get(passage)
            if text is None:
                continue
            doc = value[NX.inDocument].get(passage)
            if doc is not None and doc not in doc_info:
                symbol = g.value(doc, NX.symbol) or _label(g, doc, "en") or _label(g, doc, "zh")
                doc_info[doc] = (str(symbol or local_id(str(doc))), _doc_year(g, doc))
            symbol, year = doc_info.get(doc, ("", None)) if doc is not None else ("", None)
            found[key].append(
                {
                    "text": str(text),
                    "symbol": symbol,
                    "paragraph": str(value[NX.paragraph].get(passage) or ""),
                    "year": year,
                    "confidence": round(float(conf), 4) if conf is not None else 0.0,
                    "hedged": bool(hedged.toPython()) if hedged is not None else False,
                }
            )
    out = {}
    for key in sorted(found):
        unique = {(r["text"], r["symbol"], r["paragraph"]): r for r in found[key]}
        best = sorted(
            unique.values(), key=lambda r: (-r["confidence"], r["symbol"], _para_key(r["paragraph"]))
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
