"""The one place the stages are chained: paths → documents → passages → mentions → facts → RDF files."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from graph import build, ingest, mentions, relations
from graph.ns import NX, NX_URI, RELATIONS
from graph.errors import InputError
from graph.records import Document, Entity, Fact
from graph.vocab import Vocabulary, load


@dataclass
class BuildResult:
    """What a build produced, for the summary."""

    documents: int = 0
    passages: int = 0
    facts: int = 0
    triples: int = 0
    by_class: dict[str, int] = field(default_factory=dict)
    by_property: dict[str, int] = field(default_factory=dict)
    discovered: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def corpus_files(paths: Sequence[Path]) -> list[Path]:
    """The .txt files named or contained (recursively) in ``paths``, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*.txt") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(dict.fromkeys(files), key=lambda p: (p.name, str(p)))


def document_node(doc: Document) -> str:
    """The node id of a corpus document: its resolution or symbol node where the symbol is known."""
    if doc.symbol:
        ent = mentions.parse_symbol(doc.symbol.replace(" ", "") if "RES" in doc.symbol else doc.symbol)
        if ent is not None:
            return ent.id
    return "doc-" + doc.id


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """Everything extracted from one document."""

    doc: Document
    node: str
    requested_by: str | None
    passages: int
    facts: list[Fact]
    entities: dict[str, Entity]


def extract_document(doc: Document, vocab: Vocabulary) -> DocumentFacts:
    """Run the corpus, mention and relation stages on one document."""
    passages = list(ingest.passages(doc))
    found, entities = mentions.document_mentions(passages, vocab)
    node = document_node(doc)
    self_res = node if node.startswith("res-") else ""
    if self_res:
        ent = mentions.entity_from_resolution_id(self_res)
        if ent:
            entities[self_res] = ent
    elif node.startswith("doc-") and doc.symbol:
        ent = mentions.parse_symbol(doc.symbol)
        if ent:
            entities[node] = ent
    generic = tuple(
        c.id for c in vocab.by_kind("CrimeType") if c.pref_zh in vocab.cue("benefit", "generic_crimes")
    )
    ctx = relations.Context(self_id=node, self_resolution=self_res, generic_crimes=generic)
    facts = list(relations.document_facts(passages, found, vocab.cues, ctx))
    requested = None
    if doc.requested_by:
        ent = mentions.parse_symbol(doc.requested_by.replace(" ", ""))
        if ent is not None:
            requested = ent.id
            entities[ent.id] = ent
    return DocumentFacts(doc, node, requested, len(passages), facts, entities)


def read_corpus(
    paths: Sequence[Path], warn: Callable[[str], None]
) -> Iterator[Document]:
    """Documents from the files in ``paths``, with manifest rows where a folder has one."""
    files = corpus_files(paths)
    if not files:
        raise InputError(f"{', '.join(map(str, paths))}: no .txt documents found")
    manifests: dict[Path, dict[str, dict[str, str]]] = {}
    for f in files:
        folder = f.parent
        if folder not in manifests:
            manifests[folder] = ingest.read_manifest(folder)
        doc = ingest.load_document(f, manifests[folder].get(f.name))
        if not doc.text.strip():
            warn(f"{f}: empty file, skipped")
            continue
        yield doc


def build_graph(
    paths: Sequence[Path],
    vocab: Vocabulary | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[DocumentFacts], BuildResult]:
    """Extract every document; returns per-document results and a summary (no files written)."""
    vocab = vocab or load()
    result = BuildResult()
    results: list[DocumentFacts] = []
    docs = list(read_corpus(paths, result.warnings.append))
    for i, doc in enumerate(docs, start=1):
        if progress:
            progress(f"[{i}/{len(docs)}] {Path(doc.path).name}")
        results.append(extract_document(doc, vocab))
    return results, result


def assemble(
    results: Sequence[DocumentFacts], vocab: Vocabulary, result: BuildResult
) -> tuple[rdflib.Dataset, rdflib.Graph]:
    """The RDF dataset of all documents, and the summary counts."""
    entities: dict[str, Entity] = {}
    for r in results:
        for k, v in r.entities.items():
            entities.setdefault(k, v)
    ds = build.build_dataset(((r.doc, r.node, r.requested_by, r.facts) for r in results), entities, vocab)
    g = build.union_graph(ds)
    result.documents = len(results)
    result.passages = sum(r.passages for r in results)
    result.facts = sum(len(r.facts) for r in results)
    result.triples = len(g)
    for cls in ("TerroristGroup", "CrimeType", "UNEntity", "Organization", "Programme", "Convention", "Region",
                "Country", "Resolution", "Document", "Passage", "Claim"):
        result.by_class[cls] = len(set(g.subjects(RDF.type, NX[cls])))
    for rel in RELATIONS:
        result.by_property[rel] = len(set(g.subject_objects(NX[rel])))
    result.discovered = sorted(
        (_kind(g, s), str(g.value(s, RDFS.label))) for s in g.subjects(NX.discovered, Literal(True))
    )
    return ds, g


def _kind(g: rdflib.Graph, s: rdflib.term.Node) -> str:
    for t in sorted(g.objects(s, RDF.type)):
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


def run_build(paths: Sequence[Path], out: Path, progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build the graph from ``paths`` and write ``nexus.ttl`` and ``nexus.nq`` into ``out``."""
    vocab = load()
    results, result = build_graph(paths, vocab, progress or (lambda m: print(m, file=sys.stderr)))
    ds, g = assemble(results, vocab, result)
    files = {"nexus.ttl": build.to_turtle(g), "nexus.nq": build.to_nquads(ds)}
    # @@ extra build outputs (viewer page) @@
    result.files = write_outputs(out, files)
    # @@ after-write hooks (query store) @@
    return result
