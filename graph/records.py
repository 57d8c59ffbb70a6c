"""Frozen records that pass between the stages: documents → passages → mentions → facts."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded corpus file and what the manifest knows of it."""

    id: str
    path: str
    text: str
    sha256: str
    symbol: str = ""
    date: str = ""
    body: str = ""
    kind: str = ""
    title_zh: str = ""
    title_en: str = ""
    requested_by: str = ""
    script: str = ""
    identified_by: str = ""

    @property
    def year(self) -> int | None:
        """The year of the document's date, if known."""
        return int(self.date[:4]) if self.date[:4].isdigit() else None


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence of one paragraph, with offsets into ``Document.text``.

    ``offsets[i]`` is the position in the decoded file of ``text[i]``.  ``kind`` is where the
    paragraph sits: ``title``, ``heading``, ``preamble``, ``operative``, ``body``, ``annex``,
    ``table`` or ``footnote``. ``heading`` is the label of the heading paragraph the passage sits
    under; ``note_of`` is, for a footnote, the (paragraph, sentence) of the passage that calls it.
    """

    doc_id: str
    para: str
    sent: int
    start: int
    end: int
    text: str
    offsets: tuple[int, ...] = field(repr=False, compare=False, default=())
    kind: str = "body"
    heading: str = ""
    note_of: tuple[str, int] | None = None

    def without_offsets(self, text: str | None = None) -> Passage:
        """The passage with no offsets (and ``text``, if given, in place of its own): a
        ``dataclasses.replace`` without its cost, for the stages that make one per sentence."""
        return Passage(
            self.doc_id,
            self.para,
            self.sent,
            self.start,
            self.end,
            self.text if text is None else text,
            (),
            self.kind,
            self.heading,
            self.note_of,
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """Something a mention refers to: a vocabulary concept, a resolution or a discovered name."""

    id: str
    kind: str
    label_zh: str
    label_en: str = ""
    discovered: bool = False
    alt_labels: tuple[str, ...] = ()
    symbol: str = ""
    body: str = ""
    number: str = ""
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a passage that names an entity; offsets are into ``Passage.text``."""

    concept: str
    kind: str
    surface: str
    doc_id: str
    start: int
    end: int
    method: str
    refs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Amount:
    """Money tied to a benefit: a value or a range, a currency, a period or year, or the span of
    time it was counted over: from ``since`` (a year) to ``until`` (``2014`` or ``2014-08``)."""

    low: float
    high: float
    currency: str
    surface: str
    period: str = ""
    year: int | None = None
    since: int | None = None
    until: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """A relation found in a passage, with the rule that found it."""

    subject: str
    predicate: str
    object: str
    passage: Passage
    rule: str
    confidence: float
    hedged: bool = False
    amount: Amount | None = None
    evidence: str = ""

    def found_in(self, passage: Passage) -> Fact:
        """The fact with ``passage`` as its source (``dataclasses.replace`` without its cost)."""
        return Fact(
            self.subject,
            self.predicate,
            self.object,
            passage,
            self.rule,
            self.confidence,
            self.hedged,
            self.amount,
            self.evidence,
        )


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """Everything extracted from one document: its passages, their mentions, the facts, the entities."""

    doc: Document
    node: str
    requested_by: str | None
    passages: list[Passage]
    mentions: list[list[Mention]]
    facts: list[Fact]
    entities: dict[str, Entity]
