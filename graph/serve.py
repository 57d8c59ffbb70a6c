"""A read-only SPARQL 1.1 Protocol endpoint at ``/sparql`` and the viewer page at ``/``.

Each query runs in a worker process with a time limit: a query that runs too long is answered
503 and its worker is killed and replaced, so the server keeps serving the others. (pyoxigraph
releases the GIL while it evaluates, so threads would run queries in parallel, but a Python
thread cannot be stopped, and a runaway query would hold its CPU and memory until it ends.) Answers larger than the row limit get 413, SPARQL Update 403,
malformed queries 400 with the parser's line and column.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import queue
import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path

from graph import pages
from graph.errors import GraphError, QueryError
from graph.query import (
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    Results,
    ResultTooLarge,
    execute,
    to_csv,
    to_json,
    to_ntriples,
    to_tsv,
    to_turtle,
    to_xml,
    update_keyword,
)
from graph.store import open_source, store_source

RESULT_TYPES: dict[str, Callable[[Results], str]] = {
    "application/sparql-results+json": to_json,
    "application/sparql-results+xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
    "application/json": to_json,
    "application/xml": to_xml,
}
GRAPH_TYPES: dict[str, Callable[[Results], str]] = {
    "text/turtle": to_turtle,
    "application/n-triples": to_ntriples,
    "text/plain": to_ntriples,
}
ERRORS: dict[type[QueryError], HTTPStatus] = {
    QuerySyntaxError: HTTPStatus.BAD_REQUEST,
    QueryRefused: HTTPStatus.FORBIDDEN,
    ResultTooLarge: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    QueryTimeout: HTTPStatus.SERVICE_UNAVAILABLE,
}
_ERROR_NAMES = {cls.__name__: cls for cls in (*ERRORS, QueryError)}


def negotiate(accept: str | None, offers: dict[str, Callable[[Results], str]]) -> str | None:
    """The media type of ``offers`` that the ``Accept`` header ranks highest (first offer if none).

    Returns None when the header accepts none of them.

    Examples
    --------
    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_TYPES)
    'application/sparql-results+xml'
    >>> negotiate("*/*", GRAPH_TYPES), negotiate(None, GRAPH_TYPES)
    ('text/turtle', 'text/turtle')
    >>> negotiate("image/png", RESULT_TYPES) is None
    True
    """
    if not accept or not accept.strip():
        return next(iter(offers))
    ranked: list[tuple[float, int, int, str]] = []
    for pos, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        mtype, q = fields[0].lower(), 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        for order, offer in enumerate(offers):
            exact = mtype == offer
            if exact or mtype == "*/*" or (mtype.endswith("/*") and offer.startswith(mtype[:-1])):
                ranked.append((-q, 0 if exact else 1, order if not exact else pos, offer))
    return min(ranked)[3] if ranked else None


# ---------------------------------------------------------------- worker processes


def _worker(conn: Connection, source: str) -> None:
    """Worker process: open the graph once, then answer (query, limit, graphs) messages."""
    try:
        store = open_source(Path(source))
    except GraphError as exc:
        conn.send(("QueryError", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            text, limit, graphs = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", execute(store, text, limit=limit, default_graphs=graphs)))
        except QueryError as exc:
            conn.send((type(exc).__name__, str(exc)))


@dataclass(eq=False)
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Worker processes that each hold the graph open; a query over its time limit kills its worker.

    Raises
    ------
    QueryError
        At start, if the graph cannot be opened.
    """

    def __init__(self, source: Path, size: int = 2) -> None:
        self.source = source
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, size)):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        mine, theirs = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker, args=(theirs, str(self.source)), daemon=True)
        proc.start()
        theirs.close()
        worker = _Worker(proc, mine)
        if not mine.poll(120):
            worker.stop()
            raise QueryError(f"{self.source}: the query worker did not start")
        status, message = mine.recv()
        if status != "ready":
            worker.stop()
            raise QueryError(message)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)

        def respawn() -> None:
            if not self._closed:
                with contextlib.suppress(QueryError):
                    self._idle.put(self._spawn())

        threading.Thread(target=respawn, daemon=True).start()

    def run(self, text: str, *, timeout: float, limit: int | None, graphs: tuple[str, ...] = ()) -> Results:
        """Answer ``text`` in a worker within ``timeout`` seconds.

        Raises
        ------
        QueryTimeout
            If no worker is free, or the query runs longer than ``timeout``.
        QueryError
            Or a subclass, as :func:`graph.query.execute` raises it.
        """
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"every query worker stayed busy for {timeout:g} s; try again") from None
        healthy = False
        try:
            worker.conn.send((text, limit, graphs))
            if not worker.conn.poll(timeout):
                raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped")
            status, payload = worker.conn.recv()
            healthy = True
        except (EOFError, OSError) as exc:
            raise QueryError("the query worker stopped unexpectedly") from exc
        finally:
            if healthy:
                self._idle.put(worker)
            else:
                self._replace(worker)
        if status == "ok":
            return payload  # type: ignore[no-any-return]
        raise _ERROR_NAMES.get(status, QueryError)(payload)

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()


# ---------------------------------------------------------------- HTTP


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: its handler answers with :attr:`pool` under the configured limits."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        out: Path,
        pool: WorkerPool,
        *,
        timeout: float,
        max_results: int,
        log: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(address, Handler)
        self.out, self.pool = out, pool
        self.query_timeout, self.max_results = timeout, max_results
        self.log = log

    @property
    def url(self) -> str:
        """The endpoint's URL, e.g. ``http://127.0.0.1:7878/sparql``."""
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else host
        return f"http://{name}:{port}/sparql"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


class Handler(BaseHTTPRequestHandler):
    """GET and POST ``/sparql`` (SPARQL 1.1 Protocol, query operation only); GET ``/`` the viewer."""

    server: SparqlServer
    server_version = "nexus-kg"

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log:
            self.server.log(f"{self.address_string()} {format % args}")

    def _send(self, status: int, body: str, ctype: str = "text/plain; charset=utf-8") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, f"{status.value} {status.phrase}: {message}\n")

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/sparql":
            self._answer(urllib.parse.parse_qs(url.query, keep_blank_values=True))
            return
        found = pages.page(self.server.out, url.path, urllib.parse.parse_qs(url.query, keep_blank_values=True))
        answer = found or pages.not_found(url.path)
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, f"{url.path}: nothing here; the endpoint is /sparql")
            return
        size = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(size).decode("utf-8", "replace") if size else ""
        ctype = (self.headers.get_content_type() or "").lower()
        params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        if ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed; this endpoint is read-only")
        elif ctype == "application/sparql-query":
            self._answer({**params, "query": [body]})
        elif ctype == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body, keep_blank_values=True)
            self._answer({**params, **form})
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"{ctype or 'no content type'}: send application/sparql-query or a form with query=",
            )

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed; this endpoint is read-only")
            return
        texts = params.get("query") or [""]
        if len(texts) != 1 or not texts[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one query (the query parameter, or the body)")
            return
        op = update_keyword(texts[0])
        if op:
            self._error(HTTPStatus.FORBIDDEN, f"SPARQL Update ({op}) is not allowed; the endpoint is read-only")
            return
        srv = self.server
        try:
            res = srv.pool.run(
                texts[0],
                timeout=srv.query_timeout,
                limit=srv.max_results,
                graphs=tuple(params.get("default-graph-uri", ())),
            )
        except QueryError as exc:
            self._error(ERRORS.get(type(exc), HTTPStatus.BAD_REQUEST), str(exc))
            return
        offers = GRAPH_TYPES if res.kind == "graph" else RESULT_TYPES
        if res.kind == "boolean":
            offers = {k: v for k, v in RESULT_TYPES.items() if "csv" not in k and "tab" not in k}
        mtype = negotiate(self.headers.get("Accept"), offers)
        if mtype is None:
            self._error(HTTPStatus.NOT_ACCEPTABLE, "the Accept header allows none of: " + ", ".join(offers))
            return
        self._send(HTTPStatus.OK, offers[mtype](res), f"{mtype}; charset=utf-8")


def make_server(
    out: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 30.0,
    max_results: int = 10000,
    workers: int = 2,
    log: Callable[[str], None] | None = None,
) -> SparqlServer:
    """A ready (not yet serving) endpoint over the graph in ``out``; port 0 picks a free port.

    Raises
    ------
    QueryError
        If ``out`` holds no graph or the port cannot be bound.
    """
    pool = WorkerPool(store_source(out), workers)
    try:
        return SparqlServer((host, port), out, pool, timeout=timeout, max_results=max_results, log=log)
    except OSError as exc:
        pool.close()
        raise QueryError(f"{host}:{port}: cannot listen: {exc.strerror}; try another --port") from exc


def serve(out: Path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 30.0,
          max_results: int = 10000, workers: int = 2, log: Callable[[str], None] = print) -> None:
    """Serve the graph in ``out`` until interrupted (Ctrl-C)."""
    server = make_server(out, host, port, timeout=timeout, max_results=max_results, workers=workers, log=log)
    if host not in ("127.0.0.1", "localhost", "::1"):
        log(f"warning: listening on {host}; anyone who can reach this port can query the graph")
    log(f"serving {server.url} (viewer at {server.url[: -len('sparql')]}); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log("stopped")
    finally:
        server.server_close()
