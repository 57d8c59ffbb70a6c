"""Saved questions: ``ontology/queries/<name>.rq`` files with a header of titles and a description."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph.errors import OntologyError, QueryError
from graph.resources import ontology_dir

HEADER_KEYS = ("title-zh", "title-en", "description")


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A saved question: ``ontology/queries/<name>.rq`` with its header."""

    name: str
    title_zh: str
    title_en: str
    description: str
    text: str


def queries_dir() -> Path:
    """The folder of saved questions, ``ontology/queries``."""
    return ontology_dir() / "queries"


def parse_saved(name: str, text: str) -> SavedQuery:
    """A saved question from its file text; the header comment lines give its titles.

    Raises
    ------
    OntologyError
        If a header line (``# title-zh:``, ``# title-en:``, ``# description:``) is missing.

    Examples
    --------
    >>> q = parse_saved("x", "# title-zh: 问\\n# title-en: Q\\n# description: what\\n#   and more\\nASK {}")
    >>> q.title_en, q.description
    ('Q', 'what and more')
    """
    header: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = re.match(r"#\s*([a-z-]+):\s*(.*)$", line)
        if m and m.group(1) in HEADER_KEYS:
            key = m.group(1)
            header[key] = m.group(2).strip()
        elif key and line[1:].strip():
            header[key] += " " + line[1:].strip()
    missing = [k for k in HEADER_KEYS if not header.get(k)]
    if missing:
        raise OntologyError(f"{name}.rq: header line `# {missing[0]}: …` is missing")
    return SavedQuery(name, header["title-zh"], header["title-en"], header["description"], text)


def saved_queries(folder: Path | None = None) -> list[SavedQuery]:
    """Every saved question in ``folder`` (default :func:`queries_dir`), sorted by name."""
    folder = folder or queries_dir()
    return [parse_saved(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]


def saved_query(name: str, folder: Path | None = None) -> SavedQuery:
    """The saved question ``name``.

    Raises
    ------
    QueryError
        If there is none by that name.

    Examples
    --------
    >>> saved_query("no-such-question")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: no saved query named 'no-such-question'; `nexus-kg query --list` shows the names
    """
    path = (folder or queries_dir()) / f"{name}.rq"
    if "/" in name or not path.is_file():
        raise QueryError(f"no saved query named {name!r}; `nexus-kg query --list` shows the names")
    return parse_saved(name, path.read_text(encoding="utf-8"))
