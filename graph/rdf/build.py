"""Graph stage: documents, entities and facts → an RDF dataset with provenance.

Every id is readable or a short content hash, so the same input gives the same
graph; the serialisers below sort their output so that it gives the same bytes.

Terms are written directly as N-Triples strings (``<iri>``, ``"text"@zh``): a document's
quads are made in its worker without building rdflib terms, which cost half the time of a
document.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from graph.ns import ID_URI, nx_iri
from graph.records import Document, DocumentFacts, Entity, Fact, Mention, Passage
from graph.script import traditional
from graph.vocab import Vocabulary

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_OWL = "http://www.w3.org/2002/07/owl#"
_PROV = "http://www.w3.org/ns/prov#"
_DCTERMS = "http://purl.org/dc/terms/"
_XSD = "http://www.w3.org/2001/XMLSchema#"

#: A triple of N-Triples terms.
Triple = tuple[str, str, str]


def iri(uri: str) -> str:
    """An IRI as an N-Triples term."""
    return f"<{uri}>"


def node(concept_id: str) -> str:
    """The IRI term of an entity, document, passage or claim id (see :func:`graph.ns.entity_iri`)."""
    return f"<{ID_URI}{concept_id}>"


@functools.cache
def nx(name: str) -> str:
    """A declared term of the project's vocabulary, ``nx:name``; a misspelt name raises OntologyError."""
    return f"<{nx_iri(name)}>"


def text(value: str, lang: str = "") -> str:
    """A plain or language-tagged literal, escaped as N-Triples requires (as rdflib writes it)."""
    quoted = value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return f'"{quoted}"@{lang}' if lang else f'"{quoted}"'


def typed(lexical: str, datatype: str) -> str:
    """A literal of an XSD datatype (``integer``, ``decimal``, ``gYear`` …)."""
    return f'"{lexical}"^^<{_XSD}{datatype}>'


def boolean(value: bool) -> str:
    """An ``xsd:boolean`` literal."""
    return typed("true" if value else "false", "boolean")


def integer(value: int) -> str:
    """An ``xsd:integer`` literal."""
    return typed(str(value), "integer")


A = iri(_RDF + "type")
LABEL = iri(_RDFS + "label")
PREF, ALT, HIDDEN, BROADER = (iri(_SKOS + n) for n in ("prefLabel", "altLabel", "hiddenLabel", "broader"))
SAME_AS = iri(_OWL + "sameAs")
SUBJECT, PREDICATE, OBJECT = (iri(_RDF + n) for n in ("subject", "predicate", "object"))
TITLE, DATE = iri(_DCTERMS + "title"), iri(_DCTERMS + "date")


def prov(name: str) -> str:
    """A PROV-O term, ``prov:name``."""
    return iri(_PROV + name)


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
    s = node(e.id)
    g.add((s, A, nx(e.kind)))
    g.add((s, LABEL, text(e.label_zh, "zh")))
    g.add((s, PREF, text(e.label_zh, "zh")))
    if e.label_en:
        g.add((s, LABEL, text(e.label_en, "en")))
        g.add((s, PREF, text(e.label_en, "en")))
    g.add((s, nx("discovered"), boolean(e.discovered)))
    concept = vocab.concepts.get(e.id)
    if concept is not None:
        for alt in concept.alt_zh:
            g.add((s, ALT, text(alt, "zh")))
        for alt in concept.alt_en:
            g.add((s, ALT, text(alt, "en")))
        for b in concept.broader:
            g.add((s, BROADER, node(b)))
        for same in concept.same_as:
            g.add((s, SAME_AS, iri(same)))
    else:
        for alt in e.alt_labels:
            g.add((s, ALT, text(alt, "zh")))
    if e.symbol:
        g.add((s, nx("symbol"), text(e.symbol)))
    if e.kind == "Resolution":
        g.add((s, nx("body"), text(e.body)))
        g.add((s, nx("number"), text(e.number)))
        if e.year:
            g.add((s, nx("year"), typed(str(e.year), "gYear")))
        adopter = vocab.body_named(e.body)
        if adopter is not None:
            g.add((s, nx("adoptedBy"), node(adopter.id)))


def add_document(g: TripleSink, doc: Document, node_id: str, requested_by: str | None) -> None:
    """Metadata of a corpus document (from the manifest, else from its own text)."""
    s = node(node_id)
    g.add((s, A, nx("Document")))
    if doc.script:
        g.add((s, nx("script"), text(doc.script)))
    if doc.identified_by:
        g.add((s, nx("identifiedBy"), text(doc.identified_by)))
    g.add((s, nx("fileName"), text(doc.path.replace("\\", "/").rsplit("/", 1)[-1])))
    g.add((s, nx("contentHash"), text(doc.sha256)))
    label = doc.symbol or doc.title_zh or doc.id
    if not node_id.startswith("res-"):  # a resolution document is labelled as the resolution
        g.add((s, LABEL, text(label, "zh")))
        g.add((s, PREF, text(label, "zh")))
        g.add((s, nx("discovered"), boolean(False)))
        if doc.title_en or doc.symbol:
            g.add((s, LABEL, text(doc.symbol or doc.title_en, "en")))
    if doc.symbol:
        g.add((s, nx("symbol"), text(doc.symbol)))
    if doc.title_zh:
        g.add((s, TITLE, text(doc.title_zh, "zh")))
    if doc.title_en:
        g.add((s, TITLE, text(doc.title_en, "en")))
    if doc.date:
        g.add((s, DATE, text(doc.date)))
    if doc.year:
        g.add((s, nx("year"), typed(str(doc.year), "gYear")))
    if doc.body:
        g.add((s, nx("body"), text(doc.body)))
    if doc.kind:
        g.add((s, nx("kind"), text(doc.kind)))
    if requested_by:
        g.add((s, nx("requestedBy"), node(requested_by)))
        g.add((s, nx("mandatedBy"), node(requested_by)))


def span(start: int, end: int) -> str:
    """The lexical form of ``nx:span``: a passage's character offsets in its document, end exclusive.

    One literal rather than two integers: a passage is stated with as few quads as a question
    needs (a query reads the start with ``xsd:integer(STRBEFORE(?span, "-"))``).

    >>> span(12345, 12400)
    '12345-12400'
    """
    return f"{start}-{end}"


def add_passage(g: TripleSink, p: Passage, doc_node: str, mentioned: Iterable[str] = ()) -> None:
    """A passage node: its document, paragraph, sentence, kind, text, span and what it mentions.

    Its document is ``nx:inDocument`` only: the ontology declares it a sub-property of
    ``prov:wasQuotedFrom``, which is not written beside it."""
    pnode = node(passage_id(p))
    doc = node(doc_node)
    g.add((pnode, A, nx("Passage")))
    g.add((pnode, nx("inDocument"), doc))
    g.add((pnode, nx("paragraph"), text(p.para)))
    g.add((pnode, nx("sentence"), integer(p.sent)))
    g.add((pnode, nx("passageKind"), text(p.kind)))
    g.add((pnode, nx("text"), text(p.text, "zh")))
    g.add((pnode, nx("span"), text(span(p.start, p.end))))
    if p.heading:
        g.add((pnode, nx("underHeading"), node(f"passage-{p.doc_id}-{p.heading}-1")))
    if p.note_of:
        g.add((pnode, nx("footnoteOf"), node(f"passage-{p.doc_id}-{p.note_of[0]}-{p.note_of[1]}")))
    for cid in mentioned:
        g.add((pnode, nx("mentions"), node(cid)))


def extraction_id(doc_node: str, rule: str) -> str:
    """The id of the PROV-O activity that ran one rule over one document."""
    return f"extraction-{doc_node}-{rule}"


def rule_plan(rule: str) -> str:
    """The id of the PROV-O plan of a rule."""
    return f"rule-{rule}"


def add_extraction(g: TripleSink, doc_node: str, rule: str) -> str:
    """The PROV-O activity that ran one rule over one document: it used the document and was
    associated with nexus-kg following the rule as its plan. Returns the activity's term.

    The plan and the agent are described once, in the entity graph (:func:`add_agents`)."""
    act = node(extraction_id(doc_node, rule))
    assoc = node(f"association-{doc_node}-{rule}")
    agent = node(AGENT)
    g.add((act, A, prov("Activity")))
    g.add((act, prov("used"), node(doc_node)))
    g.add((act, prov("wasAssociatedWith"), agent))
    g.add((act, prov("qualifiedAssociation"), assoc))
    g.add((assoc, A, prov("Association")))
    g.add((assoc, prov("agent"), agent))
    g.add((assoc, prov("hadPlan"), node(rule_plan(rule))))
    return act


def add_agents(g: TripleSink, rules: Iterable[str]) -> None:
    """The software agent and the plan of each rule an activity followed (once per graph)."""
    agent = node(AGENT)
    g.add((agent, A, prov("SoftwareAgent")))
    g.add((agent, LABEL, text(AGENT)))
    for rule in sorted(set(rules)):
        plan = node(rule_plan(rule))
        g.add((plan, A, prov("Plan")))
        g.add((plan, LABEL, text(rule)))


def _decimal(value: float) -> str:
    return typed(f"{value:.2f}", "decimal")


def add_fact(g: TripleSink, f: Fact, doc_node: str) -> None:
    """The plain triple, the claim node and its amount (the passage is written by ``add_passage``).

    The claim is also described in PROV-O: generated by the extraction activity of its rule over
    the document (described once per rule by :func:`add_extraction`). Its passage is
    ``nx:statedIn`` only, which the ontology declares a sub-property of ``prov:wasDerivedFrom``.
    """
    s, o = node(f.subject), node(f.object)
    pred = nx(f.predicate)
    g.add((s, pred, o))
    pnode = node(passage_id(f.passage))
    cid = claim_id(f)
    c = node(cid)
    g.add((c, A, nx("Claim")))
    g.add((c, SUBJECT, s))
    g.add((c, PREDICATE, pred))
    g.add((c, OBJECT, o))
    g.add((c, nx("statedIn"), pnode))
    g.add((c, nx("rule"), text(f.rule)))
    g.add((c, prov("wasGeneratedBy"), node(extraction_id(doc_node, f.rule))))
    g.add((c, nx("confidence"), _decimal(f.confidence)))
    g.add((c, nx("hedged"), boolean(f.hedged)))
    if f.evidence:
        g.add((c, nx("evidence"), text(f.evidence)))
    a = f.amount
    if a is not None:
        anode = node("amount-" + _h(cid, a.surface))
        g.add((c, nx("amount"), anode))
        g.add((anode, A, nx("MonetaryAmount")))
        g.add((anode, nx("minValue"), _decimal(a.low)))
        g.add((anode, nx("maxValue"), _decimal(a.high)))
        g.add((anode, nx("currency"), text(a.currency)))
        g.add((anode, nx("surface"), text(a.surface)))
        if a.period:
            g.add((anode, nx("period"), text(a.period)))
        if a.year:
            g.add((anode, nx("year"), typed(str(a.year), "gYear")))
        if a.since:
            g.add((anode, nx("sinceYear"), typed(str(a.since), "gYear")))
        if a.until:
            g.add((anode, nx("untilDate"), typed(a.until, "gYearMonth" if "-" in a.until else "gYear")))


def _surface_forms(mentions: Iterable[Mention]) -> dict[str, set[str]]:
    """Surface forms by entity, as the texts write them (quotes and brackets stripped)."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        if m.method in ("specialised", "elided") or m.kind == "Document":
            continue
        form = m.surface.strip("《》“”‘’「」『』\"' ").replace("\n", "")
        if len(form) >= 2:
            out.setdefault(m.concept, set()).add(form)
    return out


def document_triples(r: DocumentFacts, g: TripleSink) -> set[str]:
    """One document's facts as triples into ``g``: its metadata, passages, mentions and claims.

    Returns the ids of the entities the document uses (for the entity graph).
    """
    doc, doc_node, requested_by = r.doc, r.node, r.requested_by
    used: set[str] = set()
    add_document(g, doc, doc_node, requested_by)
    for p, ms in zip(r.passages, r.mentions, strict=True):
        mentioned = sorted({c for m in ms for c in (m.concept, *m.refs) if c in r.entities})
        add_passage(g, p, doc_node, mentioned)
        used.update(mentioned)
    for f in r.facts:
        add_fact(g, f, doc_node)
        used.update((f.subject, f.object))
    for rule in sorted({f.rule for f in r.facts}):
        add_extraction(g, doc_node, rule)
    used.add(doc_node)
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
                eg.add((node(eid), HIDDEN, text(form, "zh")))
            for form in sorted({traditional(x) for x in known if x and not x.isascii()} - known):
                eg.add((node(eid), HIDDEN, text(form, "zh-Hant")))
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
    """Anything triples of N-Triples terms can be added to, such as a :class:`Triples` list."""

    def add(self, triple: Triple, /) -> object: ...


class Triples(list[Triple]):
    """A plain list of triples with ``add``, so the ``add_*`` functions can fill it like a graph."""

    def add(self, triple: Triple, /) -> Triples:
        self.append(triple)
        return self


def quad_lines(triples: Iterable[Triple], graph: str) -> list[str]:
    """The N-Quads lines (each ending in ``\\n``) of ``triples`` in named graph ``graph``, sorted, unique.

    Literals are escaped as N-Quads requires (``\\n``, ``\\r``, quote, backslash), so a line
    never holds a raw newline; form feeds, U+2028 and the like are data and stay as they are.

    Examples
    --------
    >>> quad_lines([(iri("urn:a"), iri("urn:p"), text("x\\fy\\nz"))], "graph-d")[0]
    '<urn:a> <urn:p> "x\\x0cy\\\\nz" <https://w3id.org/nexus-kg/id/graph-d> .\\n'
    """
    g = node(graph)
    return sorted({f"{s} {p} {o} {g} .\n" for s, p, o in triples})


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
    #: The rules that stated its facts (their PROV-O plans are described in the entity graph).
    rules: frozenset[str] = frozenset()
    #: What the viewer draws from it (:mod:`graph.analytics.stream`): its claims as
    #: :data:`graph.analytics.project.ClaimRow`, its relation triples (ids) and its own
    #: description as N-Triples lines.
    claims: tuple[tuple[str, str, str, float, bool, tuple[tuple[str, str, str], ...]], ...] = ()
    relations: frozenset[tuple[str, str, str]] = frozenset()
    described: tuple[str, ...] = ()


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
        rules=frozenset(f.rule for f in r.facts),
        claims=tuple(_claim_rows(r)),
        relations=frozenset(_relations(r)),
        described=tuple(_described(r)),
    )


def _claim_rows(
    r: DocumentFacts,
) -> Iterable[tuple[str, str, str, float, bool, tuple[tuple[str, str, str], ...]]]:
    """Each claim of the document once, as the viewer reads it back from the graph: its triple,
    its confidence and hedge as written (the first fact of a claim node), and its passage."""
    seen: set[str] = set()
    for f in r.facts:
        cid = claim_id(f)
        if cid in seen:
            continue
        seen.add(cid)
        conf = round(float(f"{f.confidence:.2f}"), 4)
        yield (f.subject, f.predicate, f.object, conf, f.hedged, ((r.node, f.passage.para, f.passage.text),))


def _relations(r: DocumentFacts) -> Iterable[tuple[str, str, str]]:
    """The relation triples the document's graph asserts, as ids."""
    from graph.ns import RELATIONS

    for f in r.facts:
        if f.predicate in RELATIONS:
            yield (f.subject, f.predicate, f.object)
    if r.requested_by:
        yield (r.node, "mandatedBy", r.requested_by)


def _described(r: DocumentFacts) -> list[str]:
    """The document's own description (:func:`add_document`) as sorted N-Triples lines."""
    t = Triples()
    add_document(t, r.doc, r.node, r.requested_by)
    return sorted({f"{s} {p} {o} .\n" for s, p, o in t})


def entity_lines(
    used: set[str],
    entities: dict[str, Entity],
    surfaces: dict[str, set[str]],
    vocab: Vocabulary,
    rules: Iterable[str] = (),
) -> list[str]:
    """The N-Quads lines of the entity graph (see :func:`add_entities`), with the PROV-O agent
    and the plans of ``rules`` when any fact was stated (:func:`add_agents`)."""
    eg = Triples()
    add_entities(eg, used, entities, surfaces, vocab)
    rules = sorted(set(rules))
    if rules:
        add_agents(eg, rules)
    return quad_lines(eg, ENTITY_GRAPH)
