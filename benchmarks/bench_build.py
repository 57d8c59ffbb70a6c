"""Build throughput and scaling: extraction vs bare jieba, and whole builds of 1×, 10×, 100× the seeds.

(a) chars/s of the extraction stage (``graph.pipeline.extract_document``) against ``jieba.lcut`` over
    the same seed texts, in the same run, and their ratio (goal: ≥ 0.5).
(b) ``nexus-kg build --workers 2 --quiet --timings FILE`` as a subprocess on the seeds replicated
    under distinct names (about 26 MB at 100×), each copy with its own manifest row (the seed's
    symbol, date, body, titles, requested_by), so the graph at every scale has the seeds'
    relations: wall time, peak proportional set size of the process tree, the quads written per
    kB of input, the time of bare ``jieba.lcut`` over the same text (one process, after
    loading), and the scaling exponent (slope of log time against log size; 1.0 is linear).
    Then, from the build's timings file (:mod:`graph.timings`), the seconds of each stage at
    each scale — start-up, extraction (and, of it, the worker pool's start and the main
    process's waits for documents), writing the N-Quads, loading the store, the summary, the
    entity graph, the Turtle (in the background, beside the viewer), the viewer page, the
    report (none chained by ``build``), publishing — with its share of the wall time and its
    own exponent; "process" is the wall time outside the build itself (interpreter start,
    imports, exit).  Goals: 10× within 1.6× bare jieba; 100× in < 30 s and < 600 MiB.

Figures are printed, never asserted.

Usage: ``python benchmarks/bench_build.py [--quick] [--workers N] [--scales 1,10,100] [--no-turtle]
[--jieba-upto 100]`` (``--quick`` stops at 10×; ``--scales 1000`` is the 260 MB corpus).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def extraction_throughput(repeats: int) -> tuple[float, float]:
    """(extraction chars/s, jieba.lcut chars/s) over the seed texts, best of ``repeats``; each
    extraction run starts with nothing remembered of the texts (as a build reads each once)."""
    import jieba

    from graph.extract import ingest
    from graph.identity import identify
    from graph.pipeline import extract_document, forget_texts
    from graph.vocab import load

    vocab = load()
    docs = [identify(ingest.load_document(p), vocab.symbol_bodies()) for p in sorted(SEEDS.glob("*.txt"))]
    chars = sum(len(d.text) for d in docs)
    jieba.lcut("预热")
    extract_document(docs[-1], vocab)  # build the matcher and load jieba outside the timing

    def timed(fn: Callable[[], object]) -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    t_extract = t_jieba = float("inf")
    for _ in range(repeats):  # interleaved, so that a slow spell of the machine hits both
        forget_texts(vocab)  # a build reads each text once: nothing segmented or split before counts
        t_extract = min(t_extract, timed(lambda: [extract_document(d, vocab) for d in docs]))
        t_jieba = min(t_jieba, timed(lambda: [jieba.lcut(d.text) for d in docs]))
    return chars / t_extract, chars / t_jieba


def replicate(folder: Path, copies: int) -> int:
    """The seed files copied ``copies`` times under distinct names, with a manifest row per copy.

    Each copy keeps its seed's metadata (symbol, date, body, titles, requested_by) and ends with
    a line naming the copy, so the graph grows with the corpus and keeps the seeds' relations.

    Returns the bytes of text written.
    """
    folder.mkdir(parents=True)
    header, *rows = (SEEDS / "manifest.tsv").read_text(encoding="utf-8").splitlines()
    meta = {row.split("\t", 1)[0]: row.split("\t", 1)[1] for row in rows if row.strip()}
    manifest = [header]
    total = 0
    for k in range(copies):
        for f in sorted(SEEDS.glob("*.txt")):
            # a last line naming the copy: the bytes differ, so each copy is its own document
            # (ids are content hashes) with its own passages and claims, not a duplicate
            data = f.read_bytes().rstrip(b"\n") + f"\n\n副本{k:04d}\n".encode()
            name = f"{f.stem}_{k:04d}.txt"
            (folder / name).write_bytes(data)
            if f.name in meta:
                manifest.append(f"{name}\t{meta[f.name]}")
            total += len(data)
    (folder / "manifest.tsv").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    return total


def jieba_seconds(corpus: Path) -> float:
    """Seconds of bare ``jieba.lcut`` over every text of ``corpus``, after jieba is loaded."""
    import jieba

    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    start = time.perf_counter()
    for t in texts:
        jieba.lcut(t)
    return time.perf_counter() - start


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux /proc)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except OSError:
            pass
    return out


def _pss_kib(pid: int) -> int:
    """Proportional set size of one process: shared (forked) pages are counted once over the tree."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def timed_build(
    corpus: Path, out: Path, workers: int, turtle: bool = True
) -> tuple[float, float, dict[str, object]]:
    """(wall seconds, peak memory in MiB of the whole process tree, the build's timings) of one
    ``nexus-kg build``.

    The tree's memory is the sum of the proportional set sizes of the build and its workers,
    sampled every 250 ms (reading the set sizes costs the build CPU time, so not more often).
    """
    cmd = [
        sys.executable,
        "-m",
        "graph.cli",
        "build",
        str(corpus),
        "--out",
        str(out),
        "--quiet",
        "--workers",
        str(workers),
        "--timings",
        str(out.parent / f"{out.name}-timings.json"),
        *([] if turtle else ["--no-turtle"]),
    ]
    start = time.perf_counter()
    # run beside the output, not in the checkout: the installed package is timed (a compiled
    # install's, where it is one), not the source tree's modules
    proc = subprocess.Popen(cmd, cwd=out.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, sum(_pss_kib(p) for p in _tree(proc.pid)))
        time.sleep(0.25)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit((proc.stderr.read() if proc.stderr else b"").decode()[-2000:])
    timings = out.parent / f"{out.name}-timings.json"
    record = json.loads(timings.read_text(encoding="utf-8"))
    timings.unlink()
    return wall, peak / 1024, record


def slope(points: list[tuple[float, float]]) -> float:
    """The least-squares slope of log y against log x (nan with fewer than two points)."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return math.nan
    mx, my = sum(x for x, _ in pts) / len(pts), sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else math.nan


#: Stages measured inside another, or beside it in a thread (indented in the table).
INNER = {"pool": "extraction", "waiting": "extraction", "turtle": "viewer"}


def stage_table(scales: list[int], runs: list[tuple[int, float, dict[str, object]]]) -> None:
    """Seconds of each stage of the build at each scale, its share of the wall time, its exponent."""
    stages = list(runs[0][2]["seconds"])  # type: ignore[call-overload]
    head = "".join(f" {f'{s}× s':>9} {'%':>5}" for s in scales)
    print(f"    {'stage':<18}{head} {'exp':>5}")
    for name in [*stages, "process"]:
        cells, points = [], []
        for size, wall, record in runs:
            seconds: dict[str, float] = record["seconds"]  # type: ignore[assignment]
            t = wall - seconds["total"] if name == "process" else seconds[name]
            cells.append(f" {t:>9.2f} {100 * t / wall:>4.0f}%")
            points.append((float(size), t))
        label = f"  {name}" if name in INNER else name
        exp = slope(points) if min(t for _, t in points) >= 0.05 else math.nan
        print(f"    {label:<18}{''.join(cells)} {exp:>5.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1× and 10× only, fewer repetitions")
    ap.add_argument("--workers", type=int, default=2, help="build workers (default: 2)")
    ap.add_argument("--scales", help="comma-separated copies of the seeds (default: 1,10,100)")
    ap.add_argument("--no-turtle", action="store_true", help="build without nexus.ttl")
    ap.add_argument(
        "--jieba-upto",
        type=int,
        default=100,
        help="time bare jieba only up to this scale (it is linear; default: 100)",
    )
    args = ap.parse_args()

    from graph.extract import compiled

    kind = "compiled (NEXUS_KG_COMPILE=1)" if compiled() else "pure Python"
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, extraction {kind}")
    ours, bare = extraction_throughput(1 if args.quick else 5)
    print("(a) extraction throughput over the seeds")
    print(f"    graph.pipeline.extract_document {ours:>12,.0f} chars/s")
    print(f"    jieba.lcut                      {bare:>12,.0f} chars/s")
    print(f"    ratio                           {ours / bare:>12.2f}   (goal >= 0.5)")

    scales = (
        tuple(int(x) for x in args.scales.split(","))
        if args.scales
        else (1, 10)
        if args.quick
        else (1, 10, 100)
    )
    rows = []
    runs: list[tuple[int, float, dict[str, object]]] = []
    print(f"(b) nexus-kg build --workers {args.workers} --quiet --timings FILE")
    print(
        f"    {'scale':>6} {'files':>6} {'MB':>8} {'wall s':>8} {'MB/s':>7} {'tree MiB*':>10} "
        f"{'quads':>10} {'quads/kB':>8} {'jieba s':>8} {'build/jieba':>11}"
    )
    with tempfile.TemporaryDirectory(prefix="nexus-bench-") as tmp:
        for scale in scales:
            corpus = Path(tmp) / f"corpus-{scale}"
            size = replicate(corpus, scale)
            wall, rss, record = timed_build(
                corpus, Path(tmp) / f"out-{scale}", args.workers, not args.no_turtle
            )
            bare = jieba_seconds(corpus) if scale <= args.jieba_upto else math.nan
            files = len(list(corpus.glob("*.txt")))
            rows.append((size, wall))
            runs.append((size, wall, record))
            quads, per_kb = record["quads"], record["quads_per_kb"]
            print(
                f"    {scale:>5}× {files:>6} {size / 1e6:>8.2f} {wall:>8.1f} {size / 1e6 / wall:>7.2f} {rss:>10.0f} "
                f"{quads:>10,} {per_kb:>8.1f} {bare:>8.1f} {wall / bare:>11.2f}",
                flush=True,
            )
            shutil.rmtree(Path(tmp) / f"out-{scale}")
            shutil.rmtree(corpus)
    print(
        "    * peak of the summed proportional set sizes of the build and its workers (sampled every 250 ms)"
    )
    if len(rows) >= 2:
        print(f"    scaling exponent (slope of log time vs log size): {slope(rows):.2f}")
        (s1, t1), (s2, t2) = rows[-2], rows[-1]
        print(f"    exponent between the two largest: {math.log(t2 / t1) / math.log(s2 / s1):.2f}")
    print("(c) where the build's time went: seconds per stage, share of the wall time, exponent")
    stage_table(list(scales), runs)
    print(
        "    pool, waiting: part of the extraction; nquads, store, summary, view: the main process's work,\n"
        "    mostly while the workers extract; turtle: in a thread beside the viewer (turtle_wait is what\n"
        "    the build waits for it after); process: the wall time outside the build (interpreter start,\n"
        "    imports, exit); exp: slope of log seconds vs log size, for a stage of >= 0.05 s at every scale"
    )


if __name__ == "__main__":
    main()
