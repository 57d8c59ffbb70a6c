"""Result formats: SPARQL JSON, XML, CSV and TSV (pyoxigraph's writers where they fit), N-Triples,
Turtle, and the terminal table (East Asian widths, wrapping)."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterator

import pyoxigraph as ox

from graph.ns import PREFIXES
from graph.script import visible, xml_chars
from graph.sparql.results import NUMERIC, Results, Term, ox_term

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
    out = answer.serialize(format=fmt)  # type: ignore[arg-type]
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
    """SPARQL Query Results XML Format (characters XML 1.0 cannot carry become U+FFFD)."""
    return xml_chars(_xml(res))


def _xml(res: Results) -> str:
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
    # here, not at the top: xml.sax.saxutils loads urllib.request (http, email, ssl), which cost
    # every query command's start-up
    from xml.sax.saxutils import escape, quoteattr

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
    if t.datatype in NUMERIC:
        return grouped(t.value)
    return " ".join(t.value.split())


def grouped(number: str) -> str:
    """A number of five digits or more with thousands separators; a shorter one (a year, a
    count) and anything that is not a plain number as it is.

    >>> grouped("155000000"), grouped("35000000.5"), grouped("2015"), grouped("-12345"), grouped("1e9")
    ('155,000,000', '35,000,000.5', '2015', '-12,345', '1e9')
    """
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    whole, dot, frac = digits.partition(".")
    if not whole.isdigit() or (frac and not frac.isdigit()) or len(whole) < 5:
        return number
    return f"{sign}{int(whole):,}{dot}{frac}"


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

    The table is for a terminal, so its control and bidi characters are written out (``\\u001b``);
    csv, tsv and json keep the values exact.

    >>> render(Results("boolean", boolean=True), "json")
    '{"head":{},"boolean":true}\\n'
    """
    names = names or {}
    if fmt == "table":  # for a terminal: control and bidi characters written out
        return visible(to_table(res, {k: t.value for k, t in names.items()}, max_width, wrapped=wrapped))
    return {"csv": to_csv, "tsv": to_tsv, "json": to_json}[fmt](with_labels(res, names) if names else res)


def rows(res: Results) -> Iterator[dict[str, str]]:
    """Each row as a dict of plain values (IRIs and literal values), for tests and scripts."""
    for row in res.as_bindings().rows:
        yield {k: v.value for k, v in row.items()}


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
