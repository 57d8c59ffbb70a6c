"""The query workers: processes that answer queries and dossier pages under the limits.

Each job runs in a worker process under a memory limit (``RLIMIT_AS``), and within a time
limit counted from the request's arrival: a job over either is stopped by killing its worker,
which a warm spare replaces at once. (pyoxigraph releases the GIL while it evaluates, so threads
would run queries in parallel, but a Python thread cannot be stopped.) Every worker first moves
itself into a network namespace of its own, so nothing it evaluates reaches the network.

Workers are handed out fairly: ``size`` of them run long jobs, one client holding at most
``size - 1``; one more worker is the quick lane, where a job runs at most a few seconds and is
stopped as soon as another client waits, so a cheap query gets an answer however many slow ones
run.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from graph.errors import GraphError, QueryError
from graph.rdf.store import open_source, store_source, store_version
from graph.sparql import document, dossier, guard
from graph.sparql.query import QueryTimeout, ResultTooLarge, execute
from graph.sparql.results import Results


class WorkerCrashed(QueryError):
    """The worker answering the query stopped without an answer."""


class MemoryExceeded(QueryError):
    """The query needed more memory than a worker may use."""


def _error_class(name: str) -> type[QueryError]:
    """The :class:`QueryError` subclass called ``name`` (a worker sends errors by name)."""
    todo: list[type[QueryError]] = [QueryError]
    while todo:
        cls = todo.pop()
        if cls.__name__ == name:
            return cls
        todo.extend(cls.__subclasses__())
    return QueryError


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
        return bool(libc.unshare(clone_newnet) == 0 or libc.unshare(clone_newuser | clone_newnet) == 0)
    except (OSError, AttributeError):
        return False


def _worker(conn: Connection, source: str, max_memory: int) -> None:
    """Worker process: cut off from the network, open the graph once, then answer queries."""
    _cut_network()
    guard.prepare()
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
    #: The arguments of a saved question (``text`` is then its name), bound by the worker as data;
    #: without them ``text`` is a query from a request, which the worker vets (:func:`guard.vet`).
    arguments: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True)
class DossierJob:
    """One page of the dossier of the entity named ``name``, its other ends labelled in ``lang``."""

    name: str
    lang: str = "zh"
    page: int = 1
    max_response: int | None = None


def _do(store: ox.Store, job: QueryJob | DossierJob) -> object:
    """Answer one job in a worker: :class:`Results` for a query; for a dossier, the page's
    :class:`graph.sparql.dossier.Dossier` and its :class:`graph.sparql.dossier.Paging`, or a
    document's :class:`graph.sparql.document.DocumentDossier` (one page) and ``None``."""
    if isinstance(job, DossierJob):
        iri = dossier.resolve(store, job.name)
        if document.is_document(store, iri):  # a document: what it is, states and says
            whole = document.document_dossier(store, iri, lang=job.lang)
            if job.max_response and len(document.to_html(whole).encode("utf-8")) > job.max_response:
                raise ResultTooLarge(
                    f"the dossier page is over the {job.max_response / MB:g} MB response limit"
                )
            return whole, None
        found = dossier.dossier(store, iri, lang=job.lang)
        one, paging = dossier.paginate(found, job.page)
        if job.max_response and len(dossier.to_json(one).encode("utf-8")) > job.max_response:
            raise ResultTooLarge(f"the dossier page is over the {job.max_response / MB:g} MB response limit")
        return one, paging
    text, bindings = job.text, None
    if job.arguments is not None:  # a saved question: its arguments become terms, never text
        from graph.sparql.arguments import bind
        from graph.sparql.saved import saved_query

        saved = saved_query(job.text)
        text, bindings = saved.text, bind(store, saved.arguments, dict(job.arguments), saved.name)
    else:  # a query from the request: the policy reads it here, under the worker's limits
        guard.vet(text)
    res = execute(
        store,
        text,
        limit=job.limit,
        default_graphs=job.graphs,
        named_graphs=job.named,
        base_iri=job.base,
        bindings=bindings,
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
        arguments: tuple[tuple[str, str], ...] | None = None,
    ) -> Results:
        """Answer ``text`` in a worker within ``timeout`` seconds of ``arrival`` (default: now); with
        ``arguments``, ``text`` names a saved question whose arguments the worker binds.

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
        job = QueryJob(text, limit, graphs, named, base, max_response, arguments)
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
        raise _error_class(status)(payload)

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
