"""The one place the stages are chained: paths → documents → passages → mentions → facts → RDF files."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pickle
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from graph import build, ingest, mentions, relations
from graph.errors import InputError
from graph.ns import NX, NX_URI, RELATIONS, local_id
from graph.records import Document, DocumentFacts, Entity
from graph.resources import ontology_dir
from graph.rules import Cues, checked_cues
from graph.vocab import Vocabulary, load

#: Where per-document extractions are kept for ``build --update``.
CACHE_DIR = ".cache"


@dataclass
class BuildResult:
    """What a build produced, for the summary."""

    documents: int = 0
    passages: int = 0
    facts: int = 0
    triples: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    by_property: dict[str, int] = field(default_factory=dict)
    discovered: list[tuple[str, str, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def corpus_files(paths: Sequence[Path], warn: Callable[[str], None] | None = None,
                 max_size: int = ingest.MAX_SIZE) -> list[Path]:
    """The .txt files named or contained (recursively) in ``paths``, sorted (see :func:`graph.ingest.corpus_files`)."""
    return ingest.corpus_files(paths, warn, max_size)


@functools.cache
def rule_cues(vocab: Vocabulary) -> Cues:
    """The vocabulary's cue words, checked against every rule (an ``OntologyError`` names the rule)."""
    return checked_cues(vocab.cues)


def document_entity(doc: Document, vocab: Vocabulary) -> Entity | None:
    """The resolution, statement or symbol entity a document is, where its symbol is known.

    A Security Council resolution whose year the text does not give (联合国安理会第579号决议)
    is dated by the table of first resolution numbers per year in ``cues.toml``.
    """
    if not doc.symbol:
        return None
    symbol = doc.symbol.replace(" ", "") if "RES" in doc.symbol else doc.symbol
    ent = mentions.parse_symbol(symbol)
    if ent is None and (m := re.fullmatch(r"S/RES/(\d{1,4})", symbol)):
        year = doc.year or mentions.sc_year(int(m.group(1)), vocab.cues["resolutions"]["sc_first_of_year"])
        if year:
            ent = mentions.resolution_entity("S", m.group(1), year)
    return ent


def document_node(doc: Document, vocab: Vocabulary | None = None) -> str:
    """The node id of a corpus document: its resolution or symbol node where the symbol is known."""
    ent = document_entity(doc, vocab or load())
    return ent.id if ent is not None else "doc-" + doc.id


def extract_document(doc: Document, vocab: Vocabulary) -> DocumentFacts:
    """Run the corpus, mention and relation stages on one document."""
    passages = list(ingest.passages(doc))
    found, entities = mentions.document_mentions(passages, vocab)
    own = document_entity(doc, vocab)
    node = own.id if own is not None else "doc-" + doc.id
    self_res = node if own is not None and own.kind == "Resolution" else ""
    if own is not None:
        entities[node] = own
    generic = tuple(
        c.id for c in vocab.by_kind("CrimeType") if c.pref_zh in vocab.cue("benefit", "generic_crimes")
    )
    ctx = relations.Context(self_id=node, self_resolution=self_res, generic_crimes=generic)
    facts = list(relations.document_facts(passages, found, rule_cues(vocab), ctx))
    requested = None
    if doc.requested_by:
        ent = mentions.parse_symbol(doc.requested_by.replace(" ", ""))
        if ent is not None:
            requested = ent.id
            entities[ent.id] = ent
    light = [dataclasses.replace(p, offsets=()) for p in passages]  # offsets are not sent back
    return DocumentFacts(doc, node, requested, light, found, facts, entities)


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be used: an error (bad input) or a warning (empty file)."""

    path: str
    message: str
    fatal: bool


def corpus_tasks(paths: Sequence[Path], warn: Callable[[str], None] | None = None,
                 max_size: int = ingest.MAX_SIZE) -> list[tuple[Path, dict[str, str] | None]]:
    """(file, manifest row) for every .txt file named or contained in ``paths``."""
    files = corpus_files(paths, warn, max_size)
    if not files:
        raise InputError(f"{', '.join(map(str, paths))}: no .txt documents found")
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    tasks = []
    for f in files:
        if f.parent not in manifests:
            manifests[f.parent] = ingest.read_manifest(f.parent)
        tasks.append((f, manifests[f.parent].get(f.name)))
    return tasks


def extract_file(task: tuple[Path, dict[str, str] | None]) -> DocumentFacts | Problem:
    """Read and extract one file (runs in a worker process); the text is not sent back."""
    path, meta = task
    try:
        doc = ingest.load_document(path, meta)
    except InputError as exc:
        return Problem(str(path), str(exc), fatal=True)
    if not doc.text.strip():
        return Problem(str(path), f"{path}: empty file, skipped", fatal=False)
    r = extract_document(doc, load())
    return dataclasses.replace(r, doc=dataclasses.replace(doc, text=""))


def _fingerprint() -> str:
    """What the extraction depends on besides the file: the rules' code and the ontology data."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("ingest.py", "mentions.py", "relations.py", "pipeline.py", "records.py", "vocab.py", "script.py"):
        h.update((here / name).read_bytes())
    for f in sorted((here / "rules").glob("*.py")):
        h.update(f.read_bytes())
    for f in sorted(ontology_dir().glob("*")):
        if f.is_file():
            h.update(f.read_bytes())
    return h.hexdigest()[:16]


def _cache_key(path: Path, meta: dict[str, str] | None, fingerprint: str) -> str:
    h = hashlib.sha256(path.read_bytes())
    h.update(f"{path.parent.name}/{path.name}".encode())  # the document id depends on both
    h.update(repr(sorted((meta or {}).items())).encode("utf-8"))
    h.update(fingerprint.encode("utf-8"))
    return h.hexdigest()


def build_graph(
    paths: Sequence[Path],
    vocab: Vocabulary | None = None,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    keep_going: bool = False,
    cache: Path | None = None,
    update: bool = False,
    max_size: int = ingest.MAX_SIZE,
) -> tuple[list[DocumentFacts], BuildResult]:
    """Extract every document (in ``workers`` processes); returns per-document results and a summary.

    With ``cache`` set, each document's extraction is stored there under a hash of its bytes and
    of the extractor; with ``update``, stored extractions are reused instead of re-reading.
    A bad file raises ``InputError`` unless ``keep_going``, which lists it in the warnings.
    """
    vocab = vocab or load()
    rule_cues(vocab)  # a bad cues.toml fails here, once, before any file is read
    result = BuildResult()
    tasks = corpus_tasks(paths, result.warnings.append, max_size)
    keys: list[str | None] = [None] * len(tasks)
    done: dict[int, DocumentFacts | Problem] = {}
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
                with hit.open("rb") as fh:
                    done[i] = pickle.load(fh)
    todo = [i for i in range(len(tasks)) if i not in done]
    n = len(tasks)
    outcomes: Iterator[DocumentFacts | Problem]
    pool = None
    if workers > 1 and len(todo) > 1:
        pool = ProcessPoolExecutor(max_workers=workers)
        outcomes = pool.map(extract_file, [tasks[i] for i in todo], chunksize=1)
    else:
        outcomes = (extract_file(tasks[i]) for i in todo)
    try:
        for i, outcome in zip(todo, outcomes, strict=True):
            if progress:
                progress(f"[{len(done) + 1}/{n}] {tasks[i][0].name}")
            if isinstance(outcome, Problem) and outcome.fatal and not keep_going:
                raise InputError(outcome.message)
            done[i] = outcome
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    if cache is not None:  # only once every document is through, so a failed build writes nothing
        for i in todo:
            key, outcome = keys[i], done[i]
            if key and isinstance(outcome, DocumentFacts):
                _store(cache, key, outcome)
    results: list[DocumentFacts] = []
    for i in range(n):
        outcome = done[i]
        if isinstance(outcome, Problem):
            result.warnings.append(outcome.message if not outcome.fatal else f"skipped bad file: {outcome.message}")
        else:
            results.append(outcome)
    return results, result


def _store(cache: Path, key: str, outcome: DocumentFacts) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / f".{key}.{os.getpid()}.tmp"
    with tmp.open("wb") as fh:
        pickle.dump(outcome, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, cache / f"{key}.pickle")


def assemble(
    results: Sequence[DocumentFacts], vocab: Vocabulary, result: BuildResult
) -> tuple[rdflib.Dataset, rdflib.Graph]:
    """The RDF dataset of all documents, and the summary counts."""
    entities: dict[str, Entity] = {}
    for r in results:
        for k, v in r.entities.items():
            entities.setdefault(k, v)
    ds = build.build_dataset(results, entities, vocab)
    g = build.union_graph(ds)
    result.documents = len(results)
    result.passages = sum(len(r.passages) for r in results)
    result.facts = sum(len(r.facts) for r in results)
    result.triples = len(g)
    for cls in ("TerroristGroup", "CrimeType", "UNEntity", "Organization", "Programme", "Convention", "Region",
                "Country", "Resolution", "Document", "Passage", "Claim"):
        result.by_class[cls] = len(set(g.subjects(RDF.type, NX[cls])))
    for rel in RELATIONS:
        result.by_property[rel] = len(set(g.subject_objects(NX[rel])))
    naming: dict[str, set[str]] = {}
    for r in results:
        for ms in r.mentions:
            for m in ms:
                naming.setdefault(m.concept, set()).add(r.node)
    result.discovered = sorted(
        (_kind(g, s), str(g.value(s, RDFS.label)), len(naming.get(local_id(str(s)), ())))
        for s in g.subjects(NX.discovered, Literal(True))
    )
    return ds, g


def _kind(g: rdflib.Graph, s: rdflib.term.Node) -> str:
    for t in sorted(g.objects(s, RDF.type), key=str):
        if str(t).startswith(NX_URI):
            return str(t)[len(NX_URI) :]
    return "Entity"


def write_outputs(out: Path, files: dict[str, str]) -> list[str]:
    """Write ``files`` (name → text) into ``out`` atomically: all appear, or ``out`` is untouched.

    The new files are written to a temporary folder beside ``out`` and moved into place only
    when every one is complete.
    """
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out))
    try:
        for name, text in files.items():
            target = tmp / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for name in files:
            os.replace(tmp / name, out / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [str(out / n) for n in files]


def run_build(
    paths: Sequence[Path],
    out: Path,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
    keep_going: bool = False,
    update: bool = False,
    max_size: int = ingest.MAX_SIZE,
) -> BuildResult:
    """Build the graph from ``paths`` and write ``nexus.ttl``, ``nexus.nq`` and the rest into ``out``.

    Nothing in ``out`` changes unless the whole build succeeds.
    """
    vocab = load()
    results, result = build_graph(
        paths,
        vocab,
        progress or (lambda m: print(m, file=sys.stderr)),
        workers=workers,
        keep_going=keep_going,
        cache=out / CACHE_DIR,
        update=update,
        max_size=max_size,
    )
    ds, g = assemble(results, vocab, result)
    files = {"nexus.ttl": build.to_turtle(g), "nexus.nq": build.to_nquads(ds)}
    # @@ extra build outputs (viewer page) @@
    from graph.report import viewer

    files["graph.html"] = viewer(g)
    result.files = write_outputs(out, files)
    # @@ after-write hooks (query store) @@
    from graph.store import STORE_DIR, build_store

    result.files.append(str(build_store(out / "nexus.nq", out / STORE_DIR)) + "/")
    return result
