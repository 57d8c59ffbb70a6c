"""One entity's dossier: what it is, every claim about it with its quote, every passage naming it.

:func:`resolve` finds the entity by any of its names (label, alias, hidden form, symbol) in
either script, or by its id; :func:`dossier` gathers the plain data; :func:`to_markdown`,
:func:`to_json` and :func:`to_html` render it. Document text is data: the HTML escapes it.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(input='<https://w3id.org/nexus-kg/id/group-x> '
...     '<http://www.w3.org/2000/01/rdf-schema#label> "某團體"@zh .', format=ox.RdfFormat.N_TRIPLES)
>>> resolve(store, "某团体")
'https://w3id.org/nexus-kg/id/group-x'
>>> dossier(store, resolve(store, "nxid:group-x")).labels
(('zh', '某團體'),)
"""

from __future__ import annotations

import dataclasses
import difflib
import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError
from graph.ns import ID_URI, NX_URI
from graph.script import fold, visible
from graph.sparql import amounts
from graph.sparql.query import execute, label_terms
from graph.sparql.results import Results, Term
from graph.sparql.table import compact

RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
NAME_PROPS = (RDFS + "label", SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel", NX_URI + "symbol")


class UnknownEntity(QueryError):
    """No entity, or more than one, goes by the name asked for."""


@dataclass(frozen=True)
class Citation:
    """A passage: its document (IRI and symbol), paragraph, sentence and text."""

    passage: str
    document: str
    symbol: str
    paragraph: str
    sentence: int | None
    text: str

    @property
    def where(self) -> str:
        """``S/2015/366 ¶32`` (with ``.2`` for a sentence after the first)."""
        para = f" ¶{self.paragraph}" if self.paragraph else ""
        sent = f".{self.sentence}" if self.sentence and self.sentence > 1 else ""
        return f"{self.symbol}{para}{sent}"


@dataclass(frozen=True)
class ClaimLine:
    """One claim about the entity: ``direction`` is ``out`` (it is the subject) or ``in``."""

    claim: str
    relation: str
    direction: str
    other: str
    other_label: str
    hedged: bool
    confidence: float | None
    amount: str | None
    evidence: str
    citation: Citation | None


@dataclass(frozen=True)
class Dossier:
    """Everything the graph says about one entity."""

    iri: str
    id: str
    label: str
    classes: tuple[str, ...]
    labels: tuple[tuple[str, str], ...]
    aliases: tuple[str, ...]
    claims: tuple[ClaimLine, ...]
    mentions: tuple[Citation, ...]

    @property
    def documents(self) -> tuple[tuple[str, str, int], ...]:
        """Each document naming the entity: IRI, symbol and passages, most passages first."""
        count: dict[tuple[str, str], int] = {}
        for m in self.mentions:
            count[(m.document, m.symbol)] = count.get((m.document, m.symbol), 0) + 1
        return tuple(sorted(((d, s, n) for (d, s), n in count.items()), key=lambda x: (-x[2], x[1], x[0])))


def _key(text: str) -> str:
    return "".join(fold(text).casefold().split())


def _iri(name: str) -> str | None:
    name = name.strip()
    if name.startswith(("http://", "https://")):
        return name
    if name.startswith("nxid:"):
        return ID_URI + name[5:]
    return None


def _exists(store: ox.Store, iri: str) -> bool:
    """True when ``iri`` is a valid IRI that is the subject of a triple (looked up as data)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return next(iter(store.quads_for_pattern(node, None, None)), None) is not None


def resolve(store: ox.Store, name: str) -> str:
    """The IRI of the one entity named ``name``: an id, a label or alias in either script, a symbol.

    Raises
    ------
    UnknownEntity
        If no entity goes by ``name`` (the message suggests near names) or several do.
    """
    iri = _iri(name)
    if iri is None and _exists(store, ID_URI + name.strip()):
        iri = ID_URI + name.strip()
    if iri is not None:
        if not _exists(store, iri):
            raise UnknownEntity(f"{name}: no such entity in the graph{_near_ids(store, iri)}")
        return iri
    exact = _spelled(store, name.strip())
    if len(exact) == 1:
        return exact.pop()
    return _by_name(name, execute(store, NAMES_QUERY))


#: The language tags a name is written with in the graph (a plain string besides).
NAME_LANGS = ("zh", "zh-hant", "en")


def _spelled(store: ox.Store, name: str) -> set[str]:
    """The subjects with a name spelled exactly ``name``: the literal is looked up in the store's
    index, as data, in each form a name takes (plain, ``@zh``, ``@zh-hant``, ``@en``). Any other
    spelling (case, script, spaces) is left to :func:`_by_name`, which folds every name."""
    if not name:
        return set()
    literals = [ox.Literal(name), *(ox.Literal(name, language=lang) for lang in NAME_LANGS)]
    return {
        q.subject.value
        for p in NAME_PROPS
        for lit in literals
        for q in store.quads_for_pattern(None, ox.NamedNode(p), lit)
        if isinstance(q.subject, ox.NamedNode)
    }


#: Every name of every node: what :func:`resolve` matches a name against.
NAMES_QUERY = "SELECT ?s ?l WHERE { VALUES ?p { " + " ".join(f"<{p}>" for p in NAME_PROPS) + " } ?s ?p ?l }"


def _by_name(name: str, res: Results) -> str:
    """The one subject of ``res`` (rows of ``?s ?l``) whose name ``?l`` is ``name``, folded."""
    want, hits = _key(name), set()
    names: dict[str, str] = {}
    for row in res.rows:
        s, lab = row["s"].value, row["l"].value
        k = _key(lab)
        names.setdefault(k, lab)
        if k == want and want:
            hits.add(s)
    if len(hits) == 1:
        return hits.pop()
    if hits:
        shown = ", ".join(compact(h) for h in sorted(hits))
        raise UnknownEntity(f"{name}: {len(hits)} entities go by this name: {shown}; give one id")
    near = difflib.get_close_matches(want, sorted(names), n=3, cutoff=0.5)
    hint = "; did you mean " + " or ".join(names[n] for n in near) + "?" if near else ""
    raise UnknownEntity(f"{name}: no entity goes by this name{hint}")


def resolve_remote(run: Callable[[str], Results], name: str) -> str:
    """:func:`resolve` where only queries reach the graph (an endpoint): ``run`` answers one.

    The names are fetched with a query that holds no user input and matched here.
    """
    res = run(NAMES_QUERY)
    named = {row["s"].value for row in res.rows}
    iri = _iri(name)
    if iri is None and ID_URI + name.strip() in named:
        iri = ID_URI + name.strip()
    if iri is not None:
        if iri not in named:
            raise UnknownEntity(f"{name}: no such entity in the graph{_close_ids(iri, named)}")
        return iri
    return _by_name(name, res)


def _close_ids(iri: str, iris: Iterable[str]) -> str:
    """``; did you mean nxid:group-isil?`` for a misspelt id among ``iris``, or nothing."""
    if not iri.startswith(ID_URI):
        return ""
    ids = sorted({i[len(ID_URI) :] for i in iris if i.startswith(ID_URI)})
    near = difflib.get_close_matches(iri[len(ID_URI) :], ids, n=3, cutoff=0.85)
    return "; did you mean " + " or ".join(f"nxid:{n}" for n in near) + "?" if near else ""


def _near_ids(store: ox.Store, iri: str) -> str:
    """``; did you mean nxid:group-isil?`` for a misspelt id, or nothing."""
    if not iri.startswith(ID_URI):
        return ""
    res = execute(store, "SELECT DISTINCT ?s WHERE { ?s rdfs:label ?l }")
    return _close_ids(iri, (r["s"].value for r in res.rows))


def _value(row: dict[str, Term], key: str) -> str:
    t = row.get(key)
    return t.value if t is not None else ""


def _citation(row: dict[str, Term]) -> Citation | None:
    if "pa" not in row:
        return None
    doc = _value(row, "doc")
    sent = _value(row, "sent")
    return Citation(
        _value(row, "pa"),
        doc,
        _value(row, "sym") or compact(doc) if doc else "",
        _value(row, "para"),
        int(sent) if sent.isdigit() else None,
        _value(row, "text"),
    )


_PASSAGE = """
  OPTIONAL { ?pa nx:inDocument ?doc . OPTIONAL { ?doc nx:symbol ?sym } }
  OPTIONAL { ?pa nx:paragraph ?para } OPTIONAL { ?pa nx:sentence ?sent } OPTIONAL { ?pa nx:text ?text }
"""


def _cite_key(c: Citation | None) -> tuple[Any, ...]:
    if c is None:
        return ("",)
    para = c.paragraph
    return (c.symbol, para.rjust(6, "0") if para.isdigit() else para, c.sentence or 0, c.passage)


def dossier(store: ox.Store, iri: str, *, lang: str = "zh") -> Dossier:
    """The dossier of the entity ``iri`` (see :func:`resolve`); labels of other ends in ``lang``."""

    def run(text: str) -> Results:
        return execute(store, text)

    def about_entity(text: str) -> Results:  # ?entity is bound as data (it must be projected)
        return execute(store, text, bindings={"entity": iri})

    about = about_entity("SELECT ?entity ?p ?o WHERE { ?entity ?p ?o }")
    classes, labels, aliases = set(), set(), set()
    for row in about.rows:
        p, o = row["p"].value, row["o"]
        if p == RDF + "type":
            classes.add(compact(o.value))
        elif p in (RDFS + "label", SKOS + "prefLabel"):
            labels.add((o.lang or "", o.value))
        elif p in (SKOS + "altLabel", SKOS + "hiddenLabel"):
            aliases.add(o.value)
    aliases -= {v for _, v in labels}
    claims_res = about_entity(f"""
SELECT ?entity ?c ?s ?p ?o ?hedged ?conf ?ev {amounts.VARIABLES} ?pa ?doc ?sym ?para ?sent ?text WHERE {{
  {{ ?c rdf:subject ?entity }} UNION {{ ?c rdf:object ?entity }}
  ?c a nx:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  OPTIONAL {{ ?c nx:hedged ?hedged }} OPTIONAL {{ ?c nx:confidence ?conf }} OPTIONAL {{ ?c nx:evidence ?ev }}
  {amounts.PATTERN}
  OPTIONAL {{ ?c nx:statedIn ?pa . {_PASSAGE} }}
}}""")
    others = {r["o"].value if r["s"].value == iri else r["s"].value for r in claims_res.rows}
    names = {k: t.value for k, t in label_terms(run, others | {iri}, lang=lang).items()}
    claims = {
        ClaimLine(
            claim=r["c"].value,
            relation=compact(r["p"].value),
            direction="out" if r["s"].value == iri else "in",
            other=(other := r["o"].value if r["s"].value == iri else r["s"].value),
            other_label=names.get(other, compact(other)),
            hedged=_value(r, "hedged") in ("true", "1"),
            confidence=float(_value(r, "conf")) if _value(r, "conf") else None,
            amount=amounts.from_row({k: t.value for k, t in r.items()}),
            evidence=_value(r, "ev"),
            citation=_citation(r),
        )
        for r in claims_res.rows
    }
    mention_res = about_entity(
        f"SELECT ?entity ?pa ?doc ?sym ?para ?sent ?text WHERE {{ ?pa nx:mentions ?entity . {_PASSAGE} }}"
    )
    mentions = {c for r in mention_res.rows if (c := _citation(r)) is not None}
    return Dossier(
        iri=iri,
        id=iri[len(ID_URI) :] if iri.startswith(ID_URI) else iri,
        label=names.get(iri, compact(iri)),
        classes=tuple(sorted(classes)),
        labels=tuple(sorted(labels)),
        aliases=tuple(sorted(aliases)),
        claims=tuple(
            sorted(
                claims,
                key=lambda c: (
                    c.relation,
                    c.direction,
                    c.other_label,
                    c.other,
                    _cite_key(c.citation),
                    c.claim,
                ),
            )
        ),
        mentions=tuple(sorted(mentions, key=_cite_key)),
    )


# ---------------------------------------------------------------- renderings


def to_json(d: Dossier) -> str:
    """The dossier as JSON (every field, plus ``documents``)."""
    doc = dataclasses.asdict(d)
    doc["documents"] = [{"document": i, "symbol": s, "passages": n} for i, s, n in d.documents]
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _md(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _claim_words(c: ClaimLine) -> str:
    arrow = "→" if c.direction == "out" else "←"
    extra = [w for w in ("hedged" if c.hedged else "", c.amount or "") if w]
    return f"{c.relation} {arrow} {c.other_label}" + (f" ({', '.join(extra)})" if extra else "")


def to_markdown(d: Dossier) -> str:
    """The dossier as Markdown: header, claims with their quotes, then the mentions by document."""
    out = [f"# {d.label}", "", f"`{compact(d.iri)}` · {', '.join(d.classes) or 'no class'}", ""]
    out += ["Labels: " + "; ".join(f"{v} ({lang or '-'})" for lang, v in d.labels)] if d.labels else []
    out += ["Aliases: " + "; ".join(d.aliases)] if d.aliases else []
    out += ["", f"## Claims ({len(d.claims)})", ""]
    for c in d.claims:
        cite = f" — {c.citation.where}" if c.citation else ""
        out.append(f"- **{_md(_claim_words(c))}**{cite}")
        if c.citation and c.citation.text:
            out.append(f"  > {_md(c.citation.text)}")
    docs = d.documents
    out += [
        "",
        f"## Mentioned in {len(docs)} document{'s' if len(docs) != 1 else ''}, "
        f"{len(d.mentions)} passage{'s' if len(d.mentions) != 1 else ''}",
        "",
    ]
    for m in d.mentions:
        out.append(f"- {m.where}: {_md(m.text)}")
    return "\n".join(out) + "\n"


def _e(text: str) -> str:
    """Text for HTML: escaped, control and bidi characters written out (``\u202e``)."""
    return html.escape(visible(text))


def _entity_link(iri: str, text: str) -> str:
    if iri.startswith(ID_URI):
        return f'<a href="/entity/{_e(iri[len(ID_URI) :])}"><bdi>{_e(text)}</bdi></a>'
    return f"<bdi>{_e(text)}</bdi>"


STYLE = """body{font:15px/1.5 system-ui,'Noto Sans CJK SC',sans-serif;max-width:60em;margin:1em auto;padding:0 1em}
.meta{color:#555}.claim{margin:.6em 0}.rel{font-weight:600}blockquote{margin:.2em 0 .2em 1em;
padding-left:.6em;border-left:3px solid #ccc;color:#333}.cite{color:#666;font-size:90%}.hedged{color:#b15}
table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:2px 8px;text-align:left}"""


#: Claims, and passages naming the entity, on one dossier page.
PER_PAGE = 100


@dataclass(frozen=True)
class Paging:
    """Where a page of a dossier sits: its number, how many there are, the whole dossier's counts."""

    page: int
    pages: int
    claims: int
    mentions: int
    documents: int


def paginate(d: Dossier, page: int, per_page: int = PER_PAGE) -> tuple[Dossier, Paging]:
    """Page ``page`` (from 1) of ``d``: its claims and passages from ``(page - 1) * per_page`` on.

    Raises
    ------
    QueryError
        If there is no such page.

    Examples
    --------
    >>> d = Dossier("urn:x", "x", "x", (), (), (), (), ())
    >>> paginate(d, 1)[1]
    Paging(page=1, pages=1, claims=0, mentions=0, documents=0)
    """
    pages = max(1, -(-len(d.claims) // per_page), -(-len(d.mentions) // per_page))
    if not 1 <= page <= pages:
        raise UnknownEntity(f"{d.label}: no page {page} (pages 1 to {pages})")
    cut = slice((page - 1) * per_page, page * per_page)
    paging = Paging(page, pages, len(d.claims), len(d.mentions), len(d.documents))
    return dataclasses.replace(d, claims=d.claims[cut], mentions=d.mentions[cut]), paging


def _nav(d: Dossier, p: Paging) -> str:
    if p.pages == 1:
        return ""
    href = f"/entity/{_e(d.id)}?page=" if d.iri.startswith(ID_URI) else "?page="
    prev = f'<a rel="prev" href="{href}{p.page - 1}">← page {p.page - 1}</a> ' if p.page > 1 else ""
    after = f' <a rel="next" href="{href}{p.page + 1}">page {p.page + 1} →</a>' if p.page < p.pages else ""
    return f'<p class="nav">{prev}page {p.page} of {p.pages}{after}</p>'


def to_html(d: Dossier, paging: Paging | None = None) -> str:
    """The dossier as one HTML page (links to other entities' dossiers, every text escaped,
    bidi controls written out and each name isolated in ``<bdi>``); with ``paging``, one page
    of it (``d`` holds that page's claims and passages) with links to the pages beside it."""
    e = _e
    p = paging or Paging(1, 1, len(d.claims), len(d.mentions), len(d.documents))
    parts = [
        "<!doctype html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{e(d.label)} · nexus-kg</title><style>{STYLE}</style></head><body>",
        '<p><a href="/">← workbench</a></p>',
        f'<h1 id="label">{e(d.label)}</h1>',
        f'<p class="meta"><code>{e(compact(d.iri))}</code> · {e(", ".join(d.classes))}</p>',
    ]
    if d.labels:
        parts.append(
            "<p>Labels: "
            + "; ".join(f"{e(v)} <small>({e(lang or '-')})</small>" for lang, v in d.labels)
            + "</p>"
        )
    if d.aliases:
        parts.append(f"<p>Aliases: {e('; '.join(d.aliases))}</p>")
    parts.append(_nav(d, p))
    parts.append(f'<h2>Claims ({p.claims})</h2><div id="claims">')
    for c in d.claims:
        arrow = "→" if c.direction == "out" else "←"
        tags = "".join(f' <span class="hedged">{e(t)}</span>' for t in (["hedged"] if c.hedged else []))
        amount = f" <span>{e(c.amount)}</span>" if c.amount else ""
        cite = (
            f' <span class="cite">{_entity_link(c.citation.document, c.citation.where)}</span>'
            if c.citation
            else ""
        )
        quote = f"<blockquote>{e(c.citation.text)}</blockquote>" if c.citation and c.citation.text else ""
        parts.append(
            f'<div class="claim"><span class="rel">{e(c.relation)} {arrow}</span> '
            f"{_entity_link(c.other, c.other_label)}{tags}{amount}{cite}{quote}</div>"
        )
    parts.append(f"</div><h2>Mentioned in {p.documents} documents, {p.mentions} passages</h2>")
    parts.append('<table id="mentions"><tr><th>where</th><th>passage</th></tr>')
    for m in d.mentions:
        parts.append(f"<tr><td>{_entity_link(m.document, m.where)}</td><td>{e(m.text)}</td></tr>")
    parts.append("</table>" + _nav(d, p) + "</body></html>")
    return "\n".join(parts) + "\n"


def render(d: Dossier, fmt: str) -> str:
    """``d`` as ``md``, ``json`` (control and bidi characters written out, for a terminal) or ``html``."""
    text = {"md": to_markdown, "json": to_json, "html": to_html}[fmt](d)
    return text if fmt == "html" else visible(text)
