"""The affiliate rule: see ``RULE`` for what it states and the cue words it reads."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from graph.extract.rules.common import (
    Cues,
    Rule,
    has_any,
    make_fact,
)
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="affiliate",
    predicate="affiliatedWith",
    subject=("TerroristGroup",),
    object=("TerroristGroup",),
    section="affiliate",
    lists=("cues", "appositive", "linkers", "association", "pledge"),
    numbers=("tail_window",),
    texts=(),
    confidences=("affiliate_cue",),
)


def affiliate_facts(p: Passage, ms: Sequence[Mention], cues: Cues) -> list[Fact]:
    """GROUP1 系 GROUP2 … 的附属组织; GROUP2 附属组织 GROUP1; GROUP1 与 GROUP2 有关联; 效忠/结盟."""
    text = p.text
    af = cues["affiliate"]
    conf = cues["confidence"]["affiliate_cue"]
    negated = has_any(text, cues["negation"]["words"])
    groups = [m for m in ms if m.kind == "TerroristGroup"]
    out: list[Fact] = []
    if negated:
        return out
    for a, b in itertools.pairwise(groups):
        if a.concept == b.concept:
            continue
        gap = text[a.end : b.start]
        tail = re.split(r"[，。；,;]", text[b.end : b.end + af["tail_window"]])[0]
        listed = has_any(gap, ("、", "和", "及", "，", ","))
        if gap.strip() in af["appositive"]:  # 基地组织附属组织伊黎伊斯兰国: b is a's affiliate
            out.append(
                make_fact(
                    b.concept,
                    "affiliatedWith",
                    a.concept,
                    p,
                    "affiliate_cue",
                    conf,
                    False,
                    f"{a.surface}{gap}{b.surface}",
                )
            )
        elif len(gap) <= 8 and not listed and has_any(tail, af["cues"]) and "的" in tail:
            out.append(
                make_fact(
                    a.concept,
                    "affiliatedWith",
                    b.concept,
                    p,
                    "affiliate_cue",
                    conf,
                    False,
                    f"{a.surface}…{b.surface}…附属",
                )
            )
        elif (
            len(gap) <= 6
            and not listed
            and has_any(gap, af["linkers"])
            and has_any(tail[:6], af["association"])
        ):
            out.append(
                make_fact(
                    a.concept,
                    "affiliatedWith",
                    b.concept,
                    p,
                    "affiliate_cue",
                    conf,
                    False,
                    f"{a.surface}{gap}{b.surface}…关联",
                )
            )
        elif len(gap) <= 6 and not listed and has_any(gap + tail[:4], af["pledge"]):
            out.append(
                make_fact(
                    a.concept,
                    "affiliatedWith",
                    b.concept,
                    p,
                    "affiliate_cue",
                    conf,
                    False,
                    f"{a.surface}…效忠/结盟…{b.surface}",
                )
            )
    return out
