"""Build throughput and scaling: extraction vs bare jieba, and whole builds of 1×, 10×, 100× the seeds.

(a) chars/s of the extraction stage (``graph.pipeline.extract_document``) against ``jieba.lcut`` over
    the same seed texts, in the same run, and their ratio (goal: ≥ 0.5).
(b) ``nexus-kg build --workers 2 --quiet`` as a subprocess on the seeds replicated under distinct
    names (about 25 MB at 100×): wall time, peak RSS of the process tree, and the scaling exponent
    (slope of log time against log size; 1.0 is linear).  Goals: 100× in < 2 min and < 2 GiB.

Figures are printed, never asserted.

Usage: ``python benchmarks/bench_build.py [--quick] [--workers N]`` (``--quick`` stops at 10×).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TIME = shutil.which("time")  # GNU time, if installed


def extraction_throughput(repeats: int) -> tuple[float, float]:
    """(extraction chars/s, jieba.lcut chars/s) over the seed texts, best of ``repeats``."""
    import jieba

    from graph import ingest
    from graph.pipeline import extract_document
    from graph.vocab import load

    vocab = load()
    docs = [ingest.load_document(p) for p in sorted(SEEDS.glob("*.txt"))]
    chars = sum(len(d.text) for d in docs)
    jieba.lcut("预热")
    extract_document(docs[-1], vocab)  # build the matcher and load jieba outside the timing

    def best(fn: object) -> float:
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            fn()  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return min(times)

    t_extract = best(lambda: [extract_document(d, vocab) for d in docs])
    t_jieba = best(lambda: [jieba.lcut(d.text) for d in docs])
    return chars / t_extract, chars / t_jieba


def replicate(folder: Path, copies: int) -> int:
    """The seed files copied ``copies`` times under distinct names; returns the bytes written."""
    folder.mkdir(parents=True)
    total = 0
    for k in range(copies):
        for f in sorted(SEEDS.glob("*.txt")):
            data = f.read_bytes()
            (folder / f"{f.stem}_{k:04d}.txt").write_bytes(data)
            total += len(data)
    return total


def timed_build(corpus: Path, out: Path, workers: int) -> tuple[float, float]:
    """(wall seconds, largest RSS in MiB of any process of the tree) of one ``nexus-kg build``."""
    cmd = [sys.executable, "-m", "graph.cli", "build", str(corpus), "--out", str(out), "--quiet",
           "--workers", str(workers)]
    if TIME:
        # GNU time reports the largest RSS of the build process and of each of its workers.
        start = time.perf_counter()
        proc = subprocess.run([TIME, "-v", *cmd], cwd=ROOT, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(proc.stderr[-2000:])
        rss_kib = max(int(ln.split(":")[1]) for ln in proc.stderr.splitlines() if "Maximum resident" in ln)
        return wall, rss_kib / 1024
    import resource

    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    wall = time.perf_counter() - start
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="1× and 10× only, fewer repetitions")
    ap.add_argument("--workers", type=int, default=2, help="build workers (default: 2)")
    args = ap.parse_args()

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    ours, bare = extraction_throughput(1 if args.quick else 3)
    print("(a) extraction throughput over the seeds")
    print(f"    graph.pipeline.extract_document {ours:>12,.0f} chars/s")
    print(f"    jieba.lcut                      {bare:>12,.0f} chars/s")
    print(f"    ratio                           {ours / bare:>12.2f}   (goal >= 0.5)")

    scales = (1, 10) if args.quick else (1, 10, 100)
    rows = []
    print(f"(b) nexus-kg build --workers {args.workers} --quiet")
    print(f"    {'scale':>6} {'files':>6} {'MB':>8} {'wall s':>8} {'MB/s':>7} {'max RSS MiB*':>13}")
    with tempfile.TemporaryDirectory(prefix="nexus-bench-") as tmp:
        for scale in scales:
            corpus = Path(tmp) / f"corpus-{scale}"
            size = replicate(corpus, scale)
            wall, rss = timed_build(corpus, Path(tmp) / f"out-{scale}", args.workers)
            files = len(list(corpus.glob("*.txt")))
            rows.append((size, wall))
            print(f"    {scale:>5}× {files:>6} {size / 1e6:>8.2f} {wall:>8.1f} {size / 1e6 / wall:>7.2f} {rss:>13.0f}",
                  flush=True)
            shutil.rmtree(corpus)
    xs = [math.log(s) for s, _ in rows]
    ys = [math.log(t) for _, t in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    print("    * the largest resident set of any one process of the tree (the build or a worker), as wait4 reports;")
    print(f"      the tree's total is at most {args.workers + 1}× that")
    print(f"    scaling exponent (slope of log time vs log size): {slope:.2f}")
    if len(rows) >= 2:
        (s1, t1), (s2, t2) = rows[-2], rows[-1]
        print(f"    exponent between the two largest: {math.log(t2 / t1) / math.log(s2 / s1):.2f}")


if __name__ == "__main__":
    main()
