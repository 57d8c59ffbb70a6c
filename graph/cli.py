"""The command line: parses arguments, calls the library, prints. The only module that exits."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from graph.errors import GraphError

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def command(name: str) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    def register(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = fn
        return fn

    return register


@command("build")
def _build(args: argparse.Namespace) -> int:
    from graph.pipeline import run_build

    paths = [Path(p) for p in args.paths] or [Path("seeds")]
    quiet = args.quiet
    result = run_build(paths, Path(args.out), progress=None if not quiet else (lambda m: None))
    print(f"built {result.documents} documents, {result.passages} passages, {result.facts} facts, "
          f"{result.triples} triples")
    print("classes:    " + ", ".join(f"{k} {v}" for k, v in result.by_class.items()))
    print("properties: " + ", ".join(f"{k} {v}" for k, v in result.by_property.items()))
    if result.discovered:
        print(f"discovered outside the vocabulary ({len(result.discovered)}), for review:")
        for kind, label in result.discovered[: 40 if not args.verbose else None]:
            print(f"  {kind:<15} {label}")
        if len(result.discovered) > 40 and not args.verbose:
            print(f"  … {len(result.discovered) - 40} more (--verbose lists all)")
    for w in result.warnings:
        print(f"warning: {w}")
    for f in result.files:
        print(f"wrote {f}")
    return 0


@command("validate")
def _validate(args: argparse.Namespace) -> int:
    from graph.validate import load_graph, validate

    report = validate(load_graph(Path(args.graph)))
    if report.conforms:
        print(f"{args.graph}: conforms to the SHACL shapes")
        return 0
    for line in report.violations[:50]:
        print(line)
    print(f"Error: {args.graph}: {len(report.violations)} SHACL violations", file=sys.stderr)
    return 1


@command("eval")
def _eval(args: argparse.Namespace) -> int:
    from graph.evaluate import evaluate, read_gold
    from graph.validate import load_graph

    scores = evaluate(load_graph(Path(args.graph)), read_gold(Path(args.gold)))
    print(f"{'relation':<16}{'P':>7}{'R':>7}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}")
    for rel, s in sorted(scores.items()):
        print(f"{rel:<16}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:5}{s.fp:5}{s.fn:5}")
    tp = sum(s.tp for s in scores.values())
    fp = sum(s.fp for s in scores.values())
    fn = sum(s.fn for s in scores.values())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{'all':<16}{p:7.3f}{r:7.3f}{f1:7.3f}{tp:5}{fp:5}{fn:5}")
    if args.verbose:
        for rel, s in sorted(scores.items()):
            for f in s.false_positives:
                print("FP", *f, sep="\t")
            for f in s.false_negatives:
                print("FN", *f, sep="\t")
    return 0


# @@ analytics commands (report, viz) @@


# @@ query commands (query, serve) @@


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="nexus-kg",
        description="Knowledge graph of the terrorism–organized crime nexus from Chinese UN documents.",
    )
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="extract facts from documents and write out/nexus.ttl and out/nexus.nq")
    b.add_argument("paths", nargs="*", help="files or folders of .txt documents (default: seeds/)")
    b.add_argument("--out", default="out", help="output folder (default: out/)")
    b.add_argument("--quiet", action="store_true", help="no progress lines")
    b.add_argument("--verbose", action="store_true", help="list every discovered entity")
    v = sub.add_parser("validate", help="check a built graph against the SHACL shapes")
    v.add_argument("graph", nargs="?", default="out/nexus.ttl", help="graph file (default: out/nexus.ttl)")
    e = sub.add_parser("eval", help="precision, recall and F1 per relation against a gold TSV file")
    e.add_argument("gold", help="gold file (see tests/gold/README.md)")
    e.add_argument("--graph", default="out/nexus.ttl", help="graph file (default: out/nexus.ttl)")
    e.add_argument("--verbose", action="store_true", help="list false positives and false negatives")
    # @@ analytics parsers (report, viz) @@
    # @@ query parsers (query, serve) @@
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except GraphError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Error: interrupted; out/ was left as it was", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
