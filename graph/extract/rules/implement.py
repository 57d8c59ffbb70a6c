"""The implement rule: see ``RULE`` for what it states and the cue words it reads."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.extract.rules.common import (
    AGENTS,
    INSTRUMENTS,
    Cues,
    Rule,
    alternation,
    coordinated,
    generic_un,
    has_any,
    make_fact,
    nearest_group,
)
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="implement",
    predicate="implements",
    subject=("UNEntity", "Programme", "Organization", "Country"),
    object=("Resolution", "Convention"),
    section="implement",
    lists=("cues", "list_markers", "assist", "not_subject_before", "anaphora", "organization_heads"),
    numbers=(),
    texts=(),
    confidences=("implement_direct", "implement_assist"),
)


def implement_facts(p: Passage, ms: Sequence[Mention], cues: Cues, last_resolution: str) -> list[Fact]:
    """AGENT … 执行/支持执行/协助…执行 RESOLUTION|CONVENTION."""
    text = p.text
    im = cues["implement"]
    conf = cues["confidence"]
    out: list[Fact] = []
    cue_pat = alternation(im["cues"])
    spans = [(m.start, m.end) for m in ms]
    for cue in re.finditer(cue_pat, text):
        if any(a <= cue.start() < b for a, b in spans):
            continue  # 执行 inside 反恐执行局
        seg_end = min(
            [k for k in (text.find("；", cue.end()), text.find("。", cue.end())) if k >= 0] or [len(text)]
        )
        objs = [m for m in ms if m.kind in INSTRUMENTS and m.start >= cue.end() and m.start < seg_end]
        objects: list[tuple[str, str]] = []
        if objs:
            gap = text[cue.end() : objs[0].start]
            marker = [w for w in im["list_markers"] if w in gap]
            about = re.match(r"(?:大会|安全理事会|安理会)?关于", text[cue.end() :])
            if about:
                res = [o for o in objs if o.kind == "Resolution" and o.start - cue.end() <= 90]
                if res:
                    objects = [
                        (o.concept, o.surface) for o in coordinated(text, ms, ms.index(res[0]), INSTRUMENTS)
                    ]
            elif marker and len(gap) <= 40:
                objects = [(o.concept, o.surface) for o in objs]
            elif len(gap) <= 16:
                idx = ms.index(objs[0])
                objects = [(o.concept, o.surface) for o in coordinated(text, ms, idx, INSTRUMENTS)]
        if not objects and text.startswith(tuple(im["anaphora"]), cue.end()):
            earlier = [m for m in ms if m.kind == "Resolution" and m.end <= cue.start()]
            antecedent = earlier[-1].concept if earlier else last_resolution
            if antecedent:
                objects = [(antecedent, "该决议")]
        if not objects:
            continue
        clause_from = max(text.rfind(c, 0, cue.start()) for c in "。；") + 1
        before = [
            m
            for m in ms
            if m.kind in (*AGENTS, "Country")
            and clause_from <= m.start
            and m.end <= cue.start()
            and not generic_un(text, m, cues)
        ]
        subj = []
        anchors = [m for m in before if text[max(0, m.start - 1) : m.start] not in im["not_subject_before"]]
        if anchors:
            group = nearest_group(text, ms, ms.index(anchors[-1]))
            subj = [
                m
                for m in group
                if m.kind in RULE.subject
                and (m.kind != "Organization" or m.surface.endswith(tuple(im["organization_heads"])))
            ]
        countries = [m for m in ms if m.kind == "Country" and 0 <= cue.start() - m.end <= 4]
        rule = (
            "implement_assist"
            if has_any(text[clause_from : cue.start()], im["assist"])
            else "implement_direct"
        )
        if not subj and not countries and text[max(0, cue.start() - 1) : cue.start()] == "为":
            comma = text.find("，", cue.end())
            later = [
                m
                for m in ms
                if m.kind in ("UNEntity", "Programme") and comma >= 0 and 0 <= m.start - comma <= 4
            ]
            subj = coordinated(text, ms, ms.index(later[0]), ("UNEntity", "Programme")) if later else []
        if not subj and not countries:
            continue
        subjects = []
        for s in subj:
            prefix = text[max(0, s.start - 2) : s.start]
            if prefix.endswith(tuple(im["not_subject_before"])):
                continue
            subjects.append(s)
        subjects += countries
        for s in subjects:
            for oid, osurf in objects:
                out.append(
                    make_fact(
                        s.concept,
                        "implements",
                        oid,
                        p,
                        rule,
                        conf[rule],
                        has_any(text, cues["hedge"]["words"]),
                        f"{s.surface}…{cue.group(0)}…{osurf}",
                    )
                )
    return out
