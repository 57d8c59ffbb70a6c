"""The endpoint probed as an attacker and a careless user would, on loopback (issue: hardening)."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT

from graph.errors import QueryError
from graph.rdf.store import store_version
from graph.sparql.handler import SparqlServer, make_server
from graph.sparql.pool import MB, Limits

HUNGRY = "SELECT * WHERE {?a ?b ?c.?d ?e ?f.?g ?h ?i} ORDER BY ?c ?f ?i LIMIT 5"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def start(out: Path, **kwargs: object) -> SparqlServer:
    limits = kwargs.pop("limits", Limits(max_memory=512 * MB))
    server = make_server(
        out,
        "127.0.0.1",
        0,
        timeout=kwargs.pop("timeout", 8.0),  # type: ignore[arg-type]
        max_results=100,
        workers=2,
        limits=limits,
        **kwargs,
    )  # type: ignore[arg-type]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server(built: Path) -> Iterator[SparqlServer]:
    srv = start(built)
    yield srv
    srv.shutdown()
    srv.server_close()


def request(
    srv: SparqlServer,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    source: str | None = None,
) -> tuple[int, dict[str, str], str]:
    """Status, headers (lower-case names) and body of one request, from ``source`` if given."""
    host, port = srv.server_address[:2]
    conn = http.client.HTTPConnection(
        str(host), int(port), timeout=60, source_address=(source, 0) if source else None
    )
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read().decode("utf-8")
    finally:
        conn.close()


def get(srv: SparqlServer, query: str, **kwargs: object) -> tuple[int, dict[str, str], str]:
    return request(srv, "GET", "/sparql?" + urllib.parse.urlencode({"query": query}), **kwargs)  # type: ignore[arg-type]


class Recorder:
    """A loopback listener that records whether anything connected to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = False
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self.thread.join(2)
        self.sock.close()


def test_service_is_refused_and_nothing_is_contacted(server: SparqlServer) -> None:
    rec = Recorder()
    try:
        for query in (
            f"SELECT ?s WHERE {{ SERVICE <http://127.0.0.1:{rec.port}/json> {{ ?s ?p ?o }} }}",
            f"SELECT ?s WHERE {{ service silent <http://127.0.0.1:{rec.port}/> {{ ?s ?p ?o }} }}",
            f"ASK {{ ?s ?p ?o FILTER EXISTS {{ SELECT ?s {{ SERVICE <http://127.0.0.1:{rec.port}/> {{}} }} }} }}",
        ):
            status, _, body = get(server, query)
            assert status == 400 and "SERVICE is not allowed" in body
        status, _, body = get(server, f"ASK FROM <http://127.0.0.1:{rec.port}/x.ttl> {{ ?s ?p ?o }}")
        assert status == 200 and json.loads(body)["boolean"] is False  # FROM names a (missing) store graph
        status, _, _ = request(
            server,
            "POST",
            "/sparql",
            f"LOAD <http://127.0.0.1:{rec.port}/x>".encode(),
            {"Content-Type": "application/sparql-update"},
        )
        assert status == 403
        status, _, body = get(server, f"\\u004cOAD <http://127.0.0.1:{rec.port}/x>")  # past the keyword check
        assert status == 403 and "SPARQL Update (LOAD)" in body
        time.sleep(0.3)
        assert rec.hits == 0
    finally:
        rec.close()


def test_cors_is_off_by_default_and_one_origin_when_asked(server: SparqlServer, built: Path) -> None:
    _, headers, _ = get(server, "ASK {}", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in headers
    _, headers, _ = request(server, "GET", "/", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in headers
    other = start(built, cors="http://localhost:8000")
    try:
        _, headers, _ = get(other, "ASK {}")
        assert headers["access-control-allow-origin"] == "http://localhost:8000"
    finally:
        other.shutdown()
        other.server_close()


def test_foreign_host_header_is_refused_on_pages_and_endpoint(server: SparqlServer) -> None:
    port = server.server_address[1]
    for path in ("/sparql?query=ASK%7B%7D", "/"):
        status, _, body = request(server, "GET", path, headers={"Host": f"evil.example:{port}"})
        assert status == 421 and "is not this server" in body
    status, _, _ = get(server, "ASK {}", headers={"Host": f"localhost:{port}"})
    assert status == 200


def test_memory_hungry_query_is_stopped_while_a_cheap_one_answers(server: SparqlServer) -> None:
    hungry: dict[str, tuple[int, dict[str, str], str]] = {}
    thread = threading.Thread(target=lambda: hungry.setdefault("r", get(server, HUNGRY)))
    thread.start()
    time.sleep(0.3)
    begin = time.monotonic()
    status, _, body = get(server, "ASK {}")
    took = time.monotonic() - begin
    thread.join(60)
    assert status == 200 and json.loads(body)["boolean"] is True
    assert took < 5, f"ASK took {took:.2f} s beside the hungry query"  # liveness, not a speed goal
    status, _, body = hungry["r"]
    assert status == 503 and "memory limit" in body


def test_slow_clients_do_not_starve_another_client(built: Path) -> None:
    srv = start(built, timeout=4.0)
    try:
        slow = [threading.Thread(target=get, args=(srv, SLOW)) for _ in range(6)]
        for t in slow:
            t.start()
        time.sleep(0.5)
        begin = time.monotonic()
        status, _, _ = get(srv, "ASK {}", source="127.0.0.2")
        took = time.monotonic() - begin
        assert status == 200 and took < 5, f"ASK waited {took:.2f} s behind one client's slow queries"
        for t in slow:
            t.join(60)
    finally:
        srv.shutdown()
        srv.server_close()


def test_a_cheap_query_answers_while_three_other_clients_run_slow_ones(built: Path) -> None:
    srv = start(built, timeout=20.0)
    ended: dict[str, float] = {}

    def slow(source: str) -> None:
        get(srv, SLOW, source=source)
        ended[source] = time.monotonic()

    try:
        clients = [threading.Thread(target=slow, args=(f"127.0.0.{i}",)) for i in (2, 3, 4)]
        for t in clients:
            t.start()
        time.sleep(1.0)  # the three slow queries hold every worker
        begin = time.monotonic()
        status, _, body = get(srv, "ASK {}", source="127.0.0.5")
        done = time.monotonic()
        assert status == 200 and json.loads(body)["boolean"] is True
        assert done - begin < 5, f"ASK waited {done - begin:.2f} s behind three clients' slow queries"
        still_running = [t for t in clients if t.is_alive()]
        assert len(still_running) >= 2  # two slow queries keep their long-lane workers
        for t in clients:
            t.join(60)
        assert sum(end > done for end in ended.values()) >= 2
    finally:
        srv.shutdown()
        srv.server_close()


def test_time_limit_counts_from_arrival(built: Path) -> None:
    # every worker (two long-lane, one quick-lane with no quick limit here) runs a slow query
    srv = start(built, timeout=3.0, limits=Limits(per_client=3, quick=30.0))
    try:
        threads = [threading.Thread(target=get, args=(srv, SLOW)) for _ in range(3)]
        for t in threads:
            t.start()
        time.sleep(1.5)
        begin = time.monotonic()
        status, _, body = get(srv, SLOW)  # waits 1.5 s for a worker, then may run only what is left
        took = time.monotonic() - begin
        assert status == 503 and "3 s limit" in body
        assert took < 3 + 1.2, f"took {took:.2f} s: the wait and the run each got the 3 s limit"
        for t in threads:
            t.join(30)
    finally:
        srv.shutdown()
        srv.server_close()


def test_body_and_response_limits(built: Path) -> None:
    srv = start(built, limits=Limits(max_body=64 * 1024, max_response=1 * MB))
    try:
        big = b"query=" + b"%20" * (100 * 1024)
        status, headers, body = request(
            srv, "POST", "/sparql", big, {"Content-Type": "application/x-www-form-urlencoded"}
        )
        assert status == 413 and "request body" in body and headers.get("connection") == "close"
        doubling = 'BIND("xxxxxxxxxxxxxxxx" AS ?x0) ' + " ".join(
            f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(18)
        )
        status, _, body = get(srv, f"SELECT ?x18 WHERE {{ {doubling} }}")
        assert status == 413 and "response limit" in body
    finally:
        srv.shutdown()
        srv.server_close()


def test_malformed_content_length_is_400_and_the_server_goes_on(server: SparqlServer) -> None:
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), int(port)), timeout=10) as sock:
        sock.sendall(
            f"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/sparql-query"
            "\r\nContent-Length: 12abc\r\n\r\nASK {}".encode()
        )
        answer = sock.recv(4096).decode()
    assert answer.startswith("HTTP/1.1 400") and "Content-Length" in answer
    assert get(server, "ASK {}")[0] == 200


def test_keep_alive_serves_several_requests_on_one_connection(server: SparqlServer) -> None:
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(str(host), int(port), timeout=10)
    try:
        for _ in range(3):
            conn.request("GET", "/sparql?query=ASK%7B%7D")
            resp = conn.getresponse()
            assert resp.status == 200 and resp.version == 11
            resp.read()
        assert conn.sock is not None  # the same socket carried all three
    finally:
        conn.close()


def test_stalled_connections_time_out_and_are_capped(built: Path) -> None:
    srv = start(built, limits=Limits(connection_timeout=1.0, max_connections=4))
    host, port = srv.server_address[:2]
    try:
        stalled = [socket.create_connection((str(host), int(port)), timeout=10) for _ in range(4)]
        time.sleep(0.2)
        with socket.create_connection((str(host), int(port)), timeout=10) as extra:
            extra.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert extra.recv(4096).startswith(b"HTTP/1.1 503")
        for s in stalled:
            assert s.recv(100) == b""  # closed by the server once the connection timeout passed
            s.close()
        assert get(srv, "ASK {}")[0] == 200
    finally:
        srv.shutdown()
        srv.server_close()


def crash_next_worker(srv: SparqlServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The next request's worker dies as it is handed out, as on a segfault in the engine."""
    pool, acquire = srv.pool, srv.pool._acquire

    def crashing(*args: object) -> object:
        worker, quick = acquire(*args)  # type: ignore[arg-type]
        monkeypatch.setattr(pool, "_acquire", acquire)
        os.kill(worker.process.pid, signal.SIGSEGV)  # type: ignore[arg-type]
        worker.process.join(5)
        return worker, quick

    monkeypatch.setattr(pool, "_acquire", crashing)


def test_worker_crash_is_500_not_400(server: SparqlServer, monkeypatch: pytest.MonkeyPatch) -> None:
    crash_next_worker(server, monkeypatch)
    status, _, body = get(server, "ASK {}")
    assert status == 500 and "stopped unexpectedly" in body
    assert get(server, "ASK {}")[0] == 200  # only that request failed
    with server.pool._cond:
        victims = list(server.pool._idle)
    for w in victims:  # workers that die while idle are replaced before they are handed out
        os.kill(w.process.pid, signal.SIGSEGV)  # type: ignore[arg-type]
        w.process.join(5)
    assert get(server, "ASK {}")[0] == 200


def test_port_in_use_and_unbindable_host_are_one_line_errors(server: SparqlServer, built: Path) -> None:
    port = int(server.server_address[1])
    with pytest.raises(QueryError, match=f"127.0.0.1:{port}: cannot listen"):
        make_server(built, "127.0.0.1", port, workers=1)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "graph.cli",
            "serve",
            "--out",
            str(built),
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "cannot listen" in proc.stderr


def test_ipv6_loopback_serves_or_fails_in_one_line(built: Path) -> None:
    try:
        srv = make_server(built, "::1", 0, workers=1)
    except QueryError as exc:
        assert "::1" in str(exc) and "cannot listen" in str(exc)
        return
    try:
        assert srv.url.startswith("http://[::1]:")
    finally:
        srv.server_close()


def test_a_rebuild_switches_every_answer_at_once(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out)
    srv = start(out)
    try:
        before = json.loads(get(srv, COUNT)[2])["results"]["bindings"][0]["n"]["value"]
        version = store_version(out)
        nq = out / "nexus.nq"
        shutil.rmtree(out / "store")
        nq.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
        assert store_version(out) != version
        counts = {json.loads(get(srv, COUNT)[2])["results"]["bindings"][0]["n"]["value"] for _ in range(6)}
        assert counts == {"1"} and before != "1"
    finally:
        srv.shutdown()
        srv.server_close()


def inline_scripts(page: str) -> list[str]:
    """The text of every ``<script>`` element without attributes, as an HTML parser reads it."""

    class Scripts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []
            self.inside = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.inside = tag == "script" and not attrs
            if self.inside:
                self.found.append("")

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.found[-1] += data

        def handle_endtag(self, tag: str) -> None:
            self.inside = False

    parser = Scripts()
    parser.feed(page)
    return parser.found


def test_every_answer_is_nosniff_and_every_page_has_a_policy(server: SparqlServer) -> None:
    for path in ("/", "/graph.html", "/entity/group-taliban", "/entity?name=nothing-at-all", "/nothing"):
        _, headers, body = request(server, "GET", path)
        assert headers["x-content-type-options"] == "nosniff", path
        if headers["content-type"].startswith("text/html"):
            policy = headers["content-security-policy"]
            assert headers["x-frame-options"] == "DENY" and "frame-ancestors 'none'" in policy, path
            assert (
                "default-src 'none'" in policy
                and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
            )
            for script in inline_scripts(body):  # each inline script, as a browser parses it, by hash
                digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
                assert f"'sha256-{digest}'" in policy, path
    _, headers, _ = get(server, "ASK {}")
    assert headers["x-content-type-options"] == "nosniff" and "content-security-policy" not in headers


def test_a_post_from_another_sites_page_is_refused(server: SparqlServer) -> None:
    port = server.server_address[1]
    form = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    ctype = {"Content-Type": "application/x-www-form-urlencoded"}
    for origin in ("http://evil.example", "null", f"http://localhost:{port}"):
        status, _, body = request(server, "POST", "/sparql", form, {**ctype, "Origin": origin})
        assert status == 403 and "another site" in body, (
            origin
        )  # Host says 127.0.0.1: localhost is another origin
    own = {**ctype, "Origin": f"http://127.0.0.1:{port}"}
    assert request(server, "POST", "/sparql", form, own)[0] == 200
    assert request(server, "POST", "/sparql", form, ctype)[0] == 200  # no Origin: not a browser page


def test_control_characters_give_well_formed_xml(server: SparqlServer) -> None:
    import xml.dom.minidom

    literal = '"a\\u001b]0;pwned\\u0007b\\u202e"'
    for query, accept in (
        (f"SELECT ?x WHERE {{ BIND({literal} AS ?x) }}", "application/sparql-results+xml"),
        (f"CONSTRUCT {{ <urn:s> <urn:p> ?x }} WHERE {{ BIND({literal} AS ?x) }}", "application/rdf+xml"),
    ):
        status, _, body = get(server, query, headers={"Accept": accept})
        assert status == 200 and "\x1b" not in body and "\x07" not in body
        text = xml.dom.minidom.parseString(body.encode("utf-8")).documentElement.toxml()
        assert "a\ufffd]0;pwned\ufffdb\u202e" in text
    status, _, body = get(server, f"SELECT ?x WHERE {{ BIND({literal} AS ?x) }}")
    assert (
        json.loads(body)["results"]["bindings"][0]["x"]["value"] == "a\x1b]0;pwned\x07b\u202e"
    )  # JSON keeps it


def test_port_out_of_range_is_a_one_line_error(built: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "graph.cli", "serve", "--out", str(built), "--port", "99999"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        proc.returncode == 1
        and proc.stderr == "Error: --port 99999: not a port number (0 to 65535; 0 picks a free one)\n"
    )


def test_dossier_pages_are_answered_by_the_workers_and_a_crash_is_one_500(
    server: SparqlServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash_next_worker(server, monkeypatch)
    status, _, body = request(server, "GET", "/entity/group-taliban")
    assert status == 500 and "stopped unexpectedly" in body
    status, _, body = request(server, "GET", "/entity/group-taliban")
    assert status == 200 and '<h1 id="label">塔利班</h1>' in body
    assert request(server, "GET", "/entity?name=" + urllib.parse.quote("no such group"))[0] == 404


def test_a_document_page_is_answered_by_the_workers_too(server: SparqlServer) -> None:
    status, _, body = request(server, "GET", "/entity/doc-s-2015-366")
    assert status == 200 and "S/2015/366" in body and "Claims stated" in body


def test_dossier_pages_have_the_query_limits_and_paginate(built: Path) -> None:
    srv = start(built, limits=Limits(max_memory=512 * MB, max_response=20_000))
    try:
        status, _, body = request(srv, "GET", "/entity/un-unodc")
        assert status == 413 and "response limit" in body  # the size limit of /sparql applies
    finally:
        srv.shutdown()
        srv.server_close()
    srv = start(built, timeout=8.0)
    try:
        status, _, body = request(srv, "GET", "/entity/un-unodc")
        assert status == 200 and 'rel="next" href="/entity/un-unodc?page=2"' in body
        status, _, second = request(srv, "GET", "/entity/un-unodc?page=2")
        assert status == 200 and 'rel="prev" href="/entity/un-unodc?page=1"' in second and second != body
        assert request(srv, "GET", "/entity/un-unodc?page=999")[0] == 404
        assert request(srv, "GET", "/entity/un-unodc?page=-1")[0] == 400
    finally:
        srv.shutdown()
        srv.server_close()


def test_deep_nesting_is_refused_before_the_engine_sees_it(server: SparqlServer, built: Path) -> None:
    deep = "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"  # segfaults the parser
    status, _, body = get(server, deep)
    assert status == 400 and "nested 5002 deep, over the limit of 256" in body
    assert get(server, "SELECT * WHERE { FILTER(" + "(" * 200 + "1" + ")" * 200 + ") }")[0] == 200
    proc = subprocess.run(
        [sys.executable, "-m", "graph.cli", "query", "--out", str(built), deep],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "nested 5002 deep" in proc.stderr
