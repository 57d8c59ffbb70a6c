"""The pages ``serve`` shows beside the SPARQL endpoint: every GET that is not ``/sparql``.

:func:`page` is a pure function of the output folder and the request, so the HTTP layer stays
free of page logic and the pages can be tested without a server.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

if TYPE_CHECKING:
    from graph.sparql.document import DocumentDossier
    from graph.sparql.dossier import Dossier, Paging

NO_VIEWER = """<!doctype html>
<html lang="en"><meta charset="utf-8"><title>nexus-kg</title>
<h1>nexus-kg</h1>
<p>No viewer page yet: run <code>nexus-kg build</code> to write it.</p>
<p>The SPARQL endpoint is at <a href="/sparql">/sparql</a>.</p>
</html>
"""


@dataclass(frozen=True)
class Page:
    """One HTTP answer: status, content type and body."""

    status: int
    content_type: str
    body: bytes


#: Finds one page of a dossier: (name, lang, page) → that page and where it sits.
#: (name, lang, page) → an entity's dossier page and its paging, or a document's dossier and None.
Dossiers = Callable[[str, str, int], "tuple[Dossier | DocumentDossier, Paging | None]"]


def page(out: Path, path: str, query: dict[str, list[str]], dossiers: Dossiers) -> Page | None:
    """The page at ``path`` (with parsed query string ``query``) for the graph in ``out``; None if none.

    Dossiers come from ``dossiers`` (the server's bounded workers, or :func:`local_dossiers`).

    Raises
    ------
    QueryError
        As ``dossiers`` raises it, but for an unknown entity or page (a 404 page).

    Examples
    --------
    >>> int(page(Path("no-such-folder"), "/", {}, local_dossiers(Path("no-such-folder"))).status)
    200
    >>> page(Path("no-such-folder"), "/nothing", {}, local_dossiers(Path("no-such-folder"))) is None
    True
    """
    if path in ("/", "/index.html"):
        return _html(workbench())
    if path == "/graph.html":
        viewer = out / "graph.html"
        body = viewer.read_bytes() if viewer.is_file() else NO_VIEWER.encode("utf-8")
        return Page(HTTPStatus.OK, "text/html; charset=utf-8", body)
    if path == "/entity" or path.startswith("/entity/"):
        return entity_page(urllib.parse.unquote(path[len("/entity/") :]), query, dossiers)
    return None


_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.S)


def security_headers(content_type: str, body: bytes) -> dict[str, str]:
    """The headers that keep a page from being turned against its reader.

    Every answer gets ``nosniff``; an HTML page also gets a Content-Security-Policy that allows
    only its own inline scripts (by hash), no framing and no requests but to this server.

    Examples
    --------
    >>> h = security_headers("text/html; charset=utf-8", b"<script>go()</script>")
    >>> h["X-Frame-Options"], "'sha256-" in h["Content-Security-Policy"]
    ('DENY', True)
    >>> security_headers("text/csv", b"")
    {'X-Content-Type-Options': 'nosniff'}
    """
    headers = {"X-Content-Type-Options": "nosniff"}
    if content_type.startswith("text/html"):
        hashes = sorted(
            {
                "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() + "'"
                for m in _INLINE_SCRIPT.finditer(body)
            }
        )
        headers |= {
            "Content-Security-Policy": (
                f"default-src 'none'; script-src {' '.join(hashes) or chr(39) + 'none' + chr(39)}; "
                "style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
            ),
            "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer",
        }
    return headers


def _html(text: str, status: int = HTTPStatus.OK) -> Page:
    return Page(status, "text/html; charset=utf-8", text.encode("utf-8"))


_CACHE: dict[str, tuple[tuple[str, float], ox.Store]] = {}
_LOCK = threading.Lock()


def _store(out: Path) -> ox.Store:
    """The store of ``out``, reopened when the build replaced it (keyed by its resolved path and mtime)."""
    from graph.rdf.store import open_source, store_source

    source = store_source(out).resolve()
    key = (str(source), source.stat().st_mtime)
    with _LOCK:
        hit = _CACHE.get(str(out))
        if hit is None or hit[0] != key:
            hit = (key, open_source(source))
            _CACHE[str(out)] = hit
        return hit[1]


def _message(title: str, text: str, status: int) -> Page:
    e = html.escape
    body = (
        f'<!doctype html><html lang="en"><meta charset="utf-8"><title>{e(title)}</title>'
        f'<p><a href="/">← workbench</a></p><h1>{e(title)}</h1><p id="message">{e(text)}</p></html>\n'
    )
    return _html(body, status)


def local_dossiers(out: Path) -> Dossiers:
    """Dossier pages answered in this process from the store of ``out`` (no time or memory limit:
    for tests and tools, never for the server, whose workers bound them)."""
    from graph.sparql import document, dossier

    def find(name: str, lang: str, number: int) -> tuple[Dossier | DocumentDossier, Paging | None]:
        store = _store(out)
        iri = dossier.resolve(store, name)
        if document.is_document(store, iri):
            return document.document_dossier(store, iri, lang=lang), None
        return dossier.paginate(dossier.dossier(store, iri, lang=lang), number)

    return find


def entity_page(ident: str, query: dict[str, list[str]], dossiers: Dossiers) -> Page:
    """The dossier page of the entity or document ``ident`` (an id), or of ``?name=`` (any label
    or alias); ``?page=N`` for an entity's claims and passages past the first page; ``?lang=en``
    for English names.

    Raises
    ------
    QueryError
        As ``dossiers`` raises it (over a limit, a worker crash), but for an unknown entity.
    """
    from graph.sparql import document, dossier

    name = ident or (query.get("name") or [""])[0]
    lang = (query.get("lang") or ["zh"])[0]
    number = (query.get("page") or ["1"])[0]
    if not name.strip():
        return _message("No entity", "give a name: /entity?name=…", HTTPStatus.BAD_REQUEST)
    if not number.isascii() or not number.isdigit() or len(number) > 9:
        return _message(
            "No such page", f"page={number}: give a page number, 1 or more", HTTPStatus.BAD_REQUEST
        )
    try:
        found, paging = dossiers(name, lang if lang in ("zh", "en") else "zh", int(number))
    except dossier.UnknownEntity as exc:
        return _message("Unknown entity", str(exc), HTTPStatus.NOT_FOUND)
    if isinstance(found, document.DocumentDossier):  # a document: what it is, states and says
        return _html(document.to_html(found))
    return _html(dossier.to_html(found, paging))


def _script_json(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def workbench() -> str:
    """The workbench page: saved questions, a SPARQL box whose answers link to dossiers, the viewer."""
    from graph.ns import ID_URI
    from graph.sparql.query import query_prefixes
    from graph.sparql.saved import saved_queries

    questions = saved_queries()
    saved: list[dict[str, object]] = [
        {
            "name": q.name,
            "zh": q.title_zh,
            "en": q.title_en,
            "description": q.description,
            "text": q.text,
            "arguments": [
                {"name": a.name, "kind": a.kind, "description": a.description, "default": a.default}
                for a in q.arguments
            ],
        }
        for q in questions
    ]
    e = html.escape
    items = "\n".join(
        f'<li><button type="button" class="saved" data-name="{e(q.name)}">{e(q.title_zh)}</button> '
        f'<span class="en">{e(q.title_en)}</span><div class="desc">{e(q.description)}</div></li>'
        for q in questions
    )
    prefixes = ", ".join(f"{p}:" for p in sorted(query_prefixes()))
    data = {"queries": saved, "id": ID_URI, "prefixes": query_prefixes()}
    return (
        WORKBENCH.replace("@ITEMS@", items)
        .replace("@PREFIXES@", e(prefixes))
        .replace("@DATA@", _script_json(data))
    )


WORKBENCH = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>nexus-kg workbench</title>
<style>
body{font:15px/1.45 system-ui,'Noto Sans CJK SC',sans-serif;margin:0;display:grid;
grid-template-columns:22em 1fr;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/3;padding:.4em 1em;background:#223;color:#fff}header a{color:#cde}
#side{overflow:auto;padding:.5em 1em;border-right:1px solid #ddd}#side ul{padding:0;list-style:none}
#side li{margin:.5em 0}.saved{font:inherit;text-align:left;cursor:pointer;background:#eef;border:1px solid #ccd;
border-radius:3px}.en{color:#555}.desc{font-size:85%;color:#666}
main{overflow:auto;padding:.5em 1em}textarea{width:100%;height:9em;font:13px monospace}
table{border-collapse:collapse;margin:.5em 0}td,th{border-bottom:1px solid #ddd;padding:2px 8px;
text-align:left;vertical-align:top}td small{color:#777}#status{color:#555}#status.error{color:#b00}
#args label{display:block;margin:.3em 0}#args small{color:#666}
</style></head><body>
<header><b>nexus-kg workbench</b> · <a href="/graph.html">graph viewer</a> ·
<a href="/sparql">SPARQL endpoint</a>
<form id="find" action="/entity" method="get" style="display:inline;margin-left:2em">
<input name="name" placeholder="entity: any name, either script" size="28"> <button>dossier</button></form></header>
<nav id="side"><h2>Saved questions</h2><ul id="saved">
@ITEMS@
</ul></nav>
<main>
<h2>SPARQL</h2>
<p><small>Predeclared prefixes: @PREFIXES@</small></p>
<textarea id="sparql" spellcheck="false">SELECT ?group ?crime WHERE { ?group :benefitsFrom ?crime } LIMIT 20</textarea>
<div id="args"></div>
<p><button type="button" id="run">Run</button> <button type="button" id="csv" hidden>Download CSV</button>
<span id="status"></span></p>
<div id="results"></div>
<h2>Graph viewer</h2>
<p><a id="viewer" href="/graph.html">Open the graph viewer</a> (its own page: no page of this server may be framed)</p>
</main>
<pre id="js-errors" hidden></pre>
<script type="application/json" id="data">@DATA@</script>
<script>
"use strict";
(function () {
  const root = document.documentElement;
  const errors = document.getElementById("js-errors");
  window.addEventListener("error", function (ev) {
    root.setAttribute("data-errors", "1");
    errors.hidden = false;
    errors.textContent += String(ev.message) + "\\n";
  });
  const DATA = JSON.parse(document.getElementById("data").textContent);
  const box = document.getElementById("sparql");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const RDFS = "http://www.w3.org/2000/01/rdf-schema#label";
  const SKOS = "http://www.w3.org/2004/02/skos/core#prefLabel";

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const k in attrs || {}) node.setAttribute(k, attrs[k]);
    return node;
  }
  function compact(iri) {
    let best = null;
    for (const p in DATA.prefixes) {
      const ns = DATA.prefixes[p];
      if (iri.startsWith(ns) && p && (!best || ns.length > best[1].length)) best = [p, ns];
    }
    return best ? best[0] + ":" + iri.slice(best[1].length) : iri;
  }
  async function post(request, accept) {
    const resp = await fetch("/sparql", {method: "POST", body: request.body,
      headers: {"Content-Type": request.type, "Accept": accept}});
    const body = await resp.text();
    if (!resp.ok) throw new Error("HTTP " + resp.status + ": " + body.trim());
    return body;
  }
  async function sparql(text) {
    return JSON.parse(await post({body: text, type: "application/sparql-query"},
                                 "application/sparql-results+json"));
  }
  // a saved question's arguments: one field each; the server binds the values as data
  const argsBox = document.getElementById("args");
  const csvButton = document.getElementById("csv");
  let current = null, last = null;
  function showArguments(q, given) {
    argsBox.replaceChildren();
    for (const a of q.arguments) {
      const label = el("label", a.name + " ");
      const input = el("input", null, {name: a.name, "class": "arg", size: "30", "data-kind": a.kind});
      input.value = given && given.has(a.name) ? given.get(a.name) : a.default;
      label.appendChild(input);
      label.appendChild(el("small", " " + a.description + " (default: " + a.default + ")"));
      argsBox.appendChild(label);
    }
  }
  function request() {
    if (current && box.value === current.text) {
      const form = new URLSearchParams([["saved", current.name]]);
      for (const input of argsBox.querySelectorAll("input.arg")) form.append("arg", input.name + "=" + input.value);
      return {body: form.toString(), type: "application/x-www-form-urlencoded", name: current.name};
    }
    return {body: box.value, type: "application/sparql-query", name: "query"};
  }
  csvButton.addEventListener("click", async function () {
    if (!last) return;
    try {
      const text = await post(last, "text/csv");
      const a = el("a", null, {download: last.name + ".csv",
                               href: URL.createObjectURL(new Blob([text], {type: "text/csv"}))});
      document.body.appendChild(a);
      a.click();
      a.remove();
    } catch (err) {
      status.className = "error";
      status.textContent = String(err.message || err);
    }
  });
  function rank(b) {
    const lang = (b["xml:lang"] || "").toLowerCase();
    return lang.startsWith("zh") ? 0 : lang === "" ? 1 : lang === "en" ? 2 : 3;
  }
  async function labels(iris) {
    const names = {};
    if (!iris.length) return names;
    const values = iris.slice(0, 500).map(function (i) { return "<" + i + ">"; }).join(" ");
    const ans = await sparql("SELECT ?s ?l WHERE { VALUES ?s { " + values + " } ?s <" + RDFS + ">|<" + SKOS +
      "> ?l }");
    for (const row of ans.results.bindings) {
      const s = row.s.value, l = row.l;
      if (!(s in names) || rank(l) < rank(names[s])) names[s] = l;
    }
    return names;
  }
  function cell(term, names) {
    const td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      const name = names[term.value] ? names[term.value].value : compact(term.value);
      if (term.value.startsWith(DATA.id)) {
        const a = el("a", name, {href: "/entity/" + encodeURIComponent(term.value.slice(DATA.id.length)),
                                  "class": "entity"});
        td.appendChild(a);
      } else td.appendChild(el("span", name));
      if (names[term.value]) td.appendChild(el("small", " " + compact(term.value)));
    } else td.textContent = term.value;
    return td;
  }
  async function run() {
    status.className = "";
    status.textContent = "running…";
    results.replaceChildren();
    csvButton.hidden = true;
    try {
      const req = request();
      const ans = JSON.parse(await post(req, "application/sparql-results+json"));
      if ("boolean" in ans) { status.textContent = ans.boolean ? "yes" : "no"; return; }
      const vars = ans.head.vars, rows = ans.results.bindings;
      const iris = new Set();
      for (const row of rows) for (const v of vars) if (row[v] && row[v].type === "uri") iris.add(row[v].value);
      const names = await labels(Array.from(iris).sort());
      const table = el("table", null, {id: "answer"});
      const head = el("tr");
      for (const v of vars) head.appendChild(el("th", v));
      table.appendChild(head);
      for (const row of rows) {
        const tr = el("tr");
        for (const v of vars) tr.appendChild(cell(row[v], names));
        table.appendChild(tr);
      }
      results.appendChild(table);
      last = req;
      csvButton.hidden = false;
      status.textContent = rows.length + (rows.length === 1 ? " row" : " rows");
      root.setAttribute("data-rows", String(rows.length));
    } catch (err) {
      status.className = "error";
      status.textContent = String(err.message || err);
      root.setAttribute("data-failed", "1");
    }
  }
  document.getElementById("run").addEventListener("click", run);
  box.addEventListener("keydown", function (ev) { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) run(); });
  for (const button of document.querySelectorAll("button.saved")) {
    button.addEventListener("click", function () {
      const q = DATA.queries.find(function (x) { return x.name === button.dataset.name; });
      current = q;
      box.value = q.text;
      showArguments(q, button.given);
      button.given = null;
      run();
    });
  }
  box.addEventListener("input", function () { if (current && box.value !== current.text) argsBox.replaceChildren(); });
  // #query=… fills the box and runs it; #saved=NAME runs a saved question, its other keys filling
  // the question's fields (#saved=documents-mentioning&entity=ISIL); links can share either
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.has("query")) { box.value = hash.get("query"); document.getElementById("run").click(); }
  else if (hash.has("saved")) {
    const b = document.querySelector('button.saved[data-name="' + CSS.escape(hash.get("saved")) + '"]');
    if (b) { b.given = hash; b.click(); }
  }
  root.setAttribute("data-ready", "1");
})();
</script>
</body></html>
"""


def not_found(path: str) -> Page:
    """The 404 answer for ``path``."""
    text = f"404 Not Found: {html.escape(path)}: nothing here; try /sparql\n"
    return Page(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", text.encode("utf-8"))
