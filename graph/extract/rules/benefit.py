"""The benefit rules: see ``RULE`` for what it states and the cue words it reads."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.extract.rules.common import (
    Context,
    Cues,
    CueSection,
    Rule,
    clause_end,
    described_branch,
    find_amounts,
    has_any,
    make_fact,
    negated_clause,
)
from graph.records import Amount, Fact, Mention, Passage

#: Where a sentence's clause lists end (the segments a benefit is read in).
_SEMICOLON = re.compile("[；;]")

RULE = Rule(
    name="benefit",
    predicate="benefitsFrom",
    subject=("TerroristGroup",),
    object=("CrimeType",),
    section="benefit",
    lists=(
        "cues",
        "gain_in_name",
        "blockers",
        "crime_modifier_after",
        "levies",
        "crime_described_after",
        "not_actor_after",
        "other_actors",
        "source_cues",
        "branch_words",
        "adjective_forms",
        "abuse_context",
        "gain_cues",
        "topic_blockers",
        "partner_before",
        "opposed_before",
    ),
    numbers=(),
    texts=(),
    confidences=(
        "benefit_cue",
        "benefit_source",
        "benefit_list",
        "benefit_anaphora",
        "benefit_topic",
        "benefit_branch",
    ),
)


def benefit_facts(
    p: Passage, ms: Sequence[Mention], cues: Cues, ctx: Context, last_group: str | Sequence[str]
) -> list[Fact]:
    """GROUP … cue … CRIME (either order) in one clause list (between ；) → GROUP benefitsFrom CRIME.

    Without a named group, 该团体 refers back to the last group of the paragraph (``last_group``;
    这些团体 to each of a list of them), and so does a sentence that names no other actor (the
    paragraph's topic).
    """
    if not any(m.kind == "CrimeType" for m in ms) or not has_any(p.text, cues["benefit"]["cues"]):
        return []  # no crime, or no cue word (a segment's cue is in the passage): no segment states one
    last = (last_group,) if isinstance(last_group, str) else tuple(last_group)
    last = tuple(g for g in last if g)
    out: list[Fact] = []
    start = 0
    for seg_end in [m.start() for m in _SEMICOLON.finditer(p.text)] + [len(p.text)]:
        for a, b in _by_group(p.text, start, seg_end, ms):
            seg = [m for m in ms if a <= m.start < b]
            out += _benefit_segment(p, p.text[a:b], a, seg, cues, ctx, last)
        start = seg_end + 1
    return out


def _by_group(text: str, a: int, b: int, ms: Sequence[Mention]) -> list[tuple[int, int]]:
    """``text[a:b]`` cut before each clause that opens with a group's name when it names more than
    one group (X通过A筹资，Y从B中获益: A is X's, B is Y's)."""
    groups = [m for m in ms if a <= m.start < b and m.kind == "TerroristGroup"]
    if len({m.concept for m in groups}) < 2:
        return [(a, b)]
    cuts = [a]
    for m in groups:
        opening = max(a, *(text.rfind(c, a, m.start) + 1 for c in "，,"))
        first = min((x.start for x in ms if opening <= x.start < b), default=m.start)
        owned = any(cuts[-1] <= g.start < opening for g in groups)  # the piece before has its group
        if opening > cuts[-1] and first == m.start and owned:
            cuts.append(opening)
    return [(x, y - 1 if y < b else y) for x, y in zip(cuts, [*cuts[1:], b], strict=True)]


def _crime_is_act(text: str, m: Mention, b: CueSection, groups: Sequence[Mention] = ()) -> bool:
    """False for a crime word that names a victim (被绑架), a network or route (走私网络), one the
    clause says is opposed (谴责贩毒), or sits in brackets."""
    if text[max(0, m.start - 1) : m.start] == "被":
        return False
    clause = max(text.rfind(c, 0, m.start) for c in "，,；;：:。") + 1
    said = max((text.rfind(w, clause, m.start) for w in b["opposed_before"]), default=-1)
    if said >= 0 and not any(said < g.start < m.start for g in groups):
        return False  # 该团体在声明中谴责贩毒: a crime the group opposes (谴责X绑架平民: X's act)
    if (
        (
            m.method not in ("specialised", "phrase")
            and text.startswith(tuple(b["crime_modifier_after"]), m.end)
        )
        or text.startswith(tuple(b["crime_described_after"]), m.end)
    ) and not has_any(text[clause : clause_end(text, m.end)], b["levies"]):
        return False  # 走私网络, 贩运木炭的商人: actors, unless the clause says the group levies on them
    if text.startswith(tuple(b["adjective_forms"]), m.start):  # 腐败的现行政府: an adjective, not a crime
        return False
    opened = text.rfind("(", 0, m.start)
    return not (
        opened > text.rfind(")", 0, m.start)
        and m.method not in ("specialised", "phrase")
        and len(m.surface) <= 2
    )


def _benefit_segment(
    p: Passage, text: str, offset: int, ms: Sequence[Mention], cues: Cues, ctx: Context, last: tuple[str, ...]
) -> list[Fact]:
    b = cues["benefit"]
    crimes = [
        m
        for m in ms
        if m.kind == "CrimeType"
        and m.concept not in ctx.generic_crimes
        and _crime_is_act(p.text, m, b, [g for g in ms if g.kind == "TerroristGroup"])
    ]
    # a cue inside a compound crime name (绑架勒索) is no cue: look for one outside such names; a
    # two-character crime word (勒索, 绑架) is often the verb itself and counts
    masked = list(text)
    for m in ms:
        if m.kind == "CrimeType" and len(m.surface) >= 4 and not has_any(m.surface, b["gain_in_name"]):
            masked[m.start - offset : m.end - offset] = " " * (m.end - m.start)
    if not crimes or has_any(text, cues["negation"]["words"]) or not has_any("".join(masked), b["cues"]):
        return []
    if has_any(text, cues["negation"]["before_verb"]) and negated_clause(text, cues):
        return []
    # in a list of abuses (侵犯人权行为…包括绑架) a crime is an abuse; only a word of gain makes it a benefit
    if has_any(text, b["abuse_context"]) and not has_any("".join(masked), b["gain_cues"]):
        return []
    hedged = has_any(text, cues["hedge"]["words"])
    conf = cues["confidence"]
    rule = "benefit_cue"
    subjects: list[tuple[str, str]] = []
    branches: list[tuple[str, str]] = []
    for g in (m for m in ms if m.kind == "TerroristGroup"):
        before = p.text[max(0, g.start - 6) : g.start]
        after = p.text[g.end : g.end + 5]
        if has_any(before, b["blockers"]) or after.startswith(tuple(b["not_actor_after"])):
            continue
        clause_start = max(offset, *(p.text.rfind(c, offset, g.start) + 1 for c in "，,：:"))
        if has_any(p.text[clause_start : g.start], b["partner_before"]) and not any(
            o.kind == "TerroristGroup" and clause_start <= o.start < g.start for o in ms
        ):
            continue  # …，并与X保持联系: X is the partner, not the actor
        if described_branch(p.text, g.end, b["branch_words"]):
            if g.start - offset <= 2:  # 基地组织在也门的分支通过…筹资: the branch acts, for its parent
                branches.append((g.concept, g.surface))
            continue  # X系 GROUP 在东南亚的附属组织: GROUP is described, not acting
        if re.search(r"关于[^，。；]{0,12}$", p.text[max(0, g.start - 14) : g.start]) and re.match(
            r"[^，。；]{0,25}的第", p.text[g.end :]
        ):
            continue  # 关于基地组织…的第2161(2014)号决议: part of a resolution's title
        subjects.append((g.concept, g.surface))
    if not subjects and branches:
        subjects, rule = branches, "benefit_branch"
    if not subjects and last:
        if has_any(text, cues["anaphora"]["group"]) or has_any(text, cues["anaphora"]["groups"]):
            subjects += [(g, "该团体") for g in last]
            rule = "benefit_anaphora"
        elif (
            not has_any(text, b["other_actors"])
            and not has_any(text, b["blockers"])
            and not has_any(text, b["topic_blockers"])
            and not [m for m in ms if m.kind == "TerroristGroup"]
        ):
            subjects += [(g, "(段落主题)") for g in last[:1]]
            rule = "benefit_topic"
    if not subjects:
        return []
    if has_any(text, b["source_cues"]) and rule == "benefit_cue":
        rule = "benefit_source"
    elif len(subjects) > 1 and rule == "benefit_cue":
        rule = "benefit_list"
    amounts = find_amounts(text)
    amount_for: dict[str, Amount] = {}
    for a in amounts:
        pos = offset + text.find(a.surface)
        before_a = [c for c in crimes if c.end <= pos]
        nearest = before_a[-1] if before_a else min(crimes, key=lambda c: abs(c.start - pos))
        amount_for.setdefault(nearest.concept, a)
    first_subject: dict[str, str] = {}
    for gid, gsurf in subjects:
        first_subject.setdefault(gid, gsurf)
    first_crime: dict[str, Mention] = {}
    for c in crimes:
        first_crime.setdefault(c.concept, c)
    out = []
    for gid, gsurf in first_subject.items():
        for c in first_crime.values():
            out.append(
                make_fact(
                    gid,
                    "benefitsFrom",
                    c.concept,
                    p,
                    rule,
                    conf[rule],
                    hedged,
                    f"{gsurf} … {c.surface}",
                    amount_for.get(c.concept),
                )
            )
    return out
