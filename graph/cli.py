"""The command line: parses arguments, calls the library, prints. The only module that exits."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from graph.errors import GraphError
from graph.script import visible

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


def say(text: str, **kwargs: object) -> None:
    """Print a line that may carry text from the input (file names, manifest fields, labels) with
    its control and bidi characters written out, so none acts on the terminal or the log."""
    print(visible(text), **kwargs)  # type: ignore[call-overload]


def command(
    name: str,
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    def register(fn: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = fn
        return fn

    return register


@command("build")
def _build(args: argparse.Namespace) -> int:
    from graph.outputs import write_viewer
    from graph.pipeline import building

    paths = [Path(p) for p in args.paths] or [Path("seeds")]
    quiet = args.quiet
    with building(
        paths,
        Path(args.out),
        progress=None if not quiet else (lambda m: None),
        workers=args.workers,
        keep_going=args.keep_going,
        update=args.update,
        turtle=True if args.turtle else False if args.no_turtle else None,
        max_size=int(args.max_size * 2**20),
        timings=Path(args.timings) if args.timings else None,
    ) as build:
        write_viewer(build)  # published with the graph
    result = build.result
    size = f"{result.triples} triples" if result.triples else f"{result.quads} quads"
    say(f"built {result.documents} documents, {result.passages} passages, {result.facts} facts, {size}")
    say("classes:    " + ", ".join(f"{k} {v}" for k, v in result.by_class.items()))
    say("properties: " + ", ".join(f"{k} {v}" for k, v in result.by_property.items()))
    if result.discovered:
        say(
            f"discovered outside the vocabulary ({len(result.discovered)}), for review (documents naming each):"
        )
        ranked = sorted(result.discovered, key=lambda d: (-d[2], d[0], d[1]))
        for kind, label, docs in ranked[: 40 if not args.verbose else None]:
            say(f"  {kind:<15} {docs:>3}  {label}")
        if len(result.discovered) > 40 and not args.verbose:
            say(f"  … {len(result.discovered) - 40} more (--verbose lists all)")
    for w in result.warnings:
        say(f"warning: {w}")
    for f in result.files:
        say(f"wrote {f}")
    return 0


@command("validate")
def _validate(args: argparse.Namespace) -> int:
    from graph.rdf.validate import graph_file, load_graph, validate

    path = graph_file(Path(args.graph))
    report = validate(load_graph(path))
    if report.conforms:
        print(f"{path}: conforms to the SHACL shapes")
        return 0
    for line in report.violations[:50]:
        print(line)
    print(f"Error: {path}: {len(report.violations)} SHACL violations", file=sys.stderr)
    return 1


@command("eval")
def _eval(args: argparse.Namespace) -> int:
    from graph.analytics.evaluate import evaluate, read_gold
    from graph.rdf.validate import graph_file, load_graph
    from graph.vocab import load

    graph, gold = load_graph(graph_file(Path(args.graph))), read_gold(Path(args.gold))
    scores = evaluate(graph, gold, load().symbol_bodies())
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
        for _rel, s in sorted(scores.items()):
            for f in s.false_positives:
                print("FP", *f, sep="\t")
            for f in s.false_negatives:
                print("FN", *f, sep="\t")
    return 0


# ---------------------------------------------------------------- analytics (report, viz)
@command("report")
def _report(args: argparse.Namespace) -> int:
    from graph.analytics.report import report_files
    from graph.outputs import read_graph, write_report

    # a graph file or folder; by default the built store in OUT (no Turtle to parse)
    files, warnings = report_files(read_graph(Path(args.graph or args.out)))
    for w in warnings:
        say(f"warning: {w}")
    for path in write_report(Path(args.out), files):
        say(f"wrote {path}")
    return 0


@command("viz")
def _viz(args: argparse.Namespace) -> int:
    from graph.analytics.report import viewer
    from graph.errors import InputError
    from graph.outputs import read_graph, viz_target, write_atomic

    if args.depth < 0:
        raise InputError(f"--depth {args.depth}: must be 0 or more")
    g = read_graph(Path(args.graph))
    page = viewer(g, size_by=args.size_by, focus=args.focus, depth=args.depth)
    print(f"wrote {write_atomic(viz_target(args.out), page.encode('utf-8'))}")
    return 0


def _measures() -> tuple[str, ...]:
    from graph.analytics.measures import (
        MEASURES,  # not graph.analytics.analyze: --help must not load NetworkX
    )

    return MEASURES


# ---------------------------------------------------------------- queries (query, show, serve)
@command("query")
def _query(args: argparse.Namespace) -> int:
    from graph.errors import QueryError
    from graph.sparql import query as q
    from graph.sparql.arguments import bind, parse_pairs, values_clause
    from graph.sparql.results import Results
    from graph.sparql.saved import declared_arguments, saved_queries, saved_query
    from graph.sparql.table import render

    if args.list:
        for saved in saved_queries():
            print(f"{saved.name:<24}{saved.title_zh}")
            print(f"{'':<24}{saved.title_en}")
            print(f"{'':<24}{saved.description}")
            for a in saved.arguments:
                print(f"{'':<24}--arg {a.name}=…  {a.description} (default: {a.default})")
        return 0
    given = [x for x in (args.sparql, args.file, args.name) if x]
    if len(given) != 1:
        raise QueryError("give one query: 'SPARQL…', --file Q.rq or --name NAME (--list shows the names)")
    if args.file:
        try:
            text, source = Path(args.file).read_text(encoding="utf-8"), args.file
        except OSError as exc:
            raise QueryError(f"{args.file}: cannot read the query file: {exc.strerror}") from exc
    elif args.name:
        saved = saved_query(args.name)
        text, source = saved.text, saved.name
    else:
        text, source = args.sparql, "query"
    declared = declared_arguments(Path(source).stem, text) if not args.sparql else ()
    values = parse_pairs(args.arg)
    if values and not declared:
        raise QueryError(
            f"{source}: takes no --arg (a saved question declares its arguments in `# @arg` lines)"
        )
    if args.endpoint:
        endpoint = args.endpoint

        def run(t: str) -> Results:
            return q.remote(endpoint, t)

        sent = f"{text.rstrip()}\n{values_clause(bind(run, declared, values, source))}" if declared else text
        res = run(sent)
    else:
        from graph.rdf.store import open_store

        store = open_store(Path(args.out))

        def run(t: str) -> Results:
            return q.execute(store, t)

        res = q.execute(store, text, source=source, bindings=bind(store, declared, values, source))
    for w in q.term_warnings(text, source):
        say(f"warning: {w}", file=sys.stderr)
    names = q.label_terms(run, q.result_iris(res), lang=args.lang) if args.labels else None
    width = None if args.full else args.width
    sys.stdout.write(render(res, args.format, names, max_width=width, wrapped=args.wrap))
    return 0


@command("show")
def _show(args: argparse.Namespace) -> int:
    from graph.rdf.store import open_store
    from graph.sparql import document, dossier

    store = open_store(Path(args.out))
    iri = dossier.resolve(store, args.entity)
    if document.is_document(store, iri):
        sys.stdout.write(document.render(document.document_dossier(store, iri, lang=args.lang), args.format))
    else:
        sys.stdout.write(dossier.render(dossier.dossier(store, iri, lang=args.lang), args.format))
    return 0


@command("export")
def _export(args: argparse.Namespace) -> int:
    from graph.outputs import export_graph, export_target, write_atomic

    data = export_graph(Path(args.graph), args.format)
    if args.out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        print(f"wrote {write_atomic(export_target(args.out, args.format), data)}")
    return 0


@command("explain")
def _explain(args: argparse.Namespace) -> int:
    from graph.extract.explain import render
    from graph.pipeline import explain
    from graph.vocab import load

    para = args.paragraph.lstrip("¶") if args.paragraph else None
    sys.stdout.write(render(explain(args.source, para, load())))
    return 0


@command("serve")
def _serve(args: argparse.Namespace) -> int:
    from graph.sparql.handler import serve
    from graph.sparql.pool import MB, Limits

    limits = Limits(max_memory=args.max_memory * MB)
    serve(
        Path(args.out),
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        max_results=args.max_results,
        workers=args.workers,
        log=lambda m: say(m, flush=True),
        cors=args.cors,
        limits=limits,
    )
    return 0


def _version() -> str:
    from graph import __version__
    from graph.extract import compiled

    return f"{__version__} (compiled extraction)" if compiled() else __version__


class _VersionAction(argparse.Action):
    """``--version``, which reads the installed version only when asked (importlib.metadata costs 30 ms)."""

    def __init__(
        self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object
    ) -> None:
        super().__init__(
            option_strings,
            dest=dest,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"nexus-kg {_version()}")
        parser.exit()


def _folder(text: str) -> str:
    """An --out folder name: an empty one would silently mean the current folder."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a folder name, not an empty string")
    return text


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="nexus-kg",
        description="Knowledge graph of the terrorism–organized crime nexus from Chinese UN documents.",
    )
    ap.add_argument("--version", action=_VersionAction)
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = sub.add_parser("build", help="extract facts from documents and write out/nexus.ttl and out/nexus.nq")
    b.add_argument("paths", nargs="*", help="files or folders of .txt documents (default: seeds/)")
    b.add_argument("--out", default="out", type=_folder, help="output folder (default: out/)")
    b.add_argument("--quiet", action="store_true", help="no progress lines")
    b.add_argument("--verbose", action="store_true", help="list every discovered entity")
    b.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="extract documents in N processes (default: the number of cores)",
    )
    b.add_argument(
        "--update",
        action="store_true",
        help="reuse the stored extraction of unchanged documents (same bytes, same rules)",
    )
    b.add_argument(
        "--max-size",
        type=float,
        default=50,
        metavar="MB",
        help="refuse a file larger than this (default: 50)",
    )
    b.add_argument("--keep-going", action="store_true", help="skip bad files, list them, and build the rest")
    b.add_argument(
        "--timings",
        metavar="FILE",
        help="write the seconds each stage took, the quads written and the input's size to FILE (JSON)",
    )
    ttl = b.add_mutually_exclusive_group()
    ttl.add_argument(
        "--turtle",
        action="store_true",
        help="write out/nexus.ttl however large the graph (by default only up to 1,000,000 quads)",
    )
    ttl.add_argument(
        "--no-turtle",
        action="store_true",
        help="skip out/nexus.ttl (nexus.nq and the store are the graph)",
    )
    v = sub.add_parser("validate", help="check a built graph against the SHACL shapes")
    v.add_argument(
        "graph",
        nargs="?",
        default="out",
        help="graph file, or a built folder: its nexus.ttl, else nexus.nq (default: out/)",
    )
    e = sub.add_parser("eval", help="precision, recall and F1 per relation against a gold TSV file")
    e.add_argument("gold", help="gold file (see tests/gold/README.md)")
    e.add_argument(
        "--graph",
        default="out",
        help="graph file, or a built folder: its nexus.ttl, else nexus.nq (default: out/)",
    )
    e.add_argument("--verbose", action="store_true", help="list false positives and false negatives")
    # analytics: report, viz
    r = sub.add_parser("report", help="centrality tables, Markdown report and charts in OUT/report/")
    r.add_argument(
        "--graph", help="graph file (.ttl, .nq) or built folder (default: the store built in OUT/)"
    )
    r.add_argument("--out", default="out", help="output folder; files go to OUT/report/ (default: out/)")
    z = sub.add_parser("viz", help="write the interactive, offline graph viewer page")
    z.add_argument(
        "--graph", default="out", help="graph file (.ttl, .nq), or a built folder: its store (default: out/)"
    )
    z.add_argument(
        "--focus", metavar="LABEL", help="draw only the neighbourhood of this entity (any label or alias)"
    )
    z.add_argument("--depth", type=int, default=1, metavar="N", help="hops around --focus (default: 1)")
    z.add_argument(
        "--size-by",
        default="degree",
        choices=_measures(),
        metavar="MEASURE",
        help="centrality that sizes the nodes: " + ", ".join(_measures()) + " (default: degree)",
    )
    z.add_argument(
        "--out",
        default="out",
        help="folder to write viz.html into, or the page's file name (default: out/; the build's "
        "out/graph.html is left alone)",
    )
    # queries: query, show, serve
    q = sub.add_parser("query", help="run a SPARQL query (or a saved question) on the built graph")
    q.add_argument(
        "sparql", nargs="?", help="the query text; nx:, nxid:, rdfs: … and ':' (nx:) are predeclared"
    )
    q.add_argument("--file", metavar="Q.rq", help="read the query from a file")
    q.add_argument("--name", metavar="NAME", help="run a saved question from ontology/queries/")
    q.add_argument("--list", action="store_true", help="list the saved questions")
    q.add_argument(
        "--arg",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a value for an argument of the saved question, bound as data (--list shows each one's)",
    )
    q.add_argument(
        "--format",
        choices=("table", "csv", "tsv", "json"),
        default="table",
        help="table (labels, aligned; the default), or csv, tsv, json (SPARQL 1.1 results)",
    )
    q.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="language of the labels shown for IRIs (default: zh)",
    )
    q.add_argument("--no-labels", dest="labels", action="store_false", help="no label columns: IRIs only")
    q.add_argument("--wrap", action="store_true", help="table: continue long cells on the next lines")
    q.add_argument("--full", action="store_true", help="table: print every cell whole, however long")
    q.add_argument(
        "--width",
        type=int,
        default=70,
        metavar="N",
        help="table: columns a cell may take before it is cut or wrapped (default: 70)",
    )
    q.add_argument("--out", default="out", help="folder holding the built graph (default: out/)")
    q.add_argument("--endpoint", metavar="URL", help="send the query to this SPARQL 1.1 endpoint instead")
    sh = sub.add_parser("show", help="the dossier of one entity or document: claims with quotes, passages")
    sh.add_argument(
        "entity", help="any label or alias, in either script, a document symbol, or an id (nxid:…)"
    )
    sh.add_argument("--format", choices=("md", "json"), default="md", help="md (the default) or json")
    sh.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the names (default: zh)")
    sh.add_argument("--out", default="out", help="folder holding the built graph (default: out/)")
    xp = sub.add_parser(
        "export",
        help="the fact graph as GraphML, GEXF, CSV or JSON-LD (yEd, Gephi, a spreadsheet)",
    )
    xp.add_argument(
        "--format",
        choices=("graphml", "gexf", "csv", "jsonld"),
        default="graphml",
        help="graphml (yEd, Cytoscape; the default), gexf (Gephi), csv (one row per claim), jsonld",
    )
    xp.add_argument(
        "--out",
        metavar="FILE",
        help="file to write, or a folder for facts.<format> (default: standard output)",
    )
    xp.add_argument(
        "--graph",
        default="out",
        metavar="PATH",
        help="the built folder, store, nexus.nq or nexus.ttl to read (default: out/)",
    )
    ex = sub.add_parser(
        "explain", help="why facts were or were not drawn from a sentence, or from a paragraph of a file"
    )
    ex.add_argument("source", help="a sentence or passage in quotes, or a corpus file")
    ex.add_argument(
        "paragraph", nargs="?", help="with a file: the paragraph, as printed (26, ¶26, annex-3, S1)"
    )
    sv = sub.add_parser("serve", help="serve the graph over the SPARQL 1.1 protocol at /sparql, viewer at /")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, loopback only)")
    sv.add_argument("--port", type=int, default=7878, help="port (default: 7878; 0 picks a free one)")
    sv.add_argument("--out", default="out", help="folder holding the built graph (default: out/)")
    sv.add_argument("--timeout", type=float, default=30.0, help="seconds a query may run (default: 30)")
    sv.add_argument(
        "--max-results",
        type=int,
        default=10000,
        help="most rows or triples a query may return (default: 10000)",
    )
    sv.add_argument(
        "--workers",
        type=int,
        default=2,
        help="workers for long queries (default: 2; one more runs quick ones)",
    )
    sv.add_argument(
        "--cors", metavar="ORIGIN", help="let pages from this one origin read answers (default: none)"
    )
    sv.add_argument(
        "--max-memory",
        type=int,
        default=1024,
        metavar="MB",
        help="memory a query worker may add while answering (default: 1024)",
    )
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except GraphError as exc:
        print(f"Error: {visible(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Error: interrupted; out/ was left as it was", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader (head, less) closed the pipe: stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
