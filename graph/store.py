"""The embedded Oxigraph store that queries run against: built from ``nexus.nq``, opened read-only.

``nexus-kg build`` writes ``out/nexus.nq`` and then loads it into ``out/store`` with
:func:`build_store`. Queries open the store with :func:`open_store`, which falls back to loading
``nexus.nq`` (or ``nexus.ttl``) into memory when no store has been built.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError

STORE_DIR = "store"
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


def store_source(out: Path) -> Path:
    """What :func:`open_store` will read in ``out``: the store folder, else ``nexus.nq``, else ``nexus.ttl``.

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
    if (out / STORE_DIR).is_dir():
        return out / STORE_DIR
    for name, _ in SOURCES:
        if (out / name).is_file():
            return out / name
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
