"""Score a built graph against a gold file of hand-checked facts (precision, recall, F1 per relation).

Gold rows are ``relation, subject, object, doc, para, hedged, quote`` (tab-separated, with a
header).  Names are resolved through the graph's own labels and aliases, resolution
symbols through document identity (:func:`graph.identity.resolution_id`, with the bodies of the
caller's loaded vocabulary).  Precision counts only the paragraphs the gold
file annotates (a row with relation ``none`` marks a paragraph with no facts) and only
the relations it annotates.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, RDFS, SKOS

from graph.errors import InputError
from graph.identity import resolution_id
from graph.ns import NX, local_id
from graph.script import fold
from graph.symbols import Bodies


@dataclass
class Score:
    """Counts and rates for one relation."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[tuple[str, ...]] = field(default_factory=list)
    false_negatives: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_gold(path: Path) -> list[dict[str, str]]:
    """Rows of a gold TSV file; a malformed file is an ``InputError``."""
    if not path.is_file():
        raise InputError(f"{path}: no such gold file")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: unreadable gold file ({exc})") from None
    need = {"relation", "subject", "object", "doc", "para"}
    if not rows or not need <= set(rows[0]):
        raise InputError(f"{path}: gold file needs the columns {', '.join(sorted(need))}")
    return rows


class Resolver:
    """Maps names, aliases, symbols and file stems to node ids of the graph."""

    def __init__(self, g: rdflib.Graph, bodies: Bodies) -> None:
        self.bodies = bodies
        self.index: dict[str, str] = {}
        for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, NX.symbol, NX.fileName):
            for s, o in g.subject_objects(p):
                key = fold(str(o)).replace(" ", "")
                self.index.setdefault(key, local_id(str(s)))
                if p == NX.fileName:
                    self.index.setdefault(key.rsplit(".", 1)[0], local_id(str(s)))
        self.doc_ids: dict[str, str] = {}
        for o in g.objects(None, NX.fileName):
            self.doc_ids[str(o).rsplit(".", 1)[0]] = str(o).rsplit(".", 1)[0]

    def node(self, name: str) -> str:
        name = name.strip()
        if (rid := resolution_id(name, self.bodies)) is not None:
            return rid
        key = fold(name).replace(" ", "")
        return self.index.get(key, "?" + name)


def predicted(g: rdflib.Graph) -> set[tuple[str, str, str, str, str]]:
    """(relation, subject, object, doc stem, paragraph) of every claim in the graph."""
    out = set()
    for c in g.subjects(RDF.type, NX.Claim):
        pred = str(g.value(c, RDF.predicate)).rsplit("#", 1)[-1]
        s = local_id(str(g.value(c, RDF.subject)))
        o = local_id(str(g.value(c, RDF.object)))
        passage = g.value(c, NX.statedIn)
        doc = g.value(passage, NX.inDocument)
        fname = str(g.value(doc, NX.fileName) or "")
        out.add((pred, s, o, fname.rsplit(".", 1)[0], str(g.value(passage, NX.paragraph))))
    return out


def evaluate(g: rdflib.Graph, gold_rows: list[dict[str, str]], bodies: Bodies) -> dict[str, Score]:
    """Precision, recall and F1 per relation over the paragraphs the gold annotates (resolution
    symbols read with ``bodies``)."""
    r = Resolver(g, bodies)
    gold: set[tuple[str, str, str, str, str]] = set()
    annotated: set[tuple[str, str]] = set()
    for row in gold_rows:
        doc, para = row["doc"].strip(), row["para"].strip()
        doc = r.doc_ids.get(doc, doc)
        annotated.add((doc, para))
        rel = row["relation"].strip()
        if rel == "none":
            continue
        gold.add((rel, r.node(row["subject"]), r.node(row["object"]), doc, para))
    relations = {f[0] for f in gold}
    pred = {f for f in predicted(g) if (f[3], f[4]) in annotated and f[0] in relations}
    scores: dict[str, Score] = defaultdict(Score)
    for rel in sorted({f[0] for f in gold} | {f[0] for f in pred}):
        sc = scores[rel]
        g_rel = {f for f in gold if f[0] == rel}
        p_rel = {f for f in pred if f[0] == rel}
        sc.tp = len(g_rel & p_rel)
        sc.fp = len(p_rel - g_rel)
        sc.fn = len(g_rel - p_rel)
        sc.false_positives = sorted(p_rel - g_rel)
        sc.false_negatives = sorted(g_rel - p_rel)
    return dict(scores)
