"""The build's summary, counted from the N-Quads lines as they stream to ``nexus.nq``.

Nothing is asked of the built store: the classes (distinct subjects per class), the relations
(distinct triples per relation) and, when asked, the distinct triples are tallied from the
lines :mod:`graph.rdf.build` writes (one canonical form per term, so equal terms are equal
strings); the entities discovered outside the vocabulary come from the entity records.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set

from graph.ns import CLASSES, NX_URI, RELATIONS
from graph.records import Entity

#: The classes the summary counts.
COUNTED: tuple[str, ...] = (*CLASSES, "Passage", "Claim")
_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_CLASS = {f"<{NX_URI}{c}>": c for c in COUNTED}
_RELATION = {f"<{NX_URI}{r}>": r for r in RELATIONS}
#: Classes whose nodes are named after their document (``passage-<doc id>-…``, claims by a hash of
#: their passage): each is typed once, in its document's graph, so it is counted without a set.
_OWN = frozenset({"Passage", "Claim"})


class Tally:
    """Counts of the quads seen so far (:meth:`add` each document's lines, then the entity graph's).

    With ``distinct_upto`` the distinct triples are counted too, by a hash of each (so a
    collision of 64-bit hashes could undercount by one), while there are at most that many quads.

    >>> t = Tally(distinct_upto=10)
    >>> a = f"<urn:a> {_TYPE} <{NX_URI}Country>"
    >>> t.add([a + " <urn:g1> .\\n", f"<urn:a> <{NX_URI}activeIn> <urn:b> <urn:g1> .\\n"])
    >>> t.add([a + " <urn:g2> .\\n"])
    >>> t.classes()["Country"], t.relations()["activeIn"], t.triples(), t.quads
    (1, 1, 2, 3)
    """

    def __init__(self, distinct_upto: int | None = None) -> None:
        self.quads = 0
        self._own = dict.fromkeys(sorted(_OWN), 0)
        self._subjects: dict[str, set[str]] = {c: set() for c in COUNTED if c not in _OWN}
        self._relations: dict[str, set[str]] = {r: set() for r in RELATIONS}
        self._limit = distinct_upto
        self._triples: set[int] | None = set() if distinct_upto is not None else None

    def add(self, lines: Iterable[str]) -> None:
        """Count the N-Quads ``lines`` (``s p o g .``, one statement each)."""
        for line in lines:
            self.quads += 1
            s, p, rest = line.split(" ", 2)
            if p == _TYPE:
                cls = _CLASS.get(rest[: rest.find(" ")])
                if cls in _OWN:
                    self._own[cls] += 1
                elif cls is not None:
                    self._subjects[cls].add(s)
            elif p in _RELATION:
                self._relations[_RELATION[p]].add(f"{s} {rest.rsplit(' ', 2)[0]}")
            if self._triples is not None:
                self._triples.add(hash(f"{s} {p} {rest.rsplit(' ', 2)[0]}"))
        if self._triples is not None and self._limit is not None and self.quads > self._limit:
            self._triples = None  # too many to hold: the summary gives the quads

    def classes(self) -> dict[str, int]:
        """Distinct subjects of each counted class, in the order of :data:`COUNTED`."""
        return {c: self._own[c] if c in _OWN else len(self._subjects[c]) for c in COUNTED}

    def relations(self) -> dict[str, int]:
        """Distinct triples of each relation, in the ontology's order."""
        return {r: len(self._relations[r]) for r in RELATIONS}

    def triples(self) -> int | None:
        """Distinct triples, if they were counted (asked for, and not too many quads)."""
        return len(self._triples) if self._triples is not None else None


def discovered(
    used: Set[str], entities: Mapping[str, Entity], naming: Mapping[str, Set[str]]
) -> list[tuple[str, str, int]]:
    """(class, label, documents naming it) of each entity of the entity graph discovered outside
    the vocabulary, sorted; the label is the least of its labels, as the graph has them.

    >>> e = Entity("group-x", "TerroristGroup", "某团伙", discovered=True)
    >>> discovered({"group-x", "doc-1"}, {"group-x": e}, {"group-x": {"doc-1", "doc-2"}})
    [('TerroristGroup', '某团伙', 2)]
    """
    found = []
    for eid in used:
        e = entities.get(eid)
        if e is not None and e.discovered:
            label = min([e.label_zh, *([e.label_en] if e.label_en else [])])
            found.append((e.kind, label, len(naming.get(eid, ()))))
    return sorted(found)
