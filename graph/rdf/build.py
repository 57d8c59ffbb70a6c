"""Graph stage: documents, entities and facts → an RDF dataset with provenance.

Every id is readable or a short content hash, so the same input gives the same
graph; the serialisers below sort their output so that it gives the same bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.term import Node

from graph.ns import NX, bind_prefixes, entity_iri
from graph.records import Document, DocumentFacts, Entity, Fact, Mention, Passage
from graph.script import traditional
from graph.vocab import Vocabulary

ENTITY_GRAPH = "graph-entities"
#: The software agent every extraction is associated with (PROV-O).
AGENT = "nexus-kg"


def _h(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def passage_id(p: Passage) -> str:
    """The id of a passage node: document, paragraph label, sentence number."""
    return f"passage-{p.doc_id}-{p.para}-{p.sent}"


def claim_id(f: Fact) -> str:
    """A content hash of the claim: subject, predicate, object and passage."""
    return "claim-" + _h(f.subject, f.predicate, f.object, passage_id(f.passage))


def add_entity(g: TripleSink, e: Entity, vocab: Vocabulary) -> None:
    """Type, labels, aliases and (for resolutions) symbol, body, number and year."""
    s = entity_iri(e.id)
    g.add((s, RDF.type, NX[e.kind]))
    g.add((s, RDFS.label, Literal(e.label_zh, lang="zh")))
    g.add((s, SKOS.prefLabel, Literal(e.label_zh, lang="zh")))
    if e.label_en:
        g.add((s, RDFS.label, Literal(e.label_en, lang="en")))
        g.add((s, SKOS.prefLabel, Literal(e.label_en, lang="en")))
    g.add((s, NX.discovered, Literal(e.discovered)))
    concept = vocab.concepts.get(e.id)
    if concept is not None:
        for alt in concept.alt_zh:
            g.add((s, SKOS.altLabel, Literal(alt, lang="zh")))
        for alt in concept.alt_en:
            g.add((s, SKOS.altLabel, Literal(alt, lang="en")))
        for b in concept.broader:
            g.add((s, SKOS.broader, entity_iri(b)))
        for same in concept.same_as:
            g.add((s, OWL.sameAs, URIRef(same)))
    else:
        for alt in e.alt_labels:
            g.add((s, SKOS.altLabel, Literal(alt, lang="zh")))
    if e.symbol:
        g.add((s, NX.symbol, Literal(e.symbol)))
    if e.kind == "Resolution":
        g.add((s, NX.body, Literal(e.body)))
        g.add((s, NX.number, Literal(e.number)))
        if e.year:
            g.add((s, NX.year, Literal(str(e.year), datatype=XSD.gYear)))
        adopter = vocab.body_named(e.body)
        if adopter is not None:
            g.add((s, NX.adoptedBy, entity_iri(adopter.id)))


def add_document(g: TripleSink, doc: Document, node_id: str, requested_by: str | None) -> None:
    """Metadata of a corpus document (from the manifest, else from its own text)."""
    s = entity_iri(node_id)
    g.add((s, RDF.type, NX.Document))
    if doc.script:
        g.add((s, NX.script, Literal(doc.script)))
    if doc.identified_by:
        g.add((s, NX.identifiedBy, Literal(doc.identified_by)))
    g.add((s, NX.fileName, Literal(doc.path.replace("\\", "/").rsplit("/", 1)[-1])))
    g.add((s, NX.contentHash, Literal(doc.sha256)))
    label = doc.symbol or doc.title_zh or doc.id
    if not node_id.startswith("res-"):  # a resolution document is labelled as the resolution
        g.add((s, RDFS.label, Literal(label, lang="zh")))
        g.add((s, SKOS.prefLabel, Literal(label, lang="zh")))
        g.add((s, NX.discovered, Literal(False)))
        if doc.title_en or doc.symbol:
            g.add((s, RDFS.label, Literal(doc.symbol or doc.title_en, lang="en")))
    if doc.symbol:
        g.add((s, NX.symbol, Literal(doc.symbol)))
    if doc.title_zh:
        g.add((s, DCTERMS.title, Literal(doc.title_zh, lang="zh")))
    if doc.title_en:
        g.add((s, DCTERMS.title, Literal(doc.title_en, lang="en")))
    if doc.date:
        g.add((s, DCTERMS.date, Literal(doc.date)))
    if doc.year:
        g.add((s, NX.year, Literal(str(doc.year), datatype=XSD.gYear)))
    if doc.body:
        g.add((s, NX.body, Literal(doc.body)))
    if doc.kind:
        g.add((s, NX.kind, Literal(doc.kind)))
    if requested_by:
        g.add((s, NX.requestedBy, entity_iri(requested_by)))
        g.add((s, NX.mandatedBy, entity_iri(requested_by)))


def add_passage(g: TripleSink, p: Passage, doc_node: str, mentioned: Iterable[str] = ()) -> None:
    """A passage node: its document, paragraph, sentence, kind, text, offsets and what it mentions."""
    pnode = entity_iri(passage_id(p))
    g.add((pnode, RDF.type, NX.Passage))
    g.add((pnode, NX.inDocument, entity_iri(doc_node)))
    g.add((pnode, NX.paragraph, Literal(p.para)))
    g.add((pnode, NX.sentence, Literal(p.sent)))
    g.add((pnode, NX.passageKind, Literal(p.kind)))
    g.add((pnode, NX.text, Literal(p.text, lang="zh")))
    g.add((pnode, NX.startOffset, Literal(p.start)))
    g.add((pnode, NX.endOffset, Literal(p.end)))
    for cid in mentioned:
        g.add((pnode, NX.mentions, entity_iri(cid)))
    g.add((pnode, PROV.wasQuotedFrom, entity_iri(doc_node)))


def extraction_iri(doc_node: str, rule: str) -> URIRef:
    """The PROV-O activity that ran one rule over one document."""
    return entity_iri(f"extraction-{doc_node}-{rule}")


def add_extraction(g: TripleSink, doc_node: str, rule: str) -> URIRef:
    """The PROV-O activity that ran one rule over one document: it used the document and was
    associated with nexus-kg following the rule as its plan. Returns the activity."""
    act = extraction_iri(doc_node, rule)
    assoc = entity_iri(f"association-{doc_node}-{rule}")
    plan = entity_iri(f"rule-{rule}")
    g.add((act, RDF.type, PROV.Activity))
    g.add((act, PROV.used, entity_iri(doc_node)))
    g.add((act, PROV.wasAssociatedWith, entity_iri(AGENT)))
    g.add((act, PROV.qualifiedAssociation, assoc))
    g.add((assoc, RDF.type, PROV.Association))
    g.add((assoc, PROV.agent, entity_iri(AGENT)))
    g.add((assoc, PROV.hadPlan, plan))
    g.add((plan, RDF.type, PROV.Plan))
    g.add((plan, RDFS.label, Literal(rule)))
    g.add((entity_iri(AGENT), RDF.type, PROV.SoftwareAgent))
    g.add((entity_iri(AGENT), RDFS.label, Literal(AGENT)))
    return act


def add_fact(g: TripleSink, f: Fact, doc_node: str) -> None:
    """The plain triple, the claim node and its amount (the passage is written by ``add_passage``).

    The claim is also described in PROV-O: derived from its passage, generated by the extraction
    activity of its rule over the document (described once per rule by :func:`add_extraction`).
    """
    s, o = entity_iri(f.subject), entity_iri(f.object)
    pred = NX[f.predicate]
    g.add((s, pred, o))
    pnode = entity_iri(passage_id(f.passage))
    c = entity_iri(claim_id(f))
    g.add((c, RDF.type, NX.Claim))
    g.add((c, RDF.subject, s))
    g.add((c, RDF.predicate, pred))
    g.add((c, RDF.object, o))
    g.add((c, NX.statedIn, pnode))
    g.add((c, NX.rule, Literal(f.rule)))
    g.add((c, PROV.wasDerivedFrom, pnode))
    g.add((c, PROV.wasGeneratedBy, extraction_iri(doc_node, f.rule)))
    g.add((c, NX.confidence, Literal(f"{f.confidence:.2f}", datatype=XSD.decimal)))
    g.add((c, NX.hedged, Literal(f.hedged)))
    if f.evidence:
        g.add((c, NX.evidence, Literal(f.evidence)))
    a = f.amount
    if a is not None:
        anode = entity_iri("amount-" + _h(claim_id(f), a.surface))
        g.add((c, NX.amount, anode))
        g.add((anode, RDF.type, NX.MonetaryAmount))
        g.add((anode, NX.minValue, Literal(f"{a.low:.2f}", datatype=XSD.decimal)))
        g.add((anode, NX.maxValue, Literal(f"{a.high:.2f}", datatype=XSD.decimal)))
        g.add((anode, NX.currency, Literal(a.currency)))
        g.add((anode, NX.surface, Literal(a.surface)))
        if a.period:
            g.add((anode, NX.period, Literal(a.period)))
        if a.year:
            g.add((anode, NX.year, Literal(str(a.year), datatype=XSD.gYear)))
        if a.since:
            g.add((anode, NX.sinceYear, Literal(str(a.since), datatype=XSD.gYear)))


def _surface_forms(mentions: Iterable[Mention]) -> dict[str, set[str]]:
    """Surface forms by entity, as the texts write them (quotes and brackets stripped)."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.method == "specialised" or m.kind == "Document":
            continue
        form = m.surface.strip("《》“”‘’「」『』\"' ").replace("\n", "")
        if len(form) >= 2:
            out.setdefault(m.concept, set()).add(form)
    return out


def document_triples(r: DocumentFacts, g: TripleSink) -> set[str]:
    """One document's facts as triples into ``g``: its metadata, passages, mentions and claims.

    Returns the ids of the entities the document uses (for the entity graph).
    """
    doc, node, requested_by = r.doc, r.node, r.requested_by
    used: set[str] = set()
    add_document(g, doc, node, requested_by)
    for p, ms in zip(r.passages, r.mentions, strict=True):
        mentioned = sorted({c for m in ms for c in (m.concept, *m.refs) if c in r.entities})
        add_passage(g, p, node, mentioned)
        used.update(mentioned)
    for f in r.facts:
        add_fact(g, f, node)
        used.update((f.subject, f.object))
    for rule in sorted({f.rule for f in r.facts}):
        add_extraction(g, node, rule)
    used.add(node)
    if requested_by:
        used.add(requested_by)
    return used


def add_entities(
    eg: TripleSink,
    used: set[str],
    entities: dict[str, Entity],
    surfaces: dict[str, set[str]],
    vocab: Vocabulary,
) -> None:
    """The entity graph: every used entity typed and labelled, hidden labels, adopters and broader concepts."""
    for eid in sorted(used):
        e = entities.get(eid)
        if e is not None:
            add_entity(eg, e, vocab)
            known = {e.label_zh, *e.alt_labels}
            concept = vocab.concepts.get(eid)
            if concept is not None:
                known |= {concept.pref_zh, *concept.alt_zh}
            for form in sorted(surfaces.get(eid, set()) - known):
                eg.add((entity_iri(eid), SKOS.hiddenLabel, Literal(form, lang="zh")))
            for form in sorted({traditional(x) for x in known if x and not x.isascii()} - known):
                eg.add((entity_iri(eid), SKOS.hiddenLabel, Literal(form, lang="zh-Hant")))
            if e.kind == "Resolution":
                adopter = vocab.body_named(e.body)
                if adopter is not None and adopter.id not in used:
                    add_entity(eg, adopter.entity(), vocab)
    for eid in sorted(used):
        concept = vocab.concepts.get(eid)
        for b in concept.broader if concept else ():
            if b not in used:
                add_entity(eg, vocab.concepts[b].entity(), vocab)


class TripleSink(Protocol):
    """Anything triples can be added to: an ``rdflib.Graph`` or a :class:`Triples` list."""

    def add(self, triple: tuple[Node, Node, Node], /) -> object: ...


class Triples(list[tuple[Node, Node, Node]]):
    """A plain list of triples with ``add``, so the ``add_*`` functions can fill it like a graph."""

    def add(self, triple: tuple[Node, Node, Node], /) -> Triples:
        self.append(triple)
        return self


def quad_lines(triples: Iterable[tuple[Node, Node, Node]], graph: str) -> list[str]:
    """The N-Quads lines (each ending in ``\\n``) of ``triples`` in named graph ``graph``, sorted, unique.

    Literals are escaped as N-Quads requires (``\\n``, ``\\r``, quote, backslash), so a line
    never holds a raw newline; form feeds, U+2028 and the like are data and stay as they are.

    Examples
    --------
    >>> from rdflib import Literal, URIRef
    >>> quad_lines([(URIRef("urn:a"), URIRef("urn:p"), Literal("x\\fy\\nz"))], "graph-d")[0]
    '<urn:a> <urn:p> "x\\x0cy\\\\nz" <https://w3id.org/nexus-kg/id/graph-d> .\\n'
    """
    g = entity_iri(graph)
    return sorted({_nq_row(t, g) for t in triples})


@dataclass(frozen=True, slots=True)
class DocumentQuads:
    """One document's named graph as N-Quads lines, and what the entity graph needs from it."""

    node: str
    lines: tuple[str, ...]
    used: frozenset[str]
    entities: dict[str, Entity]
    surfaces: dict[str, frozenset[str]]
    concepts: frozenset[str]
    passages: int
    facts: int
    #: The document's content id and file, to read two copies of the same text once.
    doc_id: str = ""
    path: str = ""


def document_quads(r: DocumentFacts) -> DocumentQuads:
    """The quads of one document's named graph ``graph-<node>`` (computed in a worker)."""
    t = Triples()
    used = document_triples(r, t)
    surfaces: dict[str, set[str]] = {}
    for ms in r.mentions:
        for cid, forms in _surface_forms(ms).items():
            surfaces.setdefault(cid, set()).update(forms)
    return DocumentQuads(
        node=r.node,
        lines=tuple(quad_lines(t, f"graph-{r.node}")),
        used=frozenset(used),
        entities=dict(r.entities),
        surfaces={k: frozenset(v) for k, v in surfaces.items()},
        concepts=frozenset(m.concept for ms in r.mentions for m in ms),
        passages=len(r.passages),
        facts=len(r.facts),
        doc_id=r.doc.id,
        path=r.doc.path,
    )


def build_dataset(
    docs: Iterable[DocumentFacts],
    entities: dict[str, Entity],
    vocab: Vocabulary,
) -> rdflib.Dataset:
    """One named graph per document (its metadata, every passage, mentions and claims) and one for entities.

    Every entity a passage mentions is written as a typed, labelled node, with the surface
    forms the texts use as ``skos:hiddenLabel`` (so a search in either script finds it).
    This is the in-memory form, for small corpora and tests; ``nexus-kg build`` streams
    :func:`document_quads` instead.
    """
    ds = rdflib.Dataset()
    bind_prefixes(ds)
    eg = ds.graph(entity_iri(ENTITY_GRAPH))
    used: set[str] = set()
    surfaces: dict[str, set[str]] = {}
    for r in docs:
        dg = ds.graph(entity_iri(f"graph-{r.node}"))
        used |= document_triples(r, dg)
        for ms in r.mentions:
            for cid, forms in _surface_forms(ms).items():
                surfaces.setdefault(cid, set()).update(forms)
    add_entities(eg, used, entities, surfaces, vocab)
    return ds


def union_graph(ds: rdflib.Dataset) -> rdflib.Graph:
    """All triples of the dataset in one graph, with the project's prefixes."""
    g = bind_prefixes(rdflib.Graph())
    for s, p, o, _ctx in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


def to_nquads(ds: rdflib.Dataset) -> str:
    """N-Quads, one statement a line, sorted (byte-stable)."""
    text = ds.serialize(format="nquads")
    lines = sorted({ln for ln in text.split("\n") if ln.strip()})  # not splitlines(): \f, U+2028 … are data
    return "\n".join(lines) + "\n"


def to_turtle(g: rdflib.Graph) -> str:
    """Turtle with sorted subjects and objects (byte-stable)."""
    text = g.serialize(format="turtle")
    return text if text.endswith("\n") else text + "\n"
