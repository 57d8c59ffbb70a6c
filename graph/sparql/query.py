"""SPARQL over the graph: run a query locally or at an endpoint, saved questions, result formats.

Results are plain records (:class:`Results` of :class:`Term`), whatever answered the query, so
the same formatting serves the local store, a remote endpoint and the HTTP server.

Examples
--------
>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(input='<https://w3id.org/nexus-kg/id/group-x> '
...     '<http://www.w3.org/2000/01/rdf-schema#label> "某团体"@zh .', format=ox.RdfFormat.N_TRIPLES)
>>> res = execute(store, "SELECT ?g ?l WHERE { ?g rdfs:label ?l }")
>>> to_csv(res).splitlines()
['g,l', 'https://w3id.org/nexus-kg/id/group-x,某团体']
>>> print(to_table(res), end="")
g             l
------------  ------
nxid:group-x  某团体
(1 row)
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from graph.errors import OntologyError, QueryError
from graph.ns import NX_URI, PREFIXES
from graph.resources import ontology_dir

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
NUMERIC = {XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}
FORMATS = ("table", "csv", "tsv", "json")
HEADER_KEYS = ("title-zh", "title-en", "description")


class QuerySyntaxError(QueryError):
    """The query does not parse; the message gives the parser's line, column and expectation."""


class QueryRefused(QueryError):
    """The request is a SPARQL Update, or otherwise not allowed on the read-only graph."""


class ResultTooLarge(QueryError):
    """The query returned more rows or triples than the limit."""


class QueryTimeout(QueryError):
    """The query ran longer than the time limit."""


@dataclass(frozen=True, slots=True)
class Term:
    """An RDF term as the SPARQL results formats describe it.

    ``kind`` is ``uri``, ``literal``, ``bnode`` or ``triple``; ``datatype`` is None for plain and
    language-tagged literals.
    """

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Results:
    """The answer to a query: ``bindings`` (SELECT), ``boolean`` (ASK) or ``graph`` (CONSTRUCT/DESCRIBE)."""

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[dict[str, Term], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Term, Term, Term], ...] = field(default=())

    def as_bindings(self) -> Results:
        """Graph results as rows of ``subject``, ``predicate``, ``object``; others unchanged."""
        if self.kind != "graph":
            return self
        names = ("subject", "predicate", "object")
        return Results("bindings", names, tuple(dict(zip(names, t, strict=True)) for t in self.triples))


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A saved question: ``ontology/queries/<name>.rq`` with its header."""

    name: str
    title_zh: str
    title_en: str
    description: str
    text: str


# ---------------------------------------------------------------- prefixes and query text


def query_prefixes() -> dict[str, str]:
    """The prefixes every query may use undeclared: the project's, plus ``:`` for ``nx:``.

    >>> query_prefixes()[""] == query_prefixes()["nx"]
    True
    """
    return {**PREFIXES, "": NX_URI}


def with_prologue(text: str) -> str:
    """``text`` with the project's prefixes declared on one line before it (for remote endpoints).

    A query's own declarations come later and win. Line numbers in error messages move by one.

    >>> with_prologue("ASK {}").splitlines()[1]
    'ASK {}'
    """
    decls = " ".join(f"PREFIX {p}: <{uri}>" for p, uri in sorted(query_prefixes().items()))
    return f"{decls}\n{text}"


_COMMENT_LINE = re.compile(r"^\s*#[^\n]*$", re.MULTILINE)
_UPDATE = re.compile(
    r"^\s*(?:(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*"
    r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)


def update_keyword(text: str) -> str | None:
    """The operation keyword if ``text`` is a SPARQL Update request, else None.

    >>> update_keyword("PREFIX : <urn:x#>\\n# add one\\nINSERT DATA { :a :b :c }")
    'INSERT'
    >>> update_keyword("SELECT * WHERE { ?s ?p ?o }") is None
    True
    """
    m = _UPDATE.match(_COMMENT_LINE.sub("", text))
    return m.group(1).upper() if m else None


_NOT_CODE = re.compile(
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>',
    re.DOTALL,
)
_FROM = re.compile(r"(?<![\w:?$.\-])FROM\b", re.IGNORECASE)


def code_only(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked, to look for keywords.

    >>> code_only('ASK { <urn:FROM> ?p "SERVICE" } # FROM').split()
    ['ASK', '{', '?p', '}']
    """
    return _NOT_CODE.sub(" ", text)


def _syntax_message(exc: BaseException, source: str, text: str = "") -> str:
    msg = " ".join(str(exc).split())
    where = re.match(r"^error at (\d+):(\d+):", msg)
    if "Prefix not found" in msg:
        known = ", ".join(f"{p}:" for p in sorted(query_prefixes()))
        unknown = _undeclared(text)
        if unknown:
            prefix, pos = unknown[0]
            line = text.count("\n", 0, pos) + 1
            col = pos - (text.rfind("\n", 0, pos) + 1) + 1
            return (
                f"{source}: unknown prefix '{prefix}:' (line {line}, column {col}); known prefixes: {known}"
            )
        at = f" (line {where.group(1)}, column {where.group(2)})" if where else ""
        return f"{source}: unknown prefix{at}; known prefixes: {known}"
    msg = re.sub(r"^error at (\d+):(\d+):", r"line \1, column \2:", msg)
    return f"{source}: malformed SPARQL query: {msg}"


# strings, IRIs and comments, which may hold colons that are not prefixed names
_NOT_NAMES = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_DECL = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)
_PNAME = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w-]*)?:([A-Za-z_][\w-]*)?")


def _declared(text: str) -> dict[str, str]:
    return {**query_prefixes(), **{m.group(1) or "": m.group(2) for m in _DECL.finditer(text)}}


def _blank(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked out, every offset kept."""
    return _NOT_NAMES.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _undeclared(text: str) -> list[tuple[str, int]]:
    declared, found = _declared(text), {}
    for m in _PNAME.finditer(_blank(text)):
        prefix = m.group(1) or ""
        if prefix not in declared and prefix not in found:
            found[prefix] = m.start()
    return list(found.items())


def undeclared_prefixes(text: str) -> list[str]:
    """The prefixes ``text`` uses that neither it nor :func:`query_prefixes` declares, in order.

    >>> undeclared_prefixes("SELECT * WHERE { ?s foo:bar ?o ; nx:text 'a:b' }")
    ['foo']
    """
    return [p for p, _ in _undeclared(text)]


def _ontology_terms() -> tuple[str, ...]:
    from graph.ns import NX

    return tuple(t for t in dir(NX) if not t.startswith("_") and not callable(getattr(type(NX), t, None)))


def unknown_terms(text: str) -> list[tuple[str, str | None]]:
    """Ontology terms ``text`` names that ``ontology/nexus.ttl`` does not declare, each with the nearest real one.

    Prefixed names in the ``nx:`` namespace (``nx:``, ``:`` or any prefix the query binds to
    it) and full ``<…ontology#…>`` IRIs are checked; strings and comments are not.

    >>> unknown_terms("SELECT * WHERE { ?g :benefitFrom ?c ; nx:text ?t }")
    [(':benefitFrom', 'benefitsFrom')]
    """
    import difflib

    terms = _ontology_terms()
    declared = _declared(text)
    used: list[tuple[str, str]] = []
    for m in re.finditer(r"<" + re.escape(NX_URI) + r"([^>]+)>", text):
        used.append((m.group(0), m.group(1)))
    for m in _PNAME.finditer(_blank(text)):
        if m.group(2) and declared.get(m.group(1) or "") == NX_URI:
            used.append((m.group(0), m.group(2)))
    out: list[tuple[str, str | None]] = []
    for shown, local in used:
        if local not in terms and all(shown != o[0] for o in out):
            near = difflib.get_close_matches(local, terms, n=1, cutoff=0.6)
            out.append((shown, near[0] if near else None))
    return out


def term_warnings(text: str, source: str = "query") -> list[str]:
    """One warning line per term of :func:`unknown_terms`.

    >>> term_warnings("ASK { ?g nx:benefitFrom ?c }")
    ['query: nx:benefitFrom is not in the ontology; did you mean nx:benefitsFrom?']
    """
    out = []
    for shown, near in unknown_terms(text):
        prefix = shown.split(":")[0] + ":" if not shown.startswith("<") else "nx:"
        hint = f"; did you mean {prefix}{near}?" if near else "; it matches nothing"
        out.append(f"{source}: {shown} is not in the ontology{hint}")
    return out


# ---------------------------------------------------------------- running queries


def term(node: object) -> Term:
    """A pyoxigraph term as a :class:`Term`.

    >>> term(ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")))
    Term(kind='literal', value='3', datatype='http://www.w3.org/2001/XMLSchema#integer', lang=None)
    """
    if isinstance(node, ox.NamedNode):
        return Term("uri", node.value)
    if isinstance(node, ox.BlankNode):
        return Term("bnode", node.value)
    if isinstance(node, ox.Literal):
        dt = node.datatype.value
        if node.language:
            return Term("literal", node.value, None, node.language)
        return Term("literal", node.value, None if dt == XSD + "string" else dt)
    return Term("triple", str(node))


def ox_term(t: Term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term of a :class:`Term` (inverse of :func:`term`)."""
    if t.kind == "uri":
        return ox.NamedNode(t.value)
    if t.kind == "bnode":
        return ox.BlankNode(t.value)
    if t.lang:
        return ox.Literal(t.value, language=t.lang)
    return ox.Literal(t.value, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t.value)


def _capped(items: Iterable[object], limit: int | None, what: str) -> list[object]:
    out: list[object] = []
    for item in items:
        if limit is not None and len(out) >= limit:
            raise ResultTooLarge(f"the query returned more than {limit} {what}; add a LIMIT or narrow it")
        out.append(item)
    return out


def from_oxigraph(answer: object, limit: int | None = None) -> Results:
    """Convert what ``Store.query`` or ``parse_query_results`` returned into :class:`Results`.

    Raises
    ------
    ResultTooLarge
        If there are more than ``limit`` rows or triples.
    """
    if isinstance(answer, ox.QueryBoolean):
        return Results("boolean", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = _capped(answer, limit, "rows")
        return Results(
            "bindings",
            names,
            tuple({n: term(s[n]) for n in names if s[n] is not None} for s in rows),  # type: ignore[index]
        )
    triples = _capped(answer, limit, "triples")  # type: ignore[arg-type]
    return Results(
        "graph",
        triples=tuple((term(t.subject), term(t.predicate), term(t.object)) for t in triples),  # type: ignore[attr-defined]
    )


def execute(
    store: ox.Store,
    text: str,
    *,
    source: str = "query",
    limit: int | None = None,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
    base_iri: str | None = None,
) -> Results:
    """Run ``text`` read-only on ``store``, with the union of all graphs as the default graph.

    Parameters
    ----------
    store : pyoxigraph.Store
    text : str
        A SPARQL 1.1 query; the prefixes of :func:`query_prefixes` are predeclared.
    source : str
        What to call the query in error messages (a file or saved-question name).
    limit : int, optional
        The most rows or triples to accept.
    default_graphs : sequence of str
        Graph IRIs to use as the default graph instead of the union of all.
    named_graphs : sequence of str
        Graph IRIs that ``GRAPH`` may name; with ``default_graphs`` they replace the query's
        own ``FROM`` (the SPARQL protocol dataset).
    base_iri : str, optional
        The IRI that relative IRIs in ``text`` resolve against.

    Raises
    ------
    QueryRefused
        If ``text`` is a SPARQL Update.
    QuerySyntaxError
        If ``text`` does not parse; the message gives line and column.
    ResultTooLarge
        If the answer exceeds ``limit``.

    Examples
    --------
    >>> try:
    ...     execute(ox.Store(), "SELECT ?x WHERE { ?x ?y }", source="q")
    ... except QuerySyntaxError as exc:
    ...     print(exc)
    q: malformed SPARQL query: line 1, column 26: expected one of LATERAL, SERVICE, [_]
    >>> execute(ox.Store(), "ASK { ?s :benefitsFrom ?o }").boolean
    False
    """
    op = update_keyword(text)
    if op:
        raise QueryRefused(f"{source}: SPARQL Update ({op}) is not allowed; the graph is read-only")
    options: dict[str, object] = {"prefixes": query_prefixes(), "base_iri": base_iri}
    if default_graphs or named_graphs:
        try:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:
            raise QueryError(f"{source}: bad graph IRI: {exc}") from exc
    elif not _FROM.search(code_only(text)):  # a query's own FROM chooses its dataset
        options["use_default_graph_as_union"] = True
    try:
        answer = store.query(text, **options)  # type: ignore[arg-type]
        return from_oxigraph(answer, limit)
    except SyntaxError as exc:
        raise QuerySyntaxError(_syntax_message(exc, source, text)) from exc
    except (OSError, ValueError, TypeError) as exc:  # evaluation errors, e.g. a bad IRI
        raise QueryError(f"{source}: {' '.join(str(exc).split())}") from exc


ACCEPT_REMOTE = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "application/n-triples;q=0.8, text/turtle;q=0.7"
)
_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def remote(url: str, text: str, *, timeout: float = 120.0) -> Results:
    """Send ``text`` to the SPARQL 1.1 endpoint ``url`` (protocol POST) and read its answer.

    The project's prefixes are declared before the query, so saved questions run unchanged on
    Fuseki, GraphDB or an Oxigraph server.

    Raises
    ------
    QueryError
        If the endpoint cannot be reached, refuses the query, or answers in an unknown format.
    """
    op = update_keyword(text)
    if op:
        raise QueryRefused(f"{url}: SPARQL Update ({op}) is not sent; queries are read-only")
    req = urllib.request.Request(
        url,
        data=with_prologue(text).encode("utf-8"),
        headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": ACCEPT_REMOTE},
        method="POST",
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
            ctype = resp.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read().decode("utf-8", "replace").split())[:300]
        raise QueryError(f"{url}: HTTP {exc.code} {exc.reason}: {detail}") from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise QueryError(f"{url}: cannot reach the endpoint: {reason}") from exc
    try:
        if ctype in _RESULT_TYPES:
            return from_oxigraph(ox.parse_query_results(body, _RESULT_TYPES[ctype]))
        if ctype in _GRAPH_TYPES:
            return from_oxigraph(ox.parse(body, _GRAPH_TYPES[ctype]))
    except (SyntaxError, ValueError) as exc:
        raise QueryError(f"{url}: unreadable {ctype} answer: {exc}") from exc
    raise QueryError(f"{url}: the endpoint answered with {ctype}, not SPARQL results or RDF")


# ---------------------------------------------------------------- saved questions


def queries_dir() -> Path:
    """The folder of saved questions, ``ontology/queries``."""
    return ontology_dir() / "queries"


def parse_saved(name: str, text: str) -> SavedQuery:
    """A saved question from its file text; the header comment lines give its titles.

    Raises
    ------
    OntologyError
        If a header line (``# title-zh:``, ``# title-en:``, ``# description:``) is missing.

    Examples
    --------
    >>> q = parse_saved("x", "# title-zh: 问\\n# title-en: Q\\n# description: what\\n#   and more\\nASK {}")
    >>> q.title_en, q.description
    ('Q', 'what and more')
    """
    header: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*([a-z-]+):\s*(.*)$", line)
        if m and m.group(1) in HEADER_KEYS:
            key = m.group(1)
            header[key] = m.group(2).strip()
        elif key and line[1:].strip():
            header[key] += " " + line[1:].strip()
    missing = [k for k in HEADER_KEYS if not header.get(k)]
    if missing:
        raise OntologyError(f"{name}.rq: header line `# {missing[0]}: …` is missing")
    return SavedQuery(name, header["title-zh"], header["title-en"], header["description"], text)


def saved_queries(folder: Path | None = None) -> list[SavedQuery]:
    """Every saved question in ``folder`` (default :func:`queries_dir`), sorted by name."""
    folder = folder or queries_dir()
    return [parse_saved(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]


def saved_query(name: str, folder: Path | None = None) -> SavedQuery:
    """The saved question ``name``.

    Raises
    ------
    QueryError
        If there is none by that name.

    Examples
    --------
    >>> saved_query("no-such-question")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: no saved query named 'no-such-question'; `nexus-kg query --list` shows the names
    """
    path = (folder or queries_dir()) / f"{name}.rq"
    if "/" in name or not path.is_file():
        raise QueryError(f"no saved query named {name!r}; `nexus-kg query --list` shows the names")
    return parse_saved(name, path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- labels


SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
LANGS = ("zh", "en")


def _label_rank(t: Term, lang: str = "zh") -> tuple[int, str]:
    tag = (t.lang or "").lower().split("-")[0]
    other = "en" if lang == "zh" else "zh"
    rank = 0 if tag == lang else 1 if not tag else 2 if tag == other else 3
    return rank, t.value


def label_terms(
    run: Callable[[str], Results], iris: Iterable[str], *, lang: str = "zh", chunk: int = 400
) -> dict[str, Term]:
    """The preferred ``rdfs:label`` or ``skos:prefLabel`` of each IRI that has one.

    ``lang`` first, then a plain label, then the other of zh/en. ``run`` answers a SELECT
    query (the local store or an endpoint).
    """
    todo = sorted(set(iris))
    best: dict[str, Term] = {}
    for i in range(0, len(todo), chunk):
        values = " ".join(f"<{iri}>" for iri in todo[i : i + chunk])
        res = run(f"SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s <{RDFS_LABEL}>|<{SKOS_PREF}> ?l }}")
        for row in res.rows:
            s, lab = row.get("s"), row.get("l")
            if s is None or lab is None or lab.kind != "literal":
                continue
            if s.value not in best or _label_rank(lab, lang) < _label_rank(best[s.value], lang):
                best[s.value] = lab
    return best


def labels(run: Callable[[str], Results], iris: Iterable[str], *, lang: str = "zh") -> dict[str, str]:
    """The preferred label of each IRI that has one, as text (see :func:`label_terms`)."""
    return {iri: t.value for iri, t in label_terms(run, iris, lang=lang).items()}


def with_labels(res: Results, names: dict[str, Term]) -> Results:
    """``res`` with a ``<var>_label`` column after every column that holds IRIs.

    >>> r = Results("bindings", ("g", "n"), ({"g": Term("uri", "urn:g"), "n": Term("literal", "1")},))
    >>> out = with_labels(r, {"urn:g": Term("literal", "甲", lang="zh")})
    >>> out.variables, out.rows[0]["g_label"].value
    (('g', 'g_label', 'n'), '甲')
    """
    if res.kind == "boolean":
        return res
    res = res.as_bindings()
    iri_vars = {
        v for v in res.variables for row in res.rows if row.get(v) is not None and row[v].kind == "uri"
    }
    variables: list[str] = []
    for v in res.variables:
        variables.append(v)
        if v in iri_vars:
            name = f"{v}_label"
            while name in res.variables:
                name += "_"
            variables.append(name)
    rows = []
    for row in res.rows:
        new = dict(row)
        for v in iri_vars:
            name = variables[variables.index(v) + 1]
            t = row.get(v)
            if t is not None and t.kind == "uri" and t.value in names:
                new[name] = names[t.value]
        rows.append({k: new[k] for k in variables if k in new})
    return Results("bindings", tuple(variables), tuple(rows))


def result_iris(res: Results) -> set[str]:
    """Every IRI in the results (to look labels up for)."""
    return {t.value for row in res.as_bindings().rows for t in row.values() if t.kind == "uri"}


# ---------------------------------------------------------------- formats


_LOCAL = re.compile(r"[\w\-.]*(?<!\.)")


def compact(iri: str, prefixes: dict[str, str] | None = None) -> str:
    """``iri`` as a prefixed name where a project prefix fits, else ``<iri>``.

    >>> compact("https://w3id.org/nexus-kg/id/group-isil"), compact("urn:x")
    ('nxid:group-isil', '<urn:x>')
    """
    best: tuple[str, str] | None = None
    for prefix, ns in sorted((prefixes or PREFIXES).items()):
        fits = iri.startswith(ns) and _LOCAL.fullmatch(iri[len(ns) :])
        if fits and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    return f"{best[0]}:{iri[len(best[1]) :]}" if best else f"<{iri}>"


def _ntriples(t: Term) -> str:
    if t.kind == "uri":
        return f"<{t.value}>"
    if t.kind == "bnode":
        return f"_:{t.value}"
    if t.kind == "triple":
        return f"<< {t.value} >>"
    s = (
        t.value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    if t.lang:
        return f'"{s}"@{t.lang}'
    return f'"{s}"^^<{t.datatype}>' if t.datatype else f'"{s}"'


def ox_serialize(res: Results, fmt: ox.QueryResultsFormat) -> str | None:
    """``res`` written by pyoxigraph's own results serialiser; None where it cannot carry them.

    The rows travel to an empty store as a ``VALUES`` block, so the writer is oxigraph's
    (blank nodes and quoted triples cannot, and get the hand-written writers below).

    >>> ox_serialize(Results("bindings", ("a",), ({"a": Term("literal", "x,y")},)), ox.QueryResultsFormat.CSV)
    'a\\r\\n"x,y"\\r\\n'
    """
    if res.kind == "boolean":
        answer = ox.Store().query("ASK {}" if res.boolean else "ASK { FILTER(false) }")
    else:
        res = res.as_bindings()
        if not res.variables or any(
            t.kind not in ("uri", "literal") for row in res.rows for t in row.values()
        ):
            return None
        names = " ".join("?" + v for v in res.variables)
        data = " ".join(
            "(" + " ".join(_ntriples(row[v]) if v in row else "UNDEF" for v in res.variables) + ")"
            for row in res.rows
        )
        answer = ox.Store().query(f"SELECT {names} WHERE {{ VALUES ({names}) {{ {data} }} }}")
    out = answer.serialize(format=fmt)  # type: ignore[union-attr,arg-type]
    return out.decode("utf-8") if isinstance(out, bytes) else str(out)


def to_json(res: Results) -> str:
    """SPARQL 1.1 Query Results JSON (graph results as subject/predicate/object rows)."""
    done = ox_serialize(res, ox.QueryResultsFormat.JSON)
    if done is not None:
        return done + "\n"
    if res.kind == "boolean":
        return json.dumps({"head": {}, "boolean": bool(res.boolean)}) + "\n"
    res = res.as_bindings()

    def cell(t: Term) -> dict[str, str]:
        d = {"type": t.kind if t.kind != "bnode" else "bnode", "value": t.value}
        if t.lang:
            d["xml:lang"] = t.lang
        elif t.datatype:
            d["datatype"] = t.datatype
        return d

    doc = {
        "head": {"vars": list(res.variables)},
        "results": {"bindings": [{k: cell(v) for k, v in row.items()} for row in res.rows]},
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def to_xml(res: Results) -> str:
    """SPARQL Query Results XML Format."""
    done = ox_serialize(res, ox.QueryResultsFormat.XML)
    if done is not None:
        return done + "\n"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
    ]
    if res.kind == "boolean":
        out += ["<head/>", f"<boolean>{'true' if res.boolean else 'false'}</boolean>", "</sparql>"]
        return "\n".join(out) + "\n"
    res = res.as_bindings()
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in res.variables) + "</head>")
    out.append("<results>")
    for row in res.rows:
        cells = []
        for name, t in row.items():
            if t.kind == "uri":
                inner = f"<uri>{escape(t.value)}</uri>"
            elif t.kind == "bnode":
                inner = f"<bnode>{escape(t.value)}</bnode>"
            else:
                attr = (
                    f" xml:lang={quoteattr(t.lang)}"
                    if t.lang
                    else f" datatype={quoteattr(t.datatype)}"
                    if t.datatype
                    else ""
                )
                inner = f"<literal{attr}>{escape(t.value)}</literal>"
            cells.append(f"<binding name={quoteattr(name)}>{inner}</binding>")
        out.append("<result>" + "".join(cells) + "</result>")
    out += ["</results>", "</sparql>"]
    return "\n".join(out) + "\n"


def to_csv(res: Results) -> str:
    """SPARQL 1.1 CSV results: plain values, for spreadsheets (ASK gives ``true``/``false``)."""
    done = ox_serialize(res, ox.QueryResultsFormat.CSV) if res.kind != "boolean" else None
    if done is not None:
        return done
    if res.kind == "boolean":
        return "true\n" if res.boolean else "false\n"
    res = res.as_bindings()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(res.variables)
    for row in res.rows:
        w.writerow([_csv_value(row.get(v)) for v in res.variables])
    return buf.getvalue()


def _csv_value(t: Term | None) -> str:
    if t is None:
        return ""
    return f"_:{t.value}" if t.kind == "bnode" else t.value


def to_tsv(res: Results) -> str:
    """SPARQL 1.1 TSV results: terms in N-Triples syntax, header ``?var``."""
    done = ox_serialize(res, ox.QueryResultsFormat.TSV) if res.kind != "boolean" else None
    if done is not None:
        return done
    if res.kind == "boolean":
        return "true\n" if res.boolean else "false\n"
    res = res.as_bindings()
    lines = ["\t".join("?" + v for v in res.variables)]
    lines += ["\t".join(_ntriples(row[v]) if v in row else "" for v in res.variables) for row in res.rows]
    return "\n".join(lines) + "\n"


def to_ntriples(res: Results) -> str:
    """Graph results as N-Triples, one triple a line, sorted."""
    return "".join(sorted(f"{_ntriples(s)} {_ntriples(p)} {_ntriples(o)} .\n" for s, p, o in res.triples))


def to_turtle(res: Results) -> str:
    """Graph results as Turtle with the project's prefixes."""
    triples = [ox.Triple(*(ox_term(t) for t in triple)) for triple in res.triples]  # type: ignore[arg-type]
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: East Asian wide and fullwidth characters take two.

    >>> width("ISIL"), width("伊黎伊斯兰国"), width("１")
    (4, 12, 2)
    """
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def clip(text: str, cols: int) -> str:
    """``text`` cut to at most ``cols`` columns, with ``…`` where it was cut.

    >>> clip("恐怖主义团体", 7)
    '恐怖主…'
    """
    if width(text) <= cols:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > cols - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def wrap(text: str, cols: int) -> list[str]:
    """``text`` cut into lines of at most ``cols`` columns (wide characters counted as two).

    >>> wrap("恐怖主义团体", 5)
    ['恐怖', '主义', '团体']
    """
    lines: list[str] = []
    cur: list[str] = []
    used = 0
    for ch in text:
        w = width(ch)
        if used + w > cols and cur:
            lines.append("".join(cur).rstrip())
            cur, used = [], 0
            if ch == " ":
                continue
        cur.append(ch)
        used += w
    lines.append("".join(cur))
    return lines


def pad(text: str, cols: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``cols`` columns (wide characters counted as two)."""
    fill = " " * max(0, cols - width(text))
    return fill + text if right else text + fill


def display(t: Term | None, names: dict[str, str]) -> str:
    """What the table shows for a term: a label, a prefixed name, or a literal's value."""
    if t is None:
        return ""
    if t.kind == "uri":
        return names.get(t.value) or compact(t.value)
    if t.kind == "bnode":
        return f"_:{t.value}"
    return " ".join(t.value.split())


def to_table(
    res: Results, names: dict[str, str] | None = None, max_width: int | None = 70, *, wrapped: bool = False
) -> str:
    """An aligned text table; IRIs shown by their label in ``names`` where there is one.

    Cells longer than ``max_width`` columns are cut with ``…``, or with ``wrapped`` continued
    on the next lines; ``max_width=None`` prints every cell whole.

    >>> r = Results("bindings", ("t",), ({"t": Term("literal", "一二三四五")},))
    >>> print(to_table(r, max_width=6, wrapped=True), end="")
    t
    ------
    一二三
    四五
    (1 row)
    """
    if res.kind == "boolean":
        return ("yes" if res.boolean else "no") + "\n"
    res = res.as_bindings()
    names = names or {}
    texts = [[display(row.get(v), names) for v in res.variables] for row in res.rows]
    if max_width is None:
        cells = texts
    elif wrapped:
        split = [[wrap(c, max_width) for c in r] for r in texts]
        cells = [
            [(c[k] if k < len(c) else "") for c in r]
            for r in split
            for k in range(max(map(len, r), default=1))
        ]
    else:
        cells = [[clip(c, max_width) for c in r] for r in texts]
    numeric = [
        all(row.get(v) is None or row[v].datatype in NUMERIC for row in res.rows) and bool(res.rows)
        for v in res.variables
    ]
    widths = [max([width(v), *(width(r[i]) for r in cells)]) for i, v in enumerate(res.variables)]
    widths = [max(w, 6) for w in widths]
    lines = ["  ".join(pad(v, widths[i], numeric[i]) for i, v in enumerate(res.variables)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(pad(c, widths[i], numeric[i]) for i, c in enumerate(r)).rstrip() for r in cells]
    n = len(res.rows)
    lines.append(f"({n} row{'s' if n != 1 else ''})")
    return "\n".join(lines) + "\n"


def render(
    res: Results,
    fmt: str,
    names: dict[str, Term] | None = None,
    *,
    max_width: int | None = 70,
    wrapped: bool = False,
) -> str:
    """``res`` in one of :data:`FORMATS`; csv, tsv and json get a label column per IRI column.

    >>> render(Results("boolean", boolean=True), "json")
    '{"head":{},"boolean":true}\\n'
    """
    names = names or {}
    if fmt == "table":
        return to_table(res, {k: t.value for k, t in names.items()}, max_width, wrapped=wrapped)
    return {"csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](with_labels(res, names) if names else res)


def rows(res: Results) -> Iterator[dict[str, str]]:
    """Each row as a dict of plain values (IRIs and literal values), for tests and scripts."""
    for row in res.as_bindings().rows:
        yield {k: v.value for k, v in row.items()}
