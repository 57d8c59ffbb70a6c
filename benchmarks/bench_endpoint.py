"""The endpoint under the hardening probes: how long a cheap query waits beside hostile ones.

(a) ``ASK {}`` alone (baseline), (b) ``ASK {}`` while the memory-hungry query
    ``SELECT * WHERE {?a ?b ?c.?d ?e ?f.?g ?h ?i} ORDER BY ?c ?f ?i LIMIT 5`` runs (from the same
    client), and how long that query ran before it was stopped and with what status,
(c) ``ASK {}`` from a second client address (127.0.0.2) while one client keeps 20 slow queries
    in flight. Goals: (b) and (c) under 1 s.

Figures are printed, never asserted. Builds the seed graph into a temporary folder first.

Usage: ``python benchmarks/bench_endpoint.py [--timeout S] [--max-memory MB]``
"""

from __future__ import annotations

import argparse
import http.client
import statistics
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HUNGRY = "SELECT * WHERE {?a ?b ?c.?d ?e ?f.?g ?h ?i} ORDER BY ?c ?f ?i LIMIT 5"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def ask(host: str, port: int, query: str, source: str | None = None) -> tuple[int, float]:
    """Status and seconds of one GET."""
    begin = time.monotonic()
    conn = http.client.HTTPConnection(host, port, timeout=120, source_address=(source, 0) if source else None)
    try:
        conn.request("GET", "/sparql?" + urllib.parse.urlencode({"query": query}))
        resp = conn.getresponse()
        resp.read()
        return resp.status, time.monotonic() - begin
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--max-memory", type=int, default=1024, metavar="MB")
    args = ap.parse_args()
    from graph.pipeline import run_build
    from graph.sparql.handler import make_server
    from graph.sparql.pool import MB, Limits

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        run_build([ROOT / "seeds"], out, progress=lambda m: None)
        srv = make_server(
            out,
            "127.0.0.1",
            0,
            timeout=args.timeout,
            workers=2,
            limits=Limits(max_memory=args.max_memory * MB),
        )
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        host, port = "127.0.0.1", int(srv.server_address[1])
        try:
            base = statistics.median(ask(host, port, "ASK {}")[1] for _ in range(20))
            print(f"(a) ASK alone, median of 20: {base * 1000:.1f} ms")
            hungry: list[tuple[int, float]] = []
            t = threading.Thread(target=lambda: hungry.append(ask(host, port, HUNGRY)))
            t.start()
            time.sleep(0.3)
            status, took = ask(host, port, "ASK {}")
            t.join()
            print(
                f"(b) ASK beside the hungry query: {status} in {took * 1000:.1f} ms; "
                f"hungry query: {hungry[0][0]} after {hungry[0][1]:.2f} s"
            )
            time.sleep(1.5)  # let the stopped worker be replaced
            slow = [threading.Thread(target=ask, args=(host, port, SLOW)) for _ in range(20)]
            for s in slow:
                s.start()
            time.sleep(0.5)
            status, took = ask(host, port, "ASK {}", source="127.0.0.2")
            print(f"(c) ASK from another client beside 20 slow queries: {status} in {took * 1000:.1f} ms")
            for s in slow:
                s.join()
        finally:
            srv.shutdown()
            srv.server_close()


if __name__ == "__main__":
    main()
