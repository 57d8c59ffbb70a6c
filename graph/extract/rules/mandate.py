"""The mandate rules: see ``RULE`` for what it states and the cue words it reads."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from graph.extract.clauses import after_name, clause_spans
from graph.extract.rules.common import (
    AGENTS,
    Context,
    Cues,
    CueSection,
    Rule,
    alternation,
    clause_end,
    clause_start,
    coordinated,
    coordinated_before,
    generic_un,
    has_any,
    make_fact,
    opens_with,
)
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="mandate",
    predicate="mandatedBy",
    subject=("UNEntity", "Programme", "Organization", "Document"),
    object=("Resolution",),
    section="mandate",
    lists=(
        "before_resolution",
        "self_reference",
        "request_verbs",
        "establish_verbs",
        "request_openers",
        "not_agent_before",
        "task_cues",
        "established_by",
        "extension_cues",
        "mandate_words",
        "decide_verbs",
        "shall",
        "mandate_adverbs",
        "copulas",
        "never_established",
        "mandated_kinds",
    ),
    numbers=(),
    texts=("at_request_of",),
    confidences=(
        "mandate_established",
        "mandate_request",
        "mandate_self",
        "mandate_extended",
    ),
)


def addressees(text: str, group: list[Mention], cues: Cues) -> list[Mention]:
    """The entities a request names, without a partner it names after 与/同 (请X与Y合作: Y is X's
    partner); X与Y联合编写 (a joint verb) keeps both.

    >>> from graph.extract.rules.common import CueSection, Cues
    >>> c = Cues({"partner": CueSection("partner", {"cues": ("合作", "联合编写"), "joint": ("联合编写",)})})
    >>> x, y = (Mention(k, "UNEntity", k, "d", a, a + 1, "vocabulary") for k, a in (("X", 1), ("Y", 3)))
    >>> [[m.concept for m in addressees(t, [x, y], c)] for t in ("请X与Y合作", "请X和Y报告", "请X与Y联合编写")]
    [['X'], ['X', 'Y'], ['X', 'Y']]
    """
    pc = cues["partner"]
    # the verb after the list, up to the end of its clause (past the short forms in brackets)
    tail = re.split(r"[，；。,;]", text[group[-1].end : group[-1].end + 40])[0] if group else ""
    if not has_any(tail, pc["cues"]) or tail.lstrip("也还已将正继续").startswith(tuple(pc["joint"])):
        return group
    for k in range(1, len(group)):
        # past a short form in brackets: 请反恐怖主义委员会执行局(反恐执行局)与X协作
        if _ASIDE.sub("", text[group[k - 1].end : group[k].start]).strip() in ("与", "同"):
            return group[:k]
    return group


def _possessor(text: str, m: Mention) -> bool:
    """``m`` owns what a request names (请X所设委员会的专家小组: the panel is asked, not the committee).

    >>> t = "请委员会的专家小组报告"
    >>> _possessor(t, Mention("c", "UNEntity", "委员会", "d", 1, 4, "vocabulary"))
    True
    """
    return text.startswith("的", after_name(text, m.end))


#: What a resolution is about, written before it with the body that adopted it (大会关于…的).
_ABOUT_BEFORE = re.compile(r"(?:大会|安全理事会|安理会|经济及社会理事会|经社理事会)?关于[^，。；,;]*的$")
#: A short form or remark in brackets.
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


@functools.cache
def _request_patterns(
    anaphors: tuple[str, ...], verbs: tuple[str, ...]
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The patterns of a resolution referred back to that asks (该决议还请), of such a reference
    opening a sentence, of a later clause that asks again (，并请) and of the words after a named
    resolution that ask (号决议中还请), built once per word list."""
    asking = "|".join(sorted(verbs, key=len, reverse=True))
    return (
        re.compile("(?:" + alternation(anaphors) + r")(?:还|又|也|并)?(?:" + asking + ")"),
        re.compile("(?:" + alternation(anaphors) + ")"),
        re.compile(r"[，,](?:并|还|又|也)(?:" + asking + ")"),
        re.compile(r"(?:号)?(?:决议)?(?:中)?(?:还|又|也|再次)?(?:决定)?(?:" + asking + ")"),
    )


def mandate_facts(
    p: Passage, ms: Sequence[Mention], cues: Cues, ctx: Context, topic_resolution: str
) -> list[Fact]:
    """Entities established, requested or governed by a resolution."""
    text = p.text
    md = cues["mandate"]
    conf = cues["confidence"]
    out: list[Fact] = []
    res = [m for m in ms if m.kind == "Resolution"]
    agents = [m for m in ms if m.kind in AGENTS]
    hedged = False

    def asked_at(at: int) -> list[Mention]:
        """The entity a request names right at ``at`` (a UN entity or programme), with those coordinated."""
        first = next(
            (
                a
                for a in agents
                if 0 <= a.start - at <= 1
                and a.kind in md["mandated_kinds"]
                and not generic_un(text, a, cues)
                and not _possessor(text, a)
            ),
            None,
        )
        return (
            addressees(text, coordinated(text, ms, ms.index(first), AGENTS), cues)
            if first is not None
            else []
        )

    # committees named after their resolution: 第1267(1999)号决议所设委员会
    for m in ms:
        for ref in m.refs if m.kind == "UNEntity" else ():
            out.append(
                make_fact(
                    m.concept,
                    "mandatedBy",
                    ref,
                    p,
                    "mandate_established",
                    conf["mandate_established"],
                    hedged,
                    m.surface,
                )
            )
    # 该决议(还)请 X …: the resolution named earlier asks X to act
    refers, opens, asks_again, res_asks = _request_patterns(
        cues["anaphora"]["resolution"], md["request_verbs"]
    )
    for ana in refers.finditer(text):
        antecedent = topic_resolution or next((r.concept for r in reversed(res) if r.end <= ana.start()), "")
        asked = asked_at(ana.end())
        if antecedent and asked:
            out += [
                make_fact(
                    s.concept,
                    "mandatedBy",
                    antecedent,
                    p,
                    "mandate_request",
                    conf["mandate_request"],
                    hedged,
                    f"{ana.group(0)}{s.surface}",
                )
                for s in asked
            ]
    # 该决议回顾了…，并请 X …: a later clause of the same sentence that keeps the resolution as subject
    opener = opens.match(text)
    if opener and topic_resolution:
        for req in asks_again.finditer(text):
            asked = asked_at(req.end())
            if asked and not any(m.kind in AGENTS and m.end <= req.start() for m in ms):
                out += [
                    make_fact(
                        s.concept,
                        "mandatedBy",
                        topic_resolution,
                        p,
                        "mandate_request",
                        conf["mandate_request"],
                        hedged,
                        f"{opener.group(0)}…{req.group(0)}{s.surface}",
                    )
                    for s in asked
                ]
    if not res:
        return out
    # 本报告根据第N号决议编写: the report itself is mandated (a body acting under a resolution is a
    # clause frame's business: ontology/frames.toml)
    requests = [(q.start(), q.end()) for q in re.finditer(md["at_request_of"], text)]
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.kind != "Resolution":
            i += 1
            continue
        group = coordinated(text, ms, i, ("Resolution",))
        i += len(group)
        # 根据大会关于《战略》第八次审查的第N号决议: the marker before what the resolution is about
        before = _ABOUT_BEFORE.sub("", text[clause_start(text, m.start) : m.start])
        head = before[-4:]
        if not has_any(head, md["before_resolution"]) and not any(a <= m.start < b for a, b in requests):
            continue  # 本报告根据第N号决议…, 本报告是应第N号决议的要求…
        if has_any(text[clause_start(text, m.start) : clause_end(text, m.end)], md["self_reference"]):
            # 本报告根据第N号决议…, X根据第N号决议提交本报告
            out += [
                make_fact(
                    ctx.self_id,
                    "mandatedBy",
                    r.concept,
                    p,
                    "mandate_self",
                    conf["mandate_self"],
                    hedged,
                    f"本报告…{r.surface}",
                )
                for r in group
            ]
    # 第N号决议设立了 X / 第N号决议设立的 X
    for r in res:
        tail = text[r.end : r.end + 8]
        est = re.match(
            r"(?:号)?(?:决议)?(?:中)?(?:所)?("
            + "|".join(sorted(md["established_by"], key=len, reverse=True))
            + ")(?:了|的)?",
            tail,
        )
        if not est or has_any(text[max(0, r.start - 4) : r.start], md["before_resolution"]):
            continue
        made_at = r.end + est.end()
        if made_at >= len(text) or text[made_at] in "，,。；;":
            # X是大会第N号决议设立的，…, X是第N号决议所设，…: the body the copula's subject names
            clause_from = clause_start(text, r.start)
            cop = max(text.rfind(c, clause_from, r.start) for c in md["copulas"])
            created = [
                a
                for a in agents
                if clause_from <= a.start
                and cop >= 0
                and a.end <= cop
                and text[a.end : cop].strip(")）") == ""
                and a.kind in md["mandated_kinds"]
            ]
        else:
            created = [a for a in agents if 0 <= a.start - made_at <= 20 and not generic_un(text, a, cues)]
        created = [a for a in created if a.concept not in md["never_established"]]
        if created:
            s = created[0]
            run = coordinated_before(text, ms, ms.index(r), ("Resolution",))
            out += [
                make_fact(
                    s.concept,
                    "mandatedBy",
                    x.concept,
                    p,
                    "mandate_established",
                    conf["mandate_established"],
                    hedged,
                    f"{x.surface}…{est.group(1)}{s.surface}",
                )
                for x in run
            ]
    # 设立 X(简称)的 [日期] 第N号决议: the resolution that set X up
    for r in res:
        clause_from = clause_start(text, r.start)
        head = text[clause_from : r.start]
        for verb in re.finditer("|".join(md["establish_verbs"]), head):
            made = [a for a in agents if a.start - (clause_from + verb.end()) in (0, 1)]
            if made and re.search(r"的[^，。；]{0,20}$", text[made[0].end : r.start]):
                run = coordinated(text, ms, ms.index(r), ("Resolution",))
                out += [
                    make_fact(
                        made[0].concept,
                        "mandatedBy",
                        x.concept,
                        p,
                        "mandate_established",
                        conf["mandate_established"],
                        hedged,
                        f"{verb.group(0)}{made[0].surface}的…{x.surface}",
                    )
                    for x in run
                ]
                break
    # 应 … 第N号决议的要求，X …: X acts at the resolution's request
    for req in re.finditer(md["at_request_of"], text):
        asked = [r for r in res if req.start() <= r.start < req.end()]
        after = [a for a in agents if 0 <= a.start - req.end() <= 12 and not generic_un(text, a, cues)]
        if asked and after:
            out += [
                make_fact(
                    after[0].concept,
                    "mandatedBy",
                    r.concept,
                    p,
                    "mandate_request",
                    conf["mandate_request"],
                    hedged,
                    f"应{r.surface}…的要求，{after[0].surface}",
                )
                for r in asked
            ]
    # (在)第N号决议(中)请/授权/要求 X …: the resolution asks X to act
    for r in res:
        asks = res_asks.match(text[r.end :])
        if not asks:
            continue
        at = r.end + asks.end()
        asked = asked_at(at)
        if asked:
            run = coordinated_before(text, ms, ms.index(r), ("Resolution",))
            out += [
                make_fact(
                    s.concept,
                    "mandatedBy",
                    x.concept,
                    p,
                    "mandate_request",
                    conf["mandate_request"],
                    hedged,
                    f"{x.surface}{text[r.end : at]}{s.surface}",
                )
                for s in asked
                for x in run
            ]
    # X 的任务(期限)由第N号决议延长/规定: the resolution that holds X's mandate
    for r in res:
        held = re.search(
            r"(的|其)(?:"
            + "|".join(md["mandate_words"])
            + r")(?:"
            + "|".join(md["mandate_adverbs"])
            + r")?(?:由|经)$",  # 其任务此后经第N号决议调整
            text[max(0, r.start - 14) : r.start],
        )
        if not held:
            continue
        gap_end = r.start - len(held.group(0))  # X(简称)的任务期限: the short form's bracket may close
        owner = [
            a
            for a in agents
            if a.end <= gap_end
            and (text[a.end : gap_end] in ("", ")", "）") or held.group(1) == "其")
            and a.kind in md["mandated_kinds"]
        ]
        if held.group(1) == "其":  # X是…，其任务由…延长: the body the sentence is about
            owner = [a for a in owner if a.start == min(o.start for o in owner)]
        if owner:
            out.append(
                make_fact(
                    owner[0].concept,
                    "mandatedBy",
                    r.concept,
                    p,
                    "mandate_extended",
                    conf["mandate_extended"],
                    hedged,
                    f"{owner[0].surface}{held.group(0)}{r.surface}",
                )
            )
    # 决议 … 重申了 X 的任务
    task = min((text.find(w) for w in md["task_cues"] if w in text), default=-1)
    if task > 0:
        subj = [a for a in agents if a.end <= task and a.start > res[0].end and task - a.end <= 25]
        if subj and not has_any(text[: res[0].start], md["before_resolution"]):
            s = subj[-1]
            # 在第A、B号决议中对措施作了调整，并在第B号决议中将X的任务延长: the clause's own resolutions
            own = [r for r in res if clause_start(text, s.start) <= r.start and r.end <= s.start]
            out += [
                make_fact(
                    s.concept,
                    "mandatedBy",
                    r.concept,
                    p,
                    "mandate_request",
                    conf["mandate_request"],
                    hedged,
                    f"{r.surface}…{s.surface}的任务",
                )
                for r in own or res
                if r.end <= s.start
            ]
    return out


def _holders(
    text: str, ms: Sequence[Mention], a: int, b: int, md: CueSection, kinds: Sequence[str], bracket: bool
) -> list[Mention]:
    """The bodies of ``text[a:b]`` named right before (的)任务(期限), whose mandate the clause speaks
    of; with ``bracket``, also where the bracket of a short form closes first (X(简称)的任务期限)."""
    words = tuple(w for x in md["mandate_words"] for w in ("的" + x, x))  # X的任务, X任务期限
    return [
        m
        for m in ms
        if a <= m.start < b
        and m.kind in kinds
        and (
            text.startswith(words, at := m.end + (bracket and text[m.end : m.end + 1] in ")）"))
            # 延长X作为特别政治任务的任期: X's term, described on the way
            or ((q := _AS_WHAT.match(text, at)) is not None and text.startswith(words, q.end()))
        )
    ]


#: A clause about the mandate of the body its sentence opened with (，其现行任务授权由…).
_OWN_MANDATE = re.compile(r"\s*其(?:现行|目前|当前|现有)?(?:的)?(?:任务授权|任务期限|任务|任期|授权)")
#: What a body is described as before its mandate word (X作为特别政治任务的任期).
_AS_WHAT = re.compile(r"作为[^，。；、]{1,12}?(?=的)")


def extension_facts(p: Passage, ms: Sequence[Mention], cues: Cues) -> list[Fact]:
    """A clause that extends X's mandate and names the resolution that does so, by name or by a
    short form resolved before (安理会在该决议中将X的任务期限延长至…) → X mandatedBy that resolution."""
    text = p.text
    md = cues["mandate"]
    out: list[Fact] = []
    if not has_any(text, md["extension_cues"]):
        return out
    for a, b in clause_spans(text):
        clause = text[a:b]
        if not has_any(clause, md["extension_cues"]):
            continue
        res = [m for m in ms if a <= m.start < b and m.kind == "Resolution"]
        held = _holders(text, ms, a, b, md, md["mandated_kinds"], bracket=True)
        own = not held and _OWN_MANDATE.match(text, a) is not None
        if own:  # X是…设立的，其现行任务授权由第N号决议延长: X's mandate
            held = [m for m in ms if m.start < a and m.kind in md["mandated_kinds"]][:1]
        out += [
            make_fact(
                m.concept,
                "mandatedBy",
                r.concept,
                p,
                "mandate_extended",
                cues["confidence"]["mandate_extended"],
                has_any(clause, cues["hedge"]["words"]),
                clause.strip(),
            )
            for m in held
            for r in res[-1:]
            if own or r.end <= m.start or _extended_by(text, a, m, r, md["extension_cues"])
        ]
    return out


def _extended_by(text: str, a: int, m: Mention, r: Mention, cues: Sequence[str]) -> bool:
    """The resolution a relative clause says extends the mandate (延长X任务期限的第N号决议)."""
    return (
        m.end <= r.start
        and has_any(text[a : m.start], cues)
        and "的" in text[m.end : r.start]
        and not any(c in text[m.end : r.start] for c in "，；。,;")
    )


def request_facts(p: Passage, ms: Sequence[Mention], cues: Cues, ctx: Context) -> list[Fact]:
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
        if has_any(clause, md["extension_cues"]):  # 决定延长监测组的任务期限; 将X的任务期限延长至…
            held = _holders(text, ms, a, b, md, AGENTS, bracket=False)
            out += [
                make_fact(
                    m.concept,
                    "mandatedBy",
                    ctx.self_resolution,
                    p,
                    "mandate_extended",
                    conf["mandate_extended"],
                    False,
                    clause.strip(),
                )
                for m in held
            ]
            if held:
                continue
        for verbs, rule, window in (
            (md["request_verbs"], "mandate_request", 14),
            (md["establish_verbs"], "mandate_established", 4),
            (md["decide_verbs"], "mandate_request", 24),
        ):
            end = opens_with(clause, verbs, md["request_openers"])
            if end < 0:
                continue
            at = a + end
            shall = verbs is md["decide_verbs"]  # 决定X应…: only a body the decision says shall act
            after = [
                i
                for i, m in enumerate(ms)
                if m.kind in md["mandated_kinds"]
                and 0 <= m.start - at <= window
                and not generic_un(text, m, cues)
                and not has_any(text[at : m.start], md["not_agent_before"])
                and not _possessor(text, m)
                and (not shall or text.startswith(tuple(md["shall"]), after_name(text, m.end)))
            ]
            if not after:
                continue
            listed = coordinated(text, ms, after[0], AGENTS)
            # 请犯罪司法所、国际刑警组织和世界海关组织…: the organizations asked with it are not mandated
            for s in [m for m in addressees(text, listed, cues) if m.kind in md["mandated_kinds"]]:
                out.append(
                    make_fact(
                        s.concept,
                        "mandatedBy",
                        ctx.self_resolution,
                        p,
                        rule,
                        conf[rule],
                        False,
                        clause.strip(),
                    )
                )
            break
    return out
