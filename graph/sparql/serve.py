"""A read-only SPARQL 1.1 Protocol endpoint at ``/sparql`` and the pages of :mod:`graph.sparql.pages`.

Each query runs in a worker process under a memory limit (``RLIMIT_AS``), and within a time
limit counted from the request's arrival: a query over either is answered 503 and its worker is
killed and replaced. (pyoxigraph releases the GIL while it evaluates, so threads would run
queries in parallel, but a Python thread cannot be stopped.) Workers are handed out fairly:
``workers`` of them run long queries, one client holding at most ``workers - 1``; one more worker
is the quick lane, where a query runs at most a few seconds and is stopped as soon as another
client waits, so a cheap query gets an answer however many slow ones run. The endpoint answers only from its own store: ``SERVICE`` is refused (400), updates
and ``LOAD`` are refused (403), and ``FROM`` names graphs of the store. CORS is off unless one
origin is allowed, and the ``Host`` header must name the bound address (a DNS-rebinding guard).
See ``docs/security.md`` for the limits and their defaults.

The HTTP layer is the standard library's threaded server, with HTTP/1.1 keep-alive, a socket
timeout per connection, a listen backlog and a connection cap: the endpoint serves loopback
clients, and this keeps it free of a server dependency while every limit stays explicit here.
"""

from __future__ import annotations

import codecs
import contextlib
import ipaddress
import multiprocessing as mp
import os
import re
import socket
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from graph.errors import GraphError, QueryError
from graph.rdf.store import open_source, store_source, store_version
from graph.script import xml_chars
from graph.sparql import dossier, pages
from graph.sparql.query import (
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    Results,
    ResultTooLarge,
    code_only,
    execute,
    ox_term,
    term,
    to_csv,
    to_json,
    to_ntriples,
    to_tsv,
    to_turtle,
    to_xml,
    update_keyword,
)

RESULT_TYPES: dict[str, Callable[[Results], str]] = {
    "application/sparql-results+json": to_json,
    "application/sparql-results+xml": to_xml,
    "text/csv": to_csv,
    "text/tab-separated-values": to_tsv,
    "application/json": to_json,
    "application/xml": to_xml,
}


def _rdf(fmt: ox.RdfFormat) -> Callable[[Results], str]:
    def serialise(res: Results) -> str:
        triples = [ox.Triple(*(ox_term(t) for t in triple)) for triple in res.triples]  # type: ignore[arg-type]
        data = ox.serialize(triples, format=fmt)
        text = data.decode("utf-8") if isinstance(data, bytes) else str(data)
        return xml_chars(text) if fmt == ox.RdfFormat.RDF_XML else text

    return serialise


GRAPH_TYPES: dict[str, Callable[[Results], str]] = {
    "text/turtle": to_turtle,
    "application/n-triples": to_ntriples,
    "text/plain": to_ntriples,
    "application/rdf+xml": _rdf(ox.RdfFormat.RDF_XML),
    "application/ld+json": _rdf(ox.RdfFormat.JSON_LD),
    "application/n-quads": _rdf(ox.RdfFormat.N_QUADS),
    "application/trig": _rdf(ox.RdfFormat.TRIG),
    "text/n3": _rdf(ox.RdfFormat.N3),
}


class RemoteRefused(QueryError):
    """The query asks for data outside the store (``SERVICE``)."""


class WorkerCrashed(QueryError):
    """The worker answering the query stopped without an answer."""


class MemoryExceeded(QueryError):
    """The query needed more memory than a worker may use."""


ERRORS: dict[type[QueryError], HTTPStatus] = {
    QuerySyntaxError: HTTPStatus.BAD_REQUEST,
    RemoteRefused: HTTPStatus.BAD_REQUEST,
    QueryRefused: HTTPStatus.FORBIDDEN,
    ResultTooLarge: HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    QueryTimeout: HTTPStatus.SERVICE_UNAVAILABLE,
    MemoryExceeded: HTTPStatus.SERVICE_UNAVAILABLE,
    WorkerCrashed: HTTPStatus.INTERNAL_SERVER_ERROR,
    dossier.UnknownEntity: HTTPStatus.NOT_FOUND,
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


# ---------------------------------------------------------------- limits and refusals

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What one request may cost; every limit is answered with its own HTTP status.

    ``timeout`` is counted once, from the request's arrival (waiting for a worker included);
    ``max_memory`` is the address space a worker may add to what it holds after opening the
    store; ``per_client`` is how many workers one client address may hold at once (default
    ``workers - 1``, at least 1). A query from a client over its share, or arriving when every
    long-lane worker is busy, may still take a free worker (the pool keeps one beyond
    ``workers``), but gets only ``quick`` seconds there (the quick lane), and is stopped as soon
    as another client within its share waits.
    """

    timeout: float = 30.0
    max_results: int = 10000
    max_memory: int = 1024 * MB
    max_body: int = 1 * MB
    max_response: int = 16 * MB
    connection_timeout: float = 10.0
    max_connections: int = 64
    backlog: int = 128
    per_client: int | None = None
    quick: float = 2.0


_SERVICE = re.compile(r"(?<![\w:?$.\-])SERVICE\b", re.IGNORECASE)


def asks_remote(text: str) -> bool:
    """True if ``text`` uses ``SERVICE`` (outside strings, IRIs and comments).

    >>> asks_remote("SELECT * WHERE { service <http://127.0.0.1:1/> { ?s ?p ?o } }")
    True
    >>> asks_remote('SELECT * WHERE { ?s <urn:SERVICE> "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(code_only(text)))


def _size(res: Results) -> int:
    terms = [t for row in res.rows for t in row.values()] + [t for tr in res.triples for t in tr]
    return sum(len(t.value) + len(t.datatype or "") + 20 for t in terms)


# ---------------------------------------------------------------- worker processes


def _limit_memory(extra: int) -> None:
    """Cap this process's address space at its current size plus ``extra`` bytes."""
    import resource

    size = 0
    with contextlib.suppress(OSError, ValueError), open("/proc/self/statm") as fh:
        size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    if size:
        resource.setrlimit(resource.RLIMIT_AS, (size + extra, size + extra))


def _cut_network() -> bool:
    """Move this process into a network namespace of its own, with no interface up, so that
    nothing it evaluates can open a connection (``SERVICE``, whatever the query policy missed).
    Needs Linux and either the right to create a network namespace or user namespaces; returns
    whether it worked."""
    import ctypes

    clone_newnet, clone_newuser = 0x40000000, 0x10000000
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.unshare(clone_newnet) == 0 or libc.unshare(clone_newuser | clone_newnet) == 0
    except (OSError, AttributeError):
        return False


def _worker(conn: Connection, source: str, max_memory: int) -> None:
    """Worker process: cut off from the network, open the graph once, then answer queries."""
    _cut_network()
    try:
        store = open_source(Path(source))
    except GraphError as exc:
        conn.send(("QueryError", str(exc)))
        return
    if max_memory:
        _limit_memory(max_memory)
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", _do(store, job)))
        except QueryError as exc:
            conn.send((type(exc).__name__, str(exc)))
        except MemoryError:
            conn.send(
                ("MemoryExceeded", f"the query needed more than the {max_memory / MB:g} MB memory limit")
            )


@dataclass(frozen=True)
class QueryJob:
    """A SPARQL query for a worker, with the graphs it names and its result limits."""

    text: str
    limit: int | None
    graphs: tuple[str, ...] = ()
    named: tuple[str, ...] = ()
    base: str | None = None
    max_response: int | None = None


@dataclass(frozen=True)
class DossierJob:
    """One page of the dossier of the entity named ``name``, its other ends labelled in ``lang``."""

    name: str
    lang: str = "zh"
    page: int = 1
    max_response: int | None = None


def _do(store: ox.Store, job: QueryJob | DossierJob) -> object:
    """Answer one job in a worker: :class:`Results` for a query; for a dossier, the page's
    :class:`graph.sparql.dossier.Dossier` and its :class:`graph.sparql.dossier.Paging`."""
    if isinstance(job, DossierJob):
        found = dossier.dossier(store, dossier.resolve(store, job.name), lang=job.lang)
        one, paging = dossier.paginate(found, job.page)
        if job.max_response and len(dossier.to_json(one).encode("utf-8")) > job.max_response:
            raise ResultTooLarge(f"the dossier page is over the {job.max_response / MB:g} MB response limit")
        return one, paging
    res = execute(
        store, job.text, limit=job.limit, default_graphs=job.graphs, named_graphs=job.named, base_iri=job.base
    )
    if job.max_response and _size(res) > job.max_response:
        raise ResultTooLarge(f"the answer is over the {job.max_response / MB:g} MB response limit")
    return res


@dataclass(eq=False)
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    version: str

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        with contextlib.suppress(OSError):  # stopped twice: by close() and by its request's thread
            self.conn.close()


@dataclass(eq=False)
class _Ticket:
    client: str
    arrived: float = field(default_factory=time.monotonic)


class WorkerPool:
    """Worker processes over one version of the graph in ``out``, handed out fairly per client.

    When a build replaces the graph, every idle worker is replaced at once and no request is
    given a worker of the old version again; queries already running finish on it.

    Raises
    ------
    QueryError
        At start, if the graph cannot be opened.
    """

    def __init__(
        self,
        out: Path,
        size: int = 2,
        *,
        max_memory: int = Limits.max_memory,
        per_client: int | None = None,
        quick: float = Limits.quick,
    ) -> None:
        self.out, self.size, self.max_memory, self.quick = out, max(1, size), max_memory, quick
        self.per_client = per_client or max(1, self.size - 1)
        self._ctx = mp.get_context("spawn")
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._spare: list[_Worker] = []  # one warm worker, so a stopped one is replaced at once
        self._all: set[_Worker] = set()
        self._busy: Counter[str] = Counter()
        self._long = 0  # queries running in the long lane (at most ``size``)
        self._waiting: list[_Ticket] = []
        self._closed = False
        self.version, self.source = store_version(out), store_source(out)
        try:
            for _ in range(self.size + 1):  # one more than the long lane: the quick lane's worker
                self._idle.append(self._spawn(self.source, self.version))
            self._respawn(self.source, self.version, spare=True)
        except QueryError:
            self.close()
            raise

    def _spawn(self, source: Path, version: str) -> _Worker:
        mine, theirs = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker, args=(theirs, str(source), self.max_memory), daemon=True)
        proc.start()
        theirs.close()
        worker = _Worker(proc, mine, version)
        try:
            ready = mine.poll(120)
            status, message = (
                mine.recv() if ready else ("QueryError", f"{source}: the query worker did not start")
            )
        except (EOFError, OSError):
            status, message = "QueryError", f"{source}: the query worker stopped while opening the graph"
        if status != "ready":
            worker.stop()
            raise QueryError(message)
        with self._cond:
            self._all.add(worker)
        return worker

    def _respawn(self, source: Path, version: str, spare: bool = False) -> None:
        def go() -> None:
            try:
                worker = self._spawn(source, version)
            except QueryError:
                return
            with self._cond:
                if not self._closed and version == self.version:
                    (self._spare if spare else self._idle).append(worker)
                    self._cond.notify_all()
                    return
                self._all.discard(worker)
            worker.stop()

        threading.Thread(target=go, daemon=True).start()

    def _retire(self, worker: _Worker) -> None:
        with self._cond:
            self._all.discard(worker)
        threading.Thread(target=worker.stop, daemon=True).start()

    def refresh(self) -> None:
        """Switch to the graph now in ``out`` if a build replaced it (all workers at once)."""
        try:
            version = store_version(self.out)
            source = store_source(self.out)
        except QueryError:
            return  # mid-rebuild or removed: keep answering from the version we hold
        with self._cond:
            if version == self.version or self._closed:
                return
            self.version, self.source = version, source
            stale, self._idle, self._spare = self._idle + self._spare, [], []
        for worker in stale:
            self._retire(worker)
        for _ in range(self.size + 1):
            self._respawn(source, version)
        self._respawn(source, version, spare=True)

    def _next(self) -> _Ticket | None:
        """Who gets the next idle worker: the client holding fewest, then the longest waiting."""
        return min(self._waiting, key=lambda t: (self._busy[t.client], t.arrived), default=None)

    def _acquire(self, client: str, deadline: float, timeout: float) -> tuple[_Worker, bool]:
        ticket = _Ticket(client)
        with self._cond:
            self._waiting.append(ticket)
            try:
                while True:
                    if self._closed:
                        raise QueryError("the server is shutting down")
                    self._drop_dead()
                    if self._idle and self._next() is ticket:
                        quick = self._busy[client] >= self.per_client or self._long >= self.size
                        self._busy[client] += 1
                        self._long += not quick
                        return self._idle.pop(), quick
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise QueryTimeout(
                            f"every query worker stayed busy for the {timeout:g} s limit; try again"
                        )
                    self._cond.wait(remaining)
            finally:
                self._waiting.remove(ticket)
                self._cond.notify_all()

    def _drop_dead(self) -> None:
        """Replace the idle workers that stopped between queries (held: ``self._cond``)."""
        for worker in [w for w in self._idle if w.process.exitcode is not None]:
            self._idle.remove(worker)
            self._all.discard(worker)
            threading.Thread(target=worker.stop, daemon=True).start()
            promoted = bool(self._spare)
            if promoted:
                self._idle.append(self._spare.pop())
            self._respawn(self.source, self.version, spare=promoted)

    def _release(self, worker: _Worker, client: str, healthy: bool, quick: bool) -> None:
        with self._cond:
            self._busy[client] -= 1
            self._long -= not quick
            keep = healthy and not self._closed and worker.version == self.version
            replace = not healthy and not self._closed and worker.version == self.version
            spare = replace and bool(self._spare)
            if keep:
                self._idle.append(worker)
            elif spare:
                self._idle.append(self._spare.pop())
            self._cond.notify_all()
        if not keep:
            self._retire(worker)
            if replace:
                self._respawn(self.source, worker.version, spare=spare)

    def run(
        self,
        text: str,
        *,
        timeout: float,
        limit: int | None,
        graphs: tuple[str, ...] = (),
        named: tuple[str, ...] = (),
        base: str | None = None,
        client: str = "",
        arrival: float | None = None,
        max_response: int | None = None,
    ) -> Results:
        """Answer ``text`` in a worker within ``timeout`` seconds of ``arrival`` (default: now).

        Raises
        ------
        QueryTimeout
            If no worker is free, or the query runs past the deadline.
        MemoryExceeded
            If the worker ran out of its memory limit.
        WorkerCrashed
            If the worker stopped for another reason.
        QueryError
            Or a subclass, as :func:`graph.sparql.query.execute` raises it.
        """
        job = QueryJob(text, limit, graphs, named, base, max_response)
        res = self.do(job, timeout=timeout, client=client, arrival=arrival)
        assert isinstance(res, Results)
        return res

    def do(
        self, job: QueryJob | DossierJob, *, timeout: float, client: str = "", arrival: float | None = None
    ) -> object:
        """Answer ``job`` in a worker within ``timeout`` seconds of ``arrival`` (see :meth:`run`)."""
        deadline = (arrival if arrival is not None else time.monotonic()) + timeout
        self.refresh()
        worker, quick = self._acquire(client, deadline, timeout)
        until = min(deadline, time.monotonic() + self.quick) if quick else deadline
        healthy = False
        try:
            worker.conn.send(job)
            if quick and not self._quick_poll(worker, client, until):
                raise QueryTimeout(
                    f"{self._why_quick(client)}, so this query ran in the quick lane and was stopped to let "
                    "another client's query run; try again when they are done"
                )
            if not worker.conn.poll(max(0.0, until - time.monotonic())):
                if until < deadline:
                    raise QueryTimeout(
                        f"{self._why_quick(client)}, so this query could run only {self.quick:g} s (the quick "
                        "lane) and was stopped; try again when they are done"
                    )
                raise QueryTimeout(f"the query ran longer than the {timeout:g} s limit and was stopped")
            status, payload = worker.conn.recv()
            healthy = True
        except (EOFError, OSError) as exc:
            worker.process.join(2)
            code = worker.process.exitcode
            if code is not None and code < 0 and -code in (6, 9):  # SIGABRT: allocation failed
                raise MemoryExceeded(
                    f"the query needed more than the {self.max_memory / MB:g} MB memory limit and was stopped"
                ) from exc
            raise WorkerCrashed(
                f"the query worker stopped unexpectedly (exit code {code}); try again"
            ) from exc
        finally:
            self._release(worker, client, healthy, quick)
        if status == "ok":
            return payload
        raise _ERROR_NAMES.get(status, QueryError)(payload)

    def _why_quick(self, client: str) -> str:
        with self._cond:
            mine = self._busy[client]
        if mine > self.per_client:
            return f"your other queries hold your share of {self.per_client} worker(s)"
        return f"the {self.size} worker(s) for long queries were busy"

    def _quick_poll(self, worker: _Worker, client: str, until: float) -> bool:
        """Wait for a quick-lane answer; False as soon as another client within its share waits."""
        while time.monotonic() < until:
            if worker.conn.poll(min(0.05, max(0.0, until - time.monotonic()))):
                return True
            with self._cond:
                if any(t.client != client and self._busy[t.client] < self.per_client for t in self._waiting):
                    return False
        return True  # the caller's own poll reports the quick-lane time limit

    def close(self) -> None:
        """Stop every worker."""
        with self._cond:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
            self._spare.clear()
            self._cond.notify_all()
        for w in workers:
            w.stop()


_ERROR_NAMES.update({cls.__name__: cls for cls in (MemoryExceeded, WorkerCrashed, RemoteRefused)})


# ---------------------------------------------------------------- HTTP

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
ALLOW = "GET, HEAD, POST, OPTIONS"
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def _split_host(header: str) -> tuple[str, str | None]:
    """``Host`` header value as (name, port or None), IPv6 brackets removed."""
    header = header.strip().lower()
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        return name, rest[1:] if rest.startswith(":") else None
    name, sep, port = header.rpartition(":")
    return (name, port) if sep else (header, None)


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


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
        """True if a request's ``Host`` header names this server (the DNS-rebinding guard)."""
        if header is None:
            return True  # HTTP/1.0 clients; browsers always send Host
        name, port = _split_host(header)
        bound, bound_port = str(self.server_address[0]), int(self.server_address[1])
        if port is not None and port != str(bound_port):
            return False
        if port is None and bound_port != 80:
            return False
        if bound in ("0.0.0.0", "::"):
            return name == "localhost" or _is_ip(name)
        if bound in _LOOPBACK_NAMES or bound.startswith("127."):
            return name == bound or name in _LOOPBACK_NAMES
        return name == bound

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
        super().process_request(request, client_address)  # type: ignore[arg-type]

    def process_request_thread(self, request: socket.socket, client_address: object) -> None:  # type: ignore[override]
        try:
            super().process_request_thread(request, client_address)  # type: ignore[arg-type]
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
        """True unless a browser says the request comes from another site's page (``Origin``)."""
        origin = self.headers.get("Origin")
        if origin is None:
            return True  # not sent by a browser page: curl, notebooks, the SPARQL clients
        own = "http://" + (self.headers.get("Host") or "").strip().lower()
        return origin.strip().lower() == own or (self.server.cors is not None and origin == self.server.cors)

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
        if len(texts) != 1 or not texts[0].strip():
            self._error(HTTPStatus.BAD_REQUEST, "give exactly one query (the query parameter, or the body)")
            return
        op = update_keyword(texts[0])
        if op:
            self._error(
                HTTPStatus.FORBIDDEN, f"SPARQL Update ({op}) is not allowed; the endpoint is read-only"
            )
            return
        if asks_remote(texts[0]):
            self._error(
                HTTPStatus.BAD_REQUEST, "SERVICE is not allowed; the endpoint answers only from its own graph"
            )
            return
        srv = self.server
        try:
            res = srv.pool.run(
                texts[0],
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
    if host not in _LOOPBACK_NAMES:
        log(f"warning: listening on {host}; anyone who can reach this port can query the graph")
    log(f"serving {server.url} (viewer at {server.url[: -len('sparql')]}); Ctrl-C stops")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        log("stopped")
    finally:
        server.server_close()
