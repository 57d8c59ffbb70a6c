"""Relation stage: the mentions of a passage + frames and cue words → ``Fact``s.

Every sentence is read by the clause analyser (``graph.extract.clauses``) with the document's
discourse state (``graph.extract.discourse``), and each row of ``ontology/frames.toml`` is matched
against the clauses' roles (:func:`frame_facts`). The relations not yet frames are rule modules of
``graph.extract.rules`` (cue words from ``ontology/cues.toml``, checked on load), run passage by
passage beside them. Neither ever consults a list of facts.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterator, Mapping, Sequence

from graph.extract import orgs
from graph.extract.clauses import (
    RELATIVE_GAP,
    WHILE,
    Clause,
    ClauseTrace,
    Group,
    Predicate,
    after_name,
    analyse,
    clause_spans,
    only_adverbs,
)
from graph.extract.discourse import ACTORS, AUTHORS, Discourse, default_actor, named_as
from graph.extract.rules.active import active_facts
from graph.extract.rules.benefit import benefit_facts
from graph.extract.rules.common import (
    PLACES,
    Context,
    Cues,
    described_branch,
    find_amounts,
    generic_un,
    has_any,
)
from graph.extract.rules.mandate import extension_facts, mandate_facts, request_facts
from graph.extract.rules.operate import attack_sites, claimed_facts, operate_facts
from graph.extract.rules.recall import recall_facts
from graph.extract.rules.table import table_partner_facts
from graph.frames import ANY_VERB, Frame, Frames
from graph.records import Fact, Mention, Passage
from graph.script import fold

__all__ = ["Context", "clause_spans", "document_facts", "find_amounts", "frame_facts"]


# ---------------------------------------------------------------- frames over clauses

#: Partners that act with the agent in the clauses after a joint action (A与B合作，…以支持执行…;
#: X与基地组织联手，在Y实施了袭击).
CO_AGENTS = ("UNEntity", "Programme", "TerroristGroup")
#: The bodies a request or an encouragement asks to act (请X…, 鼓励非洲联盟与Y合作): they act in it.
PIVOTS = ("UNEntity", "Programme", "Organization")
#: Verb classes that link one group to another (与X有关联的Y, 效忠X的Y): the group linked to is
#: named by the link alone and takes no part in the clause's other acts.
LINKS = ("associate", "pledge", "branch", "member", "compose")


def frame_facts(
    p: Passage,
    clauses: Sequence[Clause],
    discourse: Discourse,
    frames: Frames,
    cues: Cues,
    ctx: Context,
    trace: list[ClauseTrace] | None = None,
    apart: set[tuple[str, str, str]] | None = None,
) -> list[Fact]:
    """Facts of one sentence: every frame of ``frames.toml`` over every clause's roles; ``apart``
    (if given) receives the (subject, predicate, object) a clause says do not go together (A和B
    分别在X和Y: not A in Y), for the rules outside the frames to respect.

    The agent of a clause that names none is the agent of the clause before it in the sentence,
    else the discourse topic (the paragraph's last agent, or the report's default actor).
    """
    out: list[Fact] = []
    carried: tuple[Mention, ...] = ()
    joined: tuple[Mention, ...] = ()  # partners carried as co-agents (not addressed by a resolution)
    co_agents: tuple[Mention, ...] = ()  # the partners ``carried`` holds beside the agents
    mandate: list[tuple[Mention, str]] = []  # 这一任务, carried onto the list that continues its clause
    supporters: list[tuple[Mention, str]] = []
    asked_generic = False  # a clause has asked no one in particular (呼吁各国…) to act
    hedged_sentence = has_any(p.text, cues["hedge"]["words"])
    openers = _longest_first(cues["mandate"]["request_openers"])
    voice = (
        (Mention(ctx.self_resolution, "Resolution", "本决议", p.doc_id, 0, 0, "voice"),)
        if ctx.self_resolution
        else ()
    )
    parent: list[Group] = []  # the parent group of the last branch phrase (X的附属团体Y)
    # who acts as an enumeration opens (X与Y联合开展了以下活动：(a)…): each item starts from them
    listed: tuple[tuple[Mention, ...], tuple[Mention, ...]] | None = None
    listed_by: tuple[Mention, ...] = ()  # the agent an embedded clause named, for the lists it goes on with
    last_agents: tuple[Mention, ...] = ()  # who acted in the clause before
    recommends = False  # a clause before opened recommendations (提出以下建议：)
    for i, clause in enumerate(clauses):
        if clause.item:  # (b)与Z合作…；(c)…: Z joined item (b) only
            if listed is None:
                listed = (carried, joined)
            carried, joined = listed
        before = carried
        if carried:
            clause = _copular(clause, p.text, frames)
        clause = _appositive(
            _linked_head(_relative_head(clause, p.text, frames.deliberative), p.text),
            p.text,
            frames,
            parent,
            carried or discourse.topic,
        )
        clause = _programme_head(clause, p.text, _run_words(frames))
        # the rewrites above and below change a clause's lists, never its predicates: its verb
        # classes are read once
        verb_classes = clause.verb_classes
        if parent and not clause.negated and "branch" not in verb_classes:
            # 基地组织的附属团体，包括在索马里活动的青年党…: the groups listed (each described by a
            # clause of its own) are the parent's branches
            out += _listed_branches(clause, parent, p, hedged_sentence, _long_openers(frames))
        parent = [g for g in clause.groups if g.role == "attribute" and "branch" in verb_classes]
        parent = [dataclasses.replace(g, lent=False) for g in parent]
        carries = clause.embedded != WHILE and (
            not clause.embedded
            or bool(clause.predicates)
            or clause.embedded in frames.carried_complements
            # 注意到X通过其Y方案，在A开展的工作: a body the embedded clause names without a verb
            # acts in the clause that goes on with it
            or any(m.kind in ("UNEntity", "Programme", "TerroristGroup") for m in clause.role("agent"))
        )
        agents, implied = discourse.agents(clause, carried, carries)
        if implied and clause.continues and co_agents:
            # (a)X，特别是其Y；(b)Z: the list goes on from its agent; its partners do not join it
            agents = tuple(m for m in agents if m not in co_agents) or agents
        if i and (items := _item_agents(clause, clauses[i - 1], frames)):
            agents, implied = items, True  # (d) 国际刑警组织，负责边境数据库的接入: the item acts
        if not agents and carried and not clause.predicates and _says_more_of_a_place(clause, frames):
            agents, implied = carried, True  # …，并在喀麦隆沿湖地区绑架渔民: the agent before acts there
        if not agents and clause.continues and listed_by:
            agents, implied = listed_by, True  # 谴责X在A，包括在B，实施的袭击: the list goes on for X
        if (
            not agents
            and clause.continues
            and i
            and not last_agents
            and frames.unnamed_groups.search(clauses[i - 1].text)
            and (named := tuple(m for m in clause.role("list") if m.kind == "TerroristGroup"))
        ):
            # 若干分裂团体重新并入X，其中包括A和B: the groups named are those the clause before spoke of
            agents, implied = named, False
            clause = dataclasses.replace(
                clause,
                groups=(
                    *clause.groups,
                    *(
                        Group(g.mentions, g.role, g.start, g.end, g.verb, lent=True)
                        for g in clauses[i - 1].groups
                        if g.role == "object"
                    ),
                ),
            )
        if (
            implied
            and clause.continues
            and agents
            and all(m.kind == "TerroristGroup" for m in agents)
            and (included := clause.role("list"))
            and all(m.kind == "TerroristGroup" for m in included)
        ):
            agents = (*agents, *(m for m in included if m not in agents))  # 这些团体，包括X，…: X is one
        if implied and (heads := _described_head(clause, p.text, frames)):
            agents, implied = heads, False  # 根据X设立的中非稳定团在Y设有基地: the body described acts
        if i == 0 and len(clauses) > 1 and (ahead := _fronted_agents(p.text, clause, clauses[1], frames)):
            agents, implied = ahead, True  # 为执行第N号决议，X…: X acts in the purpose before it
        if i == 0 and len(clauses) > 1 and (ahead := _described_ahead(p.text, clause, clauses[1], frames)):
            clause = _as_attributes(clause)  # 作为X的分支，Y…: the names describe Y
            agents, implied = ahead, True
        pivots = _pivots(clause, frames, cues["agents"]["system_names"])
        if implied and not pivots and _asks_unnamed(clause, p.text, openers, frames):
            # 请X…，并请执行局…: a new body is asked, even one not recognised
            agents, carried, co_agents = (), (), ()
        if asked_generic and implied:
            agents = ()  # 呼吁各国加强合作，执行…: the states asked act, not the one asking
        listed_by = tuple(m for m in agents if clause.embedded) or (listed_by if clause.continues else ())
        last_agents = agents
        if trace is not None:
            trace.append(ClauseTrace(p, clause, agents, implied))
        discourse.own(clause, agents, p.text, _run_words(frames))
        if clause.asks_generic:
            asked_generic, carried, joined, co_agents = True, (), (), ()
            discourse.topic = ()
            continue
        if carries and (agents or (clause.predicates and not clause.embedded)):
            # the UN partners of a joint action act in the clauses that say what it did
            partners = (
                tuple(m for m in clause.role("partner") if m.kind in CO_AGENTS and m not in agents)
                if agents and "partner" in verb_classes
                else ()
            )
            # a clause naming its agent starts a new joint action (or none); …，并与Y合作 adds Y to it.
            # Partners of a joint verb (A与B联合举办) act as agents; those A works with (A与B合作，…)
            # only where a row reads them (``with_partners``)
            working_with = () if "joint" in verb_classes else partners
            joined = joined + working_with if implied else working_with
            carried = agents + partners
            co_agents = partners if not implied else co_agents + partners
        if pivots:  # 请X…，…: X acts in the clauses after
            carried, joined, co_agents = pivots, (), ()
        if not clause.negated:  # X在P开展的工作: the body a relative clause names works in its places
            out += [
                Fact(
                    x.concept,
                    "activeIn",
                    o.concept,
                    p,
                    "frame_relative_work",
                    0.7,
                    hedged_sentence,
                    None,
                    clause.text.strip(),
                )
                for x, o in _relative_work(clause, p.text)
                if x not in agents
            ]
        if recommends:
            continue  # 提出以下建议：(a)…: what is recommended is not stated as done
        recommends = clause.text.rstrip(" ：:，,").endswith(frames.recommending)
        if clause.negated or not (agents or clause.groups):
            continue  # nothing stated, or no name to state it of
        classes = set(verb_classes) - _attributive(clause, p.text, frames) - _attended(clause)
        separately = has_any(clause.text, frames.distributive)  # A和B分别…: no joint action
        lists = {m: k for k, g in enumerate(clause.groups) for m in g.mentions}

        def described(frame: Frame, clause: Clause = clause) -> bool:
            """A、B和C提供的资料: the frame's verbs only describe a noun (V的N), and those who did
            it are not said to work together."""
            own = [v for v in clause.predicates if set(v.classes) & set(frame.verbs)]
            jointly = tuple(w for c in ("partner", "joint") for w in frames.verbs.get(c, ()))
            # …开展的信息交流: what they did is done together
            return (
                "joint" not in frame.verbs
                and bool(own)
                and all(
                    p.text.startswith("的", v.end) and not p.text.startswith(jointly, v.end + 1) for v in own
                )
            )

        def together(
            a: Mention, b: Mention, lists: dict[Mention, int] = lists, clause: Clause = clause
        ) -> bool:
            """In one list, and not a body and its own part (X及其Y, X特别是其Y), nor examples of a
            kind of body (由A、B和C等实体提供援助: each gives it, not jointly)."""
            first, last = (a, b) if a.start < b.start else (b, a)
            if a not in lists or lists.get(a) != lists.get(b) or "其" in p.text[first.end : last.start]:
                return False
            end = clause.groups[lists[a]].end  # the list's own end: 等 right after it gives examples
            return not p.text.startswith(frames.examples_end, after_name(p.text, end))

        roles: dict[str, list[tuple[Mention, str]]] = {}
        for g in clause.groups:
            for m in g.mentions:
                roles.setdefault(g.role, []).append((m, g.verb))
        roles["agent"] = [(m, "") for m in agents]
        for k, g in enumerate(clause.groups[:-1]):  # 在也门活动的Y: Y, right after its relative clause
            if g.role == "relative_place":
                roles.setdefault("relative_head", []).extend(
                    (m, g.verb) for m in clause.groups[k + 1].mentions
                )
        for k, g in enumerate(clause.groups[1:], start=1):  # X在Y的影响: X, right before its place
            if g.role == "owned_place":
                roles.setdefault("place_owner", []).extend((m, "") for m in clause.groups[k - 1].mentions)
        for g, nxt in zip(clause.groups, clause.groups[1:], strict=False):
            # 通过在摩加迪沙和基斯马尤等地的敲诈勒索获取收入: the places of a crime the clause names
            if (
                all(m.kind in ("Country", "Region") for m in g.mentions)
                and all(m.kind == "CrimeType" for m in nxt.mentions)
                and p.text.endswith(frames.markers["place"], 0, g.start)
                and frames.crime_place_link.fullmatch(p.text, g.end, nxt.start)
            ):
                roles.setdefault("crime_place", []).extend((m, "") for m in g.mentions)
        if before and agents and not implied:  # the subject of the clause before, ended by this one's
            roles["carried"] = [(m, "") for m in before if m not in agents]
        if "supporter" in roles:  # 在X的援助下，A…，B…: X supports every clause of the sentence after it
            supporters = roles["supporter"]
        elif supporters and not clause.embedded:  # …参加了Y举行的会议: Y's event, not supported by X
            roles["supporter"] = supporters
        if "mandate" in roles:
            mandate = roles["mandate"]
        elif clause.continues:
            roles["mandate"] = mandate
        elif clause.groups:
            mandate = []
        if "behalf" in classes:  # 以其名义, 代表其: 其 is the last list named before the word
            acted_for = [m for m in agents if p.text.endswith(frames.on_behalf, 0, m.start)]
            if acted_for and before and not implied:  # 其代表基地组织或以其名义: 其 is the carried subject
                roles["agent"] = [(m, "") for m in before]
                roles["antecedent"] = [(m, "") for m in acted_for]
            else:
                roles["antecedent"] = [(m, "") for m in _antecedent(clause, clauses, agents, frames)]
        pivot_agents = [(m, "") for m in pivots]
        if voice and not agents and _opens_with_request(clause, openers):
            roles["voice"] = [(m, "") for m in voice]
        filled = {r for r, ms_ in roles.items() if ms_}
        if pivot_agents:
            filled.add("agent")
        for frame, _verbs, pivotal in _frames_filled(frames, frozenset(classes), frozenset(filled)):
            acting = roles
            if pivot_agents and not pivotal:
                # 请X与Y合作: X cooperates (and replaces a subject only carried into the clause, or
                # one that asks X to: 秘书长鼓励X与Y合作 — the asker does not cooperate)
                asker_acts = not implied and not _asked_before(clause, frame.verbs)
                acting = {**roles, "agent": (roles["agent"] if asker_acts else []) + pivot_agents}
            if frame.named_only and (
                implied or not _verb_follows(clause, agents, frame.verbs, p.text, frames)
            ):
                continue  # A、B和C合作: the bodies named right before the word, not 促进国际合作
            subjects = _fillers(acting, frame.subject, frame.subject_classes, frame.verbs, frames)
            if frame.by_owner:  # 该方案是与Z合作实施的: the body that runs the programme
                subjects += [
                    o
                    for r in frame.subject
                    for m, _ in acting.get(r, [])
                    if m.kind not in frame.subject_classes
                    and (o := discourse.owners.get(m.concept)) is not None
                    and o.kind in frame.subject_classes
                    and o not in subjects
                ]
            objects = _fillers(
                roles, frame.object, frame.object_classes, frame.verbs, frames, discourse.national
            )
            subjects = [
                m
                for m in subjects
                if m.concept not in frames.deliberative
                and ("relative_head" in frame.subject or not _only_linked(m, roles, clause, frame.verbs))
            ]  # what a relative clause says of its group is that group's own act
            if not frame.with_partners:  # 与Y合作，根据第N号决议…: the resolution governs the agent, not Y
                subjects = [m for m in subjects if not (implied and m in joined)]
            objects = [m for m in objects if m.concept not in frames.deliberative]
            respective = (
                _respectively(subjects, objects, clause, frames.respectively)
                if frame.subject != frame.object and not implied
                else None
            )
            for i, s in enumerate(subjects):
                for o in objects:
                    if s.concept == o.concept:
                        continue
                    if frame.predicate == "operatesIn" and _place_of_another(clause, p.text, s, o):
                        continue  # 在索马里活动的青年党和在萨赫勒活动的Y: Somalia is the first group's
                    if respective is not None and o not in respective[s]:
                        if apart is not None:
                            apart.add((s.concept, frame.predicate, o.concept))
                        continue  # A和B分别在X和Y: A in X, B in Y
                    if frame.subject == frame.object and (
                        o in subjects[: i + 1] or not together(s, o) or separately or described(frame)
                    ):
                        continue  # X和Y共同举办: the members of one list acting together, each pair once
                    said = f"[{s.surface}] " if implied and s in agents else ""
                    a, b = s, o
                    if "compose" in frame.verbs and _branch_of(p.text, s.end, frames):
                        # 由X的萨赫勒分支…合并而成: what is formed from X's branch is X's affiliate
                        a, b = o, s
                    out.append(
                        Fact(
                            a.concept,
                            frame.predicate,
                            b.concept,
                            p,
                            "frame_" + "_".join(frame.verbs).replace(ANY_VERB, "any"),
                            frame.confidence,
                            clause.uncertain or hedged_sentence,
                            None,
                            said + clause.text.strip(),
                        )
                    )
    return out


@functools.cache
def _branch_tail(frames: Frames) -> re.Pattern[str]:
    """What names a group's branch right after the group (X的萨赫勒分支, X撒哈拉分支)."""
    words = sorted(frames.verbs.get("branch", ()), key=len, reverse=True)
    return re.compile(r"(?:的)?[^，。；、,;和及与]{0,6}?(?:" + "|".join(map(re.escape, words)) + ")")


def _branch_of(text: str, end: int, frames: Frames) -> bool:
    """The group named up to ``end`` is named as the owner of a branch, not as itself."""
    return _branch_tail(frames).match(text, end) is not None


@functools.cache
def _opening_markers(frames: Frames) -> tuple[str, ...]:
    """Markers that, opening a clause, give the names after them a role other than agent."""
    return tuple(w for role in ("partner", "beneficiary", "place") for w in frames.markers.get(role, ()))


def _described_head(clause: Clause, text: str, frames: Frames) -> tuple[Mention, ...]:
    """The body a relative clause of establishment describes at the head of a clause that names no
    agent (根据第N号决议设立的X在Y设有基地): X, set up there, acts in what follows it."""
    founding = frames.verbs.get("establish", ())
    opening = text[clause.start : clause.end].lstrip(' “‘"')
    if opening.startswith(_opening_markers(frames)):
        return ()  # 与根据X设立的Y合作: Y is a partner, whatever the relative clause says of it
    for g in clause.groups:
        if (
            g.role == "object"
            and g.verb in founding
            and text.endswith("的", 0, g.start)
            and all(m.kind in ("UNEntity", "Programme", "Organization") for m in g.mentions)
            and any(p.start >= g.end for p in clause.predicates)
            and not any(h.role == "agent" for h in clause.groups)
        ):
            return g.mentions
    return ()


def _respectively(
    subjects: Sequence[Mention], objects: Sequence[Mention], clause: Clause, words: Sequence[str]
) -> dict[Mention, list[Mention]] | None:
    """A和B分别在X以及在Y…: each subject, in the order named, with its own list of objects (one
    list per subject, or one name each); None where the clause says no 分别 or the counts differ."""
    if len(subjects) < 2 or not any(w in clause.text for w in words):
        return None
    lists = [[m for m in g.mentions if m in objects] for g in sorted(clause.groups, key=lambda g: g.start)]
    lists = [ms for ms in lists if ms]
    ordered = sorted(subjects, key=lambda m: m.start)
    if len(lists) == 1 and len(lists[0]) == len(ordered):
        lists = [[m] for m in lists[0]]
    if len(lists) != len(ordered):
        return None
    return dict(zip(ordered, lists, strict=True))


@functools.cache
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def _copular(clause: Clause, text: str, frames: Frames) -> Clause:
    """A clause that opens with a copula (…，是Y在萨赫勒的分支) predicates of the subject carried
    into it: the names it opens with describe that subject (``attribute``), they are no agent."""
    head = text[clause.start : clause.end]
    body = head.lstrip()
    if not body.startswith(frames.copula):
        return clause  # (most clauses: no need to find the longest copula)
    word = next((w for w in _longest_first(frames.copula) if body.startswith(w)), None)
    if word is None:
        return clause
    at = clause.start + len(head) - len(body) + len(word)
    agents = [g for g in clause.groups if g.role == "agent"]
    if not agents or min(g.start for g in agents) < at:
        return clause
    groups = tuple(
        dataclasses.replace(g, role="attribute") if g.role == "agent" else g for g in clause.groups
    )
    return dataclasses.replace(clause, groups=groups)


def _relative_head(clause: Clause, text: str, deliberative: Sequence[str] = ()) -> Clause:
    """A group described by a relative clause that names no agent (在X活动的武装团体“Y”正从…获取资金;
    与基地组织有关联的青年党在…发动袭击): the group is the head of the phrase, so the agent of the
    clause, not the object of its verb."""
    if not clause.predicates:
        return clause
    speaking = [  # 安理会关切在X活动的Y: the council speaks about the phrase, it is not its agent
        g for g in clause.groups if g.role == "agent" and all(m.concept in deliberative for m in g.mentions)
    ]
    if any(g.role == "agent" and g not in speaking for g in clause.groups):
        return clause
    first = clause.predicates[0]
    if any(x.end > first.start for x in speaking):
        return clause  # the council is named after the verb: not a phrase it speaks about
    for g in clause.groups:
        if g.role != "object" or g.start < first.end:
            continue
        gap = text[first.end : g.start]
        head = [m for m in g.mentions if m.kind == "TerroristGroup"]
        if head and len(head) == len(g.mentions) and RELATIVE_GAP.search(gap.rstrip(' “"‘《')):
            groups = tuple(dataclasses.replace(x, role="agent") if x is g else x for x in clause.groups)
            return dataclasses.replace(clause, groups=groups)
        # 效忠于X的Y在Z…: X is the verb's object and Y, the group the phrase describes, its agent
        # (also after a verb of its own later in the phrase: 从A分裂出来并效忠X的Y)
        k = clause.groups.index(g)
        nxt = clause.groups[k + 1] if k + 1 < len(clause.groups) else None
        if (
            nxt is not None
            and nxt.role == "object"
            and any(v.end <= g.start and text[v.end : g.start].strip(' “"‘') == "" for v in clause.predicates)
            and text[g.end : nxt.start].strip(')）”"》 ') == "的"
            and all(m.kind == "TerroristGroup" for m in nxt.mentions)
        ):
            groups = tuple(
                dataclasses.replace(x, role="agent", verb="") if x is nxt else x for x in clause.groups
            )
            return dataclasses.replace(clause, groups=groups)
        break
    return clause


def _programme_head(clause: Clause, text: str, runs: frozenset[str]) -> Clause:
    """X(与Y共同)实施的Z方案继续在…: the programme a relative clause describes heads the clause and
    acts in the verbs after it; X and Y only run it (attributes; the programme's owner is X)."""
    for k, g in enumerate(clause.groups):
        if (
            g.role != "object"
            or g.verb not in runs
            or not all(m.kind == "Programme" for m in g.mentions)
            or not any(v.word == g.verb and text[v.end : g.start] == "的" for v in clause.predicates)
            or not any(v.start >= g.end for v in clause.predicates)
        ):
            continue
        before = [x for x in clause.groups[:k] if x.role == "agent"]
        if not before:
            return clause
        groups = tuple(
            dataclasses.replace(x, role="agent", verb="")
            if x is g
            else dataclasses.replace(x, role="attribute")
            if x in before
            else x
            for x in clause.groups
        )
        return dataclasses.replace(clause, groups=groups)
    return clause


def _linked_head(clause: Clause, text: str) -> Clause:
    """与X有关联的Y: the group right after a 与-phrase's predicate and 的 is the clause's agent (X is
    its partner), whatever the analyser made of the names before the marker."""
    for v in clause.predicates:
        if not text.startswith("的", v.end):
            continue
        for g in clause.groups:
            if (
                g.role != "agent"
                and v.end < g.start <= v.end + 3
                and all(m.kind == "TerroristGroup" for m in g.mentions)
                and any(x.role == "partner" and x.end <= v.start for x in clause.groups)
            ):
                roles = tuple(
                    dataclasses.replace(x, role="agent", verb="") if x is g else x for x in clause.groups
                )
                return dataclasses.replace(clause, groups=roles)
    return clause


def _described_ahead(text: str, clause: Clause, after: Clause, frames: Frames) -> tuple[Mention, ...]:
    """The agents of ``after`` when ``clause`` opens the sentence with 作为 (作为基地组织在该区域的
    分支，X继续…): the clause says what they are."""
    if not text[clause.start : clause.end].lstrip().startswith(frames.as_opener):
        return ()
    return tuple(m for m in after.role("agent") if m.kind in ACTORS)


def _as_attributes(clause: Clause) -> Clause:
    """The clause with its agent lists made attributes (they describe a subject named elsewhere)."""
    groups = tuple(
        dataclasses.replace(g, role="attribute") if g.role == "agent" else g for g in clause.groups
    )
    return dataclasses.replace(clause, groups=groups)


def _fronted_agents(text: str, clause: Clause, after: Clause, frames: Frames) -> tuple[Mention, ...]:
    """The agents of ``after`` when ``clause`` opens the sentence with a purpose (为执行第N号决议，
    X启动了…; 为了落实Y，X…): a fronted purpose names no agent of its own, the clause after it does."""
    head = text[clause.start : clause.end].lstrip()
    if (
        head.startswith(frames.fronted_request[0])
        and head.rstrip().endswith(frames.fronted_request[1])
        and not clause.role("agent")
    ):  # 应第N号决议的要求，X…: X acts at the request
        return tuple(m for m in after.role("agent") if m.kind in ACTORS)
    opener = next((w for w in frames.fronted_purpose if head.startswith(w)), None)
    if opener is None or clause.role("agent") or not clause.predicates:
        return ()
    verb_at = clause.start + (len(text[clause.start : clause.end]) - len(head)) + len(opener)
    if clause.predicates[0].start != verb_at:
        return ()  # 为阿富汗官员举办…: a beneficiary, not a purpose
    if any("activity" in v.classes for v in clause.predicates[1:]):
        return ()  # 为执行X提供技术援助: a clause of its own (a title), not a purpose before one
    return tuple(m for m in after.role("agent") if m.kind in ACTORS)


def _appositive(
    clause: Clause,
    text: str,
    frames: Frames,
    parent: Sequence[Group] = (),
    subject: Sequence[Mention] = (),
) -> Clause:
    """A branch noun between two groups (X在该地区的分支Y…, X的附属团体Y继续在Z…) heads its phrase with
    the second: Y is the agent of the clause, X (its parent) an attribute; a clause opening with the
    noun (另一附属团体Y则在Z活跃) has Y for its agent and the parent of the branch phrase before it
    (``parent``), if any, or with 其 (其区域分支Y在Z活动) the group the text was about (``subject``)."""
    words = frames.verbs.get("branch", ())
    branch = next((v for v in clause.predicates if v.word in words), None)
    if branch is None:
        return (
            _with_parent(clause, parent) if clause.continues and "branch" in clause.verb_classes else clause
        )
    owner = [  # X及其附属团体: X is the parent of the groups the text goes on to list
        g
        for g in clause.groups
        if text[g.end : branch.start].lstrip(')）”"》') in ("及其", "和其")
        and all(m.kind == "TerroristGroup" for m in g.mentions)
    ]
    if owner:
        groups = tuple(dataclasses.replace(g, role="attribute") if g in owner else g for g in clause.groups)
        # 以及X及其附属团体: the phrase is the subject, not the group carried from before
        return dataclasses.replace(
            clause, groups=groups, generic_agent=not any(g.role == "agent" for g in groups)
        )
    heads = [
        g
        for g in clause.groups
        if g.role == "object"
        and g.verb == branch.word
        and g.start >= branch.end
        and all(m.kind == "TerroristGroup" for m in g.mentions)
        and _APPOSED.fullmatch(text[branch.end : g.start])
    ]
    if not heads:
        return _unnamed_branches(clause, text, branch)
    for g in clause.groups:  # Y(又称“Z”): the same group under another name
        after = g.role == "object" and g.verb == branch.word and g not in heads and g.start >= heads[-1].end
        if after and _ALIAS_GAP.fullmatch(text[heads[-1].end : g.start]):
            heads.append(g)
    parents = [g for g in clause.groups if g.role == "agent" and g.end <= branch.start]
    if parents:
        if not all(m.kind == "TerroristGroup" for g in parents for m in g.mentions):
            return clause
        if "的" not in text[max(g.end for g in parents) : branch.start]:
            return clause  # Y是X的分支, X与Y有联系: no phrase headed by a branch noun
    elif any(g.role == "agent" for g in clause.groups) or not _OPENING_BRANCH.fullmatch(
        text[clause.start : branch.start]
    ):
        return clause

    lent = () if parents else tuple(dataclasses.replace(g, lent=True) for g in parent)
    its = [m for m in subject if m.kind == "TerroristGroup"]
    if not parents and not lent and its and "其" in text[clause.start : branch.start]:
        lent = (Group(tuple(its), "attribute", branch.start, branch.start, lent=True),)

    def role(g: Group) -> Group:
        if g in heads:
            return dataclasses.replace(g, role="agent", verb="")
        return dataclasses.replace(g, role="attribute") if g in parents else g

    return dataclasses.replace(clause, groups=tuple(role(g) for g in clause.groups) + lent)


def _unnamed_branches(clause: Clause, text: str, branch: Predicate) -> Clause:
    """X在非洲的附属团体持续扩张: the subject is X's branches, named nowhere, so X does not act (it is
    an attribute of the phrase); Y是X的分支 keeps Y as its agent."""
    agents = [g for g in clause.groups if g.role == "agent"]
    if len(agents) != 1 or agents[0].end > branch.start or not text.endswith("的", 0, branch.start):
        return clause
    between = text[agents[0].end : branch.start]
    if any(w in between for w in ("是", "系", "为", "成为")) or any(c in between for c in "，,；;"):
        return clause
    if text[clause.start : agents[0].start].endswith(("是", "系", "为", "成为")):
        return clause  # (Y)自称是X在萨赫勒的分支: the subject carried into the clause is the branch
    if not all(m.kind == "TerroristGroup" for m in agents[0].mentions):
        return clause
    if any(agents[0].end <= v.start < branch.start for v in clause.predicates):
        return clause  # X则在西非招募了新的附属组织: X acts, the branches are its object
    return dataclasses.replace(_as_attributes(clause), generic_agent=True)


#: What stands between a place and the group a relative clause places there (在索马里活动的青年党).
_PLACING_CLAUSE = re.compile(r"[^，,；;。、和及与]{1,10}的")


def _place_of_another(clause: Clause, text: str, s: Mention, o: Mention) -> bool:
    """``o`` is the place of a relative clause that describes another group of the clause, right
    after it, and ``s`` has a relative clause of its own (在索马里活动的青年党和在萨赫勒活动的Y:
    Somalia is not Y's; 在阿富汗活动的X和Y: both are there)."""
    groups = clause.groups

    def placed(k: int) -> bool:  # the group after groups[k] is the head of a relative clause at groups[k]
        head = groups[k + 1]
        return (
            bool(head.mentions)
            and all(m.kind == "TerroristGroup" for m in head.mentions)
            and _PLACING_CLAUSE.fullmatch(text, after_name(text, groups[k].end), head.start) is not None
        )

    own = next((k for k in range(1, len(groups)) if s in groups[k].mentions), 0)
    if not own or not placed(own - 1):
        return False
    return any(
        o in groups[k].mentions and s not in groups[k + 1].mentions and placed(k)
        for k in range(len(groups) - 1)
    )


@functools.cache
def _long_openers(frames: Frames) -> tuple[str, ...]:
    """The list openers of two characters or more (包括, 特别是: not 如, 是 or 有, which open much else)."""
    return tuple(w for w in frames.list_openers if len(w) > 1)


def _listed_branches(
    clause: Clause, parent: Sequence[Group], p: Passage, hedged: bool, openers: tuple[str, ...]
) -> list[Fact]:
    """affiliatedWith of each group a clause opening with a list opener names (…的附属团体，包括
    在索马里活动的青年党和在萨赫勒活动的Y) to the parent of the branch phrase before it."""
    if not clause.text.lstrip().startswith(openers):
        return []
    owners = {m.concept: m for g in parent for m in g.mentions if m.kind == "TerroristGroup"}
    members = {
        m.concept: m
        for g in clause.groups
        if g.role in ("agent", "object", "list") and not g.lent
        for m in g.mentions
        if m.kind == "TerroristGroup" and m.concept not in owners
    }
    return [
        Fact(m, "affiliatedWith", o, p, "frame_branch_list", 0.7, hedged, None, clause.text.strip())
        for m in members
        for o in owners
    ]


def _with_parent(clause: Clause, parent: Sequence[Group]) -> Clause:
    """A list that continues a branch phrase (…及其附属团体，包括A、B) with the phrase's parent lent to it."""
    lent = tuple(dataclasses.replace(g, lent=True) for g in parent)
    return dataclasses.replace(clause, groups=clause.groups + lent) if lent else clause


#: What may stand between a branch noun and the group it names (附属团体“Y”, 分支Y).
_APPOSED = re.compile(r"[团体组织机构派别之一个\s“”\"‘’「」]{0,6}")
#: What joins a group to another name of it (Y(又称“Z”)).
_ALIAS_GAP = re.compile(r"\s*[(（]?\s*(?:又称|简称|或称|亦称|也称|即)?\s*[“\"‘「]?")
#: What may open a clause before its branch noun (另一附属团体Y, 其分支Y, 其区域分支Y).
_OPENING_BRANCH = re.compile(
    r"[\s]*(?:另一个?|其他|其|该|一个|另|还有|以及|和)?(?:区域|地区|当地|主要|最大|最活跃|新|海外|外国)?(?:的)?"
)


def _relative_work(clause: Clause, text: str) -> list[tuple[Mention, Mention]]:
    """A UN body or programme that is the subject of a relative clause of work in a place, inside
    another role (…资料来自该办公室在东非开展的实地工作): each (body, place) of that clause."""
    out: list[tuple[Mention, Mention]] = []
    groups = clause.groups
    for k, g in enumerate(groups[:-1]):
        nxt = groups[k + 1]
        if (
            g.role == "agent"
            or not all(m.kind in PLACES for m in nxt.mentions)
            or text[g.end : nxt.start].strip(")）") != "在"
        ):
            continue
        work = next((v for v in clause.predicates if v.start >= nxt.end), None)
        if (
            work is None
            or "activity" not in work.classes
            or not text.startswith("的", work.end)
            or any(c in text[nxt.end : work.start] for c in "，；、,;")
        ):
            continue
        out += [(x, o) for x in g.mentions if x.kind in orgs.WORKERS for o in nxt.mentions]
    return out


def _attended(clause: Clause) -> set[str]:
    """Verb classes named only after an attend verb (A、B和C派专家参加了两次访问): the words name the
    event attended, not what its attendees did, together or anywhere."""
    first = next((v.start for v in clause.predicates if "attend" in v.classes), None)
    if first is None:
        return set()
    after = {c for v in clause.predicates if v.start > first for c in v.classes}
    before = {c for v in clause.predicates if v.start < first for c in v.classes}
    return after - before - {"attend"}


def _attributive(clause: Clause, text: str, frames: Frames) -> set[str]:
    """Verb classes stated only in a relative clause (与基地组织有关联的个人和实体): their predicate is
    followed by 的 and describes the noun after it, not the clause's agent."""
    own = {c for p in clause.predicates for c in p.classes if c in frames.attributive}
    if not own:
        return own
    said = max((g.end for g in clause.groups if g.role == "agent"), default=-1)

    heads = {g.start for g in clause.groups if g.role == "agent"}
    relative = {g.verb for g in clause.groups if g.role == "relative_place"}  # read by their own row

    def described(p: Predicate) -> bool:
        """V的N describes N, unless the agent is said to be that N (X是从Y分裂出来的派别) or N is the
        named agent itself (与基地组织有关联的青年党)."""
        if (
            not text.startswith("的", p.end)
            or any(p.end < h <= p.end + 3 for h in heads)
            # 与X有关联的武装团体“Y”: the agent is the noun the relative clause describes
            or any(
                p.end < h <= p.end + 12 and RELATIVE_GAP.match(text[p.end : h].rstrip(' “"‘《'))
                for h in heads
            )
            or p.word in relative
        ):
            return False
        return not (0 <= said < p.start and "是" in text[said : p.start])

    return {c for c in own if all(described(p) for p in clause.predicates if c in p.classes)}


@functools.cache
def _frame_verbs(frames: Frames) -> tuple[tuple[Frame, frozenset[str], bool], ...]:
    """Each frame with its verb classes as a set and whether one of them is a pivot class."""
    return tuple((f, frozenset(f.verbs), bool(set(f.verbs) & set(frames.pivots))) for f in frames.frames)


@functools.lru_cache(maxsize=4096)
def _frames_of(frames: Frames, classes: frozenset[str]) -> tuple[tuple[Frame, frozenset[str], bool], ...]:
    """The frames a clause with these verb classes can state (any verb, or one of its classes), in
    the file's order."""
    return tuple(row for row in _frame_verbs(frames) if ANY_VERB in row[1] or classes & row[1])


@functools.lru_cache(maxsize=4096)
def _frames_filled(
    frames: Frames, classes: frozenset[str], filled: frozenset[str]
) -> tuple[tuple[Frame, frozenset[str], bool], ...]:
    """The rows of :func:`_frames_of` a clause with these verb classes and these roles filled can
    state, in the file's order (the same few combinations recur: worked out once each)."""
    return tuple(
        row
        for row in _frames_of(frames, classes)
        # a role the row reads is empty in this clause; or 评估了该国执行X的情况: a verb class the
        # row says keeps it from reading
        if not (filled.isdisjoint(row[0].subject) or filled.isdisjoint(row[0].object))
        and classes.isdisjoint(row[0].unless)
    )


@functools.cache
def _pivot_words(frames: Frames) -> frozenset[str]:
    return frozenset(w for cls in frames.pivots for w in frames.verbs.get(cls, ()))


def _pivots(clause: Clause, frames: Frames, generic: Sequence[str]) -> tuple[Mention, ...]:
    """The bodies a clause asks to act or sets up (the objects of its pivot verbs); the UN as a
    whole (联合国 in a list of those called upon) is not one."""
    words = _pivot_words(frames)
    if not any(g.role == "object" and g.verb in words for g in clause.groups):
        return ()
    # 根据第N号决议设立的X: a pivot verb before 的 only describes X, which acts in no clause after
    relative = {
        v.word
        for v in clause.predicates
        if clause.text[v.end - clause.start : v.end - clause.start + 1] == "的"
    }
    return tuple(
        m
        for g in clause.groups
        if g.role == "object" and g.verb in words and g.verb not in relative
        for m in g.mentions
        if (m.kind in PIVOTS and m.surface not in generic)
        # 鼓励阿根廷和巴西继续执行X: states asked to go on with what they already do
        or (m.kind == "Country" and clause.text.startswith(frames.goes_on, g.end - clause.start))
    )


def _opens_with_request(clause: Clause, openers: tuple[str, ...]) -> bool:
    """A clause in a resolution's own voice opens with its request (并请, 安理会还请 …)."""
    if not clause.predicates or "request" not in clause.predicates[0].classes:
        return False
    head = clause.text[: clause.predicates[0].start - clause.start].strip(' “‘"')
    while head.startswith(openers):
        head = head[len(next(o for o in openers if head.startswith(o))) :]
    return head == ""


def _asks_unnamed(clause: Clause, text: str, openers: tuple[str, ...], frames: Frames) -> bool:
    """A clause opening with a request (并请, 还请) of someone the analyser found no name for;
    请其/请该… asks the body named before."""
    if not _opens_with_request(clause, openers):
        return False
    after = clause.predicates[0].end
    return not text.startswith(frames.asked_before, after) and not any(
        g.start == after for g in clause.groups
    )


@functools.cache
def _run_words(frames: Frames) -> frozenset[str]:
    """Verbs whose agent runs the programme they name (启动, 实施, 设立, 联合实施 …)."""
    return frozenset(w for cls in ("activity", "establish", "joint") for w in frames.verbs.get(cls, ()))


def _antecedent(
    clause: Clause, clauses: Sequence[Clause], agents: Sequence[Mention], frames: Frames
) -> tuple[Mention, ...]:
    """The names the first 其-word of the clause (以其名义, 代表其) points back to: the last list
    before it in the sentence that is not the clause's agent."""
    words = frames.verbs.get("behalf", ())
    at = min(p.start for p in clause.predicates if p.word in words)
    before = [
        g
        for c in clauses
        for g in c.groups
        if g.end <= at and not g.lent and not any(m in agents for m in g.mentions)
    ]
    return max(before, key=lambda g: g.end).mentions if before else ()


def _only_linked(
    m: Mention, roles: Mapping[str, Sequence[tuple[Mention, str]]], clause: Clause, verbs: Sequence[str]
) -> bool:
    """A partner whose verb links it to the agent (与基地组织有关联、以肯尼亚为基地的希吉拉组织): it is
    named only by that link, so it does none of what the agent does in the clause."""
    if not any(m is x for x, _ in roles.get("partner", ())) or set(verbs) & set(LINKS):
        return False
    own = next((v for v in clause.predicates if v.start >= m.end), None)
    return own is not None and bool(set(own.classes) & set(LINKS))


def _fillers(
    roles: dict[str, list[tuple[Mention, str]]],
    wanted: Sequence[str],
    kinds: Sequence[str],
    verbs: Sequence[str],
    frames: Frames,
    national: Mapping[str, str] | None = None,
) -> list[Mention]:
    """The mentions of the wanted roles and classes; an object must be the object of a verb of the frame.
    Where a place is wanted, a country's own authority found in the text (``national``: 马尔代夫政府
    → Maldives) stands for its place: work at its request or for it is work in that country."""
    out: list[Mention] = []
    for role in wanted:
        for m, verb in roles.get(role, []):
            if m.kind not in kinds and national and m.concept in national:
                place = national[m.concept]
                kind = "Country" if place.startswith("country-") else "Region"  # ids: country-<ISO>
                if kind in kinds:
                    m = Mention(place, kind, m.surface, m.doc_id, m.start, m.end, m.method)
            if m.kind not in kinds or m in out:
                continue
            if (
                role == "object"
                and ANY_VERB not in verbs
                and verb
                and not any(verb in frames.verbs.get(v, ()) for v in verbs)
            ):
                continue
            if role == "object" and verb in frames.adopting and _adopted_kind(m, frames.adopted):
                continue  # 批准了《国家行动计划》: a plan or strategy approved is adopted, not ratified
            out.append(m)
    return out


def _adopted_kind(m: Mention, heads: tuple[str, ...]) -> bool:
    """The instrument is one a body adopts rather than ratifies (a plan, a strategy: its name ends
    in one of ``heads``)."""
    return m.kind == "Convention" and fold(m.surface).rstrip("》”’) \n").endswith(heads)


# ---------------------------------------------------------------- driver


def document_facts(
    passages: Sequence[Passage],
    mentions: Sequence[Sequence[Mention]],
    cues: Cues,
    ctx: Context,
    frames: Frames,
    trace: list[ClauseTrace] | None = None,
) -> Iterator[Fact]:
    """All facts of one document, in passage order, without duplicates; ``trace`` (if given)
    receives every clause as the frames read it, for ``explain``."""
    folded = [fold(p.text) for p in passages]
    sources = frozenset(cues["agents"]["sources"])
    named = [
        [
            m
            for m in ms
            if not generic_un(t, m, cues) and fold(m.surface) not in sources and not _owner_in_name(m, ms)
        ]
        for t, ms in zip(folded, mentions, strict=True)
    ]  # 联合国 inside a larger noun (联合国各实体) names no one; nor does a news dateline
    if ctx.self_resolution:  # 请X执行本决议: in a resolution's own text, 本决议 is that resolution
        named = [
            _self_mentions(t, ms, ctx.self_resolution, p, frames.self_resolution) if p.kind != "title" else ms
            for t, ms, p in zip(folded, named, passages, strict=True)
        ]
    # a report's author is read off the clauses of every sentence that names a body first (only a
    # body can be the author); a resolution needs no author, so each sentence is analysed only as
    # it is read
    first: list[tuple[Clause, ...] | None] = [
        analyse(t, ms, frames)
        if not ctx.self_resolution and any(m.kind in AUTHORS and m.method != "anaphora" for m in ms)
        else None
        for t, ms in zip(folded, named, strict=True)
    ]
    actor = None if ctx.self_resolution else default_actor(c for cs in first if cs is not None for c in cs)
    presenters = tuple(cues["anaphora"]["report_presenters"])
    system = tuple(cues["agents"]["system_names"])
    # X执行主任在…上的讲话: the body a statement's title says speaks (the Secretary-General speaks
    # for the Organization as a whole, no one body)
    speaker = _statement_speaker(
        passages, folded, named, tuple(cues["anaphora"]["statement_title_ends"]), system
    )
    presented = speaker is not None and fold(speaker.surface) in presenters
    if actor is None and not ctx.self_resolution:  # 本办公室: the body a report names itself with
        actor = _self_named(folded, named, tuple(cues["anaphora"]["author"]))
    if actor is None and not ctx.self_resolution and speaker is not None:
        actor = None if presented else speaker
    elif actor is None and not ctx.self_resolution:  # X在利比亚的工作 / 秘书处的报告: the title's body
        actor = _titled(
            passages,
            folded,
            named,
            tuple(cues["anaphora"]["report_title_ends"]),
            system,
            presenters,
        )
    discourse = Discourse(
        actor=actor,
        speaking=frames.own_act,
        asides=frames.aside,
        speaker=tuple(cues["anaphora"]["speaker"]),
        speaker_modals=tuple(cues["anaphora"]["speaker_modals"]),
        speaker_unnamed=presented,
        passive=frames.passive,
        attendees=frames.attendees,
        led_by=frames.led_by,
        naming=tuple(cues["discovery"]["alias_words"]),
        carries_topic=not ctx.self_resolution,
        mission_heads=tuple(cues["anaphora"]["mission_heads"]),
        generic_groups=tuple(cues["benefit"]["other_actors"]),
        known_forms=ctx.body_names,
        branch_words=tuple(frames.verbs.get("branch", ())),
    )
    anaphors = cues["anaphora"]["entity"]
    # the words 该决议, 该团体, 这些地区 … stand for, as :meth:`Discourse.resolve` reads them, looked up once
    anaphora = cues["anaphora"]
    group_words, groups_words = anaphora["group"], anaphora["groups"]
    resolution_words, resolutions_words = anaphora["resolution"], anaphora["resolutions"]
    at_start, place_words, a_place = anaphora["entity_at_start"], anaphora["places"], anaphora["place"]
    convention_words, body_words = anaphora["convention"], anaphora["bodies"]
    instrument_words = anaphora["conventions"]  # 这些文书: the conventions named last
    not_actor_after = tuple(cues["benefit"]["not_actor_after"])
    seen: set[tuple[str, str, str, str, int]] = set()
    kinds = {m.concept: m.kind for ms in mentions for m in ms}
    found = orgs.national_bodies(mentions, cues["discovery"]["organizations"])
    discourse.national = found  # a role that wants a place takes the authorities found in the text
    national = {**ctx.authorities, **found}  # UN work with any of them is work in their country
    partner_heads = tuple(cues["discovery"]["organizations"]["partner_heads"])
    partner_authorities = frozenset(
        m.concept
        for ms in mentions
        for m in ms
        if m.concept in national and fold(m.surface).endswith(partner_heads)
    )  # …and a government it works with is its partner too
    last_group = carried_group = topic_resolution = ""
    para = None
    table_entities: list[Mention] = []
    own_cell = row_cells = supporters = -1
    group_row = False
    caption: list[Mention] = []
    group_caption = False
    caption_text = ""  # the heading right before a table (not 附件 itself)
    work_captions = tuple(cues["active"]["work_captions"])
    system_names = frozenset(cues["agents"]["system_names"])
    no_party = frozenset(cues["agents"]["no_party"])
    title_sites: list[Mention] = []
    sites: list[Mention] = []
    operation_facts: list[Fact] = []  # the work of an operation the sentence described, until named
    op_heads = tuple(cues["discovery"]["operation_heads"])
    op_anaphors = tuple(w for w in anaphors if w.endswith(op_heads))
    code_words = tuple(cues["discovery"]["code_name_words"])
    for k, (original, ms) in enumerate(zip(passages, mentions, strict=True)):
        p = original.without_offsets(folded[k])  # cue words match either script
        if p.para != para:
            aside = p.kind in ("heading", "footnote")
            discourse.new_paragraph(heading=aside)
            para = p.para
            # 该团体 opening the next paragraph still means the group the last one was about (a
            # heading between them names a section, not another subject)
            if not aside:
                carried_group, last_group = last_group, ""
            topic_resolution = ""
            table_entities = []
            sites = []
            operation_facts = []
        discourse.sentence = p.sent
        if p.kind == "title" or _name_line(p, named[k]):
            # a title line that names no group (列入名单日期…) keeps the one before; a line that is
            # only a group's name (a sanctions-list summary's heading, QDe.159 then the name) is one
            groups = {m.concept: m for m in named[k] if m.kind == "TerroristGroup"}
            if groups:
                one = next(iter(groups.values())) if len(groups) == 1 else None
                before = discourse.title_group
                discourse.title_group = (
                    one if before is None or one is None or before.concept == one.concept else None
                )
        if p.kind == "heading" and p.sent == 1:
            discourse.heading(p.text, named[k], bool(frames.generic_subject[0].match(p.text)))
        table_para_before = k > 0 and passages[k - 1].para.startswith("annex-")
        is_table = p.para.startswith("annex-")
        if is_table and p.sent == 1:
            # the row's body: in the first cell but the last that names one (a table of bodies names
            # it first; 国家 | 方案 | 活动 | 伙伴 second), else the body the section or report is about
            row = [j for j in range(k, len(passages)) if passages[j].para == p.para]
            cells = [mentions[j] for j in row]
            row_cells = len(cells)
            supporters = _supporters_cell([passages[j].text for j in row], cells)
            # 团体 | 主要活动地区 | …: a row that opens with a group lists where the group is, no
            # body's work
            # …and a row of the same table whose group the vocabulary does not know (安萨鲁拉团 |
            # 数百人 | 巴达赫尚省) lists a group's places too, no body's work
            group_row = (bool(cells) and any(m.kind == "TerroristGroup" for m in cells[0])) or (
                group_row and table_para_before and bool(cells) and not cells[0]
            )
            # 非洲 | 马里 | 开发署 | …: a first cell of regions before a cell of countries groups the
            # rows; the work is in the country
            grouping = (
                bool(cells)
                and bool(cells[0])
                and all(m.kind == "Region" for m in cells[0])
                and any(m.kind == "Country" for c in cells[1:] for m in c)
            )
            own_cell = next(
                (i for i, c in enumerate(cells[:-1]) if any(m.kind in ("UNEntity", "Programme") for m in c)),
                -1,
            )
            table_entities = [
                m
                for m in (cells[own_cell] if own_cell >= 0 else [])
                if m.kind in ("UNEntity", "Programme", "Organization")
            ]
        topic_resolution = topic_resolution or _topic_resolution(p, ms)
        facts: list[Fact] = []
        if is_table:
            author = [discourse.actor] if discourse.actor else []
            acting = (
                table_entities
                or caption
                or [
                    m
                    for m in (*discourse.topic, *author)
                    if m.kind in ("UNEntity", "Programme") and fold(m.surface) not in system_names
                ][:1]
                if not group_caption
                else table_entities
            )  # a table under a group's caption (…基地组织收入来源评估) lists no body's work
            if group_row or (caption_text and not has_any(caption_text, work_captions)):
                acting = []  # …甲基苯丙胺缴获量, 报告的绑架事件: a table of figures or events
            if ms and all(m.kind in PLACES for m in ms):
                if p.sent - 1 != supporters and not (grouping and p.sent == 1):
                    facts += active_facts(p, ms, cues, acting)  # where the row's work was done
            elif p.sent - 1 != own_cell:
                if p.sent == row_cells:
                    facts += table_partner_facts(p, ms, cues, acting)  # whom it was done with (last cell)
                # …的培训(安曼,2020年12月): the town in brackets with the date is where it was done
                facts += active_facts(p, _dated_places(p.text, ms), cues, acting)
        elif (named_here := [m for m in ms if m.kind in ("UNEntity", "Programme")][:1]) and len(p.text) <= 80:
            # a table's caption, right before it, names the body whose work it lists (a
            # programme's: the body that runs it, where the text says so)
            owner = discourse.owners.get(named_here[0].concept)
            caption = [owner] if owner is not None else named_here
            group_caption = False
        elif p.kind == "heading" and any(m.kind == "TerroristGroup" for m in ms):
            caption, group_caption = [], True
        elif p.kind != "heading":  # a heading that names no body (附件) keeps the caption before it
            caption, group_caption = [], False
        if (
            not is_table
            and p.kind != "footnote"
            and not (p.kind == "heading" and p.text.startswith(("附件", "附录")))
        ):
            # a short line right before the table (or before its 附件 heading, as a page's layout
            # may put it) is its caption
            caption_text = p.text if len(p.text) <= 60 else ""
        carried = carried_group if p.sent == 1 and has_any(p.text, group_words) else ""
        # the group 该团体 stands for, as the frames read it; else the paragraph's own topic
        said = next((w for w in group_words if w in p.text), None)
        subject_group = discourse.group(said) if said is not None else None
        listed = (
            [m.concept for m in discourse.group_list]
            if any(w in p.text for w in groups_words) and not any(m.kind == "TerroristGroup" for m in ms)
            else []
        )  # 谴责这些团体通过绑架勒索获取资金: each group of the list named before
        facts += benefit_facts(
            p, ms, cues, ctx, listed or (subject_group.concept if subject_group else last_group or carried)
        )
        facts += operate_facts(p, ms, cues)
        found_sites = attack_sites(p, ms, cues)
        if p.kind == "title":
            title_sites += found_sites
        else:
            sites += found_sites
        facts += claimed_facts(p, ms, cues, [*title_sites, *sites])
        facts += mandate_facts(p, ms, cues, ctx, topic_resolution)
        facts += request_facts(p, ms, cues, ctx)
        facts += recall_facts(p, ms, cues, ctx, topic_resolution)
        if coded := _coded_operation(p.text, ms, op_anaphors, code_words):
            # 开展了一次跨国界行动。该行动代号为“KAFO II”: the work described is that operation's too,
            # and 该行动 stands for it from here on
            discourse.name_by_code(coded, op_heads)
            for f in operation_facts:
                key = (coded.concept, f.predicate, f.object, f.passage.para, f.passage.sent)
                if key not in seen:
                    seen.add(key)
                    yield dataclasses.replace(f, subject=coded.concept, rule="coded_operation")
        implied = discourse.resolve(
            p.text,
            named[k],
            anaphors,
            resolution_words,
            resolutions_words,
            group_words,
            at_start,
            place_words,
            a_place,
            frames.persons,
            groups_words,
            convention_words,
            body_words,
            instrument_words,
        )
        implied += discourse.mandates(p.text, [*named[k], *implied], frames.mandate_nouns)
        # 安理会在该决议中将X的任务期限延长: the resolution named here or before
        facts += extension_facts(p, sorted([*named[k], *implied], key=lambda m: m.start), cues)
        if implied:
            clauses = analyse(p.text, [*named[k], *implied], frames)
        else:
            clauses = analysed if (analysed := first[k]) is not None else analyse(p.text, named[k], frames)
        apart: set[tuple[str, str, str]] = set()
        facts += frame_facts(p, clauses, discourse, frames, cues, ctx, trace, apart)
        facts = _framed_funding_first(facts)
        if apart:  # 分别: the pairs the frames kept apart, whatever rule made them
            facts = [f for f in facts if (f.subject, f.predicate, f.object) not in apart]
        # 与基地组织有关联的X和作为Y分支的Z。两个团体…: the groups only linked to are not meant
        linked = frozenset(f.object for f in facts if f.predicate == "affiliatedWith") - {
            f.subject for f in facts if f.predicate in ("affiliatedWith", "operatesIn", "benefitsFrom")
        }
        discourse.remember(ms, p.text, frames.mandate_holder, linked)
        for m in ms:  # 开展了“高原盾牌”行动。该行动…: the operation named before its head word
            if m.kind == "Programme" and p.text.startswith(op_heads, after_name(p.text, m.end)):
                discourse.name_by_code(m, op_heads)
        uncertain = bool(frames.modality[2].search(p.text))  # 尚不清楚…是否: for every relation
        facts = orgs.national_work(facts, kinds, national, partner_authorities)  # with a country's authority
        doubted = min((at for w in frames.doubt if (at := p.text.find(w)) >= 0), default=-1)
        # 提出以下建议：(a)…: what the sentence names after its recommendations open is recommended
        opened = _recommendations(frames.recommending).search(p.text)
        recommended = opened.end() if opened is not None else -1
        unverified = [(u.start(1), u.end(1)) for u in frames.unverified_report.finditer(p.text)]
        disputed = max((at for w in frames.disputed if (at := p.text.find(w)) >= 0), default=-1)
        emitted: list[Fact] = []
        for f in facts:
            if f.subject == f.object or (
                f.predicate == "mandatedBy" and ctx.adopters.get(f.object) == f.subject
            ):
                continue  # 委员会在第67/4号决议中请…: a body speaks in its own resolution, not under it
            if f.subject in no_party or f.object in no_party:
                continue  # 联合国支持会员国…: the Organization as a whole, as general as 国际社会
            if recommended >= 0 and _named_only_after(f.subject, ms, recommended):
                continue  # (c)…防止这些资金流入青年党: recommended, not stated
            if doubted >= 0 and _named_only_after(f.object, ms, doubted):
                continue  # 尚不清楚该团体是否从贩毒中获利: doubted, not stated
            if unverified and any(
                a <= m.start < b for m in ms if m.concept == f.object for a, b in unverified
            ):
                continue  # 关于该团体在若开邦设立训练营的报道未能得到证实: the report's claim is not stated
            if (
                disputed >= 0
                and f.predicate in frames.disputed_relations
                and _named_before(f.object, ms, disputed)
            ):
                continue  # X参与毒品贩运，但另一个会员国对此表示怀疑: disputed, not stated
            if uncertain and not f.hedged:
                f = dataclasses.replace(f, hedged=True)
            key = (f.subject, f.predicate, f.object, p.para, p.sent)
            if key in seen:
                continue
            seen.add(key)
            emitted.append(f := f.found_in(original))
            yield f
            whole = _country_of(f, ms, p.text, ctx)
            if whole and (key := (f.subject, f.predicate, whole, p.para, p.sent)) not in seen:
                seen.add(key)  # 在马里北部活动: in Mali too, which the text names
                yield dataclasses.replace(f, object=whole, passage=original, rule=f.rule + "_country")
        operation_facts = [f for f in emitted if f.predicate == "activeIn" and has_any(p.text, op_heads)]
        actors = [
            m
            for m in ms
            if m.kind == "TerroristGroup"
            and not p.text.startswith(not_actor_after, m.end)
            and not described_branch(p.text, m.end, ("附属", "分支"))
            and not named_as(p.text, m.start, discourse.naming)
        ]
        if actors:
            last_group = actors[0].concept


def _asked_before(clause: Clause, verbs: Sequence[str]) -> bool:
    """The clause asks someone to act before any verb of these classes (鼓励X与Y合作): what those
    verbs say is the act asked for."""
    asked = min((v.start for v in clause.predicates if "request" in v.classes), default=None)
    own = min((v.start for v in clause.predicates if set(v.classes) & set(verbs)), default=None)
    return asked is not None and own is not None and asked < own


def _item_agents(clause: Clause, before: Clause, frames: Frames) -> tuple[Mention, ...]:
    """The names of a list item that act in the clause after it, which names no agent of its own:
    after an enumerated item ((b) 海事组织，协助…), or after any item with a word of duty (负责…)."""
    if not before.continues or clause.item or clause.continues or clause.role("agent"):
        return ()  # (a) X，特别是其Y: the list goes on, the item does not act
    if not (before.item or clause.text.lstrip().startswith(frames.item_duty)):
        return ()
    return tuple(m for g in before.groups if not g.lent for m in g.mentions if m.kind in ACTORS)


def _says_more_of_a_place(clause: Clause, frames: Frames) -> bool:
    """A clause with no verb the frames know that opens with a place and says what happens there
    (…，在东南部的霍斯特省拥有强大影响力; …，并在X绑架渔民): words of its own follow the place, beyond
    the place's parts (在马里北部, a setting for the clause after, says nothing more)."""
    places = [g for g in clause.groups if g.role == "place" and all(m.kind in PLACES for m in g.mentions)]
    if not places:
        return False
    opening = clause.text[: places[0].start - clause.start].strip()
    if len(opening) > 4 or not opening.endswith(tuple(frames.markers["place"])):
        return False  # 目标受众包括在X务工的移民: the clause has a subject of its own
    tail = clause.text[places[-1].end - clause.start :]
    while (part := next((w for w in frames.place_parts if tail.startswith(w)), None)) is not None:
        tail = tail[len(part) :]
    return sum(1 for ch in tail if "\u4e00" <= ch <= "\u9fff") >= 2


def _supporters_cell(texts: Sequence[str], cells: Sequence[Sequence[Mention]]) -> int:
    """The cell of a table row that names the states who supported its work, or -1: a last cell of
    place names only, apart from the row's place cells by a cell of work (尼日尔 | 迪法大区 |
    基础设施和市场 | 瑞典: a state is no partner, and no place the work was done in)."""
    places = [
        i
        for i, (text, ms) in enumerate(zip(texts, cells, strict=True))
        if ms and all(m.kind in PLACES for m in ms) and _only_names(text, ms)
    ]
    last = len(cells) - 1
    if len(cells) >= 3 and places[-1:] == [last] and places[0] < last - 1 and last - 1 not in places:
        return last
    return -1


def _only_names(text: str, ms: Sequence[Mention]) -> bool:
    """A table cell that holds nothing but its names and the marks between them (德国、瑞典)."""
    rest = text
    for m in sorted(ms, key=lambda m: m.start, reverse=True):
        rest = rest[: m.start] + rest[m.end :]
    return not rest.strip(" 、，,和及与。")


def _coded_operation(
    text: str, ms: Sequence[Mention], anaphors: tuple[str, ...], code_words: tuple[str, ...]
) -> Mention | None:
    """The operation a sentence names by its code right after referring back to it (该行动代号为“X”)."""
    if not anaphors or not code_words:
        return None
    for m in ms:
        if m.kind != "Programme":
            continue
        before = text[: m.start].rstrip('“"‘「 ')
        if before.endswith(code_words):
            before = before[: max(len(before) - len(w) for w in code_words if before.endswith(w))]
            if before.rstrip().endswith(anaphors):
                return m
    return None


def _self_named(
    folded: Sequence[str], named: Sequence[Sequence[Mention]], words: tuple[str, ...]
) -> Mention | None:
    """The author a report names itself as (本办公室): the last body named before the first such
    word whose name ends with the word's head (联合国毒品和犯罪问题办公室 … 本办公室)."""
    seen: list[Mention] = []
    for text, ms in zip(folded, named, strict=True):
        at = min(((i, w) for w in words if (i := text.find(w)) >= 0), default=None)
        if at is not None:
            head = at[1][1:]
            before = [*seen, *(m for m in ms if m.end <= at[0])]
            return next(
                (m for m in reversed(before) if m.kind in AUTHORS and fold(m.surface).endswith(head)), None
            )
        seen += ms
    return None


def _titled(
    passages: Sequence[Passage],
    folded: Sequence[str],
    named: Sequence[Sequence[Mention]],
    ends: tuple[str, ...],
    system: tuple[str, ...],
    presenters: tuple[str, ...] = (),
) -> Mention | None:
    """The body a report's title opens with: a heading before the first paragraph that opens with
    a UN body's or programme's name (not the UN as a whole, ``system``), followed by a heading that
    ends with one of ``ends`` (…的工作 / 秘书处的报告); or, among the first ``_TITLE_REACH``
    passages (past a letter of transmittal), one heading that does both (青年党问题专家小组的最后报告),
    unless it names one of ``presenters``, who report on the work of others."""
    opened: Mention | None = None
    in_title = True
    for p, text, ms in itertools.islice(zip(passages, folded, named, strict=True), _TITLE_REACH):
        if p.kind == "title":
            continue  # the masthead (联 合 国, the symbol)
        if p.kind != "heading":
            in_title = False  # the first paragraph: the title is over, but a report may follow a letter
            continue
        first = _opening_body(text, ms, system)
        if first is not None and text.rstrip("。 ").endswith(ends) and fold(first.surface) not in presenters:
            return first  # 秘书长的报告 is presented by the Secretary-General, of others' work
        if not in_title:
            continue
        if opened is None and first is not None:
            opened = first
        elif opened is not None and text.rstrip("。 ").endswith(ends):
            return opened
    return None


def _statement_speaker(
    passages: Sequence[Passage],
    folded: Sequence[str],
    named: Sequence[Sequence[Mention]],
    spoken: tuple[str, ...],
    system: tuple[str, ...],
) -> Mention | None:
    """The body a statement's title line opens with (毒品和犯罪问题办公室执行主任在开幕式上的讲话:
    a title line ending with one of ``spoken``), among the lines before the first paragraph."""
    for p, text, ms in itertools.islice(zip(passages, folded, named, strict=True), _TITLE_REACH):
        if p.kind not in ("title", "heading"):
            return None
        if spoken and text.rstrip("。：: ").endswith(spoken):
            first = _opening_body(text, ms, system)
            if first is not None:
                return first
    return None


def _opening_body(text: str, ms: Sequence[Mention], system: tuple[str, ...]) -> Mention | None:
    """The UN body or programme a title line opens with (not the UN as a whole, ``system``)."""
    first = min(ms, key=lambda m: m.start, default=None)
    if (
        first is None
        or first.kind not in AUTHORS
        or fold(first.surface) in system
        or text[: first.start].strip()
    ):
        return None
    return first


#: How many passages from a document's start its title may be found in (after a cover letter).
_TITLE_REACH = 20


def _name_line(p: Passage, ms: Sequence[Mention]) -> bool:
    """A body line that is one group's name and nothing else (but a bracketed reference)."""
    if p.kind != "body" or len(ms) != 1 or ms[0].kind != "TerroristGroup":
        return False
    rest = p.text[: ms[0].start] + p.text[ms[0].end :]
    return not re.sub(r"\([^()]{0,20}\)|[\s。：:]", "", rest)


def _self_mentions(
    text: str, ms: list[Mention], resolution: str, p: Passage, words: tuple[str, ...]
) -> list[Mention]:
    """``ms`` with a mention of the document's own resolution wherever the text says 本决议."""
    taken = [(m.start, m.end) for m in ms]
    found = [
        Mention(resolution, "Resolution", w, p.doc_id, at.start(), at.end(), "voice")
        for w in words
        for at in re.finditer(re.escape(w), text)
        if not any(a < at.end() and at.start() < b for a, b in taken)
    ]
    return sorted([*ms, *found], key=lambda m: (m.start, -m.end)) if found else ms


def _owner_in_name(m: Mention, ms: Sequence[Mention]) -> bool:
    """A body written right before another body's name, as part of it (非洲联盟非洲恐怖主义问题研究中心:
    the centre of the African Union), names that owner, not a party of its own."""
    return m.kind in _NAMED_BODIES and any(
        n.start == m.end and n.kind in _NAMED_BODIES and n.concept != m.concept for n in ms
    )


#: Bodies whose names may open with another body's (a programme after its body is its own rule).
_NAMED_BODIES = ("UNEntity", "Organization")


def _framed_funding_first(facts: list[Fact]) -> list[Fact]:
    """Where the clause frames say which group profits from a crime, the word-window rules do not
    give that crime of the sentence to another group (该团体通过勒索获得收入，并接收伊黎伊斯兰国…的资金:
    the group the frame found, not the group named nearest)."""
    framed: dict[str, set[str]] = {}
    for f in facts:
        if f.predicate == "benefitsFrom" and f.rule.startswith("frame_"):
            framed.setdefault(f.object, set()).add(f.subject)
    if not framed:
        return facts
    return [
        f
        for f in facts
        if f.predicate != "benefitsFrom"
        or f.rule.startswith("frame_")
        or f.object not in framed
        or f.subject in framed[f.object]
    ]


def _named_before(concept: str, ms: Sequence[Mention], at: int) -> bool:
    """``concept`` is named in the sentence before position ``at``."""
    return any(m.concept == concept and m.start < at for m in ms)


def _named_only_after(concept: str, ms: Sequence[Mention], at: int) -> bool:
    """``concept`` is named in the sentence, and only after position ``at``."""
    spans = [m.start for m in ms if m.concept == concept]
    return bool(spans) and min(spans) > at


def _verb_follows(
    clause: Clause, agents: Sequence[Mention], classes: Sequence[str], text: str, frames: Frames
) -> bool:
    """A predicate of ``classes`` stands right after the clause's own agents, with only adverbs
    between (A、B和C(共同)合作; not A和B努力促进国际合作)."""
    if not agents:
        return False
    end = after_name(text, max(m.end for m in agents))
    # …与X、Y合作: the partners the clause names may stand between
    partners = sorted((m.start, after_name(text, m.end)) for m in clause.role("partner"))
    for v in clause.predicates:
        if not set(v.classes) & set(classes) or v.start < end:
            continue
        gap, at = "", end
        for a, b in partners:
            if end <= a and b <= v.start:
                gap, at = gap + text[at:a], b
        gap += text[at : v.start]
        if only_adverbs(gap.strip("与同和及、，, "), frames.subject_adverbs):
            return True
    return False


@functools.cache
def _recommendations(words: tuple[str, ...]) -> re.Pattern[str]:
    """Where a sentence's recommendations open: one of ``words`` before a colon (提出以下建议：)."""
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")[：:]")


#: After a place in brackets: the date of what was done there ((安曼,2020年12月)).
_DATED = re.compile(r"\s*[,，、]\s*(?:\d{4}年|\d{1,2}月)")


def _dated_places(text: str, ms: Sequence[Mention]) -> list[Mention]:
    """The places a table cell names in brackets before a date (…讲习班(尼亚美,2021年10月))."""
    return [
        m
        for m in ms
        if m.kind in PLACES and m.start > 0 and text[m.start - 1] in "(（" and _DATED.match(text, m.end)
    ]


def _country_of(f: Fact, ms: Sequence[Mention], text: str, ctx: Context) -> str:
    """The country a group's place is part of, where the text names it in the place's name
    (马里北部, 尼日利亚东北部): a group in the north of Mali is in Mali."""
    if f.predicate != "operatesIn" or f.object not in ctx.countries:
        return ""
    country, names = ctx.countries[f.object]
    said = any(m.concept == f.object and text.startswith(names, m.start) for m in ms)
    return country if said else ""


def _topic_resolution(p: Passage, ms: Sequence[Mention]) -> str:
    """The resolution a paragraph is about, for 该决议: the one it says was adopted (通过第N号决议),
    else the first it names."""
    res = [m for m in ms if m.kind == "Resolution"]
    adopted = [m for m in res if "通过" in p.text[max(0, m.start - 6) : m.start]]
    return (adopted or res)[0].concept if res else ""
