"""The arguments of a saved question (``--arg NAME=VALUE``), bound as data.

A value never becomes query text: :func:`bind` turns each argument into an RDF term (the IRI of
the entity an ``<entity>`` argument names, found by :func:`graph.sparql.dossier.resolve`; a
string or an integer otherwise) that Oxigraph substitutes for the variable before evaluation.

Examples
--------
>>> parse_pairs(["entity=Boko Haram"])
{'entity': 'Boko Haram'}
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence

import pyoxigraph as ox

from graph.errors import QueryError
from graph.sparql.dossier import resolve, resolve_remote
from graph.sparql.results import Results
from graph.sparql.saved import Argument

XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def parse_pairs(pairs: Sequence[str]) -> dict[str, str]:
    """``["NAME=VALUE", …]`` as a dict (names in lower case).

    Raises
    ------
    QueryError
        If a pair has no ``=`` or a name is given twice.
    """
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().casefold()
        if not sep or not name:
            raise QueryError(f"--arg {pair}: write NAME=VALUE, e.g. --arg entity=ISIL")
        if name in out:
            raise QueryError(f"--arg {name}: given twice")
        out[name] = value.strip()
    return out


def bind(
    store: ox.Store | Callable[[str], Results],
    arguments: Sequence[Argument],
    given: Mapping[str, str],
    source: str = "query",
) -> dict[str, ox.NamedNode | ox.Literal]:
    """The value of each argument (given, else its default) as the term to bind its variable to.

    Raises
    ------
    QueryError
        If an argument is not declared (with the nearest declared names), an ``<integer>`` is not
        a number, or an ``<entity>`` names no entity, or several (see
        :func:`graph.sparql.dossier.resolve`, which suggests near names).

    ``store`` is the local store, or a function that answers a query at an endpoint (the names
    are then fetched from it and matched here, see :func:`graph.sparql.dossier.resolve_remote`).
    """
    declared = {a.name.casefold(): a for a in arguments}
    for name in sorted(given):
        if name not in declared:
            near = difflib.get_close_matches(name, list(declared), n=1, cutoff=0.5)
            takes = ", ".join(a.name for a in arguments) or "none"
            hint = f"; did you mean {near[0]}?" if near else ""
            raise QueryError(f"{source}: no argument {name!r}{hint} (it takes: {takes})")
    out: dict[str, ox.NamedNode | ox.Literal] = {}
    for arg in arguments:
        value = given.get(arg.name.casefold(), arg.default)
        if arg.kind == "entity":
            found = resolve(store, value) if isinstance(store, ox.Store) else resolve_remote(store, value)
            out[arg.name] = ox.NamedNode(found)
        elif arg.kind == "integer":
            if not value.lstrip("-").isdigit():
                raise QueryError(f"{source}: --arg {arg.name}={value}: not a whole number")
            out[arg.name] = ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD_INTEGER))
        else:
            out[arg.name] = ox.Literal(value)
    return out


def values_clause(bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    r"""The bindings as a trailing ``VALUES`` block, for an endpoint (the SPARQL protocol has no
    bindings): each value is an RDF term written by pyoxigraph, so it stays one term whatever it
    holds; joined before grouping, it means what a local binding means.

    Examples
    --------
    >>> print(values_clause({"entity": ox.NamedNode("https://w3id.org/nexus-kg/id/x"), "n": ox.Literal('a" }')}))
    VALUES (?entity ?n) { (<https://w3id.org/nexus-kg/id/x> "a\" }") }
    """
    names = sorted(bindings)
    if not names:
        return ""
    variables = " ".join(f"?{ox.Variable(n).value}" for n in names)
    return f"VALUES ({variables}) {{ ({' '.join(str(bindings[n]) for n in names)}) }}"
