"""The clause analyser shared by every relation: a sentence and its mentions → ``Clause``s.

A sentence is split at every clause boundary (，；： and their ASCII forms, outside brackets).
In each clause the analyser finds the predicate words (verb classes of ``ontology/frames.toml``),
groups the names into lists (A、B和C: one list, one role), and gives each list its role from the
last word before it: a marker (在/于 → place, 为/向 → beneficiary, 与/同 → partner,
根据/应 → basis), a predicate (→ its object), or nothing before the first predicate (→ agent).
A clause that is only an adjunct (在乍得湖流域，…; 在X的援助下，…) lends its lists to the next
clause; a clause that is only a list after a colon or 包括 continues the clause before it.
Who the agent is when the clause names none is the discourse's business
(``graph.extract.discourse``), not this module's.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from graph.frames import MARKER_ROLES, Frames
from graph.records import Mention, Passage

#: Words that join the names of one list (A、B和C; A及其B).
CONNECTORS = frozenset(
    {
        "",
        "、",
        "和",
        "及",
        "以及",
        "或",
        "及其",
        "和其",
        "以及其",
        "、以及",
        "或者",
        "和/或",
        "特别是",
        "特别是其",
        "尤其是",
    }
)
_PAREN = re.compile(r"\([^()]{0,40}\)|“|”|‘|’|\"")
_BOUNDARY = "，,；;：:"
#: The characters :func:`clause_spans` reads: brackets and quotes that nest, and the boundaries.
_SPAN_MARKS = re.compile("[" + re.escape("(（《“)）》”" + _BOUNDARY) + "]")
#: A short name or title in quote marks ("萨拉菲斯特宣教和战斗组"): no word inside it is a predicate.
#: A quote holding a list or a comma ("参与资助、策划或实施") is words quoted, not a name.
#: A quotation, which no clause boundary splits ("…的行为或活动，或以其名义…"而被列名).
_QUOTATION = re.compile(r'“[^“”。]{1,80}”|"[^"。]{1,80}"')
#: A remark in brackets, which holds a clause of its own (当地称为“青年党”，与索马里青年党无关): the
#: names in it qualify the name before, and its words mark nothing in the clause around it.
#: What opens an item of an enumeration: (a), （b）, (iii), b), （一）, (1), also after 以及/和 (以及(e)).
_ITEM = re.compile(
    r"\s*(?:以及|和|及|或)?\s*(?:[(（](?:[a-z]|[ivx]{1,4}|\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[a-z]\))"
)
_REMARK = re.compile(r"\([^()]{0,80}[，,；;][^()]{0,80}\)")
#: A remark between dashes right after a name (伊斯兰马格里布基地组织——基地组织的附属团体——): it
#: describes that name. (After a common noun the dashes give what the noun stands for: 担保机构——A、B——.)
_DASHED = re.compile(r"--[^-，,；;。]{1,40}--")
_QUOTED = re.compile(
    r'“[^“”。；，、]{1,30}”|"[^"。；，、]{1,30}"|「[^「」。；，、]{1,30}」|『[^『』。；，、]{1,30}』'
)
AGENT_KINDS = ("UNEntity", "Programme", "Organization", "Country", "TerroristGroup", "Resolution", "Document")

#: The roles X的Y keeps after a marker (在尼日利亚的东北部; 与第N号决议所设X).
_KEPT_AFTER_OF = (*MARKER_ROLES, "supporter")


@dataclass(frozen=True, slots=True)
class Predicate:
    """A predicate word of a clause and the verb classes it belongs to."""

    word: str
    classes: tuple[str, ...]
    start: int
    end: int
    verbal: bool = True  # some class is a verb class, not only a marker
    marker: str = ""  # the role of the first ``marker:<role>`` class, if any


@dataclass(frozen=True, slots=True)
class Group:
    """A list of names that fill one role together; ``verb`` is the predicate it is the object of."""

    mentions: tuple[Mention, ...]
    role: str
    start: int
    end: int
    verb: str = ""
    lent: bool = False


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause: its span in the sentence, predicates, lists with roles, and modality."""

    start: int
    end: int
    text: str
    predicates: tuple[Predicate, ...]
    groups: tuple[Group, ...]
    negated: bool = False
    uncertain: bool = False
    continues: bool = False
    generic_agent: bool = False
    embedded: str = ""
    inherited: tuple[str, ...] = field(default=())
    open_role: str = ""
    asks_generic: bool = False
    #: The clause opens an item of an enumeration ((a), (b) …): a new act of the subject the list
    #: was introduced with, sharing no adjunct or partner with the item before.
    item: bool = False

    @property
    def verb_classes(self) -> tuple[str, ...]:
        """The verb classes this clause states, its own or those of the clause it continues."""
        own = tuple(dict.fromkeys(c for p in self.predicates for c in p.classes))
        return own or self.inherited

    def role(self, name: str) -> list[Mention]:
        """The mentions of every list with role ``name``."""
        return [m for g in self.groups if g.role == name for m in g.mentions]


@dataclass(frozen=True, slots=True)
class ClauseTrace:
    """A clause as the relation stage read it, in its sentence: its agents and whether they were
    implied (carried from the clause before, the paragraph's topic or the report's author)."""

    passage: Passage
    clause: Clause
    agents: tuple[Mention, ...]
    implied: bool


@functools.lru_cache(maxsize=4096)
def clause_spans(text: str, protected: tuple[tuple[int, int], ...] = ()) -> tuple[tuple[int, int], ...]:
    """(start, end) of each clause of a sentence: split at ，,；;：: outside brackets and quotes
    (题为“变革我们的世界：2030年…”的决议), outside the ``protected`` spans (关于…的 topics) and not at a
    comma between digits (1,200).

    >>> t = "回顾第1373(2001)号决议,又回顾第1624(2005)号决议"
    >>> [t[a:b] for a, b in clause_spans(t)]
    ['回顾第1373(2001)号决议', '又回顾第1624(2005)号决议']
    >>> t = "已有90多个国家的1,200多名从业人员完成培训，并获得证书"
    >>> [t[a:b] for a, b in clause_spans(t)]
    ['已有90多个国家的1,200多名从业人员完成培训', '并获得证书']
    """
    spans, start, depth = [], 0, 0
    inside = {i for a, b in protected for i in range(a, b)}
    # a sentence quoted whole (a presidential statement's paragraph, “安全理事会鼓励…，并请…。”) is
    # split like any other: its quote marks hold no title
    whole = (
        len(text) - len(text.lstrip())
        if text.lstrip().startswith("“") and text.rstrip().endswith("”")
        else -1
    )
    for found in _SPAN_MARKS.finditer(text):  # only brackets, quotes and boundaries matter
        i, ch = found.start(), found.group()
        if i == whole:
            continue
        if ch in "(（《" or (ch == "“" and text.find("”", i + 1) >= 0):  # a quoted title is one unit
            depth += 1
        elif ch in ")）》”":
            depth = depth - 1 if depth > 0 else 0
        elif ch in _BOUNDARY and depth == 0 and i not in inside:
            if ch == "," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            spans.append((start, i))
            start = i + 1
    spans.append((start, len(text)))
    return tuple((a, b) for a, b in spans if b > a)


#: Kinds a 关于…的 phrase can describe as its topic (关于…的第N号决议).
_TOPIC_HOLDERS = ("Resolution", "Document", "Convention", "UNEntity", "Programme", "Organization")
_TOPIC_STOP = "。；;：:"
_PLACES = ("Country", "Region")
_PLACE_KINDS = frozenset(_PLACES)
_REGION_KIND = frozenset({"Region"})
_BODIES = ("UNEntity", "Programme", "Organization")


def topic_spans(text: str, mentions: Sequence[Mention], reach: int = 90) -> tuple[tuple[int, int], ...]:
    """The 关于…的 phrases that say what a named resolution, instrument or body is about (关于加强
    合作，特别是技术合作的第72/196号决议; 关于基地组织的第1267(1999)号决议所设委员会): inside one, no
    word is a predicate and no clause boundary splits it.

    >>> t = "包括关于援助受害者，加强合作的第73/305号决议"
    >>> m = Mention("res-a-73-305", "Resolution", "第73/305号", "d", 15, 23, "vocabulary")
    >>> [t[a:b] for a, b in topic_spans(t, [m])]
    ['关于援助受害者，加强合作的']
    """
    out: list[tuple[int, int]] = []
    previous_end = 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.kind in _TOPIC_HOLDERS and text[: m.start].rstrip(' “‘"《').endswith("的"):
            lo = max(previous_end, m.start - reach)
            at = text.rfind("关于", lo, m.start)
            item = max(text.rfind(c, lo, m.start) for c in "；;：:") + 1
            if at >= 0 and not any(c in _TOPIC_STOP for c in text[at : m.start]):
                out.append((at, m.start))
                previous_end = m.end
            elif item > 0 and m.kind == "Resolution" and item < m.start - 1:
                # an item of a list of resolutions described by a phrase of its own (；重申对X制裁
                # 制度的第2368(2017)号决议；): the phrase says what the resolution does
                out.append((item, m.start))
                previous_end = m.end
        if m.kind in ("Resolution", "Document"):
            previous_end = m.end
    return tuple(out)


@functools.cache
def _scanner(
    frames: Frames,
) -> tuple[re.Pattern[str], dict[str, tuple[tuple[str, ...], bool, str]], re.Pattern[str]]:
    """The cue and blocker patterns, and each cue word's (classes, verbal, marker role)."""
    classes: dict[str, list[str]] = {}
    for word, cls in frames.cue_index:
        classes.setdefault(word, []).append(cls)
    # the longest word at the leftmost position, as the alternation of the words longest first
    # would find it, but read as a trie (one branch per next character: no word tried in vain)
    cue = re.compile(_trie(classes))
    blockers = re.compile(_trie(frames.blockers))
    info = {
        w: (
            tuple(c),
            any(not k.startswith("marker:") for k in c),
            next((k[7:] for k in c if k.startswith("marker:")), ""),
        )
        for w, c in classes.items()
    }
    return cue, info, blockers


def _trie(words: Iterable[str]) -> str:
    """A pattern that matches, at a position, the longest of ``words`` that starts there: the words
    as a trie, each node's continuations tried before the word it ends (greedy ``?``).

    >>> p = re.compile(_trie(["支持", "部分", "部分支持", "分支"]))
    >>> [m.group() for m in p.finditer("部分支持分支部分")]
    ['部分支持', '分支', '部分']
    """
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def node_pattern(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + node_pattern(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return node_pattern(root)


#: Verb classes whose words also name what a body does (融资小组, 执行委员会, 培训中心).
_NAMING_CLASSES = frozenset({"profit", "activity", "implement", "establish", "monitor"})


@functools.cache
def _naming_words(frames: Frames) -> frozenset[str]:
    """The cue words all of whose classes are ``_NAMING_CLASSES``."""
    return frozenset(
        w for w, (kinds, _verbal, _marker) in _scanner(frames)[1].items() if set(kinds) <= _NAMING_CLASSES
    )


def _cues(text: str, a: int, b: int, taken: Sequence[tuple[int, int]], frames: Frames) -> list[Predicate]:
    """Predicate words and markers in ``text[a:b]``, outside names and blocking words."""
    cue, classes, blockers = _scanner(frames)
    naming = _naming_words(frames)
    # a blocking word that takes in the end of a name is no word (研究所在曼谷: 所在 is not one)
    blocked: list[tuple[int, int]] = []
    if found := list(blockers.finditer(text, a, b)):
        starts = {x for x, _ in taken}
        blocked = [
            (m.start(), m.end())
            for m in found
            if not _overlaps(m.start(), m.end(), taken)
            and not (m.group(0) in frames.marks_before_name and m.end() in starts)
        ]
    out: list[Predicate] = []
    pos = a
    while (m := cue.search(text, pos, b)) is not None:
        s, e = m.start(), m.end()
        if _overlaps(s, e, taken) or (
            blocked and any(x < e and s < y and not (s <= x and y <= e) for x, y in blocked)
        ):
            pos = s + 1  # part of a name or of a longer word (作为, 部分支持): look again one further
            for x, y in taken:  # every word that starts inside a name overlaps it: skip the name
                if x <= pos < y:
                    pos = y
            continue
        word = m.group(0)
        kinds, verbal, marker = classes[word]
        if verbal and not marker and text.startswith("者", e):
            pos = e  # 政策制定者, 援助提供者: the one who does it, a noun
            continue
        if marker == "place" and word in ("于", "於") and _DATE_AFTER.match(text, e):
            pos = e  # 于2012年1月作为X的…: a time, not a place (在2017年马拉维围城期间 names one)
            continue
        if (
            "branch" in kinds
            and text.endswith(("及其", "和其"), 0, s)
            and not ((n := _NOUN_END.match(text, e)) and text.startswith(frames.list_openers, n.end()))
        ):
            pos = e  # X、Y及其附属团体: their unnamed affiliates (not …及其附属团体，包括Z), no link
            continue
        if (
            verbal
            and not marker
            and not word.endswith("了")
            and word in naming
            and text.startswith(frames.name_heads, e)
        ):
            pos = e  # 融资小组: a verb inside a body's name (参加了工作队的活动 is a verb and its object)
            continue
        if word in frames.reported[0] and _reported(text, out[-1].end if out else a, s, e, frames):
            pos = e  # 报告该决议的执行情况: what is reported on, not done
            continue
        if (
            "implement" in kinds
            and (
                any(text.find(w, a, s) >= 0 for w in frames.reported[1])
                or any(text.find(w, e, b) >= 0 for w in frames.reported[2])
            )
            and any(text.find(w, e, b) >= 0 for w in frames.report_progress)
        ):
            pos = e  # 报告联合国系统在执行《战略》方面取得的进展: what is reported on, not done
            continue
        out.append(Predicate(word, kinds, s, e, verbal, marker))
        pos = e
    return out


def _through(text: str, before: Group, start: int, frames: Frames) -> bool:
    """Only a word of acting through (通过, 经由) stands between a list and the one at ``start``."""
    return text[after_name(text, before.end) : start].strip() in frames.acting_through


def _acts_through(text: str, groups: Sequence[Group], frames: Frames) -> bool:
    """A body acts through others in the clause (政治事务部通过X和Y): a clause of its own, no list
    going on with the clause before."""
    return any(_through(text, g, h.start, frames) for g, h in itertools.pairwise(groups))


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    """``s:e`` overlaps one of ``spans`` (a loop: cheaper than ``any`` over a generator here)."""
    for x, y in spans:  # noqa: SIM110 (called for every cue word found)
        if x < e and s < y:
            return True
    return False


#: The rest of a noun and the comma or bracket after it (附属[团体，]包括…).
_NOUN_END = re.compile(r"[^，,(（；;。]{0,4}[，,(（]?")
#: 的 and a quantity before the people of a group (该组织的部分领导人, X的多名指挥官).
_SOME_OF = re.compile(r"的(?:部分|一些|多名|若干|数名|几名|一名|两名|许多|主要|高级|前|前任|资深)*")
#: A time said between a subject and its verb (于2025年开始, 自2019年起).
_TIME = re.compile(
    r"(?:于|自|从)?\s*[0-9０-９]{4}\s*年(?:[0-9０-９]{1,2}\s*月)?(?:[0-9０-９]{1,2}\s*日)?(?:开始|起|以来|以后)?"
)
#: A date right after a place marker (于2012年1月).
_DATE_AFTER = re.compile(r"\s*[0-9０-９]{1,4}\s*(?:年|月|日)")


def _reported(text: str, since: int, s: int, e: int, frames: Frames) -> bool:
    """The status word at ``s:e`` (执行情况) is what a report is about: a report word stands
    between the cue before it (``since``) and it, or one follows it at once."""
    _status, before, after = frames.reported
    if any(text.find(w, since, s) >= 0 for w in before) or text.startswith(after, e):
        return True
    # 就本决议的执行情况向安理会提出报告: 向 and whom the report goes to may stand between
    if text.startswith("向", e):
        for k in range(e + 2, min(len(text), e + 18)):
            if text[k] in "，。；,;：:":
                break
            if text.startswith(after, k):
                return True
    return False


def _studied(text: str, end: int, heads: tuple[str, ...], reach: int = 30) -> bool:
    """The 关于…的 phrase going on at ``end`` names a study or publication (…的研究报告)."""
    stop = min(
        (i for i in (text.find(c, end, end + reach) for c in "，。；：,;:") if i >= 0), default=end + reach
    )
    at = text.find("的", end, stop)
    while at >= 0:
        # the head, or a few words before it (…的区域趋势分析, …的年度评估报告)
        if any(text.startswith(heads, at + 1 + k) for k in range(_STUDY_MODIFIER + 1)):
            return True
        at = text.find("的", at + 1, stop)
    return False


#: How many characters may qualify a study's head (区域趋势分析: 区域趋势).
_STUDY_MODIFIER = 4


def _nationals_after(text: str, end: int, frames: Frames) -> bool:
    """A word for a place's people follows ``end``, after 的 or at once (…的国民, 中亚青年,
    中亚移民工人), not an office for them (…的移民官员: the place's own authorities) nor a site
    named after them (难民营)."""
    at = end + 1 if text.startswith("的", end) else end  # 中亚的青年, 中亚青年
    word = next((w for w in frames.nationals if text.startswith(w, at)), None)
    return (
        word is not None
        and not text.startswith(frames.nationals_offices, at + len(word))
        and not (at == end and text.startswith(frames.nationals_sites, at + len(word)))
    )


def _people_of(text: str, g: Group, frames: Frames) -> bool:
    """A list of places that names the people of those places (吉尔吉斯斯坦和哈萨克斯坦的国民)."""
    return all(m.kind in _PLACES for m in g.mentions) and _nationals_after(
        text, after_name(text, g.end), frames
    )


def _gap(text: str, a: int, b: int) -> str:
    return _PAREN.sub("", text[a:b]).strip(" ()")


def _lists(text: str, ms: Sequence[Mention], place_parts: tuple[str, ...] = ()) -> list[list[Mention]]:
    """Mentions joined into lists by connectors (、和及以及或); an alias in brackets joins its name;
    a place and a part of it (博尔诺州北部和乍得湖) are one item."""
    out: list[list[Mention]] = []
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        modifier = (
            nxt is not None
            and m.kind in _PLACES
            and nxt.kind == "TerroristGroup"
            and text[m.end : nxt.start] in ("", "的")
        )
        if out and not modifier:  # 尼日利亚的博科圣地以及索马里的青年党: 索马里 opens its own item
            last = out[-1][-1]
            gap = _gap(text, last.end, m.start)
            if last.kind in _PLACES and m.kind in _PLACES and gap.startswith(place_parts):
                gap = gap[len(next(w for w in place_parts if gap.startswith(w))) :]
            if m.concept == last.concept and gap.lstrip("，,") in ("", "又称", "简称"):
                out[-1].append(m)
                continue
            if (m.start, m.end) == (last.start, last.end):
                out[-1].append(m)  # 这些团体: one word standing for each group of a list
                continue
            if gap in CONNECTORS and (gap or m.kind == last.kind) and m.start >= last.end:
                out[-1].append(m)
                continue
            if (
                m.kind == last.kind == "Resolution"
                and gap.startswith("决议")
                and gap[2:] in CONNECTORS - {""}
            ):
                out[-1].append(m)  # 第2178(2014)号决议和第2396(2017)号决议: each names its own 决议
                continue
        out.append([m])
    return out


def _after_its(text: str, markers: Sequence[Predicate]) -> bool:
    """The last basis marker follows 其 (在其根据[关于X的]第N号决议提交的报告中): the clause's agent."""
    return bool(markers) and text.endswith("其", 0, markers[-1].start)


#: What stands between 通过 and a body's own unit (通过其下设的联合国反恐中心).
_OWN_UNITS = ("其下设的", "其下属的", "其所属的", "其下设", "其下属")


def _role(
    text: str,
    lead_cues: Sequence[Predicate],
    group: list[Mention],
    end: int,
    seen_predicate: Predicate | None,
    previous_role: str,
    has_agent: bool,
    frames: Frames,
) -> tuple[str, str]:
    """The role of a list from the last cue before it (marker, predicate or none)."""
    if all(m.kind == "TerroristGroup" for m in group) and text.endswith(frames.against, 0, group[0].start):
        return "attribute", ""  # 反伊黎伊斯兰国融资小组: what the body is against, not who acts
    if all(m.kind in _PLACES for m in group) and (
        text.startswith(frames.nationality, end) or _nationals_after(text, end, frames)
    ):
        return "attribute", ""  # 印度尼西亚籍船员, 塔吉克斯坦的国民: the nationals of a country, not it
    if (
        all(m.kind in _PLACES for m in group)
        and text.endswith(frames.origin_before, 0, group[0].start)
        and text.startswith("的", after_name(text, end))
    ):
        return "attribute", ""  # 招募了来自苏丹的战斗人员: where they come from, not where the agent is
    if all(m.kind in ("Convention", "Resolution") for m in group) and _contains_instrument(text, end, frames):
        return "attribute", ""  # 《公约》下的《议定书》: the protocol is what the clause speaks of
    if (
        not has_agent
        and seen_predicate is not None
        and {"presence", "attack"} & set(seen_predicate.classes)
        and all(m.kind == "TerroristGroup" for m in group)
        and text.endswith("的", 0, group[0].start)
        and not (lead_cues and lead_cues[-1].marker)
    ):
        return "agent", ""  # 控制伊德利卜省大部分地区的沙姆解放组织: the group the relative clause describes
    if lead_cues:
        last = lead_cues[-1]
        marker = last.marker
        if (
            marker == "basis"
            and last.word in frames.request_basis
            and not frames.request_tail.match(text, end)
        ):  # 各国应防止X…: 应 is "should", not 应…请求
            return _role(text, lead_cues[:-1], group, end, seen_predicate, previous_role, has_agent, frames)
        if (
            marker == "source"
            and last.word in frames.crime_source_only
            and any(m.kind != "CrimeType" for m in group)
        ):  # 通过该平台举办…: the means acts; 通过非法征税获取资金: the source
            if text[last.end : group[0].start].strip() == "其":
                # 通过其X方案开展…: the body 其 stands for acts, and so does its programme, the means
                return ("agent" if all(m.kind == "Programme" for m in group) else "attribute"), ""
            if text[last.end : group[0].start].strip() in _OWN_UNITS and all(
                m.kind == "UNEntity" for m in group
            ):
                return "agent", ""  # 通过其下设的联合国反恐中心实施: the body's own unit does the work too
            return _role(text, lead_cues[:-1], group, end, seen_predicate, previous_role, has_agent, frames)
        kinds = {m.kind for m in group}
        if (
            marker == "beneficiary"
            and kinds == {"CrimeType"}
            and text[last.end : group[0].start].strip()
            and len(lead_cues) > 1
        ):  # 通过向商人勒索获得收入: 向 marks the traders, the crime keeps the marker before (通过)
            return _role(text, lead_cues[:-1], group, end, seen_predicate, previous_role, has_agent, frames)
        if (
            marker == "beneficiary"
            and text[last.start] == "对"
            and kinds <= {"Resolution", "Convention"}
            and not any(text.find(w, 0, last.start) >= 0 for w in frames.reported[1])  # 报告…对X的执行情况
        ):
            de = text.find("的", after_name(text, end), after_name(text, end) + 10)
            if de >= 0 and text.startswith(frames.verbs.get("implement", ()), de + 1):
                return "object", ""  # 协调对《战略》四大支柱的执行工作: the instrument implemented
        if (
            marker == "place"
            and last.word in frames.shipped_to
            and text.endswith(frames.shipped, 0, last.start)
        ):
            return "attribute", ""  # 将燃料走私到尼日尔: where the goods go, not where the agent is
        if marker == "place" and kinds <= {"Resolution", "Convention"}:
            # 在第N号决议中: the basis; 在《战略》各支柱方面, 侧重于《准则》: only a topic
            return ("basis" if frames.basis_place_tail.match(text, end) else "attribute"), ""
        if (
            marker == "beneficiary"
            and kinds <= {"Region", "Country"}
            and text.startswith(frames.not_a_target, end)
        ):
            return "attribute", ""  # 对伊拉克人民: the people of a place, not the place
        if (
            marker == "source"
            and kinds <= {"Region", "Country"}
            and text.startswith("的", after_name(text, end))
        ):
            return "source_place", ""  # 从纳里尼奥省的可卡因贩运中获利: where the source lies
        if marker == "beneficiary" and kinds <= {"Region", "Country"} and frames.levied_tail.match(text, end):
            return "place", ""  # 向博萨索港的商户勒索钱财: where the group takes its money
        if marker == "basis" and seen_predicate is not None and "support" in seen_predicate.classes:
            return "aided_basis", ""  # 协助会员国根据第N号决议…: the basis of those helped
        if marker == "topic":
            if kinds <= {"Resolution", "Convention"}:
                return "topic", ""  # 关于《公约》的讲习班
            if kinds <= set(_PLACES) and _studied(text, end, frames.studied):
                return "attribute", ""  # 一份关于萨赫勒黄金部门的研究报告: what is studied
            # 关于阿富汗局势的会议, 与安理会关于…的委员会合作: the name keeps the role of the cue before
            return _role(text, lead_cues[:-1], group, end, seen_predicate, previous_role, has_agent, frames)
        if marker == "place" and frames.supporter_tail.match(text, end):
            return "supporter", ""
        fund = (
            next((w for w in frames.funding if text.startswith(w, after_name(text, end))), "")
            if marker == "by"
            else ""
        )
        if fund and not text.startswith("的", after_name(text, end) + len(fund)):
            return "supporter", ""  # 该项目由欧洲联盟资助: the funder supports; 由X资助的项目: a modifier
        if (
            marker == "by"
        ):  # 由X举办: the agent named after the marker; 由X资助的项目 after an agent: a modifier
            return ("attribute" if has_agent else "agent"), ""
        if marker:
            return marker, ""
        if "request" in last.classes and text.startswith("的", after_name(text, end)):
            return "attribute", ""  # 请X所设委员会的专家小组: the panel is asked; X only owns it
        return "object", last.word
    if previous_role == "source_place":
        return "source", ""  # 从伊德利卜省的走私活动中: the smuggling is the source, the province where
    if previous_role in _KEPT_AFTER_OF:
        # X的Y after a marker keeps the marker's role (在尼日利亚的东北部; 与第N号决议所设X)
        return previous_role, ""
    if seen_predicate is None:
        return ("agent" if not has_agent else "attribute"), ""
    return "object", seen_predicate.word


#: A verb with its aspect marker right before a clause's first name (更新了《…》, 修订了X): the name
#: is its object, whatever the verb is.
_UNKNOWN_VERB = re.compile(r"[\u4e00-\u9fff]了[\s《“\"‘]*$")
#: What may stand between a relative clause's verb and the group it describes (的武装团体“…).
RELATIVE_GAP = re.compile(r"的[^，。；：,;:、]{0,8}$")
#: What may stand between a relative clause's place and its verb (在也门境内开展活动的, 以X为基地的).
_RELATIVE_INSIDE = re.compile(r"[^，。；：,;:、的]{0,8}")
#: The verb classes of a relative clause that places the group it describes (在也门活动的Y).
_PLACING = frozenset({"presence", "attack"})


@functools.cache
def _place_openers(frames: Frames) -> tuple[str, ...]:
    """The words that open a relative clause's place: the place markers, and 以 (以X为基地的)."""
    return tuple(sorted({*frames.markers.get("place", ()), "以"}, key=len, reverse=True))


def _after_placing_verbs(
    groups: Sequence[Group], predicates: Sequence[Predicate]
) -> Iterator[tuple[Predicate, int]]:
    """Each verb that places a group (presence, attack) and the index of the first list after it;
    the lists may be rewritten between steps (read as they stand when the step is taken)."""
    for v in predicates:
        if _PLACING & set(v.classes):
            k = next((i for i, g in enumerate(groups) if g.start >= v.end), None)
            if k is not None:
                yield v, k


def _relative_places(
    text: str, groups: list[Group], predicates: Sequence[Predicate], frames: Frames
) -> list[Group]:
    """A relative clause that places a group inside a clause (青年党与在也门活动的Y保持联系; 来自X的
    小组和以肯尼亚为基地的Y): its places are the described group's (``relative_place``, that group
    right after), not the clause's; the group takes the role the marker before the relative clause
    gives (与: partner) or that of the list it ends (和), as if the relative clause were not there.
    A relative clause that opens the clause makes its group the agent (``_relative_head``)."""
    out = list(groups)
    for v, k in _after_placing_verbs(out, predicates):
        if k < 2:
            continue
        head, place, before = out[k], out[k - 1], out[k - 2]
        if (
            head.role != "object"
            or head.verb != v.word
            or not all(m.kind == "TerroristGroup" for m in head.mentions)
            or not RELATIVE_GAP.search(text[v.end : head.start].rstrip(' “"‘《'))
            or place.role not in ("place", "attribute")  # 与在X: a nested place is an attribute
            or place.end > v.start
            or not _RELATIVE_INSIDE.fullmatch(text, after_name(text, place.end), v.start)
        ):
            continue
        lead = _gap(text, before.end, place.start)
        opener = next((w for w in _place_openers(frames) if lead.endswith(w)), "")
        if not opener:
            continue
        lead = lead[: len(lead) - len(opener)]
        if lead.endswith(frames.markers.get("partner", ())):
            role, verb = "partner", ""
        elif lead.endswith(("、", "和", "及", "或")):
            role, verb = before.role, before.verb  # …的小组和以肯尼亚为基地的Y: an item of that list
        else:
            continue
        out[k - 1] = Group(place.mentions, "relative_place", place.start, place.end, v.word, place.lent)
        out[k] = Group(head.mentions, role, head.start, head.end, verb, head.lent)
    return out


#: Words that may open a clause before 作为 (而作为X的分支的Y…).
_AS_LEAD = re.compile(r"^(?:而|但|并|同时|此外|另外|与此同时)?[，,]?")


def _described_by_as(body: str, text: str, groups: list[Group], as_opener: tuple[str, ...]) -> list[Group]:
    """A clause that opens with 作为 and a description ending in 的 before a name (而作为X分支的Y则在Z
    活动): that name is the clause's agent; the names of the description only describe it."""
    lead = _AS_LEAD.match(body)
    if not body.startswith(as_opener, lead.end() if lead else 0):
        return groups
    for k, g in enumerate(groups):
        if k and text.endswith("的", 0, g.start) and all(m.kind in _ACTORS_DESCRIBED for m in g.mentions):
            described = [Group(x.mentions, "attribute", x.start, x.end, "", x.lent) for x in groups[:k]]
            return [*described, Group(g.mentions, "agent", g.start, g.end, "", g.lent), *groups[k + 1 :]]
    return groups


#: The kinds of the name a 作为… description ends with (a group or a body).
_ACTORS_DESCRIBED = ("TerroristGroup", "UNEntity", "Programme", "Organization")


def _held_places(text: str, groups: list[Group], predicates: Sequence[Predicate]) -> list[Group]:
    """A relative clause with a group as its agent and places as its head (在伊黎伊斯兰国控制的摩苏尔):
    the group (``holder``) holds or strikes the places (``held_place``) right after its verb and 的,
    whatever role the phrase has in the clause."""
    out = list(groups)
    for v, k in _after_placing_verbs(out, predicates):
        if k < 1:
            continue
        holder, held = out[k - 1], out[k]
        if (
            holder.end == v.start
            and text[v.end : held.start] == "的"
            and all(m.kind == "TerroristGroup" for m in holder.mentions)
            and all(m.kind in _PLACES for m in held.mentions)
        ):
            out[k - 1] = Group(holder.mentions, "holder", holder.start, holder.end, v.word, holder.lent)
            out[k] = Group(held.mentions, "held_place", held.start, held.end, v.word, held.lent)
    return out


def _held_passive(
    text: str, groups: list[Group], predicates: Sequence[Predicate], passive: re.Pattern[str]
) -> list[Group]:
    """Places held or struck in the passive (摩苏尔市被伊黎伊斯兰国控制, 该镇遭青年党袭击, 该省不断遭受X的
    袭击): the group after the passive marker (``holder``) holds or strikes the places before it
    (``held_place``)."""
    out = list(groups)
    for v in predicates:
        if not _PLACING & set(v.classes):
            continue
        before = v.start - 1 if text.startswith("的", v.start - 1) else v.start  # 遭受X的袭击
        k = next((i for i, g in enumerate(out) if g.end == before), None)
        if k is None or k < 1:
            continue
        held, holder = out[k - 1], out[k]
        if (
            all(m.kind == "TerroristGroup" for m in holder.mentions)
            and all(m.kind in _PLACES for m in held.mentions)
            and passive.fullmatch(text, held.end, holder.start)
        ):
            out[k - 1] = Group(held.mentions, "held_place", held.start, held.end, v.word, held.lent)
            out[k] = Group(holder.mentions, "holder", holder.start, holder.end, v.word, holder.lent)
    return out


def _nominal_objects(
    text: str, groups: list[Group], predicates: Sequence[Predicate], frames: Frames
) -> list[Group]:
    """An instrument right before an implement word is its object (第N号决议的执行情况; 《公约》的缔约国)."""
    out = []
    for g in groups:
        if g.role not in ("agent", "attribute", "basis", "place", "object", "beneficiary") or not all(
            m.kind in ("Resolution", "Convention") for m in g.mentions
        ):
            out.append(g)
            continue
        verb = next(
            (
                p
                for p in predicates
                if "implement" in p.classes
                and p.start >= g.end
                and frames.nominal_gap.fullmatch(text, g.end, p.start)
            ),
            None,
        )
        if verb is not None and g.verb != verb.word:
            g = Group(g.mentions, "object", g.start, g.end, verb.word, g.lent)
        out.append(g)
    return out


#: What opens the list of an instrument's parties after its party noun (《公约》的缔约国包括A和B;
#: 《备忘录》的六个签署国即A、B).
_PARTY_LIST = re.compile(r"(?:包括|即|为|是|有|分别是|分别为)[：:]?")
#: What may stand between an instrument and its party noun besides 的 (的六个, 的全部).
_PARTY_GAP = re.compile(r"》?的(?:全部|所有|各|[0-9０-９一二三四五六七八九十两]+个)?")


def _listed_parties(
    text: str, groups: list[Group], predicates: Sequence[Predicate], party_nouns: tuple[str, ...]
) -> list[Group]:
    """The states listed after an instrument's party noun (《公约》的缔约国包括尼日尔和马里) are its
    parties: they take the agent's role, the instrument the object's."""
    out = list(groups)
    for v in predicates:
        if v.word not in party_nouns or "implement" not in v.classes:
            continue
        listed = _PARTY_LIST.match(text, v.end)
        after = next((k for k, g in enumerate(out) if listed and g.start == listed.end()), None)
        before = next((k for k, g in enumerate(out) if _PARTY_GAP.fullmatch(text, g.end, v.start)), None)
        if after is None or before is None:
            continue
        if not all(m.kind in ("Country", "Organization") for m in out[after].mentions):
            continue
        if not all(m.kind in ("Convention", "Resolution") for m in out[before].mentions):
            continue
        b, g = out[before], out[after]
        out[before] = Group(b.mentions, "object", b.start, b.end, v.word, b.lent)
        out[after] = Group(g.mentions, "agent", g.start, g.end, "", g.lent)
    return out


def _contains_instrument(text: str, end: int, frames: Frames) -> bool:
    """Another instrument follows at once, as part of the one ending at ``end`` (…公约》下的《…)."""
    after = end + 1 if text[end : end + 1] in "》”" else end
    if text.startswith("决议", after):  # 第N号决议所附《准则》: the mention ends at 号
        after += 2
    tail = next((t for t in frames.container_tail if text.startswith(t, after)), "")
    return bool(tail) and text.startswith(("《", "第"), after + len(tail))


def _after_places(text: str, at: int, groups: Sequence[Group]) -> int:
    """Where the text goes on after the places named right at ``at`` (几内亚湾各国: 各国)."""
    for g in groups:
        if g.start == at and all(m.kind in _PLACES for m in g.mentions):
            return g.end
    return at


def _body_listed_after(text: str, groups: Sequence[Group], at: int) -> bool:
    """A body is listed right after ``at`` (各国和国际刑警组织: asked too; 各国与X: X is a partner)."""
    return any(
        text[at : g.start] in ("和", "及", "以及", "、", "或") and {m.kind for m in g.mentions} & set(_BODIES)
        for g in groups
    )


def _body_after(groups: Sequence[Group], start: int, end: int) -> bool:
    """A list naming a body lies between ``start`` and ``end``."""
    return any(start <= g.start < end and {m.kind for m in g.mentions} & set(_BODIES) for g in groups)


def _generic_subject(
    text: str, a: int, b: int, cues: Sequence[Predicate], groups: Sequence[Group], frames: Frames
) -> bool:
    """The clause's subject is a generic noun (一些会员国报告说; …本报告根据…编写), not a name."""
    opening, before_verb, _described = frames.generic_subject
    named = actor_at = named_at = b
    for g in groups:
        named = min(named, g.start)
        if g.start < actor_at and any(m.kind in AGENT_KINDS for m in g.mentions):
            actor_at = g.start
        if g.role == "agent":
            named_at = min(named_at, g.start)
    cue_at = cues[0].start if cues else b  # (the cues are in text order)
    if opening.match(text, a, min(named, cue_at)) or frames.described_subject.match(text, a, b):
        return True  # 一些会员国…; 一个与X有关联的团体在…活动: no name is the subject
    verb_at = min(actor_at, cue_at)
    if verb_at < b and _unnamed_body(text[a:verb_at], frames.body_heads):
        return True  # 该区域的培训中心为…提供了培训: a body with no name acts, not the one before
    if verb_at < b and _unnamed_people(
        text[a:verb_at], frames.people, frames.people_not_before, frames.people_own, frames.people_former
    ):
        return True  # X(NTJ)成员在…实施了爆炸: the members of a group no mention names act
    ahead = [c for c in cues if c.start < named_at]
    verb = next((k for k, c in enumerate(ahead) if not c.classes[0].startswith("marker:")), len(ahead))
    if verb + 1 < len(ahead) and _described_body(
        text[ahead[verb].end : ahead[verb + 1].start], frames.body_heads
    ):
        return True  # 依照第N号决议设立的专家组在报告中指出: the body the relative clause describes
    if _self_head(before_verb).search(text, a, b) is None:
        return False  # the document names itself nowhere in the clause
    return any(before_verb.search(text, a, c.start) for c in cues)


@functools.lru_cache(maxsize=256)
def _first_end(pattern: re.Pattern[str], text: str) -> int:
    """Where the first match of ``pattern`` in ``text`` ends (-1: none), computed once per sentence."""
    m = pattern.search(text)
    return m.end() if m else -1


def forget() -> None:
    """Drop the per-sentence results kept so far."""
    _first_end.cache_clear()


@functools.cache
def _self_head(before_verb: re.Pattern[str]) -> re.Pattern[str]:
    """The document's own name anywhere (the pattern of its name right before a verb, unanchored)."""
    return re.compile(before_verb.pattern.removesuffix("$"))


_LEAD = re.compile(r"^[\s“‘\"(（]*(?:\d{1,3}[.．])?\s*(?:此外|另外|同时|与此同时|然而|但是|不过)?[，,]?")
_AFTER_HEAD = ("也", "还", "则", "已", "已经", "将", "亦", "均", "都", "继续", "仍", "仍然")


@functools.cache
def _unnamed_body_ends(heads: tuple[str, ...]) -> tuple[str, ...]:
    """Each head noun, alone and with each adverb that may follow it (中心, 中心也, 中心已经 …)."""
    return tuple(h + adverb for h in heads for adverb in ("", *_AFTER_HEAD))


@functools.cache
def _unnamed_body_index(
    heads: tuple[str, ...],
) -> tuple[tuple[str, ...], frozenset[str], tuple[int, ...]]:
    """The ends of :func:`_unnamed_body_ends`, as a set too, and their lengths: a span ends with
    one when its last n characters, for one of these n, are one (a few set look-ups instead of
    hundreds of ``endswith``)."""
    ends = _unnamed_body_ends(heads)
    return ends, frozenset(ends), tuple(sorted({len(w) for w in ends}))


@functools.cache
def _unnamed_body_last(heads: tuple[str, ...]) -> frozenset[str]:
    """The last characters of the ends of :func:`_unnamed_body_ends`."""
    return frozenset(w[-1] for w in _unnamed_body_ends(heads))


def _unnamed_people(
    span: str,
    people: tuple[str, ...],
    not_before: tuple[str, ...] = (),
    own: tuple[str, ...] = (),
    former: tuple[str, ...] = (),
) -> bool:
    """``span`` (what opens a clause before its first name, marker or verb) opens with people named
    by some words of their own (全国认主独一团(NTJ)成员…, 土著守卫成员多次…), not only the people
    word (成员们 alone, or a date before it, says no more who they are; 成员国 are States), nor
    ``own`` (其残余成员: the members of the one the clause is about) unless ``former`` (其前成员)."""
    if not any(p in span for p in people):
        return False  # most clauses (a few substring looks)
    words = _LEAD.sub("", span, count=1)
    m = _people_opening(people, not_before).match(words)
    if m is None or m.end(1) - m.start(1) < 2:
        return False
    said = m.group(1)
    owned = bool(own) and said.startswith(own) and not any(w in said for w in former)
    return not owned


@functools.cache
def _people_opening(people: tuple[str, ...], not_before: tuple[str, ...]) -> re.Pattern[str]:
    """Some words of a clause's opening, then a people word that heads them (not 成员国)."""
    alt = "|".join(map(re.escape, sorted(people, key=len, reverse=True)))
    after = "|".join(map(re.escape, not_before))
    return re.compile(r"([^，。；、的\s]{1,12}?)(?:" + alt + ")" + (f"(?!{after})" if after else ""))


def _unnamed_body(span: str, heads: tuple[str, ...]) -> bool:
    """``span`` (what opens a clause before its first name, marker or verb) is a body that has no
    name here: some words ending in a body's head noun (该区域的培训中心, 一个非政府组织), after at
    least one character that is not a line break."""
    if not heads:
        return False
    tail = span.rstrip()
    if tail[-1:] not in _unnamed_body_last(heads):
        return False  # most clauses: no end has this last character (one set look-up)
    ends, endings, sizes = _unnamed_body_index(heads)
    if not any(tail[-n:] in endings for n in sizes):  # (what the lead words leave is a suffix of this)
        return False
    words = _LEAD.sub("", span).strip()
    return any(words.endswith(w) and len(words) > len(w) and words[-len(w) - 1] != "\n" for w in ends)


def _described_body(span: str, heads: tuple[str, ...]) -> bool:
    """``span`` (between a clause's first two predicate words or markers) is 的 and a body's head
    noun: the clause's first verb describes a body with no name here (…设立的专家组在…)."""
    return span.startswith("的") and len(span) <= 10 and "的" not in span[1:] and _unnamed_body(span, heads)


def _topics(text: str, groups: list[Group]) -> list[Group]:
    """A name in a 关于…的 phrase before another name says what that name is about
    (大会关于《准则》的第69/196号决议: the resolution is the object, the guidelines its topic)."""
    out = list(groups)
    for i in range(len(groups) - 1):
        g, nxt = groups[i], groups[i + 1]
        before = text[groups[i - 1].end if i else 0 : g.start]
        if "关于" in before and _gap(text, g.end, nxt.start).strip("》") == "的":
            out[i] = Group(g.mentions, "attribute", g.start, g.end, "", g.lent)
    return out


@functools.cache
def _bordering(borders: tuple[str, ...]) -> tuple[str, ...]:
    """Each border word before 的 (交界的, 接壤的): it describes the noun after it."""
    return tuple(w + "的" for w in borders)


@functools.cache
def _joined_by(descriptors: tuple[str, ...]) -> frozenset[str]:
    """What may stand between a place and the group it prefixes: nothing, 的, or a descriptor."""
    return frozenset(("", "的", *descriptors))


def _existential(text: str, groups: list[Group], words: tuple[str, ...]) -> list[Group]:
    """Places that open a clause, then a word of being there (有, 仍有) and a group (安巴尔省和尼尼微省
    南部仍有该组织的小组活动): the group is the agent, the places where it is."""
    for k, g in enumerate(groups):
        if all(m.kind in _PLACE_KINDS for m in g.mentions):
            if g.role not in ("agent", "attribute"):
                return groups
            continue
        gap = text[groups[k - 1].end : g.start] if k else ""
        if (
            k == 0
            or not any(m.kind == "TerroristGroup" for m in g.mentions)
            or any(c in gap for c in "，,；;。：:")
            or not gap.endswith(words)
        ):
            return groups
        places = [Group(x.mentions, "place", x.start, x.end, x.verb, x.lent) for x in groups[:k]]
        return [*places, Group(g.mentions, "agent", g.start, g.end, "", g.lent), *groups[k + 1 :]]
    return groups


def _described_places(text: str, groups: list[Group], frames: Frames) -> list[Group]:
    """A group as the agent, a copula, then places that describe a group noun (X是P境内最活跃的恐怖
    团体之一, X是P的一个武装团体): the places are where the group is (``described_place``)."""
    out = list(groups)
    for k in range(1, len(out)):
        g, nxt = out[k - 1], out[k]
        gap = text[after_name(text, g.end) : nxt.start].strip()
        copula = next((c for c in frames.copula if gap.endswith(c)), None)
        if (
            g.role == "agent"
            and nxt.role in ("attribute", "place")
            and copula is not None
            and only_adverbs(gap[: len(gap) - len(copula)], frames.subject_adverbs)
            and all(m.kind == "TerroristGroup" for m in g.mentions)
            and all(m.kind in _PLACES for m in nxt.mentions)
            and frames.described_tail.match(text, after_name(text, nxt.end))
        ):
            out[k] = Group(nxt.mentions, "described_place", nxt.start, nxt.end, nxt.verb, nxt.lent)
        elif (
            g.role == "agent"
            and nxt.role != "agent"
            and all(m.kind == "TerroristGroup" for m in (*g.mentions, *nxt.mentions))
            and _names_branch(text[after_name(text, g.end) : nxt.start], frames)
        ):  # 基地组织(的)附属团体青年党仍是…: the branch named after its parent acts
            out[k - 1] = Group(g.mentions, "attribute", g.start, g.end, g.verb, g.lent)
            out[k] = Group(nxt.mentions, "agent", nxt.start, nxt.end, nxt.verb, nxt.lent)
        elif (
            g.role in ("agent", "described_place")
            and nxt.role in ("object", "list")
            and all(m.kind == "TerroristGroup" for m in nxt.mentions)
            and text.startswith(frames.verbs.get("branch", ()), after_name(text, nxt.end))
            and _said_to_be(text, out[:k], frames)
        ):  # X是萨赫勒最活跃的基地组织分支之一: the group before the branch word owns X
            out[k] = Group(nxt.mentions, "attribute", nxt.start, nxt.end, nxt.verb, nxt.lent)
    return out


#: Between a resolution and the body it set up (第1373(2001)号决议所设反恐怖主义委员会).
_SET_UP_BY = re.compile(r"(?:号)?决议(?:所设立的|所设的|所设|设立的)")


def _set_up_by(text: str, groups: list[Group]) -> list[Group]:
    """第N号决议所设X: X, the body set up, takes the role the phrase has; the resolution only
    describes it (its mandate is the mandate rule's: 第N号决议所设X)."""
    out = list(groups)
    for k in range(1, len(out)):
        g, nxt = out[k - 1], out[k]
        if (
            all(m.kind == "Resolution" for m in g.mentions)
            and all(m.kind in ("UNEntity", "Programme") for m in nxt.mentions)
            and _SET_UP_BY.fullmatch(text, g.end, nxt.start)
            and g.role in ("agent", "object", "partner", "beneficiary", "supporter", "list", "attribute")
        ):
            out[k - 1] = Group(g.mentions, "attribute", g.start, g.end, g.verb, g.lent)
            out[k] = Group(nxt.mentions, g.role, nxt.start, nxt.end, g.verb, nxt.lent)
    return out


#: The end of a relative clause right before the name it describes (…设立的, …设立的新).
_RIGHT_AFTER_DE = re.compile(r"的[^，。；：,;:、的]{0,2}$")


def _far_from_relative_basis(text: str, groups: list[Group]) -> list[Group]:
    """根据第N号决议设立的Y: only a name right after the relative clause's 的 is the Y it set up;
    one further on (设立的除名协调人继续受理X上的…) is another's, an attribute."""
    out = list(groups)
    for k in range(1, len(out)):
        rb, nxt = out[k - 1], out[k]
        if (
            rb.role == "relative_basis"
            and nxt.role == "object"
            and not _RIGHT_AFTER_DE.search(text[rb.end : nxt.start].rstrip(' “"‘《'))
        ):
            out[k] = Group(nxt.mentions, "attribute", nxt.start, nxt.end, nxt.verb, nxt.lent)
    return out


def _names_branch(gap: str, frames: Frames) -> bool:
    """``gap`` between two groups is a branch word, after 的 or not (的附属团体, 附属组织, 分支)."""
    return gap.removeprefix("的") in frames.verbs.get("branch", ())


def _said_to_be(text: str, before: Sequence[Group], frames: Frames) -> bool:
    """The clause's agent group (the first of ``before``) is followed by a copula (X是, X原为)."""
    g = before[0] if before else None
    if g is None or g.role != "agent" or not all(m.kind == "TerroristGroup" for m in g.mentions):
        return False
    rest = text[after_name(text, g.end) : (before[1].start if len(before) > 1 else len(text))]
    return any(
        rest.startswith(c, i) and only_adverbs(rest[:i], frames.subject_adverbs)
        for c in frames.copula
        for i in range(min(len(rest), 6))
    )


def _place_prefixes(text: str, groups: list[Group], descriptors: tuple[str, ...] = ()) -> list[Group]:
    """A place written right before a group's name (乍得湖流域博科圣地, 尼日利亚的博科圣地, 布隆迪武装
    团体“红色塔巴拉”: ``descriptors`` may stand between) says where the group is: the place takes
    the place role and the group the role the place had."""
    out = list(groups)
    for i in range(len(out) - 1):
        g, nxt = out[i], out[i + 1]
        if (
            g.role != "place"
            and all(m.kind in _PLACES for m in g.mentions)
            and text[g.end : nxt.start].strip(' “”"‘’') in _joined_by(descriptors)
            and all(m.kind == "TerroristGroup" for m in nxt.mentions)
        ):
            # the place is the clause's place only when its group is the clause's agent
            out[i] = Group(
                g.mentions, "place" if g.role == "agent" else "attribute", g.start, g.end, "", g.lent
            )
            out[i + 1] = Group(nxt.mentions, g.role, nxt.start, nxt.end, g.verb, nxt.lent)
        elif (
            g.role in ("owned_place", "branch_place")
            and nxt.role == "attribute"
            and all(m.kind in _PLACES for m in (*g.mentions, *nxt.mentions))
            and text[g.end : nxt.start] in ("", "的")
        ):  # 对X在叙利亚阿勒颇省的活动: the part of the place is where X is too
            out[i + 1] = Group(nxt.mentions, g.role, nxt.start, nxt.end, g.verb, nxt.lent)
        elif (
            g.role != nxt.role
            and nxt.role in ("place", "object", "list", "beneficiary")
            and all(m.kind == "Country" for m in g.mentions)
            and all(m.kind in _PLACES for m in nxt.mentions)
            and text[g.end : nxt.start] in ("", "的")
        ):
            # 以阿富汗楠格哈尔省和库纳尔省为基地: the country names where its provinces are
            out[i] = Group(g.mentions, nxt.role, g.start, g.end, nxt.verb, g.lent)
    return out


def _appositive(text: str, m: Mention, previous: Mention | None, body_heads: tuple[str, ...] = ()) -> bool:
    """A name in brackets right after another name (中心(美利坚合众国)) describes that name; so does
    a place in brackets right after a name the vocabulary does not know (佐治亚大学…中心(美国))."""
    if previous is None or previous.end < text.rfind("(", 0, m.start):
        enclosed = text[: m.start].rstrip().endswith("(") and text.startswith(")", m.end)
        before = text[: m.start].rstrip()[:-1].rstrip()
        return enclosed and m.kind in _PLACES and before.endswith(body_heads)
    if previous.concept == m.concept:
        return False
    return text[previous.end : m.start].strip() == "(" and text.startswith(")", m.end)


@functools.cache
def _complement_set(frames: Frames) -> frozenset[str]:
    """The verb classes whose object is a clause or an event (``[complements] open``), as a set."""
    return frozenset(frames.complements)


def analyse(text: str, mentions: Sequence[Mention], frames: Frames) -> tuple[Clause, ...]:
    """The clauses of one sentence (``text`` folded to simplified script) with their roles.

    After a verb whose object is a clause or an event (参加, 出席, 重申, 回顾: ``[complements]``)
    the rest of the clause is analysed as an embedded clause with its own agent
    (参加了执行局对秘鲁的访问: the Directorate visits Peru).

    >>> from graph.vocab import load
    >>> t = "毒品和犯罪问题办公室与欧洲联盟合作，在马里举办了讲习班"
    >>> ms = [Mention("un-unodc", "UNEntity", "毒品和犯罪问题办公室", "d", 0, 10, "vocabulary"),
    ...       Mention("org-eu", "Organization", "欧洲联盟", "d", 11, 15, "vocabulary"),
    ...       Mention("country-mli", "Country", "马里", "d", 19, 21, "vocabulary")]
    >>> [[(g.role, [m.surface for m in g.mentions]) for g in c.groups] for c in analyse(t, ms, load().frames)]
    [[('agent', ['毒品和犯罪问题办公室']), ('partner', ['欧洲联盟'])], [('place', ['马里'])]]
    """
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    ms = [
        m
        for i, m in enumerate(ordered)
        if not _appositive(text, m, ordered[i - 1] if i else None, frames.body_heads)
    ]
    topics = topic_spans(text, ms)
    remarks = [(r.start(), r.end()) for r in _REMARK.finditer(text)]
    ends = {m.end for m in ordered}
    remarks += [(r.start(), r.end()) for r in _DASHED.finditer(text) if r.start() in ends]
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
    quotations = tuple((q.start(), q.end()) for q in _QUOTATION.finditer(text))
    out: list[Clause] = []
    lent: list[Group] = []
    complements = _complement_set(frames)
    for a, b in clause_spans(text, (*topics, *quotations)):
        segments = [(a, b, "")]
        # every name's span, an appositive's too (援助团 in 联合国…援助团(联索过渡援助团) is no verb)
        taken = [(m.start, m.end) for m in ordered if a <= m.start < b] + [
            t for t in (*topics, *quoted, *remarks) if a <= t[0] < b
        ]
        cues = _cues(text, a, b, taken, frames)
        opener = next((c for c in cues if not complements.isdisjoint(c.classes)), None)
        if opener is not None and any(opener.end <= m.start < b for m in ms if m.method != "mandate"):
            kind = next(k for k in opener.classes if k in frames.complements)
            segments = [(a, opener.end, ""), (opener.end, b, kind)]
        elif during := _during(text, a, b, ms, frames):
            # X在Y访问Z期间提供了支持: Y visits Z in a clause of its own; X acts around it
            segments = [
                s
                for s in ((a, during[0], ""), (during[0], during[1], WHILE), (during[1], b, ""))
                if s[0] < s[1]
            ]
        for sa, sb, embedded in segments:
            here = cues if len(segments) == 1 else [c for c in cues if sa <= c.start and c.end <= sb]
            clause, lent = _clause(
                text, sa, sb, embedded, ms, out, lent, frames, here, (*topics, *remarks), remarks
            )
            out.append(clause)
    return tuple(out)


#: The kind of an embedded clause that says when the clause around it happens (在Y访问Z期间).
WHILE = "while"
#: The kinds of names that act in such a clause (a place after 在 is where, not who).
_WHILE_AGENTS = ("UNEntity", "Organization", "Programme", "TerroristGroup")


def _during(text: str, a: int, b: int, ms: Sequence[Mention], frames: Frames) -> tuple[int, int] | None:
    """The span of a clause of time with its own agent inside [a, b) (在监测组访问阿富汗期间: from the
    agent to the closing word), or ``None``."""
    if frames.while_close.search(text, a, b) is None:
        return None  # most clauses: no closing word (期间, 之际 …), no clause of time
    for m in ms:
        if a < m.start < b and m.kind in _WHILE_AGENTS and text.endswith(frames.while_open, a, m.start):
            close = frames.while_close.search(text, m.end, b)
            if close is not None:
                return m.start, close.end()
    return None


def _clause(
    text: str,
    a: int,
    b: int,
    embedded: str,
    ms: Sequence[Mention],
    out: Sequence[Clause],
    lent: list[Group],
    frames: Frames,
    cues: Sequence[Predicate],
    topics: Sequence[tuple[int, int]] = (),
    remarks: Sequence[tuple[int, int]] = (),
) -> tuple[Clause, list[Group]]:
    """One clause (or the event a clause attends), and the adjunct lists it lends to the next."""
    item = bool(out) and _ITEM.match(text, a) is not None
    if item:
        lent = []  # (b)在X推广…；(c)为Y举办…: the place of one item is not where the next happens
    inside = [m for m in ms if a <= m.start < b]
    predicates = tuple(c for c in cues if c.verbal)
    groups: list[Group] = []
    pos = a
    role = ""
    objected = False  # a name was the object of a verb no class knows (更新了《…》)
    outer = ""  # the role of the phrase a relative clause of basis sits in (与根据X设立的Y…)
    adopted = ""  # the role of what a resolution adopted, after 根据 (根据第N号决议通过的《准则》)
    for items in _lists(text, inside, frames.place_parts):
        start, end = items[0].start, items[-1].end
        tail = after_name(text, end)  # the position after the list's closing quote or bracket
        kinds = {m.kind for m in items}
        lead = [c for c in cues if pos <= c.start and c.end <= start]
        before = [p for p in predicates if p.end <= start]
        role, verb = _role(
            text,
            lead,
            items,
            end,
            before[-1] if before else None,
            role,
            any(g.role == "agent" for g in groups),
            frames,
        )
        if (
            role == "basis"
            and frames.relative_basis_tail.match(text, tail)
            # 在其根据第N号决议提交的报告中: 其 is the clause's agent, whose basis it is
            and not _after_its(
                text, [c for c in cues if a <= c.start and c.end <= start and c.marker == "basis"]
            )
            and not (
                groups
                and groups[-1].role == "agent"
                and not frames.adopted_relative_tail.match(text, tail)
                and only_adverbs(
                    text[after_name(text, groups[-1].end) : lead[-1].start if lead else start],
                    frames.subject_adverbs,
                )
            )
        ):
            # 根据X设立的Y: the basis of Y, not of the clause's agent (but X根据第N号决议编写的报告:
            # X, right before the marker, is the subject of the relative clause)
            role = "relative_basis"
            # 与根据X设立的Y、Z合作: the role of the phrase the relative clause sits in, for Z
            outer = _role(text, lead[:-1], items, end, None, "", bool(groups), frames)[0] if lead else ""
            # 根据第N号决议通过的《准则》: the marker governs what the resolution adopted
            adopted = "basis" if frames.adopted_relative_tail.match(text, tail) else ""
        elif adopted and not lead and groups and groups[-1].role == "relative_basis":
            role = adopted
        elif (
            role == "object"
            and kinds == {"Country"}
            and before
            and "support" in before[-1].classes
            and frames.aided_party.match(text, tail)
        ):
            role = "beneficiary"  # 协助布基纳法索加入了《公约》: the state helped becomes a party
        if (
            role == "attribute"
            and groups
            and groups[-1].role == "agent"
            and (
                _gap(text, pos, start) in frames.owner_links
                or (_gap(text, pos, start) == "" and all(m.kind == "Programme" for m in items))
            )
        ):
            # X的Y (反恐办(下设)的反恐中心, 毒品和犯罪问题办公室(的)全球方案): Y acts, X only owns it
            groups[-1] = Group(groups[-1].mentions, "attribute", groups[-1].start, groups[-1].end)
            role = "agent"
        elif (
            groups
            and groups[-1].role == "agent"
            and kinds <= {"UNEntity", "Programme"}
            and _through(text, groups[-1], start, frames)
        ):
            # 政治事务部通过中部非洲区域办和西非办协助…: the offices it acts through do the work; a body
            # acting through a programme (毒品和犯罪问题办公室通过全球X方案…, 通过其X方案 in _role) acts
            # with it
            if not all(m.kind == "Programme" for m in items):
                groups[-1] = Group(groups[-1].mentions, "attribute", groups[-1].start, groups[-1].end)
            role = "agent"
        elif (
            role == "object"
            and groups
            and groups[-1].role == "object"
            and groups[-1].verb == verb
            and _gap(text, pos, start) in frames.owner_links
            and all(m.kind in _BODIES for m in (*groups[-1].mentions, *items))
        ):  # 请X所设委员会的监测组…: the team is asked, the committee only owns it
            groups[-1] = Group(groups[-1].mentions, "attribute", groups[-1].start, groups[-1].end)
        if role == "agent" and (
            text.startswith(frames.persons, tail)
            or ((some := _SOME_OF.match(text, tail)) and text.startswith(frames.persons, some.end()))
            or ((at := _PLACED_OF.match(text, tail)) and text.startswith(frames.persons, at.end()))
        ):
            role = "attribute"  # 基地组织领导人宣布…, X在欧洲的支持者…: those people act, not the group
        elif (
            role == "agent"
            and not lead
            and not before
            and not any(v.start >= end for v in predicates)  # 载列了X为执行Y而开展的活动: X acts
            and _UNKNOWN_VERB.search(text, pos, start)
        ):
            role = "object"  # 更新了《…指南》: the object of a verb no class knows, the agent carried
            objected = True
        elif role == "agent" and objected:
            role = "attribute"  # …的章节 after that object: no agent either
        if (
            role == "aided_basis"
            and lead
            and groups
            and groups[-1].role in ("object", "list")
            and after_name(text, groups[-1].end) == lead[-1].start
            and all(m.kind in ("UNEntity", "Programme") for m in groups[-1].mentions)
        ):
            role = "object_basis"  # 支持反恐执行局根据第N号决议开展的工作: the basis of that body's work
        kept = role
        if all(m.method == "mandate" for m in items):
            role = "mandate"  # 这一任务: the mandate of the body that holds it
        elif _inside(start, topics):
            role = "attribute"  # what a resolution is about (关于X的第N号决议), not who acts
        elif text.startswith(frames.attribute_tail, tail) or (
            len(items) == 1 and role != "agent" and text.startswith(frames.members_tail, tail)
        ):
            role = "attribute"  # 与X有关的产品: what something is related to
            if kinds <= {"Resolution", "Convention"}:
                after = next(t for t in frames.attribute_tail if text.startswith(t, tail))
                if _law_follows(text, tail + len(after), frames.law_heads):
                    role = "topic"  # 与《公约》有关的国家立法: the law carries the instrument out
        elif text.startswith(frames.basis_tail, after_name(text, end, items)):
            role = "basis"  # 以X为指导
        elif text.startswith(frames.partner_tail, tail):
            role = "partner"  # 以X为主要伙伴
        elif frames.funder_tail.match(text, end) or (
            frames.received_tail.match(text, end)
            and text[pos:start].rstrip().endswith(frames.received_before)
        ):
            role = "supporter"  # 得到了欧洲联盟和日本提供的预算外资金, 得到了X的资助: the funders
        elif (
            role == "partner"
            and kinds <= _PLACE_KINDS
            and groups
            and groups[-1].role == "place"
            and all(m.kind in _PLACE_KINDS for m in groups[-1].mentions)
            and (
                # 与苏丹南达尔富尔州: a place inside the place of the clause before it
                (gap := text[groups[-1].end : start]) == ""
                or gap in frames.inner_place_prefixes
                # 在A与B交界地带活动: the border zone of both places; but 在A与B交界的沙漠地区, 与B接壤的
                # X县: the place is A's part that borders B
                or (
                    _names_before_marker(gap, frames.markers["partner"])
                    and _tail_near(text, end, frames.borders, 12)
                    and not _tail_near(text, end, _bordering(frames.borders), 12)
                )
            )
        ):
            role = "place"  # …and B is no partner
        elif (
            role == "partner"
            and _tail_near(text, end, frames.between, 12)
            and groups
            and groups[-1].role != "agent"
            and _names_before_marker(text[groups[-1].end : start], frames.markers["partner"])
        ):
            role = "attribute"  # 加强A与B之间的合作: B works with A, not with the one strengthening it
        elif (
            role == "partner" and text.startswith("的", tail) and text.startswith(frames.agreements, tail + 1)
        ):
            role = "attribute"  # 对平台与X的谅解备忘录进行了阐述: X is a party to an agreement named, no partner here
        elif kinds <= _PLACE_KINDS and _tail_near(text, end, frames.place_tail, after=tail):
            role = "place"  # 以X(边境地区)为主要基地
        elif kinds == _REGION_KIND and _region_names_body(text, end, b, cues, frames):
            role = kept = "attribute"  # 东部非洲资产追回机构间网络, 雅温得区域间协调中心: part of a name
        elif role == "place" and lead and text.endswith("其", 0, lead[-1].start):
            pass  # 资助其在索马里和肯尼亚的行动: 其 is the agent, and the places its own
        elif role == "place" and _nested_place(text, lead, end, frames, groups[-1] if groups else None):
            role = kept = "attribute"  # 向在俄罗斯工作的中亚移民: where those people are (and from)
            owner = groups[-1] if groups else None
            if (
                owner is not None
                and text.startswith(tuple("的" + w for w in frames.verbs.get("branch", ())), end)
                and text[: owner.start].rstrip().endswith(frames.copula)
            ):
                role = kept = "branch_place"  # X系基地组织在东南亚的附属组织: where the affiliate X is
            elif (
                owner is not None
                and lead
                and owner.role in ("object", "attribute", "beneficiary")  # 对X在Y的活动表示关切
                and all(m.kind == "TerroristGroup" for m in owner.mentions)
                and after_name(text, owner.end) == lead[-1].start
                and not (
                    (some := _SOME_OF_BRANCH.match(text, end)) is not None
                    and text.startswith((*frames.verbs.get("branch", ()), *frames.persons), some.end())
                )  # …在棉兰老岛的各个附属派别: where the branches are
            ):  # (X系基地组织在东南亚的附属组织, X在欧洲的支持者: where the affiliate or the people are)
                role = kept = "owned_place"  # 评估X在这两个国家的影响: where that group is
        elif (
            role == "place"
            and lead
            and groups
            and groups[-1].role == "agent"
            and all(m.kind == "TerroristGroup" for m in groups[-1].mentions)
            and after_name(text, groups[-1].end) == lead[-1].start
            and (some := _SOME_OF_BRANCH.match(text, end)) is not None
            and text.startswith(frames.verbs.get("branch", ()), some.end())
            and not any(m.kind == "TerroristGroup" and end < m.start <= some.end() + 8 for m in inside)
            and not text[: groups[-1].start].rstrip().endswith(frames.copula)  # Y是X在P的分支: Y is in P
        ):
            role = kept = "attribute"  # 统称X在棉兰老岛的各个附属派别: where the unnamed branches are, not X
        elif role == "place" and _object_relative_place(text, lead, start, end, groups, inside, cues, frames):
            role = kept = "attribute"  # 使用在利比亚购买的武器: where the weapons were bought
        if (
            len(items) > 1
            and text.startswith(frames.members_tail, tail)
            and role not in ("attribute", "agent")
        ):
            # 与监测组以及契约其他实体协作: the members of the last body act, not that body
            groups.append(Group(tuple(items[:-1]), role, start, items[-2].end, verb))
            groups.append(Group(tuple(items[-1:]), "attribute", items[-1].start, end, ""))
        elif outer and groups and groups[-1].role == "relative_basis" and len(items) > 1:
            # 与根据X设立的Y、Z以及W合作: Y is what the relative clause describes; Z and W are only
            # the partners the marker before it names (借鉴了根据X设立的Y、Z提供的资料: Z is no more
            # set up by X)
            groups.append(Group(tuple(items[:1]), role, start, items[0].end, verb))
            groups.append(Group(tuple(items[1:]), outer, items[1].start, end, ""))
        else:
            if (
                role == "source"
                and groups
                and groups[-1].role in ("source", "source_place")
                and groups[-1].end == start
                and all(m.kind in ("Region", "Country") for m in (*groups[-1].mentions, *items))
                and (groups[-1].role == "source_place" or text.startswith("的", tail))
            ):
                # 从马来西亚沙巴州的西巴丹岛: a place inside a place, both where the source lies
                last = groups[-1]
                groups[-1] = Group(last.mentions, "source_place", last.start, last.end, last.verb, last.lent)
                role = "source_place"
            elif (
                role == "object"
                and kinds <= {"Resolution", "Convention"}
                and frames.supported_implementation.match(text, tail)
            ):
                # 支持《守则》(《简称》)及其修正案的执行工作: what is implemented, whatever the verb
                verb = ""
            groups.append(Group(tuple(items), role, start, end, verb))
        if groups[-1].role != "relative_basis":
            outer = ""
        pos = end
        role = kept
    groups = _place_prefixes(text, _topics(text, groups), frames.group_descriptors)
    groups = _held_places(text, _relative_places(text, groups, predicates, frames), predicates)
    groups = _held_passive(text, groups, predicates, frames.held_passive)
    groups = _existential(text, groups, frames.existential)
    groups = _described_places(text, groups, frames)
    groups = _far_from_relative_basis(text, _set_up_by(text, groups))
    body = text[a:b].lstrip(' “‘"')
    groups = _described_by_as(body, text, groups, frames.as_opener)
    opener = body.startswith(frames.list_openers)
    if not opener and groups and (go_on := frames.list_continuer.match(text, a + len(text[a:b]) - len(body))):
        # …分布在A省，以及南部的B省和C省: nothing but more of the list before
        opener = not text[go_on.end() : groups[0].start].strip() and not text[
            after_name(text, groups[-1].end) : b
        ].strip(" 。；，,;.等")
    if opener and body.startswith(frames.copula_openers) and groups:
        # 是A、B和C: a list only where nothing but the list follows (是…下规模最大的联合方案之一
        # says what the subject is)
        opener = not text[after_name(text, groups[-1].end) : b].strip(" 。；，,;.等")
    if (
        opener
        and groups
        and groups[0].role == "agent"
        and all(m.kind in _PLACES for m in groups[0].mentions)
        and out
        and any(g.role == "place" for g in out[-1].groups)
    ):  # 在X省，包括A和B地区活动: the places the list goes on with, not who acts
        groups[0] = Group(groups[0].mentions, "place", groups[0].start, groups[0].end)
    after_colon = a > 0 and text[a - 1] in "：:"
    # (b) after "(a) X，负责…": an item goes on with the list the item before went on with, past
    # the clauses that describe that item
    anchor = out[-1] if out else None
    if item and anchor is not None and not anchor.continues:
        prior = next((c for c in reversed(out) if c.item and c.continues), None)
        if prior is not None and prior.continues:
            anchor = prior
    continues = bool(
        anchor is not None
        and not embedded
        and not predicates
        and groups
        and (after_colon or opener or anchor.continues)
        and not _acts_through(text, groups, frames)
        and all(
            g.role in ("agent", "object", "attribute") or (opener and g.role in MARKER_ROLES) for g in groups
        )
    )  # 特别是在苏尔特: a marked list after an opener keeps its marker's role
    if continues:
        # the list a marker opened at the end of the clause before (根据国际标准，特别是X; 以近期
        # 决议为指导，包括：X) fills the marker's role; any other list is the verb's list
        kept = (anchor.open_role if anchor is not None else "") or "list"
        groups = [
            Group(
                g.mentions,
                "attribute"
                if _inside(g.start, topics)
                or _people_of(text, g, frames)
                # (f)X及其设在科伦坡的监测台: a place that only describes a name stays a description
                or (
                    g.role == "attribute"
                    and kept not in ("place", "list")
                    and all(m.kind in _PLACE_KINDS for m in g.mentions)
                )
                else g.role
                if g.role in MARKER_ROLES
                else kept,
                g.start,
                g.end,
            )
            for g in groups
        ]
        if out[-1].open_role and kept != "list":
            # 为下列国家举办了关于执行第N号决议的讲习班：A、B: what the clause before did stays its
            # object for the list that fills the role it left open
            groups += [
                Group(g.mentions, g.role, g.start, g.end, g.verb, lent=True)
                for g in out[-1].groups
                if g.role in ("object", "topic") and (not g.lent or g.start < out[-1].start)
            ]
    generic = not continues and _generic_subject(text, a, b, cues, groups, frames)
    opening, _self, described = frames.generic_subject
    asks_generic = any(
        "request" in p.classes
        and (
            (
                (o := opening.match(text, _after_places(text, p.end, groups))) is not None
                and not _body_after(groups, p.end, o.end())  # 请秘书长: a body named by that word
                and not _body_listed_after(text, groups, o.end())
            )
            or ((d := described.match(text, p.end)) is not None and not _body_after(groups, p.end, d.end()))
            or text.startswith(frames.asked_pronouns, p.end)  # 鼓励它们…: those named before
        )
        for p in predicates
    )  # 呼吁各国…, 鼓励尚未加入《公约》的国家…: those asked are no one in particular (鼓励各国与X合作
    # too; 呼吁各国和X…: X is asked)
    if (
        not embedded
        and not generic
        and not continues
        and groups
        and all(g.role in ("place", "supporter", "basis", "beneficiary") for g in groups)
        and (not predicates or any(g.role == "supporter" for g in groups))
    ):
        lent = [*lent, *(Group(g.mentions, g.role, g.start, g.end, lent=True) for g in groups)]
        return Clause(a, b, text[a:b], (), tuple(groups), item=item), lent
    hold = False  # the partners of a verb that comes in a later clause (与X及其Y，特别是Z，开展了合作)
    if not embedded and not generic and not predicates and groups:
        if not continues and any(g.role == "partner" for g in groups):
            lent = [
                *lent,
                *(
                    Group(g.mentions, "partner", g.start, g.end, lent=True)
                    for g in groups
                    if g.role == "partner"
                ),
            ]
            hold = True
        elif continues and any(g.role == "partner" for g in lent):
            lent = [*lent, *(Group(g.mentions, "partner", g.start, g.end, lent=True) for g in groups)]
            hold = True
    if lent and (predicates or groups) and not hold:
        groups = [*lent, *groups]
        lent = []
    if out and predicates and body.startswith(frames.purpose) and not embedded:
        # …在迈杜古里作战，以击退X: a purpose clause happens where the clause before it does
        groups = [
            *(
                Group(g.mentions, g.role, g.start, g.end, g.verb, lent=True)
                for g in out[-1].groups
                if g.role == "place"
            ),
            *groups,
        ]
    groups = _listed_parties(
        text, _nominal_objects(text, groups, predicates, frames), predicates, frames.party_nouns
    )
    first = predicates[0].end if predicates else b
    negation, denial, uncertainty = frames.modality
    unsaid = (*remarks, *((m.start, m.end) for m in inside))  # 非法、未报告和无管制捕捞 is a name
    negated = _said(negation, text, a, first, unsaid, _marker_words(frames)) or _said(
        denial, text, a, b, unsaid
    )
    uncertain = 0 <= _first_end(uncertainty, text) <= b
    inherited: tuple[str, ...] = ()
    if continues and anchor is not out[-1] and anchor is not None:  # (c) after (b)'s own clauses
        inherited = anchor.verb_classes
    elif continues:  # the verbs of the clause the list continues, past an opener (其中包括：) with none
        for earlier in reversed(out):
            inherited = earlier.verb_classes
            if inherited or earlier.groups:
                break
    if continues and anchor is not None:
        open_role = anchor.open_role
    elif out and not groups and not predicates:  # 以…为指导，包括：A、B
        open_role = out[-1].open_role
    else:
        open_role = _open_role(text, a, b, cues, groups, frames)
        if (
            not open_role
            and text[b : b + 1] in ("：", ":")
            and not any(w in text[a:b] for w in frames.cataphora)
        ):
            # 与下列伙伴合作，以加强…：A、B: the clause before the colon says what it is for; the
            # list fills the role the earlier clause of the sentence opened
            open_role = next((r for c in reversed(out) if (r := _cataphoric_role(c.text, frames))), "")
    if (
        not open_role
        and not embedded
        and not predicates
        and (referred := _referred(text, a, b, ms, out, frames))
    ):
        # 为加共体的6个成员国举办了关于…的讲习班，加勒比共同体的6个成员国是：A、B: the list after the
        # colon is what the noun stood for; the names before 是 only qualify it
        open_role, source = referred
        groups = [Group(g.mentions, "attribute", g.start, g.end) for g in groups] + [
            Group(g.mentions, g.role, g.start, g.end, g.verb, lent=True)
            for g in source.groups
            if g.role in ("object", "topic") and not g.lent
        ]
    clause = Clause(
        a,
        b,
        text[a:b],
        predicates,
        tuple(groups),
        negated,
        uncertain,
        continues,
        generic,
        embedded,
        inherited,
        open_role,
        asks_generic,
        item,
    )
    return clause, lent


#: The head noun of a phrase that stands for a list given later (加共体的6个成员国, 这些伙伴, 这三个国家).
_REFERRING_HEAD = re.compile(r"(?:[的个些这该述]|^)([\u4e00-\u9fff]{2,4})$")


def _referred(
    text: str, a: int, b: int, ms: Sequence[Mention], out: Sequence[Clause], frames: Frames
) -> tuple[str, Clause] | None:
    """A clause ``NP是：`` before a list whose noun an earlier clause of the sentence used after a
    role marker (为加共体的6个成员国举办…，加勒比共同体的6个成员国是：…): that marker's role, and the
    clause that used it."""
    body = text[a:b].rstrip()
    if text[b : b + 1] not in ("：", ":") or not out:
        return None
    copula = next((w for w in frames.copula if body.endswith(w)), None)
    if copula is None:
        return None
    end = a + len(body) - len(copula)
    named_end = max((m.end for m in ms if a <= m.start < end), default=a)
    head = _REFERRING_HEAD.search(text[after_name(text, named_end) : end])
    if head is None:
        return None
    for earlier in reversed(out):
        at = text.rfind(head.group(1), earlier.start, earlier.end)
        if at < 0:
            continue
        taken = [(m.start, m.end) for m in ms if earlier.start <= m.start < earlier.end]
        cues = _cues(text, earlier.start, at, taken, frames)
        marker = next((c for c in reversed(cues) if c.marker), None)
        if marker is None or any(c.verbal and c.start > marker.start for c in cues):
            return None
        return (marker.marker, earlier) if marker.marker in ("beneficiary", "partner", "place") else None
    return None


def _nested_place(
    text: str,
    lead: Sequence[Predicate],
    end: int,
    frames: Frames,
    before: Group | None = None,
    reach: int = 8,
) -> bool:
    """A 在-place right after another marker (or after a name right after one) and before 的
    (向在俄罗斯联邦工作的移民, 通过在X的中间人, 向伊黎伊斯兰国在莫桑比克的分支) says where the people or
    the part that marker names are, not where the clause happens."""
    if not lead or lead[-1].marker != "place" or text[lead[-1].start] != "在":
        return False
    if before is not None and after_name(text, before.end) == lead[-1].start:
        if before.role not in _INNER_ROLES and not (
            before.role in ("object", "attribute")
            and all(m.kind == "TerroristGroup" for m in before.mentions)
        ):  # 转交基地组织在阿拉伯半岛的协助网络: where that group's network is, not the agent
            return False  # 定位为X在Y的附属团体: the clause's own X, in Y
    elif not text.endswith(_marker_words(frames, _INNER_ROLES), 0, lead[-1].start):
        return False  # 向X在Y的分支: Y is where X's branch is, 向在Y工作的…: where those people are
    de = text.find("的", end, end + reach)
    if de >= 0 and text.startswith(frames.sites, de + 1):
        return False  # 与X在Y的国际机场设立了…: a site of the act, in Y
    return _tail_near(text, end, ("的",), reach - 1)


def _object_relative_place(
    text: str,
    lead: Sequence[Predicate],
    start: int,
    end: int,
    groups: Sequence[Group],
    inside: Sequence[Mention],
    cues: Sequence[Predicate],
    frames: Frames,
) -> bool:
    """A 在-place in a relative clause that describes a noun after the clause's verb (X的战斗人员使用
    在利比亚购买的武器; 通过设在阿联酋的汇款公司): where that thing is, not where the agent is. With the
    agent right before 在 (X在叙利亚控制的地区), the agent is the relative clause's subject."""
    if not lead or lead[-1].marker != "place" or lead[-1].end != start or lead[-1].word == "驻":
        return False  # (美国驻突尼斯市大使馆: where the mission is, a site of the clause's act)
    after = after_name(text, end)
    tail = _RELATIVE_TAIL_NOUN.match(text, after)
    if tail is None or any(tail.end() <= m.start <= tail.end() + 1 for m in inside):
        return False  # …的 and a name: a place or group described, not a thing
    if any(after <= c.start < tail.end() for c in cues):
        return False  # 于班吉举行的会议上, 在纽约为…举办的: an event of the clause's own, or a marker
    if tail.end() - after == 1 and not text.endswith(_LOCATED, 0, lead[-1].start):
        return False  # 在厄瓜多尔的港口设立: where the act is (设在阿联酋的公司: where the firm is)
    agent = next((g for g in groups if g.role == "agent"), None)
    if agent is None:
        return False
    gap = text[after_name(text, agent.end) : lead[-1].start]
    if _AGENTS_GO_ON.fullmatch(gap.strip()):
        return False  # X和其他恐怖团体在阿富汗境内的活动: the agent's list goes on up to 在
    return bool(gap.strip()) and not only_adverbs(gap, frames.subject_adverbs)


#: The rest of an agent's list named only by a description (和其他恐怖团体, 等团体).
_AGENTS_GO_ON = re.compile(
    r"(?:和|及|以及|与|等)(?:其他|其它|另外|一些|多个)?[\u4e00-\u9fff]{0,6}?(?:团体|组织|集团|团伙|分子|人员)"
)


#: A place between a group's name and the people it qualifies (伊黎伊斯兰国在欧洲的支持者).
_PLACED_OF = re.compile(r"在[^，。；、]{1,12}?的")
#: Words that with 在/于 say where a thing is (设在, 位于, 驻在).
_LOCATED = ("设", "位", "驻")
#: What follows a place in a relative clause up to its 的 (在利比亚购买的, 设在阿联酋的).
_RELATIVE_TAIL_NOUN = re.compile(r"[^，。；、的了着\s]{0,4}的")


#: 的 and the quantifier that may stand before a branch or person noun (的各个附属派别, 的一些支持者),
#: read like :data:`_SOME_OF`.
_SOME_OF_BRANCH = re.compile(r"的(?:各个|各|所有|一些|多个|几个|其他)?")

#: The roles whose noun phrase a 在-phrase can sit inside (向在…的, 通过在…的, 为在…的).
_INNER_ROLES = ("beneficiary", "source", "partner", "by")


def _law_follows(text: str, at: int, heads: tuple[str, ...], reach: int = 4) -> bool:
    """A word of law starts within a few characters after ``at`` (有关的(国家)立法)."""
    window = text[at : at + reach + 5]
    return any(0 <= window.find(h) <= reach for h in heads)


def only_adverbs(gap: str, adverbs: Sequence[str]) -> bool:
    """``gap`` is empty or only adverbs (还, 已经, 共同 …) and times (于2025年开始)."""
    gap = _TIME.sub("", gap).strip()
    while gap:
        word = next((w for w in sorted(adverbs, key=len, reverse=True) if gap.startswith(w)), None)
        if word is None:
            return False
        gap = gap[len(word) :]
    return True


def _region_names_body(
    text: str, end: int, b: int, cues: Sequence[Predicate], frames: Frames, reach: int = 20
) -> bool:
    """The region or city that ends at ``end`` opens the name of a body or programme it gives its
    name to (东部非洲资产追回机构间网络, 印度洋岛国…联合倡议): no cue word, 的 or punctuation
    before one of ``region_name_heads``, within ``reach`` characters; or it names an office (one
    of ``region_office_heads`` right after it: 南亚区域办事处)."""
    stop = min([c.start for c in cues if c.start >= end] + [b, end + reach])
    run = text[end:stop]
    if run.startswith(frames.region_office_heads):
        return True  # 南亚区域办事处: the office of the body named before it
    cut = next((i for i, ch in enumerate(run) if not ("\u4e00" <= ch <= "\u9fff") or ch == "的"), len(run))
    return any(run.find(h, 1) >= 0 and run.find(h, 1) + len(h) <= cut for h in frames.region_name_heads)


def _tail_near(text: str, end: int, tails: tuple[str, ...], reach: int = 8, after: int = -1) -> bool:
    """One of ``tails`` follows a place name within a few characters of the same phrase
    (以阿富汗和巴基斯坦边境地区为主要基地); ``after``: ``after_name(text, end)`` if known."""
    window = text[after if after >= 0 else after_name(text, end) : end + reach + 6]
    cut = min((window.find(c) for c in "，,；;。：:" if c in window), default=len(window))
    return any(0 <= window.find(t) <= reach and window.find(t) + len(t) <= cut for t in tails)


def _names_before_marker(gap: str, markers: Sequence[str], reach: int = 16) -> bool:
    """The gap between two lists is the rest of the first one's noun and a marker (阿富汗
    金融情报中心与 …): the first list is the marker's other side."""
    return len(gap) <= reach and gap.endswith(tuple(markers)) and not any(c in gap for c in "，,；;。：:")


def _said(
    pattern: re.Pattern[str],
    text: str,
    a: int,
    b: int,
    remarks: Sequence[tuple[int, int]],
    not_after: tuple[str, ...] = (),
) -> bool:
    """``pattern`` occurs in ``text[a:b]`` outside the remarks in brackets, and not right after one
    of ``not_after`` (为尚未加入《公约》的国家: the words describe the beneficiaries, not the act)."""
    found = pattern.search(text, a, b)
    if found is None or (not remarks and not not_after):
        return found is not None  # (the words are said nowhere in the span: nothing to look at)
    return any(
        not _inside(m.start(), remarks) and not text.endswith(not_after, a, m.start())
        for m in pattern.finditer(text, a, b)
    )


@functools.cache
def _marker_words(
    frames: Frames, roles: tuple[str, ...] = ("beneficiary", "partner", "place")
) -> tuple[str, ...]:
    """The words that open a noun phrase of one of ``roles`` (为, 向, 与, 在…): by default the
    phrases whose own negation they keep (为尚未批准…的国家)."""
    return tuple(w for role in roles for w in frames.markers.get(role, ()))


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(x <= at < y for x, y in spans)


def after_name(text: str, end: int, items: Sequence[Mention] = ()) -> int:
    """The position after a name's closing quote or bracket (and, after resolutions, their 决议)."""
    while end < len(text) and text[end] in '”’"》)）':
        end += 1
    if items and all(m.kind == "Resolution" for m in items) and text.startswith("决议", end):
        end += 2
    return end


def _cataphoric_role(clause: str, frames: Frames) -> str:
    """The role a marker right before a word pointing ahead opens in ``clause`` (与下列伙伴: partner)."""
    for role in ("partner", "beneficiary", "basis", "place"):
        for marker in frames.markers.get(role, ()):
            if any(marker + word in clause for word in frames.cataphora):
                return role
    return ""


def _open_role(
    text: str, a: int, b: int, cues: Sequence[Predicate], groups: Sequence[Group], frames: Frames
) -> str:
    """The role a marker at the end of a clause opens with no name after it (根据国际义务和标准;
    以近期决议为指导): the role of a list that continues the clause."""
    tail = text[a:b].rstrip("。 ")
    if text[b : b + 1] in ("：", ":"):
        # 为下列国家举办了讲习班：A、B: a marker before a word that points ahead opens its role
        for c in reversed(cues):
            role = c.marker
            if role in ("basis", "partner", "beneficiary", "place") and text.startswith(
                frames.cataphora, c.end
            ):
                return role
    if tail.endswith(frames.basis_tail) and "以" in tail:
        # 以安全理事会近期决议为指导: no resolution named between 以 and the tail, so the list after
        # names them
        opened = a + tail.rfind("以")
        if not any(
            g.start > opened and {m.kind for m in g.mentions} & {"Resolution", "Convention"} for g in groups
        ):
            return "basis"
    markers = [c for c in cues if c.marker]
    if not markers or markers[-1].start < max((g.end for g in groups), default=a):
        return ""
    if any(p.start > markers[-1].start for p in cues if not p.marker):  # (not p.marker: not in markers)
        return ""
    role = markers[-1].marker
    before = [c for c in cues if not c.marker and c.end <= markers[-1].start]
    if role == "basis" and before and "support" in before[-1].classes:
        return "aided_basis"  # 协助会员国根据国际义务，特别是第N号决议
    return role if role in ("basis", "partner", "beneficiary") else ""
