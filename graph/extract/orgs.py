"""Organizations outside the vocabulary, found by their head word (issue 18).

Every head, portfolio and stop word is read from ``[discovery.organizations]`` in
``ontology/cues.toml`` (checked when it loads, :mod:`graph.cueschema`). Four kinds of names:

* a government, authority, armed or security force, police or ministry named after a place
  (乍得武装部队, 加沙当局, 尼日利亚司法部): the place is a mention of a country the vocabulary knows,
  or of a region inside one, right before the head; a country of two characters that jieba glues
  to its head (美国政府) is looked up there too. A word that is no place (各国, 有关, 该国, 会员国)
  never makes a name, a region above the States (西非) names no government, and a verb before
  the place is never part of the name;
* the same heads after a short name of an administrative unit no mention holds (马尔贾区政府),
  bounded on the left by punctuation, a function word, a verb or an anaphor;
* an institute or centre named after a place (乍得反恐研究中心);
* an institute, centre or other body with a Latin name or acronym in brackets right after its
  Chinese name (萨赫勒安全研究所(ISSS)); the bracket becomes the entity's alias.

The finder returns spans on the folded text (either script); the mention stage
(:func:`graph.extract.mentions.discover`) makes them ``Organization`` mentions, flagged
discovered, with the place as a reference: a government stays distinct from its country.
:func:`national_work` is what the relation stage makes of a UN body's work with such a body.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from graph.records import Fact, Mention
from graph.script import fold
from graph.vocab import Vocabulary

#: A Latin acronym (ISSS) and a Latin name of several words (Sahel Institute for Security Studies).
ACRONYM = r"[A-Z][A-Za-z-]{1,11}"
LATIN_NAME = r"[A-Z][A-Za-z'.&-]*(?: [A-Za-z'.&-]+){1,9}"
#: Either, in brackets.
LATIN_ALIAS = rf"\(({ACRONYM}|{LATIN_NAME})\)"


class Found(NamedTuple):
    """An organization's span in the folded passage, and the place it is named after (if any)."""

    start: int
    end: int
    refs: tuple[str, ...] = ()


def _alternation(words: Sequence[str]) -> str:
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


class _Patterns(NamedTuple):
    heads: re.Pattern[str]  # a government or force head
    ministry: re.Pattern[str]  # portfolio(s) + ministry suffix
    institute: re.Pattern[str]  # a short name + an institute head
    agency: re.Pattern[str]  # a few words of its own + an agency head (after a place)
    bracketed: re.Pattern[str]  # a name + an institute or body head + a Latin alias
    # the word lists :func:`find` reads, as tuples once
    boundaries: tuple[str, ...]
    units: tuple[str, ...]  # administrative units, longest first
    unit_generic: tuple[str, ...]  # words that make a unit's name no name
    institute_stops: tuple[str, ...]  # words an institute's name never holds
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    qualifies: tuple[str, ...]
    ministry_not_before: tuple[str, ...]
    place_links: tuple[str, ...]  # the linkers of a list of places


@functools.cache
def _patterns(vocab: Vocabulary) -> _Patterns:
    od = vocab.cues["discovery"]["organizations"]
    disc = vocab.cues["discovery"]
    portfolio = "(?:" + _alternation(od["ministry_portfolios"]) + ")"
    links = "(?:" + _alternation(od["ministry_links"]) + ")"
    bodies = od["institute_heads"] + disc["body_suffixes"]
    pd = disc["places"]
    return _Patterns(
        heads=re.compile("(?:" + _alternation(od["government_heads"] + od["force_heads"]) + ")"),
        ministry=re.compile(
            f"{portfolio}(?:{links}{portfolio})*(?:" + _alternation(od["ministry_suffixes"]) + ")"
        ),
        institute=re.compile(r"[\u4e00-\u9fff]{2,10}?(?:" + _alternation(od["institute_heads"]) + ")"),
        agency=re.compile(r"(?:国家)?([\u4e00-\u9fff]{0,10}?)(?:" + _alternation(od["agency_heads"]) + ")"),
        bracketed=re.compile(r"[\u4e00-\u9fff](?:" + _alternation(bodies) + ")" + LATIN_ALIAS),
        boundaries=tuple(disc["boundaries"]),
        units=tuple(sorted(pd["unit_suffixes"], key=len, reverse=True)),
        unit_generic=(*pd["generic"], *od["institute_generic"], *disc["anaphors"]),
        institute_stops=(*od["institute_generic"], *disc["boundaries"]),
        not_before=tuple(od["not_before"]),
        not_after=tuple(od["not_after"]),
        qualifies=tuple(od["qualifies"]),
        ministry_not_before=tuple(od["ministry_not_before"]),
        place_links=tuple(pd["direction_linkers"]),
    )


def _glued_places(
    text: str,
    vocab: Vocabulary,
    heads: Sequence[re.Match[str]],
    places: Sequence[tuple[int, int]],
    is_cut: Callable[[int], bool],
) -> list[tuple[int, int]]:
    """Places right before a head (``heads``: government, force and ministry heads, in this order)
    that no mention holds: the longest label of a place ending at the head and starting where
    jieba cuts (so never the tail of a longer word)."""
    if not heads:
        return []  # (most sentences: no offsets of names to collect)
    covered = {k for s, e in places for k in range(s, e)}
    out: list[tuple[int, int]] = []
    for m in heads:
        h = m.start()
        if h == 0 or h - 1 in covered:
            continue
        for k in range(min(h, 8), 1, -1):
            c = vocab.lookup(text[h - k : h])
            if c is not None and c.kind in ("Country", "Region") and is_cut(h - k):
                if not any(i in covered for i in range(h - k, h)):
                    out.append((h - k, h))
                break
    return out


@functools.cache
def _in_a_country(vocab: Vocabulary, cid: str) -> bool:
    """A country, or a region that lies in one (its skos:broader chain reaches a country)."""
    seen: set[str] = set()
    todo = [cid]
    while todo:
        c = vocab.concepts.get(todo.pop())
        if c is None or c.id in seen:
            continue
        if c.kind == "Country":
            return True
        seen.add(c.id)
        if c.kind == "Region":
            todo += c.broader
    return False


def find(
    text: str,
    vocab: Vocabulary,
    places: Sequence[tuple[int, int]],
    free: Callable[[int, int], bool],
    clean: Callable[[str], bool],
    left_edge: Callable[[int], int],
    is_cut: Callable[[int], bool] = lambda at: True,
) -> list[Found]:
    """Organizations named in the folded passage ``text``.

    ``places`` are the spans of its place mentions; ``free(a, b)`` says whether a span may be
    taken (no partial overlap with a kept mention); ``clean(name)`` whether a name holds no
    verb, adverb, phrase of uncertainty or anaphor; ``left_edge(end)`` where a name ending at
    ``end`` starts (after the last boundary, verb or anaphor); ``is_cut(at)`` whether jieba
    cuts the passage at ``at``. A place of two characters glued to its head (jieba reads 美国政府 as one
    word, so the vocabulary pass leaves 美国 out) is looked up right before the head.
    """
    od = vocab.cues["discovery"]["organizations"]
    pat = _patterns(vocab)
    boundaries = pat.boundaries
    units = pat.units
    unit_generic = pat.unit_generic
    out: list[Found] = []
    governed = list(pat.heads.finditer(text))
    heads = [*governed, *pat.ministry.finditer(text)]
    if not places and not heads and "(" not in text:
        return out  # (most sentences) no place, no head, no bracket: nothing below can find a name

    def ends_a_word(end: int, head: str) -> bool:
        """The head is a whole word: not 政府间, not 伊拉克军事."""
        if text.startswith(pat.not_before, end):
            return False
        if head in od["need_boundary_after"]:
            return (
                end == len(text) or not "\u4e00" <= text[end] <= "\u9fff" or text.startswith(boundaries, end)
            )
        return True

    def keep(a: int, b: int, refs: tuple[str, ...] = ()) -> None:
        name = text[a:b]
        if text.startswith(pat.qualifies, b):
            return
        if vocab.lookup(name) is None and free(a, b) and clean(name):
            out.append(Found(a, b, refs))

    ends = {e for _s, e in places}
    # the words that join the places of a list whose last one a head follows (贝宁、多哥和加纳海军)
    links = pat.place_links
    for s, e in sorted({*places, *_glued_places(text, vocab, heads, places, is_cut)}):
        place = vocab.lookup(text[s:e])
        if place is None or place.kind not in ("Country", "Region"):
            continue
        if any(s - len(c) in ends and text.startswith(c, s - len(c)) for c in links):
            continue  # 贝宁、多哥和加纳海军: the navies of all three, no one body named
        if text[max(0, s - 8) : s].endswith(pat.not_after):
            continue
        if _in_a_country(vocab, place.id):  # a government, force or ministry: 乍得武装部队, 英国内政部
            head = pat.heads.match(text, e)
            ministry = pat.ministry.match(text, e)
            if ministry and ministry.end() > (head.end() if head else 0):
                if not text.startswith(pat.ministry_not_before, ministry.end()):
                    keep(s, ministry.end(), (place.id,))
                continue
            agency = pat.agency.match(text, e)
            if agency is not None and (
                any(w in agency.group(1) for w in pat.institute_stops)
                or text.startswith(pat.qualifies, agency.end())
            ):
                agency = None  # 伊拉克的海关, 斯里兰卡海军船只: no agency named
            if agency is not None and agency.end() > (head.end() if head else 0):
                keep(s, agency.end(), (place.id,))  # 斯里兰卡警察刑事调查局, 马尔代夫国防军海岸警卫队
                continue
            if head and ends_a_word(head.end(), head.group(0)):
                keep(s, head.end(), (place.id,))
                continue
        inst = pat.institute.match(text, e)
        if inst is not None:
            middle = text[e : inst.end()]
            if not any(w in middle for w in pat.institute_stops):
                keep(s, inst.end(), (place.id,))

    # a government or force of a unit no mention holds (加尔穆杜格州政府): a short name ending in an
    # administrative unit, bounded on the left by a boundary, verb or anaphor and a jieba cut
    covered = {k for s, e in places for k in range(s, e)} if governed else set()
    for m in governed:
        if m.start() in covered or m.start() - 1 in covered:
            continue
        unit_end = m.start() + next((len(u) for u in units if m.group(0).startswith(u)), 0)
        unit = next((u for u in units if text.endswith(u, 0, unit_end)), None)
        if unit is None or m.group(0) == unit or not ends_a_word(m.end(), m.group(0)):
            continue
        start = left_edge(unit_end)
        core = text[start : unit_end - len(unit)]
        if (
            2 <= len(core) <= 6
            and is_cut(start)
            and not any(k in covered for k in range(start, unit_end))
            and not any(w in core for w in unit_generic)
            and vocab.lookup(core) is None
        ):
            keep(start, m.end())

    for m in pat.bracketed.finditer(text) if "(" in text else ():  # the alias is in brackets
        end = m.start(1) - 1  # the closing character of the Chinese name
        start = left_edge(end)
        if end - start >= 4:
            keep(start, end)
    return out


#: The classes whose work with a country's authority is work in that country (activeIn's domain).
WORKERS = ("UNEntity", "Programme")
#: The frames of working together (与X合作, A和B共同…, 签署): with an authority, partners as well.
_WORKING_TOGETHER = frozenset({"frame_partner", "frame_joint", "frame_sign"})


def national_work(
    facts: Sequence[Fact],
    kinds: Mapping[str, str],
    national: Mapping[str, str],
    partners: frozenset[str] = frozenset(),
) -> list[Fact]:
    """A UN body working with or for a country's own authority found here (a discovered government,
    ministry, police or force: ``national`` maps it to its place) works in that country:
    partnerOf(UN body, authority) is stated as activeIn(UN body, place). The development sets
    count support to a country's authorities so; an authority that itself acts with a UN body
    (伊拉克政府与援助团协作) stays its partner, and so does one of ``partners`` (a government) a UN
    body works together with (与伊拉克政府合作). ``kinds``: each entity's class in the document.
    """
    out: list[Fact] = []
    for f in facts:
        if f.predicate == "partnerOf" and f.object in national and kinds.get(f.subject) in WORKERS:
            if f.rule in _WORKING_TOGETHER and f.object in partners:
                out.append(f)
            out.append(dataclasses.replace(f, predicate="activeIn", object=national[f.object]))
        else:
            out.append(f)
    return out


def _authority_head(od: Mapping[str, Any]) -> re.Pattern[str]:
    """The head a country's own authority ends with (政府, 部队, 内政部 …)."""
    portfolio = "(?:" + _alternation(od["ministry_portfolios"]) + ")"
    links = "(?:" + _alternation(od["ministry_links"]) + ")"
    return re.compile(
        "(?:"
        + _alternation(od["government_heads"] + od["force_heads"] + od["agency_heads"])
        + f"|{portfolio}(?:{links}{portfolio})*(?:"
        + _alternation(od["ministry_suffixes"])
        + "))$"
    )


@functools.cache
def known_authorities(vocab: Vocabulary) -> Mapping[str, str]:
    """The vocabulary's organizations that are a country's own authority (伊拉克政府: a place's
    name and an authority's head), each → that place."""
    head = _authority_head(vocab.cues["discovery"]["organizations"])
    out: dict[str, str] = {}
    for c in vocab.by_kind("Organization"):
        for label in (c.pref_zh, *c.alt_zh):
            found = head.search(fold(label))
            place = vocab.lookup(fold(label)[: found.start()]) if found and found.start() else None
            if place is not None and place.kind in ("Country", "Region"):
                out[c.id] = place.id
                break
    return out


def national_bodies(mentions: Iterable[Sequence[Mention]], od: Mapping[str, Any]) -> dict[str, str]:
    """The discovered authorities named after a place in ``mentions`` (a government, force or
    ministry head; not an institute), each → its place. ``od``: ``[discovery.organizations]``."""
    head = _authority_head(od)
    return {
        m.concept: m.refs[0]
        for ms in mentions
        for m in ms
        if m.kind == "Organization" and m.method == "discovered" and m.refs and head.search(fold(m.surface))
    }
