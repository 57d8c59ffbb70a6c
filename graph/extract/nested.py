"""Names that share a head given once: 《X》及其修正案 names the amendment to X beside X.

An instrument is often followed by a part of it whose name repeats nothing of it: 及其修正案,
及其2005年修正案, 及其增编, or 〈X〉修正案 nested in a title.  The part is an entity of its own
when the vocabulary has a label of X followed by the part (with or without the year); the part
words are data (``[shared_heads] parts`` of ``ontology/cues.toml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from graph.records import Mention, Passage
from graph.vocab import Vocabulary

#: Kinds whose parts are named this way.
HOLDERS = ("Convention", "Programme", "Document")


@functools.cache
def _pattern(parts: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(map(re.escape, sorted(parts, key=len, reverse=True)))
    # a bracketed note may stand between X and 及其: 《X》(S/2015/939，附件二)及其增编
    note = r"(?:[(（][^()（）\n]{1,40}[)）]\s*(?=及其))?"
    return re.compile(rf"([》”’〉\s]*){note}(及其)?\s*(?:(\d{{4}})\s*年\s*)?({alt})")


def shared_heads(p: Passage, mentions: Sequence[Mention], vocab: Vocabulary) -> list[Mention]:
    """Mentions of the parts named after an instrument (及其修正案), or of the part an inner title
    names (《〈X〉修正案》, which then replaces the mention of X).

    >>> from graph.vocab import load
    >>> t = "成为《核材料实物保护公约》及其修正案的缔约国"
    >>> m = Mention("convention-cppnm", "Convention", "《核材料实物保护公约》", "d", 2, 13, "vocabulary")
    >>> [(n.concept, n.surface) for n in shared_heads(Passage("d", "1", 1, 0, 0, t), [m], load())]
    [('convention-cppnm-amendment', '修正案')]
    >>> t = "《马德里指导原则》(S/2015/939，附件二)及其增编"
    >>> m = Mention("convention-madrid-guiding-principles", "Convention", "《马德里指导原则》", "d", 0, 9, "vocabulary")
    >>> [n.concept for n in shared_heads(Passage("d", "1", 1, 0, 0, t), [m], load())]
    ['convention-madrid-guiding-principles-addendum']
    """
    pattern = _pattern(tuple(vocab.cue("shared_heads", "parts")))
    out: list[Mention] = []
    for m in mentions:
        concept = vocab.concepts.get(m.concept)
        if m.kind not in HOLDERS or concept is None:
            continue
        hit = pattern.match(p.text, m.end)
        if hit is None:
            continue
        year, part = hit.group(3) or "", hit.group(4)
        found = None
        for label in (concept.pref_zh, *concept.alt_zh):
            for name in (f"{label}{year}年{part}" if year else "", f"{label}{part}"):
                if name and (found := vocab.lookup(name)) is not None and found.id != m.concept:
                    break
            else:
                continue
            break
        if found is None or found.id == m.concept:
            continue
        # X及其修正案: the part after 及其, beside X; 《X》修正案, 〈X〉修正案: the part is the whole name
        start = hit.start(2) + 2 if hit.group(2) else m.start
        out.append(
            Mention(found.id, found.kind, p.text[start : hit.end()], p.doc_id, start, hit.end(), "vocabulary")
        )
    return out
