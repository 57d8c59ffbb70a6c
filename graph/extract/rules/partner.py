"""The partner rule: see ``RULE`` for what it states and the cue words it reads."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.extract.rules.common import (
    Cues,
    Rule,
    coordinated,
    coordinated_before,
    has_any,
    make_fact,
)
from graph.records import Fact, Mention, Passage

RULE = Rule(
    name="partner",
    predicate="partnerOf",
    subject=("UNEntity", "Programme", "Organization", "Country"),
    object=("UNEntity", "Programme", "Organization", "Country"),
    section="partner",
    lists=("cues", "linkers", "adverbs", "joint"),
    numbers=(),
    texts=(),
    confidences=("partner_cue",),
)


def partner_facts(p: Passage, ms: Sequence[Mention], cues: Cues) -> list[Fact]:
    """AGENT 与/同 AGENT(、AGENT…) 合作/协作/共同… → partnerOf."""
    text = p.text
    pc = cues["partner"]
    out: list[Fact] = []
    agents = RULE.subject
    for i, m in enumerate(ms):
        if m.kind not in agents or i == 0:
            continue
        prev = ms[i - 1]
        link = text[prev.end : m.start].strip()
        for adverb in sorted(pc["adverbs"], key=len, reverse=True):
            if link.startswith(adverb) and link[len(adverb) :] in pc["linkers"]:
                link = link[len(adverb) :]
                break
        if prev.kind not in agents or link not in pc["linkers"]:
            continue
        partners = coordinated(text, ms, i, agents)
        tail = re.sub(r"^\([^()]{0,20}\)", "", text[partners[-1].end : partners[-1].end + 30])[:12]
        if not has_any(tail, pc["cues"]):
            continue
        if link in ("和", "及"):
            # X和Y共同举办: only a joint verb right after the pair, and X not itself a partner of another
            joint = tail.lstrip("也还已将正").startswith(tuple(pc["joint"]))
            if not joint or text[max(0, prev.start - 2) : prev.start].endswith(tuple(pc["linkers"])):
                continue
        subjects = coordinated_before(text, ms, i - 1, agents)
        for s in subjects:
            for o in partners:
                if s.concept != o.concept:
                    out.append(
                        make_fact(
                            s.concept,
                            "partnerOf",
                            o.concept,
                            p,
                            "partner_cue",
                            cues["confidence"]["partner_cue"],
                            False,
                            f"{s.surface}{link}{o.surface}…合作",
                        )
                    )
    return out
