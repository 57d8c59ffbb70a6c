"""The active rule: see ``RULE`` for what it states and the cue words it reads."""

from __future__ import annotations

from collections.abc import Sequence

from graph.extract.rules.common import (
    PLACES,
    Cues,
    Rule,
    clause_start,
    coordinated,
    has_any,
    make_fact,
)
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="active",
    predicate="activeIn",
    subject=("UNEntity", "Programme", "Organization"),
    object=("Region", "Country"),
    section="active",
    lists=("verbs", "helping_verbs", "locatives", "deliberative_organs"),
    numbers=(),
    texts=(),
    confidences=("active_table", "active_locative"),
)


def active_facts(
    p: Passage, ms: Sequence[Mention], cues: Cues, table_entities: Sequence[Mention]
) -> list[Fact]:
    """Annex rows: entity → geographic scope; text: AGENT 在/向 PLACE 开展/提供 …"""
    text = p.text
    conf = cues["confidence"]
    out: list[Fact] = []
    if table_entities:
        for e in table_entities:
            for r in ms:
                if r.kind in PLACES:
                    out.append(
                        make_fact(
                            e.concept,
                            "activeIn",
                            r.concept,
                            p,
                            "active_table",
                            conf["active_table"],
                            False,
                            f"{e.surface} | {r.surface}",
                        )
                    )
        return out
    for i, m in enumerate(ms):
        if m.kind not in PLACES:
            continue
        act = cues["active"]
        head = text[max(0, m.start - 2) : m.start]
        places = coordinated(text, ms, i, PLACES)
        helped = text[max(0, m.start - 4) : m.start].endswith(tuple(act["helping_verbs"]))
        if helped:  # AGENT 将继续帮助 PLACE 改善…
            cstart = clause_start(text, m.start)
            subj = [
                a
                for a in ms[:i]
                if a.kind in RULE.subject
                and a.start >= cstart
                and a.concept not in cues["active"]["deliberative_organs"]
                and not has_any(text[a.end : m.start], cues["negation"]["before_verb"])
            ]
        else:
            if not head.endswith(tuple(act["locatives"])):
                continue
            after = text[places[-1].end : places[-1].end + 12]
            if not has_any(after, act["verbs"]):
                continue
            cstart = clause_start(text, m.start)
            subj = [
                a
                for a in ms[:i]
                if a.kind in RULE.subject
                and a.start >= cstart - 20
                and a.concept not in cues["active"]["deliberative_organs"]
            ]
        if not subj:
            continue
        # AGENT和AGENT在 PLACE 开展…: every agent of the pair (or list) right before the place
        agents = [subj[-1]]
        for a in reversed(ms[: ms.index(subj[-1])]):
            if a.kind in RULE.subject and text[a.end : agents[-1].start].strip() in (
                "、",
                "和",
                "及",
                "以及",
                "与",
                "同",
            ):
                agents.append(a)
            else:
                break
        out += [
            make_fact(
                s.concept,
                "activeIn",
                r.concept,
                p,
                "active_locative",
                conf["active_locative"],
                False,
                f"{s.surface}…{r.surface}",
            )
            for s in reversed(agents)
            for r in places
            if s.concept not in cues["active"]["deliberative_organs"]
        ]
    return out
