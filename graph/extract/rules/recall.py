"""The recall rule: see ``RULE`` for what it states and the cue words it reads."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.extract.clauses import clause_spans
from graph.extract.rules.common import Context, Cues, Rule, alternation, has_any, make_fact, opens_with
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="recall",
    predicate="recalls",
    subject=("Resolution",),
    object=("Resolution",),
    section="recall",
    lists=("cues", "clause_cues", "clause_openers", "not_recall", "continuers", "described", "basis_before"),
    numbers=(),
    texts=(),
    confidences=("recall_preamble", "recall_cited"),
)


def recall_facts(
    p: Passage, ms: Sequence[Mention], cues: Cues, ctx: Context, topic_resolution: str = ""
) -> list[Fact]:
    """In a resolution's (or statement's) own voice, a clause opened by 回顾/重申/忆及 recalls every
    resolution it names; elsewhere 第N号决议…回顾 … → N recalls the ones after the cue."""
    text = p.text
    conf = cues["confidence"]
    rc = cues["recall"]
    res = [m for m in ms if m.kind == "Resolution"]
    if not res:
        return []
    if ctx.self_resolution and p.kind != "title":
        out = []
        recalling = False
        for a, b in clause_spans(text):
            cue_end = opens_with(text[a:b], rc["clause_cues"], rc["clause_openers"])
            if cue_end < 0 and recalling and text[a:b].lstrip().startswith(tuple(rc["described"])):
                continue  # …决议，其中通过了《规则》，以及第M号决议: a description, the recall goes on
            if cue_end < 0 and recalling and text[a:b].lstrip().startswith(tuple(rc["continuers"])):
                cue_end = 0  # 回顾其以往各项决议，特别是第N号决议: the list goes on in the next clause
            recalling = cue_end >= 0
            if cue_end < 0:
                continue
            inside = [r for r in res if a <= r.start < b and r.concept != ctx.self_resolution]
            if inside and has_any(text[a + cue_end : inside[0].start], rc["not_recall"]):
                continue
            bodies = [m.start for m in ms if m.kind in ("UNEntity", "Programme") and a <= m.start < b]
            inside = [
                r for r in inside if not _basis_of_a_body(text, r, bodies, a + cue_end, rc["basis_before"])
            ]
            out += [
                make_fact(
                    ctx.self_resolution,
                    "recalls",
                    r.concept,
                    p,
                    "recall_preamble",
                    conf["recall_preamble"],
                    False,
                    text[a:b].strip(),
                )
                for r in inside
            ]
        return out
    if not has_any(text, rc["cues"]):
        return []
    cue_pos = min(text.find(c) for c in rc["cues"] if c in text)
    before = [r for r in res if r.end <= cue_pos and cue_pos - r.end <= 12]
    anaphor = re.search(
        "(?:" + alternation(cues["anaphora"]["resolution"]) + r")(?:还|又|也|并|再次)?$",
        text[max(0, cue_pos - 8) : cue_pos],
    )
    if not before and anaphor:  # 该决议回顾了第N号决议: the resolution named before
        earlier = [r for r in res if r.end <= cue_pos]
        src_id = topic_resolution or (earlier[-1].concept if earlier else "")
        if src_id:
            return [
                make_fact(
                    src_id,
                    "recalls",
                    r.concept,
                    p,
                    "recall_cited",
                    conf["recall_cited"],
                    False,
                    f"{anaphor.group(0)}回顾…{r.surface}",
                )
                for r in res
                if r.start > cue_pos and r.concept != src_id
            ]
    if before:
        src = before[-1]
        return [
            make_fact(
                src.concept,
                "recalls",
                r.concept,
                p,
                "recall_cited",
                conf["recall_cited"],
                False,
                f"{src.surface}…回顾…{r.surface}",
            )
            for r in res
            if r.start > cue_pos and r.concept != src.concept
        ]
    return []


def _basis_of_a_body(
    text: str, r: Mention, bodies: Sequence[int], after: int, markers: Sequence[str]
) -> bool:
    """``r`` is the basis of the work of a UN body named between the cue and it (重申支持反恐执行局
    根据第2617(2021)号决议开展的工作): that body's mandate, not a resolution recalled."""
    before = text[max(after, r.start - 8) : r.start].rstrip()
    before = before.removesuffix("第").rstrip()
    for prefix in ("安全理事会", "安理会", "大会", "经济及社会理事会"):
        before = before.removesuffix(prefix)
    return before.endswith(tuple(markers)) and any(after <= s < r.start for s in bodies)
