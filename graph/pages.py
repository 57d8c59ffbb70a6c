"""The pages ``serve`` shows beside the SPARQL endpoint: every GET that is not ``/sparql``.

:func:`page` is a pure function of the output folder and the request, so the HTTP layer stays
free of page logic and the pages can be tested without a server.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path

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


def page(out: Path, path: str, query: dict[str, list[str]]) -> Page | None:
    """The page at ``path`` (with parsed query string ``query``) for the graph in ``out``; None if none.

    Examples
    --------
    >>> int(page(Path("no-such-folder"), "/", {}).status)
    200
    >>> page(Path("no-such-folder"), "/nothing", {}) is None
    True
    """
    if path in ("/", "/index.html", "/graph.html"):
        viewer = out / "graph.html"
        body = viewer.read_bytes() if viewer.is_file() else NO_VIEWER.encode("utf-8")
        return Page(HTTPStatus.OK, "text/html; charset=utf-8", body)
    return None


def not_found(path: str) -> Page:
    """The 404 answer for ``path``."""
    text = f"404 Not Found: {html.escape(path)}: nothing here; try /sparql\n"
    return Page(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", text.encode("utf-8"))
