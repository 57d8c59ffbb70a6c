"""Clause frames as checked data: ``ontology/frames.toml`` → one frozen ``Frames``.

A frame is a row: a relation of the ontology, the verb classes that state it, the clause roles
its subject and object fill, a confidence and a Chinese example.  The classes a subject or
object may have are the relation's ``rdfs:domain`` and ``rdfs:range`` in ``nexus.ttl``.
Everything is checked when the file loads: an unknown verb class, role or relation, an empty
list or a bad pattern is an ``OntologyError`` naming the file and key.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import OntologyError
from graph.ns import RELATIONS, domain_range
from graph.resources import ontology_file
from graph.script import fold

#: The roles the clause analyser gives a list of names (see ``graph.extract.clauses``).
ROLES = (
    "agent",
    "object",
    "place",
    "beneficiary",
    "partner",
    "basis",
    "supporter",
    "list",
    "voice",
    "attribute",
    "source",
    "source_place",
    "mandate",
    "topic",
    "aided_basis",
    "object_basis",
    "relative_basis",
    "antecedent",
    "carried",
    "relative_place",
    "relative_head",
    "owned_place",
    "place_owner",
    "branch_place",
    "holder",
    "held_place",
    "crime_place",
    "described_place",
)
MARKER_ROLES = ("place", "beneficiary", "partner", "basis", "by", "source", "topic")
ANY_VERB = "*"


@dataclass(frozen=True, slots=True)
class Frame:
    """One relation row: ``predicate`` holds between a ``subject`` role and an ``object`` role of a
    clause whose predicate is of one of ``verbs`` (``*``: any clause).  The classes are the
    relation's domain and range; a row may narrow them, never widen them."""

    predicate: str
    verbs: tuple[str, ...]
    subject: tuple[str, ...]
    object: tuple[str, ...]
    subject_classes: tuple[str, ...]
    object_classes: tuple[str, ...]
    confidence: float
    example: str = ""
    near_miss: str = ""
    with_partners: bool = True
    by_owner: bool = False
    #: Verb classes whose presence in the clause keeps the row from reading it (a country assessed
    #: in its implementation, 评估了该国执行X的情况, is not said to implement X).
    unless: tuple[str, ...] = ()
    #: Only a subject the clause names itself, none carried into it from the clause before.
    named_only: bool = False


@dataclass(frozen=True, eq=False)
class Frames:
    """Verb classes, role markers, modality words and frames, checked and frozen."""

    verbs: Mapping[str, tuple[str, ...]]
    blockers: tuple[str, ...]
    name_heads: tuple[str, ...]
    #: Heads of a body's or programme's name that a region or city opening it gives its name to.
    region_name_heads: tuple[str, ...]
    #: Heads of an office a region or city right before it names (南亚区域办事处, 西非办事处).
    region_office_heads: tuple[str, ...]
    #: (status words, report words before, report words after): 报告…执行情况 states no implementation.
    reported: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    #: Words after which an implement verb a report word stands before is what is reported on (进展).
    report_progress: tuple[str, ...]
    markers: Mapping[str, tuple[str, ...]]
    list_openers: tuple[str, ...]
    place_parts: tuple[str, ...]
    owner_links: tuple[str, ...]
    not_a_target: tuple[str, ...]
    studied: tuple[str, ...]
    shipped: tuple[str, ...]
    shipped_to: tuple[str, ...]
    goes_on: tuple[str, ...]
    party_nouns: tuple[str, ...]
    nationals: tuple[str, ...]
    #: After a word of ``nationals``: it names an office for those people (移民官员, 难民署), not them.
    nationals_offices: tuple[str, ...]
    #: What makes a place's people, written right after it, a site (难民营: a camp in that place).
    nationals_sites: tuple[str, ...]
    sites: tuple[str, ...]
    nationality: tuple[str, ...]
    origin_before: tuple[str, ...]
    container_tail: tuple[str, ...]
    against: tuple[str, ...]
    supporter_tail: re.Pattern[str]
    #: After a place marked as the receiver (向X): the traders or traffic of X a group levies money
    #: from (向博萨索港的商户勒索): the place is where the group takes it.
    levied_tail: re.Pattern[str]
    #: Between places after 在 and a crime (在X和Y等地的敲诈勒索): the crime done there.
    crime_place_link: re.Pattern[str]
    #: After a state helped (协助X…): it completes becoming a party (加入了, 批准了, 已成为), so it
    #: is a party to the instrument named next.
    aided_party: re.Pattern[str]
    #: After a place that follows a group and a copula (X是P境内最活跃的恐怖团体之一): the group noun
    #: the place describes, so the place is where the group is.
    described_tail: re.Pattern[str]
    #: A clause opening with one of these and then only names (，以及南部的B省和C省) goes on with the
    #: list of the clause before.
    list_continuer: re.Pattern[str]
    #: Groups a clause speaks of without naming them (若干分裂团体): a list after it (其中包括A和B)
    #: names them.
    unnamed_groups: re.Pattern[str]
    #: After an instrument that is a verb's object: the implementation of it is what the verb is
    #: about (支持《守则》的执行工作, 协助《公约》及其议定书的实施).
    supported_implementation: re.Pattern[str]
    request_basis: tuple[str, ...]
    request_tail: re.Pattern[str]
    crime_source_only: tuple[str, ...]
    cataphora: tuple[str, ...]
    purpose: tuple[str, ...]
    fronted_purpose: tuple[str, ...]
    fronted_request: tuple[tuple[str, ...], tuple[str, ...]]
    on_behalf: tuple[str, ...]
    passive: tuple[str, ...]
    copula: tuple[str, ...]
    marks_before_name: tuple[str, ...]
    as_opener: tuple[str, ...]
    #: A clause opening with one of these right after a list item ((a) X，负责…) says what that item does.
    item_duty: tuple[str, ...]
    funding: tuple[str, ...]
    basis_place_tail: re.Pattern[str]
    funder_tail: re.Pattern[str]
    received_before: tuple[str, ...]
    received_tail: re.Pattern[str]
    relative_basis_tail: re.Pattern[str]
    adopted_relative_tail: re.Pattern[str]
    subject_adverbs: tuple[str, ...]
    group_descriptors: tuple[str, ...]
    nominal_gap: re.Pattern[str]
    held_passive: re.Pattern[str]
    attendees: tuple[str, ...]
    while_open: tuple[str, ...]
    while_close: re.Pattern[str]
    acting_through: tuple[str, ...]
    led_by: tuple[str, ...]
    copula_openers: tuple[str, ...]
    examples_end: tuple[str, ...]
    agreements: tuple[str, ...]
    adopting: tuple[str, ...]
    adopted: tuple[str, ...]
    basis_tail: tuple[str, ...]
    partner_tail: tuple[str, ...]
    between: tuple[str, ...]
    borders: tuple[str, ...]
    inner_place_prefixes: tuple[str, ...]
    existential: tuple[str, ...]
    place_tail: tuple[str, ...]
    attribute_tail: tuple[str, ...]
    #: After the last name of a list: a body whose members act (东盟成员国): the name is an attribute.
    members_tail: tuple[str, ...]
    law_heads: tuple[str, ...]
    body_heads: tuple[str, ...]
    mandate_nouns: tuple[str, ...]
    mandate_holder: tuple[str, ...]
    self_resolution: tuple[str, ...]
    asked_before: tuple[str, ...]
    complements: tuple[str, ...]
    carried_complements: tuple[str, ...]
    own_act: tuple[str, ...]
    #: Verb classes whose embedded clause's agent is spoken about, not what the text goes on about
    #: (感谢肯尼亚政府主办讲习班: the speaker stays the subject of what follows).
    aside: tuple[str, ...]
    pivots: tuple[str, ...]
    attributive: tuple[str, ...]
    generic_subject: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
    described_subject: re.Pattern[str]
    persons: tuple[str, ...]
    #: People a clause with no name before them may open with (…成员, 武装分子): no entity acts.
    people: tuple[str, ...]
    #: What a people word is part of a longer noun before (成员国, 成员方): no people.
    people_not_before: tuple[str, ...]
    #: What makes a clause's people the members of the one it is about (其…成员), and what makes
    #: them former members, who act for no one.
    people_own: tuple[str, ...]
    people_former: tuple[str, ...]
    #: The pronouns a request may ask (鼓励它们…): no entity of the clause is asked.
    asked_pronouns: tuple[str, ...]
    negation: tuple[str, ...]
    #: A clause ending in one of these (提出以下建议：) opens recommendations: the clauses after it in
    #: the sentence state nothing.
    recommending: tuple[str, ...]
    not_negation: tuple[str, ...]
    denial: tuple[str, ...]
    distributive: tuple[str, ...]
    respectively: tuple[str, ...]
    uncertainty: tuple[str, ...]
    doubt: tuple[str, ...]
    disputed: tuple[str, ...]
    disputed_relations: tuple[str, ...]
    #: A report the sentence says could not be verified (关于X在Y设立训练营的报道未能得到证实): its
    #: first group spans what the report said, which states nothing.
    unverified_report: re.Pattern[str]
    deliberative: tuple[str, ...]
    frames: tuple[Frame, ...]

    @functools.cached_property
    def modality(self) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        """The negation, denial and uncertainty words, each as one pattern."""

        # 并不断扩张, 从不少于: a word ending in 不 that only begins an adverb (不断, 不少) negates nothing
        tails = "".join(sorted({w[1:] for w in self.not_negation if w.startswith("不") and len(w) == 2}))

        def one(word: str) -> str:
            return re.escape(word) + (f"(?![{tails}])" if tails and word.endswith("不") else "")

        def alt(words: tuple[str, ...]) -> re.Pattern[str]:
            return re.compile("|".join(map(one, sorted(words, key=len, reverse=True))))

        return alt(self.negation), alt(self.denial), alt(self.uncertainty)

    @functools.cached_property
    def cue_index(self) -> tuple[tuple[str, str], ...]:
        """(word, verb class or ``marker:<role>``), longest word first, for the clause scanner."""
        pairs = [(w, cls) for cls, words in self.verbs.items() for w in words]
        pairs += [(w, "marker:" + role) for role, words in self.markers.items() for w in words]
        return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0], p[1])))


def _words(data: Mapping[str, Any], table: str, key: str, source: str) -> tuple[str, ...]:
    words = data.get(key)
    if not (isinstance(words, list) and words and all(isinstance(w, str) and w for w in words)):
        raise OntologyError(f"{source}: [{table}] {key} must be a non-empty list of words")
    return tuple(fold(w) for w in words)


def _pattern(data: Mapping[str, Any], table: str, key: str, source: str) -> re.Pattern[str]:
    text = data.get(key)
    if not isinstance(text, str) or not text:
        raise OntologyError(f"{source}: [{table}] {key} must be a regular expression")
    try:
        return re.compile(text)
    except re.error as exc:
        raise OntologyError(f"{source}: [{table}] {key} is not a regular expression ({exc})") from None


def _table(data: Mapping[str, Any], name: str, source: str) -> Mapping[str, Any]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise OntologyError(f"{source}: no [{name}] table")
    return table


def _generic_subject(
    table: Mapping[str, Any], source: str
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns of a generic subject: opening a clause (一些会员国…), the document itself right
    before a verb anywhere in the clause (…本报告根据…编写), and a generic noun a relative clause
    describes (尚未加入《公约》的国家)."""
    words = _words(table, "subjects", "generic", source)
    quantifiers = _words(table, "subjects", "quantifiers", source)

    def alt(ws: tuple[str, ...]) -> str:
        return "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))

    counted = table.get("counted", "")
    if not isinstance(counted, str):
        raise OntologyError(f"{source}: [subjects] counted must be a regular expression")
    noun = (
        rf"(?:{alt(quantifiers)}|{counted})?(?:{alt(words)})"
        if counted
        else rf"(?:{alt(quantifiers)})?(?:{alt(words)})"
    )
    itself = alt(_words(table, "subjects", "self", source))
    dated = table.get("dated", "")
    if not isinstance(dated, str):
        raise OntologyError(f"{source}: [subjects] dated must be a regular expression")
    return (
        re.compile(rf"[\s“‘\"]*(?:{dated})?(?:并|而|但|还|也|此外)?{noun}"),
        re.compile(rf"(?:{itself})(?:还|也|已|已经|将)?$"),
        re.compile(rf"[^，。；,;]{{1,30}}?的{noun}"),
    )


def _described_subject(table: Mapping[str, Any], source: str) -> re.Pattern[str]:
    """A clause opening with a quantifier and a described group (一个与X有关联的团体…)."""
    quantifiers = (*_words(table, "subjects", "quantifiers", source), "一个", "另一个")
    heads = _words(table, "subjects", "unnamed_groups", source)

    def alt(ws: tuple[str, ...]) -> str:
        return "|".join(map(re.escape, sorted(ws, key=len, reverse=True)))

    return re.compile(rf"[\s“‘\"]*(?:{alt(quantifiers)})[^，。；]{{0,24}}?的(?:{alt(heads)})")


def _overlaps(word: str, cue: str) -> bool:
    """The end of ``word`` is the start of ``cue`` or the other way round (部分 / 分支 in 部分支持)."""
    return any(word.endswith(cue[:k]) or word.startswith(cue[-k:]) for k in range(1, len(cue)))


def _flag(row: Mapping[str, Any], key: str, where: str, default: bool = True) -> bool:
    value = row.get(key, default)
    if not isinstance(value, bool):
        raise OntologyError(f"{where}: {key} must be true or false")
    return value


def _narrowed(
    row: Mapping[str, Any],
    key: str,
    classes: tuple[str, ...],
    what: str,
    where: str,
    source: str,
    i: int,
) -> tuple[str, ...]:
    """A row's ``subject_classes``/``object_classes``: a subset of the relation's own, never wider."""
    if row.get(key) is None:
        return classes
    narrowed = _words(row, f"frame {i}", key, source)
    wider = sorted(set(narrowed) - set(classes))
    if wider:
        raise OntologyError(f"{where}: {key} {wider} are outside {what}")
    return narrowed


def check_frames(data: Mapping[str, Any], source: str = "frames.toml") -> Frames:
    """``frames.toml`` as checked, frozen ``Frames``.

    >>> bad = {"verbs": {"partner": ["合作"]}, "frame": [{"predicate": "partnerOf", "verbs": ["cooperate"]}]}
    >>> check_frames(bad)
    Traceback (most recent call last):
    graph.errors.OntologyError: frames.toml: no [blockers] table
    """
    verbs_t = _table(data, "verbs", source)
    verbs = {cls: _words(verbs_t, "verbs", cls, source) for cls in verbs_t}
    blockers = _words(_table(data, "blockers", source), "blockers", "words", source)
    name_heads = _words(_table(data, "blockers", source), "blockers", "name_heads", source)
    region_name_heads = _words(_table(data, "blockers", source), "blockers", "region_name_heads", source)
    reported = tuple(
        _words(_table(data, "blockers", source), "blockers", k, source)
        for k in ("status_words", "report_before", "report_after")
    )
    markers_t = _table(data, "markers", source)
    markers = {role: _words(markers_t, "markers", role, source) for role in MARKER_ROLES}
    unknown = sorted(
        set(markers_t)
        - {
            *MARKER_ROLES,
            "list_openers",
            "place_parts",
            "owner_links",
            "supporter_tail",
            "levied_tail",
            "crime_place_link",
            "aided_party",
            "described_tail",
            "list_continuer",
            "unnamed_groups",
            "supported_implementation",
            "request_basis",
            "request_tail",
            "crime_source_only",
            "cataphora",
            "purpose",
            "fronted_purpose",
            "fronted_request_open",
            "fronted_request_close",
            "on_behalf",
            "passive",
            "copula",
            "marks_before_name",
            "as_opener",
            "item_duty",
            "funding",
            "nominal_gap",
            "held_passive",
            "attendees",
            "while_open",
            "while_close",
            "acting_through",
            "led_by",
            "copula_openers",
            "examples_end",
            "agreements",
            "adopting",
            "adopted",
            "not_a_target",
            "studied",
            "shipped",
            "shipped_to",
            "goes_on",
            "party_nouns",
            "nationals",
            "nationals_offices",
            "nationals_sites",
            "sites",
            "nationality",
            "origin_before",
            "container_tail",
            "against",
            "basis_tail",
            "basis_place_tail",
            "funder_tail",
            "received_before",
            "received_tail",
            "relative_basis_tail",
            "adopted_relative_tail",
            "subject_adverbs",
            "group_descriptors",
            "partner_tail",
            "between",
            "borders",
            "inner_place_prefixes",
            "existential",
            "place_tail",
            "attribute_tail",
            "members_tail",
            "law_heads",
            "body_heads",
        }
    )
    if unknown:
        raise OntologyError(f"{source}: [markers] has unknown keys {unknown} (roles: {list(MARKER_ROLES)})")
    cues = {w for ws in (*verbs.values(), *markers.values()) for w in ws}
    for b in blockers:
        if not any(c in b or _overlaps(b, c) for c in cues):
            raise OntologyError(
                f"{source}: [blockers] {b!r} contains or overlaps no verb or marker; it blocks nothing"
            )
    modality = _table(data, "modality", source)
    complements = _table(data, "complements", source)
    opened = _words(complements, "complements", "open", source)
    carried = _words(complements, "complements", "carry", source)
    own_act = _words(complements, "complements", "own_act", source)
    aside = _words(complements, "complements", "aside", source)
    pivots = _words(complements, "complements", "pivot", source)
    attributive = _words(complements, "complements", "attributive", source)
    for cls in (*opened, *carried, *own_act, *aside, *pivots, *attributive):
        if cls not in verbs:
            raise OntologyError(f"{source}: [complements] verb class {cls!r} is not in [verbs]")
    frames = []
    rows = data.get("frame")
    if not isinstance(rows, list) or not rows:
        raise OntologyError(f"{source}: no [[frame]] rows")
    for i, row in enumerate(rows, 1):
        where = f"{source}: frame {i}"
        pred = row.get("predicate")
        if pred not in RELATIONS:
            raise OntologyError(f"{where}: predicate {pred!r} is not a relation of nexus.ttl")
        fverbs = _words(row, f"frame {i}", "verbs", source)
        for v in fverbs:
            if v != ANY_VERB and v not in verbs:
                raise OntologyError(f"{where}: verb class {v!r} is not in [verbs] ({sorted(verbs)})")
        roles = {}
        for slot in ("subject", "object"):
            roles[slot] = _words(row, f"frame {i}", slot, source)
            for r in roles[slot]:
                if r not in ROLES:
                    raise OntologyError(f"{where}: {slot} role {r!r} is not one of {list(ROLES)}")
        conf = row.get("confidence")
        if not isinstance(conf, int | float) or isinstance(conf, bool) or not 0 < conf <= 1:
            raise OntologyError(f"{where}: confidence must be a number in (0, 1]")
        unless = _words(row, f"frame {i}", "unless", source) if "unless" in row else ()
        for v in unless:
            if v not in verbs:
                raise OntologyError(f"{where}: unless verb class {v!r} is not in [verbs] ({sorted(verbs)})")
        domain, range_ = domain_range(pred)
        domain = _narrowed(row, "subject_classes", domain, f"the domain of {pred}", where, source, i)
        range_ = _narrowed(row, "object_classes", range_, f"the range of {pred}", where, source, i)
        frames.append(
            Frame(
                pred,
                fverbs,
                roles["subject"],
                roles["object"],
                domain,
                range_,
                float(conf),
                str(row.get("example", "")),
                str(row.get("near_miss", "")),
                _flag(row, "with_partners", where),
                _flag(row, "by_owner", where, False),
                unless,
                _flag(row, "named_only", where, False),
            )
        )
    return Frames(
        verbs=verbs,
        blockers=blockers,
        name_heads=name_heads,
        region_name_heads=region_name_heads,
        region_office_heads=_words(
            _table(data, "blockers", source), "blockers", "region_office_heads", source
        ),
        reported=(reported[0], reported[1], reported[2]),
        report_progress=_words(_table(data, "blockers", source), "blockers", "report_progress", source),
        markers=markers,
        list_openers=_words(markers_t, "markers", "list_openers", source),
        place_parts=_words(markers_t, "markers", "place_parts", source),
        owner_links=_words(markers_t, "markers", "owner_links", source),
        not_a_target=_words(markers_t, "markers", "not_a_target", source),
        studied=_words(markers_t, "markers", "studied", source),
        shipped=_words(markers_t, "markers", "shipped", source),
        shipped_to=_words(markers_t, "markers", "shipped_to", source),
        goes_on=_words(markers_t, "markers", "goes_on", source),
        party_nouns=_words(markers_t, "markers", "party_nouns", source),
        nationals=_words(markers_t, "markers", "nationals", source),
        nationals_offices=_words(markers_t, "markers", "nationals_offices", source),
        nationals_sites=_words(markers_t, "markers", "nationals_sites", source),
        sites=_words(markers_t, "markers", "sites", source),
        nationality=_words(markers_t, "markers", "nationality", source),
        origin_before=_words(markers_t, "markers", "origin_before", source),
        container_tail=_words(markers_t, "markers", "container_tail", source),
        against=_words(markers_t, "markers", "against", source),
        supporter_tail=_pattern(markers_t, "markers", "supporter_tail", source),
        levied_tail=_pattern(markers_t, "markers", "levied_tail", source),
        crime_place_link=_pattern(markers_t, "markers", "crime_place_link", source),
        aided_party=_pattern(markers_t, "markers", "aided_party", source),
        described_tail=_pattern(markers_t, "markers", "described_tail", source),
        list_continuer=_pattern(markers_t, "markers", "list_continuer", source),
        unnamed_groups=_pattern(markers_t, "markers", "unnamed_groups", source),
        supported_implementation=_pattern(markers_t, "markers", "supported_implementation", source),
        request_basis=_words(markers_t, "markers", "request_basis", source),
        request_tail=_pattern(markers_t, "markers", "request_tail", source),
        crime_source_only=_words(markers_t, "markers", "crime_source_only", source),
        cataphora=_words(markers_t, "markers", "cataphora", source),
        purpose=_words(markers_t, "markers", "purpose", source),
        fronted_purpose=_words(markers_t, "markers", "fronted_purpose", source),
        fronted_request=(
            _words(markers_t, "markers", "fronted_request_open", source),
            _words(markers_t, "markers", "fronted_request_close", source),
        ),
        on_behalf=_words(markers_t, "markers", "on_behalf", source),
        passive=_words(markers_t, "markers", "passive", source),
        copula=_words(markers_t, "markers", "copula", source),
        marks_before_name=_words(markers_t, "markers", "marks_before_name", source),
        as_opener=_words(markers_t, "markers", "as_opener", source),
        item_duty=_words(markers_t, "markers", "item_duty", source),
        funding=_words(markers_t, "markers", "funding", source),
        basis_place_tail=_pattern(markers_t, "markers", "basis_place_tail", source),
        funder_tail=_pattern(markers_t, "markers", "funder_tail", source),
        received_before=_words(markers_t, "markers", "received_before", source),
        received_tail=_pattern(markers_t, "markers", "received_tail", source),
        relative_basis_tail=_pattern(markers_t, "markers", "relative_basis_tail", source),
        adopted_relative_tail=_pattern(markers_t, "markers", "adopted_relative_tail", source),
        subject_adverbs=_words(markers_t, "markers", "subject_adverbs", source),
        group_descriptors=_words(markers_t, "markers", "group_descriptors", source),
        nominal_gap=_pattern(markers_t, "markers", "nominal_gap", source),
        held_passive=_pattern(markers_t, "markers", "held_passive", source),
        attendees=_words(markers_t, "markers", "attendees", source),
        while_open=_words(markers_t, "markers", "while_open", source),
        while_close=_pattern(markers_t, "markers", "while_close", source),
        acting_through=_words(markers_t, "markers", "acting_through", source),
        led_by=_words(markers_t, "markers", "led_by", source),
        copula_openers=_words(markers_t, "markers", "copula_openers", source),
        examples_end=_words(markers_t, "markers", "examples_end", source),
        agreements=_words(markers_t, "markers", "agreements", source),
        adopting=_words(markers_t, "markers", "adopting", source),
        adopted=_words(markers_t, "markers", "adopted", source),
        basis_tail=_words(markers_t, "markers", "basis_tail", source),
        partner_tail=_words(markers_t, "markers", "partner_tail", source),
        between=_words(markers_t, "markers", "between", source),
        borders=_words(markers_t, "markers", "borders", source),
        inner_place_prefixes=_words(markers_t, "markers", "inner_place_prefixes", source),
        existential=_words(markers_t, "markers", "existential", source),
        place_tail=_words(markers_t, "markers", "place_tail", source),
        attribute_tail=_words(markers_t, "markers", "attribute_tail", source),
        members_tail=_words(markers_t, "markers", "members_tail", source),
        law_heads=_words(markers_t, "markers", "law_heads", source),
        body_heads=_words(markers_t, "markers", "body_heads", source),
        mandate_nouns=_words(_table(data, "mandate", source), "mandate", "nouns", source),
        mandate_holder=_words(_table(data, "mandate", source), "mandate", "holder", source),
        self_resolution=_words(_table(data, "voice", source), "voice", "self_resolution", source),
        asked_before=_words(_table(data, "voice", source), "voice", "asked_before", source),
        complements=opened,
        carried_complements=carried,
        own_act=own_act,
        aside=aside,
        pivots=pivots,
        attributive=attributive,
        generic_subject=_generic_subject(_table(data, "subjects", source), source),
        described_subject=_described_subject(_table(data, "subjects", source), source),
        persons=_words(_table(data, "subjects", source), "subjects", "persons", source),
        people=_words(_table(data, "subjects", source), "subjects", "people", source),
        people_not_before=_words(_table(data, "subjects", source), "subjects", "people_not_before", source),
        people_own=_words(_table(data, "subjects", source), "subjects", "people_own", source),
        people_former=_words(_table(data, "subjects", source), "subjects", "people_former", source),
        asked_pronouns=_words(_table(data, "subjects", source), "subjects", "asked_pronouns", source),
        negation=_words(modality, "modality", "negation", source),
        recommending=_words(modality, "modality", "recommending", source),
        not_negation=_words(modality, "modality", "not_negation", source),
        denial=_words(modality, "modality", "denial", source),
        distributive=_words(modality, "modality", "distributive", source),
        respectively=_words(modality, "modality", "respectively", source),
        uncertainty=_words(modality, "modality", "uncertainty", source),
        doubt=_words(modality, "modality", "doubt", source),
        disputed=_words(modality, "modality", "disputed", source),
        disputed_relations=_words(modality, "modality", "disputed_relations", source),
        unverified_report=_pattern(modality, "modality", "unverified_report", source),
        deliberative=tuple(_words(modality, "modality", "deliberative", source)),
        frames=tuple(frames),
    )


@functools.cache
def load_frames(path: str | None = None) -> Frames:
    """Load (once) and check ``ontology/frames.toml``."""
    fpath = Path(path) if path else ontology_file("frames.toml")
    try:
        data = tomllib.loads(fpath.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise OntologyError(f"{fpath}: cannot read clause frames ({exc})") from None
    return check_frames(data, fpath.name)
