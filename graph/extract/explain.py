"""Why a fact was or was not drawn: the mentions, clauses, roles and facts of a sentence or paragraph.

``explain_passages`` runs the relation stage as the build does (with the discourse state of the
whole document) and records what the clause analyser saw.  For each pair
of names in a clause that a frame's relation could join but no fact joins, it gives the reason:
the clause is negated, it has no verb of the frame's classes, or the two names fill roles that no
frame of that relation joins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graph.extract import relations
from graph.extract.clauses import ClauseTrace
from graph.extract.rules.common import Context, Cues
from graph.frames import ANY_VERB, Frame, Frames
from graph.records import Fact, Mention, Passage


@dataclass(frozen=True, slots=True)
class Miss:
    """A pair of names in one clause that a relation could join, and why no fact joins them."""

    subject: Mention
    predicate: str
    object: Mention
    reason: str


@dataclass(frozen=True, slots=True)
class SentenceExplanation:
    """One sentence: its mentions, clauses, the facts drawn from it and the pairs left out."""

    passage: Passage
    mentions: tuple[Mention, ...]
    clauses: tuple[ClauseTrace, ...]
    facts: tuple[Fact, ...]
    misses: tuple[Miss, ...]


#: Relations whose two ends can swap: a pair is explained once.
SYMMETRIC = ("partnerOf",)


def role_of(m: Mention, trace: ClauseTrace) -> str:
    """The role a mention fills in a traced clause (``agent (implied)`` for a carried subject)."""
    if m in trace.agents:
        return "agent (implied)" if trace.implied else "agent"
    for g in trace.clause.groups:
        if m in g.mentions:
            return f"{g.role} of {g.verb}" if g.verb else g.role
    return "none"


def _misses(trace: ClauseTrace, facts: Sequence[Fact], frames: Frames) -> list[Miss]:
    clause = trace.clause
    names = [*trace.agents, *(m for g in clause.groups for m in g.mentions if m not in trace.agents)]
    stated = {(f.subject, f.predicate, f.object) for f in facts}
    classes = set(clause.verb_classes)
    out: list[Miss] = []
    for s in names:
        for o in names:
            if s.concept == o.concept:
                continue
            for predicate in dict.fromkeys(f.predicate for f in frames.frames):
                rows = [
                    f
                    for f in frames.frames
                    if f.predicate == predicate and s.kind in f.subject_classes and o.kind in f.object_classes
                ]
                if not rows or (s.concept, predicate, o.concept) in stated:
                    continue
                if (o.concept, predicate, s.concept) in stated or (
                    predicate in SYMMETRIC and any(x.subject == o and x.object == s for x in out)
                ):
                    continue
                out.append(Miss(s, predicate, o, _reason(s, o, trace, rows, classes, frames)))
    return out


def _reason(
    s: Mention, o: Mention, trace: ClauseTrace, rows: list[Frame], classes: set[str], frames: Frames
) -> str:
    if trace.clause.negated:
        return "the clause is negated"
    if s.concept in frames.deliberative:
        return f"{s.surface} is a deliberative organ: it speaks about, it does not act"
    verbs = [r for r in rows if ANY_VERB in r.verbs or classes & set(r.verbs)]
    if not verbs:
        wanted = sorted({v for r in rows for v in r.verbs})
        return f"no verb of {', '.join(wanted)} in the clause (it has {', '.join(sorted(classes)) or 'none'})"
    rs, ro = role_of(s, trace), role_of(o, trace)
    return f"{s.surface} is {rs}, {o.surface} is {ro}: no frame joins these roles"


def explain_passages(
    passages: Sequence[Passage],
    found: Sequence[Sequence[Mention]],
    cues: Cues,
    ctx: Context,
    frames: Frames,
    para: str | None = None,
) -> list[SentenceExplanation]:
    """Explanations of every sentence of a document (or of paragraph ``para``), read in context."""
    traces: list[ClauseTrace] = []
    facts = list(relations.document_facts(passages, found, cues, ctx, frames, traces))
    out = []
    for p, ms in zip(passages, found, strict=True):
        if para is not None and p.para != para:
            continue
        here = [t for t in traces if (t.passage.para, t.passage.sent) == (p.para, p.sent)]
        drawn = [f for f in facts if (f.passage.para, f.passage.sent) == (p.para, p.sent)]
        misses = [m for t in here for m in _misses(t, drawn, frames)]
        out.append(SentenceExplanation(p, tuple(ms), tuple(here), tuple(drawn), tuple(misses)))
    return out


def _name(m: Mention) -> str:
    how = f", {m.method}" if m.method in ("anaphora", "voice") else ""
    return f"{m.surface} ({m.kind} {m.concept}{how})"


def render(explained: Sequence[SentenceExplanation]) -> str:
    """Plain text for a terminal: per sentence its mentions, clauses with roles, facts and misses."""
    lines: list[str] = []
    for e in explained:
        p = e.passage
        lines.append(f"[{p.para}.{p.sent} {p.kind}] {p.text}")
        lines.append("  mentions: " + (" · ".join(_name(m) for m in e.mentions) or "none"))
        for k, t in enumerate(e.clauses, 1):
            c = t.clause
            verbs = ", ".join(f"{v.word} ({'/'.join(v.classes)})" for v in c.predicates) or "none"
            flags = [f for f, on in (("negated", c.negated), ("uncertain", c.uncertain)) if on]
            if c.continues:
                flags.append("continues the list before: " + ", ".join(c.inherited))
            if c.embedded:
                flags.append(
                    "a clause of time with its own agent"
                    if c.embedded == "while"
                    else f"embedded after a {c.embedded} verb"
                )
            if c.generic_agent:
                flags.append("its subject is no entity")
            lines.append(
                f"  clause {k}: 「{c.text.strip()}」 verbs: {verbs}"
                + (f" ({'; '.join(flags)})" if flags else "")
            )
            agent = ", ".join(m.surface for m in t.agents) or "none"
            lines.append(f"    agent: {agent}" + (" (implied)" if t.implied and t.agents else ""))
            for g in c.groups:
                if g.role == "agent" and all(m in t.agents for m in g.mentions):
                    continue
                role = f"{g.role} of {g.verb}" if g.verb else g.role
                lent = " (from the clause before)" if g.lent else ""
                lines.append(f"    {role}: {', '.join(m.surface for m in g.mentions)}{lent}")
        for f in e.facts:
            hedge = ", hedged" if f.hedged else ""
            lines.append(
                f"  fact: {f.subject} {f.predicate} {f.object}  ({f.rule}, {f.confidence:.2f}{hedge})"
            )
        for miss in e.misses:
            lines.append(
                f"  no {miss.predicate}: {miss.subject.surface} → {miss.object.surface}: {miss.reason}"
            )
        lines.append("")
    return "\n".join(lines)
