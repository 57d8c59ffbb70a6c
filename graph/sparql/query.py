"""SPARQL over the graph: the prologue, running a query locally or at an endpoint, labels.

Saved questions are in :mod:`graph.sparql.saved`, result formats in :mod:`graph.sparql.table`.

Results are plain records (:class:`Results` of :class:`Term`), whatever answered the query, so
the same formatting serves the local store, a remote endpoint and the HTTP server.

Examples
--------
>>> import pyoxigraph as ox
>>> from graph.sparql.table import to_csv, to_table
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

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

import pyoxigraph as ox

from graph.errors import QueryError
from graph.ns import NX_URI, PREFIXES, declared_terms
from graph.sparql.results import Results, Term

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
FORMATS = ("table", "csv", "tsv", "json")


class QuerySyntaxError(QueryError):
    """The query does not parse; the message gives the parser's line, column and expectation."""


class QueryRefused(QueryError):
    """The request is a SPARQL Update, or otherwise not allowed on the read-only graph."""


class ResultTooLarge(QueryError):
    """The query returned more rows or triples than the limit."""


class QueryTimeout(QueryError):
    """The query ran longer than the time limit."""


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
    r'\\.|#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>',
    re.DOTALL,
)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _codepoints(text: str) -> str:
    """SPARQL's codepoint escapes (\\u0041, \\U00000041) replaced, as the grammar sees them."""

    def char(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code < 0x110000 and not 0xD800 <= code < 0xE000 else "\ufffd"

    return _CODEPOINT.sub(char, text)


_FROM = re.compile(r"(?<![\w:?$.\-])FROM\b", re.IGNORECASE)


def code_only(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked, to look for keywords.

    Codepoint escapes are read first, as the SPARQL grammar reads them (``<urn:x\\u0041#>`` is
    one IRI, not an IRI cut by a comment), and an escaped character outside strings
    (``nx:a\\'b``) starts no string.

    >>> code_only('ASK { <urn:FROM> ?p "SERVICE" } # FROM').split()
    ['ASK', '{', '?p', '}']
    >>> code_only('ASK { BIND(<urn:x\\u0041#> AS ?z) SERVICE <urn:s> {} }').split()
    ['ASK', '{', 'BIND(', 'AS', '?z)', 'SERVICE', '{}', '}']
    >>> "SERVICE" in code_only("ASK { nx:a\\'b ?p ?o . SERVICE <urn:s> { ?a ?b ?c } }")
    True
    """

    def blank(m: re.Match[str]) -> str:
        return m.group(0) if m.group(0).startswith("\\") else " "

    return _NOT_CODE.sub(blank, _codepoints(text))


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


def unknown_terms(text: str) -> list[tuple[str, str | None]]:
    """Ontology terms ``text`` names that ``ontology/nexus.ttl`` does not declare, each with the nearest real one.

    Prefixed names in the ``nx:`` namespace (``nx:``, ``:`` or any prefix the query binds to
    it) and full ``<…ontology#…>`` IRIs are checked; strings and comments are not.

    >>> unknown_terms("SELECT * WHERE { ?g :benefitFrom ?c ; nx:text ?t }")
    [(':benefitFrom', 'benefitsFrom')]
    """
    import difflib

    terms = declared_terms()
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
        # A term is converted once per answer, however many rows repeat it (the same entities,
        # relations and documents recur in most rows of a large answer).
        terms: dict[object, Term] = {}

        def converted(node: object) -> Term:
            t = terms.get(node)
            if t is None:
                t = terms[node] = term(node)
            return t

        return Results(
            "bindings",
            names,
            tuple({n: converted(v) for n, v in zip(names, s, strict=True) if v is not None} for s in rows),  # type: ignore[call-overload]
        )
    triples = _capped(answer, limit, "triples")  # type: ignore[arg-type]
    return Results(
        "graph",
        triples=tuple((term(t.subject), term(t.predicate), term(t.object)) for t in triples),  # type: ignore[attr-defined]
    )


#: How deeply brackets may nest in a query: the parser recurses once per level, and a few
#: thousand levels overflow its stack (the process dies), so deeper queries are refused first.
MAX_NESTING = 256


def nesting(text: str) -> int:
    """The deepest nesting of ``()``, ``{}`` and ``[]`` in ``text``, outside strings, IRIs and comments.

    >>> nesting('SELECT * WHERE { FILTER((1)) ?s ?p "((((" }')
    3
    """
    depth = deepest = 0
    for ch in re.sub(r"[^(){}\[\]]+", "", code_only(text)):
        depth += 1 if ch in "({[" else -1
        deepest = max(deepest, depth)
    return deepest


def execute(
    store: ox.Store,
    text: str,
    *,
    source: str = "query",
    limit: int | None = None,
    default_graphs: Sequence[str] = (),
    named_graphs: Sequence[str] = (),
    base_iri: str | None = None,
    bindings: Mapping[str, str | ox.NamedNode | ox.Literal] | None = None,
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
    bindings : mapping of str to str or term, optional
        Variables (without ``?``, projected by the query) bound before evaluation, as data: user
        input reaches the engine this way, never spliced into ``text``. A string is an IRI (an
        invalid one is a ``QueryError``); a ``pyoxigraph`` term is bound as it is.

    Raises
    ------
    QueryRefused
        If ``text`` is a SPARQL Update.
    QuerySyntaxError
        If ``text`` does not parse (the message gives line and column), or nests brackets
        deeper than :data:`MAX_NESTING`.
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
    depth = nesting(text)
    if depth > MAX_NESTING:
        raise QuerySyntaxError(f"{source}: brackets nested {depth} deep, over the limit of {MAX_NESTING}")
    options: dict[str, object] = {"prefixes": query_prefixes(), "base_iri": base_iri}
    if default_graphs or named_graphs:
        try:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        except ValueError as exc:
            raise QueryError(f"{source}: bad graph IRI: {exc}") from exc
    elif not _FROM.search(code_only(text)):  # a query's own FROM chooses its dataset
        options["use_default_graph_as_union"] = True
    if bindings:
        try:
            options["substitutions"] = {
                ox.Variable(k): ox.NamedNode(v) if isinstance(v, str) else v for k, v in bindings.items()
            }
        except ValueError as exc:
            raise QueryError(f"{source}: not an IRI: {exc}") from exc
    try:
        answer = store.query(text, **options)  # type: ignore[arg-type]
        return from_oxigraph(answer, limit)
    except SyntaxError as exc:
        raise QuerySyntaxError(_syntax_message(exc, source, text)) from exc
    except (OSError, ValueError, TypeError, RuntimeError) as exc:  # evaluation errors, e.g. a bad IRI
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
    import urllib.error
    import urllib.request  # here: loading it (http, ssl, email) costs a local query 15 ms

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


def result_iris(res: Results) -> set[str]:
    """Every IRI in the results (to look labels up for)."""
    return {t.value for row in res.as_bindings().rows for t in row.values() if t.kind == "uri"}
