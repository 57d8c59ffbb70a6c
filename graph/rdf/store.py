"""The embedded Oxigraph store that queries run against, and the generations of ``out/``.

``nexus-kg build`` writes every output of a build (``nexus.nq``, ``nexus.ttl``, ``graph.html``,
``store/``) into a fresh folder ``out/.build-*``, renames it to ``out/gen-NNNNNN`` and then points
``out/current`` at it with one atomic rename (:func:`publish`). ``out/nexus.nq`` and the other
names are links through ``current``, so a reader always sees one complete generation, and a
failure, a kill or a full disk leaves the previous one. The previous generation stays on disk
until the next build (a running server may still read it); leftovers of a killed build are
removed by the next (:func:`clean`).

Queries open the store with :func:`open_store`, which falls back to loading ``nexus.nq`` (or
``nexus.ttl``) into memory when no store has been built.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from graph.errors import InputError, QueryError

STORE_DIR = "store"
#: The link naming the current generation of ``out/``.
CURRENT = "current"
#: Names in ``out/`` that are links into the current generation.
LINKED = ("nexus.nq", "nexus.ttl", "graph.html", STORE_DIR)
#: Names that a command adds to the current generation after the build (``report``): linked
#: while the current generation has one, and unlinked when a build publishes one that has not.
ADDED = ("report",)
_GEN = re.compile(r"gen-(\d{6,})")
_LEFTOVER = (
    ".build-",
    f".{STORE_DIR}-new-",
    f".{STORE_DIR}-old-",
    ".current-new-",
    ".link-new-",
    ".gen-old-",
)
SOURCES: tuple[tuple[str, ox.RdfFormat], ...] = (
    ("nexus.nq", ox.RdfFormat.N_QUADS),
    ("nexus.ttl", ox.RdfFormat.TURTLE),
)


def build_store(source: Path, target: Path) -> Path:
    """Load the N-Quads file ``source`` into a new on-disk store at ``target``, replacing any old one.

    The store is built in a temporary folder beside ``target`` and swapped in only when complete,
    so a failed build leaves the previous store as it was.

    Parameters
    ----------
    source : Path
        An N-Quads (``.nq``) or Turtle (``.ttl``) file.
    target : Path
        The store folder to create or replace, e.g. ``out/store``.

    Returns
    -------
    Path
        ``target``.

    Raises
    ------
    QueryError
        If ``source`` cannot be read or parsed.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "g.nq").write_text('<urn:a> <urn:p> "x" <urn:g> .\\n', encoding="utf-8")
    >>> build_store(d / "g.nq", d / "store").name
    'store'
    >>> len(open_store(d))
    1
    """
    fmt = ox.RdfFormat.TURTLE if source.suffix == ".ttl" else ox.RdfFormat.N_QUADS
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        store = ox.Store(str(tmp))
        try:
            store.bulk_load(path=str(source), format=fmt)
        except (OSError, SyntaxError) as exc:
            raise QueryError(f"{source}: cannot load into the query store: {exc}") from exc
        store.flush()
        del store  # closes the database before it is moved
        _swap(tmp, target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _swap(new: Path, target: Path) -> None:
    """Move folder ``new`` to ``target``; the old ``target`` is removed only after the move."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.replace(target, old / target.name)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _generations(out: Path) -> list[tuple[int, Path]]:
    found = []
    if out.is_dir():
        for p in out.iterdir():
            m = _GEN.fullmatch(p.name)
            if m and p.is_dir() and not p.is_symlink():
                found.append((int(m.group(1)), p))
    return sorted(found)


def current_generation(out: Path) -> Path | None:
    """The folder ``out/current`` points at, or None (no build yet, or an old flat ``out/``)."""
    link = out / CURRENT
    if not link.is_symlink():
        return None
    target = out / os.readlink(link)
    return target if target.is_dir() else None


def clean(out: Path) -> None:
    """Remove what a killed build left in ``out``: temporary folders and unpublished generations.

    The current generation and the one before it are kept.
    """
    if not out.is_dir():
        return
    for p in out.iterdir():
        if p.name.startswith(_LEFTOVER):
            _remove(p)
    cache = out / ".cache"
    if cache.is_dir():
        for p in cache.glob(".*.tmp"):
            _remove(p)
    _prune(out)


def _prune(out: Path) -> None:
    cur = current_generation(out)
    gens = _generations(out)
    if cur is None:
        keep = set()
    else:
        n = int(cur.name[4:])
        older = [p for k, p in gens if k < n]
        keep = {cur.name} | ({older[-1].name} if older else set())
    for _k, p in gens:
        if p.name not in keep:
            _remove(p)


def _remove(p: Path) -> None:
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    else:
        p.unlink(missing_ok=True)


#: The file that says a folder was made by nexus-kg (and holds the build lock).
MARKER = ".nexus-kg"


def _refuse_unsafe(out: Path) -> None:
    resolved = out.resolve()
    if str(out).strip() == "":
        raise InputError("--out: give a folder (an empty name would mean the current folder)")
    forbidden = {Path(resolved.anchor), Path.home().resolve(), Path(Path.cwd().anchor)}
    if resolved in forbidden:
        raise InputError(f"{out}: refusing to build into the root or home folder; give a folder of its own")


def _made_by_us(out: Path) -> bool:
    """A folder this tool made: its marker, or (before markers) a ``current`` link to a generation."""
    if (out / MARKER).is_file():
        return True
    link = out / CURRENT
    return link.is_symlink() and _GEN.fullmatch(os.readlink(link)) is not None


@contextlib.contextmanager
def owned(out: Path) -> Iterator[None]:
    """Hold ``out`` for one build: refuse the root, the home folder and a non-empty folder that
    nexus-kg did not make (nothing in it is touched), and lock it so that a second build into the
    same folder stops at once with a one-line error naming the first one's process."""
    _refuse_unsafe(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: not a folder")
    if out.is_dir() and any(out.iterdir()) and not _made_by_us(out):
        raise InputError(
            f"{out}: not empty and not made by nexus-kg (no {MARKER} marker); nothing was changed, "
            "give an empty or new folder"
        )
    out.mkdir(parents=True, exist_ok=True)
    with open(out / MARKER, "a+", encoding="utf-8") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            raise InputError(
                f"{out}: another build is writing here ({holder}); try again when it ends"
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"nexus-kg build, process {os.getpid()}\n")
        fh.flush()
        try:
            yield
        finally:
            fh.seek(0)
            fh.truncate()
            fh.write("made by nexus-kg: builds replace what is in this folder\n")
            fh.flush()
            fcntl.flock(fh, fcntl.LOCK_UN)


def new_build_dir(out: Path) -> Path:
    """A fresh, empty folder in ``out`` to write a build into (after :func:`clean`)."""
    out.mkdir(parents=True, exist_ok=True)
    clean(out)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out))
    tmp.chmod(0o755)  # mkdtemp makes it private; the generation is read by servers and viewers
    return tmp


def publish(out: Path, build: Path) -> Path:
    """Make the complete build folder ``build`` the current generation of ``out``, atomically.

    ``build`` is renamed to ``gen-NNNNNN``; then ``out/current`` is switched to it by one
    rename, and the names of :data:`LINKED` are made links through ``current``. Returns the
    generation folder.

    Examples
    --------
    >>> d = Path(tempfile.mkdtemp())
    >>> b = new_build_dir(d)
    >>> _ = (b / "nexus.nq").write_text("", encoding="utf-8")
    >>> publish(d, b).name, store_version(d)
    ('gen-000001', 'gen-000001')
    >>> (d / "nexus.nq").resolve() == (d / "gen-000001" / "nexus.nq").resolve()
    True
    """
    gens = _generations(out)
    gen = out / f"gen-{(gens[-1][0] + 1 if gens else 1):06d}"
    os.rename(build, gen)
    _fsync_dir(out)
    _link(out, CURRENT, gen.name)
    for name in LINKED:
        link_current(out, name)
    for name in ADDED:  # no link left dangling, nothing describing the previous graph
        if (out / name).is_symlink() and not (gen / name).exists():
            (out / name).unlink()
    _fsync_dir(out)
    clean(out)
    return gen


def link_current(out: Path, name: str) -> None:
    """Make ``out/name`` a link to ``current/name`` (a folder left there by an older build is
    moved aside for :func:`clean`): what the current generation holds is what ``out`` shows."""
    link = out / name
    if link.is_symlink() and os.readlink(link) == f"{CURRENT}/{name}":
        return
    if link.is_dir() and not link.is_symlink():  # a store or report from before generations
        os.rename(link, Path(tempfile.mkdtemp(prefix=".gen-old-", dir=out)) / name)
    _link(out, name, f"{CURRENT}/{name}")


def _link(out: Path, name: str, target: str) -> None:
    tmp = out / f".link-new-{os.getpid()}-{name}"
    tmp.unlink(missing_ok=True)
    os.symlink(target, tmp)
    os.replace(tmp, out / name)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def store_version(out: Path) -> str:
    """An opaque token that changes whenever a build replaces the graph in ``out``.

    The name of the current generation; for an ``out/`` from before generations, the store's
    (or file's) modification time. Readers that see a new token should reopen the store.

    Raises
    ------
    QueryError
        If ``out`` holds no graph.
    """
    gen = current_generation(out)
    if gen is not None:
        return gen.name
    src = store_source(out)
    return f"{src.name}-{src.stat().st_mtime_ns}"


def store_source(out: Path) -> Path:
    """What :func:`open_store` will read in ``out``: the store folder, else ``nexus.nq``, else ``nexus.ttl``.

    Inside a generation the path is the generation's own (``out/gen-NNNNNN/store``), so a reader
    keeps one complete version even when a build publishes the next meanwhile.

    Raises
    ------
    QueryError
        If ``out`` holds none of them.

    Examples
    --------
    >>> store_source(Path("no-such-folder"))
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: no-such-folder: no graph to query; run `nexus-kg build` first
    """
    base = current_generation(out) or out
    if (base / STORE_DIR).is_dir():
        return base / STORE_DIR
    for name, _ in SOURCES:
        if (base / name).is_file():
            return base / name
    raise QueryError(f"{out}: no graph to query; run `nexus-kg build` first")


def open_source(source: Path) -> ox.Store:
    """Open a store folder read-only, or load an ``.nq``/``.ttl`` file into an in-memory store.

    Raises
    ------
    QueryError
        If the store or file cannot be read.
    """
    try:
        if source.is_dir():
            return ox.Store.read_only(str(source))
        store = ox.Store()
        fmt = dict(SOURCES).get(source.name) or (
            ox.RdfFormat.TURTLE if source.suffix == ".ttl" else ox.RdfFormat.N_QUADS
        )
        store.bulk_load(path=str(source), format=fmt)
        return store
    except (OSError, SyntaxError) as exc:
        raise QueryError(f"{source}: cannot open the graph: {exc}") from exc


def open_store(out: Path) -> ox.Store:
    """The graph in ``out`` as a queryable store (see :func:`store_source` for the order tried).

    Raises
    ------
    QueryError
        If ``out`` holds no graph, or it cannot be read.
    """
    return open_source(store_source(out))


#: Bytes of N-Quads per ``bulk_load`` call of a streamed build, held as UTF-8 bytes (not as the
#: lines, their join and its encoding). Loading 79 MB of N-Quads (benchmarks, 2 cores): batches
#: of 8 M characters as lines took 5.1-5.5 CPU-s and 114 MiB in ~10 calls; 16 MB as bytes
#: 4.6-4.9 CPU-s and 124 MiB in 5; 32 MB 3.9-4.7 CPU-s but 220 MiB. Loading the 528 MB of 100×
#: the seeds: 16 MB batches 54 CPU-s and 154 MiB, 32 MB 45 CPU-s and 248 MiB, 64 MB 44 CPU-s and
#: 450 MiB. Since worker tasks hold a few documents each (``graph.pipeline``), the build's memory
#: goal has room for 32 MB: the 100× build peaks at 443 MiB and takes 106 s instead of 118 s.
BATCH_BYTES = 32 << 20


class StreamLoader:
    """Bulk-loads N-Quads lines into an on-disk store in batches, as a build streams them.

    The main process loads each batch while the workers go on extracting, and Oxigraph's bulk
    loader holds one batch at a time rather than the whole corpus.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     loader = StreamLoader(Path(d) / "store", batch_bytes=10)
    ...     loader.add(['<urn:a> <urn:p> "x" <urn:g> .\\n', '<urn:b> <urn:p> "y" <urn:g> .\\n'])
    ...     len(loader.close())
    2
    """

    def __init__(self, target: Path, batch_bytes: int = BATCH_BYTES) -> None:
        self.store = ox.Store(str(target))
        self.target = target
        self.batch_bytes = batch_bytes
        self._pending = io.BytesIO()

    def add(self, lines: Iterable[str]) -> None:
        """Queue ``lines`` (each a complete N-Quads statement); load the batch once it is full."""
        self._pending.write("".join(lines).encode("utf-8"))
        if self._pending.tell() >= self.batch_bytes:
            self._load()

    def _load(self) -> None:
        data, self._pending = self._pending, io.BytesIO()
        if not data.tell():
            return
        data.seek(0)  # the batch is read from the buffer it was written to: one copy, as bytes
        try:
            self.store.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as exc:
            raise QueryError(f"{self.target}: cannot load into the query store: {exc}") from exc

    def close(self) -> ox.Store:
        """Load what is left, flush, and return the store."""
        self._load()
        self.store.flush()
        return self.store


def write_turtle(store: ox.Store, fh: BinaryIO) -> int:
    """Every distinct triple of the store's named graphs as Turtle, in the store's index order;
    returns how many triples were written.

    The order is the union graph's subject-first index, so a subject's triples come together
    and the same quads give the same bytes (term ids are content hashes). No SPARQL
    ``ORDER BY``: it is several times slower than the scan.

    Examples
    --------
    >>> import io
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x"), ox.NamedNode("urn:g")))
    >>> buf = io.BytesIO()
    >>> write_turtle(s, buf)
    1
    >>> '<urn:a> <urn:p> "x" .' in buf.getvalue().decode()
    True
    """
    from graph.ns import PREFIXES

    triples = store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
        use_default_graph_as_union=True,
    )
    assert isinstance(triples, ox.QueryTriples)
    written = 0

    def counted() -> Iterator[ox.Triple]:
        nonlocal written
        for t in triples:
            written += 1
            yield t

    ox.serialize(counted(), fh, ox.RdfFormat.TURTLE, prefixes=dict(sorted(PREFIXES.items())))
    return written


def open_graph(path: Path) -> ox.Store:
    """The graph at ``path``, whichever form it has: a built folder (``out/``), a store folder, or
    an ``.nq``/``.ttl`` file (see :func:`open_store` and :func:`open_source`).

    Raises
    ------
    QueryError
        If ``path`` holds no graph, or it cannot be read.
    """
    if path.is_file():
        return open_source(path)
    try:
        return open_store(path)
    except QueryError:
        if path.is_dir() and any(path.iterdir()):
            return open_source(path)  # a store folder itself
        raise
