"""Query policy read from the parse tree of a SPARQL parser, and query workers that cannot reach
the network whatever the policy misses (security finding 2)."""

from __future__ import annotations

import multiprocessing as mp
import socket

import pyoxigraph as ox
import pytest

from graph.sparql import guard, pool
from graph.sparql.query import MAX_NESTING, QueryRefused, QuerySyntaxError, execute
from graph.sparql.saved import saved_queries, saved_query

REMOTE = "SERVICE <http://127.0.0.1:9/secret> { ?a ?b ?c }"
BYPASSES = [
    # an escaped IRI before a SERVICE (with a # in it, see the test after this one)
    "SELECT * WHERE { BIND(<urn:x\\u0041> AS ?z) SERVICE <http://127.0.0.1:9/secret> { ?a ?b ?c } }",
    # an escaped quote in a prefixed name was taken for the start of a string
    "SELECT * WHERE { ?s nx:a\\'b ?o . SERVICE <http://127.0.0.1:9/> { ?a ?b ?c } } # '",
    "SELECT * WHERE { ?s ?p ?o \\U00000020 SeRvIcE <http://127.0.0.1:9/> { ?a ?b ?c } }",
    "SELECT * WHERE { ?s ?p ?o . \\u0053ERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
    f"SELECT * WHERE {{ {REMOTE.lower()} }}",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/> { ?a ?b ?c } }",
    "SELECT * WHERE { SERVICE ?where { ?a ?b ?c } VALUES ?where { <http://127.0.0.1:9/> } }",
    f"SELECT * WHERE {{ ?s ?p ?o {{ SELECT ?a WHERE {{ {REMOTE} }} }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ {REMOTE} }} }}",
    f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ {REMOTE} }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o MINUS {{ {REMOTE} }} }}",
    f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ {REMOTE} }} }}",
    f"ASK {{ ?s ?p ?o FILTER(!(NOT EXISTS {{ GRAPH ?g {{ {REMOTE} }} }})) }}",
    f"CONSTRUCT {{ ?a ?b ?c }} WHERE {{ {REMOTE} }}",
    f"DESCRIBE ?a WHERE {{ {REMOTE} }}",
]
UPDATES = [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "# a comment first\nPREFIX x: <urn:x#>\ninsert data { x:a x:b x:c }",
    "\\u0049NSERT DATA { <urn:a> <urn:b> <urn:c> }",  # the keyword escaped: the lexical check misses it
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "LOAD <http://127.0.0.1:9/x.ttl>",
    "load silent <http://127.0.0.1:9/x.ttl> INTO GRAPH <urn:g>",
    "\\u004cOAD <http://127.0.0.1:9/x.ttl>",
]
LATERAL = "SELECT * WHERE { ?s ?p ?o LATERAL { SELECT ?o WHERE { ?o ?q ?r } LIMIT 1 } }"


@pytest.mark.parametrize("text", BYPASSES)
def test_known_bypasses_of_the_service_refusal_are_refused(text: str) -> None:
    with pytest.raises(guard.RemoteRefused, match="SERVICE is not allowed"):
        guard.vet(text)


def test_the_escaped_iri_bypass_as_reported_is_refused_unread() -> None:
    # the # inside the escaped IRI was taken for a comment that hid the SERVICE after it; rdflib
    # cannot read an IRI with a # before a SERVICE: refused all the same (400), never run
    text = "SELECT * WHERE { BIND(<urn:x\\u0041#> AS ?z) SERVICE <http://127.0.0.1:9/secret> { ?a ?b ?c } }"
    with pytest.raises(QuerySyntaxError, match="cannot read the query"):
        guard.vet(text)


@pytest.mark.parametrize("text", UPDATES)
def test_updates_and_load_are_refused_however_written(text: str) -> None:
    with pytest.raises(QueryRefused, match=r"SPARQL Update \([A-Z]"):
        guard.vet(text)


@pytest.mark.parametrize(
    "text",
    [
        'SELECT * WHERE { ?s <urn:SERVICE> "SERVICE" } # SERVICE',
        "SELECT * WHERE { ?s ?p '''SERVICE <http://127.0.0.1:9/> { ?a ?b ?c }''' }",
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://127.0.0.1:9/> { ?a ?b ?c }",
        # a prefix called service: the lexical check took it for the keyword
        "PREFIX service: <urn:x#> SELECT ?service WHERE { ?service service:SERVICE ?o }",
    ],
)
def test_service_in_strings_iris_and_comments_is_not_a_call(text: str) -> None:
    guard.vet(text)  # no exception: the query is run


def test_every_saved_question_passes_the_policy() -> None:
    names = [q.name for q in saved_queries()]
    assert len(names) >= 10
    for name in names:
        guard.vet(saved_query(name).text)


def test_a_query_the_policy_cannot_read_is_refused_naming_the_place() -> None:
    with pytest.raises(QuerySyntaxError, match=r"cannot read the query \(line 2, column \d+"):
        guard.vet("SELECT ?x\nWHERE { ?x ?y }")
    # pyoxigraph runs this extension; rdflib cannot read it, so it is refused rather than run unvetted
    assert execute(ox.Store(), LATERAL).rows == ()
    with pytest.raises(QuerySyntaxError, match="cannot read the query"):
        guard.vet(LATERAL)


def test_nesting_over_the_limit_is_refused_before_any_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parser(text: str) -> tuple[str, object]:
        raise AssertionError("the parser was called")

    monkeypatch.setattr(guard, "parse", no_parser)
    deep = "ASK { FILTER(" + "(" * MAX_NESTING + "1" + ")" * MAX_NESTING + ") }"
    for check in (guard.vet, guard.check_query):
        with pytest.raises(QuerySyntaxError, match=f"over the limit of {MAX_NESTING}"):
            check(deep)
    with pytest.raises(AssertionError, match="the parser was called"):
        guard.vet("ASK { FILTER((1)) }")


def test_nesting_up_to_the_limit_is_read_by_the_policy() -> None:
    guard.prepare()
    depth = MAX_NESTING - 2  # FILTER( and the group's { add two
    guard.vet("ASK { FILTER(" + "(" * depth + "1" + ")" * depth + ") }")
    nested = "ASK " + "{ ?s ?p ?o OPTIONAL " * 200 + "{ SERVICE <urn:s> {} }" + " }" * 200
    with pytest.raises(guard.RemoteRefused):
        guard.vet(nested)


def _try_connect(port: int, answer: mp.Queue) -> None:  # type: ignore[type-arg]
    cut = pool._cut_network()
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        answer.put((cut, "connected"))
    except OSError as exc:
        answer.put((cut, type(exc).__name__))


def test_a_query_worker_cannot_open_a_connection() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    ctx = mp.get_context("fork")
    answer = ctx.Queue()
    proc = ctx.Process(target=_try_connect, args=(listener.getsockname()[1], answer))
    proc.start()
    cut, outcome = answer.get(timeout=30)
    proc.join(30)
    listener.close()
    if not cut:
        pytest.skip("this machine lets no process leave the network namespace; the query policy alone holds")
    assert outcome != "connected", "a worker cut off from the network still reached a local server"
