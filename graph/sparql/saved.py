"""Saved questions: ``ontology/queries/<name>.rq`` files with a header of titles, a description
and the arguments they take.

An argument is declared in the header as ``# @arg NAME <KIND>: description (default: VALUE)``;
the query projects ``?NAME``, and :mod:`graph.sparql.arguments` binds it as data (never as query
text). ``KIND`` is ``entity`` (any name or id of one entity, bound as its IRI), ``text`` (the
default; a string) or ``integer``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from graph.errors import OntologyError, QueryError
from graph.resources import ontology_dir

HEADER_KEYS = ("title-zh", "title-en", "description")
#: The kinds of argument (see the module's docstring).
ARG_KINDS = ("entity", "text", "integer")
_ARG = re.compile(r"#\s*@arg\s+([A-Za-z_]\w*)(?:\s+<(\w+)>)?\s*:\s*(.*?)\s*\(default:\s*(.*)\)\s*$")


@dataclass(frozen=True, slots=True)
class Argument:
    """An argument a saved question takes: the variable it binds, its kind, what it means and
    the value it has when not given."""

    name: str
    kind: str
    description: str
    default: str


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """A saved question: ``ontology/queries/<name>.rq`` with its header."""

    name: str
    title_zh: str
    title_en: str
    description: str
    text: str
    arguments: tuple[Argument, ...] = ()


def declared_arguments(name: str, text: str) -> tuple[Argument, ...]:
    """The ``# @arg`` lines of a query's header (the comment lines before the query).

    Raises
    ------
    OntologyError
        If an ``@arg`` line lacks a description or default, names an unknown kind, repeats an
        argument, or the query does not use the variable.

    Examples
    --------
    >>> declared_arguments("q", "# @arg entity <entity>: who (default: ISIL)\\nSELECT ?entity {}")
    (Argument(name='entity', kind='entity', description='who', default='ISIL'),)
    """
    found: list[Argument] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if not re.match(r"#\s*@arg\b", line):
            continue
        m = _ARG.match(line)
        if not m or not m.group(3) or not m.group(4):
            raise OntologyError(
                f"{name}.rq: write `# @arg NAME <KIND>: description (default: VALUE)`: {line}"
            )
        arg = Argument(m.group(1), m.group(2) or "text", m.group(3), m.group(4).strip())
        if arg.kind not in ARG_KINDS:
            raise OntologyError(
                f"{name}.rq: @arg {arg.name}: kind <{arg.kind}> is not one of {', '.join(ARG_KINDS)}"
            )
        if any(a.name == arg.name for a in found):
            raise OntologyError(f"{name}.rq: @arg {arg.name} is declared twice")
        if not re.search(rf"\?{arg.name}\b", text):
            raise OntologyError(f"{name}.rq: @arg {arg.name}: the query has no variable ?{arg.name}")
        found.append(arg)
    return tuple(found)


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
        if re.match(r"#\s*@arg\b", line):
            key = ""  # an argument ends the text before it
            continue
        m = re.match(r"#\s*([a-z-]+):\s*(.*)$", line)
        if m and m.group(1) in HEADER_KEYS:
            key = m.group(1)
            header[key] = m.group(2).strip()
        elif key and line[1:].strip():
            header[key] += " " + line[1:].strip()
    missing = [k for k in HEADER_KEYS if not header.get(k)]
    if missing:
        raise OntologyError(f"{name}.rq: header line `# {missing[0]}: …` is missing")
    return SavedQuery(
        name,
        header["title-zh"],
        header["title-en"],
        header["description"],
        text,
        declared_arguments(name, text),
    )


def saved_queries(folder: Path | None = None) -> list[SavedQuery]:
    """Every saved question in ``folder`` (default :func:`queries_dir`), sorted by name."""
    folder = folder or queries_dir()
    return [parse_saved(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.rq"))]


def saved_query(name: str, folder: Path | None = None) -> SavedQuery:
    """The saved question ``name``, in any case.

    Raises
    ------
    QueryError
        If there is none by that name (the message suggests near names).

    Examples
    --------
    >>> saved_query("AMOUNTS").name
    'amounts'
    >>> saved_query("amuonts")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: no saved query named 'amuonts'; did you mean amounts? `nexus-kg query --list` shows the names
    """
    folder = folder or queries_dir()
    names = {p.stem.casefold(): p for p in sorted(folder.glob("*.rq"))}
    path = names.get(name.strip().casefold())
    if path is None or not path.is_file():
        near = difflib.get_close_matches(name.strip().casefold(), list(names), n=3, cutoff=0.6)
        hint = "; did you mean " + " or ".join(names[n].stem for n in near) + "? " if near else "; "
        raise QueryError(f"no saved query named {name!r}{hint}`nexus-kg query --list` shows the names")
    return parse_saved(path.stem, path.read_text(encoding="utf-8"))
