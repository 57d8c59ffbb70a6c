"""The one place the stages are chained: paths → documents → passages → mentions → facts → RDF files."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import gc
import hashlib
import multiprocessing
import os
import pickle
import shutil
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any, TextIO

from graph import identity
from graph.analytics.stream import View
from graph.errors import GraphError, InputError
from graph.extract import explain as explaining
from graph.extract import ingest, mentions, orgs, relations
from graph.extract.rules import Cues, checked_cues
from graph.progress import Bar
from graph.progress import step as progress_step
from graph.rdf import build, summary
from graph.records import Document, DocumentFacts, Entity
from graph.resources import ontology_dir
from graph.script import fold
from graph.timings import Timings
from graph.vocab import Vocabulary, load

#: Where per-document extractions are kept for ``build --update``.
CACHE_DIR = ".cache"
#: Above this many quads a build writes no ``nexus.ttl`` unless asked (``nexus.nq`` and the store
#: hold the graph; Turtle of a corpus this size is gigabytes no one reads).
TURTLE_LIMIT = 1_000_000


@dataclass
class BuildResult:
    """What a build produced, for the summary."""

    documents: int = 0
    passages: int = 0
    facts: int = 0
    triples: int = 0
    #: Lines of ``nexus.nq`` (a triple stated in several documents counts once for each).
    quads: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    by_property: dict[str, int] = field(default_factory=dict)
    discovered: list[tuple[str, str, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def corpus_files(
    paths: Sequence[Path], warn: Callable[[str], None] | None = None, max_size: int = ingest.MAX_SIZE
) -> list[Path]:
    """The .txt files named or contained (recursively) in ``paths``, sorted (see :func:`graph.extract.ingest.corpus_files`).

    A subfolder that cannot be listed is skipped with a warning naming it.
    """
    for path in paths:
        if path.is_dir():
            for _ in os.walk(
                path,
                onerror=lambda e: warn and warn(f"{e.filename}: unreadable folder ({e.strerror}), skipped"),
            ):
                pass
    return ingest.corpus_files(paths, warn, max_size)


@functools.cache
def body_names(vocab: Vocabulary) -> Mapping[str, tuple[str, ...]]:
    """Each body of the vocabulary (UN entity, organization, programme) → its Chinese names, folded."""
    return {
        c.id: tuple(dict.fromkeys(fold(x) for x in (c.pref_zh, *c.alt_zh)))
        for kind in ("UNEntity", "Organization", "Programme")
        for c in vocab.by_kind(kind)
    }


@functools.cache
def rule_cues(vocab: Vocabulary) -> Cues:
    """The vocabulary's cue words, checked against every rule (an ``OntologyError`` names the rule)."""
    return checked_cues(vocab.cues, vocab.frames)


def document_context(
    doc: Document, vocab: Vocabulary, entities: Mapping[str, Entity] | None = None
) -> relations.Context:
    """What the relation rules know of the document: its node, its own resolution, generic crimes,
    and the body that adopts each resolution among ``entities`` (the document's)."""
    own = identity.document_entity(doc, vocab)
    node = own.id if own is not None else "doc-" + doc.id
    self_res = node if own is not None and own.kind == "Resolution" else ""
    generic = tuple(
        c.id for c in vocab.by_kind("CrimeType") if c.pref_zh in vocab.cue("benefit", "generic_crimes")
    )
    return relations.Context(
        self_id=node,
        self_resolution=self_res,
        generic_crimes=generic,
        countries={**country_parts(vocab), **_discovered_parts(vocab, entities or {})},
        authorities=orgs.known_authorities(vocab),
        body_names=body_names(vocab),
        adopters={
            e.id: body.id
            for e in (entities or {}).values()
            if e.kind == "Resolution" and (body := vocab.body_named(e.body)) is not None
        },
    )


def _discovered_parts(
    vocab: Vocabulary, entities: Mapping[str, Entity]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Places found in the text as a part of a known country (布基纳法索东部), with that country."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for e in entities.values():
        if e.discovered and e.kind == "Region" and (cid := mentions.country_of_part(e.label_zh, vocab)):
            country = vocab.concept(cid)
            out[e.id] = (cid, (country.pref_zh, *country.alt_zh))
    return out


@functools.cache
def country_parts(vocab: Vocabulary) -> Mapping[str, tuple[str, tuple[str, ...]]]:
    """Each place the vocabulary says is part of a country (``skos:broader``), with that country's
    id and Chinese names."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for c in (*vocab.by_kind("Region"), *vocab.by_kind("Country")):
        for b in c.broader:
            country = vocab.concept(b)
            if country.kind == "Country":
                out[c.id] = (country.id, (country.pref_zh, *country.alt_zh))
                break
    return out


def extract_document(doc: Document, vocab: Vocabulary) -> DocumentFacts:
    """Run the corpus, mention and relation stages on one document."""
    passages = list(ingest.passages(doc))
    found, entities = mentions.document_mentions(passages, vocab)
    own = identity.document_entity(doc, vocab)
    ctx = document_context(doc, vocab, entities)
    node = ctx.self_id
    if own is not None:
        entities[node] = own
    facts = list(relations.document_facts(passages, found, rule_cues(vocab), ctx, vocab.frames))
    for cid in sorted({x for f in facts for x in (f.subject, f.object)} - entities.keys()):
        if cid in vocab.concepts:  # 在也门南部: the country a fact adds, which no mention named alone
            entities[cid] = mentions.entity_of(vocab, cid)
    requested = None
    if (ent := identity.requested_entity(doc, vocab.symbol_bodies())) is not None:
        requested = ent.id
        entities[ent.id] = ent
    light = [p.without_offsets() for p in passages]  # offsets are not sent back
    return DocumentFacts(doc, node, requested, light, found, facts, entities)


def forget_texts(vocab: Vocabulary) -> None:
    """Drop what the extraction stages remember of texts already read (segmented runs, folded
    passages, clause spans), so that the next document is read as by a fresh process."""
    from graph.extract import clauses
    from graph.script import fold

    mentions.matcher_for(vocab).forget()
    fold.cache_clear()
    clauses.clause_spans.cache_clear()
    clauses.forget()


def explain(source: str, para: str | None, vocab: Vocabulary) -> list[explaining.SentenceExplanation]:
    """What the extractor reads in a file's paragraph ``para`` (in the context of the whole file),
    or in ``source`` itself when it is not a file: a sentence or passage written out."""
    path = Path(source)
    try:
        is_file = path.is_file()
    except (OSError, ValueError):  # a long sentence is no file name (ENAMETOOLONG, NUL)
        is_file = False
    if is_file:
        meta = identity.read_manifest(path.parent).get(path.name)
        doc = identity.identify(ingest.load_document(path), vocab.symbol_bodies(), meta)
    elif para is not None:
        raise InputError(f"{source}: no such file")
    else:
        doc = identity.identify(Document("explain", "<text>", source, ""), vocab.symbol_bodies())
    passages = list(ingest.passages(doc))
    if not passages:
        raise InputError(f"{source.strip() or '(empty text)'}: nothing to explain: no sentence")
    if para is not None and para not in {p.para for p in passages}:
        known = ", ".join(dict.fromkeys(p.para for p in passages))
        raise InputError(f"{source}: no paragraph {para!r} (paragraphs: {known})")
    found, entities = mentions.document_mentions(passages, vocab)
    return explaining.explain_passages(
        passages, found, rule_cues(vocab), document_context(doc, vocab, entities), vocab.frames, para
    )


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be used: an error (bad input) or a warning (empty file)."""

    path: str
    message: str
    fatal: bool


def corpus_tasks(
    paths: Sequence[Path], warn: Callable[[str], None] | None = None, max_size: int = ingest.MAX_SIZE
) -> list[tuple[Path, dict[str, str] | None]]:
    """(file, manifest row) for every .txt file named or contained in ``paths``."""
    files = corpus_files(paths, warn, max_size)
    if not files:
        raise InputError(f"{', '.join(map(str, paths))}: no .txt documents found")
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    tasks = []
    for f in files:
        if f.parent not in manifests:
            manifests[f.parent] = identity.read_manifest(f.parent)
        tasks.append((f, manifests[f.parent].get(f.name)))
    return tasks


def extract_file(
    task: tuple[Path, dict[str, str] | None], max_size: int = ingest.MAX_SIZE
) -> DocumentFacts | Problem:
    """Read and extract one file (at most ``max_size`` bytes); the text is not kept."""
    path, meta = task
    try:
        doc = ingest.load_document(path, max_size)
    except InputError as exc:
        return Problem(str(path), str(exc), fatal=True)
    if not doc.text.strip():
        return Problem(str(path), f"{path}: empty file, skipped", fatal=False)
    vocab = load()
    doc = identity.identify(doc, vocab.symbol_bodies(), meta)
    r = extract_document(doc, vocab)
    return dataclasses.replace(r, doc=dataclasses.replace(doc, text=""))


def extract_quads(
    task: tuple[Path, dict[str, str] | None], max_size: int = ingest.MAX_SIZE
) -> build.DocumentQuads | Problem:
    """Read one file and turn it into its named graph's N-Quads (runs in a worker process)."""
    r = extract_file(task, max_size)
    return r if isinstance(r, Problem) else build.document_quads(r)


def _fingerprint() -> str:
    """What the extraction depends on besides the file: the package's code and the ontology data."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for f in sorted(here.rglob("*.py")):
        h.update(f.relative_to(here).as_posix().encode("utf-8"))
        h.update(f.read_bytes())
    for f in sorted(ontology_dir().glob("*")):
        if f.is_file():
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _cache_key(path: Path, meta: dict[str, str] | None, fingerprint: str) -> str:
    h = hashlib.sha256(path.read_bytes())
    h.update(repr(sorted((meta or {}).items())).encode("utf-8"))
    h.update(fingerprint.encode("utf-8"))
    return h.hexdigest()


@dataclass
class Streamed:
    """What the entity graph and the summary need from the documents, gathered as they stream by."""

    used: set[str] = field(default_factory=set)
    entities: dict[str, Entity] = field(default_factory=dict)
    surfaces: dict[str, set[str]] = field(default_factory=dict)
    naming: dict[str, set[str]] = field(default_factory=dict)
    rules: set[str] = field(default_factory=set)

    def add(self, q: build.DocumentQuads) -> None:
        self.used |= q.used
        self.rules |= q.rules
        for k, v in q.entities.items():
            self.entities.setdefault(k, v)
        for k, forms in q.surfaces.items():
            self.surfaces.setdefault(k, set()).update(forms)
        for c in q.concepts:
            self.naming.setdefault(c, set()).add(q.node)


def _pool(workers: int, vocab: Vocabulary) -> ProcessPoolExecutor:
    """Worker processes forked after the vocabulary, the rules and jieba's matcher are loaded (once)."""
    rule_cues(vocab)
    mentions.matcher_for(vocab)
    gc.freeze()  # the loaded objects stay out of the workers' collections, so their pages stay shared
    ctx: BaseContext
    try:
        ctx = multiprocessing.get_context("fork")
    except ValueError:  # no fork on this platform: each worker loads them itself
        ctx = multiprocessing.get_context()
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def build_graph(
    paths: Sequence[Path],
    vocab: Vocabulary | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    keep_going: bool = False,
    cache: Path | None = None,
    update: bool = False,
    result: BuildResult | None = None,
    new_cache: Path | None = None,
    max_size: int = ingest.MAX_SIZE,
    timings: Timings | None = None,
) -> Iterator[build.DocumentQuads]:
    """Extract every document (in ``workers`` processes), yielding each one's quads in corpus order.

    With ``cache`` set, each document's quads are looked up there under a hash of its bytes and
    of the extractor (with ``update``) and new ones are written to ``new_cache``, which the
    caller moves into ``cache`` once the build succeeds. A bad file raises ``InputError``
    unless ``keep_going``, which lists it in ``result.warnings``. ``timings`` gets the input's
    size and the time the worker pool takes to start.
    """
    vocab = vocab or load()
    rule_cues(vocab)  # a bad cues.toml fails here, once, before any file is read
    result = result if result is not None else BuildResult()
    tasks = corpus_tasks(paths, result.warnings.append, max_size)
    timings = timings if timings is not None else Timings()
    timings.workers = workers
    timings.input_bytes = sum(_size(path) for path, _ in tasks)
    keys: list[str | None] = [None] * len(tasks)
    done: dict[int, build.DocumentQuads | Problem] = {}
    if cache is not None:
        fingerprint = _fingerprint()
        for i, (path, meta) in enumerate(tasks):
            try:
                keys[i] = _cache_key(path, meta, fingerprint)
            except OSError as exc:
                done[i] = Problem(str(path), f"{path}: cannot read ({exc.strerror})", fatal=True)
                continue
            hit = cache / f"{keys[i]}.pickle"
            if update and hit.is_file():
                try:
                    with hit.open("rb") as fh:
                        done[i] = pickle.load(fh)
                except (OSError, EOFError, pickle.UnpicklingError):
                    pass
    todo = [i for i in range(len(tasks)) if i not in done]
    n = len(tasks)
    outcomes: Iterator[build.DocumentQuads | Problem]
    pool = None
    if workers > 1 and len(todo) > 1:
        with timings.stage("pool"):
            pool = _pool(workers, vocab)
        # a few documents per task: a worker holds, and the main process receives, one small chunk of
        # N-Quads at a time (32 per chunk held some 300 MiB more at 100× the seeds, for no speed)
        chunk = max(1, min(4, len(todo) // (workers * 8)))
        outcomes = pool.map(
            functools.partial(extract_quads, max_size=max_size), [tasks[i] for i in todo], chunksize=chunk
        )
    else:
        outcomes = (extract_quads(tasks[i], max_size) for i in todo)
    fresh = set(todo)
    try:
        for i in range(n):
            outcome = next(outcomes) if i in fresh else done.pop(i)
            if progress:
                progress_step(progress, i + 1, n, tasks[i][0].name)
            if isinstance(outcome, Problem):
                if outcome.fatal and not keep_going:
                    raise InputError(outcome.message)
                result.warnings.append(
                    outcome.message if not outcome.fatal else f"skipped bad file: {outcome.message}"
                )
                continue
            key = keys[i]
            if i in fresh and key and new_cache is not None:
                _store(new_cache, key, outcome)
            yield outcome
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # reported when the file is read
        return 0


def _store(cache: Path, key: str, outcome: object) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / f".{key}.{os.getpid()}.tmp"
    with tmp.open("wb") as fh:
        pickle.dump(outcome, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, cache / f"{key}.pickle")


def write_nquads(
    fh: TextIO,
    docs: Iterable[build.DocumentQuads],
    vocab: Vocabulary,
    result: BuildResult,
    also: Callable[[Sequence[str]], None] | None = None,
    tally: summary.Tally | None = None,
    view: View | None = None,
    timings: Timings | None = None,
) -> Streamed:
    """Write each document's named graph as it comes, then the entity graph; fill the counts.

    Each document's lines (and then the entity graph's) are also given to ``also``, e.g. a
    store loader, and counted by ``tally``, as they are written; ``view`` gathers what the
    viewer page draws. ``timings`` gets the time each of these takes (``also`` as ``store``).
    """
    clock = (timings if timings is not None else Timings()).stage
    seen = Streamed()
    first: dict[str, str] = {}
    for q in docs:
        if q.doc_id and q.doc_id in first:
            result.warnings.append(f"{q.path}: the same text as {first[q.doc_id]}; read once")
            continue
        first[q.doc_id] = q.path
        with clock("nquads"):
            fh.writelines(q.lines)
        result.quads += len(q.lines)
        if also is not None:
            with clock("store"):
                also(q.lines)
        if tally is not None:
            with clock("summary"):
                tally.add(q.lines)
        if view is not None:
            with clock("view"):
                view.add(q)
        with clock("summary"):
            seen.add(q)
        result.documents += 1
        result.passages += q.passages
        result.facts += q.facts
    with clock("entities"):
        entity_lines = build.entity_lines(seen.used, seen.entities, seen.surfaces, vocab, seen.rules)
    with clock("nquads"):
        fh.writelines(entity_lines)
    result.quads += len(entity_lines)
    if also is not None:
        with clock("store"):
            also(entity_lines)
    if tally is not None:
        with clock("summary"):
            tally.add(entity_lines)
    if view is not None:
        with clock("view"):
            view.entities(entity_lines)
    return seen


def _write_turtle(store: Any, path: Path, timings: Timings) -> int:
    from graph.rdf import store as st

    with timings.stage("turtle"), path.open("wb") as fh:
        return st.write_turtle(store, fh)


@dataclass
class Build:
    """A build written and not yet published: the folder that becomes its generation, its store
    and its summary. Steps chained after the build (``nexus-kg build`` writes the viewer page)
    read the store and write their files into ``folder``, to be published with it."""

    folder: Path
    store: Any
    result: BuildResult
    #: What the viewer page draws, gathered as the documents streamed by.
    view: View | None = None
    #: Where the build's time went; the steps chained after it add theirs.
    timings: Timings = field(default_factory=Timings)


def run_build(
    paths: Sequence[Path],
    out: Path,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    keep_going: bool = False,
    update: bool = False,
    turtle: bool | None = None,
    max_size: int = ingest.MAX_SIZE,
    timings: Path | None = None,
) -> BuildResult:
    """Build the graph from ``paths`` into a new generation of ``out`` and publish it, with no
    further step (see :func:`building`)."""
    with building(paths, out, progress, workers, keep_going, update, turtle, max_size, timings) as done:
        pass
    return done.result


@contextlib.contextmanager
def building(
    paths: Sequence[Path],
    out: Path,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    keep_going: bool = False,
    update: bool = False,
    turtle: bool | None = None,
    max_size: int = ingest.MAX_SIZE,
    timings: Path | None = None,
) -> Iterator[Build]:
    """Build the graph from ``paths`` into a new generation of ``out`` (see :mod:`graph.rdf.store`),
    published when the ``with`` block ends without an error.

    ``nexus.nq`` is written as the documents stream from the workers, and the Oxigraph store is
    bulk-loaded from the same lines batch by batch meanwhile, and the summary counted from them
    (:mod:`graph.rdf.summary`); ``nexus.ttl`` (with ``turtle``; by default up to
    :data:`TURTLE_LIMIT` quads) is made from the store in the background while the block runs
    the steps chained after the build on the :class:`Build`. Nothing in ``out`` changes unless
    the whole build (and the block) succeeds; a full disk is a ``GraphError``.

    With ``timings``, the seconds each stage took (:mod:`graph.timings`), the quads written and
    the input's size are written as JSON to that file once the build is published; nothing else
    the build writes depends on it.
    """
    from graph.rdf import store as st

    clock = Timings()
    start = time.perf_counter()
    with clock.stage("startup"):
        vocab = load()
        rule_cues(vocab)
    created = not out.exists()
    with st.owned(out):
        try:
            with _build_into(
                paths, out, vocab, progress, workers, keep_going, update, turtle, max_size, clock
            ) as b:
                yield b
        finally:
            if created and out.is_dir() and {p.name for p in out.iterdir()} <= {st.MARKER}:
                shutil.rmtree(out, ignore_errors=True)
    clock.add("total", time.perf_counter() - start)
    if timings is not None:
        clock.write(timings)


@contextlib.contextmanager
def _build_into(
    paths: Sequence[Path],
    out: Path,
    vocab: Vocabulary,
    progress: Callable[[str], None] | None,
    workers: int,
    keep_going: bool,
    update: bool,
    turtle: bool | None,
    max_size: int,
    timings: Timings,
) -> Iterator[Build]:
    """The build itself, in a folder that :func:`graph.rdf.store.owned` holds."""
    from graph.rdf import store as st

    result = BuildResult()
    try:
        tmp = st.new_build_dir(out)
    except OSError as exc:
        raise GraphError(f"{out}: cannot write the build ({exc.strerror or exc})") from None
    try:
        docs = build_graph(
            paths,
            vocab,
            progress or Bar(),
            workers=workers,
            keep_going=keep_going,
            cache=out / CACHE_DIR if update else None,  # only --update reads or writes it
            update=update,
            result=result,
            new_cache=tmp / CACHE_DIR if update else None,
            max_size=max_size,
            timings=timings,
        )
        loader = st.StreamLoader(tmp / st.STORE_DIR)
        # without the Turtle, whose writer counts them, the distinct triples are counted as the
        # quads stream by, up to the limit (above it, holding them all is what the limit avoids)
        tally = summary.Tally(distinct_upto=TURTLE_LIMIT if turtle is False else None)
        with (tmp / "nexus.nq").open("w", encoding="utf-8", newline="\n") as fh:
            view = View()
            streamed = timings.stream(docs, waiting="waiting", wall="extraction")
            seen = write_nquads(
                fh, streamed, vocab, result, also=loader.add, tally=tally, view=view, timings=timings
            )
        with timings.stage("store"):
            store = loader.close()
        if not result.documents and st.current_generation(out) is not None:
            named = ", ".join(str(p) for p in paths)
            why = f" ({result.warnings[0]})" if result.warnings else ""
            raise InputError(
                f"{named}: no document to build from{why}; the graph in {out} was left as it was"
            )
        if turtle is None:
            turtle = result.quads <= TURTLE_LIMIT
            if not turtle:
                result.warnings.append(
                    f"nexus.ttl not written: {result.quads:,} quads (more than {TURTLE_LIMIT:,}); "
                    "nexus.nq and the store hold the graph, --turtle writes it anyway"
                )
        with timings.stage("summary"):
            result.by_class = tally.classes()
            result.by_property = tally.relations()
            result.discovered = summary.discovered(seen.used, seen.entities, seen.naming)
            result.triples = tally.triples() or 0
        timings.quads, timings.documents = result.quads, result.documents
        done = Build(tmp, store, result, view, timings)
        del view
        del store
        with ThreadPoolExecutor(max_workers=1) as background:
            # the Turtle is written while the steps chained after the build run, and counts the
            # distinct triples
            written = (
                background.submit(_write_turtle, done.store, tmp / "nexus.ttl", timings) if turtle else None
            )
            yield done
            if written is not None:
                with timings.stage("turtle_wait"):
                    result.triples = written.result()
        done.store = None  # closed before the folder is published
        published = time.perf_counter()
        if (tmp / CACHE_DIR).is_dir():
            (out / CACHE_DIR).mkdir(exist_ok=True)
            for f in sorted((tmp / CACHE_DIR).iterdir()):
                os.replace(f, out / CACHE_DIR / f.name)
            (tmp / CACHE_DIR).rmdir()
        gen = st.publish(out, tmp)
        timings.add("publish", time.perf_counter() - published)
    except OSError as exc:
        raise GraphError(
            f"{out}: cannot write the build ({exc.strerror or exc}); {out} was left as it was"
        ) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result.files = [str(out / n) for n in ("nexus.nq", "nexus.ttl", "graph.html") if (gen / n).exists()]
    result.files.append(str(out / st.STORE_DIR) + "/")
