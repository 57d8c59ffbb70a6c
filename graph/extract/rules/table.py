"""The partners of an annex table: see ``RULE``.  A row of a table of activities names where the
work was done and, in a cell of its own, the bodies it was done with; the body that did it is the
first cell's (a table of bodies) or, in a table of countries, the body the section or the report is
about."""

from __future__ import annotations

from collections.abc import Sequence

from graph.extract.rules.common import Cues, Rule, make_fact
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="table",
    predicate="partnerOf",
    subject=("UNEntity", "Programme"),
    object=("UNEntity", "Organization", "Programme"),
    section="confidence",
    lists=(),
    numbers=(),
    texts=(),
    confidences=("partner_table",),
)


def table_partner_facts(
    p: Passage, ms: Sequence[Mention], cues: Cues, acting: Sequence[Mention]
) -> list[Fact]:
    """Table rows: the acting body → each body of a later cell of the row (its partners)."""
    conf = cues["confidence"]["partner_table"]
    return [
        make_fact(
            e.concept, "partnerOf", b.concept, p, "partner_table", conf, False, f"{e.surface} | {b.surface}"
        )
        for e in acting
        if e.kind in RULE.subject
        for b in ms
        if b.kind in RULE.object and b.concept != e.concept
    ]
