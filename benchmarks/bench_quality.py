"""Extraction quality on the shared development sets, as the README's tables.

Builds the short development set (its ``docs/``) and the three long seed reports that the
long-document set annotates, each into a temporary folder with the installed ``nexus-kg``, scores
both with the development set's own ``score.py``, and prints one Markdown table per set (entity
recall per type, relation precision and recall).  The sets live beside the repository, not in it:

    python benchmarks/bench_quality.py --devset ../shared/devset --devset-long ../shared/devset-long
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LONG_DOCS = ("001_9d7d9abcfa7e8f17.txt", "003_a735fd6147321695.txt", "004_f68c86a17aea12ad.txt")
CLI = [sys.executable, "-m", "graph.cli"]


def build(inputs: list[Path], out: Path) -> Path:
    """Build ``inputs`` into ``out`` with the project's own command; the Turtle file it wrote."""
    subprocess.run(
        [*CLI, "build", *map(str, inputs), "--out", str(out), "--quiet"],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return out / "nexus.ttl"


def score(scorer: Path, graph: Path, entities: Path, relations: Path, extra: list[str]) -> str:
    """The scorer's summary lines for a built graph."""
    cmd = [
        sys.executable,
        str(scorer),
        str(graph),
        "--entities",
        str(entities),
        "--relations",
        str(relations),
    ]
    return subprocess.run([*cmd, *extra], check=True, capture_output=True, text=True).stdout


def table(summary: str) -> str:
    """The scorer's ``entities:`` and ``relations:`` lines as one Markdown table."""
    ents = re.findall(
        r"(\w+) (\d+)/(\d+)", next(ln for ln in summary.splitlines() if ln.startswith("entities:"))
    )
    rels = re.findall(
        r"(\w+) P=([\d.]+) R=([\d.]+) \((\d+)/(\d+) gold, (\d+) facts\)",
        next(ln for ln in summary.splitlines() if ln.startswith("relations:")),
    )
    rows = [
        "| entity type | recall | | relation | precision | recall | facts |",
        "|---|---|---|---|---|---|---|",
    ]
    for i in range(max(len(ents), len(rels))):
        left = [ents[i][0], f"{ents[i][1]}/{ents[i][2]}"] if i < len(ents) else ["", ""]
        right = (
            [rels[i][0], rels[i][1], f"{rels[i][2]} ({rels[i][3]}/{rels[i][4]})", rels[i][5]]
            if i < len(rels)
            else ["", "", "", ""]
        )
        rows.append("| " + " | ".join([*left, "", *right]) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=ROOT.parent / "shared" / "devset")
    ap.add_argument("--devset-long", type=Path, default=ROOT.parent / "shared" / "devset-long")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    a = ap.parse_args(argv)
    scorer = a.devset / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        short = build([a.devset / "docs"], Path(tmp) / "short")
        out = score(scorer, short, a.devset / "entities.tsv", a.devset / "relations.tsv", [])
        print(f"### Short texts ({a.devset.name}: 15 openings of resolutions, statements, UN News)\n")
        print(table(out) + "\n")
        long = build([a.seeds / name for name in LONG_DOCS], Path(tmp) / "long")
        manifest = ["--manifest", str(a.seeds / "manifest.tsv")]
        out = score(scorer, long, a.devset_long / "entities.tsv", a.devset_long / "relations.tsv", manifest)
        print(f"### Long reports ({a.devset_long.name}: seeds 001, 003, 004)\n")
        print(table(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
