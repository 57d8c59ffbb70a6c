"""The relation rules that are not yet clause frames, one module each: what each states
(predicate, subject and object classes, from the ontology) and which cue words and confidences of
``ontology/cues.toml`` it reads.  partnerOf, implements, affiliatedWith and activeIn in running
text, and mandatedBy by basis or request, are rows of ``ontology/frames.toml``
(``graph.frames``).

``RULES`` lists them; ``checked_cues`` loads ``cues.toml`` into frozen data and refuses, with an
``OntologyError`` that names the rule, a missing list, setting or confidence.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.errors import OntologyError
from graph.extract.rules import active, benefit, mandate, operate, recall, table
from graph.extract.rules.common import Cues, Rule, check_cues
from graph.frames import Frames
from graph.ns import NX

#: Cue tables every rule reads (negation, hedges, anaphora), as a pseudo-rule.
MODALITY = Rule("modality", "", (), (), "negation", lists=("words", "before_verb"))
HEDGE = Rule("hedge", "", (), (), "hedge", lists=("words",))
ANAPHORA = Rule(
    "anaphora",
    "",
    (),
    (),
    "anaphora",
    lists=(
        "group",
        "groups",
        "entity",
        "entity_at_start",
        "resolution",
        "resolutions",
        "places",
        "place",
        "mission_heads",
    ),
)
AGENT_WORDS = Rule("agents", "", (), (), "agents", lists=("system_names", "system_after", "sources"))

RULES: tuple[Rule, ...] = tuple(m.RULE for m in (benefit, operate, mandate, recall, active, table))


def check_ontology_terms(rules: tuple[Rule, ...] = RULES) -> None:
    """Every rule's predicate and classes are terms of ``ontology/nexus.ttl`` (the closed namespace)."""
    for rule in rules:
        for term in (rule.predicate, *rule.subject, *rule.object):
            try:
                NX[term]
            except (AttributeError, KeyError):
                raise OntologyError(f"rule {rule.name!r}: {term!r} is not a term of the ontology") from None


def checked_cues(data: Mapping[str, Any], frames: Frames) -> Cues:
    """``cues.toml`` checked against every rule and frozen; the negation words are the ones every
    relation reads, from ``[modality]`` of ``ontology/frames.toml`` (a denial anywhere in a clause,
    a negation right before its verb)."""
    check_ontology_terms()
    negation = {"words": list(frames.denial), "before_verb": list(frames.negation)}
    return check_cues({**data, "negation": negation}, (*RULES, MODALITY, HEDGE, ANAPHORA, AGENT_WORDS))


__all__ = ["RULES", "Cues", "Rule", "checked_cues"]
