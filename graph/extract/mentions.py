"""Mention stage: passages + vocabulary → ``Mention``s and the ``Entity``s they name.

Four sources, merged longest-first without overlaps:

* the vocabulary, matched with Aho-Corasick over every label and alias (this
  also finds names jieba cannot hold, such as 拉什卡-塔伊巴组织); labels of two
  characters or fewer must also fall on jieba token boundaries;
* patterns for resolutions (every form the texts use), document symbols and
  treaty titles in 《》;
* patterns for names outside the vocabulary (…阵线/…运动 near terrorism cues,
  联合国…办事处, committees named after resolutions; governments, forces, ministries and
  institutes, ``graph.extract.orgs``), marked as discovered;
* aliases the document defines itself, 全称(简称), learned per document.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import importlib
import itertools
import logging
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import ahocorasick
import jieba

from graph.errors import OntologyError
from graph.extract import orgs
from graph.extract.nested import shared_heads
from graph.records import Entity, Mention, Passage
from graph.script import fold
from graph.symbols import (
    SC_ONE,
    SC_RUN,
    SIMPLE_SYMBOL,
    TITLE,
    YEARLESS,
    body_before,
    entity_from_resolution_id,
    parse_symbol,
    resolution_entity,
    resolution_mentions,
    sc_year,
)
from graph.vocab import Concept, Vocabulary

# ---------------------------------------------------------------- prefilters

#: The parser the ``re`` module compiles with (private and without type stubs, hence ``Any``):
#: read only to find the strings a pattern cannot match without (:func:`needed_strings`).
_RE_PARSER: Any = importlib.import_module("re._parser")
_RE: Any = importlib.import_module("re._constants")
#: At most this many strings stand for one stretch of a pattern.
_MAX_NEEDED = 64


def _strings_of(items: Any) -> set[str] | None:
    """Every string a sequence of parsed regex items can match, when they are few (literals,
    character sets of literals, alternations and optional parts of those); else None."""
    out = {""}
    for op, av in items:
        if op is _RE.LITERAL:
            opts: set[str] | None = {chr(av)}
        elif op is _RE.IN and all(o is _RE.LITERAL for o, _ in av):
            opts = {chr(a) for _, a in av}
        elif op is _RE.BRANCH:
            alts = [_strings_of(b) for b in av[1]]
            opts = None if None in alts else {s for a in alts for s in a or ()}
        elif op is _RE.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            opts = _strings_of(av[3])
        elif op in (_RE.MAX_REPEAT, _RE.MIN_REPEAT) and av[0] in (0, 1) and av[1] == 1:
            opts = _strings_of(av[2])
            if opts is not None and av[0] == 0:
                opts.add("")
        elif op in (_RE.AT, _RE.ASSERT, _RE.ASSERT_NOT):  # zero-width: consumes nothing
            opts = {""}
        else:
            return None
        if opts is None:
            return None
        out = {s + t for s in out for t in opts}
        if len(out) > _MAX_NEEDED:
            return None
    return out


def needed_strings(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` contains (the most selective set found
    over a stretch of its top-level items), or None when none is found.

    >>> sorted(needed_strings(re.compile("(?:非法)?(?:走私|出售)木炭")))
    ['出售木炭', '走私木炭']
    >>> needed_strings(re.compile(r"[\\u4e00-\\u9fff]+")) is None
    True
    """
    if pattern.flags & ~re.UNICODE:  # IGNORECASE and the like: not literal strings any more
        return None
    try:
        items = list(_opened(_RE_PARSER.parse(pattern.pattern, pattern.flags)))
    except Exception:  # an internal format we do not know: no prefilter, the pattern always runs
        return None
    best: tuple[tuple[int, int], frozenset[str]] | None = None
    for i in range(len(items)):
        for j in range(i + 1, len(items) + 1):
            strings = _strings_of(items[i:j])
            if strings is None:
                break
            if "" in strings:
                continue
            rank = (min(map(len, strings)), -len(strings))  # the longest shortest string, then the fewest
            if best is None or rank > best[0]:
                best = (rank, frozenset(strings))
    return best[1] if best else None


def _opened(items: Any) -> Iterable[Any]:
    """Top-level regex items with groups (without inline flags) opened: a group's items match in
    sequence with its neighbours."""
    for op, av in items:
        if op is _RE.SUBPATTERN and not av[1] and not av[2]:
            yield from _opened(av[3])
        else:
            yield op, av


@functools.cache
def _needed(pattern: re.Pattern[str]) -> frozenset[str] | None:
    return needed_strings(pattern)


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False when ``text`` lacks every string ``pattern`` needs (it cannot match there)."""
    needed = _needed(pattern)
    return needed is None or any(s in text for s in needed)


@functools.cache
def _panel_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    """…问题专家小组 or 关于…的专家小组: a topic before a panel's head."""
    alt = _alt(list(heads))
    return re.compile(rf"问题(?:{alt})|关于([\u4e00-\u9fff]{{2,12}})的(?:{alt})")


def _topic_panels(
    text: str, raw: str, p: Passage, vocab: Vocabulary, free: Callable[[int, int], bool]
) -> list[Mention]:
    """A panel or team named after a group or place the vocabulary knows (青年党问题专家小组, 关于海地的
    专家小组): a UN body of its own, found even where the vocabulary does not list it."""
    heads = tuple(vocab.cues["discovery"]["panel_heads"])
    if not any(h in text for h in heads):
        return []
    out: list[Mention] = []
    for m in _panel_pattern(heads).finditer(text):
        if m.group(1):  # 关于X的专家小组
            topic = vocab.lookup(m.group(1))
            start = m.start()
        else:  # X问题专家小组: the longest known name right before 问题
            topic, start = None, m.start()
            for n in range(min(12, m.start()), 1, -1):
                if (found := vocab.lookup(text[m.start() - n : m.start()])) is not None:
                    topic, start = found, m.start() - n
                    break
        if (
            topic is None
            or topic.kind not in ("Country", "Region", "TerroristGroup")
            or not free(start, m.end())
        ):
            continue
        label = fold(text[start : m.end()])
        known = vocab.lookup(label)
        cid, method = (known.id, "pattern") if known else (_stable_id("un-panel", label), "discovered")
        out.append(Mention(cid, "UNEntity", raw[start : m.end()], p.doc_id, start, m.end(), method))
    return out


#: How often jieba's dictionary must have met a word for it to be a common word, not a name.
_COMMON_FREQ = 500


def _common_stem(name: str, units: Sequence[str], vocab: Vocabulary) -> bool:
    """A name whose part before its unit is a common word (该国的目标地区, 沼泽地区): a description,
    not a place's name, where only 的 joins it to the place before."""
    unit = next((u for u in sorted(units, key=len, reverse=True) if name.endswith(u)), "")
    return matcher_for(vocab).common(name[: len(name) - len(unit)])


#: A short name in quote marks (“自由人大会”): the labels of two characters inside it are its own.
_SHORT_QUOTE = re.compile(r"“([^“”，。；]{3,15})”")


def _latin_alnum(ch: str) -> bool:
    """A Latin letter or digit (a Han character is no part of a Latin word)."""
    return ch.isascii() and ch.isalnum()


class Prefilter:
    """Which of several patterns may match a text, from one Aho-Corasick scan for the strings
    each of them needs (a pattern without such strings always may)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.always = frozenset(i for i, p in enumerate(patterns) if needed_strings(p) is None)
        self.automaton = ahocorasick.Automaton()
        needs: dict[str, set[int]] = {}
        for i, p in enumerate(patterns):
            for s in needed_strings(p) or ():
                needs.setdefault(s, set()).add(i)
        for s, which in needs.items():
            self.automaton.add_word(s, frozenset(which))
        self.automaton.make_automaton()

    def possible(self, text: str) -> frozenset[int]:
        """The indexes of the patterns that may match ``text``."""
        if not len(self.automaton):  # no pattern needs a string (an empty automaton cannot scan)
            return self.always
        return self.always.union(*(which for _end, which in self.automaton.iter(text)))


# ---------------------------------------------------------------- the vocabulary matcher


#: What jieba keeps inside a run it segments, besides Han characters (its ``re_han_default``).
_RUN_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-")


#: What jieba's ``re_eng`` matches: a token of one such character joins the next one.
_LETTER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


#: A run jieba segments on its own (the characters of ``_run_char``).
_RUN = re.compile("[\u4e00-\u9fd5" + "".join(map(re.escape, sorted(_RUN_ASCII))) + "]+")


def _run_char(ch: str) -> bool:
    """A character jieba segments inside a run: Han (U+4E00–U+9FD5), ASCII letters, digits, +#&._%-."""
    return "\u4e00" <= ch <= "\u9fd5" or ch in _RUN_ASCII


#: Not yet looked up in the dictionary (``Matcher.run_cuts``).
_UNSEEN = math.nan
#: Neither a word of the dictionary nor the start of one (``Matcher.run_cuts``).
_NO_WORD = math.inf


class Matcher:
    """Aho-Corasick over every folded label, plus a jieba tokenizer that knows them."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        # words that open with a label but are something else (伊斯兰国家: an Islamic state)
        self.not_names = tuple(fold(w) for w in vocab.cues["discovery"]["not_names"])
        # each label → its length, concept, whether it is ASCII, and whether a word of
        # ``not_names`` can start where it does (one starts with the other), known once
        self.automaton = ahocorasick.Automaton()
        for label, cid in vocab.labels.items():
            clash = any(label.startswith(w) or w.startswith(label) for w in self.not_names)
            self.automaton.add_word(label, (len(label), cid, label.isascii(), clash))
        self.automaton.make_automaton()
        # heads jieba joins to a short place name (西非国家): the name still counts
        self.compound_heads = tuple(vocab.cues["discovery"]["places"]["compound_heads"])
        self._cuts: dict[str, set[int]] = {}
        self._in_names: dict[str, list[tuple[int, int, str]]] = {}
        self._logs: dict[str, float | None] = {}  # log probability of each dictionary word met
        self._text = ""
        self._runs: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self.tokenizer = jieba.Tokenizer()
        jieba.setLogLevel(logging.WARNING)  # its dictionary-loading chatter is not the user's business
        self.tokenizer.initialize()
        for word, freq, tag in vocab.jieba_words():
            self.tokenizer.add_word(word, freq, tag)

    def common(self, word: str) -> bool:
        """A word jieba's own dictionary knows as a common one (目标, 沼泽): no transliterated name."""
        return bool(self.tokenizer.FREQ.get(word, 0) >= _COMMON_FREQ)

    def is_cut(self, text: str, at: int) -> bool:
        """Whether jieba (without HMM) puts a token boundary at offset ``at`` of ``text``.

        jieba segments each run of Han characters, letters and digits on its own and cuts every
        other character alone, so only the run around ``at`` is segmented (once per distinct run):
        the answer is the one a segmentation of the whole text gives.
        """
        if at <= 0 or at >= len(text):
            return True
        if not (_run_char(text[at - 1]) and _run_char(text[at])):
            return text[at - 1 : at + 1] != "\r\n"  # jieba keeps \r\n as one token
        if text != self._text:  # the runs of the text asked about last, found once
            self._text = text
            self._runs = [(r.start(), r.end()) for r in _RUN.finditer(text)]
            self._starts = [a for a, _ in self._runs]
        start, end = self._runs[bisect.bisect_right(self._starts, at) - 1]
        run = text[start:end]
        cuts = self._cuts.get(run)
        if cuts is None:
            cuts = self.run_cuts(run)
            if len(self._cuts) > 16384:
                self._cuts.clear()
            self._cuts[run] = cuts
        return at - start in cuts

    def run_cuts(self, run: str) -> set[int]:
        """The token ends jieba's ``cut(run, HMM=False)`` gives for a run of Han characters, letters
        and digits: its maximum-probability route over the dictionary's word graph (the same sums,
        in the same order, and the same tie-break: the longer word), with single letters and digits
        kept together, computed in one pass without building the graph and its tokens."""
        freq = self.tokenizer.FREQ
        logs = self._logs
        logtotal = math.log(self.tokenizer.total)
        n = len(run)
        score = [0.0] * (n + 1)
        last = list(range(1, n + 2))  # end (exclusive) of the best word starting at each index
        for idx in range(n - 1, -1, -1):
            best = -math.inf
            end = -1
            i = idx + 1  # the end of the fragment run[idx:i]
            frag = run[idx]
            while True:
                # a word's log probability, None for a prefix of words only, _NO_WORD for neither:
                # looked up in the dictionary once
                lp = logs.get(frag, _UNSEEN)
                if lp != lp:  # NaN, the only value unequal to itself: not looked up yet (compared
                    # by value, not identity, which a compiled float would not keep)
                    if frag not in freq:
                        lp = logs[frag] = _NO_WORD
                    else:
                        lp = logs[frag] = math.log(freq[frag]) - logtotal if freq[frag] else None
                if lp == _NO_WORD:
                    break
                if lp is not None:
                    v = lp + score[i]
                    if v >= best:  # max((v, x)): on a tie the later end wins
                        best, end = v, i
                if i >= n:
                    break
                i += 1
                frag = run[idx:i]
            if end < 0:  # no word: the character alone
                end = idx + 1
                best = math.log(freq.get(run[idx]) or 1) - logtotal + score[idx + 1]
            score[idx] = best
            last[idx] = end
        cuts: set[int] = set()
        x = 0
        letters = False  # single letters and digits pending as one token
        while x < n:
            y = last[x]
            if y - x == 1 and run[x] in _LETTER_OR_DIGIT:
                letters = True
            else:
                if letters:
                    cuts.add(x)
                    letters = False
                cuts.add(y)
            x = y
        if letters:
            cuts.add(n)
        if len(logs) > 2_000_000:  # fragments that are no words pile up with the text read
            logs.clear()
        return cuts

    def forget(self) -> None:
        """Drop the segmented runs and the names' labels kept so far."""
        self._cuts.clear()
        self._in_names.clear()

    def find_in_name(self, name: str) -> list[tuple[int, int, str]]:
        """:meth:`find` in a mention's surface, remembered (a document names the same bodies
        again and again); the list is shared, not to be changed."""
        found = self._in_names.get(name)
        if found is None:
            if len(self._in_names) > 16384:
                self._in_names.clear()
            found = self._in_names[name] = self.find(name)
        return found

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, concept id) of every vocabulary label in ``text`` (overlapping)."""
        key = fold(text)
        hits = []
        quoted = [q.span(1) for q in _SHORT_QUOTE.finditer(key)] if "“" in key else []
        for end, (length, cid, ascii_label, clash) in self.automaton.iter(key):
            start = end + 1 - length
            if length <= 2 and any(a <= start and end < b and (a, b) != (start, end + 1) for a, b in quoted):
                continue  # “自由人大会”: a short label inside a quoted name is part of that name
            if ascii_label:  # a Latin label is a whole word: no Latin letter or digit next to it (G9在…)
                if (start > 0 and _latin_alnum(key[start - 1])) or (
                    end + 1 < len(key) and _latin_alnum(key[end + 1])
                ):
                    continue
            elif (
                length <= 2
                and not (self.is_cut(key, start) and self.is_cut(key, end + 1))
                and not self._before_head(key, start, end + 1, cid)
            ):
                continue
            if clash and key.startswith(self.not_names, start):
                continue
            hits.append((start, end + 1, cid))
        return self._at_cuts(key, hits)

    def _before_head(self, key: str, start: int, end: int, cid: str) -> bool:
        """A place whose name jieba joins with the head word after it (西非国家 is one token)."""
        concept = self.vocab.concepts.get(cid)
        if concept is None or concept.kind not in ("Region", "Country") or not self.is_cut(key, start):
            return False
        return any(key.startswith(h, end) and self.is_cut(key, end + len(h)) for h in self.compound_heads)

    def _at_cuts(self, key: str, hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Of two names of one length that overlap (肯尼亚 and 尼亚拉 in 肯尼亚拉穆州), the one jieba
        cuts the text around where the other it does not."""
        by_length: dict[int, list[tuple[int, int, str]]] = {}
        for h in hits:
            by_length.setdefault(h[1] - h[0], []).append(h)
        # hits of one length come in the order of their ends (the automaton's), so two overlap only
        # if two neighbours do: most texts have no such pair, and nothing to drop
        if not any(a[1] > b[0] for same in by_length.values() for a, b in itertools.pairwise(same)):
            return hits
        dropped = set()
        for same in by_length.values():
            for h in same if len(same) > 1 else ():
                rivals = [o for o in same if o != h and o[0] < h[1] and h[0] < o[1]]
                if rivals and not self._cut_around(key, h) and any(self._cut_around(key, o) for o in rivals):
                    dropped.add(h)
        return [h for h in hits if h not in dropped] if dropped else hits

    def _cut_around(self, key: str, hit: tuple[int, int, str]) -> bool:
        return self.is_cut(key, hit[0]) and self.is_cut(key, hit[1])


@functools.cache
def matcher_for(vocab: Vocabulary) -> Matcher:
    """The matcher of a vocabulary, built once."""
    return Matcher(vocab)


# ---------------------------------------------------------------- discovery


#: A short form in Latin letters in brackets, right after a name: “3月23日运动”(M23).
_ACRONYM_AFTER = re.compile(r"\s*[(（][A-Z]")
#: An opening quote mark, which every alternative of the ``operation`` pattern needs.
_QUOTE = re.compile('[“"‘「]')
#: A bracket opening on a capital letter: what every pattern of a name in Latin letters needs.
_LATIN_IN_BRACKETS = re.compile(r"\([A-Z]")
#: The Council and the topic of its resolution right before a committee's resolution (安全理事会关于海地的).
#: The topic a committee's name opens with (安全理事会关于海地的, 关于伊黎伊斯兰国(达伊沙)、基地组织及相关
#:个人、团体、企业和实体的), right before the resolutions that set it up.
_COUNCIL_ON = re.compile(r"(?:安全理事会|安理会)?关于[^，。；：\s]{1,90}?的$")


def _stable_id(prefix: str, label: str) -> str:
    return f"{prefix}-" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:10]


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "·-"


class _Stops(NamedTuple):
    """Boundary words and characters, indexed once for :func:`_left_edge`."""

    #: Each character → the boundary words of two characters or more that end with it.
    ending: dict[str, tuple[str, ...]]
    #: Every boundary (a character is one when it is among them).
    every: frozenset[str]


def _stops(boundaries: Iterable[str]) -> _Stops:
    ending: dict[str, list[str]] = {}
    for w in dict.fromkeys(boundaries):
        if len(w) > 1:
            ending.setdefault(w[-1], []).append(w)
    return _Stops({ch: tuple(ws) for ch, ws in ending.items()}, frozenset(boundaries))


def _left_edge(text: str, end: int, stops: _Stops, limit: int = 14) -> int:
    """Walk left from ``end`` over Han characters until a boundary word or character."""
    i = end
    while i > 0 and end - i < limit:
        if not _is_han(text[i - 1]):
            break
        if text[i - 1] in "·-" and not (i > 1 and "\u4e00" <= text[i - 2] <= "\u9fff"):
            break  # a dash joins the parts of a name (哥武-人民军), not a dash of punctuation (——)
        if text.endswith(stops.ending.get(text[i - 1], ()), 0, i):  # a word ends with its last character
            break
        if text[i - 1] in stops.every and (text[i - 1] not in "年月日" or (i > 1 and text[i - 2].isdigit())):
            break
        i -= 1
    return i


def _instrument_body(raw: str, p: Passage, start: int, end: int) -> Mention:
    """The body serving an instrument (《濒危物种公约》秘书处, 濒危物种公约秘书处): an organization."""
    name = raw[start:end]
    return Mention(
        _stable_id("organization", fold(name)), "Organization", name, p.doc_id, start, end, "discovered"
    )


def _generic_in_name(name: str, units: Sequence[str], generic: Sequence[str]) -> bool:
    """A generic word starts in ``name`` before the longest of ``units`` it ends with (克洛库斯城市: 城市;
    加兰巴国家公园 holds 国 only inside its unit)."""
    core = len(name) - max((len(u) for u in units if name.endswith(u)), default=0)
    return any(0 <= name.find(w) < core for w in generic)


@functools.cache
def _place_patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A place right after a known one: an administrative unit (…省/州/区), or a Latin-script name."""
    pd = vocab.cues["discovery"]["places"]
    # 尼日利亚中北部的克瓦拉州: a direction, and 的, may stand between the two
    # …or 的 alone (邦特兰的卡尔米斯克山区: a place inside the one named before it)
    skip = "(?:(?:" + "|".join(sorted(pd["skip_before"], key=len, reverse=True)) + ")的?|的)?"
    units = "(?:" + "|".join(sorted(pd["unit_suffixes"], key=len, reverse=True)) + ")"
    unit_name = re.compile(
        skip + r"([\u4e00-\u9fff]{2,6}?" + units + ")(?!" + "|".join(pd["unit_not_before"]) + ")"
    )
    latin_name = re.compile(skip + r"([A-Z][a-z]{2,}(?:[ -][A-Z][a-z]{2,})?)(?![A-Za-z])")
    return unit_name, latin_name


@functools.cache
def _located_patterns(
    vocab: Vocabulary,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A province or state after a place marker (在X省); the next item of a list of places (、X);
    inside such a list, its last item too (、X和Y); and a province or state after another (X省和Y省)."""
    pd = vocab.cues["discovery"]["places"]
    unit = re.compile(
        f"(?:{_alt(pd['located_before'])})"
        + r"([\u4e00-\u9fff]{2,5}?(?:"
        + _alt(pd["named_units"])
        + "))(?!"
        + "|".join(pd["unit_not_before"])
        + ")"
    )
    not_before = "|".join(pd["unit_not_before"])
    # an item is a name before a list's end (、鲁丘鲁和…), or a province or state (、塔威塔威省活动)
    # (never across a linker or 等: 、苏禄和塔威塔威等省 names 苏禄 and 塔威塔威)
    named_unit = (
        r"(?:(?![等和及与或])[\u4e00-\u9fff]){1,6}?(?:" + _alt(pd["named_units"]) + f")(?!{not_before})"
    )
    # a province or state first: 、梅塔省活动 names 梅塔省, not a five-character place before the comma
    name = f"({named_unit}|" + r"[\u4e00-\u9fff]{2,5}?(?=" + _alt(pd["list_item_ends"]) + "))"
    item = re.compile(f"(?:{_alt(pd['list_linkers'])})" + name)
    last = re.compile(f"(?:{_alt(pd['list_linkers'] + pd['list_last_linkers'])})" + name)
    # 南拉瑙省和北拉瑙省: after a province or state, the last item of a pair is one too
    pair = re.compile(f"(?:{_alt(pd['list_last_linkers'])})({named_unit})")
    return unit, item, last, pair


@functools.cache
def _listed_heading_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A name, its Latin name in capitals in brackets, and an alias word (别名)."""
    return re.compile(
        r"([\u4e00-\u9fff][\u4e00-\u9fff·-]{1,29})\s*\(([A-Z][A-Z0-9'’.&\- ]{2,80})\)\s*(?:"
        + _alt(words)
        + r")\s*[：:]?"
    )


@functools.cache
def _listing_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """A sentence opening with a name and its transliteration, then saying it was listed."""
    return re.compile(
        r"^\s*([\u4e00-\u9fff][\u4e00-\u9fff·-]{1,29})\s*\(([A-Z][A-Za-z0-9'’.&\- ]{2,80})\)"
        r"[^。；，]{0,40}?(?:" + _alt(words) + ")"
    )


def _listed_heading(
    text: str, raw: str, p: Passage, vocab: Vocabulary, free: Callable[[int, int], bool]
) -> list[Mention]:
    """The listed group a sanctions summary's heading names: the group an alias of its list names,
    if the vocabulary knows one, else a new one (QDe.142苏丹之地穆斯林支持者组织(JAMA'ATU …)别名：
    a) Ansaru；b) “安萨鲁”)."""
    disc = vocab.cues["discovery"]
    out: list[Mention] = []
    if _LATIN_IN_BRACKETS.search(text) is None:  # both patterns need Latin letters in brackets
        return out
    heading = _listed_heading_pattern(tuple(disc["listed_alias_words"]))
    listing = _listing_pattern(tuple(disc["listing_words"]))
    for m in (
        *(heading.finditer(text) if may_match(heading, text) else ()),
        *(listing.finditer(text) if may_match(listing, text) else ()),
    ):
        a, b = m.start(1), m.end(1)
        if vocab.lookup(m.group(1)) is not None or not free(a, b):
            continue
        rest = text[m.end() : m.end() + 160]
        cut = min((i for w in disc["listed_alias_ends"] if (i := rest.find(w)) >= 0), default=len(rest))
        known = [
            c
            for item in re.split(r"[；;]", rest[:cut])
            if (c := vocab.lookup(re.sub(r"^\s*[a-z]\)\s*", "", item).strip(' “”"‘’「」'))) is not None
            and c.kind == "TerroristGroup"
        ]
        cid = known[0].id if known else _stable_id("group", fold(m.group(1)))
        out.append(Mention(cid, "TerroristGroup", raw[a:b], p.doc_id, a, b, "discovered"))
    return out


def _ends_with_known(name: str, vocab: Vocabulary, kind: str, shortest: int = 4) -> bool:
    """The last ``shortest`` characters or more of ``name`` name a ``kind`` the vocabulary knows."""
    return any(
        (c := vocab.lookup(name[i:])) is not None and c.kind == kind
        for i in range(1, len(name) - shortest + 1)
    )


@functools.cache
def _listed_ref(refs: tuple[str, ...]) -> re.Pattern[str]:
    """A sanctions-list reference (QDe.140) ending right where a name starts."""
    return re.compile(f"(?:{_alt(refs)})\\s*\\d{{1,4}}\\s*$")


def _is_body(c: Concept | None) -> bool:
    return c is not None and c.kind in ("UNEntity", "Organization", "Programme")


#: The years a title ends with, in brackets (行动计划(2025-2030年), 战略(2021—2025)).
_TITLE_YEARS = re.compile(r"\s*[(（][0-9０-９]{4}\s*[-—–~至到]\s*[0-9０-９]{2,4}\s*年?[)）]$")


def _alt(words: Sequence[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@functools.cache
def _discovery_patterns(vocab: Vocabulary) -> dict[str, Any]:
    """The discovery patterns and word lists of ``[discovery]``, compiled once per vocabulary."""
    disc = vocab.cues["discovery"]
    cjk = "\u4e00-\u9fff"
    owned = _alt(disc["owned_programme_suffixes"])
    return {
        # …a verb among them with 者 after it is a noun (支持者, 参与者): a name may hold it
        "stop_verb": re.compile(rf"(?:{_alt(disc['name_stop_words'] + disc['name_left_stops'])})(?!者)"),
        # …and, inside quote marks, which bound the name, only the words of two characters or more
        # (“被俘者支持者团”: 被 opens no passive there)
        "quoted_stop_verb": re.compile(
            rf"(?:{_alt([w for w in disc['name_stop_words'] + disc['name_left_stops'] if len(w) > 1])})(?!者)"
        ),
        "anaphors": tuple(disc["anaphors"]),
        "acronym": re.compile(
            rf"([{cjk}]{{2,16}}?(?:{_alt(disc['programme_suffixes'] + disc['body_suffixes'])}))"
            r"\(([A-Z][A-Za-z-]{1,11})\)"
        ),
        "programme_verbs": re.compile(_alt(disc["programme_name_verbs"])),
        # a programme's name may list its aims (全球打击洗钱、犯罪收益和资助恐怖主义方案)
        "named_programme": re.compile(
            rf"(({_alt(disc['programme_prefixes'])})[{cjk}](?:[{cjk}]|、(?=[{cjk}])){{1,24}}?(?:{owned}))"
        ),
        "owned_programme": re.compile(
            rf"(?:{_alt(disc['programme_owner_heads'])})(?:[(（][^()（）]{{1,12}}[)）])?的?([{cjk}]{{2,14}}?(?:{owned}))"
        ),
        "pronoun_programme": re.compile(
            rf"(?:{_alt(disc['programme_owner_pronouns'])})"
            rf"((?:{_alt(disc['programme_name_openers'])})[{cjk}]{{2,12}}?(?:{owned}))"
        ),
        "launched_programme": re.compile(
            rf"(?:{_alt(disc['programme_launch_verbs'])})([{cjk}](?:[{cjk}]|、(?=[{cjk}])){{7,24}}?(?:{owned}))"
        ),
        # a heading that is a programme's name and nothing else (B. 边境安全和管理方案)
        "heading_programme": re.compile(rf"\s*([{cjk}](?:[{cjk}]|、(?=[{cjk}])){{3,28}}?(?:{owned}))\s*$"),
        "means_programme": re.compile(
            rf"(?:{_alt(disc['programme_means'])})([{cjk}](?:[{cjk}]|、(?=[{cjk}])){{1,20}}?(?:{owned}))"
        ),
        "established": re.compile(
            rf"(?:{_alt(disc['establish_verbs'])})(?:一个|一名|了)?([{cjk}]{{0,12}}?(?:{_alt(disc['established_suffixes'])}))"
        ),
        "quoted_title": re.compile(r"[“\"]([^“”\"]{4,60})[”\"]"),
        # an operation named by its code (该行动代号为“KAFO II”) or in quote marks with its head
        # (“触角行动”, “X”行动)
        "operation": re.compile(
            rf"(?:{_alt(disc['code_name_words'])})\s*[“\"‘「]([^“”\"‘’「」，。；]{{2,24}})[”\"’」]"
            rf"|[“\"‘「]([^“”\"‘’「」，。；]{{1,20}}?(?:{_alt(disc['operation_heads'])}))[”\"’」]"
            rf"|[“\"‘「]([^“”\"‘’「」，。；]{{2,20}})[”\"’」](?={_alt(disc['operation_heads'])})"
        ),
        "bracketed_group": re.compile(
            rf"((?:{_alt(disc['bracketed_group_heads'] + disc['bracketed_group_cued_heads'] + disc['bracketed_group_marked_heads'])}))"
            rf"[(（]([{cjk}]?[A-Z0-9][A-Za-z0-9\-]{{0,11}}|[{cjk}\-]{{2,8}})[)）]"
        ),
        "quoted_group": re.compile(rf"[“‘]([\w·\- ]{{2,20}}?)[”’]({_alt(disc['group_suffixes'])})?"),
        # what follows a quoted name that makes it a group: its own short form in Latin letters
        # (“3月23日运动”(M23)), or a group head, after 的 and a few words or at once (“X”联盟)
        "quoted_group_after": re.compile(
            r"\s*[(（][A-Z][A-Za-z0-9\-]{1,12}[)）]"
            + rf"|\s*[(（](?:{_alt(disc['alias_words'])})"  # “海湾氏族”(又称“…”): a name given another
            + rf"|(?:的[{cjk}]{{0,6}}?)?(?:{_alt(disc['quoted_group_after'])})"
        ),
        # 决议所设(的)委员会, 决议设立的专家小组, 决议所设关于…的安全理事会委员会
        "committee": re.compile(
            "决议(?:所设立的|所设的|所设|设立的)(?:关于[^，。；,;]{2,80}?的)?(?:安全理事会|安理会)?"
            f"({_alt(disc['committee_suffixes'])})"
        ),
        "un_body": re.compile(
            re.escape(disc["un_prefix"]) + rf"[{cjk}、]{{1,16}}?(?:{_alt(disc['un_suffixes'])})"
        ),
        "terror_near": re.compile(_alt(disc["terror_cues"] + disc["gain_cues"])),
        "province": re.compile(
            f"(?:{_alt(disc['province_parents'])})(?:[(（](?:{_alt(disc['province_parents'])})[)）])?(?:的)?"
            f"([{cjk}]{{2,6}}?)(?:{_alt(disc['province_heads'])})(?!份)"
        ),
        "branch": re.compile(
            f"(?:{_alt(disc['province_parents'])})([{cjk}]{{2,12}}?)(?:{_alt(disc['branch_heads'])})"
        ),
        "province_not_start": tuple(disc["province_not_start"]),
        "province_parents": tuple(disc["province_parents"]),
        "group_suffixes": tuple(sorted(disc["group_suffixes"], key=len, reverse=True)),
        "skip_before": tuple(disc["places"]["skip_before"]),
        "openers": tuple(disc["programme_name_openers"]),
        "not_programme_start": ("一项", "一个", "各", "本", "其", "该", "这", *disc["boundaries"]),
        # where a name starts, for _left_edge: after a boundary; also after a verb or an anaphor;
        # a group's name also after a descriptor (_group_stops)
        "boundary_stops": _stops(disc["boundaries"]),
        "name_stops": _stops(
            [*disc["boundaries"], *disc["name_stop_words"], *disc["name_left_stops"], *disc["anaphors"]]
        ),
        "group_stops": _stops(_group_stops(vocab)),
        "programme_suffixes": tuple(disc["programme_suffixes"]),
        "listed_ref": _listed_ref(tuple(disc["listed_group_refs"])),
        "convention_suffixes": tuple(disc["convention_suffixes"]),
        "bare_instrument": re.compile(
            f"(?:{_alt(disc['bare_instrument_verbs'])})(其)?([{cjk}]{{2,16}}?(?:{_alt(disc['bare_instrument_heads'])}))"
        ),
        "bare_instrument_not_start": tuple(disc["bare_instrument_not_start"]),
    }


#: The ``[discovery]`` lists :func:`discover` asks only whether a text holds a word of.
_PRESENCE_LISTS = ("owned_programme_suffixes", "terror_cues", "funding_cues", "gain_cues")


@functools.cache
def _cue_scan(vocab: Vocabulary) -> tuple[ahocorasick.Automaton, frozenset[str]]:
    """One automaton over the words of :data:`_PRESENCE_LISTS` (each word → the lists holding it),
    and the lists an empty word makes present in any text."""
    disc = vocab.cues["discovery"]
    lists: dict[str, set[str]] = {}
    for name in _PRESENCE_LISTS:
        for word in disc[name]:
            lists.setdefault(word, set()).add(name)
    automaton = ahocorasick.Automaton()
    for word, names in lists.items():
        if word:
            automaton.add_word(word, frozenset(names))
    automaton.make_automaton()
    return automaton, frozenset(lists.get("", ()))


def _cue_lists_in(text: str, vocab: Vocabulary) -> set[str]:
    """The lists of :data:`_PRESENCE_LISTS` with a word in ``text``, in one scan."""
    automaton, present = _cue_scan(vocab)
    out = set(present)
    for _end, names in automaton.iter(text) if len(automaton) else ():  # (an empty one cannot scan)
        out |= names
    return out


@functools.cache
def _group_stops(vocab: Vocabulary) -> tuple[str, ...]:
    """Where a group name starts: after a boundary, a verb or adverb, a phrase of uncertainty,
    an anaphor or a descriptor (lists checked when cues.toml loads, ``graph.cueschema``)."""
    disc = vocab.cues["discovery"]
    return tuple(
        disc["boundaries"]
        + disc["name_stop_words"]
        + disc["name_left_stops"]
        + disc["anaphors"]
        + disc["quoted_group_before"]
    )


@functools.cache
def _transliterated_patterns(
    vocab: Vocabulary,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A run of transliteration characters before one of the ends: after a place marker, right
    where it starts (after a country), and after a linker (the next item of the list)."""
    pd = vocab.cues["discovery"]["places"]
    chars = "[" + re.escape("".join(sorted(set(pd["transliteration"]) - set(" \n")))) + "]"
    run = (
        f"({chars}{{2,7}}(?:"
        + _alt(pd["transliterated_units"])
        + ")(?!"
        + "|".join(pd["unit_not_before"])
        + f")|{chars}{{3,5}}?(?="
        + _alt(pd["transliterated_ends"])
        + f")|{chars}{{2}}(?="
        + _alt(pd["transliterated_place_ends"])
        + "))"
    )
    linkers = _alt(pd["list_linkers"] + pd["list_last_linkers"])
    return (
        re.compile(f"(?:{_alt(pd['transliterated_after'])})" + run),
        re.compile(run),
        re.compile(f"(?:{linkers})" + run),
    )


def _transliterated_places(
    text: str, vocab: Vocabulary, places: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Towns outside the vocabulary written in transliteration characters where their position
    names a place (``transliteration`` in ``[discovery.places]``): after a place marker and before
    a word that ends a place phrase (在祖瓦拉和萨布拉塔为…), or right after a country (利比亚祖瓦拉)."""
    marked, bare, listed = _transliterated_patterns(vocab)
    found = [(m.start(1), m.end(1)) for m in marked.finditer(text)]
    for s, e in places:
        place = vocab.lookup(text[s:e])
        if place is not None and place.kind == "Country" and (m := bare.match(text, e)) is not None:
            found.append((m.start(1), m.end(1)))
    out: list[tuple[int, int]] = []
    while found:
        a, b = found.pop(0)
        if vocab.lookup(text[a:b]) is None and (a, b) not in out:
            out.append((a, b))
        if (m := listed.match(text, b)) is not None:
            found.append((m.start(1), m.end(1)))  # 在祖瓦拉和萨布拉塔: the list goes on
    return out


def _located_places(
    p: Passage,
    text: str,
    raw: str,
    vocab: Vocabulary,
    places: Sequence[tuple[int, int]],
    taken: Sequence[tuple[int, int]],
    clean: Callable[[str], bool],
    free: Callable[[int, int], bool],
) -> list[Mention]:
    """Places outside the vocabulary that their position names: a province or state after a place
    marker (在法利亚布省), and the items of a list that goes on after a place (赫尔曼德省、法利亚布省和…)."""
    pd = vocab.cues["discovery"]["places"]
    unit, item, last, pair = _located_patterns(vocab)
    out: list[Mention] = []
    spans = [(m.start(1), m.end(1)) for m in unit.finditer(text)]
    spans += _transliterated_places(text, vocab, places)
    if not spans and not places:
        return out  # no place to start a list from
    units = tuple(pd["named_units"])
    # a place listed after another (苏禄省、巴西兰省和…) goes on as a list
    known = sorted(
        {*places, *spans}, key=lambda se: se[1]
    )  # 在考卡省和乔科省: from a province found here too
    # 中非共和国东部、刚果民主共和国北部和卡菲亚金吉地区: the list goes on after a part of a place
    directions = tuple(sorted(pd["directions"], key=len, reverse=True))

    def past(e: int) -> int:
        return e + len(next((d for d in directions if text.startswith(d, e)), ""))

    starts = {past(e) + 1 for _s, e in known if text[past(e) : past(e) + 1] in pd["list_linkers"]}
    named = {s: past(e) for s, e in places}  # where a known place starts: its end (and its part's)
    closing = tuple(pd["list_closing_ends"])
    ends = [(past(e), s in starts) for s, e in known]
    while ends:
        e, listed = ends.pop(0)
        hit = (last if listed else item).match(text, e)
        if hit is None and not listed and text.endswith(units, 0, e):
            hit = pair.match(text, e)
        if hit is None and not listed and (h := last.match(text, e)) and text.startswith(closing, h.end(1)):
            hit = h  # 在塞卜哈和乌巴里周边: two places and the word that closes the place phrase
        if hit is not None and hit.start(1) in named:
            ends.append((named[hit.start(1)], True))  # 、刚果共和国和…: a known place, whole
        elif hit is not None and hit.start(1) not in {s for s, _e in spans}:
            spans.append((hit.start(1), hit.end(1)))
            ends.append((hit.end(1), True))  # the list goes on from the item found
    seen: set[tuple[int, int]] = set()
    for a, b in sorted(spans):
        name = text[a:b]
        if (a, b) in seen or vocab.lookup(name) is not None:
            continue
        core = name[: -len(u)] if (u := next((u for u in units if name.endswith(u)), "")) else name
        if not clean(name) or any(w in core for w in pd["generic"]) or not free(a, b):
            continue  # 巴迪亚沙漠 is a name, 沙漠地区 none
        if name.startswith(tuple(pd["skip_before"])):
            continue  # 在北部山区: a part of some place, no name
        if any(a < e2 and s2 < b for s2, e2 in taken):
            continue  # part of a name already found
        seen.add((a, b))
        out.append(
            Mention(_stable_id("region", fold(name)), "Region", raw[a:b], p.doc_id, a, b, "discovered")
        )
    return out


def _directed_units(
    p: Passage,
    text: str,
    vocab: Vocabulary,
    places: Sequence[tuple[int, int]],
    free: Callable[[int, int], bool],
) -> list[Mention]:
    """A unit named by a direction and a known region (南达尔富尔州, 西达尔富尔州): a place of its
    own, not the region it lies in."""
    pd = vocab.cues["discovery"]["places"]
    prefixes = tuple(pd["direction_prefixes"])
    units = sorted(pd["unit_suffixes"], key=len, reverse=True)
    out: list[Mention] = []
    for s, e in places:
        if s == 0 or not text.startswith(prefixes, s - 1):
            continue
        unit = next((u for u in units if text.startswith(u, e)), "")
        known = vocab.lookup(text[s:e])
        if (
            not unit
            or known is None
            or known.kind != "Region"
            or text.startswith(tuple(pd["unit_not_before"]), e + len(unit))
        ):
            continue
        a, b = s - 1, e + len(unit)
        if vocab.lookup(text[a:b]) is None and free(a, b):
            name = p.text[a:b]
            out.append(
                Mention(_stable_id("region", fold(name)), "Region", name, p.doc_id, a, b, "discovered")
            )
    return out


def _subsequence(short: str, name: str) -> bool:
    """Every character of ``short`` occurs in ``name`` in the same order (上帝军 in 上帝抵抗军)."""
    chars = iter(name)
    return all(ch in chars for ch in short)


def _bracketed_groups(
    text: str,
    raw: str,
    p: Passage,
    vocab: Vocabulary,
    pat: dict[str, Any],
    cued: bool,
    stops: _Stops,
    clean: Callable[[str], bool],
    free: Callable[[int, int], bool],
) -> list[Mention]:
    """Armed groups outside the vocabulary named with their short form in brackets."""
    out: list[Mention] = []
    if "(" not in text and "（" not in text:
        return out  # no short form in brackets
    disc = vocab.cues["discovery"]
    forces = tuple(vocab.cues["discovery"]["organizations"]["force_heads"])
    strong = tuple(disc["bracketed_group_heads"])
    marked = tuple(disc["bracketed_group_marked_heads"])
    for m in pat["bracketed_group"].finditer(text):
        head, short = m.group(1), m.group(2)
        if not cued and not head.endswith(strong) and head not in marked:
            continue  # (a marked head's own name is its cue: see below)
        latin = any("A" <= c <= "Z" for c in short)  # JMB, 新JMB: a short form in Latin letters
        end = m.end(1)
        start = _left_edge(text, end, stops, limit=16)
        # 回归、复原和复兴组织(3R): a Latin short form names all of a clause's opening words
        before = start
        while before > 1 and text[before - 1] in "、和与及":
            edge = _left_edge(text, before - 1, stops, limit=10)
            if edge >= before - 1:
                break
            before = edge
        if latin and before < start and (before == 0 or text[before - 1] in "，。；：,;:"):
            start = before
        name = text[start:end]
        if len(name) < 4 or name == head or not clean(name.replace("、", "").replace("和", "")):
            continue
        if not latin and not (_subsequence(short, name) and short != name):
            continue
        if head in marked and not any(w in name for w in disc["group_name_words"]):
            continue  # …团(X), …协会(Y): a group's only where its own name says so (认主独一团, 圣战者协会)
        if (
            (name.endswith(forces) and not head.endswith(strong))
            or vocab.lookup(name)
            or not free(start, end)
        ):
            continue
        if any(w in name[: -len(head)] for w in disc["generic"]) and not head.endswith(strong):
            continue
        out.append(
            Mention(
                _stable_id("group", fold(name)),
                "TerroristGroup",
                raw[start:end],
                p.doc_id,
                start,
                end,
                "discovered",
            )
        )
    return out


def discover(
    p: Passage,
    vocab: Vocabulary,
    taken: list[tuple[int, int]],
    matcher: Matcher,
    places: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """Names outside the vocabulary: groups near terrorism cues, UN offices, committees, treaties,
    and places written right after a known place (``places``: the spans of its mentions)."""
    raw = p.text
    text = fold(raw)  # same length: patterns match either script, surfaces keep the original
    out: list[Mention] = []
    disc = vocab.cues["discovery"]
    pat = _discovery_patterns(vocab)
    anaphors = pat["anaphors"]

    def clean(name: str) -> bool:
        """A name never takes in a verb, an adverb, a phrase of uncertainty or an anaphor
        (再次断然谴责基地组织, 这一组织 are no names)."""
        return not pat["stop_verb"].search(name) and not name.startswith(anaphors)

    def free(a: int, b: int) -> bool:
        """No partial overlap with a taken span (a candidate may contain one: 联合国 in 联合国…办事处)."""
        return all(b <= s or a >= e or (a <= s and e <= b and (a, b) != (s, e)) for s, e in taken)

    # places inside a known one: 阿富汗南部赫尔曼德省, 约贝州Potiskum (an administrative unit or a
    # name left in Latin script right after the place that contains it)
    pd = disc["places"]
    out += _directed_units(p, text, vocab, places, free)
    for _s, e in places:
        unit = next((u for u in pd["named_units"] if text.startswith(u, e)), "")
        e += len(unit)  # 邦特兰州巴里州: the unit after a known name (邦特兰) is part of it
        for pattern in _place_patterns(vocab):
            m = pattern.match(text, e)
            if m is None:
                continue
            a, b = m.start(1), m.end(1)
            name = text[a:b]
            known = vocab.lookup(name)
            if known is not None and known.kind in ("Country", "Region") and free(a, b):
                out.append(Mention(known.id, known.kind, raw[a:b], p.doc_id, a, b, "vocabulary"))
                break
            if (
                not clean(name)
                or (
                    "的"
                    in text[e:a]  # 邦特兰的卡尔米斯克山区: a province, state or mountains, by a proper name
                    and (
                        not name.endswith(tuple(pd["named_units"]))
                        or _common_stem(name, pd["unit_suffixes"], vocab)
                    )
                )
                or name
                in pd["unit_suffixes"]  # 棉兰老自治区: the unit of the known place, no place of its own
                or _generic_in_name(name, pd["unit_suffixes"], pd["generic"])
                or known is not None
                or name.startswith(pat["skip_before"])
                or not free(a, b)
                or any(a <= s2 < b for s2, _e2 in taken if (s2, _e2) != (a, b))
            ):
                continue
            out.append(
                Mention(_stable_id("region", fold(name)), "Region", raw[a:b], p.doc_id, a, b, "discovered")
            )
            break
    out += _located_places(
        p, text, raw, vocab, [*places, *((m.start, m.end) for m in out)], taken, clean, free
    )
    # 濒危物种公约秘书处: a known convention without 《》, then the body serving it
    bodies = tuple(disc["instrument_bodies"])
    for s, e in taken:
        head = next((h for h in bodies if text.startswith(h, e)), "")
        if (
            head
            and (known := vocab.lookup(text[s:e])) is not None
            and known.kind == "Convention"
            and free(s, e + len(head))
        ):
            out.append(_instrument_body(raw, p, s, e + len(head)))
    out += _bare_instruments(text, raw, p, vocab, taken, free)
    # treaties in 《》
    for m in TITLE.finditer(text):
        title = m.group(1).strip()
        concept = vocab.lookup(title)
        title = _TITLE_YEARS.sub("", title)  # 《…区域行动计划(2025-2030年)》: the suffix before the years
        head = next((h for h in bodies if text.startswith(h, m.end())), "")
        if head and free(m.start(), m.end() + len(head)):  # 《濒危物种公约》秘书处: the body serving it
            out.append(_instrument_body(raw, p, m.start(), m.end() + len(head)))
        if concept is not None:
            out.append(Mention(concept.id, concept.kind, m.group(0), p.doc_id, m.start(), m.end(), "title"))
        elif len(title) >= 4 and title.endswith(pat["convention_suffixes"]) and free(m.start(), m.end()):
            out.append(
                Mention(
                    _stable_id("convention", fold(title)),
                    "Convention",
                    raw[m.start() : m.end()],
                    p.doc_id,
                    m.start(),
                    m.end(),
                    "discovered",
                )
            )
        elif len(title) >= 4 and title.endswith(pat["programme_suffixes"]) and free(m.start(), m.end()):
            out.append(
                Mention(
                    _stable_id("programme", fold(title)),
                    "Programme",
                    raw[m.start() : m.end()],
                    p.doc_id,
                    m.start(),
                    m.end(),
                    "discovered",
                )
            )
    # programmes and bodies with a Latin acronym in brackets: 航空通信项目(AIRCOP)
    latin = _LATIN_IN_BRACKETS.search(text) is not None  # what the bracket patterns below need
    for m in pat["acronym"].finditer(text) if latin else ():
        start = _left_edge(text, m.end(1), pat["boundary_stops"], limit=16)
        name = text[start : m.end(1)]
        if len(name) < 4 or not clean(name) or vocab.lookup(name) or not free(start, m.end(1)):
            continue
        kind = "Programme" if name.endswith(pat["programme_suffixes"]) else "Organization"
        out.append(
            Mention(
                _stable_id(kind.lower(), fold(name)),
                kind,
                raw[start : m.end(1)],
                p.doc_id,
                start,
                m.end(1),
                "discovered",
            )
        )
    # programmes named right after the body that runs them: 毒品和犯罪问题办公室全球海事犯罪方案
    taken = [*taken]  # the programmes found here are taken for the patterns after (the caller's list is kept)

    def clean_programme(name: str) -> bool:
        """A programme's name may hold the verbs of its purpose (全球打击恐怖主义旅行方案)."""
        return clean(pat["programme_verbs"].sub("", name))

    # every programme pattern below ends in one of these suffixes: without one, none can match
    present = _cue_lists_in(text, vocab)
    programmes = "owned_programme_suffixes" in present
    at = 0
    while (
        programmes and (m := pat["named_programme"].search(text, at)) is not None
    ):  # 全球…方案: no owner before it
        name, a, b = m.group(1), m.start(1), m.end(1)
        at = m.end()
        if any(a <= s2 <= m.end(2) < e2 and _is_body(vocab.lookup(text[s2:e2])) for s2, e2 in taken):
            at = m.end(2)  # 联合国毒品和犯罪问题办公室…方案 is a body's programme: look on after the prefix
            continue
        if m.group(2) == disc["un_prefix"] and text.startswith(tuple(disc["un_not_after_prefix"]), m.end(2)):
            # 联合国系统各机构、基金和方案, 联合国各实体…方案: the system, not a programme's name
            at = m.end(2)
            continue
        if (
            len(name) >= 6
            and "的" not in name
            and clean_programme(name)
            and not vocab.lookup(name)
            and free(a, b)
        ):
            out.append(
                Mention(
                    _stable_id("programme", fold(name)), "Programme", raw[a:b], p.doc_id, a, b, "discovered"
                )
            )
            taken.append((a, b))
    if programmes and p.kind == "heading" and (h := pat["heading_programme"].match(text)) is not None:
        a, b = h.start(1), h.end(1)
        if not vocab.lookup(h.group(1)) and clean_programme(h.group(1)) and free(a, b):
            out.append(
                Mention(
                    _stable_id("programme", h.group(1)), "Programme", raw[a:b], p.doc_id, a, b, "discovered"
                )
            )
            taken.append((a, b))
    owned: list[tuple[re.Match[str], bool]] = []
    means: set[int] = set()
    if programmes:
        owned = [(m, True) for m in pat["owned_programme"].finditer(text)]
        owned += [(m, False) for m in pat["pronoun_programme"].finditer(text)]  # 实施其打击…方案
        means = {m.start(1) for m in pat["means_programme"].finditer(text)}  # 通过其X和Y方案
        owned += [(m, False) for m in pat["means_programme"].finditer(text)]
        launched = [m for m in pat["launched_programme"].finditer(text) if clean_programme(m.group(1))]
        means |= {m.start(1) for m in launched}  # 联合实施X联合方案: the verbs of its purpose are its name's
        owned += [(m, False) for m in launched]
    for m, after_owner in owned:
        name = m.group(1)
        a, b = m.start(1), m.end(1)
        if (
            len(name) < 4
            or "的" in name
            or name.startswith(pat["not_programme_start"])
            or "了" in name
            or "其" in name
            or not (a in means or clean(name) or (clean_programme(name) and name.startswith(pat["openers"])))
            or vocab.lookup(name)
            or _ends_with_known(name, vocab, "Programme")  # 扩大集装箱管制方案: a verb and a known name
            or not free(a, b)
            or (
                after_owner
                and not any(text[e : m.start(1)] in ("", "的", ")的", "）的") for _s, e in taken)
                and not text.endswith(anaphors, 0, m.start())  # 该办公室的…方案: a body named before
            )
        ):
            continue
        out.append(
            Mention(_stable_id("programme", fold(name)), "Programme", raw[a:b], p.doc_id, a, b, "discovered")
        )
    # programmes named after the place they serve: 萨赫勒方案 (a place, then the suffix at once)
    for a, e in places:
        suffix = next((x for x in disc["owned_programme_suffixes"] if text.startswith(x, e)), None)
        b = e + len(suffix) if suffix else e
        if suffix and not vocab.lookup(text[a:b]) and free(a, b):
            name = text[a:b]
            out.append(
                Mention(_stable_id("programme", name), "Programme", raw[a:b], p.doc_id, a, b, "discovered")
            )
    # bodies set up by the text itself: (决定)设立一个调查小组
    for m in pat["established"].finditer(text):
        name = m.group(1)
        if len(name) < 3 or name[0] in "和或的及与并" or not clean(name) or vocab.lookup(name):
            continue
        if not free(m.start(1), m.end(1)):
            continue
        out.append(
            Mention(
                _stable_id("un", fold(name)),
                "UNEntity",
                raw[m.start(1) : m.end(1)],
                p.doc_id,
                m.start(1),
                m.end(1),
                "discovered",
            )
        )
    # named reports and studies in quote marks: 关于“犯罪的全球化:对…威胁的评估”的一份新报告
    for m in pat["quoted_title"].finditer(text):
        title = m.group(1)
        after = text[m.end() : m.end() + 8]
        if (
            not any(h in after for h in disc["report_heads"])
            or vocab.lookup(title)
            or not free(m.start(1), m.end(1))
        ):
            continue
        if re.search(r"[，。；！？]", title) or not clean(title.split(":")[0].split("：")[0]):
            continue
        out.append(
            Mention(
                _stable_id("programme", fold(title)),
                "Programme",
                raw[m.start(1) : m.end(1)],
                p.doc_id,
                m.start(1),
                m.end(1),
                "discovered",
            )
        )
    # operations named by their code or in quote marks with their head: 代号为“KAFO II”, “触角行动”
    for m in pat["operation"].finditer(text) if _QUOTE.search(text) else ():  # each needs a quote mark
        g = next(i for i in (1, 2, 3) if m.group(i))
        a, b = m.start(g), m.end(g)
        if vocab.lookup(m.group(g)) or not free(a, b):
            continue
        out.append(
            Mention(
                _stable_id("programme", fold(m.group(g))), "Programme", raw[a:b], p.doc_id, a, b, "discovered"
            )
        )
        taken.append((a, b))
    # groups in quote marks near terrorism cues: “伊斯兰国”, 『博科哈拉姆』组织, ‘基地’组织
    cued = "terror_cues" in present
    if cued or "”(" in text or "”（" in text:
        for m in pat["quoted_group"].finditer(text):
            name = m.group(1)
            if not cued and not (  # “3月23日运动”(M23)控制了…: a group's name and its short form
                name.endswith(tuple(disc["group_suffixes"])) and _ACRONYM_AFTER.match(text, m.end())
            ):
                continue
            if (
                pat["quoted_stop_verb"].search(name)
                or name.startswith(anaphors)
                or name in disc["generic"]
                or name in disc["generic_cores"]
                or vocab.lookup(name)
            ):
                continue
            # a bool of its own: ``after`` is a str elsewhere in this function (compiled, a name
            # keeps one type)
            attested = (
                m.end(2) > m.start(2) >= 0 or pat["quoted_group_after"].match(text, m.end()) is not None
            )
            if not (
                attested
                or text[max(0, m.start() - 8) : m.start()].endswith(tuple(disc["quoted_group_before"]))
            ):
                continue
            if not attested and len(name) <= 2:
                continue  # 为恐怖团体“输血”: a word quoted after the head, two characters, no name

            if not re.search(r"[^\W\d_]", name) or name.strip() != name:
                continue  # a number, or a name with spaces at its ends, is no group's name
            if free(m.start(1), m.end(1)):
                out.append(
                    Mention(
                        _stable_id("group", fold(name)),
                        "TerroristGroup",
                        raw[m.start(1) : m.end(1)],
                        p.doc_id,
                        m.start(1),
                        m.end(1),
                        "discovered",
                    )
                )
    # a sanctions summary's heading: 名称(LATIN NAME)别名：a) …；b) …
    out += _listed_heading(text, raw, p, vocab, free)
    # armed groups named with their short form: 上帝抵抗军(上帝军), 回归、复原和复兴组织(3R)
    gained = cued or "funding_cues" in present  # …筹集资金: a group funds itself
    out += _bracketed_groups(text, raw, p, vocab, pat, gained, pat["name_stops"], clean, free)
    # committees named after the resolutions that set them up: 第N号决议所设委员会
    for m in pat["committee"].finditer(text) if "决议所设" in text or "决议设立的" in text else ():
        runs = [
            r for r in SC_RUN.finditer(text, max(0, m.start() - 120), m.start() + 2) if r.end() == m.start()
        ]
        if not runs:
            continue
        run = runs[-1]
        start = run.start()
        code, pos = body_before(text, start, vocab.symbol_bodies(), 6)
        if code == "S" and text[pos:start].strip() in ("安全理事会", "安理会"):
            start = pos
        elif council := next((c for c in ("安全理事会关于", "安理会关于") if text.endswith(c, 0, start)), ""):
            start -= len(council)  # 安全理事会关于第1988(2011)号决议所设委员会: one name
        elif topic := _COUNCIL_ON.search(text, max(0, start - 100), start):
            start = topic.start()  # 安全理事会关于海地的第2653(2022)号决议所设委员会: one name
        refs = tuple(
            resolution_entity("S", i.group(1), int(i.group(2)), vocab.symbol_bodies()).id
            for i in SC_ONE.finditer(text, run.start(), run.end())
        )
        # one name for either wording (所设, 设立的): 安全理事会第N号决议所设委员会
        label = "安全理事会" + re.sub(r"\s+", "", text[run.start() : m.start()]) + "决议所设" + m.group(1)
        known = (
            vocab.lookup(label)
            or vocab.lookup(text[start : m.end()])
            or vocab.lookup(label.removeprefix("安全理事会"))  # 第1973(2011)号决议所设专家小组
        )
        cid, method = (known.id, "pattern") if known else (_stable_id("un-committee", label), "discovered")
        out.append(Mention(cid, "UNEntity", text[start : m.end()], p.doc_id, start, m.end(), method, refs))
    # panels named after their topic: 青年党问题专家小组, 关于海地的专家小组
    out += _topic_panels(text, raw, p, vocab, free)
    # UN offices and missions: 联合国…办事处
    for m in pat["un_body"].finditer(text):
        label = m.group(0)
        if (
            free(m.start(), m.end())
            and clean(label)
            and not label[3:].startswith(tuple(disc["un_not_after_prefix"]))
        ):
            out.append(
                Mention(
                    _stable_id("un", label),
                    "UNEntity",
                    raw[m.start() : m.end()],
                    p.doc_id,
                    m.start(),
                    m.end(),
                    "discovered",
                )
            )
    # terrorist groups: …阵线 / …运动 near terrorism cues
    if cued or "gain_cues" in present:
        for suffix in pat["group_suffixes"]:
            if suffix not in text:
                continue
            for m in re.finditer(re.escape(suffix), text):
                end = m.end()
                start = _left_edge(text, m.start(), pat["group_stops"])
                if (
                    m.start() - start < 2
                    or text.startswith("犯罪", end)
                    or not pat["terror_near"].search(text, max(0, start - 20), end + 20)
                ):
                    continue  # no name the cut below can leave passes the checks after it
                while start < m.start() and not matcher.is_cut(text, start):
                    start += 1
                name = text[start:end]
                core = name[: -len(suffix)]
                if (
                    len(core) < 2
                    or core in disc["generic_cores"]
                    or any(g in core for g in disc["generic"])
                    or text.startswith("犯罪", end)
                ):
                    continue
                near = text[max(0, start - 20) : end + 20]
                if not clean(name) or not pat["terror_near"].search(near):
                    continue
                if (
                    vocab.lookup(name)
                    or vocab.lookup(core)
                    or _ends_with_known(name, vocab, "TerroristGroup")
                ):
                    continue  # …所得转交基地组织: words before a known group are no part of its name
                if free(start, end):
                    out.append(
                        Mention(
                            _stable_id("group", fold(name)),
                            "TerroristGroup",
                            raw[start:end],
                            p.doc_id,
                            start,
                            end,
                            "discovered",
                        )
                    )
    # a group's province (伊黎伊斯兰国大裂谷省): a group of its own, wherever it stands
    for m in pat["province"].finditer(text):
        a, b = m.start(), m.end()
        name = m.group(1)
        if (
            "的" in name
            or name.startswith(pat["province_not_start"])
            or name.startswith(pat["province_parents"])  # 效忠于伊黎伊斯兰国的伊斯兰国西非省: two names
            or not clean(name)
        ):
            continue
        if vocab.lookup(text[a:b]) or not free(a, b):
            continue
        out.append(
            Mention(_stable_id("group", text[a:b]), "TerroristGroup", raw[a:b], p.doc_id, a, b, "discovered")
        )
    # a group's branch named after a place it knows (伊拉克和黎凡特伊斯兰国索马里分支)
    for m in pat["branch"].finditer(text):
        a, b = m.start(), m.end()
        place = vocab.lookup(m.group(1))
        if (
            place is None
            or place.kind not in ("Country", "Region")
            or vocab.lookup(text[a:b])
            or not free(a, b)
        ):
            continue
        out.append(
            Mention(_stable_id("group", text[a:b]), "TerroristGroup", raw[a:b], p.doc_id, a, b, "discovered")
        )
    out += _defined_names(text, raw, p, vocab, clean, free, {e for _s, e in taken})
    # governments, forces and ministries named after a place, institutes and centres (orgs.py)
    name_stops = pat["name_stops"]
    listed = pat["listed_ref"]
    out += [
        Mention(
            _stable_id(prefix, text[f.start : f.end]),
            kind,
            raw[f.start : f.end],
            p.doc_id,
            f.start,
            f.end,
            "discovered",
            f.refs,
        )
        for f in orgs.find(
            text,
            vocab,
            places,
            free,
            clean,
            lambda end: _left_edge(text, end, name_stops, limit=16),
            lambda at: matcher.is_cut(text, at),
        )
        # QDe.140穆罕默德·贾迈勒网络: a name on the sanctions list is a listed group
        for prefix, kind in [
            ("group", "TerroristGroup")
            if listed.search(text, max(0, f.start - 16), f.start)
            else ("organization", "Organization")
        ]
    ]
    return out


# ---------------------------------------------------------------- merging and alias learning


#: A short form in Han characters in brackets (区域稳定基金), right after the name it shortens.
_HAN_SHORT_FORM = re.compile(r"[(（]([\u4e00-\u9fff]{2,10})[)）]")


def _defined_names(
    text: str,
    raw: str,
    p: Passage,
    vocab: Vocabulary,
    clean: Callable[[str], bool],
    free: Callable[[int, int], bool],
    known_ends: set[int],
) -> list[Mention]:
    """A programme or body the text names with its own short form in brackets, the short form's
    characters taken from the name in order (开发署管理的乍得湖区域稳定基金(区域稳定基金)): a
    name the author defines is a name, whatever smaller names it holds — unless a known name
    ends right at the bracket (``known_ends``): then the short form is that name's."""
    if "(" not in text and "（" not in text:
        return []
    disc = vocab.cues["discovery"]
    pat = _discovery_patterns(vocab)
    stops, aims = pat["boundary_stops"], pat["programme_verbs"]
    programme_heads = tuple(disc["programme_suffixes"])
    heads = (*programme_heads, *disc["body_suffixes"], *disc["un_suffixes"])
    out: list[Mention] = []
    for m in _HAN_SHORT_FORM.finditer(text):
        short, end = m.group(1), m.start()
        if end in known_ends or not text.endswith(heads, 0, end) or vocab.lookup(short) is not None:
            continue
        start = _left_edge(text, end, stops, limit=20)
        while start > 1 and text[start - 1] in "/／" and _is_han(text[start - 2]):
            start = _left_edge(text, start - 1, stops, limit=20)  # 达伊沙/伊黎伊斯兰国: one name
        if (at := text.find(disc["un_prefix"], start + 1, end)) > 0:
            start = at  # 我欢迎联合国…调查组(调查组): the name opens with 联合国
        name = text[start:end]
        if (
            len(name) <= len(short)
            or short[-1] != name[-1]  # a short form keeps its name's head (开发署, 建和基金)
            or not _subsequence(short, name)
            or not clean(aims.sub("", name))  # 联合国促进…调查组: the verbs of its aim
            or vocab.lookup(name) is not None
            or not free(start, end)
        ):
            continue
        kind = (
            "Programme"
            if name.endswith(programme_heads)
            else "UNEntity"
            if name.startswith(disc["un_prefix"])  # 联合国…调查组(调查组): a UN body
            else "Organization"
        )
        prefix = {"Programme": "programme", "UNEntity": "un", "Organization": "organization"}[kind]
        out.append(
            Mention(_stable_id(prefix, fold(name)), kind, raw[start:end], p.doc_id, start, end, "discovered")
        )
    return out


def _merge(candidates: list[Mention]) -> list[Mention]:
    """Longest first, earlier source first, then the one that ends later (a name's head is at its
    right: 安理会反恐怖主义委员会执行局 is the Directorate, not the Committee); drop any candidate
    that overlaps a kept one."""
    priority = {"pattern": 0, "vocabulary": 1, "title": 1, "alias": 2, "phrase": 1, "discovered": 3}
    kept: list[Mention] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in sorted(
        candidates, key=lambda m: (-(m.end - m.start), priority.get(m.method, 9), -m.start, m.concept)
    ):
        i = bisect.bisect_right(starts, m.start)
        if (i > 0 and ends[i - 1] > m.start) or (i < len(starts) and starts[i] < m.end):
            continue  # overlaps the kept span on its left or right
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


#: A short form in brackets, matched where a name ends (``match(text, end)``).
_ALIAS = re.compile(r"\((又称|简称|以下简称|下称|下文简称)?\s*[“\"]?([^()“”\"，。、；]{2,20}?)[”\"]?\)")


#: A discovered organization's Latin name in brackets right after its Chinese one (names of
#: several words; acronyms go through ``_ALIAS``).
_LATIN_NAME = re.compile(rf"\(({orgs.LATIN_NAME})\)")


_ALIAS_CLOSE = re.compile(r"[”\"’」]?\s*[)）]")


@functools.cache
def _alias_patterns(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What opens another name in brackets: ``(``, an alias word (又称, 当地称为…) a few words in,
    and a quote; and a bracket that opens a short form or another name (``(``, ``(通称“``)."""
    words = "|".join(map(re.escape, sorted(vocab.cues["discovery"]["alias_words"], key=len, reverse=True)))
    word = rf"[^()，。；]{{0,4}}?(?:{words})\s*[“\"‘「]?"
    return re.compile(rf"\s*[(（]{word}\s*$"), re.compile(rf"[(（](?:{word})?\s*$")


def _bracketed_aliases(text: str, ms: list[Mention], vocab: Vocabulary) -> list[Mention]:
    """A group's name in brackets after an alias word, right after another group's name, is that
    group's (伊黎伊斯兰国莫桑比克省(当地称为“青年党”): the province, not the Somali group)."""
    out = list(ms)
    for i in range(1, len(out)):
        before, m = out[i - 1], out[i]
        if (
            before.kind == m.kind == "TerroristGroup"
            and before.concept != m.concept
            and _alias_patterns(vocab)[0].match(text, before.end, m.start)
        ):
            out[i] = dataclasses.replace(m, concept=before.concept, method="alias")
    return out


def learn_aliases(
    passages: Iterable[Passage], found: Iterable[Sequence[Mention]], vocab: Vocabulary
) -> dict[str, str]:
    """Aliases a document defines itself: 全称(简称) → {简称: concept}; a discovered organization's
    Latin name in brackets is one too.

    >>> v = __import__("graph.vocab").vocab.load()
    >>> p = Passage("d", "1", 1, 0, 0, "联合国毒品和犯罪问题办公室(禁毒署)")
    >>> learn_aliases([p], [[Mention("un-unodc", "UNEntity", "", "d", 0, 13, "vocabulary")]], v)
    {'禁毒署': 'un-unodc'}
    """
    learned: dict[str, str] = {}
    remarks = tuple(vocab.cues["discovery"]["remark_openers"])
    for p, mentions in zip(passages, found, strict=True):
        for m in mentions:
            if m.kind in ("Resolution", "Document"):
                continue
            latin = _LATIN_NAME.match(p.text, m.end)
            if latin and m.method == "discovered" and m.kind == "Organization":
                # a Latin name, (Sahel Institute for Security Studies)
                if vocab.lookup(latin.group(1)) is None:
                    learned.setdefault(fold(latin.group(1)), m.concept)
                continue
            am = _ALIAS.match(p.text, m.end)
            if not am:
                continue
            marked, short = am.group(1), am.group(2).strip()
            if re.fullmatch(r"[\d\s年月日./-]+", short) or short.isdigit():
                continue
            if not marked and short.startswith(remarks):
                continue  # 减少社区暴力方案(例如在马里): a remark on the name, not its short form
            if not marked and (
                len(short) > m.end - m.start
                or (re.search(r"\d", short) and re.search(r"[\u4e00-\u9fff]", short))
            ):
                continue  # 菲律宾(后续会议于2012年2月举行): a remark in brackets, longer than the name, is no short form
            if not (
                sum(1 for c in short if "\u4e00" <= c <= "\u9fff") >= 2
                or re.fullmatch(r"[A-Z][A-Za-z-]{1,11}", short)
            ):
                continue
            known = vocab.lookup(short)
            if known is not None and known.id != m.concept:
                continue
            learned.setdefault(fold(short), m.concept)
    return learned


#: The name heads, by kind, that a full name before a known short form in brackets ends with.
_HEADS_BY_KIND = {
    "UNEntity": ("un_suffixes", "body_suffixes"),
    "Organization": ("un_suffixes", "body_suffixes"),
    "Programme": ("programme_suffixes",),
    "Convention": ("convention_suffixes",),
    "TerroristGroup": ("group_suffixes",),
}


@functools.cache
def _alias_heads(vocab: Vocabulary, kind: str) -> tuple[str, ...]:
    """The name heads of ``kind`` (``[discovery]`` lists, by ``_HEADS_BY_KIND``)."""
    d = vocab.cues["discovery"]
    return tuple(h for key in _HEADS_BY_KIND.get(kind, ()) for h in d[key])


def _named_before_alias(text: str, ms: list[Mention], vocab: Vocabulary, reach: int = 30) -> list[Mention]:
    """A full name the vocabulary does not hold, right before a short form it does hold in brackets
    (非洲联盟索马里过渡时期特派团(非索过渡特派团)), names the short form's entity: one mention over
    the full name replaces the places and partial names found inside it.

    >>> v = __import__("graph.vocab").vocab.load()
    >>> t = "非洲联盟索马里过渡时期特派团(非索过渡特派团)"
    >>> ms = [Mention("org-african-union", "Organization", "非洲联盟", "d", 0, 4, "vocabulary"),
    ...       Mention("country-som", "Country", "索马里", "d", 4, 7, "vocabulary"),
    ...       Mention("org-atmis", "Organization", "非索过渡特派团", "d", 15, 22, "vocabulary")]
    >>> [(m.concept, m.surface) for m in _named_before_alias(t, ms, v)]
    [('org-atmis', '非洲联盟索马里过渡时期特派团'), ('org-atmis', '非索过渡特派团')]
    """
    if "(" not in text and "（" not in text:
        return ms  # no short form in brackets
    d = vocab.cues["discovery"]
    out = list(ms)
    folded = fold(text)  # the words are simplified; fold keeps every offset
    for k in ms:
        heads = _alias_heads(vocab, k.kind)
        if not heads or not _ALIAS_CLOSE.match(text, k.end):
            continue  # (most mentions) no bracket closes right after it
        opened = _alias_patterns(vocab)[1].search(text, max(0, k.start - 10), k.start)
        paren = opened.start() if opened else -1
        if paren < 1:
            continue
        start = _left_edge(folded, paren, _discovery_patterns(vocab)["boundary_stops"], reach)
        for word in (*d["name_stop_words"], *d["name_left_stops"]):  # 安理会欢迎…: not in the name
            at = folded.rfind(word, start, paren)
            if at >= 0 and not folded.startswith("者", at + len(word)):  # 支持者: a noun, no verb
                start = max(start, at + len(word))
        found = next((m for m in out if m.end == paren and m.method == "discovered"), None)
        if found is not None:  # a name discovery found whole: it is the short form's entity
            start = min(start, found.start)
        name = text[start:paren]
        if len(name) < 4 or not folded[start:paren].endswith(heads):
            continue
        inside = [m for m in out if start <= m.start and m.end <= paren]
        if any(
            m.concept == k.concept
            or (
                (m.start == start and m.end == paren)
                and m.kind in _HEADS_BY_KIND
                and m.method != "discovered"
            )
            for m in inside
        ):
            continue  # the full name is known already (as this entity or as another body)
        out = [m for m in out if m not in inside]
        out.append(Mention(k.concept, k.kind, name, k.doc_id, start, paren, "alias"))
    return sorted(out, key=lambda m: (m.start, -m.end))


class _Learned:
    """The names a document taught (name → concept), found in a text in one Aho-Corasick scan."""

    def __init__(self, learned: dict[str, str]) -> None:
        self.learned = learned
        self.automaton = ahocorasick.Automaton()
        for k, (alias, cid) in enumerate(learned.items()):
            if alias:
                self.automaton.add_word(alias, (k, len(alias), cid))
        self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, concept) of every occurrence, overlapping ones too: name by name in the
        order learned, each from left to right."""
        key = fold(text)
        if "" in self.learned:  # (no name is empty; were one, it would occur everywhere, as str.find has it)
            return _find_each(key, self.learned)
        if not len(self.automaton):  # (an empty automaton cannot scan)
            return []
        hits = sorted((k, end + 1 - n, end + 1, cid) for end, (k, n, cid) in self.automaton.iter(key))
        return [(start, end, cid) for _k, start, end, cid in hits]


def _find_each(key: str, learned: dict[str, str]) -> list[tuple[int, int, str]]:
    """:meth:`_Learned.find` name by name, with ``str.find``."""
    hits = []
    for alias, cid in learned.items():
        start = key.find(alias)
        while start >= 0:
            hits.append((start, start + len(alias), cid))
            start = key.find(alias, start + 1)
    return hits


@functools.cache
def _direction_pattern(vocab: Vocabulary) -> tuple[tuple[str, ...], re.Pattern[str]]:
    pd = vocab.cues["discovery"]["places"]
    directions = tuple(sorted(pd["directions"], key=len, reverse=True))
    linkers = "|".join(sorted(map(re.escape, pd["direction_linkers"]), key=len, reverse=True))
    return directions, re.compile(f"(?:{linkers})({'|'.join(directions)})")


def _elided_places(text: str, ms: Sequence[Mention], vocab: Vocabulary) -> list[Mention]:
    """The other parts of a place named after it with the place left out: in 索马里中部和南部,
    南部 is 索马里南部 (when the vocabulary knows it). The surface is the direction alone, so it is
    not kept as a label."""
    directions, pattern = _direction_pattern(vocab)
    out: list[Mention] = []
    for m in ms:
        if m.kind not in ("Country", "Region") or not m.surface.endswith(directions):
            continue
        ending = next((d for d in directions if m.surface.endswith(d) and len(m.surface) > len(d)), None)
        if ending is None:
            continue
        base, end = m.surface[: -len(ending)], m.end
        while (g := pattern.match(text, end)) is not None:
            concept = vocab.lookup(base + g.group(1))
            if concept is None or concept.kind not in ("Country", "Region"):
                break
            out.append(
                Mention(concept.id, concept.kind, g.group(1), m.doc_id, g.start(1), g.end(1), "elided")
            )
            end = g.end()
    return out


@functools.cache
def _run_on_pattern(vocab: Vocabulary) -> re.Pattern[str]:
    d = vocab.cues["discovery"]
    chars = re.escape("".join(sorted(set(d["places"]["transliteration"]) - set(" \n"))))
    return re.compile(f"[{chars}]{{1,3}}(?:{_alt(d['name_runs_into'])})")


def _runs_on(text: str, m: Mention, vocab: Vocabulary) -> bool:
    """A known group's name that runs on in transliteration into a group head (安萨鲁 in 安萨鲁拉团):
    the text names another group there."""
    return (
        m.kind == "TerroristGroup"
        and m.method == "vocabulary"
        and m.surface[-1:] in vocab.cues["discovery"]["places"]["transliteration"]
        and _run_on_pattern(vocab).match(text, m.end) is not None
    )


def _bare_instruments(
    text: str,
    raw: str,
    p: Passage,
    vocab: Vocabulary,
    taken: Sequence[tuple[int, int]],
    free: Callable[[int, int], bool],
) -> list[Mention]:
    """A strategy or plan of action named without 《》 as what is implemented (执行其执法和打击偷猎
    战略, 执行西非经共体的反恐战略): an instrument of its own."""
    pat = _discovery_patterns(vocab)
    out: list[Mention] = []
    for m in pat["bare_instrument"].finditer(text):
        a, b = m.start(2), m.end(2)
        owner = next((e for s, e in taken if s == a and text.startswith("的", e)), None)
        core = text[owner + 1 : b] if owner is not None else text[a:b]
        # a name of its own: its owner's (其, X的) or opening with a known name (萨赫勒区域战略);
        # 实施边境管理战略 names a kind of strategy, no instrument
        owned = owner is not None or m.start(1) >= 0 or any(s == a for s, _e in taken)
        if (
            core.startswith(pat["bare_instrument_not_start"])
            or "的" in core
            or not owned
            or (owner is None and len(core) < 5)
            or vocab.lookup(text[a:b]) is not None
            or not free(a, b)
        ):
            continue
        name = raw[a:b]
        out.append(
            Mention(_stable_id("convention", fold(name)), "Convention", name, p.doc_id, a, b, "discovered")
        )
    return out


@functools.cache
def _run_chars(vocab: Vocabulary) -> frozenset[str]:
    """Transliteration characters that may run on before a known place (no direction)."""
    pd = vocab.cues["discovery"]["places"]
    return frozenset(set(pd["transliteration"]) - set(" \n") - set("".join(pd["direction_prefixes"])))


def _longer_places(p: Passage, ms: Sequence[Mention], vocab: Vocabulary) -> list[Mention]:
    """A known place written at the end of a longer transliterated name (穆杜格 in 加勒穆杜格): the
    longer name is a place of its own. The run before it is two or three transliteration
    characters, no direction, and no other name ends where the known one starts."""
    chars = _run_chars(vocab)
    ends = {m.end for m in ms}
    out: list[Mention] = []
    for m in ms:
        if m.kind not in ("Country", "Region") or m.method != "vocabulary" or m.start in ends:
            continue
        a = m.start
        while a > 0 and m.start - a < 3 and p.text[a - 1] in chars:
            a -= 1
        if m.start - a >= 2 and (a == 0 or p.text[a - 1] not in chars):
            name = p.text[a : m.end]
            if vocab.lookup(name) is None:
                out.append(
                    Mention(
                        _stable_id("region", fold(name)), "Region", name, p.doc_id, a, m.end, "discovered"
                    )
                )
    return out


def _country_parts(p: Passage, ms: Sequence[Mention], vocab: Vocabulary) -> list[Mention]:
    """A country the vocabulary knows, then a direction (布基纳法索东部, 马里西南部): that part of the
    country is a place of its own where the vocabulary has no name for it."""
    directions, _pattern = _direction_pattern(vocab)
    out: list[Mention] = []
    for m in ms:
        if m.kind != "Country" or m.method != "vocabulary":
            continue
        d = next((d for d in directions if p.text.startswith(d, m.end)), "")
        name = p.text[m.start : m.end + len(d)]
        if (
            d
            and vocab.lookup(name) is None
            and not p.text.startswith(
                tuple(vocab.cues["discovery"]["places"]["country_part_not_before"]), m.end + len(d)
            )
        ):
            out.append(
                Mention(
                    _stable_id("region", fold(name)),
                    "Region",
                    name,
                    p.doc_id,
                    m.start,
                    m.end + len(d),
                    "discovered",
                )
            )
    return out


def country_of_part(label: str, vocab: Vocabulary) -> str:
    """The country a place named as a country and a direction (布基纳法索东部) is part of, or ""."""
    directions, _pattern = _direction_pattern(vocab)
    d = next((d for d in directions if label.endswith(d) and len(label) > len(d)), "")
    whole = vocab.lookup(label[: -len(d)]) if d else None
    return whole.id if whole is not None and whole.kind == "Country" else ""


def _language(text: str, m: Mention, vocab: Vocabulary) -> bool:
    """A place name that names a language (葡萄牙文, 西班牙语), not the place.

    >>> from graph.vocab import load
    >>> t = "以阿拉伯文和葡萄牙文提供，并介绍西班牙文化"
    >>> [_language(t, Mention("c", "Country", t[a:b], "d", a, b, "vocabulary"), load()) for a, b in ((6, 9), (16, 19))]
    [True, False]
    """
    if m.kind not in ("Country", "Region"):
        return False
    return text.startswith(tuple(vocab.cue("languages", "suffixes")), m.end) and not text.startswith(
        tuple(vocab.cue("languages", "words_after")), m.end
    )


def _unprefixed_programmes(found: list[list[Mention]], prefixes: tuple[str, ...]) -> list[list[Mention]]:
    """A programme discovered under its full name (联合国反恐怖主义旅行方案) and elsewhere in the
    document without the prefix (反恐怖主义旅行方案, a heading) is one programme: the full name's."""
    full = {
        fold(m.surface): m.concept
        for ms in found
        for m in ms
        if m.kind == "Programme" and m.method == "discovered" and fold(m.surface).startswith(prefixes)
    }
    if not full:
        return found
    same = {
        m.concept: cid
        for ms in found
        for m in ms
        if m.kind == "Programme" and m.method == "discovered"
        for w in prefixes
        if (cid := full.get(w + fold(m.surface))) is not None and cid != m.concept
    }
    if not same:
        return found
    return [[dataclasses.replace(m, concept=same.get(m.concept, m.concept)) for m in ms] for ms in found]


@functools.cache
def entity_of(vocab: Vocabulary, cid: str) -> Entity:
    """A vocabulary concept's entity, made once (an entity is immutable: documents share it)."""
    return vocab.concepts[cid].entity()


@functools.cache
def _kinds(vocab: Vocabulary) -> dict[str, str]:
    """Each concept's class (read only)."""
    return {cid: c.kind for cid, c in vocab.concepts.items()}


def document_mentions(
    passages: Sequence[Passage], vocab: Vocabulary
) -> tuple[list[list[Mention]], dict[str, Entity]]:
    """Mentions of every passage of one document, and the entities they name."""
    matcher = matcher_for(vocab)
    kinds = _kinds(vocab)
    bodies = vocab.symbol_bodies()
    first: list[list[Mention]] = []
    entities: dict[str, Entity] = {}
    for p in passages:
        cands = resolution_mentions(p, bodies)
        cands += [
            Mention(ent.id, ent.kind, m.group(0), p.doc_id, m.start(), m.end(), "pattern")
            for m in (SIMPLE_SYMBOL.finditer(p.text) if "/" in p.text else ())  # a symbol has a slash
            if (
                ent := parse_symbol(
                    m.group(0) if not m.group(0).startswith("PRST") else "S/" + m.group(0), bodies
                )
            )
            and (ent.kind == "Document" or ent.id.startswith("res-s-prst-"))
        ]
        cands += [
            Mention(cid, kinds[cid], p.text[s:e], p.doc_id, s, e, "vocabulary")
            for s, e, cid in matcher.find(p.text)
        ]
        cands += _crime_phrases(p, vocab)
        merged = [m for m in _merge(cands) if not _runs_on(p.text, m, vocab)]
        places = [(m.start, m.end) for m in merged if m.kind in ("Country", "Region")]
        if discovered := discover(p, vocab, [(m.start, m.end) for m in merged], matcher, places):
            merged = _merge(merged + discovered)
        merged = [_established_by(_with_place_prefix(m, matcher, kinds), bodies) for m in merged]
        if elided := _elided_places(p.text, merged, vocab):
            merged = _merge(merged + elided)
        if parts := _country_parts(p, merged, vocab):
            merged = _merge(merged + parts)
        if longer := _longer_places(p, merged, vocab):
            merged = _merge(merged + longer)
        if parts := shared_heads(p, merged, vocab):
            merged = _merge(merged + parts)
        merged = [m for m in merged if not _language(p.text, m, vocab)]
        first.append(_bracketed_aliases(p.text, _named_before_alias(p.text, merged, vocab), vocab))
    first = _unprefixed_programmes(first, tuple(vocab.cues["discovery"]["programme_prefixes"]))
    first = _date_yearless_resolutions(passages, first, vocab)
    first = _specialise_in_paragraphs(passages, first, vocab)
    learned = learn_aliases(passages, first, vocab)
    sought = dict(learned)
    for ms in first:  # a full name given before a known short form (X(联海综合办)) is that body everywhere
        for m in ms:
            if m.method == "alias" and m.kind not in ("TerroristGroup", "Resolution") and len(m.surface) >= 4:
                sought.setdefault(fold(m.surface), m.concept)
    for ms in first:  # a name found once by its pattern (武装团体“X”) is the same entity wherever it recurs
        for m in ms:
            name = fold(m.surface.strip('《》“”‘’"'))
            if m.method == "discovered" and m.kind in _RECURRING and len(name) >= 3:
                sought.setdefault(name, m.concept)
    result: list[list[Mention]] = []
    found_learned = _Learned(sought)
    units = tuple(vocab.cues["discovery"]["places"]["droppable_units"])
    suffixes = (*vocab.cues["discovery"]["places"]["unit_suffixes"], *units)
    for p, merged in zip(passages, first, strict=True):
        extra = [
            Mention(cid, _kind_of(cid, kinds, first), p.text[s:e], p.doc_id, s, e, "alias")
            for s, e, cid in found_learned.find(p.text)
            if not any(m.concept == cid and m.start <= s and e <= m.end for m in merged)
        ]
        final = _merge(merged + extra) if extra else merged
        result.append(final)
        for m in final:
            for ref in m.refs:
                if ref in entities:
                    continue
                if ref in vocab.concepts:
                    entities[ref] = entity_of(vocab, ref)
                elif ref_ent := entity_from_resolution_id(ref, bodies):
                    entities[ref] = ref_ent
            if m.concept in entities:
                continue
            if m.concept in vocab.concepts:
                entities[m.concept] = entity_of(vocab, m.concept)
            elif m.kind == "Resolution":
                ent = entity_from_resolution_id(m.concept, bodies)
                if ent:
                    entities[m.concept] = ent
            elif m.kind == "Document":
                ent = parse_symbol(
                    m.surface if not m.surface.startswith("PRST") else "S/" + m.surface, bodies
                )
                if ent:
                    entities[m.concept] = ent
            else:
                # one Simplified label without title marks (《公约》秘书处); the surface stays a hidden label
                label = fold(m.surface.strip('《》“”‘’"'))
                if label.count("》") > label.count("《"):
                    label = label.replace("》", "", 1)
                if m.concept.startswith("un-committee-") and not label.startswith(("安全理事会", "安理会")):
                    label = "安全理事会" + re.sub(r"\s+", "", label)
                short = [a for a, c in learned.items() if c == m.concept] + short_titles(label)
                unit = max((u for u in suffixes if label.endswith(u)), key=len, default="")
                if m.kind == "Region" and unit in units and len(label) - len(unit) >= 2:
                    short.append(label[: -len(unit)])  # 克尔曼市 is 克尔曼 too, 卡耶斯区 卡耶斯
                entities[m.concept] = Entity(
                    m.concept, m.kind, label, discovered=True, alt_labels=tuple(sorted(set(short)))
                )
    return result, entities


def short_titles(title: str) -> list[str]:
    """The main title of a "main: subtitle" title, as an alias.

    >>> short_titles("犯罪的全球化:跨国有组织犯罪威胁评估")
    ['犯罪的全球化']
    """
    head = re.split(r"[:：]", title, maxsplit=1)[0].strip()
    return [head] if head != title and len(head) >= 4 else []


def _established_by(m: Mention, bodies: Any) -> Mention:
    """A body whose name says the resolution that set it up (第1526(2004)号决议所设分析支助和制裁监测组,
    as the vocabulary may hold it whole) refers to that resolution, as a committee named so does."""
    if m.kind != "UNEntity" or m.refs or "决议所设" not in m.surface:
        return m
    head = m.surface[: m.surface.index("决议所设")]
    refs = tuple(
        resolution_entity("S", i.group(1), int(i.group(2)), bodies).id for i in SC_ONE.finditer(head)
    )
    return dataclasses.replace(m, refs=refs) if refs else m


def _with_place_prefix(m: Mention, matcher: Matcher, kinds: dict[str, str]) -> Mention:
    """A group named as place + its own name (阿富汗塔利班 = 阿富汗 + 塔利班) refers to that place; so does a
    government or force named after its country (利比亚政府 also mentions Libya)."""
    if m.kind == "Organization" and not m.refs:
        lead = [
            cid
            for s, e, cid in matcher.find_in_name(m.surface)
            if s == 0 and e < len(m.surface) and kinds.get(cid) == "Country"
        ]
        return (
            Mention(m.concept, m.kind, m.surface, m.doc_id, m.start, m.end, m.method, tuple(lead[:1]))
            if lead
            else m
        )
    if m.kind != "TerroristGroup" or m.refs:
        return m
    own = matcher.vocab.concepts.get(m.concept)
    names = {fold(x) for x in (own.pref_zh, *own.alt_zh)} if own else set()
    places = tuple(
        cid
        for s, e, cid in matcher.find_in_name(m.surface)
        if s == 0 and kinds.get(cid) in ("Country", "Region") and fold(m.surface[e:]) in names
    )
    return (
        Mention(m.concept, m.kind, m.surface, m.doc_id, m.start, m.end, m.method, places[:1]) if places else m
    )


def _date_yearless_resolutions(
    passages: Sequence[Passage], found: list[list[Mention]], vocab: Vocabulary
) -> list[list[Mention]]:
    """第2395号决议 without a year: the year the document gives it elsewhere, else the numbering table."""
    texts = [fold(p.text) for p in passages]
    if not any("号决议" in text for text in texts):  # what every yearless reference ends with
        return found
    known: dict[str, int] = {}
    for ms in found:
        for m in ms:
            hit = _SC_RESOLUTION_ID.fullmatch(m.concept)
            if hit:
                known.setdefault(hit.group(1), int(hit.group(2)))
    table = vocab.cues.get("resolutions", {}).get("sc_first_of_year", {})
    out = []
    for p, text, ms in zip(passages, texts, found, strict=True):
        extra = []
        for hit in YEARLESS.finditer(text) if "号决议" in text else ():
            number = hit.group(2)
            year = known.get(number) or sc_year(int(number), table)
            if year is None:
                continue
            ent = resolution_entity("S", number, year, vocab.symbol_bodies())
            surface = p.text[hit.start() : hit.end() - 2]
            extra.append(
                Mention(ent.id, "Resolution", surface, p.doc_id, hit.start(), hit.end() - 2, "pattern")
            )
        out.append(_merge(ms + extra) if extra else ms)
    return out


#: The id of a Security Council resolution: its number and year.
_SC_RESOLUTION_ID = re.compile(r"res-s-(\d+)-(\d{4})")


@functools.cache
def _crime_phrase_patterns(vocab: Vocabulary) -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for pattern, label in vocab.cues.get("crime_phrases", {}).items():
        target = vocab.lookup(label)
        if target is None:
            raise OntologyError(f"cues.toml: [crime_phrases] {label!r} is not a crime type of the vocabulary")
        out.append((re.compile(pattern), target.id))
    return tuple(out)


@functools.cache
def _crime_list_pattern(vocab: Vocabulary) -> tuple[re.Pattern[str], dict[str, str]]:
    """贩运毒品、武器和人口: the verb and the objects it distributes over, each object's crime."""
    cl = vocab.cues["crime_lists"]
    objects: dict[str, str] = {}
    for word, label in cl["objects"].items():
        target = vocab.lookup(label)
        if target is None or target.kind != "CrimeType":
            raise OntologyError(
                f"cues.toml: [crime_lists.objects] {label!r} is not a crime type of the vocabulary"
            )
        objects[word] = target.id
    obj = "(?:" + "|".join(sorted(objects, key=len, reverse=True)) + ")"
    verbs = "(?:" + "|".join(sorted(cl["verbs"], key=len, reverse=True)) + ")"
    links = "(?:" + "|".join(sorted(cl["links"], key=len, reverse=True)) + ")"
    return re.compile(verbs + obj + "(?:" + links + obj + ")+"), objects


@functools.cache
def _crime_words(vocab: Vocabulary) -> re.Pattern[str]:
    """The objects of ``[crime_lists]``, longest first: the items of a run of :func:`_crime_list_pattern`."""
    return re.compile("|".join(sorted(_crime_list_pattern(vocab)[1], key=len, reverse=True)))


@functools.cache
def _crime_prefilter(vocab: Vocabulary) -> Prefilter:
    """Which of ``[crime_phrases]`` (in order), and the crime list pattern (last), may match a text."""
    return Prefilter(
        [*(pattern for pattern, _ in _crime_phrase_patterns(vocab)), _crime_list_pattern(vocab)[0]]
    )


def _crime_phrases(p: Passage, vocab: Vocabulary) -> list[Mention]:
    """Crimes named by a phrase rather than a noun (女孩被卖给战斗人员 → trafficking in persons),
    and a trafficking verb distributed over a list of goods (贩运毒品、武器和人口 → three crimes)."""
    text = fold(p.text)
    phrases = _crime_phrase_patterns(vocab)
    possible = _crime_prefilter(vocab).possible(text)  # the patterns left out cannot match
    out = [
        Mention(cid, "CrimeType", p.text[m.start() : m.end()], p.doc_id, m.start(), m.end(), "phrase")
        for k, (pattern, cid) in enumerate(phrases)
        if k in possible
        for m in pattern.finditer(text)
    ]
    if len(phrases) not in possible:
        return out
    pattern, objects = _crime_list_pattern(vocab)
    words = _crime_words(vocab)
    for run in pattern.finditer(text):
        for k, item in enumerate(words.finditer(text[run.start() : run.end()])):
            a, b = run.start() + item.start(), run.start() + item.end()
            if k == 0:
                a = run.start()  # the first object keeps its verb: 贩运毒品
            out.append(Mention(objects[item.group(0)], "CrimeType", p.text[a:b], p.doc_id, a, b, "phrase"))
    return out


def _specialise_in_paragraphs(
    passages: Sequence[Passage], found: list[list[Mention]], vocab: Vocabulary
) -> list[list[Mention]]:
    """:func:`_specialise_crimes` sentence by sentence, with the crimes the paragraph named before."""
    out: list[list[Mention]] = []
    named: set[str] = set()
    para = None
    for p, ms in zip(passages, found, strict=True):
        if p.para != para:
            named, para = set(), p.para
        ms = _specialise_crimes(p, ms, vocab, frozenset(named))
        named |= {m.concept for m in ms if m.kind == "CrimeType"}
        out.append(ms)
    return out


def _specialise_crimes(
    p: Passage, ms: list[Mention], vocab: Vocabulary, named: frozenset[str] = frozenset()
) -> list[Mention]:
    """A generic crime word with the goods it moves becomes the goods' crime: goods first
    (海洛因贩运, 可卡因走私 → drug trafficking; the mention takes the goods in) or after (走私…原油 →
    oil smuggling); a crime word that needs a cue (绑架) names the broader crime unless its clause
    has a cue or the paragraph already named its crime (``named``: 绑架勒索 … 也把官员作为绑架对象)."""
    spec = vocab.cues.get("crime_objects")
    if not spec:
        return ms
    goods_before, goods = _goods_first_pattern(vocab)
    needs_cue, cue_words = _crime_needs_cue(vocab)
    if not any(m.kind == "CrimeType" for m in ms):
        return ms  # (most sentences) nothing to specialise
    text = fold(p.text)
    generic = set(spec["generic"])
    out: list[Mention] = []
    for m in ms:
        surface = fold(m.surface)
        if (
            m.kind == "CrimeType"
            and surface in needs_cue
            and m.concept not in named
            and not _clause_has(text, m.start, m.end, cue_words)
        ):
            m = dataclasses.replace(m, concept=needs_cue[surface], method="specialised")
        elif (
            m.kind == "CrimeType"
            and surface in spec["goods_first"]
            and out
            and out[-1].kind == "CrimeType"
            and fold(out[-1].surface).endswith(tuple(spec["produced"]))
            and text[out[-1].end : m.start] in ("和", "及", "与", "、")
        ):  # 鸦片种植和贩运: the trafficking of what is grown
            m = dataclasses.replace(m, concept=out[-1].concept, method="specialised")
        elif m.kind == "CrimeType" and surface in generic:
            before = (
                goods_before.search(text, max(0, m.start - 12), m.start)
                if surface in spec["goods_first"]
                else None
            )
            taken = out[-1].end if out else 0
            if before is not None and before.start() >= taken:
                target = vocab.lookup(goods[before.group(1)])
                if target is not None:
                    out.append(
                        Mention(
                            target.id,
                            target.kind,
                            p.text[before.start() : m.end],
                            m.doc_id,
                            before.start(),
                            m.end,
                            "specialised",
                        )
                    )
                    continue
            m = _goods_after(p.text, m, spec, generic, vocab)
        out.append(m)
    return out


def _goods_after(
    text: str, m: Mention, spec: dict[str, Any], generic: set[str], vocab: Vocabulary
) -> Mention:
    """走私…原油: the first goods word after a generic crime word, in its clause, names the crime."""
    end = len(text)
    for stop in "，。；：":
        k = text.find(stop, m.end)
        if k >= 0:
            end = min(end, k)
    reach = m.end
    chain = re.match(
        r"(?:和|或|、|及)(" + "|".join(map(re.escape, sorted(generic, key=len, reverse=True))) + ")",
        text[m.end :],
    )
    if chain:
        reach = m.end + chain.end()
    end = min(end, reach + spec["window"])
    end = min([end, *(k for w in spec["goods_after_stops"] if (k := text.find(w, reach, end)) >= 0)])
    window = text[reach:end]  # 从鱼干走私中获取的利润被用于购买燃料: no goods after 中 or 用于
    hits = sorted((window.find(w), w) for w in spec["objects"] if w in window)
    if hits:
        target = vocab.lookup(spec["objects"][hits[0][1]])
        if target is not None:
            return Mention(target.id, target.kind, m.surface, m.doc_id, m.start, m.end, "specialised")
    return m


@functools.cache
def _goods_first_pattern(vocab: Vocabulary) -> tuple[re.Pattern[str], dict[str, str]]:
    """Goods right before a crime word (海洛因贩运, 毒品的非法贸易): the pattern, anchored at the
    crime word by ``search(text, 0, start)``, and each goods word's crime label."""
    spec = vocab.cues["crime_objects"]
    goods = dict(spec["objects"])
    for label in goods.values():
        target = vocab.lookup(label)
        if target is None or target.kind != "CrimeType":
            raise OntologyError(
                f"cues.toml: [crime_objects.objects] {label!r} is not a crime type of the vocabulary"
            )
    words = "|".join(map(re.escape, sorted(goods, key=len, reverse=True)))
    links = "|".join(map(re.escape, sorted(spec["goods_links"], key=len, reverse=True)))
    return re.compile(f"({words})(?:{links})?$"), goods


@functools.cache
def _crime_needs_cue(vocab: Vocabulary) -> tuple[dict[str, str], tuple[str, ...]]:
    """``[crime_needs_cue]``: each word → the broader crime it names without a cue, and the cues."""
    section = vocab.cues.get("crime_needs_cue", {})
    out: dict[str, str] = {}
    for word in section.get("words", []):
        concept = vocab.lookup(word)
        if concept is None or concept.kind != "CrimeType" or not concept.broader:
            raise OntologyError(
                f"cues.toml: [crime_needs_cue] words: {word!r} is not a crime type with a broader one"
            )
        out[fold(word)] = concept.broader[0]
    cues = tuple(section.get("cues", []))
    if out and not cues:
        raise OntologyError("cues.toml: [crime_needs_cue] cues must be a non-empty list of words")
    return out, cues


def _clause_has(text: str, start: int, end: int, words: Sequence[str]) -> bool:
    """Whether the clause around text[start:end] (between ，。；：) holds one of ``words``."""
    a = max(text.rfind(c, 0, start) for c in "，。；：") + 1
    ends = [k for c in "，。；：" if (k := text.find(c, end)) >= 0]
    b = min(ends) if ends else len(text)
    return any(w in text[a:b] for w in words)


#: Discovered kinds whose name, once found, is looked for in the rest of the document.
_RECURRING = ("TerroristGroup", "Organization", "Programme")


def _kind_of(cid: str, kinds: dict[str, str], found: list[list[Mention]]) -> str:
    if cid in kinds:
        return kinds[cid]
    for ms in found:
        for m in ms:
            if m.concept == cid:
                return m.kind
    return "Entity"
