"""A read-only SPARQL 1.1 Protocol endpoint at ``/sparql`` and the pages of :mod:`graph.sparql.pages`.

Queries and dossier pages are answered by the workers of :mod:`graph.sparql.pool` (time, memory
and size limits, fair per client); what a query may ask is :mod:`graph.sparql.guard`'s rule, and
the answer's format :mod:`graph.sparql.negotiate`'s. The endpoint answers only from its own
store: ``SERVICE`` is refused (400), updates and ``LOAD`` are refused (403), and ``FROM`` names
graphs of the store. CORS is off unless one origin is allowed, the ``Host`` header must name the
bound address (a DNS-rebinding guard), a POST from another site's page is refused (403), and
every HTML page carries a Content-Security-Policy. See ``docs/security.md``.

The HTTP layer is the standard library's threaded server, with HTTP/1.1 keep-alive, a socket
timeout per connection, a listen backlog and a connection cap: the endpoint serves loopback
clients, and this keeps it free of a server dependency while every limit stays explicit here.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError
from graph.rdf.store import store_source
from graph.sparql import dossier, guard, pages
from graph.sparql.negotiate import negotiate, offers_for
from graph.sparql.pool import MB, DossierJob, Limits, MemoryExceeded, WorkerCrashed, WorkerPool
from graph.sparql.query import QueryRefused, QuerySyntaxError, QueryTimeout, ResultTooLarge, term
from graph.sparql.results import Results

ERRORS: dict[type[QueryError], HTTPStatus] = {
    QuerySyntaxError: HTTPStatus.BAD_REQUEST,
    guard.RemoteRefused: HTTPStatus.BAD_REQUEST,
    QueryRefused: HTTPStatus.FORBIDDEN,
    ResultTooLarge: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    QueryTimeout: HTTPStatus.SERVICE_UNAVAILABLE,
    MemoryExceeded: HTTPStatus.SERVICE_UNAVAILABLE,
    WorkerCrashed: HTTPStatus.INTERNAL_SERVER_ERROR,
    dossier.UnknownEntity: HTTPStatus.NOT_FOUND,
}

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
ALLOW = "GET, HEAD, POST, OPTIONS"


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: its handler answers with :attr:`pool` under :attr:`limits`."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        out: Path,
        pool: Callable[[], WorkerPool],
        *,
        timeout: float,
        max_results: int,
        log: Callable[[str], None] | None = None,
        cors: str | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.out, self.log, self.cors = out, log, cors
        base = limits or Limits()
        self.limits = Limits(**{**base.__dict__, "timeout": timeout, "max_results": max_results})
        self.query_timeout, self.max_results = timeout, max_results
        self.request_queue_size = self.limits.backlog
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self._slots = threading.BoundedSemaphore(self.limits.max_connections)
        super().__init__(address, Handler)
        # the workers start once the address is bound: a port in use stops nothing half-started
        try:
            self.pool: WorkerPool = pool()
        except BaseException:
            super().server_close()
            raise

    @property
    def url(self) -> str:
        """The endpoint's URL, e.g. ``http://127.0.0.1:7878/sparql``."""
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes | bytearray) else str(host)
        return f"http://{'[' + name + ']' if ':' in name else name}:{port}/sparql"

    def host_allowed(self, header: str | None) -> bool:
        """True if a request's ``Host`` header names this server (see :func:`graph.sparql.guard.host_allowed`)."""
        return guard.host_allowed(header, str(self.server_address[0]), int(self.server_address[1]))

    def process_request(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        if not self._slots.acquire(blocking=False):
            body = b"503 Service Unavailable: too many open connections; try again\n"
            with contextlib.suppress(OSError):
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
                )
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: object, client_address: object) -> None:
        """One log line, not a traceback, for a connection that failed."""
        import sys

        exc = sys.exc_info()[1]
        if self.log:
            self.log(f"{client_address}: connection dropped: {type(exc).__name__}: {exc}")

    def server_close(self) -> None:
        super().server_close()
        pool: WorkerPool | None = getattr(self, "pool", None)
        if pool is not None:
            pool.close()


class Handler(BaseHTTPRequestHandler):
    """SPARQL 1.1 Protocol (query operation) at ``/sparql``; every other GET from :func:`graph.sparql.pages.page`."""

    server: SparqlServer
    server_version = "nexus-kg"
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.timeout = self.server.limits.connection_timeout  # type: ignore[misc]
        super().setup()

    def parse_request(self) -> bool:
        self.arrival = time.monotonic()
        return super().parse_request()

    def log_message(self, format: str, *args: object) -> None:
        if self.server.log:
            self.server.log(f"{self.address_string()} {format % args}")

    def _common_headers(self) -> None:
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            self.send_header("Vary", "Origin")

    def _send_bytes(self, status: int, data: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in {**pages.security_headers(ctype, data), **(extra or {})}.items():
            self.send_header(k, v)
        if self.close_connection:
            self.send_header("Connection", "close")
        self._common_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _send(
        self,
        status: int,
        body: str,
        ctype: str = "text/plain; charset=utf-8",
        extra: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8")
        limit = self.server.limits.max_response
        if status == HTTPStatus.OK and len(data) > limit:
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the answer is {len(data) / MB:.1f} MB, over the {limit / MB:g} MB response limit",
            )
            return
        self._send_bytes(status, data, ctype, {"Vary": "Accept", **(extra or {})})

    def _error(self, status: HTTPStatus, message: str, extra: dict[str, str] | None = None) -> None:
        self._send(status, f"{status.value} {status.phrase}: {message}\n", extra=extra)

    def _guard(self) -> bool:
        """Refuse a request whose Host header names another server; True if it may go on."""
        if self.server.host_allowed(self.headers.get("Host")):
            return True
        self.close_connection = True
        self._error(
            HTTPStatus.MISDIRECTED_REQUEST,
            f"Host {self.headers.get('Host')!r} is not this server; use {self.server.url}",
        )
        return False

    def do_OPTIONS(self) -> None:
        if not self._guard():
            return
        extra = {"Allow": ALLOW}
        if self.server.cors:
            extra |= {
                "Access-Control-Allow-Methods": ALLOW,
                "Access-Control-Allow-Headers": "Content-Type, Accept",
            }
        self._send_bytes(HTTPStatus.NO_CONTENT, b"", "text/plain; charset=utf-8", extra)

    def _not_allowed(self) -> None:
        if self._guard():
            self._discard_body()
            self._error(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"{self.command}: the endpoint is read-only",
                extra={"Allow": ALLOW},
            )

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    def _discard_body(self) -> None:
        size = self._content_length()
        if size is None or size > self.server.limits.max_body:
            self.close_connection = True
        elif size:
            self.rfile.read(size)

    def _content_length(self) -> int | None:
        raw = self.headers.get("Content-Length")
        if raw is None:
            return 0
        return int(raw) if re.fullmatch(r"\s*\d{1,18}\s*", raw) else None

    def _params(self, text: str, charset: str = "utf-8") -> dict[str, list[str]] | None:
        try:
            return urllib.parse.parse_qs(text, keep_blank_values=True, encoding=charset, errors="strict")
        except UnicodeDecodeError:
            self._error(HTTPStatus.BAD_REQUEST, f"the parameters are not valid {charset}")
            return None

    def do_GET(self) -> None:
        if not self._guard():
            return
        url = urllib.parse.urlsplit(self.path)
        params = self._params(url.query)
        if params is None:
            return
        if url.path == "/sparql":
            if not params:
                self._describe()
            else:
                self._answer(params)
            return
        try:
            answer = pages.page(self.server.out, url.path, params, self._dossier) or pages.not_found(url.path)
        except QueryError as exc:
            self._error(ERRORS.get(type(exc), HTTPStatus.INTERNAL_SERVER_ERROR), str(exc))
            return
        self._send_bytes(answer.status, answer.body, answer.content_type)

    def _dossier(self, name: str, lang: str, number: int) -> tuple[dossier.Dossier, dossier.Paging]:
        """A page of a dossier from the workers, under the same limits as a query."""
        srv = self.server
        job = DossierJob(name, lang, number, srv.limits.max_response)
        client, arrival = str(self.client_address[0]), getattr(self, "arrival", None)
        found = srv.pool.do(job, timeout=srv.limits.timeout, client=client, arrival=arrival)
        return found  # type: ignore[return-value]

    do_HEAD = do_GET

    def _same_origin(self) -> bool:
        """False for a request a browser sent from another site's page (see :func:`graph.sparql.guard.same_origin`)."""
        return guard.same_origin(self.headers.get("Origin"), self.headers.get("Host"), self.server.cors)

    def do_POST(self) -> None:
        if not self._guard():
            return
        if not self._same_origin():
            self._discard_body()
            self._error(
                HTTPStatus.FORBIDDEN,
                f"Origin {self.headers.get('Origin')!r}: a POST from another site's page is refused",
            )
            return
        url = urllib.parse.urlsplit(self.path)
        size = self._content_length()
        limit = self.server.limits.max_body
        if size is None:
            self.close_connection = True
            self._error(
                HTTPStatus.BAD_REQUEST, f"malformed Content-Length {self.headers.get('Content-Length')!r}"
            )
            return
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.close_connection = True
            self._error(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
            return
        if size > limit:
            self.close_connection = True
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the request body is {size / MB:.1f} MB, over the {limit / MB:g} MB limit",
            )
            return
        raw = self.rfile.read(size) if size else b""
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, f"{url.path}: nothing here; the endpoint is /sparql")
            return
        ctype = (self.headers.get_content_type() or "").lower() if self.headers.get("Content-Type") else ""
        charset = self.headers.get_content_charset() or "utf-8"
        try:
            codecs.lookup(charset)
            body = raw.decode(charset)
        except LookupError:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"{charset}: unknown charset")
            return
        except UnicodeDecodeError:
            self._error(HTTPStatus.BAD_REQUEST, f"the body is not valid {charset}")
            return
        params = self._params(url.query)
        if params is None:
            return
        if ctype == "application/sparql-update":
            self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed; this endpoint is read-only")
        elif ctype == "application/sparql-query":
            self._answer({**params, "query": [*params.get("query", []), body]})
        elif ctype == "application/x-www-form-urlencoded":
            form = self._params(body, charset)
            if form is not None:
                merged = {k: params.get(k, []) + form.get(k, []) for k in {*params, *form}}
                self._answer(merged)
        else:
            self._error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"{ctype or 'no content type'}: send application/sparql-query or a form with query=",
            )

    def _describe(self) -> None:
        """The SPARQL 1.1 service description, in the RDF format the client accepts."""
        me = ox.NamedNode(self.server.url)
        sd = {
            n: ox.NamedNode(SD + n)
            for n in (
                "Service",
                "endpoint",
                "supportedLanguage",
                "SPARQL11Query",
                "resultFormat",
                "feature",
                "UnionDefaultGraph",
                "BasicFederatedQuery",
                "defaultEntailmentRegime",
            )
        }
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        triples = [
            ox.Triple(me, rdf_type, sd["Service"]),
            ox.Triple(me, sd["endpoint"], me),
            ox.Triple(me, sd["supportedLanguage"], sd["SPARQL11Query"]),
            ox.Triple(me, sd["feature"], sd["UnionDefaultGraph"]),
            *(
                ox.Triple(me, sd["resultFormat"], ox.NamedNode(FORMATS + f))
                for f in (
                    "SPARQL_Results_JSON",
                    "SPARQL_Results_XML",
                    "SPARQL_Results_CSV",
                    "SPARQL_Results_TSV",
                    "Turtle",
                    "N-Triples",
                    "RDF_XML",
                    "JSON-LD",
                    "N-Quads",
                    "TriG",
                    "N3",
                )
            ),
        ]
        res = Results(
            "graph", triples=tuple((term(t.subject), term(t.predicate), term(t.object)) for t in triples)
        )
        self._reply(res)

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, "SPARQL Update is not allowed; this endpoint is read-only")
            return
        texts = params.get("query") or [""]
        arguments = None
        try:
            if "saved" in params:  # a saved question by name, its arguments as data (arg=NAME=VALUE)
                texts, arguments = saved_request(params)
            elif len(texts) != 1 or not texts[0].strip():
                self._error(
                    HTTPStatus.BAD_REQUEST, "give exactly one query (the query parameter, or the body)"
                )
                return
            else:
                guard.check_query(texts[0])
        except QueryError as exc:
            self._error(ERRORS.get(type(exc), HTTPStatus.BAD_REQUEST), str(exc))
            return
        srv = self.server
        try:
            res = srv.pool.run(
                texts[0],
                arguments=arguments,
                timeout=srv.limits.timeout,
                limit=srv.limits.max_results,
                graphs=tuple(params.get("default-graph-uri", ())),
                named=tuple(params.get("named-graph-uri", ())),
                base=srv.url,
                client=str(self.client_address[0]),
                arrival=getattr(self, "arrival", None),
                max_response=srv.limits.max_response,
            )
        except QueryError as exc:
            self._error(ERRORS.get(type(exc), HTTPStatus.BAD_REQUEST), str(exc))
            return
        self._reply(res)

    def _reply(self, res: Results) -> None:
        offers = offers_for(res)
        mtype = negotiate(self.headers.get("Accept"), offers)
        if mtype is None:
            self._error(HTTPStatus.NOT_ACCEPTABLE, "the Accept header allows none of: " + ", ".join(offers))
            return
        self._send(HTTPStatus.OK, offers[mtype](res), f"{mtype}; charset=utf-8")


def saved_request(params: dict[str, list[str]]) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """The saved question and its arguments that ``saved=NAME&arg=NAME=VALUE…`` asks for.

    Raises
    ------
    QueryError
        If there is not exactly one name, a query is given too, or an argument is malformed
        (the worker checks the names and values).

    Examples
    --------
    >>> saved_request({"saved": ["documents-mentioning"], "arg": ["entity=boko haram"]})
    (['documents-mentioning'], (('entity', 'boko haram'),))
    """
    from graph.sparql.arguments import parse_pairs
    from graph.sparql.saved import saved_query

    names = params["saved"]
    if len(names) != 1 or "query" in params:
        raise QueryError("give one saved question (saved=NAME) and no query")
    saved_query(names[0])  # an unknown name is refused here, with a did-you-mean
    return [names[0]], tuple(sorted(parse_pairs(params.get("arg", [])).items()))


def make_server(
    out: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 30.0,
    max_results: int = 10000,
    workers: int = 2,
    log: Callable[[str], None] | None = None,
    cors: str | None = None,
    limits: Limits | None = None,
) -> SparqlServer:
    """A ready (not yet serving) endpoint over the graph in ``out``; port 0 picks a free port.

    Raises
    ------
    QueryError
        If ``out`` holds no graph or the address cannot be bound.
    """
    lim = limits or Limits()

    def pool() -> WorkerPool:
        return WorkerPool(out, workers, max_memory=lim.max_memory, per_client=lim.per_client, quick=lim.quick)

    if not 0 <= port <= 65535:
        raise QueryError(f"--port {port}: not a port number (0 to 65535; 0 picks a free one)")
    store_source(out)  # no graph in ``out`` is an error before the address is bound
    try:
        return SparqlServer(
            (host, port), out, pool, timeout=timeout, max_results=max_results, log=log, cors=cors, limits=lim
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise QueryError(f"{host}:{port}: cannot listen: {reason}; try another --host or --port") from exc


def serve(
    out: Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    timeout: float = 30.0,
    max_results: int = 10000,
    workers: int = 2,
    log: Callable[[str], None] = print,
    cors: str | None = None,
    limits: Limits | None = None,
) -> None:
    """Serve the graph in ``out`` until interrupted (Ctrl-C)."""
    server = make_server(
        out,
        host,
        port,
        timeout=timeout,
        max_results=max_results,
        workers=workers,
        log=log,
        cors=cors,
        limits=limits,
    )
    if host not in guard.LOOPBACK_NAMES:
        log(f"warning: listening on {host}; anyone who can reach this port can query the graph")
    log(f"serving {server.url} (viewer at {server.url[: -len('sparql')]}); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log("stopped")
    finally:
        server.server_close()
