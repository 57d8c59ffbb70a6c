"""The operate rules: see ``RULE`` for what it states and the cue words it reads."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.extract.rules.common import (
    PLACES,
    Cues,
    CueSection,
    Rule,
    alternation,
    between,
    coordinated,
    has_any,
    make_fact,
    negated_clause,
)
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="operate",
    predicate="operatesIn",
    subject=("TerroristGroup",),
    object=("Region", "Country"),
    section="operate",
    lists=(
        "verbs",
        "locative",
        "movement",
        "place_list",
        "region_suffix",
        "descriptors",
        "attack_verbs",
        "attack_words",
        "attack_blockers",
        "not_attack_place",
        "mission_after",
        "target_before",
        "claim_cues",
        "examples",
        "possession",
        "possession_adverbs",
        "possession_not_after",
    ),
    numbers=("attack_window",),
    texts=(),
    confidences=(
        "operate_attributive",
        "operate_attack",
        "operate_claimed",
    ),
)


def _possession(after: str, o: CueSection) -> bool:
    """True when ``after`` (what follows 在 PLACE) opens with a verb of having: 仍有约一万名战斗人员.

    >>> from graph.extract.rules.common import CueSection
    >>> o = CueSection("operate", {"possession": ("有",), "possession_adverbs": ("仍",), "possession_not_after": ("关",)})
    >>> _possession("仍有数千名战斗人员", o), _possession("有关的活动", o)
    (True, False)
    """
    for adverb in ("", *o["possession_adverbs"]):
        for verb in o["possession"]:
            head = adverb + verb
            if after.startswith(head):
                return not after[len(head) :].startswith(tuple(o["possession_not_after"]))
    return False


def operate_facts(p: Passage, ms: Sequence[Mention], cues: Cues) -> list[Fact]:
    """在 REGION 活动的 GROUP; REGION GROUP (阿富汗塔利班); the places of a group's attacks.  A group
    said to act in a place (GROUP 在 REGION 活动, 在 REGION，GROUP…) is the clause frames' to read."""
    if not any(m.kind == "TerroristGroup" for m in ms):
        return []  # every fact below is a group's
    text = p.text
    o = cues["operate"]
    conf = cues["confidence"]
    hedged = has_any(text, cues["hedge"]["words"])
    out: list[Fact] = []
    for i, m in enumerate(ms):
        if m.kind not in PLACES:
            continue
        places = coordinated(text, ms, i, PLACES)
        if (
            i > 0
            and ms[i - 1].kind in PLACES
            and between(text, ms[i - 1], m).strip() in ("", "、", "和", "及", "以及")
        ):
            continue  # handled with the first place of the list (or the place it is part of)
        tail_end = places[-1].end
        for x in ms[i + 1 :]:  # 在叙利亚巴迪亚沙漠地区: a place and the part of it written right after
            if x.start != tail_end or x.kind not in PLACES:
                break
            places = [*places, x]
            tail_end = x.end
        head = text[max(0, m.start - 3) : m.start]
        after = text[tail_end : tail_end + 14]
        # 在 REGION verb 的 GROUP (the clause frames read GROUP 在 REGION verb)
        if has_any(head, o["locative"]):
            rest = re.sub(r"^(" + "|".join(o["region_suffix"]) + ")", "", after)
            verb_ok = has_any(rest[:8], o["verbs"]) or _possession(rest, o)
            if has_any(text[max(0, m.start - 4) : m.start], o["movement"]):
                verb_ok = True
                places = _places_with_list(text, ms, i, o)
            nxt = [g for g in ms if g.kind == "TerroristGroup" and g.start >= tail_end]
            gap = text[tail_end : nxt[0].start] if nxt else ""
            described = (
                gap.endswith("的")
                and len(gap) <= 10
                and not has_any(gap, ("，", "。"))
                and not any(tail_end <= x.start < nxt[0].start for x in ms)  # no other name between
            )
            # 在 REGION verb 的 GROUP
            if nxt and verb_ok:
                g = nxt[0]
                if described:
                    out += [
                        make_fact(
                            g.concept,
                            "operatesIn",
                            r.concept,
                            p,
                            "operate_attributive",
                            conf["operate_attributive"],
                            hedged,
                            f"在{r.surface}…的{g.surface}",
                        )
                        for r in places
                    ]
                    continue
        # REGION GROUP: 阿富汗塔利班, 索马里青年党; REGION(的)极端组织“GROUP”
        #              REGION境内的GROUP, 也门的基地组织 (not after 对/向: a target)
        suffix = "(?:" + "|".join(o["region_suffix"]) + ")?"
        qualifier = r"(?:的)?(?:" + "|".join(o["descriptors"]) + r")?[“‘\"]?"
        nxt = [
            g
            for g in ms
            if g.kind == "TerroristGroup"
            and g.start >= tail_end
            and re.fullmatch(qualifier, text[tail_end : g.start])
        ]
        inside = [
            g
            for g in ms
            if g.kind == "TerroristGroup"
            and g.start > tail_end
            and re.fullmatch(suffix + "的" + qualifier, text[tail_end : g.start])
        ]
        targeted = text[max(0, m.start - 2) : m.start].endswith(tuple(o["target_before"]))
        # REGION的恐怖团体，如GROUP(、GROUP…): the groups given as examples
        examples = re.match(
            suffix
            + "的"
            + r"(?:"
            + "|".join(o["descriptors"])
            + r")[，,]?(?:"
            + alternation(o["examples"])
            + r")[“‘\"]?",
            text[tail_end:],
        )
        if examples and not targeted:
            first = next(
                (
                    k
                    for k, x in enumerate(ms)
                    if x.kind == "TerroristGroup" and x.start - (tail_end + examples.end()) in (0, 1)
                ),
                None,
            )
            if first is not None:
                for g in coordinated(text, ms, first, ("TerroristGroup",)):
                    out += [
                        make_fact(
                            g.concept,
                            "operatesIn",
                            r.concept,
                            p,
                            "operate_attributive",
                            conf["operate_attributive"],
                            hedged,
                            f"{r.surface}…{g.surface}",
                        )
                        for r in places
                    ]
                continue
        if inside and not targeted:
            g = inside[0]
            out += [
                make_fact(
                    g.concept,
                    "operatesIn",
                    r.concept,
                    p,
                    "operate_attributive",
                    conf["operate_attributive"],
                    hedged,
                    f"{r.surface}{text[tail_end : g.start]}{g.surface}",
                )
                for r in places
            ]
            continue
        if len(places) == 1 and nxt and m.kind == "Country" and not targeted:
            g = nxt[0]
            out.append(
                make_fact(
                    g.concept,
                    "operatesIn",
                    m.concept,
                    p,
                    "operate_attributive",
                    conf["operate_attributive"],
                    hedged,
                    f"{m.surface}{g.surface}",
                )
            )
    for g in ms:
        if g.kind == "TerroristGroup":
            for place in g.refs:
                out.append(
                    make_fact(
                        g.concept,
                        "operatesIn",
                        place,
                        p,
                        "operate_attributive",
                        conf["operate_attributive"],
                        hedged,
                        g.surface,
                    )
                )
    out += _attack_places(p, ms, cues, hedged)
    return out


def _attack_places(p: Passage, ms: Sequence[Mention], cues: Cues, hedged: bool) -> list[Fact]:
    """A group that attacks, and the places of its attacks in the same sentence: GROUP 发动的袭击 …
    在 PLACE 的自杀爆炸; GROUP 实施了几次袭击，包括 PLACE 的爆炸事件 → GROUP operatesIn PLACE."""
    text = p.text
    o = cues["operate"]
    if (
        has_any(text, cues["negation"]["words"])
        or not has_any(text, o["attack_words"])
        or negated_clause(text, cues)
    ):
        return []
    blockers = cues["benefit"]["blockers"] + o["attack_blockers"]
    actors = [
        g
        for g in ms
        if g.kind == "TerroristGroup"
        and not has_any(text[max(0, g.start - 6) : g.start], blockers)
        and re.match(r"[^，。；]{0,14}?(?:" + "|".join(o["attack_verbs"]) + ")", text[g.end :])
    ]
    if len({g.concept for g in actors}) != 1:
        return []
    g = actors[0]
    out = []
    for m in ms:
        if m.kind not in PLACES or m.start < g.start or text.startswith(tuple(o["mission_after"]), m.end):
            continue  # (加拿大驻埃及大使馆: the mission is in Egypt, not Canada)
        stop = min([k for k in (text.find(c, m.end) for c in "，。；,;") if k >= 0] or [len(text)])
        after = text[m.end : min(stop, m.end + o["attack_window"])]
        if has_any(after, o["attack_words"]) and not has_any(after, o["not_attack_place"]):
            out.append(
                make_fact(
                    g.concept,
                    "operatesIn",
                    m.concept,
                    p,
                    "operate_attack",
                    cues["confidence"]["operate_attack"],
                    hedged,
                    f"{g.surface}…{m.surface}{after}",
                )
            )
    return out


def attack_sites(p: Passage, ms: Sequence[Mention], cues: Cues) -> list[Mention]:
    """Places where the passage puts an attack: PLACE … 发生的恐怖袭击, 在 PLACE … 爆炸 (no actor needed)."""
    text = p.text
    o = cues["operate"]
    if not any(m.kind in PLACES for m in ms):
        return []  # no place named
    if not has_any(text, o["attack_words"]) or negated_clause(text, cues):
        return []
    out = []
    for m in ms:
        if (
            m.kind not in PLACES
            or text[max(0, m.start - 2) : m.start].endswith(tuple(o["target_before"]))
            or text.startswith(tuple(o["mission_after"]), m.end)
        ):
            continue
        stop = min([k for k in (text.find(c, m.end) for c in "，。；,;") if k >= 0] or [len(text)])
        after = text[m.end : min(stop, m.end + o["attack_window"])]
        if has_any(after, o["attack_words"]) and not has_any(after, o["not_attack_place"]):
            out.append(m)
    return out


def claimed_facts(p: Passage, ms: Sequence[Mention], cues: Cues, sites: Sequence[Mention]) -> list[Fact]:
    """GROUP 声称对（事件/袭击）负责, with the attack's places named earlier in the paragraph or in the
    title → GROUP operatesIn each place."""
    text = p.text
    o = cues["operate"]
    if not sites or not any(m.kind == "TerroristGroup" for m in ms):
        return []  # no place attacked, or no group to claim it
    if has_any(text, cues["negation"]["words"]) or negated_clause(text, cues):
        return []
    claims = [
        g
        for g in ms
        if g.kind == "TerroristGroup"
        and re.match(
            r"[^。；]{0,16}?(?:" + alternation(o["claim_cues"]) + r")[^。；]{0,16}?负责", text[g.end :]
        )
    ]
    if len({g.concept for g in claims}) != 1:
        return []
    g = claims[0]
    seen: dict[str, Mention] = {}
    for m in sites:
        seen.setdefault(m.concept, m)
    return [
        make_fact(
            g.concept,
            "operatesIn",
            m.concept,
            p,
            "operate_claimed",
            cues["confidence"]["operate_claimed"],
            has_any(text, cues["hedge"]["words"]),
            f"{g.surface}…负责 (袭击地点：{m.surface})",
        )
        for m in seen.values()
    ]


def _places_with_list(text: str, ms: Sequence[Mention], i: int, o: CueSection) -> list[Mention]:
    """A place and the places that continue it: 乍得湖流域地区，特别是喀麦隆、乍得和尼日尔."""
    places = coordinated(text, ms, i, PLACES)
    nxt = [k for k, m in enumerate(ms) if k > i and m.kind in PLACES and m.start >= places[-1].end]
    if nxt:
        gap = text[places[-1].end : ms[nxt[0]].start]
        gap = re.sub("^(" + "|".join(o["region_suffix"]) + ")", "", gap).strip("，, ")
        if gap in o["place_list"]:
            places += coordinated(text, ms, nxt[0], PLACES)
    return places
