"""The steps the command line chains around a build: the viewer page written into the build,
the report written beside the graph, exports and the graph the viewer and the report read.

:mod:`graph.pipeline` only chains the stages into a build; what is made from the built graph is
here, so that ``nexus-kg build`` (graph, then viewer), ``report``, ``viz`` and ``export`` each
name their steps.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import InputError

if TYPE_CHECKING:
    import rdflib

    from graph.pipeline import Build

#: The viewer page a build holds.
VIEWER = "graph.html"


def write_viewer(build: Build) -> Path:
    """The viewer page of the build's graph, written into the build's folder to be published with
    it; returns its path there. It is drawn from what the build gathered as its documents
    streamed by (:mod:`graph.analytics.stream`), else from its store projected (:func:`graph_from_store`)."""
    with build.timings.stage("viewer"):  # with the imports: they are part of its cost
        from graph.analytics.project import graph_from_store
        from graph.analytics.report import viewer

        target = build.folder / VIEWER
        page = build.view.page() if build.view is not None else viewer(graph_from_store(build.store))
        target.write_text(page, encoding="utf-8")
    return target


def write_atomic(target: Path, data: bytes) -> Path:
    """Write ``data`` to ``target`` through a temporary file beside it, renamed when complete.

    Raises
    ------
    InputError
        If ``target`` cannot be written (its message names the file).
    """
    import tempfile

    tmp = ""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{target}: cannot write: {exc.strerror or exc}") from exc
    return target


def export_graph(source: Path, fmt: str) -> bytes:
    """The fact graph of the graph at ``source`` (a built folder, store or file) in ``fmt``
    (see :mod:`graph.analytics.export`)."""
    from graph.analytics import export
    from graph.rdf.store import open_graph

    return export.render(export.fact_graph(open_graph(source)), fmt)


def export_target(out: str, fmt: str) -> Path:
    """Where ``export --out OUT`` writes: ``OUT`` itself, or ``OUT/facts.<ext>`` for a folder (one
    that exists, or a name ending in ``/``).

    Examples
    --------
    >>> str(export_target("x/", "gexf")), str(export_target("x.gexf", "gexf"))
    ('x/facts.gexf', 'x.gexf')
    """
    from graph.analytics.export import EXTENSIONS

    path = Path(out)
    return path / f"facts.{EXTENSIONS[fmt]}" if path.is_dir() or out.endswith(os.sep) else path


def read_graph(path: Path) -> rdflib.Graph:
    """The graph the viewer and report read: a ``.ttl``/``.nq`` file parsed, or from a built
    folder (or store) the part of its store they need (:func:`graph_from_store`), so no Turtle is
    needed."""
    from graph.analytics.project import graph_from_store
    from graph.errors import QueryError
    from graph.rdf.store import open_graph, open_source, store_source
    from graph.rdf.validate import load_graph

    if not path.is_dir():
        return load_graph(path)
    try:
        source = store_source(path)
    except QueryError:
        return graph_from_store(open_graph(path))  # a store folder itself
    # Turtle has no named graphs, which the store's projection reads: parse it instead
    return load_graph(source) if source.suffix == ".ttl" else graph_from_store(open_source(source))


def viz_target(out: str) -> Path:
    """Where ``viz --out OUT`` writes: ``OUT/viz.html`` for a folder (one that exists, or a name
    ending in ``/`` or without ``.html``), else ``OUT`` itself.

    Examples
    --------
    >>> str(viz_target("pages")), str(viz_target("pages/isil.html"))
    ('pages/viz.html', 'pages/isil.html')
    """
    path = Path(out)
    if path.is_dir() or out.endswith(os.sep) or path.suffix.lower() not in (".html", ".htm"):
        return path / "viz.html"
    return path


def write_report(out: Path, files: Mapping[str, str | bytes]) -> list[Path]:
    """Write the report's files (names such as ``report/report.md``) for the graph built in
    ``out``: into its current generation, so that ``out/report/`` describes the graph it sits
    beside and a rebuild leaves no stale report (into ``out`` itself where there are no
    generations). Returns the paths as seen from ``out``."""
    from graph.rdf import store as st

    gen = st.current_generation(out)
    written = []
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        write_atomic((gen or out) / name, data)
        written.append(out / name)
    if gen is not None:
        st.link_current(out, "report")
    return written
