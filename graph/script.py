"""Script and width folding shared by every stage: Traditional → Simplified, one dash, one dot.

The fold is one character to one character, so offsets into a folded text are offsets into
the original.
"""

from __future__ import annotations

import functools
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


@functools.lru_cache(maxsize=8192)  # each passage is folded by several stages
def fold(text: str) -> str:
    """A same-length matching key: Simplified characters, one dash, one middle dot.

    >>> fold("伊黎伊斯蘭國")
    '伊黎伊斯兰国'
    >>> len(fold("拉什卡—塔伊巴")) == len("拉什卡—塔伊巴")
    True
    """
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

        return opencc.OpenCC("s2t").convert
    except (ImportError, OSError):  # pragma: no cover - conversion is an extra
        return None


def traditional(text: str) -> str:
    """The Traditional-script form of a Simplified name (for search labels), or the text unchanged.

    >>> traditional("博科圣地")
    '博科聖地'
    """
    convert = _s2t()
    return convert(text) if convert else text
