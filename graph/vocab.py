"""The curated SKOS vocabulary and the cue words, loaded and checked once.

The vocabulary (``ontology/vocabulary.ttl``) names every known entity with its
class, @zh/@en preferred labels and aliases.  This module indexes every label
for matching, generates jieba's user dictionary from it, and loads the cue
words of ``ontology/cues.toml``.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import cueschema
from graph.errors import OntologyError
from graph.frames import Frames, load_frames
from graph.ns import CLASSES, ID_URI, NX_URI
from graph.records import Entity
from graph.resources import ontology_file
from graph.script import fold
from graph.symbols import Bodies

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"

#: Classes a vocabulary concept may have, by local name: the ontology's entity classes.
KINDS: tuple[str, ...] = CLASSES


@dataclass(frozen=True, slots=True)
class Concept:
    """One vocabulary concept."""

    id: str
    kind: str
    pref_zh: str
    pref_en: str
    alt_zh: tuple[str, ...] = ()
    alt_en: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()
    #: ``skos:notation``: the symbol prefix of a body that adopts resolutions (S, A, E, A/HRC …).
    notation: str = ""

    def entity(self) -> Entity:
        return Entity(
            id=self.id,
            kind=self.kind,
            label_zh=self.pref_zh,
            label_en=self.pref_en,
            alt_labels=tuple(sorted(set(self.alt_zh) | set(self.alt_en))),
        )


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """Concepts by id, and every label (folded) → concept id."""

    concepts: dict[str, Concept]
    labels: dict[str, str]
    #: The clause frames of ``frames.toml``, checked (verb classes, role markers, modality, rows).
    frames: Frames
    cues: dict[str, Any] = field(default_factory=dict)

    def concept(self, concept_id: str) -> Concept:
        return self.concepts[concept_id]

    def lookup(self, label: str) -> Concept | None:
        """The concept with this label or alias, if any.

        >>> load().lookup("达伊沙").pref_zh
        '伊拉克和黎凡特伊斯兰国'
        """
        cid = self.labels.get(fold(label.strip()))
        return self.concepts[cid] if cid else None

    def bodies(self) -> dict[str, Concept]:
        """The bodies that adopt resolutions, by symbol prefix (``skos:notation``: S, A, E, A/HRC …).

        >>> load().bodies()["S"].pref_en
        'Security Council'
        """
        return _bodies(self)

    def symbol_bodies(self) -> Bodies:
        """The bodies as the symbol grammar (:mod:`graph.symbols`) reads them: names by symbol
        prefix, Chinese names and aliases.

        >>> load().symbol_bodies().names["S"]
        ('Security Council', '安全理事会')
        """
        return _symbol_bodies(self)

    def body_named(self, name_en: str) -> Concept | None:
        """The body that adopts resolutions with this English name (Security Council …), if any."""
        return next((c for c in self.bodies().values() if c.pref_en == name_en), None)

    def by_kind(self, kind: str) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == kind]

    def cue(self, section: str, key: str) -> Any:
        """A cue list or value from cues.toml; a missing one is an ontology error."""
        try:
            return self.cues[section][key]
        except KeyError:
            raise OntologyError(f"cues.toml: missing [{section}] {key}") from None

    def jieba_words(self) -> list[tuple[str, int, str]]:
        """(word, frequency, tag) for jieba's user dictionary, generated from the labels.

        Labels jieba cannot hold (spaces, hyphens, brackets, Latin punctuation) are left to
        the Aho-Corasick pass in ``mentions``.
        """
        words = set()
        for label in self.labels:
            if all("\u4e00" <= ch <= "\u9fff" for ch in label) and len(label) >= 2:
                words.add(label)
        return [(w, 2000 + 10 * len(w), "nz") for w in sorted(words)]


@functools.cache
def _bodies(vocab: Vocabulary) -> dict[str, Concept]:
    return {c.notation: c for c in sorted(vocab.concepts.values(), key=lambda c: c.id) if c.notation}


@functools.cache
def _symbol_bodies(vocab: Vocabulary) -> Bodies:
    return Bodies.of({code: (c.pref_en, c.pref_zh, c.alt_zh) for code, c in vocab.bodies().items()})


#: subject IRI → predicate IRI → objects, as parsed.
_Index = dict[str, dict[str, list[Any]]]


def _index(triples: Iterable[Any]) -> _Index:
    out: _Index = {}
    for t in triples:
        out.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
    return out


def _literal_values(props: dict[str, list[Any]], p: str, lang: str) -> list[str]:
    return sorted(
        {
            o.value
            for o in props.get(p, ())
            if isinstance(o, ox.Literal) and (o.language or "").lower().startswith(lang)
        }
    )


def _iris(props: dict[str, list[Any]], p: str) -> list[str]:
    return sorted({o.value for o in props.get(p, ()) if isinstance(o, ox.NamedNode)})


def parse_vocabulary(triples: Iterable[Any], source: str = "vocabulary.ttl") -> dict[str, Concept]:
    """Concepts from the triples of a SKOS graph (as ``pyoxigraph.parse`` gives them); raises
    ``OntologyError`` on an inconsistent one."""
    index = _index(triples)
    concepts: dict[str, Concept] = {}
    for s in sorted(k for k, props in index.items() if _SKOS + "Concept" in _iris(props, _RDF_TYPE)):
        props = index[s]
        if not s.startswith(ID_URI):
            raise OntologyError(f"{source}: concept {s} is outside the namespace {ID_URI}")
        cid = s[len(ID_URI) :]
        kinds = [o[len(NX_URI) :] for o in _iris(props, _RDF_TYPE) if o.startswith(NX_URI)]
        kinds = [k for k in kinds if k in KINDS]
        if len(kinds) != 1:
            raise OntologyError(f"{source}: concept {cid} needs exactly one class from {KINDS}, has {kinds}")
        pref_zh = _literal_values(props, _SKOS + "prefLabel", "zh")
        pref_en = _literal_values(props, _SKOS + "prefLabel", "en")
        if len(pref_zh) != 1:
            raise OntologyError(f"{source}: concept {cid} needs exactly one skos:prefLabel@zh")
        notation = props.get(_SKOS + "notation", [])
        concepts[cid] = Concept(
            id=cid,
            kind=kinds[0],
            pref_zh=pref_zh[0],
            pref_en=pref_en[0] if pref_en else "",
            alt_zh=tuple(_literal_values(props, _SKOS + "altLabel", "zh")),
            alt_en=tuple(_literal_values(props, _SKOS + "altLabel", "en")),
            broader=tuple(o[len(ID_URI) :] for o in _iris(props, _SKOS + "broader")),
            same_as=tuple(_iris(props, _SAME_AS)),
            notation=min((o.value for o in notation), default=""),
        )
    for s in sorted(k for k, props in index.items() if _SKOS + "notation" in props):
        if s[len(ID_URI) :] not in concepts:
            raise OntologyError(f"{source}: {s} has a skos:notation but is not a concept")
    for c in concepts.values():
        for b in c.broader:
            if b not in concepts:
                raise OntologyError(f"{source}: {c.id} skos:broader {b}, which is not a concept")
    return concepts


def index_labels(concepts: Iterable[Concept], source: str = "vocabulary.ttl") -> dict[str, str]:
    """Folded label → concept id; two concepts sharing a label is an error."""
    labels: dict[str, str] = {}
    for c in concepts:
        for label in (c.pref_zh, c.pref_en, *c.alt_zh, *c.alt_en):
            key = fold(label.strip())
            if len(key) < 2:
                continue
            other = labels.setdefault(key, c.id)
            if other != c.id:
                raise OntologyError(f"{source}: label {label!r} names both {other} and {c.id}")
    return labels


def vocabulary_files() -> list[Path]:
    """``vocabulary.ttl`` and its companion files (``vocabulary-*.ttl``: places, bodies …), sorted."""
    main = ontology_file("vocabulary.ttl")
    return [main, *sorted(main.parent.glob("vocabulary-*.ttl"))]


@functools.cache
def load(vocabulary: str | None = None, cues: str | None = None, frames: str | None = None) -> Vocabulary:
    """Load (once) the vocabulary, the cue words and the clause frames from ``ontology/``: the one
    loader of the project's data; every stage is given what it returns."""
    vpaths = [Path(vocabulary)] if vocabulary else vocabulary_files()
    cpath = Path(cues) if cues else ontology_file("cues.toml")
    triples: list[Any] = []
    for vpath in vpaths:
        try:
            triples += ox.parse(path=str(vpath), format=ox.RdfFormat.TURTLE)
        except (OSError, SyntaxError) as exc:
            raise OntologyError(f"{vpath}: cannot parse ({exc})") from None
    vpath = vpaths[0]
    concepts = parse_vocabulary(triples, vpath.name)
    try:
        cue_data = tomllib.loads(cpath.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise OntologyError(f"{cpath}: cannot read cue words ({exc})") from None
    vocab = Vocabulary(
        concepts=concepts,
        labels=index_labels(concepts.values(), vpath.name),
        frames=load_frames(frames),
        cues=cue_data,
    )

    def is_crime(label: str) -> bool:
        concept = vocab.lookup(label)
        return concept is not None and concept.kind == "CrimeType"

    cueschema.check(cue_data, is_crime, cpath.name)
    unknown = [c for c in cue_data["agents"]["no_party"] if c not in concepts]
    if unknown:
        raise OntologyError(
            f"{cpath.name}: [agents] no_party: {unknown[0]!r} is no concept of the vocabulary"
        )
    return vocab
