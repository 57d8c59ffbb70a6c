"""Relation stage: the mentions of a passage + cue words → ``Fact``s.

Rules read the order of mentions and the cue words between them in a sentence
(and, for anaphora such as 该团体 or 该决议, the earlier sentences of the same
paragraph).  They never consult a list of facts.  Each rule has a name, stored
on the claim, and a confidence from ``cues.toml``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from graph.records import Amount, Fact, Mention, Passage
from graph.script import fold

AGENTS = ("UNEntity", "Programme", "Organization")
PLACES = ("Region", "Country")
INSTRUMENTS = ("Resolution", "Convention")


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules need to know about the document being read."""

    self_id: str
    self_resolution: str = ""
    generic_crimes: tuple[str, ...] = ()


# ---------------------------------------------------------------- amounts

_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"(?:千万|百万|万|亿)?"
_CUR = r"(?:美元|欧元|英镑|瑞士法郎|人民币)"
_AMOUNT = re.compile(
    rf"(?P<q>每日|每天|每周|每月|每年|一年|年均)?(?:高达|大约|约|近|超过|至少|多达|达到|达)?"
    rf"(?P<a>{_NUM})\s*(?P<ua>{_UNIT})\s*(?P<ca>{_CUR})?"
    rf"(?:\s*(?:至|到|-|—|~)\s*(?P<b>{_NUM})\s*(?P<ub>{_UNIT})\s*(?P<cb>{_CUR}))?"
)
_SCALE = {"": 1, "万": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8}
_CURRENCY = {"美元": "USD", "欧元": "EUR", "英镑": "GBP", "瑞士法郎": "CHF", "人民币": "CNY"}
_PERIOD = {"每日": "day", "每天": "day", "每周": "week", "每月": "month", "每年": "year", "一年": "year", "年均": "year"}


def find_amounts(text: str) -> list[Amount]:
    """Money amounts in a sentence, with range, currency, period and year.

    >>> find_amounts("2009年塔利班从鸦片贸易中赚了1.55亿美元")[0]
    Amount(low=155000000.0, high=155000000.0, currency='USD', surface='1.55亿美元', period='', year=2009, since=None)
    >>> a = find_amounts("每年3500万美元至4500万美元")[0]
    >>> (a.low, a.high, a.period)
    (35000000.0, 45000000.0, 'year')
    """
    out = []
    year_m = re.search(r"(?<!\d)(19|20)(\d{2})年", text)
    since_m = re.search(r"自(\d{4})年(?:以来|起)", text)
    for m in _AMOUNT.finditer(text):
        cur = m.group("ca") or m.group("cb")
        if not cur:
            continue
        low = float(m.group("a")) * _SCALE[m.group("ua") or m.group("ub") or ""]
        high = low
        if m.group("b"):
            high = float(m.group("b")) * _SCALE[m.group("ub") or ""]
        period = _PERIOD.get(m.group("q") or "", "")
        if not period and re.search(r"(每日|每天)[^，。；]{0,6}$", text[: m.start()]):
            period = "day"
        surface = m.group(0)
        since = int(since_m.group(1)) if since_m else None
        year = int(year_m.group(1) + year_m.group(2)) if year_m and not since else None
        out.append(Amount(low, high, _CURRENCY[cur], surface, period, year, since))
    return out


# ---------------------------------------------------------------- helpers


def _between(text: str, a: Mention, b: Mention) -> str:
    return text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]


def _has_any(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


def _coordinated(text: str, mentions: Sequence[Mention], first: int, kinds: Sequence[str]) -> list[Mention]:
    """The mentions coordinated with ``mentions[first]`` by 、/和/及/与 (following it)."""
    out = [mentions[first]]
    for m in mentions[first + 1 :]:
        gap = re.sub(r"\([^()]{0,20}\)", "", text[out[-1].end : m.start]).strip()
        if m.concept == out[-1].concept and gap in ("", "(", "(又称", "(又称“"):
            continue
        gap = re.sub(r"\([^()]{0,20}\)", "", text[out[-1].end : m.start] if m.concept != out[-1].concept else gap)
        if m.kind in kinds and gap.strip() in ("、", "和", "及", "以及", "与", ",", "，", "或", "、以及", "和其", "及其"):
            out.append(m)
        else:
            break
    return out


def _coordinated_before(text: str, mentions: Sequence[Mention], last: int, kinds: Sequence[str]) -> list[Mention]:
    """The mentions coordinated with ``mentions[last]`` that precede it."""
    out = [mentions[last]]
    for m in reversed(mentions[:last]):
        gap = re.sub(r"\([^()]{0,20}\)", "", text[m.end : out[-1].start]).strip()
        if m.concept == out[-1].concept and gap == "":
            continue
        if m.kind in kinds and gap in ("、", "和", "及", "以及", ",", "，", "或"):
            out.append(m)
        else:
            break
    return list(reversed(out))


_GENERIC_AFTER = ("各", "系统", "机构", "实体", "制裁", "会员国", "全球", "人员", "警察", "维和", "大会", "安全理事会")


def _generic(text: str, m: Mention) -> bool:
    """联合国 as part of a larger noun (联合国各实体, 联合国制裁制度) is not an actor."""
    return m.concept == "un-united-nations" and text.startswith(_GENERIC_AFTER, m.end)


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "，；：。,;:") + 1


def _fact(s: str, pred: str, o: str, p: Passage, rule: str, conf: float, hedged: bool,
          evidence: str, amount: Amount | None = None) -> Fact:
    return Fact(s, pred, o, p, rule, conf, hedged, amount, evidence)


# ---------------------------------------------------------------- the rules


def benefit_facts(p: Passage, ms: Sequence[Mention], cues: dict, ctx: Context, last_group: str) -> list[Fact]:
    """GROUP … cue … CRIME (either order) in one clause list (between ；) → GROUP benefitsFrom CRIME.

    Without a named group, 该团体 refers back to the last group of the paragraph, and so does a
    sentence that names no other actor (the paragraph's topic).
    """
    out: list[Fact] = []
    start = 0
    for seg_end in [i for i, ch in enumerate(p.text) if ch == "；"] + [len(p.text)]:
        seg = [m for m in ms if start <= m.start < seg_end]
        out += _benefit_segment(p, p.text[start:seg_end], start, seg, cues, ctx, last_group)
        start = seg_end + 1
    return out


def _crime_is_act(text: str, m: Mention, b: dict) -> bool:
    """False for a crime word that names a victim (被绑架), a network or route (走私网络), or sits in brackets."""
    if text[max(0, m.start - 1) : m.start] == "被":
        return False
    if m.method != "specialised" and text.startswith(tuple(b["crime_modifier_after"]), m.end):
        return False
    opened = text.rfind("(", 0, m.start)
    return not (opened > text.rfind(")", 0, m.start) and m.method != "specialised" and len(m.surface) <= 2)


def _benefit_segment(p: Passage, text: str, offset: int, ms: Sequence[Mention], cues: dict, ctx: Context,
                     last_group: str) -> list[Fact]:
    b = cues["benefit"]
    crimes = [m for m in ms if m.kind == "CrimeType" and m.concept not in ctx.generic_crimes and _crime_is_act(p.text, m, b)]
    if not crimes or _has_any(text, cues["negation"]["words"]) or not _has_any(text, b["cues"]):
        return []
    hedged = _has_any(text, cues["hedge"]["words"])
    conf = cues["confidence"]
    rule = "benefit_cue"
    subjects: list[tuple[str, str]] = []
    for g in (m for m in ms if m.kind == "TerroristGroup"):
        before = p.text[max(0, g.start - 6) : g.start]
        after = p.text[g.end : g.end + 5]
        if _has_any(before, b["blockers"]) or after.startswith(tuple(b["not_actor_after"])):
            continue
        if re.match(r"[^，。；系是]{0,10}的(?:附属|分支)", p.text[g.end : g.end + 14]):
            continue  # X系 GROUP 在东南亚的附属组织: GROUP is described, not acting
        if re.search(r"关于[^，。；]{0,12}$", p.text[: g.start]) and re.match(r"[^，。；]{0,25}的第", p.text[g.end :]):
            continue  # 关于基地组织…的第2161(2014)号决议: part of a resolution's title
        subjects.append((g.concept, g.surface))
    if not subjects and last_group:
        if _has_any(text, cues["anaphora"]["group"]):
            subjects.append((last_group, "该团体"))
            rule = "benefit_anaphora"
        elif not _has_any(text, b["other_actors"]) and not [m for m in ms if m.kind == "TerroristGroup"]:
            subjects.append((last_group, "(段落主题)"))
            rule = "benefit_topic"
    if not subjects:
        return []
    if _has_any(text, ("收入来源", "资金来源", "来源是", "来源")) and rule == "benefit_cue":
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
            out.append(_fact(gid, "benefitsFrom", c.concept, p, rule, conf.get(rule, 0.6), hedged,
                             f"{gsurf} … {c.surface}", amount_for.get(c.concept)))
    return out


def operate_facts(p: Passage, ms: Sequence[Mention], cues: dict) -> list[Fact]:
    """在 REGION，GROUP…; GROUP 在 REGION 活动; 在 REGION 活动的 GROUP; REGION GROUP (阿富汗塔利班)."""
    text = p.text
    o = cues["operate"]
    conf = cues["confidence"]
    hedged = _has_any(text, cues["hedge"]["words"])
    out: list[Fact] = []
    for i, m in enumerate(ms):
        if m.kind not in PLACES:
            continue
        places = _coordinated(text, ms, i, PLACES)
        if i > 0 and ms[i - 1].kind in PLACES and _between(text, ms[i - 1], m).strip() in ("、", "和", "及", "以及"):
            continue  # handled with the first place of the list
        head = text[max(0, m.start - 3) : m.start]
        tail_end = places[-1].end
        after = text[tail_end : tail_end + 14]
        # 在 REGION，GROUP … (sentence-initial setting)
        if head.endswith("在") and after[:1] in ("，", ","):
            nxt = [g for g in ms if g.kind == "TerroristGroup" and g.start >= tail_end and g.start - tail_end <= 3]
            for g in nxt:
                out += [_fact(g.concept, "operatesIn", r.concept, p, "operate_locative", conf["operate_locative"],
                              hedged, f"在{r.surface}，{g.surface}") for r in places]
            continue
        # GROUP1 系 GROUP2 在 REGION 的附属组织 → GROUP1 operates there
        if head.endswith("在") and re.match(r"的(?:附属|分支)", text[tail_end : tail_end + 4]):
            prev = [g for g in ms if g.kind == "TerroristGroup" and g.end <= m.start]
            if len(prev) >= 2 and re.fullmatch(r"(?:系|是|为)", text[prev[-2].end : prev[-1].start]):
                g = prev[-2]
                out += [_fact(g.concept, "operatesIn", r.concept, p, "operate_attributive", conf["operate_attributive"],
                              hedged, f"{g.surface}系…在{r.surface}的附属") for r in places]
                continue
        # GROUP 在 REGION verb
        if _has_any(head, o["locative"]):
            verb_ok = _has_any(re.sub(r"^(" + "|".join(o["region_suffix"]) + ")", "", after)[:8], o["verbs"])
            if _has_any(text[max(0, m.start - 4) : m.start], o["movement"]):
                verb_ok = True
                places = _places_with_list(text, ms, i, o)
            prev = [g for g in ms if g.kind == "TerroristGroup" and g.end <= m.start]
            if prev and verb_ok:
                g = prev[-1]
                gap = text[g.end : m.start]
                if len(gap) <= o["max_gap"] and not _has_any(gap, ("，", "。", "；", ",", ";")) and not [
                    x for x in ms if g.end <= x.start < m.start and x.kind in ("TerroristGroup", "UNEntity", "Organization")
                ]:
                    out += [_fact(g.concept, "operatesIn", r.concept, p, "operate_locative", conf["operate_locative"],
                                  hedged, f"{g.surface}…{r.surface}") for r in places]
                    continue
            # 在 REGION verb 的 GROUP
            nxt = [g for g in ms if g.kind == "TerroristGroup" and g.start >= tail_end]
            if nxt and verb_ok:
                g = nxt[0]
                gap = text[tail_end : g.start]
                if gap.endswith("的") and len(gap) <= 10 and not _has_any(gap, ("，", "。")):
                    out += [_fact(g.concept, "operatesIn", r.concept, p, "operate_attributive",
                                  conf["operate_attributive"], hedged, f"在{r.surface}…的{g.surface}") for r in places]
                    continue
        # REGION GROUP: 阿富汗塔利班, 索马里青年党; REGION(的)极端组织“GROUP”
        between = r"(?:的)?(?:" + "|".join(o["descriptors"]) + r")?[“‘\"]?"
        nxt = [g for g in ms if g.kind == "TerroristGroup" and g.start >= tail_end
               and re.fullmatch(between, text[tail_end : g.start])]
        if len(places) == 1 and nxt and m.kind == "Country":
            g = nxt[0]
            out.append(_fact(g.concept, "operatesIn", m.concept, p, "operate_attributive",
                             conf["operate_attributive"], hedged, f"{m.surface}{g.surface}"))
    for g in ms:
        if g.kind == "TerroristGroup":
            for place in g.refs:
                out.append(_fact(g.concept, "operatesIn", place, p, "operate_attributive",
                                 conf["operate_attributive"], hedged, g.surface))
    out += _attack_places(p, ms, cues, hedged)
    return out


def _attack_places(p: Passage, ms: Sequence[Mention], cues: dict, hedged: bool) -> list[Fact]:
    """A group that attacks, and the places of its attacks in the same sentence: GROUP 发动的袭击 …
    在 PLACE 的自杀爆炸; GROUP 实施了几次袭击，包括 PLACE 的爆炸事件 → GROUP operatesIn PLACE."""
    text = p.text
    o = cues["operate"]
    if _has_any(text, cues["negation"]["words"]) or not _has_any(text, o["attack_words"]):
        return []
    blockers = cues["benefit"]["blockers"] + o["attack_blockers"]
    actors = [
        g for g in ms if g.kind == "TerroristGroup"
        and not _has_any(text[max(0, g.start - 6) : g.start], blockers)
        and re.match(r"[^，。；]{0,14}?(?:" + "|".join(o["attack_verbs"]) + ")", text[g.end :])
    ]
    if len({g.concept for g in actors}) != 1:
        return []
    g = actors[0]
    out = []
    for m in ms:
        if m.kind not in PLACES or m.start < g.start:
            continue
        stop = min([k for k in (text.find(c, m.end) for c in "，。；,;") if k >= 0] or [len(text)])
        after = text[m.end : min(stop, m.end + o["attack_window"])]
        if _has_any(after, o["attack_words"]) and not _has_any(after, o["not_attack_place"]):
            out.append(_fact(g.concept, "operatesIn", m.concept, p, "operate_attack", cues["confidence"]["operate_attack"],
                             hedged, f"{g.surface}…{m.surface}{after}"))
    return out


def _places_with_list(text: str, ms: Sequence[Mention], i: int, o: dict) -> list[Mention]:
    """A place and the places that continue it: 乍得湖流域地区，特别是喀麦隆、乍得和尼日尔."""
    places = _coordinated(text, ms, i, PLACES)
    nxt = [k for k, m in enumerate(ms) if k > i and m.kind in PLACES and m.start >= places[-1].end]
    if nxt:
        gap = text[places[-1].end : ms[nxt[0]].start]
        gap = re.sub("^(" + "|".join(o["region_suffix"]) + ")", "", gap).strip("，, ")
        if gap in o["place_list"]:
            places += _coordinated(text, ms, nxt[0], PLACES)
    return places


def mandate_facts(p: Passage, ms: Sequence[Mention], cues: dict, ctx: Context,
                  last_entity: str, last_resolution: str) -> list[Fact]:
    """Entities established, requested or governed by a resolution."""
    text = p.text
    md = cues["mandate"]
    conf = cues["confidence"]
    out: list[Fact] = []
    res = [m for m in ms if m.kind == "Resolution"]
    agents = [m for m in ms if m.kind in AGENTS]
    hedged = False
    # committees named after their resolution: 第1267(1999)号决议所设委员会
    for m in ms:
        for ref in m.refs if m.kind == "UNEntity" else ():
            out.append(_fact(m.concept, "mandatedBy", ref, p, "mandate_established", conf["mandate_established"],
                             hedged, m.surface))
    if not res:
        return out
    # 根据 … 第N号决议 (a list), subject before in the clause, or after
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.kind != "Resolution":
            i += 1
            continue
        group = _coordinated(text, ms, i, ("Resolution",))
        i += len(group)
        head = text[max(0, m.start - 4) : m.start]
        if not _has_any(head, md["before_resolution"]):
            continue
        cstart = _clause_start(text, m.start)
        self_ref = _has_any(text[cstart : m.start], md["self_reference"])
        subj = [a for a in agents if cstart <= a.start < m.start and not _generic(text, a)]
        if self_ref:
            out += [_fact(ctx.self_id, "mandatedBy", r.concept, p, "mandate_self", conf["mandate_self"], hedged,
                          f"本报告…{r.surface}") for r in group]
            continue
        if not subj:
            ent_anaphor = _has_any(text[cstart : m.start], cues["anaphora"]["entity"])
            after = [a for a in agents if a.start >= group[-1].end and a.start - group[-1].end <= 30
                     and a.kind != "Organization"]  # a government or its forces acts under its own law
            if after:
                first = after[0]
                subj = _coordinated(text, ms, ms.index(first), AGENTS)
            elif ent_anaphor and last_entity:
                out += [_fact(last_entity, "mandatedBy", r.concept, p, "mandate_basis", conf["mandate_basis"], hedged,
                              f"该…{r.surface}") for r in group]
                continue
        else:
            subj = _coordinated_before(text, ms, ms.index(subj[-1]), AGENTS)
        for s in subj:
            out += [_fact(s.concept, "mandatedBy", r.concept, p, "mandate_basis", conf["mandate_basis"], hedged,
                          f"{s.surface}…{r.surface}") for r in group]
    # 第N号决议设立了 X / 第N号决议设立的 X
    for r in res:
        tail = text[r.end : r.end + 8]
        est = re.match(r"(?:号)?(?:决议)?(?:中)?(?:所)?(设立|成立|建立|授权设立|所设立|所设)(?:了|的)?", tail)
        if not est or _has_any(text[max(0, r.start - 4) : r.start], md["before_resolution"]):
            continue
        created = [a for a in agents if 0 <= a.start - (r.end + est.end()) <= 20]
        if created:
            s = created[0]
            run = _coordinated_before(text, ms, ms.index(r), ("Resolution",))
            out += [_fact(s.concept, "mandatedBy", x.concept, p, "mandate_established", conf["mandate_established"],
                          hedged, f"{x.surface}…{est.group(1)}{s.surface}") for x in run]
    # 设立 X(简称)的 [日期] 第N号决议: the resolution that set X up
    for r in res:
        clause_from = _clause_start(text, r.start)
        head = text[clause_from : r.start]
        for verb in re.finditer("|".join(md["establish_verbs"]), head):
            made = [a for a in agents if a.start - (clause_from + verb.end()) in (0, 1)]
            if made and re.search(r"的[^，。；]{0,20}$", text[made[0].end : r.start]):
                run = _coordinated(text, ms, ms.index(r), ("Resolution",))
                out += [_fact(made[0].concept, "mandatedBy", x.concept, p, "mandate_established",
                              conf["mandate_established"], hedged, f"{verb.group(0)}{made[0].surface}的…{x.surface}")
                        for x in run]
                break
    # 应 … 第N号决议的要求，X …: X acts at the resolution's request
    for m in re.finditer(md["at_request_of"], text):
        asked = [r for r in res if m.start() <= r.start < m.end()]
        after = [a for a in agents if 0 <= a.start - m.end() <= 12 and not _generic(text, a)]
        if asked and after:
            out += [_fact(after[0].concept, "mandatedBy", r.concept, p, "mandate_request", conf["mandate_request"],
                          hedged, f"应{r.surface}…的要求，{after[0].surface}") for r in asked]
    # X 的工作以 … 决议为指导; 决议 … 重申了 X 的任务
    if "为指导" in text or "指导下" in text:
        subj = [a for a in agents if a.end <= text.find("指导")]
        if subj:
            s = subj[0]
            out += [_fact(s.concept, "mandatedBy", r.concept, p, "mandate_basis", conf["mandate_basis"], hedged,
                          f"{s.surface}…以{r.surface}为指导") for r in res if r.start > s.end]
    task = text.find("任务")
    if task > 0:
        subj = [a for a in agents if a.end <= task and a.start > res[0].end and task - a.end <= 25]
        if subj and not _has_any(text[: res[0].start], md["before_resolution"]):
            s = subj[-1]
            out += [_fact(s.concept, "mandatedBy", r.concept, p, "mandate_request", conf["mandate_request"], hedged,
                          f"{r.surface}…{s.surface}的任务") for r in res if r.end <= s.start]
    return out


def request_facts(p: Passage, ms: Sequence[Mention], cues: dict, ctx: Context) -> list[Fact]:
    """In a resolution's or statement's own voice, a clause opened by 请/指示/责成… ENTITY, or by
    (决定)设立/成立 ENTITY → ENTITY mandatedBy this resolution (not in the preamble)."""
    if not ctx.self_resolution or p.kind in ("preamble", "title"):
        return []
    text = p.text
    md = cues["mandate"]
    conf = cues["confidence"]
    out: list[Fact] = []
    for a, b in clause_spans(text):
        clause = text[a:b]
        for verbs, rule, window in ((md["request_verbs"], "mandate_request", 14),
                                    (md["establish_verbs"], "mandate_established", 4)):
            end = _opens_with(clause, verbs, md["request_openers"])
            if end < 0:
                continue
            at = a + end
            after = [
                i for i, m in enumerate(ms)
                if m.kind in AGENTS and 0 <= m.start - at <= window and not _generic(text, m)
                and not _has_any(text[at : m.start], md["not_agent_before"])
            ]
            if not after:
                continue
            for s in _coordinated(text, ms, after[0], AGENTS):
                out.append(_fact(s.concept, "mandatedBy", ctx.self_resolution, p, rule, conf[rule], False,
                                 clause.strip()))
            break
    return out


def implement_facts(p: Passage, ms: Sequence[Mention], cues: dict, last_resolution: str) -> list[Fact]:
    """AGENT … 执行/支持执行/协助…执行 RESOLUTION|CONVENTION."""
    text = p.text
    im = cues["implement"]
    conf = cues["confidence"]
    out: list[Fact] = []
    cue_pat = "|".join(sorted(map(re.escape, im["cues"]), key=len, reverse=True))
    spans = [(m.start, m.end) for m in ms]
    for cue in re.finditer(cue_pat, text):
        if any(a <= cue.start() < b for a, b in spans):
            continue  # 执行 inside 反恐执行局
        seg_end = min([k for k in (text.find("；", cue.end()), text.find("。", cue.end())) if k >= 0] or [len(text)])
        objs = [m for m in ms if m.kind in INSTRUMENTS and m.start >= cue.end() and m.start < seg_end]
        objects: list[tuple[str, str]] = []
        if objs:
            gap = text[cue.end() : objs[0].start]
            marker = [w for w in im["list_markers"] if w in gap]
            about = re.match(r"(?:大会|安全理事会|安理会)?关于", text[cue.end() :])
            if about:
                res = [o for o in objs if o.kind == "Resolution" and o.start - cue.end() <= 90]
                if res:
                    objects = [(o.concept, o.surface) for o in _coordinated(text, ms, ms.index(res[0]), INSTRUMENTS)]
            elif marker and len(gap) <= 40:
                objects = [(o.concept, o.surface) for o in objs]
            elif len(gap) <= 16:
                idx = ms.index(objs[0])
                objects = [(o.concept, o.surface) for o in _coordinated(text, ms, idx, INSTRUMENTS)]
        if not objects and re.match(r"(?:该|上述|这一|此项)决议", text[cue.end() : cue.end() + 6]):
            earlier = [m for m in ms if m.kind == "Resolution" and m.end <= cue.start()]
            antecedent = earlier[-1].concept if earlier else last_resolution
            if antecedent:
                objects = [(antecedent, "该决议")]
        if not objects:
            continue
        clause_from = max(text.rfind(c, 0, cue.start()) for c in "。；") + 1
        before = [m for m in ms if m.kind in (*AGENTS, "Country") and clause_from <= m.start and m.end <= cue.start()
                  and not _generic(text, m)]
        subj = []
        anchors = [m for m in before if text[max(0, m.start - 1) : m.start] not in ("由", "向", "对", "给")]
        if anchors:
            group = _nearest_group(text, ms, ms.index(anchors[-1]))
            subj = [m for m in group if m.kind in ("UNEntity", "Programme")]
        countries = [m for m in ms if m.kind == "Country" and 0 <= cue.start() - m.end <= 4]
        rule = "implement_assist" if _has_any(text[clause_from : cue.start()], im["assist"]) else "implement_direct"
        if not subj and not countries and text[max(0, cue.start() - 1) : cue.start()] == "为":
            comma = text.find("，", cue.end())
            later = [m for m in ms if m.kind in ("UNEntity", "Programme") and comma >= 0 and 0 <= m.start - comma <= 4]
            subj = _coordinated(text, ms, ms.index(later[0]), ("UNEntity", "Programme")) if later else []
        if not subj and not countries:
            continue
        subjects = []
        for s in subj:
            prefix = text[max(0, s.start - 2) : s.start]
            if prefix.endswith(("向", "对", "由", "给")):
                continue
            subjects.append(s)
        subjects += countries
        for s in subjects:
            for oid, osurf in objects:
                out.append(_fact(s.concept, "implements", oid, p, rule, conf[rule], _has_any(text, cues["hedge"]["words"]),
                                 f"{s.surface}…{cue.group(0)}…{osurf}"))
    return out


def _nearest_group(text: str, ms: Sequence[Mention], last: int) -> list[Mention]:
    """The agents coordinated with ``ms[last]`` going left, partners joined by 与/同 included."""
    out = [ms[last]]
    for m in reversed(ms[:last]):
        gap = re.sub(r"\([^()]{0,20}\)", "", text[m.end : out[-1].start]).strip()
        if m.concept == out[-1].concept and gap == "":
            continue
        if m.kind in (*AGENTS, "Country") and gap in (
            "、", "和", "及", "以及", "与", "同", "会同", "，", "或", "特别是其", "特别是", "及其", "和其"
        ):
            out.append(m)
        else:
            break
    return list(reversed(out))


def clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of a sentence: split at ，,；;：: outside brackets.

    >>> t = "回顾第1373(2001)号决议,又回顾第1624(2005)号决议"
    >>> [t[a:b] for a, b in clause_spans(t)]
    ['回顾第1373(2001)号决议', '又回顾第1624(2005)号决议']
    """
    spans, start, depth = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（《":
            depth += 1
        elif ch in ")）》":
            depth = max(0, depth - 1)
        elif ch in "，,；;：:" and depth == 0:
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _opens_with(text: str, cues: Sequence[str], openers: Sequence[str]) -> int:
    """The end of the cue if the clause opens (after openers) with one of ``cues``, else -1."""
    folded = text
    i = len(folded) - len(folded.lstrip(" “‘\"「"))
    moved = True
    while moved:
        moved = False
        for w in sorted(openers, key=len, reverse=True):
            if folded.startswith(w, i):
                i += len(w)
                moved = True
                break
    for c in sorted(cues, key=len, reverse=True):
        if folded.startswith(c, i):
            return i + len(c)
    return -1


def recall_facts(p: Passage, ms: Sequence[Mention], cues: dict, ctx: Context) -> list[Fact]:
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
        for a, b in clause_spans(text):
            cue_end = _opens_with(text[a:b], rc["clause_cues"], rc["clause_openers"])
            if cue_end < 0:
                continue
            inside = [r for r in res if a <= r.start < b and r.concept != ctx.self_resolution]
            if inside and _has_any(text[a + cue_end : inside[0].start], rc["not_recall"]):
                continue
            out += [_fact(ctx.self_resolution, "recalls", r.concept, p, "recall_preamble", conf["recall_preamble"],
                          False, text[a:b].strip()) for r in inside]
        return out
    if not _has_any(text, rc["cues"]):
        return []
    cue_pos = min(text.find(c) for c in rc["cues"] if c in text)
    before = [r for r in res if r.end <= cue_pos and cue_pos - r.end <= 12]
    if before:
        src = before[-1]
        return [_fact(src.concept, "recalls", r.concept, p, "recall_cited", conf["recall_cited"], False,
                      f"{src.surface}…回顾…{r.surface}") for r in res if r.start > cue_pos and r.concept != src.concept]
    return []


def affiliate_facts(p: Passage, ms: Sequence[Mention], cues: dict) -> list[Fact]:
    """GROUP1 系 GROUP2 … 的附属组织; GROUP2 附属组织 GROUP1; GROUP1 与 GROUP2 有关联; 效忠/结盟."""
    text = p.text
    af = cues["affiliate"]
    conf = cues["confidence"]["affiliate_cue"]
    negated = _has_any(text, cues["negation"]["words"])
    groups = [m for m in ms if m.kind == "TerroristGroup"]
    out: list[Fact] = []
    if negated:
        return out
    for a, b in itertools.pairwise(groups):
        if a.concept == b.concept:
            continue
        gap = text[a.end : b.start]
        tail = text[b.end : b.end + 12]
        listed = _has_any(gap, ("、", "和", "及", "，", ","))
        if gap.strip() in af["appositive"]:  # 基地组织附属组织伊黎伊斯兰国: b is a's affiliate
            out.append(_fact(b.concept, "affiliatedWith", a.concept, p, "affiliate_cue", conf, False,
                             f"{a.surface}{gap}{b.surface}"))
        elif len(gap) <= 8 and not listed and _has_any(tail, af["cues"]) and "的" in tail:
            out.append(_fact(a.concept, "affiliatedWith", b.concept, p, "affiliate_cue", conf, False,
                             f"{a.surface}…{b.surface}…附属"))
        elif len(gap) <= 6 and not listed and _has_any(gap, af["linkers"]) and _has_any(tail[:6], af["association"]):
            out.append(_fact(a.concept, "affiliatedWith", b.concept, p, "affiliate_cue", conf, False,
                             f"{a.surface}{gap}{b.surface}…关联"))
        elif len(gap) <= 6 and not listed and _has_any(gap + tail[:4], af["pledge"]):
            out.append(_fact(a.concept, "affiliatedWith", b.concept, p, "affiliate_cue", conf, False,
                             f"{a.surface}…效忠/结盟…{b.surface}"))
    return out


def partner_facts(p: Passage, ms: Sequence[Mention], cues: dict) -> list[Fact]:
    """AGENT 与/同 AGENT(、AGENT…) 合作/协作/共同… → partnerOf."""
    text = p.text
    pc = cues["partner"]
    out: list[Fact] = []
    agents = ("UNEntity", "Programme", "Organization", "Country")
    for i, m in enumerate(ms):
        if m.kind not in agents or i == 0:
            continue
        prev = ms[i - 1]
        link = text[prev.end : m.start].strip()
        if prev.kind not in agents or link not in pc["linkers"] or link in ("和", "及"):
            continue
        partners = _coordinated(text, ms, i, agents)
        tail = text[partners[-1].end : partners[-1].end + 10]
        if not _has_any(tail, pc["cues"]):
            continue
        subjects = _coordinated_before(text, ms, i - 1, agents)
        for s in subjects:
            for o in partners:
                if s.concept != o.concept:
                    out.append(_fact(s.concept, "partnerOf", o.concept, p, "partner_cue",
                                     cues["confidence"]["partner_cue"], False, f"{s.surface}{link}{o.surface}…合作"))
    return out


def active_facts(p: Passage, ms: Sequence[Mention], cues: dict, table_entities: Sequence[Mention]) -> list[Fact]:
    """Annex rows: entity → geographic scope; text: AGENT 在/向 PLACE 开展/提供 …"""
    text = p.text
    conf = cues["confidence"]
    out: list[Fact] = []
    if table_entities:
        for e in table_entities:
            for r in ms:
                if r.kind in PLACES:
                    out.append(_fact(e.concept, "activeIn", r.concept, p, "active_table", conf["active_table"], False,
                                     f"{e.surface} | {r.surface}"))
        return out
    for i, m in enumerate(ms):
        if m.kind not in PLACES:
            continue
        head = text[max(0, m.start - 2) : m.start]
        if not head.endswith(("在", "向", "为", "赴", "对")):
            continue
        places = _coordinated(text, ms, i, PLACES)
        after = text[places[-1].end : places[-1].end + 12]
        if not _has_any(after, cues["active"]["verbs"]):
            continue
        cstart = _clause_start(text, m.start)
        subj = [a for a in ms[:i] if a.kind in ("UNEntity", "Programme", "Organization") and a.start >= cstart - 20]
        if not subj:
            continue
        s = subj[-1]
        out += [_fact(s.concept, "activeIn", r.concept, p, "active_locative", conf["active_locative"], False,
                      f"{s.surface}…{r.surface}") for r in places]
    return out


# ---------------------------------------------------------------- driver


def document_facts(
    passages: Sequence[Passage], mentions: Sequence[Sequence[Mention]], cues: dict, ctx: Context
) -> Iterator[Fact]:
    """All facts of one document, in passage order, without duplicates."""
    seen: set[tuple[str, str, str, str, int]] = set()
    last_group = last_entity = last_resolution = ""
    para = None
    table_entities: list[Mention] = []
    for original, ms in zip(passages, mentions, strict=True):
        p = dataclasses.replace(original, text=fold(original.text), offsets=())  # cue words match either script
        if p.para != para:
            para = p.para
            last_group = last_entity = last_resolution = ""
            table_entities = []
        is_table = p.para.startswith("annex-")
        if is_table and p.sent == 1:
            table_entities = [m for m in ms if m.kind in ("UNEntity", "Programme", "Organization")]
        facts: list[Fact] = []
        if is_table and p.sent > 1 and all(m.kind in PLACES for m in ms) and ms:
            facts += active_facts(p, ms, cues, table_entities)
        facts += benefit_facts(p, ms, cues, ctx, last_group)
        facts += operate_facts(p, ms, cues)
        facts += mandate_facts(p, ms, cues, ctx, last_entity, last_resolution)
        facts += request_facts(p, ms, cues, ctx)
        facts += implement_facts(p, ms, cues, last_resolution)
        facts += recall_facts(p, ms, cues, ctx)
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
            m for m in ms if m.kind == "TerroristGroup"
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
