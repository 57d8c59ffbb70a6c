"""What a request may ask: the query policy and the checks on where a request comes from.

Pure functions of the request's text and headers, so each rule is tested without a server.
A refused query raises a :class:`graph.errors.QueryError` subclass the HTTP layer maps to a status.
"""

from __future__ import annotations

import ipaddress
import re

from graph.errors import QueryError
from graph.sparql.query import MAX_NESTING, QueryRefused, QuerySyntaxError, code_only, nesting, update_keyword

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class RemoteRefused(QueryError):
    """The query asks for data outside the store (``SERVICE``)."""


_SERVICE = re.compile(r"(?<![\w:?$.\-])SERVICE\b", re.IGNORECASE)


def asks_remote(text: str) -> bool:
    """True if ``text`` uses ``SERVICE`` (outside strings, IRIs and comments).

    >>> asks_remote("SELECT * WHERE { service <http://127.0.0.1:1/> { ?s ?p ?o } }")
    True
    >>> asks_remote('SELECT * WHERE { ?s <urn:SERVICE> "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(code_only(text)))


def check_query(text: str) -> None:
    """Refuse what the endpoint does not run: updates and ``LOAD`` (403), ``SERVICE`` and
    brackets nested deeper than :data:`graph.sparql.query.MAX_NESTING` (400).

    Raises
    ------
    QueryRefused
        If ``text`` is a SPARQL Update.
    RemoteRefused
        If ``text`` uses ``SERVICE``.
    QuerySyntaxError
        If ``text`` nests too deep.

    Examples
    --------
    >>> check_query("ASK {}")
    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    graph.sparql.query.QueryRefused: SPARQL Update (DROP) is not allowed; the endpoint is read-only
    """
    op = update_keyword(text)
    if op:
        raise QueryRefused(f"SPARQL Update ({op}) is not allowed; the endpoint is read-only")
    if asks_remote(text):
        raise RemoteRefused("SERVICE is not allowed; the endpoint answers only from its own graph")
    depth = nesting(text)
    if depth > MAX_NESTING:
        raise QuerySyntaxError(f"brackets nested {depth} deep, over the limit of {MAX_NESTING}")


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
