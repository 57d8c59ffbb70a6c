"""The SPARQL endpoint, exercised by independent clients: SPARQLWrapper, roqet (rasqal) and curl."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, require_tool

from graph.cli import main

NX = "https://w3id.org/nexus-kg/ontology#"
NXID = "https://w3id.org/nexus-kg/id/"
TALIBAN_DRUGS = f"SELECT ?c WHERE {{ <{NXID}group-taliban> <{NX}benefitsFrom> ?c }}"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
TIMEOUT = 3


@pytest.fixture(scope="module")
def endpoint(built: Path) -> Iterator[str]:
    """``nexus-kg serve`` on a free loopback port, stopped at the end."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graph.cli",
            "serve",
            "--out",
            str(built),
            "--port",
            "0",
            "--timeout",
            str(TIMEOUT),
            "--max-results",
            "100",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line.startswith("serving "):
        proc.kill()
        pytest.fail(f"server did not start: {line}{proc.stderr.read() if proc.stderr else ''}")
    url = line.split()[1]
    yield url
    proc.terminate()
    proc.wait(10)


def http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, str]:
    """Status, content type and body of one request (errors included)."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            return resp.status, resp.headers.get_content_type(), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read().decode("utf-8")


def triples(url: str) -> int:
    status, _, body = http(url + "?" + urllib.parse.urlencode({"query": COUNT}))
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_binds_loopback(endpoint: str) -> None:
    assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/sparql")


def test_sparqlwrapper_select_json_and_xml(endpoint: str) -> None:
    from SPARQLWrapper import JSON, XML, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setQuery(TALIBAN_DRUGS)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert {"type": "uri", "value": NXID + "crime-drug-trafficking"} in [
        b["c"]
        for b in result["results"]["bindings"]  # type: ignore[index]
    ]
    client.setReturnFormat(XML)
    doc = client.query().convert()
    uris = [u.firstChild.data for u in doc.getElementsByTagName("uri")]  # type: ignore[union-attr]
    assert NXID + "crime-drug-trafficking" in uris


def test_sparqlwrapper_post_ask_and_construct(endpoint: str) -> None:
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setMethod(POST)
    client.setQuery(f"ASK {{ <{NXID}group-taliban> <{NX}benefitsFrom> <{NXID}crime-drug-trafficking> }}")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True  # type: ignore[index]
    client.setQuery(f"CONSTRUCT {{ ?g <{NX}benefitsFrom> ?c }} WHERE {{ ?g <{NX}benefitsFrom> ?c }}")
    client.setReturnFormat(TURTLE)
    import rdflib

    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert (
        rdflib.URIRef(NXID + "group-taliban"),
        rdflib.URIRef(NX + "benefitsFrom"),
        rdflib.URIRef(NXID + "crime-drug-trafficking"),
    ) in graph


def test_roqet_select(endpoint: str) -> None:
    roqet = require_tool("roqet")
    run = subprocess.run(
        [roqet, "-q", "-p", endpoint, "-r", "csv", "-e", TALIBAN_DRUGS],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert NXID + "crime-drug-trafficking" in run.stdout


def test_roqet_reads_chinese_literals(endpoint: str) -> None:
    roqet = require_tool("roqet")
    q = f"SELECT ?l WHERE {{ <{NXID}group-taliban> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
    run = subprocess.run(
        [roqet, "-q", "-p", endpoint, "-r", "csv", "-e", q], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert "塔利班" in run.stdout


def curl(*args: str) -> tuple[int, str]:
    exe = require_tool("curl")
    run = subprocess.run(
        [exe, "-s", "-w", "\n%{http_code}", *args], capture_output=True, text=True, timeout=60
    )
    body, _, code = run.stdout.rpartition("\n")
    return int(code), body


def test_curl_get_post_and_negotiation(endpoint: str) -> None:
    code, body = curl("-G", "--data-urlencode", f"query={TALIBAN_DRUGS}", "-H", "Accept: text/csv", endpoint)
    assert code == 200 and body.splitlines()[0] == "c" and NXID + "crime-drug-trafficking" in body
    code, body = curl(
        "--data-urlencode", f"query={TALIBAN_DRUGS}", "-H", "Accept: text/tab-separated-values", endpoint
    )
    assert code == 200 and f"<{NXID}crime-drug-trafficking>" in body
    code, body = curl(
        "-H",
        "Content-Type: application/sparql-query",
        "--data-binary",
        TALIBAN_DRUGS,
        "-H",
        "Accept: application/sparql-results+xml",
        endpoint,
    )
    assert code == 200 and f"<uri>{NXID}crime-drug-trafficking</uri>" in body
    construct = f"CONSTRUCT WHERE {{ <{NXID}group-taliban> <{NX}benefitsFrom> ?c }}"
    code, body = curl(
        "-G", "--data-urlencode", f"query={construct}", "-H", "Accept: application/n-triples", endpoint
    )
    assert (
        code == 200 and f"<{NXID}group-taliban> <{NX}benefitsFrom> <{NXID}crime-drug-trafficking> ." in body
    )
    code, body = curl("-G", "--data-urlencode", f"query={construct}", "-H", "Accept: text/turtle", endpoint)
    assert code == 200 and "nxid:group-taliban" in body


def test_prefixes_are_predeclared(endpoint: str) -> None:
    q = "SELECT ?c WHERE { nxid:group-taliban :benefitsFrom ?c }"
    status, ctype, body = http(endpoint + "?" + urllib.parse.urlencode({"query": q}))
    assert status == 200 and ctype == "application/sparql-results+json"
    assert NXID + "crime-drug-trafficking" in body


def test_update_is_refused_and_changes_nothing(endpoint: str) -> None:
    before = triples(endpoint)
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    status, _, body = http(endpoint, insert.encode(), {"Content-Type": "application/sparql-update"})
    assert status == 403 and "read-only" in body
    form = urllib.parse.urlencode({"update": insert}).encode()
    status, _, body = http(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body
    form = urllib.parse.urlencode({"query": insert}).encode()
    status, _, body = http(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "INSERT" in body
    assert triples(endpoint) == before


def test_syntax_error_is_400_with_position(endpoint: str) -> None:
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT ?x WHERE { ?x ?y }"}))
    assert status == 400
    assert "cannot read the query (line 1, column 19: Expected SelectQuery)" in body  # the policy's parser


def test_result_limit_is_413(endpoint: str) -> None:
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"}))
    assert status == 413 and "more than 100 rows" in body


def test_timeout_is_503_and_the_server_keeps_serving(endpoint: str) -> None:
    start = time.monotonic()
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": ENDLESS}))
    assert status == 503 and f"{TIMEOUT} s limit" in body
    assert time.monotonic() - start < TIMEOUT + 10
    status, _, body = http(endpoint + "?" + urllib.parse.urlencode({"query": TALIBAN_DRUGS}))
    assert status == 200 and "crime-drug-trafficking" in body
    time.sleep(0.5)
    assert triples(endpoint) > 1000  # and again, once the stopped worker is replaced


def test_viewer_page(endpoint: str, built: Path) -> None:
    status, ctype, body = http(endpoint.removesuffix("sparql"))
    assert status == 200 and ctype == "text/html"
    if not (built / "graph.html").is_file():
        assert "nexus-kg build" in body


def test_unsupported_body_is_415(endpoint: str) -> None:
    status, _, _ = http(endpoint, b"{}", {"Content-Type": "application/json"})
    assert status == 415


def test_query_command_against_the_endpoint(
    endpoint: str, built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "--out", str(built), "--name", "recalled-by-2482", "--format", "csv"]) == 0
    local = capsys.readouterr().out
    assert main(["query", "--endpoint", endpoint, "--name", "recalled-by-2482", "--format", "csv"]) == 0
    assert capsys.readouterr().out == local
    assert main(["query", "--endpoint", endpoint, "SELECT ?g ?c WHERE { ?g :benefitsFrom ?c }"]) == 0
    assert "塔利班" in capsys.readouterr().out  # labels looked up at the endpoint too
    assert main(["query", "--endpoint", endpoint, "SELECT ?x WHERE { ?x ?y }"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: " + endpoint + ": HTTP 400") and err.count("\n") == 1


def test_unreachable_endpoint(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "--endpoint", "http://127.0.0.1:9/sparql", "ASK {}"]) == 1
    assert "cannot reach the endpoint" in capsys.readouterr().err
