"""What a request may ask: the query policy and the checks on where a request comes from.

Pure functions of the request's text and headers, so each rule is tested without a server. The
query policy reads the parse tree of rdflib's SPARQL parser (:func:`vet`, run by the query
workers under their limits); only the bracket-nesting check, which keeps too deep a query from
any parser, and the opening update keyword are read from the text (:func:`check_query`).
A refused query raises a :class:`graph.errors.QueryError` subclass the HTTP layer maps to a status.
"""

from __future__ import annotations

import ipaddress
import re
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.errors import QueryError
from graph.sparql.query import MAX_NESTING, QueryRefused, QuerySyntaxError, nesting, update_keyword

if TYPE_CHECKING:  # rdflib is loaded only where a query is vetted (the query workers)
    from rdflib.plugins.sparql.parserutils import CompValue

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class RemoteRefused(QueryError):
    """The query asks for data outside the store (``SERVICE``)."""


#: Python frames the policy's parser may use: brackets nested :data:`MAX_NESTING` deep take
#: about 10,000, and each triple pattern of a block about 11 (rdflib's grammar recurses on both).
PARSE_FRAMES = 50_000
#: rdflib's names for the forms the endpoint does not run, as they appear in its parse tree.
REMOTE = "ServiceGraphPattern"


def check_query(text: str) -> None:
    """The server's checks before a query is handed to a worker, cheap and lexical: brackets
    nested deeper than :data:`graph.sparql.query.MAX_NESTING` (400, checked first) and a request
    that opens with an update keyword (403). The worker then reads the query with :func:`vet`.

    Raises
    ------
    QuerySyntaxError
        If ``text`` nests too deep.
    QueryRefused
        If ``text`` opens as a SPARQL Update.

    Examples
    --------
    >>> check_query("ASK {}")
    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    graph.sparql.query.QueryRefused: SPARQL Update (DROP) is not allowed; the endpoint is read-only
    """
    depth = nesting(text)
    if depth > MAX_NESTING:
        raise QuerySyntaxError(f"brackets nested {depth} deep, over the limit of {MAX_NESTING}")
    op = update_keyword(text)
    if op:
        raise QueryRefused(f"SPARQL Update ({op}) is not allowed; the endpoint is read-only")


def prepare() -> None:
    """Load the policy's parser and give it :data:`PARSE_FRAMES` (a query worker, once, at start)."""
    import rdflib.plugins.sparql.parser  # noqa: F401

    sys.setrecursionlimit(max(sys.getrecursionlimit(), PARSE_FRAMES))


def parse(text: str) -> tuple[str, object]:
    """``("query", tree)`` or ``("update", tree)``: ``text`` read by rdflib's SPARQL 1.1 parser.

    Raises
    ------
    QuerySyntaxError
        If it is neither a query nor an update rdflib can read, or needs more frames than the
        recursion limit allows: a query the policy cannot read cannot be vetted, so it is not run.
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return "query", parseQuery(text)
    except ParseBaseException as exc:
        try:
            return "update", parseUpdate(text)
        except ParseBaseException:
            raise QuerySyntaxError(
                f"the query policy cannot read the query (line {exc.lineno}, column {exc.col}: "
                f"{exc.msg}), so it is not run"
            ) from exc
        except RecursionError:
            pass
    except RecursionError:
        pass
    raise QuerySyntaxError("the query is too long or deep for the query policy's parser, so it is not run")


def nodes(tree: object) -> Iterator[CompValue]:
    """Every rdflib ``CompValue`` in a parse tree, however deep (no recursion)."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    todo = [tree]
    while todo:
        node = todo.pop()
        if isinstance(node, CompValue):
            yield node
            todo.extend(node.values())
        elif isinstance(node, dict):
            todo.extend(node.values())
        elif isinstance(node, list | tuple | ParseResults):
            todo.extend(node)


def _keyword(name: str) -> str:
    """rdflib's name for an update operation as its keywords: ``InsertData`` → ``INSERT DATA``."""
    return "DELETE/INSERT" if name == "Modify" else re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).upper()


def vet(text: str) -> None:
    """Refuse what the endpoint does not run, from the query's parse tree: brackets nested deeper
    than :data:`graph.sparql.query.MAX_NESTING` (checked first, without parsing), a query rdflib
    cannot read (400), updates and ``LOAD`` (403), and ``SERVICE`` anywhere (400).

    Raises
    ------
    QuerySyntaxError
        If ``text`` nests too deep, or is not SPARQL the policy can read (see :func:`parse`).
    QueryRefused
        If ``text`` is a SPARQL Update.
    RemoteRefused
        If ``text`` calls ``SERVICE``, in any pattern, subquery or ``EXISTS``.

    Examples
    --------
    >>> vet('SELECT * WHERE { ?s <urn:SERVICE> "SERVICE" } # SERVICE')
    >>> vet("ASK { OPTIONAL { service silent <http://127.0.0.1:1/> {} } }")
    Traceback (most recent call last):
    graph.sparql.guard.RemoteRefused: SERVICE is not allowed; the endpoint answers only from its own graph
    """
    depth = nesting(text)
    if depth > MAX_NESTING:
        raise QuerySyntaxError(f"brackets nested {depth} deep, over the limit of {MAX_NESTING}")
    kind, tree = parse(text)
    if kind == "update":
        requests = dict.get(tree, "request") if isinstance(tree, dict) else None  # CompValue.get differs
        if not requests:
            raise QuerySyntaxError("a prologue with no query after it")
        ops = ", ".join(_keyword(str(getattr(op, "name", op))) for op in requests)
        raise QueryRefused(f"SPARQL Update ({ops}) is not allowed; the endpoint is read-only")
    if any(node.name == REMOTE for node in nodes(tree)):
        raise RemoteRefused("SERVICE is not allowed; the endpoint answers only from its own graph")


def split_host(header: str) -> tuple[str, str | None]:
    """``Host`` header value as (name, port or None), IPv6 brackets removed."""
    header = header.strip().lower()
    if header.startswith("["):
        name, _, rest = header[1:].partition("]")
        return name, rest[1:] if rest.startswith(":") else None
    name, sep, port = header.rpartition(":")
    return (name, port) if sep else (header, None)


def is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(header: str | None, bound: str, bound_port: int) -> bool:
    """True if a request's ``Host`` header names the server bound to ``bound:bound_port``
    (the DNS-rebinding guard).

    >>> host_allowed("localhost:7878", "127.0.0.1", 7878), host_allowed("evil.example:7878", "127.0.0.1", 7878)
    (True, False)
    """
    if header is None:
        return True  # HTTP/1.0 clients; browsers always send Host
    name, port = split_host(header)
    if port is not None and port != str(bound_port):
        return False
    if port is None and bound_port != 80:
        return False
    if bound in ("0.0.0.0", "::"):
        return name == "localhost" or is_ip(name)
    if bound in LOOPBACK_NAMES or bound.startswith("127."):
        return name == bound or name in LOOPBACK_NAMES
    return name == bound


def same_origin(origin: str | None, host: str | None, cors: str | None) -> bool:
    """False if a browser says the request comes from another site's page (``Origin``): one that
    is neither this server (``http://`` + ``Host``) nor the one origin ``--cors`` allows.

    >>> same_origin(None, "127.0.0.1:7878", None), same_origin("http://127.0.0.1:7878", "127.0.0.1:7878", None)
    (True, True)
    >>> same_origin("http://evil.example", "127.0.0.1:7878", None), same_origin("null", "127.0.0.1:7878", None)
    (False, False)
    """
    if origin is None:
        return True  # not sent by a browser page: curl, notebooks, the SPARQL clients
    own = "http://" + (host or "").strip().lower()
    return origin.strip().lower() == own or (cors is not None and origin == cors)
