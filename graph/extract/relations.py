"""Relation stage: the mentions of a passage + cue words → ``Fact``s.

Each rule is a module of ``graph.extract.rules`` (its name, predicate, subject and object classes,
and the cue words and confidences it reads from ``ontology/cues.toml``, checked on load);
this module runs them over a document, passage by passage, and keeps the paragraph's
topic for anaphora (该团体, 该决议) and dropped subjects.  Rules never consult a list of facts.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from graph.extract.rules.active import active_facts
from graph.extract.rules.affiliate import affiliate_facts
from graph.extract.rules.benefit import benefit_facts
from graph.extract.rules.common import PLACES, Context, Cues, clause_spans, find_amounts, has_any
from graph.extract.rules.implement import implement_facts
from graph.extract.rules.mandate import mandate_facts, request_facts
from graph.extract.rules.operate import attack_sites, claimed_facts, operate_facts
from graph.extract.rules.partner import partner_facts
from graph.extract.rules.recall import recall_facts
from graph.records import Fact, Mention, Passage
from graph.script import fold

__all__ = ["Context", "clause_spans", "document_facts", "find_amounts"]


# ---------------------------------------------------------------- driver


def document_facts(
    passages: Sequence[Passage], mentions: Sequence[Sequence[Mention]], cues: Cues, ctx: Context
) -> Iterator[Fact]:
    """All facts of one document, in passage order, without duplicates."""
    seen: set[tuple[str, str, str, str, int]] = set()
    last_group = carried_group = last_entity = last_resolution = topic_resolution = ""
    para = None
    table_entities: list[Mention] = []
    title_sites: list[Mention] = []
    sites: list[Mention] = []
    for original, ms in zip(passages, mentions, strict=True):
        p = dataclasses.replace(
            original, text=fold(original.text), offsets=()
        )  # cue words match either script
        if p.para != para:
            para = p.para
            # 该团体 opening the next paragraph still means the group the last one was about
            carried_group, last_group = last_group, ""
            last_entity = last_resolution = topic_resolution = ""
            table_entities = []
            sites = []
        is_table = p.para.startswith("annex-")
        if is_table and p.sent == 1:
            table_entities = [m for m in ms if m.kind in ("UNEntity", "Programme", "Organization")]
        topic_resolution = topic_resolution or _topic_resolution(p, ms)
        facts: list[Fact] = []
        if is_table and p.sent > 1 and all(m.kind in PLACES for m in ms) and ms:
            facts += active_facts(p, ms, cues, table_entities)
        carried = carried_group if p.sent == 1 and has_any(p.text, cues["anaphora"]["group"]) else ""
        facts += benefit_facts(p, ms, cues, ctx, last_group or carried)
        facts += operate_facts(p, ms, cues)
        found_sites = attack_sites(p, ms, cues)
        if p.kind == "title":
            title_sites += found_sites
        else:
            sites += found_sites
        facts += claimed_facts(p, ms, cues, [*title_sites, *sites])
        facts += mandate_facts(p, ms, cues, ctx, last_entity, topic_resolution)
        facts += request_facts(p, ms, cues, ctx)
        facts += implement_facts(p, ms, cues, last_resolution)
        facts += recall_facts(p, ms, cues, ctx, topic_resolution)
        facts += affiliate_facts(p, ms, cues)
        facts += partner_facts(p, ms, cues)
        if not is_table:
            facts += active_facts(p, ms, cues, ())
        for f in facts:
            if f.subject == f.object:
                continue
            key = (f.subject, f.predicate, f.object, p.para, p.sent)
            if key in seen:
                continue
            seen.add(key)
            yield dataclasses.replace(f, passage=original)
        actors = [
            m
            for m in ms
            if m.kind == "TerroristGroup"
            and not p.text.startswith(tuple(cues["benefit"]["not_actor_after"]), m.end)
            and not re.match(r"[^，。；系是]{0,10}的(?:附属|分支)", p.text[m.end : m.end + 14])
        ]
        if actors:
            last_group = actors[0].concept
        for m in ms:
            if m.kind in ("UNEntity", "Programme"):
                last_entity = m.concept
            elif m.kind == "Resolution":
                last_resolution = m.concept


def _topic_resolution(p: Passage, ms: Sequence[Mention]) -> str:
    """The resolution a paragraph is about, for 该决议: the one it says was adopted (通过第N号决议),
    else the first it names."""
    res = [m for m in ms if m.kind == "Resolution"]
    adopted = [m for m in res if "通过" in p.text[max(0, m.start - 6) : m.start]]
    return (adopted or res)[0].concept if res else ""
