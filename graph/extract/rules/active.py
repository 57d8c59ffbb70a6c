"""The annex-table rule: see ``RULE``.  activeIn in running text comes from the clause frames
(``ontology/frames.toml``); a table row names an entity in its first cell and the places it
covers in a later one, with no verb between them."""

from __future__ import annotations

from collections.abc import Sequence

from graph.extract.rules.common import PLACES, Cues, Rule, make_fact
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="active",
    predicate="activeIn",
    subject=("UNEntity", "Programme"),
    object=("Region", "Country"),
    section="active",
    lists=("work_captions",),
    numbers=(),
    texts=(),
    confidences=("active_table",),
)


def active_facts(
    p: Passage, ms: Sequence[Mention], cues: Cues, table_entities: Sequence[Mention]
) -> list[Fact]:
    """Annex rows: the entity of the row's first cell → each place of a cell that names only places."""
    conf = cues["confidence"]["active_table"]
    return [
        make_fact(
            e.concept, "activeIn", r.concept, p, "active_table", conf, False, f"{e.surface} | {r.surface}"
        )
        for e in table_entities
        if e.kind in RULE.subject
        for r in ms
        if r.kind in PLACES
    ]
