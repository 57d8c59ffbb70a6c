"""Script and width folding shared by every stage: Traditional → Simplified, one dash, one dot.

The fold is one character to one character, so offsets into a folded text are offsets into
the original.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

# Characters that look alike in UN texts; mapped one to one so offsets survive.
_FOLD = {ord(a): b for a, b in zip("—–‐‑－―・•（）「」『』", "------··()“”‘’", strict=True)}


def _t2s_table() -> dict[int, str]:
    """Traditional → Simplified, character by character, from OpenCC's dictionary."""
    table: dict[int, str] = {}
    try:
        import opencc

        path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) == 2 and len(parts[0]) == 1:
                simp = parts[1].split(" ")[0]
                if len(simp) == 1 and simp != parts[0]:
                    table[ord(parts[0])] = simp
    except (ImportError, OSError):  # pragma: no cover - conversion is an extra
        pass
    return table


_T2S = _t2s_table()
_FOLD_ALL = {**_T2S, **_FOLD}
#: A character ``fold`` changes, tested by the regex engine's table for the Basic Multilingual
#: Plane; any character beyond it (rare) is left to ``translate`` itself.
_FOLDED_BMP = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_FOLD_ALL) if k <= 0xFFFF) + "]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.lru_cache(maxsize=8192)  # each passage is folded by several stages
def fold(text: str) -> str:
    """A same-length matching key: Simplified characters, one dash, one middle dot.

    >>> fold("伊黎伊斯蘭國")
    '伊黎伊斯兰国'
    >>> len(fold("拉什卡—塔伊巴")) == len("拉什卡—塔伊巴")
    True
    """
    if _FOLDED_BMP.search(text) is None and _ASTRAL.search(text) is None:
        return text  # nothing to fold (most texts): no lookup character by character
    return text.translate(_FOLD_ALL)


def is_traditional(text: str) -> bool:
    """True when a text is written in Traditional characters (2% or more of its Han characters fold).

    >>> is_traditional("聯合國安理會"), is_traditional("联合国安理会")
    (True, False)
    """
    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return False
    changed = sum(1 for ch in han if ord(ch) in _T2S)
    return changed >= 0.02 * len(han)


@functools.cache
def _s2t() -> Callable[[str], str] | None:
    try:
        import opencc

        convert: Callable[[str], str] = opencc.OpenCC("s2t").convert
        return convert
    except (ImportError, OSError):  # pragma: no cover - conversion is an extra
        return None


def traditional(text: str) -> str:
    """The Traditional-script form of a Simplified name (for search labels), or the text unchanged.

    >>> traditional("博科圣地")
    '博科聖地'
    """
    convert = _s2t()
    return convert(text) if convert else text


# ---------------------------------------------------------------- characters that act instead of showing

#: Bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069): they reorder
#: the text around them, so a name can make a line read otherwise than it is.
BIDI_CONTROLS = frozenset((*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_VISIBLE = {
    i: f"\\u{i:04x}" for i in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *BIDI_CONTROLS)
}
_XML_FORBIDDEN = {i: "\ufffd" for i in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)}


def visible(text: str) -> str:
    r"""``text`` with control characters (C0 but tab and newline, DEL, C1) and bidi controls
    written out as ``\uXXXX``, so a terminal or a page shows them instead of obeying them
    (an ESC or OSC sequence, a right-to-left override). Valid inside a JSON string too.

    >>> visible("a\x1b]0;t\x07b\u202ec\n")
    'a\\u001b]0;t\\u0007b\\u202ec\n'
    """
    return text.translate(_VISIBLE)


def xml_chars(text: str) -> str:
    r"""``text`` with the characters XML 1.0 cannot carry (C0 but tab, newline and carriage
    return; U+FFFE, U+FFFF) replaced by U+FFFD, so an XML answer stays well-formed.

    >>> xml_chars("a\x1bb\tc")
    'a\ufffdb\tc'
    """
    return text.translate(_XML_FORBIDDEN)
