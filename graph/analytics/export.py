"""The fact graph for the tools analysts use beside SPARQL: GraphML (yEd, Cytoscape), GEXF (Gephi),
a CSV edge list (a spreadsheet) and JSON-LD.

The fact graph is every ``nx:Claim`` of a built store as one edge, keyed by the claim's id, from
its subject to its object, with the relation, quote, document symbol, paragraph, sentence, hedge,
confidence and amount; its nodes are the claims' ends with their class and names in Chinese and
English. :func:`fact_graph` reads it from a store, :func:`to_multidigraph` and :func:`to_rdf` give
it as a NetworkX multi-digraph and an rdflib graph, and :func:`render` writes a format with the
libraries' own writers. Every output is sorted, so the same graph gives the same bytes.

Examples
--------
>>> import pyoxigraph as ox
>>> fg = fact_graph(ox.Store())
>>> len(fg.edges), render(fg, "csv").decode("utf-8-sig").splitlines()[0][:28]
(0, 'claim,relation,source,source')
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import asdict, dataclass, fields
from decimal import Decimal
from typing import Any

import networkx as nx
import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, RDFS, XSD

from graph.errors import InputError
from graph.ns import CLASSES, ID_URI, NX_URI, PREFIXES, local_id

FORMATS = ("graphml", "gexf", "csv", "jsonld")
#: The file extension of each format.
EXTENSIONS = {"graphml": "graphml", "gexf": "gexf", "csv": "csv", "jsonld": "jsonld"}


@dataclass(frozen=True, slots=True)
class FactNode:
    """An entity that takes part in a claim: its id, class and names (``""`` when none)."""

    id: str
    cls: str
    zh: str
    en: str


@dataclass(frozen=True, slots=True)
class FactEdge:
    """One claim: ``source`` ``relation`` ``target`` with its citation, hedge and amount."""

    claim: str
    relation: str
    source: str
    target: str
    hedged: bool
    confidence: float
    passage: str
    document: str
    symbol: str
    paragraph: str
    sentence: int
    quote: str
    amount: str
    amount_min: float | None
    amount_max: float | None
    currency: str
    amount_node: str


@dataclass(frozen=True, slots=True)
class FactGraph:
    """The claims of a graph (sorted by claim id) and the entities at their ends (sorted by id)."""

    nodes: tuple[FactNode, ...]
    edges: tuple[FactEdge, ...]


_CLAIMS = """
SELECT ?c ?s ?p ?o ?h ?conf ?pa ?text ?doc ?sym ?para ?sent ?a ?surf ?min ?max ?cur WHERE {
  ?c a nx:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL { ?c nx:hedged ?h } OPTIONAL { ?c nx:confidence ?conf }
  OPTIONAL { ?c nx:statedIn ?pa .
    OPTIONAL { ?pa nx:text ?text } OPTIONAL { ?pa nx:paragraph ?para } OPTIONAL { ?pa nx:sentence ?sent }
    OPTIONAL { ?pa nx:inDocument ?doc OPTIONAL { ?doc nx:symbol ?sym } } }
  OPTIONAL { ?c nx:amount ?a .
    OPTIONAL { ?a nx:surface ?surf } OPTIONAL { ?a nx:minValue ?min }
    OPTIONAL { ?a nx:maxValue ?max } OPTIONAL { ?a nx:currency ?cur } }
}"""
_ENDS = """
SELECT DISTINCT ?e ?p ?v (LANG(?v) AS ?lang) WHERE {
  { SELECT DISTINCT ?e WHERE { ?c a nx:Claim . { ?c rdf:subject ?e } UNION { ?c rdf:object ?e } } }
  VALUES ?p { rdf:type rdfs:label skos:prefLabel }
  ?e ?p ?v
}"""


def _run(store: ox.Store, text: str) -> list[dict[str, str]]:
    """The rows of a SELECT on the union of the store's graphs, each variable's value as text."""
    answer: Any = store.query(text, prefixes=dict(PREFIXES), use_default_graph_as_union=True)
    names = [v.value for v in answer.variables]
    return [{n: t.value for n in names if (t := row[n]) is not None} for row in answer]


def _number(text: str | None) -> float | None:
    return float(text) if text else None


def _names(store: ox.Store) -> dict[str, FactNode]:
    """The class and Chinese and English names of every end of a claim, by IRI."""
    rank = {c: i for i, c in enumerate(CLASSES)}
    classes: dict[str, set[str]] = defaultdict(set)
    labels: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (iri, property, lang)
    for row in _run(store, _ENDS):
        e, p, v = row["e"], row["p"], row["v"]
        classes[e]  # every end is a node, typed or not
        if p != str(RDF.type):
            labels[(e, p, row.get("lang", ""))].add(v)
        elif v.startswith(NX_URI) and v[len(NX_URI) :] in rank:
            classes[e].add(v[len(NX_URI) :])

    def name(e: str, lang: str) -> str:
        for prop in (PREFIXES["skos"] + "prefLabel", str(RDFS.label)):
            if found := labels.get((e, prop, lang)):
                return min(found)
        return ""

    return {
        e: FactNode(
            local_id(e),
            min(cls, key=rank.__getitem__) if cls else "Entity",
            name(e, "zh"),
            name(e, "en"),
        )
        for e, cls in classes.items()
    }


def fact_graph(store: ox.Store) -> FactGraph:
    """The fact graph of a built store: one edge per claim (see the module's docstring).

    A claim stated in several named graphs counts once; where a value is given twice (a symbol
    in the document's graph and in the entities' graph), the smallest is kept.
    """
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _run(store, _CLAIMS):
        rows[row["c"]].append(row)
    nodes = _names(store)
    edges = []
    for claim in sorted(rows):
        r = min(rows[claim], key=lambda x: sorted(x.items()))
        doc = r.get("doc", "")
        sent = r.get("sent", "")
        edges.append(
            FactEdge(
                claim=local_id(claim),
                relation=r["p"][len(NX_URI) :] if r["p"].startswith(NX_URI) else r["p"],
                source=local_id(r["s"]),
                target=local_id(r["o"]),
                hedged=r.get("h", "false") in ("true", "1"),
                confidence=round(float(r.get("conf") or 0.0), 4),
                passage=local_id(r.get("pa", "")),
                document=local_id(doc),
                symbol=r.get("sym", ""),
                paragraph=r.get("para", ""),
                sentence=int(sent) if sent.isdigit() else 0,
                quote=r.get("text", ""),
                amount=r.get("surf", ""),
                amount_min=_number(r.get("min")),
                amount_max=_number(r.get("max")),
                currency=r.get("cur", ""),
                amount_node=local_id(r.get("a", "")),
            )
        )
    ends = {iri for rs in rows.values() for r in rs for iri in (r["s"], r["o"])}
    found = [nodes.get(iri) or FactNode(local_id(iri), "Entity", "", "") for iri in ends]
    return FactGraph(tuple(sorted(found, key=lambda n: n.id)), tuple(edges))


_NOT_ON_EDGES = ("source", "target", "amount_node")


def to_multidigraph(fg: FactGraph) -> nx.MultiDiGraph:
    """The fact graph as a NetworkX multi-digraph with scalar attributes only.

    Nodes carry ``label`` (the Chinese name, else the English, else the id), ``label_zh``,
    ``label_en`` and ``class``; each edge is keyed by its claim id and carries ``label`` (the
    relation) and every field of :class:`FactEdge` but the ends (an absent amount is left out,
    as GraphML and GEXF have no null).

    Examples
    --------
    >>> n = FactNode("group-x", "TerroristGroup", "某团体", "")
    >>> e = FactEdge("claim-1", "benefitsFrom", "group-x", "group-x", False, 0.9, "passage-a-3-1",
    ...              "doc-a", "A/1", "3", 1, "某团体…", "", None, None, "", "")
    >>> G = to_multidigraph(FactGraph((n,), (e,)))
    >>> G.nodes["group-x"]["label"], list(G.edges(keys=True))
    ('某团体', [('group-x', 'group-x', 'claim-1')])
    """
    G = nx.MultiDiGraph()
    for n in fg.nodes:
        G.add_node(n.id, label=n.zh or n.en or n.id, label_zh=n.zh, label_en=n.en, **{"class": n.cls})
    for e in fg.edges:
        data = {k: v for k, v in asdict(e).items() if k not in _NOT_ON_EDGES and v is not None}
        G.add_edge(e.source, e.target, key=e.claim, label=e.relation, **data)
    return G


def to_rdf(fg: FactGraph) -> rdflib.Graph:
    """The fact graph in the nexus-kg model: each claim (with the plain triple), its passage,
    document and amount, and each end's class and its Chinese and English names: a subgraph of
    the built graph."""
    g = rdflib.Graph()
    for prefix in ("nx", "nxid", "rdfs", "xsd"):
        g.bind(prefix, PREFIXES[prefix], override=True)
    nx_, node = rdflib.Namespace(NX_URI), rdflib.Namespace(ID_URI)

    def lit(text: str, lang: str | None = None) -> rdflib.Literal:
        return rdflib.Literal(text, lang=lang)

    for n in fg.nodes:
        if n.cls != "Entity":
            g.add((node[n.id], RDF.type, nx_[n.cls]))
        for lang, text in (("zh", n.zh), ("en", n.en)):
            if text:
                g.add((node[n.id], RDFS.label, lit(text, lang)))
    for e in fg.edges:
        c, s, p, o = node[e.claim], node[e.source], nx_[e.relation], node[e.target]
        g.add((s, p, o))
        g.add((c, RDF.type, nx_.Claim))
        for prop, value in ((RDF.subject, s), (RDF.predicate, p), (RDF.object, o)):
            g.add((c, prop, value))
        g.add((c, nx_.hedged, rdflib.Literal(e.hedged)))
        g.add((c, nx_.confidence, _decimal(e.confidence)))
        if e.passage:
            pa = node[e.passage]
            g.add((c, nx_.statedIn, pa))
            g.add((pa, nx_.paragraph, lit(e.paragraph)))
            g.add((pa, nx_.sentence, rdflib.Literal(e.sentence)))
            g.add((pa, nx_.text, lit(e.quote, "zh")))
            if e.document:
                g.add((pa, nx_.inDocument, node[e.document]))
                if e.symbol:
                    g.add((node[e.document], nx_.symbol, lit(e.symbol)))
        if e.amount_node:
            a = node[e.amount_node]
            g.add((c, nx_.amount, a))
            g.add((a, nx_.surface, lit(e.amount)))
            for bound, number in ((nx_.minValue, e.amount_min), (nx_.maxValue, e.amount_max)):
                if number is not None:
                    g.add((a, bound, _decimal(number)))
            if e.currency:
                g.add((a, nx_.currency, lit(e.currency)))
    return g


def _decimal(number: float) -> rdflib.Literal:
    """An ``xsd:decimal`` as the build writes it (``0.75``, ``1500000``)."""
    return rdflib.Literal(Decimal(str(_plain(number))), datatype=XSD.decimal)


# ---------------------------------------------------------------- writers

CSV_COLUMNS = (
    "claim",
    "relation",
    "source",
    "source_zh",
    "source_en",
    "source_class",
    "target",
    "target_zh",
    "target_en",
    "target_class",
    "hedged",
    "confidence",
    "amount",
    "amount_min",
    "amount_max",
    "currency",
    "document",
    "symbol",
    "paragraph",
    "sentence",
    "quote",
)


def to_csv(fg: FactGraph) -> str:
    """The edge list: one row per claim with both ends' names and classes, hedge, amount,
    citation (document, symbol, paragraph, sentence) and quote; columns :data:`CSV_COLUMNS`."""
    nodes = {n.id: n for n in fg.nodes}
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for e in fg.edges:
        row: dict[str, object] = {f.name: getattr(e, f.name) for f in fields(e)}
        for end in ("source", "target"):
            n = nodes.get(getattr(e, end)) or FactNode(getattr(e, end), "Entity", "", "")
            row |= {f"{end}_zh": n.zh, f"{end}_en": n.en, f"{end}_class": n.cls}
        row["hedged"] = "true" if e.hedged else "false"
        w.writerow(["" if row[k] is None else _plain(row[k]) for k in CSV_COLUMNS])
    return buf.getvalue()


def _plain(value: Any) -> Any:
    """Whole numbers without ``.0`` (an amount of 1500000.0 is written 1500000)."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def to_jsonld(fg: FactGraph) -> str:
    """The fact graph (:func:`to_rdf`) as JSON-LD by rdflib's serializer, its nodes sorted by id."""
    context = {p: PREFIXES[p] for p in ("nx", "nxid", "rdf", "rdfs", "xsd")}
    doc = json.loads(to_rdf(fg).serialize(format="json-ld", context=context, auto_compact=True))
    nodes = doc.get("@graph", [doc] if "@id" in doc else [])
    for n in nodes:
        for k, v in n.items():
            if isinstance(v, list):
                n[k] = sorted(v, key=lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True))
    out = {"@context": doc.get("@context", context), "@graph": sorted(nodes, key=lambda n: n["@id"])}
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def render(fg: FactGraph, fmt: str) -> bytes:
    """``fg`` in format ``fmt`` (one of :data:`FORMATS`), as the bytes of a file.

    GraphML and GEXF come from NetworkX's writers (GEXF without its date of writing, so the same
    graph gives the same bytes), JSON-LD from rdflib's; the CSV is UTF-8 with a byte-order mark,
    which spreadsheet programs need to read Chinese from a double-clicked file.

    Raises
    ------
    InputError
        If ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt == "csv":
        return to_csv(fg).encode("utf-8-sig")
    if fmt == "jsonld":
        return to_jsonld(fg).encode("utf-8")
    if fmt == "graphml":
        lines = nx.generate_graphml(to_multidigraph(fg), named_key_ids=True)
        return ("\n".join(lines) + "\n").encode("utf-8")
    if fmt == "gexf":
        text = "\n".join(nx.generate_gexf(to_multidigraph(fg)))
        return (_GEXF_DATE.sub("", text, count=1) + "\n").encode("utf-8")
    raise InputError(f"--format {fmt}: not one of {', '.join(FORMATS)}")
