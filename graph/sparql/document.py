"""One document's dossier: what it is (symbol, titles, date, body, kind), the claims it states
grouped by relation with their quotes, and its passages.

:func:`is_document` says whether an IRI (from :func:`graph.sparql.dossier.resolve`) is a
``nx:Document``; :func:`document_dossier` gathers the plain data, with the document bound as
data (never spliced into the query text); :func:`render` gives Markdown, JSON or HTML, where
document text is escaped.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(input='<https://w3id.org/nexus-kg/id/doc-a> '
...     '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
...     '<https://w3id.org/nexus-kg/ontology#Document> .', format=ox.RdfFormat.N_TRIPLES)
>>> iri = "https://w3id.org/nexus-kg/id/doc-a"
>>> is_document(store, iri), document_dossier(store, iri).passages
(True, ())
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections import Counter
from dataclasses import dataclass

import pyoxigraph as ox

from graph.ns import ID_URI, NX_URI
from graph.script import visible
from graph.sparql import amounts
from graph.sparql.dossier import STYLE, Citation, ClaimLine, dossier
from graph.sparql.query import execute, label_terms
from graph.sparql.results import Results, Term
from graph.sparql.table import compact

DCTERMS = "http://purl.org/dc/terms/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class StatedClaim:
    """A claim the document states: subject, relation, object (with their names), hedge, amount,
    and the passage it is stated in."""

    claim: str
    relation: str
    subject: str
    subject_label: str
    object: str
    object_label: str
    hedged: bool
    amount: str | None
    citation: Citation


@dataclass(frozen=True)
class Passage:
    """A passage of the document: paragraph, sentence, kind and text."""

    passage: str
    paragraph: str
    sentence: int | None
    kind: str
    text: str

    @property
    def where(self) -> str:
        """``¶32`` (with ``.2`` for a sentence after the first), as in citations."""
        return f"¶{self.paragraph}" + (f".{self.sentence}" if self.sentence and self.sentence > 1 else "")


@dataclass(frozen=True)
class DocumentDossier:
    """Everything the graph holds about one document."""

    iri: str
    id: str
    symbol: str
    titles: tuple[tuple[str, str], ...]
    date: str
    body: str
    kind: str
    file: str
    classes: tuple[str, ...]
    claims: tuple[StatedClaim, ...]
    passages: tuple[Passage, ...]
    #: Claims that name the document itself (a resolution recalled, a mandate), from any document.
    named_in: tuple[ClaimLine, ...]

    @property
    def title(self) -> str:
        """The Chinese title, else the English one, else the symbol or id."""
        by_lang = dict(self.titles)
        return by_lang.get("zh") or by_lang.get("en") or self.symbol or self.id

    @property
    def by_relation(self) -> tuple[tuple[str, tuple[StatedClaim, ...]], ...]:
        """The stated claims grouped by relation, in the order of the relations' names."""
        groups: dict[str, list[StatedClaim]] = {}
        for c in self.claims:
            groups.setdefault(c.relation, []).append(c)
        return tuple((r, tuple(groups[r])) for r in sorted(groups))

    @property
    def kinds(self) -> tuple[tuple[str, int], ...]:
        """How many passages of each kind (body, table, operative …), most first."""
        count = Counter(p.kind for p in self.passages)
        return tuple(sorted(count.items(), key=lambda x: (-x[1], x[0])))


def is_document(store: ox.Store, iri: str) -> bool:
    """True when ``iri`` is typed ``nx:Document`` in ``store`` (looked up as data)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    doc = ox.NamedNode(NX_URI + "Document")
    return next(iter(store.quads_for_pattern(node, ox.NamedNode(RDF_TYPE), doc)), None) is not None


def _value(row: dict[str, Term], key: str) -> str:
    t = row.get(key)
    return t.value if t is not None else ""


def _sentence(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _para_key(paragraph: str, sentence: int | None, passage: str) -> tuple[object, ...]:
    para = paragraph.rjust(6, "0") if paragraph.isdigit() else paragraph
    return (not paragraph.isdigit(), para, sentence or 0, passage)


def document_dossier(store: ox.Store, iri: str, *, lang: str = "zh") -> DocumentDossier:
    """The dossier of the document ``iri``; names of the claims' ends in ``lang``."""

    def run(text: str) -> Results:
        return execute(store, text)

    def about(text: str) -> Results:  # ?doc is bound as data (it must be projected)
        return execute(store, text, bindings={"doc": iri})

    meta: dict[str, set[str]] = {}
    titles, classes = set(), set()
    for row in about("SELECT ?doc ?p ?o WHERE { ?doc ?p ?o }").rows:
        p, o = row["p"].value, row["o"]
        if p == DCTERMS + "title":
            titles.add((o.lang or "", o.value))
        elif p == RDF_TYPE:
            classes.add(compact(o.value))
        else:
            meta.setdefault(p, set()).add(o.value)

    def first(prop: str) -> str:
        return min(meta.get(prop, {""}))

    stated = about(f"""
SELECT ?doc ?c ?s ?p ?o ?hedged {amounts.VARIABLES} ?pa ?para ?sent ?text WHERE {{
  ?pa nx:inDocument ?doc . ?c nx:statedIn ?pa ; a nx:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL {{ ?c nx:hedged ?hedged }} {amounts.PATTERN}
  OPTIONAL {{ ?pa nx:paragraph ?para }} OPTIONAL {{ ?pa nx:sentence ?sent }} OPTIONAL {{ ?pa nx:text ?text }}
}}""").rows
    ends = {r[k].value for r in stated for k in ("s", "o")}
    names = {k: t.value for k, t in label_terms(run, ends, lang=lang).items()}
    symbol = first(NX_URI + "symbol") or compact(iri)
    claims = {
        StatedClaim(
            claim=r["c"].value,
            relation=compact(r["p"].value),
            subject=r["s"].value,
            subject_label=names.get(r["s"].value, compact(r["s"].value)),
            object=r["o"].value,
            object_label=names.get(r["o"].value, compact(r["o"].value)),
            hedged=_value(r, "hedged") in ("true", "1"),
            amount=amounts.from_row({k: t.value for k, t in r.items()}),
            citation=Citation(
                _value(r, "pa"),
                iri,
                symbol,
                _value(r, "para"),
                _sentence(_value(r, "sent")),
                _value(r, "text"),
            ),
        )
        for r in stated
    }
    passages = {
        Passage(
            _value(r, "pa"),
            _value(r, "para"),
            _sentence(_value(r, "sent")),
            _value(r, "kind"),
            _value(r, "text"),
        )
        for r in about("""
SELECT ?doc ?pa ?para ?sent ?kind ?text WHERE { ?pa nx:inDocument ?doc .
  OPTIONAL { ?pa nx:paragraph ?para } OPTIONAL { ?pa nx:sentence ?sent }
  OPTIONAL { ?pa nx:passageKind ?kind } OPTIONAL { ?pa nx:text ?text } }""").rows
    }
    named_in = tuple(
        c for c in dossier(store, iri, lang=lang).claims if c.citation is None or c.citation.document != iri
    )

    def claim_key(c: StatedClaim) -> tuple[object, ...]:
        cite = c.citation
        return (
            c.relation,
            *_para_key(cite.paragraph, cite.sentence, cite.passage),
            c.subject_label,
            c.object_label,
            c.claim,
        )

    return DocumentDossier(
        iri=iri,
        id=iri[len(ID_URI) :] if iri.startswith(ID_URI) else iri,
        symbol=first(NX_URI + "symbol"),
        titles=tuple(sorted(titles)),
        date=first(DCTERMS + "date"),
        body=first(NX_URI + "body"),
        kind=first(NX_URI + "kind"),
        file=first(NX_URI + "fileName"),
        classes=tuple(sorted(classes)),
        claims=tuple(sorted(claims, key=claim_key)),
        passages=tuple(sorted(passages, key=lambda p: _para_key(p.paragraph, p.sentence, p.passage))),
        named_in=named_in,
    )


# ---------------------------------------------------------------- renderings


def to_json(d: DocumentDossier) -> str:
    """The dossier as JSON (every field, plus ``title``)."""
    doc = dataclasses.asdict(d)
    doc["title"] = d.title
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _facts(d: DocumentDossier) -> list[tuple[str, str]]:
    """The lines of the header: what the document is."""
    rows = [
        ("Symbol", d.symbol),
        ("Date", d.date),
        ("Body", d.body),
        ("Kind", d.kind),
        ("File", d.file),
    ]
    rows += [(f"Title ({lang or '-'})", text) for lang, text in d.titles]
    return [(k, v) for k, v in rows if v]


def _where(c: Citation) -> str:
    """``¶32.2``: a citation within the document (the symbol is the page's)."""
    return c.where[len(c.symbol) :].strip() or c.where


def _claim_words(c: StatedClaim) -> str:
    extra = [w for w in ("hedged" if c.hedged else "", c.amount or "") if w]
    return f"{c.subject_label} → {c.object_label}" + (f" ({', '.join(extra)})" if extra else "")


def _passage_count(d: DocumentDossier) -> str:
    kinds = ", ".join(f"{k or 'unknown'} {n}" for k, n in d.kinds)
    return f"{len(d.passages)} passage{'s' if len(d.passages) != 1 else ''}" + (
        f" ({kinds})" if kinds else ""
    )


def to_markdown(d: DocumentDossier) -> str:
    """The dossier as Markdown: what the document is, the claims it states by relation with
    their quotes, the claims naming it elsewhere, then its passages."""
    out = [f"# {d.title}", "", f"`{compact(d.iri)}` · {', '.join(d.classes)}", ""]
    out += [f"{k}: {v}" for k, v in _facts(d)]
    if not d.passages:
        out += ["", "Not in the corpus: the graph knows it only as cited."]
    out += ["", f"## Claims stated ({len(d.claims)})"]
    for relation, claims in d.by_relation:
        out += ["", f"### {relation} ({len(claims)})", ""]
        for c in claims:
            out.append(f"- **{_md(_claim_words(c))}** — {_where(c.citation)}")
            if c.citation.text:
                out.append(f"  > {_md(c.citation.text)}")
    if d.named_in:
        out += ["", f"## Claims naming it ({len(d.named_in)})", ""]
        for n in d.named_in:
            arrow = "→" if n.direction == "out" else "←"
            cite = f" — {n.citation.where}" if n.citation else ""
            out.append(f"- **{_md(f'{n.relation} {arrow} {n.other_label}')}**{cite}")
    out += ["", f"## Passages: {_passage_count(d)}", ""]
    out += [f"- {p.where} ({p.kind or '-'}): {_md(p.text)}" for p in d.passages]
    return "\n".join(out) + "\n"


def _link(iri: str, text: str, anchor: str = "") -> str:
    if iri.startswith(ID_URI):
        href = f"/entity/{iri[len(ID_URI) :]}" + (f"#{anchor}" if anchor else "")
        return f'<a href="{_e(href)}"><bdi>{_e(text)}</bdi></a>'
    return f"<bdi>{_e(text)}</bdi>"


def _e(text: str) -> str:
    """Text for HTML: escaped, control and bidi characters written out (``\u202e``)."""
    return html.escape(visible(text))


def passage_anchor(paragraph: str, sentence: int | None) -> str:
    """The id of a passage's row on the document page: ``p-32-1``."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in paragraph)
    return f"p-{safe}-{sentence or 0}"


def to_html(d: DocumentDossier) -> str:
    """The dossier as one HTML page: each claim links its ends' dossiers and its passage's row;
    every text is escaped, its control and bidi characters written out."""
    e = _e
    parts = [
        "<!doctype html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{e(d.title)} · nexus-kg</title><style>{STYLE}</style></head><body>",
        '<p><a href="/">← workbench</a></p>',
        f'<h1 id="label">{e(d.title)}</h1>',
        f'<p class="meta"><code>{e(compact(d.iri))}</code> · {e(", ".join(d.classes))}</p>',
        '<table id="document">'
        + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in _facts(d))
        + "</table>",
    ]
    if not d.passages:
        parts.append("<p>Not in the corpus: the graph knows it only as cited.</p>")
    parts.append(f'<h2>Claims stated ({len(d.claims)})</h2><div id="claims">')
    for relation, claims in d.by_relation:
        parts.append(f"<h3>{e(relation)} ({len(claims)})</h3>")
        for c in claims:
            cite = c.citation
            tags = ' <span class="hedged">hedged</span>' if c.hedged else ""
            amount = f" <span>{e(c.amount)}</span>" if c.amount else ""
            where = _link(d.iri, _where(cite), passage_anchor(cite.paragraph, cite.sentence))
            quote = f"<blockquote>{e(cite.text)}</blockquote>" if cite.text else ""
            parts.append(
                f'<div class="claim">{_link(c.subject, c.subject_label)} → {_link(c.object, c.object_label)}'
                f'{tags}{amount} <span class="cite">{where}</span>{quote}</div>'
            )
    parts.append("</div>")
    if d.named_in:
        parts.append(f'<h2>Claims naming it ({len(d.named_in)})</h2><div id="named-in">')
        for n in d.named_in:
            arrow = "→" if n.direction == "out" else "←"
            source = ""
            if n.citation:
                anchor = passage_anchor(n.citation.paragraph, n.citation.sentence)
                source = f' <span class="cite">{_link(n.citation.document, n.citation.where, anchor)}</span>'
            parts.append(
                f'<div class="claim"><span class="rel">{e(n.relation)} {arrow}</span> '
                f"{_link(n.other, n.other_label)}{source}</div>"
            )
        parts.append("</div>")
    parts.append(f"<h2>Passages: {e(_passage_count(d))}</h2>")
    parts.append('<table id="passages"><tr><th>where</th><th>kind</th><th>passage</th></tr>')
    for p in d.passages:
        parts.append(
            f'<tr id="{passage_anchor(p.paragraph, p.sentence)}"><td>{e(p.where)}</td>'
            f"<td>{e(p.kind)}</td><td>{e(p.text)}</td></tr>"
        )
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


def render(d: DocumentDossier, fmt: str) -> str:
    """``d`` as ``md``, ``json`` or ``html``; for a terminal (md, json) with control and bidi
    characters written out."""
    text = {"md": to_markdown, "json": to_json, "html": to_html}[fmt](d)
    return text if fmt == "html" else visible(text)
