"""The query tests of the W3C SPARQL 1.1 Protocol suite, rewritten from their descriptions.

Each test names the suite's test it stands for (``protocol/manifest.ttl`` in the W3C rdf-tests
repository); they run against the endpoint over a small two-graph dataset, nothing is fetched.
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from graph.sparql.handler import SparqlServer, make_server

G1, G2 = "http://kasei.us/2009/09/sparql/data/data1.rdf", "http://kasei.us/2009/09/sparql/data/data2.rdf"
DATA = f"""<urn:alice> <http://xmlns.com/foaf/0.1/name> "Alice" <{G1}> .
<urn:bob> <http://xmlns.com/foaf/0.1/name> "Bob" <{G2}> .
"""
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
DIRECT = {"Content-Type": "application/sparql-query"}


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparqlServer]:
    out = tmp_path_factory.mktemp("protocol")
    (out / "nexus.nq").write_text(DATA, encoding="utf-8")
    server = make_server(out, "127.0.0.1", 0, timeout=10, max_results=1000, workers=2)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def call(
    srv: SparqlServer,
    method: str,
    params: list[tuple[str, str]] | None = None,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    host, port = srv.server_address[:2]
    conn = http.client.HTTPConnection(str(host), int(port), timeout=30)
    path = "/sparql" + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def form(pairs: list[tuple[str, str]]) -> bytes:
    return urllib.parse.urlencode(pairs).encode()


def boolean(body: bytes) -> bool:
    return bool(json.loads(body)["boolean"])


def names(body: bytes) -> set[str]:
    return {b["name"]["value"] for b in json.loads(body)["results"]["bindings"]}


NAMES = "SELECT ?name WHERE { ?s <http://xmlns.com/foaf/0.1/name> ?name }"
IN_G = "ASK { GRAPH ?g { ?s ?p ?o } }"


def test_query_get(srv: SparqlServer) -> None:
    status, headers, body = call(srv, "GET", [("query", NAMES)])
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+json")
    assert names(body) == {"Alice", "Bob"}


def test_query_post_form(srv: SparqlServer) -> None:
    status, _, body = call(srv, "POST", body=form([("query", "ASK {}")]), headers=FORM)
    assert status == 200 and boolean(body)


def test_query_post_direct(srv: SparqlServer) -> None:
    status, _, body = call(srv, "POST", body=b"ASK {}", headers=DIRECT)
    assert status == 200 and boolean(body)


def test_query_dataset_default_graph(srv: SparqlServer) -> None:
    status, _, body = call(srv, "GET", [("query", NAMES), ("default-graph-uri", G1)])
    assert status == 200 and names(body) == {"Alice"}


def test_query_dataset_default_graphs_get(srv: SparqlServer) -> None:
    status, _, body = call(
        srv, "GET", [("query", NAMES), ("default-graph-uri", G1), ("default-graph-uri", G2)]
    )
    assert status == 200 and names(body) == {"Alice", "Bob"}


def test_query_dataset_default_graphs_post(srv: SparqlServer) -> None:
    pairs = [("query", NAMES), ("default-graph-uri", G1), ("default-graph-uri", G2)]
    status, _, body = call(srv, "POST", body=form(pairs), headers=FORM)
    assert status == 200 and names(body) == {"Alice", "Bob"}


def test_query_dataset_named_graphs_post(srv: SparqlServer) -> None:
    query = f"ASK {{ GRAPH <{G2}> {{ ?s ?p ?o }} }}"
    status, _, body = call(srv, "POST", body=form([("query", query), ("named-graph-uri", G1)]), headers=FORM)
    assert status == 200 and boolean(body) is False
    status, _, body = call(srv, "POST", body=form([("query", query), ("named-graph-uri", G2)]), headers=FORM)
    assert status == 200 and boolean(body) is True


def test_query_dataset_named_graphs_get(srv: SparqlServer) -> None:
    query = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    status, _, body = call(srv, "GET", [("query", query), ("named-graph-uri", G1)])
    assert status == 200
    assert {b["g"]["value"] for b in json.loads(body)["results"]["bindings"]} == {G1}


def test_query_dataset_full(srv: SparqlServer) -> None:
    query = "SELECT ?name ?g WHERE { { ?s ?p ?name } UNION { GRAPH ?g { ?s ?p ?name } } }"
    status, _, body = call(srv, "GET", [("query", query), ("default-graph-uri", G1), ("named-graph-uri", G2)])
    rows = {
        (b["name"]["value"], b.get("g", {}).get("value")) for b in json.loads(body)["results"]["bindings"]
    }
    assert status == 200 and rows == {("Alice", None), ("Bob", G2)}


def test_query_multiple_dataset(srv: SparqlServer) -> None:
    """The protocol dataset replaces the query's own FROM."""
    query = f"SELECT ?name FROM <{G1}> WHERE {{ ?s <http://xmlns.com/foaf/0.1/name> ?name }}"
    assert names(call(srv, "GET", [("query", query)])[2]) == {"Alice"}
    status, _, body = call(srv, "GET", [("query", query), ("default-graph-uri", G2)])
    assert status == 200 and names(body) == {"Bob"}


def test_query_content_type_select(srv: SparqlServer) -> None:
    status, headers, body = call(
        srv, "GET", [("query", NAMES)], headers={"Accept": "application/sparql-results+xml"}
    )
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+xml")
    assert ET.fromstring(body).tag.endswith("sparql")
    for mtype in ("text/csv", "text/tab-separated-values"):
        status, headers, body = call(srv, "GET", [("query", NAMES)], headers={"Accept": mtype})
        assert status == 200 and headers["content-type"].startswith(mtype) and b"Alice" in body


def test_query_content_type_ask(srv: SparqlServer) -> None:
    status, headers, body = call(
        srv, "GET", [("query", "ASK {}")], headers={"Accept": "application/sparql-results+xml"}
    )
    assert status == 200 and headers["content-type"].startswith("application/sparql-results+xml")
    assert b"<boolean>true</boolean>" in body


@pytest.mark.parametrize(
    "fmt",
    [
        ox.RdfFormat.TURTLE,
        ox.RdfFormat.N_TRIPLES,
        ox.RdfFormat.RDF_XML,
        ox.RdfFormat.JSON_LD,
        ox.RdfFormat.N_QUADS,
        ox.RdfFormat.TRIG,
    ],
)
def test_query_content_type_construct_and_describe(srv: SparqlServer, fmt: ox.RdfFormat) -> None:
    for query in ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "DESCRIBE <urn:alice>"):
        status, headers, body = call(srv, "GET", [("query", query)], headers={"Accept": fmt.media_type})
        assert status == 200 and headers["content-type"].startswith(fmt.media_type)
        parsed = {str(q.object) for q in ox.parse(body, format=fmt)}
        assert '"Alice"' in parsed


def test_query_base_iri(srv: SparqlServer) -> None:
    """A relative IRI with no BASE resolves against the endpoint's URL."""
    status, _, body = call(
        srv,
        "GET",
        [("query", "CONSTRUCT { <s> <p> 1 } WHERE {}")],
        headers={"Accept": "application/n-triples"},
    )
    assert status == 200 and f"<{srv.url.removesuffix('sparql')}s>".encode() in body


def test_bad_query_method(srv: SparqlServer) -> None:
    for method in ("PUT", "DELETE"):
        status, headers, _ = call(srv, method, [("query", "ASK {}")])
        assert status == 405 and "POST" in headers["allow"] and "GET" in headers["allow"]


def test_bad_multiple_queries(srv: SparqlServer) -> None:
    status, _, _ = call(srv, "GET", [("query", "ASK {}"), ("query", "SELECT * {}")])
    assert status == 400


def test_bad_query_wrong_media_type(srv: SparqlServer) -> None:
    status, _, _ = call(srv, "POST", body=b"ASK {}", headers={"Content-Type": "text/plain"})
    assert status == 415


def test_bad_query_missing_form_type(srv: SparqlServer) -> None:
    status, _, _ = call(srv, "POST", body=form([("query", "ASK {}")]))
    assert 400 <= status < 500


def test_bad_query_missing_direct_type(srv: SparqlServer) -> None:
    status, _, _ = call(srv, "POST", body=b"ASK {}")
    assert 400 <= status < 500


def test_bad_query_non_utf8(srv: SparqlServer) -> None:
    query = 'ASK { ?s ?p "café" }'.encode("iso-8859-1")
    status, _, body = call(
        srv, "POST", body=query, headers={"Content-Type": "application/sparql-query; charset=UTF-8"}
    )
    assert status == 400 and b"not valid" in body
    status, _, _ = call(
        srv, "POST", body=query, headers={"Content-Type": "application/sparql-query; charset=ISO-8859-1"}
    )
    assert status == 200  # the declared charset is honoured


def test_bad_query_syntax(srv: SparqlServer) -> None:
    status, _, _ = call(srv, "GET", [("query", "ASK {")])
    assert status == 400


def test_bad_update_via_query(srv: SparqlServer) -> None:
    status, _, _ = call(srv, "POST", body=form([("update", "CLEAR ALL")]), headers=FORM)
    assert status == 403


def test_service_description(srv: SparqlServer) -> None:
    status, headers, body = call(srv, "GET", headers={"Accept": "text/turtle"})
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert any(str(t.object) == f"<{sd}Service>" and str(t.subject) == f"<{srv.url}>" for t in triples)
    assert any(str(t.predicate) == f"<{sd}endpoint>" for t in triples)
