"""Discourse state of one document: who acts when a clause names no agent.

One object per document holds what the clauses before have established:

- the **default actor**: in a report (not a resolution), the UN entity or programme that is
  the stated agent of the most clauses, when it clearly dominates (the report's own subject,
  implied in 提供了培训 with no subject);
- the **topic**: the agent last named in the paragraph, carried to the next clause or sentence
  that names none, until a new agent is named; a new paragraph starts from the default actor;
- the **owners** of programmes: the body that launched or runs each (X启动了Y方案, X的Y方案), for
  the relations a programme's owner holds in its place (partners of 该方案是与Z合作实施的);
- **anaphora and short forms** (该办公室, 该平台, 执行局, 工作队 …): resolved to the last entity
  named whose name ends with the same head noun, else to the default actor; each is returned
  as a ``Mention`` with method ``anaphora``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from graph.extract.clauses import Clause
from graph.records import Mention
from graph.script import fold

#: Kinds that can be the agent of a clause (a place or a crime cannot act).
#: The heads of a short form that say nothing of the group's own name (该组织, 该团体).
GENERIC_GROUP_HEADS = ("团体", "组织", "集团")
ACTORS = ("UNEntity", "Programme", "Organization", "Country", "TerroristGroup", "Resolution", "Document")
#: Kinds of the bodies a plural short form (上述实体) stands for.
BODIES = ("UNEntity", "Organization", "Programme")
#: Kinds that run a programme (X启动了Y方案).
_OWNERS = ("UNEntity", "Organization")
#: Kinds the default actor of a report may have.
AUTHORS = ("UNEntity", "Programme")
_HEADING_BODIES = (*AUTHORS, "Organization")  # a heading names the section's body
_NAMED_KINDS = (*AUTHORS, "Organization", "TerroristGroup")  # what 该组织, 该团体 … stand for
_DEMONSTRATIVE = re.compile(r"^(?:该|这一|这个|这些|这项|此项|此|上述|本|我们的|我们|我)")
_REGIONAL = re.compile("^(?:地区|区域)(?=.)")
#: What may close a name after its head noun: quote marks, and a bracketed abbreviation.
_TITLE_TAIL = re.compile(r"(?:[》〉」』”’\"')）\s]|[(（][^()（）]*[)）])+$")


def default_actor(clauses: Iterable[Clause], min_count: int = 3, min_share: float = 0.4) -> Mention | None:
    """The UN entity or programme that is the stated agent of most clauses, if it dominates.

    >>> from graph.extract.clauses import Clause, Group
    >>> u = Mention("un-unodc", "UNEntity", "毒品和犯罪问题办公室", "d", 0, 10, "vocabulary")
    >>> from graph.extract.clauses import Predicate
    >>> c = Clause(0, 14, "", (Predicate("提供", ("activity",), 10, 12),), (Group((u,), "agent", 0, 10),))
    >>> default_actor([c, c, c]).concept, default_actor([c, c])
    ('un-unodc', None)
    """
    counts: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for c in clauses:
        if not c.predicates:
            continue
        for m in c.role("agent"):
            if m.kind in AUTHORS and m.method != "anaphora":
                counts[m.concept] += 1
                first.setdefault(m.concept, m)
    if not counts:
        return None
    (top, n), total = counts.most_common(1)[0], sum(counts.values())
    return first[top] if n >= min_count and n / total >= min_share else None


@functools.cache
def _longest_first_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The alternation of ``words``, longest first, built once per word list."""
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _of_kind(word: str, places: Sequence[Mention]) -> list[Mention]:
    """The places a word such as 这些城市, 该国 or 这些地区 can stand for (cities are ``city-`` ids)."""
    if "国" in word:
        return [m for m in places if m.kind == "Country"]
    if any(c in word for c in "市城镇"):
        return [m for m in places if m.concept.startswith("city-")]
    return [m for m in places if m.kind == "Region" and not m.concept.startswith("city-")]


@functools.cache
def _anaphor_pattern(
    anaphors: tuple[str, ...],
    resolutions: tuple[str, ...],
    plural: tuple[str, ...],
    groups: tuple[str, ...] = (),
    at_start: tuple[str, ...] = (),
    places: tuple[str, ...] = (),
    place: tuple[str, ...] = (),
    group_lists: tuple[str, ...] = (),
    conventions: tuple[str, ...] = (),
    bodies: tuple[str, ...] = (),
    instruments: tuple[str, ...] = (),
) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One alternation of every anaphor (longest first) and, per word, its kind and head noun."""
    kinds = {w: ("entity_at_start", w) for w in at_start}
    kinds |= {w: ("groups", w) for w in group_lists}
    kinds |= {w: ("places", w) for w in places} | {w: ("place", w) for w in place}
    # 该地区中心, 该区域办事处: the head is the noun (中心, 办事处), the regional body's own
    kinds |= {w: ("entity", _REGIONAL.sub("", _DEMONSTRATIVE.sub("", w))) for w in anaphors}
    kinds |= {w: ("group", w) for w in groups}
    kinds |= {w: ("bodies", w) for w in bodies}
    kinds |= {w: ("convention", _DEMONSTRATIVE.sub("", w).removeprefix("项")) for w in conventions}
    kinds |= {w: ("conventions", w) for w in instruments}
    kinds |= {w: ("resolution", w) for w in resolutions} | {w: ("resolutions", w) for w in plural}
    words = sorted(kinds, key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, words))), kinds


_BRANCH_REACH = 12  # characters between 该组织 and the branch word (该组织在北非的分支)


def named_as(text: str, at: int, naming: tuple[str, ...]) -> bool:
    """The name at ``at`` is given as another name of something (当地人称其为“X”, 此前称为X)."""
    return bool(naming) and text[:at].rstrip('“"‘「 ').endswith(naming)


@dataclass
class Discourse:
    """What the document has established so far; updated clause by clause."""

    actor: Mention | None = None
    topic: tuple[Mention, ...] = ()
    named: dict[str, Mention] = field(default_factory=dict)
    #: Every written form each entity was named with (a body named in full once, then by its short
    #: form: 该研究所 still finds 犯罪司法所 through 联合国区域间犯罪和司法研究所).
    forms: dict[str, set[str]] = field(default_factory=dict)
    #: The names the vocabulary knows each body by (反恐办 is 联合国反恐怖主义办公室: 该办公室).
    known_forms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    resolution: Mention | None = None
    #: The conventions named so far, the last one last (for 该公约, 该协定).
    conventions: tuple[Mention, ...] = ()
    #: The conventions the last sentence naming any named (for 这些文书, 上述公约).
    convention_list: tuple[Mention, ...] = ()
    #: The bodies of the last sentence that named two or more (for 上述实体, 这些机构).
    bodies: tuple[Mention, ...] = ()
    adopted: Mention | None = None
    resolutions: tuple[Mention, ...] = ()
    mandate: Mention | None = None
    last_group: Mention | None = None
    group_age: int = 0
    sentence: int = 1
    owners: dict[str, Mention] = field(default_factory=dict)
    #: Verb classes whose embedded clause, when it names no agent, is the speaker's own act.
    speaking: tuple[str, ...] = ()
    #: Verb classes whose embedded clause's agent is only spoken about (感谢X主办…): it acts there
    #: but does not become what the text goes on about.
    asides: tuple[str, ...] = ()
    #: Words a speaker names the body it speaks for with (我们), and words of duty after which they
    #: name all who hear (我们必须…).
    speaker: tuple[str, ...] = ()
    speaker_modals: tuple[str, ...] = ()
    #: The document is a statement by the Secretary-General: its 我们 is the Organization as a
    #: whole, so a clause opening with it names no body that acts.
    speaker_unnamed: bool = False
    passive: tuple[str, ...] = ()  # words before the agent of a passive clause
    attendees: tuple[str, ...] = ()  # words opening a clause that lists who attended (与会的有…)
    led_by: tuple[str, ...] = ()  # words after 由X that make X the body running a programme (牵头)
    naming: tuple[str, ...] = ()  # words before another name of what was named (称其为“X”)
    #: The one group the document's title names (a profile of a listed group), if any.
    title_group: Mention | None = None
    #: The places of each sentence of the paragraph that named any, for 这些城市 and 该国.
    places: list[tuple[Mention, ...]] = field(default_factory=list)
    #: The bodies the current section's heading names (B. 毒品和犯罪问题办公室), the subject of its
    #: paragraphs; ``()`` under a heading about no one in particular (二. 会员国采取的行动); ``None``
    #: under a heading that names no actor (the report's default actor then).
    section: tuple[Mention, ...] | None = None
    #: The UN body a paragraph was about stays the subject of the next where neither a heading nor
    #: a default actor says otherwise (a report, not a resolution: its paragraphs have a voice).
    carries_topic: bool = False
    #: The UN body (or bodies) last the subject of a clause: what 该办公室 means before a body only
    #: named in passing since (a partner, a topic).
    body_topic: tuple[Mention, ...] = ()
    #: The bodies named only as partners of another's act (该处与反恐怖主义办公室合作): 该办公室 refers
    #: back to another body with that head first, if one was named.
    partners: set[str] = field(default_factory=set)
    #: Heads that name the same kind of body (a mission: 特派团, 支助团, 援助团 …): a short form
    #: with one of them stands for a body named with any.
    mission_heads: tuple[str, ...] = ()
    #: The groups of the last sentence that named any, in this paragraph or the one before (a
    #: resolution's preamble goes on over paragraphs), for 这些团体.
    group_list: tuple[Mention, ...] = ()
    group_list_age: int = 0
    #: Words for groups named by no name (武装团体): a sentence with one and no named group is
    #: what 这些团体 then means, so it ends the list before.
    generic_groups: tuple[str, ...] = ()
    #: Words naming a group's branch (分支, 附属组织): 该组织 before one (X是该组织在北非的分支) is
    #: the group X is part of, never X itself.
    branch_words: tuple[str, ...] = ()

    def heading(self, text: str, ms: Sequence[Mention], generic: bool) -> None:
        """A section heading that opens with the names of bodies (B. 毒品和犯罪问题办公室的活动): they
        act in the paragraphs under it; any other heading (与国际刑警组织的合作) names no actor."""
        first = min(ms, key=lambda m: m.start, default=None)
        opens = first is not None and not text[: first.start].strip(
            " \t0-9.．、()（）一二三四五六七八九十ABCDEFGHIJ"
        )
        bodies = tuple(m for m in ms if m.kind in _HEADING_BODIES) if opens else ()
        self.section = bodies if bodies else (() if generic else None)

    #: A country's own authorities found in the document (a discovered government, ministry,
    #: force) → the place each belongs to.
    national: dict[str, str] = field(default_factory=dict)

    def own(self, clause: Clause, agents: Sequence[Mention], text: str, runs: Collection[str]) -> None:
        """Remember the body that runs a programme: the agent of a clause that launches or runs it
        (X启动了Y方案, ``runs`` words), or the body named right before it with 的 (X的Y方案)."""
        bodies = [m for m in agents if m.kind in _OWNERS and m.method != "anaphora"]
        groups = clause.groups
        for i, g in enumerate(groups):
            progs = [m for m in g.mentions if m.kind == "Programme"]
            if not progs:
                continue
            owner = None
            if bodies and g.role == "object" and g.verb in runs:
                owner = bodies[0]
            elif (
                i
                and groups[i - 1].role == "attribute"
                and text[groups[i - 1].end : g.start].lstrip(")）") in ("", "的")
            ):  # X(简称)的Y方案: the bracket closing the short form is no gap
                owner = next((m for m in groups[i - 1].mentions if m.kind in _OWNERS), None)
            elif (
                g.role == "agent"
                and i + 1 < len(groups)
                and text[g.end : groups[i + 1].start].strip() == "由"
                and text.startswith(self.led_by, groups[i + 1].end)
            ):  # 该方案由反恐办牵头: the body that leads it runs it
                owner = next((m for m in groups[i + 1].mentions if m.kind in _OWNERS), None)
            elif g.role == "agent" and any(
                v.word in runs and text[v.end : g.start] == "的" for v in clause.predicates
            ):  # X实施的Y方案继续…: X runs Y
                owner = next(
                    (m for x in groups[:i] if x.role == "attribute" for m in x.mentions if m.kind in _OWNERS),
                    None,
                )
            if owner is not None:
                for m in progs:
                    self.owners.setdefault(m.concept, owner)

    def new_paragraph(self, heading: bool = False) -> None:
        """A paragraph starts from the bodies its section heading names (``section``), else from the
        report's default actor; the group last acting stays the one a short form (该团体) means for
        one paragraph more, not beyond (a ``heading`` between them does not count)."""
        if self.section is not None:
            self.topic = self.section
        elif self.actor is not None:
            self.topic = (self.actor,)
        elif not (self.carries_topic and self.topic and all(m.kind == "UNEntity" for m in self.topic)):
            self.topic = ()  # a report with no one author keeps the UN body it was about, nothing else
        self.places = []
        if heading:
            return
        self.group_list_age += 1
        if self.group_list_age > 1:
            self.group_list = ()  # 这些团体 means groups of this paragraph or the one before
        self.group_age += 1
        if self.group_age > 1:
            self.last_group = None

    def remember(
        self,
        ms: Sequence[Mention],
        text: str = "",
        holder: Sequence[str] = (),
        linked: frozenset[str] = frozenset(),
    ) -> None:
        """Entities named, most recent last, for the short forms that follow; the resolution a
        paragraph says was adopted (通过第N号决议), else the last one named, for 该决议; the body
        said to hold a mandate (X的任务是…, ``holder`` words), for 这一任务. The groups in
        ``linked`` are named only as others' parents or allies (与基地组织有关联的X): 这些团体 after
        them means the others."""
        for m in ms:
            if m.kind in AUTHORS and holder and text.startswith(tuple(holder), m.end):
                self.mandate = m
        named = tuple(m for m in ms if m.kind == "Resolution" and m.method != "anaphora")
        if named:
            self.resolutions = named
        places = tuple(m for m in ms if m.kind in ("Country", "Region") and m.method != "anaphora")
        if places:
            self.places.append(places)
        bodies = {m.concept: m for m in ms if m.kind in BODIES and m.method not in ("anaphora", "mandate")}
        if len(bodies) > 1:
            self.bodies = tuple(bodies.values())
        groups = {m.concept: m for m in ms if m.kind == "TerroristGroup" and m.method != "anaphora"}
        if len(groups) > len(linked.intersection(groups)):
            groups = {c: m for c, m in groups.items() if c not in linked}
        if groups:
            self.group_list, self.group_list_age = tuple(groups.values()), 0
        elif self.generic_groups and any(w in text for w in self.generic_groups):
            self.group_list = ()  # 武装团体也争夺该地区。这些团体…: the groups no name was given
        if named_conventions := {
            m.concept: m for m in ms if m.kind == "Convention" and m.method != "anaphora"
        }:
            self.convention_list = tuple(named_conventions.values())
        for m in ms:
            if m.kind in _NAMED_KINDS:
                self.named.pop(m.concept, None)
                self.named[m.concept] = m
                if m.method not in ("anaphora", "mandate"):
                    self.forms.setdefault(m.concept, set()).add(fold(m.surface))
            elif m.kind == "Convention" and m.method != "anaphora":
                self.conventions = (*(c for c in self.conventions if c.concept != m.concept), m)
            elif m.kind == "Resolution" and m.method != "anaphora":
                self.resolution = m
                if text.endswith(("通过", "通过了"), 0, m.start):
                    self.adopted = m

    def name_by_code(self, operation: Mention, heads: Sequence[str]) -> None:
        """An operation named by its code (该行动代号为“X”): the short forms with ``heads`` (该行动)
        stand for it from here on."""
        self.remember([operation])
        self.forms.setdefault(operation.concept, set()).update(heads)

    def agents(
        self, clause: Clause, carried: tuple[Mention, ...], carries: bool = True
    ) -> tuple[tuple[Mention, ...], bool]:
        """The agents of a clause and whether they were implied (carried or the topic);
        ``carries`` is false for an embedded clause whose agent does not act after it."""
        own = tuple(m for m in clause.role("agent") if m.kind in ACTORS)
        if clause.embedded and not own:
            if clause.embedded in self.speaking and carried:
                return carried, True  # X表示将继续执行Y, X声称对袭击负责: the speaker does it
            return (), False  # an event attended with no organiser named: nobody acts
        if clause.embedded and not carries:  # the agent of a recalled clause acts only there
            return own, False
        if clause.generic_agent and not own:
            self.topic = ()
            return (), False
        if (
            own
            and self.passive
            and all(clause.text.endswith(self.passive, 0, m.start - clause.start) for m in own)
        ):
            return own, False  # 其成员已被呼罗珊省吸收: the agent of a passive is not what the text is about
        if own and self.attendees and clause.text.lstrip(' “‘"').startswith(self.attendees):
            return own, False  # 与会的有X、Y代表: those who attended are not what the text goes on about
        if own and clause.embedded in self.asides:
            return own, False  # 感谢肯尼亚政府主办讲习班: the host acts there, the speaker goes on
        if own and all(m.kind in ("Resolution", "Document") for m in own):
            return own, False  # 第N号决议将X的任务期限延长: a resolution is not what the text goes on about
        if any(
            m.method == "anaphora" and m.kind == "TerroristGroup" and m not in own
            for g in clause.groups
            for m in g.mentions
        ):
            return own, False  # X将该团体列为…: the group referred back to is still what the text is about
        if own:
            self.topic = own
            self.partners.difference_update(m.concept for m in own)
            self.partners.update(m.concept for m in clause.role("partner") if m not in own)
            if all(m.kind == "UNEntity" for m in own):
                self.body_topic = own
            group = next((m for m in own if m.kind == "TerroristGroup"), None)
            if group is not None:
                self.last_group, self.group_age = group, 0
            return own, False
        if not clause.predicates and not clause.continues:
            return (), False
        if (speaks := self._speaks(clause.text)) is not None and self.speaker_unnamed:
            self.topic = ()  # 秘书长的讲话: 我们正在与非洲联盟合作 names the Organization, no body
            return (), False
        if speaks is not None and self.actor is not None:
            if not speaks:
                return (), False  # 我们必须与X合作: all who hear are urged, no one is said to act
            self.topic = (self.actor,)
            return self.topic, True  # 我们与国际刑警组织一道…: the body the document speaks for
        if any(
            g.role == "agent" and g.mentions and all(m.kind == "CrimeType" for m in g.mentions)
            for g in clause.groups
        ):  # 石油盗窃仍在为X的网络提供资金: a crime is the subject, no one carried into it
            return (), False
        return (carried or self.topic), True

    def _speaks(self, text: str) -> bool | None:
        """Whether a clause opening with a word the speaker names its own body with is that body's
        act (我们还向X提供了培训: true) or what all who hear must do (我们必须…: false); ``None``
        where it opens with no such word, or with what belongs to them (我们的伙伴)."""
        lead = text.lstrip(' “‘"')
        word = next((w for w in self.speaker if lead.startswith(w)), None)
        if word is None:
            return None
        rest = lead[len(word) :].lstrip()
        if rest.startswith("的"):
            return None
        rest = rest.lstrip("还也更仍则")  # 我们还必须…: the adverb before the word of duty
        return not rest.startswith(self.speaker_modals)

    def resolve(
        self,
        text: str,
        ms: Sequence[Mention],
        anaphors: Sequence[str],
        resolutions: Sequence[str] = (),
        plural: Sequence[str] = (),
        groups: Sequence[str] = (),
        at_start: Sequence[str] = (),
        places: Sequence[str] = (),
        place: Sequence[str] = (),
        persons: Sequence[str] = (),
        group_lists: Sequence[str] = (),
        conventions: Sequence[str] = (),
        bodies: Sequence[str] = (),
        instruments: Sequence[str] = (),
    ) -> list[Mention]:
        """Mentions for the short forms and anaphors of ``text`` that are not part of a name; the
        bare heads ``at_start`` (中心, 办公室) only where they open a sentence or clause; a group
        named before in the sentence, unless only of a person (``persons``: X发言人), for 该组织.

        >>> d = Discourse()
        >>> u = Mention("un-unodc", "UNEntity", "毒品和犯罪问题办公室", "d", 0, 10, "vocabulary")
        >>> d.remember([u])
        >>> [(m.concept, m.surface) for m in d.resolve("该办公室提供了培训", [], ["该办公室"])]
        [('un-unodc', '该办公室')]
        """
        out = []
        taken = [(m.start, m.end) for m in ms]
        pattern, kinds = _anaphor_pattern(
            tuple(anaphors),
            tuple(resolutions),
            tuple(plural),
            tuple(groups),
            tuple(at_start),
            tuple(places),
            tuple(place),
            tuple(group_lists),
            tuple(conventions),
            tuple(bodies),
            tuple(instruments),
        )
        for hit in pattern.finditer(text):
            word, s, e = hit.group(0), hit.start(), hit.end()
            kind, head = kinds[word]
            if any(a < e and s < b for a, b in taken):
                continue
            if kind == "entity_at_start" and s > 0 and text[s - 1] not in "，；：。,;:":
                continue  # 中心 inside a phrase (区域中心) is no short form
            if kind == "resolutions":  # 这两项决议: the resolutions named last, here or before
                here = [m for m in ms if m.kind == "Resolution" and m.end <= s]
                targets = here or list(self.resolutions)
            elif (
                kind == "resolution"
            ):  # 该决议: the last named before it here (one adopted first), else before
                here = [m for m in ms if m.kind == "Resolution" and m.end <= s and m.method != "anaphora"]
                adopted = [m for m in here if text.endswith(("通过", "通过了"), 0, m.start)]
                targets = (adopted or here)[-1:] or ([t] if (t := self.adopted or self.resolution) else [])
            elif kind == "bodies":  # 上述实体: the bodies named before this clause, here or before
                opening = max((text.rfind(c, 0, s) for c in "，；,;"), default=-1)
                here = [
                    m
                    for m in ms
                    if m.kind in BODIES and m.end <= opening and m.method not in ("anaphora", "mandate")
                ]
                targets = list({m.concept: m for m in here}.values()) or list(self.bodies)
                if word.endswith("办公室"):  # 两个办公室: the offices among them, not a 办事处
                    targets = [m for m in targets if any(f.endswith("办公室") for f in self._names_of(m))]
            elif kind == "convention":  # 该公约: the last convention named here or before, of that head
                here = [m for m in ms if m.kind == "Convention" and m.end <= s and m.method != "anaphora"]
                heads = [
                    m
                    for m in (*self.conventions, *here)
                    if _TITLE_TAIL.sub("", fold(m.surface)).endswith(head)
                ]
                targets = heads[-1:]
            elif kind == "conventions":  # 这些文书: the conventions named before it here, else last
                here = [m for m in ms if m.kind == "Convention" and m.end <= s and m.method != "anaphora"]
                targets = list({m.concept: m for m in here}.values()) or list(self.convention_list)
            elif kind in ("places", "place"):  # 在这些城市, 该国: the places named last, of that kind
                here = [m for m in ms if m.kind in ("Country", "Region") and m.end <= s]
                pool = next(
                    (p for p in (_of_kind(word, ps) for ps in (here, *reversed(self.places))) if p), []
                )
                targets = pool if kind == "places" else pool[-1:]
            elif kind == "groups":  # 这些团体: the groups named last, here or before
                here = [m for m in ms if m.kind == "TerroristGroup" and m.end <= s and m.method != "anaphora"]
                targets = list({m.concept: m for m in here}.values()) or list(self.group_list)
            elif kind == "group":  # 该团体, 该组织: the group the text is about
                here = [
                    m
                    for m in ms
                    if m.kind == "TerroristGroup"
                    and m.end <= s
                    and not text.startswith((*persons, "的"), m.end)  # X发言人, X的镇压: X only qualifies
                    and not named_as(text, m.start, self.naming)  # 称其为“X”: a name, not who acts
                ]
                # a group named in the anaphor's own clause is not the one it stands for (X将该团体列为…)
                opening = max((text.rfind(c, 0, s) for c in "，；,;"), default=-1)
                local = {m.concept for m in here if m.end > opening}
                earlier = [m for m in here if m.end <= opening]
                said_of = [m for m in here if text[m.end : s].endswith(("是", "为", "系"))]
                if said_of and self.title_group is None and self._names_branch(text, e):
                    targets = self._parent_of(said_of[0])  # X是该组织在北非的分支: X's parent
                elif (
                    earlier and self.title_group is None
                ):  # X…，但该组织…: the group the sentence opened with
                    targets = earlier[:1]
                else:
                    targets = [t] if (t := self.group(word)) and t.concept not in local else []
                if not targets and word.endswith("组织"):
                    # 教科文组织…。该组织还…: the UN body the text is about, when its name has that
                    # head, else the body last named with it (粮农组织协助…。科摩罗批准了…。该组织还…)
                    targets = [
                        m
                        for m in self.topic[:1]
                        if m.kind == "UNEntity"
                        and fold((self.named.get(m.concept) or m).surface).endswith("组织")
                    ] or [
                        m
                        for m in reversed(self.named.values())
                        if m.kind in ("UNEntity", "Organization")
                        and m.method not in ("anaphora", "mandate")
                        and fold(m.surface).endswith("组织")
                    ][:1]
            else:  # a short form of a body named earlier in the sentence is that body (X…，并请执行局…)
                here = (
                    [
                        m
                        for m in ms
                        if m.end <= s
                        and m.method not in ("anaphora", "mandate")
                        and m.kind != "Resolution"
                        and fold(m.surface).endswith(head)
                    ]
                    if word == head
                    else []
                )
                targets = here[-1:] or ([t] if (t := self._antecedent(head, word == head)) else [])
            if not targets:
                continue
            taken.append((s, e))
            out += [Mention(t.concept, t.kind, word, t.doc_id, s, e, "anaphora") for t in targets]
        return out

    def mandates(self, text: str, ms: Sequence[Mention], nouns: Sequence[str]) -> list[Mention]:
        """Mentions for the mandate nouns of ``text`` (这一任务): the mandate of the body last said
        to hold one, else of the report's author.

        >>> d = Discourse()
        >>> u = Mention("un-unoct", "UNEntity", "反恐怖主义办公室", "d", 0, 8, "vocabulary")
        >>> d.remember([u], "反恐怖主义办公室的任务是协助会员国", ["的任务"])
        >>> [(m.concept, m.surface, m.method) for m in d.mandates("大会重申了这一任务", [], ["这一任务"])]
        [('un-unoct', '这一任务', 'mandate')]
        """
        holder = self.mandate or self.actor
        if holder is None or not nouns:
            return []
        taken = [(m.start, m.end) for m in ms]
        pattern = _longest_first_pattern(tuple(nouns))
        return [
            Mention(
                holder.concept, holder.kind, hit.group(0), holder.doc_id, hit.start(), hit.end(), "mandate"
            )
            for hit in pattern.finditer(text)
            if not any(a < hit.end() and hit.start() < b for a, b in taken)
        ]

    def _names_of(self, m: Mention) -> set[str]:
        """Every name ``m``'s entity is known by: as written here, before, or in the vocabulary."""
        return {fold(m.surface), *self.forms.get(m.concept, ()), *self.known_forms.get(m.concept, ())}

    def _names_branch(self, text: str, end: int) -> bool:
        """A branch word follows the short form ending at ``end`` in its clause (该组织在北非的分支)."""
        stop = min((i for c in "，。；：,;:" if (i := text.find(c, end)) >= 0), default=len(text))
        at = text.find("的", end, min(stop, end + _BRANCH_REACH))
        return at >= 0 and text.startswith(self.branch_words, at + 1) if self.branch_words else False

    def _parent_of(self, group: Mention) -> list[Mention]:
        """The group named so far whose name opens the name of ``group`` (伊黎伊斯兰国 for
        伊黎伊斯兰国利比亚省), else none."""
        name = fold(group.surface)
        for m in reversed(self.named.values()):
            forms = self.forms.get(m.concept, {fold(m.surface)})
            if (
                m.kind == "TerroristGroup"
                and m.concept != group.concept
                and any(name.startswith(f) and len(f) < len(name) for f in forms)
            ):
                return [m]
        return []

    def group(self, word: str = "") -> Mention | None:
        """The group a short form (该团体, 该组织) stands for: the group the document's title names
        alone (a sanctions-list profile: 该组织 is the listed group, whatever groups its founding
        names), else the subject the text is about when it is a group, else the group last named
        as a subject in this paragraph (or in the one before, from the first sentence of this one)."""
        head = word[1:] if word.startswith("该") else ""
        if head and head not in GENERIC_GROUP_HEADS:  # 该网络: the last group whose name ends so
            for m in reversed(self.named.values()):
                if m.kind == "TerroristGroup" and fold(m.surface).endswith(head):
                    return m
        if self.title_group is not None:
            return self.title_group
        for m in self.topic:
            if m.kind == "TerroristGroup" and m.method not in ("anaphora", "mandate"):
                return m
        # the group of the paragraph before only opens this one (该团体 in its first sentence)
        return self.last_group if self.group_age == 0 or self.sentence == 1 else None

    def _ends_with(self, m: Mention, heads: tuple[str, ...]) -> bool:
        """The entity was named here with a form that ends in one of ``heads``."""
        return fold(m.surface).endswith(heads) or any(
            f.endswith(heads) for f in self.forms.get(m.concept, ())
        )

    def _antecedent(self, head: str, bare: bool = False) -> Mention | None:
        """The body a short form stands for: the current topic (the subject the text is about) when
        its name has the same head noun, else the last body named with it, else the author, else
        the topic by a name the vocabulary knows it by. A ``bare`` head (专家小组, not 该小组) is the
        report's author when the author's name has that head, before any body named in passing."""
        heads = self.mission_heads if head in self.mission_heads else (head,)
        actor = self.actor
        if bare and actor is not None and fold(actor.surface).endswith(heads):
            return actor  # 专家小组记录了…: the panel writing the report, whatever other panel it cites
        # the topic, then the UN body last acting (before one named in passing since); a subject
        # named by a short form before (该办公室) is looked up by its name
        for m in (*self.topic, *self.body_topic):
            if m.concept not in self.named:
                continue  # a report's author named only further on is not what 该办公室 refers back to
            named = m if m.method not in ("anaphora", "mandate") else self.named.get(m.concept)
            if (
                named is not None
                and self._ends_with(named, heads)
                and named.method not in ("anaphora", "mandate")
            ):
                return named
        # a body named only as another's partner comes after any other body with that head
        for passing in (False, True):
            for m in reversed(self.named.values()):
                if (m.concept in self.partners) != passing:
                    continue
                surface = fold(m.surface)  # 聯合國…辦公室: the head words are simplified; a quoted
                # title or a name with its abbreviation (《…指南》, …中心(UNCCT)) ends before what closes
                # it, and a head inside a name is not its head (该行动 is no 国家行动计划)
                if self._ends_with(m, heads) or _TITLE_TAIL.sub("", surface).endswith(head):
                    return m
        if actor is not None and fold(actor.surface).endswith(heads):
            return actor
        # no body named so: the subject the text is about, named only by an abbreviation (反恐办 …
        # 该办公室), when a name the vocabulary knows it by has that head
        return next(
            (
                m
                for m in (*self.topic, *self.body_topic)
                if m.concept in self.named
                and m.method not in ("anaphora", "mandate")
                and any(f.endswith(heads) for f in self.known_forms.get(m.concept, ()))
            ),
            None,
        )
