"""What every rule shares: the classes they read, the document context, amounts, clauses,
coordination, and the checked cue words (``ontology/cues.toml``) as frozen data."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from graph.errors import OntologyError
from graph.extract.clauses import clause_spans
from graph.records import Amount, Fact, Mention, Passage
from graph.script import fold

# ---------------------------------------------------------------- rules and their checked cue words


@dataclass(frozen=True, slots=True)
class Rule:
    """What a rule states and what it reads: checked against the ontology and ``cues.toml`` on load.

    ``section`` is the rule's table in ``cues.toml``; ``lists`` the word lists it needs there
    (each a non-empty list of strings), ``numbers`` its numeric settings, ``confidences`` the
    keys of ``[confidence]`` it gives its claims (each in (0, 1]).
    """

    name: str
    predicate: str
    subject: tuple[str, ...]
    object: tuple[str, ...]
    section: str
    lists: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    confidences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CueSection:
    """One table of ``cues.toml``, frozen: lists are tuples; a missing key names the table."""

    name: str
    entries: Mapping[str, Any]

    def __getitem__(self, key: str) -> Any:
        try:
            return self.entries[key]
        except KeyError:
            raise OntologyError(f"cues.toml: [{self.name}] has no {key!r}") from None

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def get(self, key: str, default: Any = None) -> Any:
        return self.entries.get(key, default)


@dataclass(frozen=True, slots=True)
class Cues:
    """Every table of ``cues.toml``, frozen and checked against the rules that read them."""

    sections: Mapping[str, CueSection]

    def __getitem__(self, name: str) -> CueSection:
        try:
            return self.sections[name]
        except KeyError:
            raise OntologyError(f"cues.toml: no [{name}] table") from None

    def get(self, name: str, default: Any = None) -> Any:
        return self.sections.get(name, default)


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    return value


def check_cues(data: Mapping[str, Any], rules: Sequence[Rule]) -> Cues:
    """``cues.toml`` as frozen ``Cues``; a rule whose list, setting or confidence is missing or
    malformed is an ``OntologyError`` that names the rule.

    >>> r = Rule("demo", "recalls", ("Resolution",), ("Resolution",), "recall", lists=("cues",),
    ...          confidences=("demo_rule",))
    >>> check_cues({"recall": {"cues": ["回顾"]}, "confidence": {"demo_rule": 0.9}}, [r])["recall"]["cues"]
    ('回顾',)
    >>> check_cues({"recall": {"cues": ["回顾"]}}, [r])
    Traceback (most recent call last):
    graph.errors.OntologyError: cues.toml: rule 'demo' needs [confidence] demo_rule, a number in (0, 1]
    """
    confidence = data.get("confidence", {})
    for rule in rules:
        section = data.get(rule.section)
        if not isinstance(section, dict):
            raise OntologyError(f"cues.toml: rule {rule.name!r} needs a [{rule.section}] table")
        for key in rule.lists:
            words = section.get(key)
            if not (isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)):
                raise OntologyError(
                    f"cues.toml: rule {rule.name!r} needs [{rule.section}] {key}, a list of words"
                )
        for key in rule.numbers:
            if not isinstance(section.get(key), int | float) or isinstance(section.get(key), bool):
                raise OntologyError(f"cues.toml: rule {rule.name!r} needs [{rule.section}] {key}, a number")
        for key in rule.texts:
            if not isinstance(section.get(key), str) or not section.get(key):
                raise OntologyError(f"cues.toml: rule {rule.name!r} needs [{rule.section}] {key}, a pattern")
        for key in rule.confidences:
            value = confidence.get(key)
            if not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= 1:
                raise OntologyError(
                    f"cues.toml: rule {rule.name!r} needs [confidence] {key}, a number in (0, 1]"
                )
    return Cues(
        MappingProxyType(
            {name: CueSection(name, _freeze(v)) for name, v in data.items() if isinstance(v, dict)}
        )
    )


AGENTS = ("UNEntity", "Programme", "Organization")
PLACES = ("Region", "Country")
INSTRUMENTS = ("Resolution", "Convention")


@dataclass(frozen=True, slots=True)
class Context:
    """What the rules need to know about the document being read."""

    self_id: str
    self_resolution: str = ""
    generic_crimes: tuple[str, ...] = ()
    #: part of a country → (the country, its Chinese names): 马里北部 → (country-mli, (马里,))
    countries: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    #: the vocabulary's authorities of a country (伊拉克政府) → that place
    authorities: Mapping[str, str] = field(default_factory=dict)
    #: each resolution the document names → the body that adopts it (a body is not mandated by its own)
    adopters: Mapping[str, str] = field(default_factory=dict)
    #: each body of the vocabulary → its Chinese names (folded), for the short forms of a body named
    #: by an abbreviation (反恐办 … 该办公室)
    body_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


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
_PERIOD = {
    "每日": "day",
    "每天": "day",
    "每周": "week",
    "每月": "month",
    "每年": "year",
    "一年": "year",
    "年均": "year",
}


_SPAN = re.compile(
    r"(?<!\d)(?P<y1>(?:19|20)\d{2})\s*年(?:\s*(?P<m1>\d{1,2})\s*月)?\s*(?:至|到|-|—|~)\s*"
    r"(?P<y2>(?:19|20)\d{2})\s*年(?:\s*(?P<m2>\d{1,2})\s*月)?"
)


def _month(year: str, month: str | None) -> str:
    """``2014`` or ``2014-08``: a year, or a year and month, as ISO 8601 writes them."""
    return f"{year}-{int(month):02d}" if month and 1 <= int(month) <= 12 else year


def find_amounts(text: str) -> list[Amount]:
    """Money amounts in a sentence, with range, currency, period and year, or the span of time
    they were counted over (``since`` to ``until``).

    >>> find_amounts("2009年塔利班从鸦片贸易中赚了1.55亿美元")[0]
    Amount(low=155000000.0, high=155000000.0, currency='USD', surface='1.55亿美元', period='', year=2009, since=None, until='')
    >>> a = find_amounts("每年3500万美元至4500万美元")[0]
    >>> (a.low, a.high, a.period)
    (35000000.0, 45000000.0, 'year')
    >>> a = find_amounts("该团伙在2011年至2013年5月期间收到80万美元")[0]
    >>> (a.year, a.since, a.until)
    (None, 2011, '2013-05')
    """
    out = []
    year_m = re.search(r"(?<!\d)(19|20)(\d{2})年", text)
    since_m = re.search(r"自(\d{4})年(?:以来|起)", text)
    span_m = _SPAN.search(text)
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
        until = ""
        if span_m and not since:
            since, until = int(span_m.group("y1")), _month(span_m.group("y2"), span_m.group("m2"))
        year = int(year_m.group(1) + year_m.group(2)) if year_m and not since else None
        out.append(Amount(low, high, _CURRENCY[cur], surface, period, year, since, until))
    return out


# ---------------------------------------------------------------- helpers


def between(text: str, a: Mention, b: Mention) -> str:
    return text[a.end : b.start] if a.end <= b.start else text[b.end : a.start]


@functools.cache
def alternation(words: tuple[str, ...]) -> str:
    """A regular-expression alternation of ``words``, longest first (built once per word list)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@functools.cache
def _any_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(alternation(words))


@functools.cache
def _branch_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    # X在东南亚的附属组织, X的一个分支, and X附属团体Y without 的
    return re.compile(r"(?:[^，。；系是]{0,10}的(?:[一两三几]个|一支)?)?(?:" + alternation(words) + ")")


def described_branch(text: str, end: int, words: Sequence[str]) -> bool:
    """The name ending at ``end`` only says whose branch something is (X在东南亚的附属组织,
    X的一个分支): it describes, it does not act."""
    return _branch_pattern(tuple(words)).match(text[end : end + 16]) is not None


def has_any(text: str, words: Sequence[str]) -> bool:
    """True when ``text`` contains one of ``words``."""
    if isinstance(words, tuple) and len(words) > 3:
        return _any_pattern(words).search(text) is not None
    return any(w in text for w in words)


def coordinated(text: str, mentions: Sequence[Mention], first: int, kinds: Sequence[str]) -> list[Mention]:
    """The mentions coordinated with ``mentions[first]`` by 、/和/及/与 (following it)."""
    out = [mentions[first]]
    for m in mentions[first + 1 :]:
        gap = re.sub(r"\([^()]{0,20}\)", "", text[out[-1].end : m.start]).strip()
        if m.concept == out[-1].concept and gap in ("", "(", "(又称", "(又称“"):
            continue
        gap = re.sub(
            r"\([^()]{0,20}\)", "", text[out[-1].end : m.start] if m.concept != out[-1].concept else gap
        )
        if m.kind == out[-1].kind == "Resolution" and gap.strip()[2:] in (
            "、",
            "和",
            "及",
            "以及",
            "与",
            "或",
        ):
            gap = gap.strip()[2:] if gap.strip().startswith("决议") else gap  # 第A号决议和第B号决议
        if m.kind in kinds and gap.strip() in (
            "、",
            "和",
            "及",
            "以及",
            "与",
            ",",
            "，",
            "或",
            "、以及",
            "和其",
            "及其",
        ):
            out.append(m)
        else:
            break
    return out


def coordinated_before(
    text: str, mentions: Sequence[Mention], last: int, kinds: Sequence[str]
) -> list[Mention]:
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


def generic_un(text: str, m: Mention, cues: Cues) -> bool:
    """联合国 as part of a larger noun (联合国各实体, 联合国制裁制度) is not an actor."""
    ag = cues["agents"]
    return fold(m.surface) in ag["system_names"] and text.startswith(ag["system_after"], m.end)


def negated_clause(text: str, cues: Cues) -> bool:
    """True when a clause of ``text`` puts a negation right before its verb (没有参与, 未在…发动).

    >>> from graph.extract.rules.common import CueSection, Cues
    >>> c = Cues({"negation": CueSection("negation", {"before_verb": ("没有", "未")})})
    >>> negated_clause("该团体没有参与贩毒", c), negated_clause("没有国家能够独自应对", c)
    (True, False)
    """
    words = cues["negation"]["before_verb"]
    for a, b in clause_spans(text):
        clause = text[a:b]
        for w in words:
            k = clause.find(w)
            if k > 0:  # a negation at the very start negates a noun phrase (没有国家…), not a verb
                return True
    return False


def clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts."""
    return max(text.rfind(c, 0, pos) for c in "，；：。,;:") + 1


def clause_end(text: str, at: int) -> int:
    """Where the clause holding ``at`` ends."""
    return min((i for c in "，,；;：:。" if (i := text.find(c, at)) >= 0), default=len(text))


def make_fact(
    s: str,
    pred: str,
    o: str,
    p: Passage,
    rule: str,
    conf: float,
    hedged: bool,
    evidence: str,
    amount: Amount | None = None,
) -> Fact:
    return Fact(s, pred, o, p, rule, conf, hedged, amount, evidence)


def opens_with(text: str, cues: Sequence[str], openers: Sequence[str]) -> int:
    """The end of the cue if the clause opens (after openers) with one of ``cues``, else -1."""
    folded = text
    i = len(folded) - len(folded.lstrip(' “‘"「'))
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
