"""Median latency of every saved question, in Oxigraph and in rdflib's own SPARQL engine.

Runs on the graph built from seeds/ and on a synthetic graph of about a million triples in the
same RDF model: the seed documents' claims, passages and amounts are replicated, and in each copy
the groups, crimes, regions and agents are swapped for variants so the facts differ. rdflib is
slow on the large graph, so each of its queries there runs once, in a forked process that is
stopped after a time cap (reported as ``>cap``).

Usage: ``python benchmarks/bench_queries.py [--quick] [--triples N] [--cap SECONDS]``
(``--quick``: 100,000 synthetic triples, fewer repetitions, 10 s cap).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import rdflib

from graph.outputs import write_viewer
from graph.pipeline import building
from graph.rdf.store import STORE_DIR, build_store, open_store
from graph.sparql.arguments import bind, values_clause
from graph.sparql.query import execute, with_prologue
from graph.sparql.saved import SavedQuery, saved_queries

ROOT = Path(__file__).resolve().parents[1]


ID = "https://w3id.org/nexus-kg/id/"
PER_COPY = re.compile(
    r"<https://w3id\.org/nexus-kg/id/((?:claim|passage|amount|doc|graph-(?!entities>))[^>]*)>"
)
ENTITY = re.compile(
    r"<https://w3id\.org/nexus-kg/id/((group|crime|country|region|un|org|programme|convention)-[^>]*)>"
)
VARIANTS = {
    "group": 37,
    "crime": 11,
    "country": 23,
    "region": 7,
    "un": 13,
    "org": 5,
    "programme": 3,
    "convention": 2,
}


def build_as_the_cli(paths: list[Path], out: Path) -> None:
    """A build as ``nexus-kg build`` chains it: the graph, then the viewer page."""
    with building(paths, out, progress=lambda m: None) as b:
        write_viewer(b)


def synthetic(seed_nq: str, target: int) -> Iterator[str]:
    """About ``target`` N-Quads lines: perturbed copies of the seed graph (copy 0 is the seed itself).

    Each copy gets its own documents, passages, claims and graphs; entity descriptions stay in the
    one ``graph-entities``, once per entity variant.
    """
    lines = [line for line in seed_nq.splitlines() if line.strip()]
    seen: set[str] = set()
    k = -1
    while len(seen) < target:
        k += 1
        if k == 0:
            seen.update(lines)
            yield from lines
            continue

        def entity(m: re.Match[str], k: int = k) -> str:
            return f"<{ID}{m.group(1)}-v{k % VARIANTS[m.group(2)]}>"

        for line in lines:
            new = ENTITY.sub(entity, PER_COPY.sub(lambda m, k=k: f"<{ID}{m.group(1)}-c{k}>", line))
            if new not in seen:
                seen.add(new)
                yield new


Bindings = dict[str, dict[str, ox.NamedNode | ox.Literal]]


def time_oxigraph(
    out: Path, saved: dict[str, SavedQuery], reps: int, fixed: Bindings | None = None
) -> dict[str, float]:
    """Median seconds per query on the on-disk store in ``out``, its arguments bound to their
    defaults as the CLI binds them (finding the entity a name means is part of the time), or to
    ``fixed`` (the synthetic graph, where each seed name also names the variants of its copies)."""
    store = open_store(out)
    result = {}
    for name, q in saved.items():
        runs = []
        for _ in range(reps):
            t = time.perf_counter()
            b = fixed[name] if fixed is not None else bind(store, q.arguments, {}, name)
            execute(store, q.text, source=name, bindings=b)
            runs.append(time.perf_counter() - t)
        result[name] = statistics.median(runs)
    return result


def defaults(out: Path, saved: dict[str, SavedQuery]) -> Bindings:
    """The terms each query's argument defaults mean in the graph in ``out``."""
    store = open_store(out)
    return {name: bind(store, q.arguments, {}, name) for name, q in saved.items()}


def with_values(saved: dict[str, SavedQuery], bound: Bindings) -> dict[str, str]:
    """Each query's text with its bindings as a ``VALUES`` block (as sent to an endpoint), for
    rdflib, which takes no substitutions."""
    return {
        name: f"{q.text.rstrip()}\n{values_clause(bound[name])}" if bound[name] else q.text
        for name, q in saved.items()
    }


def _rdflib_child(ds: rdflib.Dataset, text: str, reps: int, conn: mp.connection.Connection) -> None:
    runs = []
    try:
        for _ in range(reps):
            t = time.perf_counter()
            list(ds.query(with_prologue(text)))
            runs.append(time.perf_counter() - t)
        conn.send(statistics.median(runs))
    except Exception as exc:  # reported in the table, not fatal
        conn.send(f"error: {exc}")


def time_rdflib(ds: rdflib.Dataset, texts: dict[str, str], reps: int, cap: float) -> dict[str, float | None]:
    """Median seconds per query in rdflib, each query in a forked child stopped after ``cap`` s."""
    ctx = mp.get_context("fork")
    result: dict[str, float | None] = {}
    for name, text in texts.items():
        mine, theirs = ctx.Pipe()
        proc = ctx.Process(target=_rdflib_child, args=(ds, text, reps, theirs))
        proc.start()
        theirs.close()
        got = mine.recv() if mine.poll(cap * reps) else None
        if isinstance(got, str):
            print(f"  rdflib {name}: {got}", file=sys.stderr)
            got = float("nan")
        result[name] = got
        proc.kill()
        proc.join()
    return result


def load_rdflib(nq: Path) -> rdflib.Dataset:
    ds = rdflib.Dataset(default_union=True)
    ds.parse(nq, format="nquads")
    return ds


def fmt(seconds: float | None, cap: float) -> str:
    return f">{cap:g} s" if seconds is None else f"{seconds * 1000:,.1f}"


def timed(label: str, fn: Callable[[], object]) -> object:
    t = time.perf_counter()
    value = fn()
    print(f"  {label}: {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--quick", action="store_true", help="100k synthetic triples, fewer repetitions, 10 s cap"
    )
    ap.add_argument("--triples", type=int, help="size of the synthetic graph (default 1,000,000)")
    ap.add_argument("--cap", type=float, help="seconds rdflib may spend on one query on the large graph")
    args = ap.parse_args(argv)
    target = args.triples or (100_000 if args.quick else 1_000_000)
    cap = args.cap or (10.0 if args.quick else 60.0)
    reps_small, reps_big_ox = (3, 1) if args.quick else (5, 3)
    saved = {q.name: q for q in saved_queries()}

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        seed_out, big_out = Path(tmp) / "seed", Path(tmp) / "big"
        print("building the seed graph …", file=sys.stderr)
        timed("nexus-kg build seeds", lambda: build_as_the_cli([ROOT / "seeds"], seed_out))
        seed_nq = (seed_out / "nexus.nq").read_text(encoding="utf-8")
        seed_quads = sum(1 for line in seed_nq.splitlines() if line.strip())
        big_out.mkdir()
        with open(big_out / "nexus.nq", "w", encoding="utf-8") as f:
            n_big = 0
            for line in synthetic(seed_nq, target):
                f.write(line + "\n")
                n_big += 1
        print(f"synthetic graph: {n_big:,} quads", file=sys.stderr)
        timed(
            "Oxigraph bulk load (synthetic)", lambda: build_store(big_out / "nexus.nq", big_out / STORE_DIR)
        )

        print("seed graph: Oxigraph …", file=sys.stderr)
        ox_seed = time_oxigraph(seed_out, saved, reps_small)
        seed_bindings = defaults(seed_out, saved)
        print("seed graph: rdflib …", file=sys.stderr)
        ds = timed("rdflib load (seed)", lambda: load_rdflib(seed_out / "nexus.nq"))
        rd_seed = time_rdflib(ds, with_values(saved, seed_bindings), reps_small, cap)  # type: ignore[arg-type]
        print("synthetic graph: Oxigraph …", file=sys.stderr)
        ox_big = time_oxigraph(big_out, saved, reps_big_ox, seed_bindings)
        print("synthetic graph: rdflib (1 run per query) …", file=sys.stderr)
        ds = timed("rdflib load (synthetic)", lambda: load_rdflib(big_out / "nexus.nq"))
        rd_big = time_rdflib(ds, with_values(saved, seed_bindings), 1, cap)  # type: ignore[arg-type]

    print(
        f"\nMedian latency in ms. Seed graph: {seed_quads:,} quads, {reps_small} runs per query. "
        f"Synthetic graph: {n_big:,} quads; Oxigraph {reps_big_ox} runs, rdflib 1 run capped at {cap:g} s.\n"
    )
    head = (
        f"| {'saved question':<24} | {'seed Oxigraph':>13} | {'seed rdflib':>11} | "
        f"{'synth Oxigraph':>14} | {'synth rdflib':>12} |"
    )
    print(head)
    print("|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|")
    for name in saved:
        print(
            f"| {name:<24} | {fmt(ox_seed[name], cap):>13} | {fmt(rd_seed[name], cap):>11} | "
            f"{fmt(ox_big[name], cap):>14} | {fmt(rd_big[name], cap):>12} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
