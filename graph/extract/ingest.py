"""Corpus stage: file → ``Document`` → paragraphs → ``Passage`` sentences.

Repairs the artifacts that PDF extraction leaves in UN documents: words broken
across line ends, running headers and page numbers, footnote markers and bodies,
``undocs.org`` link lines, full-width digits and brackets, spaced digit groups.
Every character of a passage keeps its offset in the decoded file.
"""

from __future__ import annotations

import codecs
import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InputError
from graph.identity import MASTHEAD_MARK, RES_TITLE, STATEMENT_TITLE, title_line
from graph.records import Document, Passage
from graph.script import fold

# ---------------------------------------------------------------- decoding


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK or Big5 (with HKSCS).

    A file that is not UTF-8 is read as GB18030 and as Big5-HKSCS; when both succeed, the
    reading with more common characters wins (either script counts).

    >>> decode("决议".encode("gb18030"), "x.txt")
    '决议'
    >>> decode(b"\\xff\\xfe" + "决议".encode("utf-16-le"), "x.txt")
    '决议'
    >>> decode("安全理事會決議".encode("big5"), "x.txt")
    '安全理事會決議'
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = _strict(data, "utf-16", name)
        if "\x00" in text:
            raise InputError(f"{name}: binary file (NUL characters), not a text document")
        return text
    if b"\x00" in data:
        raise InputError(f"{name}: binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    readings = []
    for encoding in ("gb18030", "big5hkscs"):
        try:
            readings.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    if not readings:
        raise InputError(
            f"{name}: cannot decode as UTF-8, UTF-16, GB18030 or Big5; save it as UTF-8"
        ) from None
    text = max(readings, key=_common_share)  # max keeps the first (GB18030) on a tie
    if not _looks_like_text(text):
        raise InputError(f"{name}: not a text document (undecodable bytes)")
    return text


def _common_share(text: str) -> float:
    """The share of Han characters that are common ones (GB2312 level 1 once folded to
    Simplified): high for a right reading, low for GB18030 bytes read as Big5 or the reverse."""
    han = [ch for ch in fold(text[:20000]) if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for ch in han if _is_common(ch)) / len(han)


def _is_common(ch: str) -> bool:
    try:
        code = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= code[0] <= 0xD7


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError:
        raise InputError(f"{name}: invalid {encoding.upper()} text") from None


def _looks_like_text(text: str) -> bool:
    """GB18030 decodes almost any bytes; reject results full of control or private-use chars."""
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\r\n\f") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad / len(text) < 0.01


MAX_SIZE = 50 * 1024 * 1024  # bytes: a file larger than this is refused (``--max-size``)


def corpus_files(
    paths: Sequence[Path], warn: Callable[[str], None] | None = None, max_size: int = MAX_SIZE
) -> list[Path]:
    """The .txt files named or contained (recursively) in ``paths``, sorted by name then path.

    Inside a folder, a symlink that leads out of it, a symlink loop and anything that is not a
    regular file (a FIFO, a device) are skipped with a one-line warning through ``warn``.

    Raises
    ------
    InputError
        If a path does not exist, or a file is larger than ``max_size`` bytes.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            for p in sorted(path.rglob("*.txt")):
                if p.name.startswith("."):
                    continue
                reason = _unreadable_reason(p, root)
                if reason:
                    if warn:
                        warn(f"{p}: {reason}, skipped")
                    continue
                files.append(p)
        elif path.is_file():
            files.append(path)
        elif path.exists() or path.is_symlink():
            raise InputError(f"{path}: not a regular file (a FIFO, device or broken symlink)")
        else:
            raise InputError(f"{path}: no such file or folder")
    for f in files:
        size = f.stat().st_size
        if size > max_size:
            raise InputError(
                f"{f}: {size / 2**20:.1f} MB, over the {max_size / 2**20:g} MB --max-size limit; "
                "raise --max-size or leave the file out"
            )
    return sorted(dict.fromkeys(files), key=lambda p: (p.name, str(p)))


def _unreadable_reason(path: Path, root: Path) -> str | None:
    """Why a file found in the folder ``root`` is not read, or None."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return "symlink loop or broken symlink"
    if path.is_symlink() and not target.is_relative_to(root):
        return f"symlink to {target}, outside the input folder"
    if not target.is_file():
        return "not a regular file (a FIFO or device)"
    return None


def load_document(path: Path, max_size: int = MAX_SIZE) -> Document:
    """Read one corpus file into a ``Document`` (its text, content id and hash): at most
    ``max_size`` bytes, even when the file grew after its size was checked. What the document
    is (symbol, kind, body, date, title) is :func:`graph.identity.identify`'s to say."""
    try:
        with path.open("rb") as f:
            data = f.read(max_size + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > max_size:
        raise InputError(f"{path}: larger than {max_size:,} bytes (see --max-size)")
    text = clean_controls(decode(data, str(path)).replace("\r\n", "\n").replace("\r", "\n"))
    return Document(
        id=document_id(path, data), path=str(path), text=text, sha256=hashlib.sha256(data).hexdigest()
    )


_CONTROLS = {
    i: " " for i in (*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF)
}
_CONTROLS.update({0x0C: "\n", 0x2028: "\n", 0x2029: "\n", 0x85: "\n"})


def clean_controls(text: str) -> str:
    r"""Page breaks and line separators become line ends, other control characters spaces (one for one).

    Form feed, U+2028, U+2029 and U+0085 end a line; C0 (but tab and newline), DEL, C1 and the
    noncharacters U+FFFE/U+FFFF become spaces, so nothing reaches the graph that XML forbids.

    >>> clean_controls("塔利班从贩毒中\f获益。\x1b")
    '塔利班从贩毒中\n获益。 '
    """
    return text.translate(_CONTROLS)


def document_id(path: Path, data: bytes) -> str:
    """A stable id from the content (never the file name): the same bytes give the same id.

    Two files with the same bytes are one document; the build reads it once and says so.

    >>> document_id(Path("a/report.txt"), b"x") == document_id(Path("b/report.txt"), b"x")
    True
    """
    return "h" + hashlib.sha256(data).hexdigest()[:16]


# ---------------------------------------------------------------- character normalisation

_FULLWIDTH = {0xFF08: "(", 0xFF09: ")", 0xFF0E: ".", 0xFF0F: "/", 0xFF05: "%", 0xFF0D: "-"}
_FULLWIDTH.update({0xFF10 + i: str(i) for i in range(10)})
_FULLWIDTH.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
_FULLWIDTH.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " "})
#: A character of ``_FULLWIDTH`` (most paragraphs have none: no lookup character by character).
_FULLWIDTH_CHAR = re.compile("[" + "".join(map(re.escape, map(chr, sorted(_FULLWIDTH)))) + "]")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPTS}]")
_SPACE_RUN = re.compile(r"[ \t\n]+")
_MARKUP_HINT = re.compile(r"\]\(|\*\*|__|https?://|www\.")
_MARKUP = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]*\)|<?(?:https?://|www\.)[!-;=?-~]+>?|\*\*|__")

#: A paragraph's or sentence's text and the document offset of each of its characters.
Located = tuple[str, list[int]]


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0x3400 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF or 0xF900 <= o <= 0xFAFF


def normalize(text: str, offsets: list[int]) -> Located:
    """Half-width digits and brackets, no footnote superscripts, no spaces beside CJK or inside digit groups.

    ``offsets[i]`` is the document offset of ``text[i]``; the result keeps each kept
    character's offset. A run of spaces, tabs and newlines becomes one space between two
    Latin words or numbers (``3 500`` stays apart only when not a digit group), else nothing.

    >>> normalize("第１ 段\\n (a) 3 500", list(range(14)))
    ('第1段(a) 3500', [0, 1, 3, 6, 7, 8, 9, 10, 12, 13])
    >>> normalize("见[S/2014/815](#)和**附件**", list(range(22)))[0]
    '见S/2014/815和附件'
    """
    if _SUPERSCRIPT.search(text):
        keep = [i for i, c in enumerate(text) if c not in _SUPERSCRIPTS]
        text = "".join(text[i] for i in keep)
        offsets = [offsets[i] for i in keep]
    if _FULLWIDTH_CHAR.search(text):
        text = text.translate(_FULLWIDTH)
    while _MARKUP_HINT.search(text):  # dropping one mark can join another (``*[*](x)`` → ``**``)
        before = len(text)
        text, offsets = _drop_markup(text, offsets)
        if len(text) == before:
            break
    if not _SPACE_RUN.search(text):
        return text, list(offsets)
    parts: list[str] = []
    offs: list[int] = []
    pos = 0
    n = len(text)
    for m in _SPACE_RUN.finditer(text):
        a, b = m.span()
        parts.append(text[pos:a])
        offs += offsets[pos:a]
        pos = b
        if a == 0 or b == n:
            continue
        prev, nxt = text[a - 1], text[b]
        if _is_cjk(prev) or _is_cjk(nxt) or prev == "(" or nxt == ")":
            continue
        if prev.isdigit() and _digit_group_at(text, b):
            continue
        parts.append(" ")
        offs.append(offsets[a])
    parts.append(text[pos:])
    offs += offsets[pos:]
    return "".join(parts), offs


def _drop_markup(text: str, offsets: list[int]) -> Located:
    """Link and markdown debris out: ``[text](target)`` keeps its text; URLs, ``<…>`` links and
    ``**``/``__`` emphasis go."""
    keep: list[int] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        keep += range(pos, m.start())
        if m.group(1) is not None:
            keep += range(m.start(1), m.end(1))
        pos = m.end()
    keep += range(pos, len(text))
    return "".join(text[i] for i in keep), [offsets[i] for i in keep]


def normalize_chars(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """:func:`normalize` on (character, offset) pairs."""
    text, offsets = normalize("".join(c for c, _ in chars), [o for _, o in chars])
    return list(zip(text, offsets, strict=True))


def _digit_group_at(text: str, j: int) -> bool:
    """True when text[j:] starts with exactly three digits not followed by ``(`` (3 500 → 3500)."""
    digits = 0
    while j + digits < len(text) and text[j + digits].isdigit():
        digits += 1
    return digits == 3 and text[j + 3 : j + 4] != "("


# ---------------------------------------------------------------- lines and paragraphs

_LINK = re.compile(r"^\s*(<?https?://|www\.)\S*\s*$")
_HEADER = re.compile(
    r"^\s*(?:[ASE]/[A-Z0-9./]+(?:\s*\(\d{4}\))?|\d{2}-\d{5}(?:\s*\(C\))?(?:\s+\d+/\d+)?|\d+/\d+(?:\s+\d{2}-\d{5})?|\d{1,3})\s*$"
)
_SEPARATOR = re.compile(r"^\s*_{5,}\s*$")
_FOOTNOTE_START = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+|\d{1,2}(?=\s+\S))\s*\S")
_SUPER_START = re.compile(r"^\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
_NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[.．](?!\d)\s*(?=\S)")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[.、．]|[A-Z]\s*[.．]|附件|附录)\s*\S*")
_SENTENCE_END = "。；：！？”"
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+\S")
_ENUMERATOR = re.compile(
    r"^\s*(?:#{1,6}|(?:[一二三四五六七八九十]+|[A-Z]|\d{1,3})\s*[.、．]|[(（][a-z][)）])\s*"
)
_SUPER_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_NOTE_NUMBER = re.compile(r"^\s*([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,3})(?:\s+|(?=[^\d\s.．)]))")
_SUPER_CALL = re.compile(r"([¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_DIGIT_CALL = re.compile(r"[。；，：”）)][ \t]*(\d{1,3})[ \t]+(?=[\u4e00-\u9fff“《]|[(（][a-z][)）])")
_MASTHEAD_TOKEN = re.compile(
    r"\s*(?:\||[ASE]/[A-Z0-9./]+(?:\s*\(\d{4}\))?|Distr\.?\s*[:：]?|General|Limited|Restricted"
    r"|Original\s*[:：]\s*[A-Z][a-z]+|Chinese|English|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|\d{2}-\d{5}(?:\s*\(C\))?"
    r"|\*\d{5,}\*|United Nations|联合国|聯合國|\d{4}年\d{1,2}月\d{1,2}日"
    r"|(?:安全理事[会會]|大[会會]|[经經][济濟]及社[会會]理事[会會])(?!\s*[，,]))"
)
_BODY_LINE = re.compile(
    r"^\s*(安全理事[会會]|大[会會]|[经經]济及社[会會]理事[会會]|人权理事[会會]|人權理事會)\s*[，,]\s*$"
)
_BODY_LINE_BARE = re.compile(r"^\s*(安全理事[会會]|大[会會]|[经經][济濟]及社[会會]理事[会會])\s*$")
_LINE_END = "。；;，,：:！？!?」”』\"'）)"


@dataclass(slots=True)
class _Line:
    text: str
    start: int
    #: ``text`` stripped, asked for again and again: made once (a line is never changed).
    stripped: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.stripped = self.text.strip()


@dataclass
class _Para:
    label: str
    pieces: list[_Line] = field(default_factory=list)
    table: bool = False
    kind: str = ""
    at: int = 0  # headings: the number of paragraphs before; footnotes: the body line after
    number: int = 0  # a footnote's number


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.split("\n"):
        yield _Line(raw, pos)
        pos += len(raw) + 1


def _is_heading_text(s: str) -> bool:
    return (
        len(s.replace(" ", "")) <= 25
        and not any(p in s for p in "。；，,;")
        and s[-1:] not in _SENTENCE_END + "、;"
    )


def _centred_title(line: str) -> bool:
    """A title line set in the middle of the page (a run of spaces before it): longer than a
    heading may be, with no punctuation of a sentence (联合国反恐怖主义办公室能力建设方案：2024年的活动)."""
    indent = len(line) - len(line.lstrip(" \u3000"))
    s = line.strip()
    return (
        indent >= _TITLE_INDENT
        and 0 < len(s.replace(" ", "")) <= 45
        and not any(p in s for p in "。；，,;")
        and s[-1:] not in _SENTENCE_END + "、;"
    )


#: The spaces before a line that set it in the middle of the page (a title, not a wrapped line).
_TITLE_INDENT = 8


def _is_statement_title(s: str) -> bool:
    """A first line that titles a statement: up to 80 characters, no punctuation of a sentence,
    ending with the kind of statement (的讲话, 的发言 …)."""
    return len(s) <= 80 and not any(p in s for p in "。；，,;") and bool(STATEMENT_TITLE.search(s))


def _is_resolution_title(s: str) -> bool:
    """A long title line that names a resolution (…第8496次会议通过的第2462(2019)号决议)."""
    return len(s) <= 60 and not any(p in s for p in "。；，,;") and bool(RES_TITLE.search(title_line(s)))


def _blank_line_breaks(text: str, lines: list[_Line]) -> frozenset[int]:
    """The indexes of the lines a blank line alone separates from the line before, in a text set
    single-spaced (a blank line there ends a paragraph); none in a text set double-spaced, where
    the lines of one paragraph, too, are apart (most lines broken inside a sentence are followed
    by a blank line)."""
    gaps = [
        k
        for k in range(1, len(lines))
        if not text[lines[k - 1].start + len(lines[k - 1].text) : lines[k].start].strip()
    ]
    blank = {k for k in gaps if text.count("\n", lines[k - 1].start, lines[k].start) >= 2}
    wraps = [
        k for k in gaps if len(lines[k - 1].stripped) >= 15 and lines[k - 1].stripped[-1:] not in _LINE_END
    ]
    if not wraps or sum(k in blank for k in wraps) > 0.5 * len(wraps):
        return frozenset()
    return frozenset(blank)


def _is_unwrapped(lines: list[_Line]) -> bool:
    """True for a text with one paragraph a line (web pages, UN News), false for wrapped PDF text.

    Most long lines of an unwrapped text end in punctuation; a PDF extraction breaks lines
    anywhere.
    """
    long = [ln.stripped for ln in lines if len(ln.stripped) >= 15]
    if not long:
        return True
    ended = sum(1 for s in long if s[-1] in _LINE_END)
    return ended >= 0.7 * len(long)


def paragraph_kind(label: str, resolution: bool) -> str:
    """The kind of a paragraph from how ingest labelled it.

    >>> [paragraph_kind(x, True) for x in ("T1", "PP2", "3", "annex-1")]
    ['title', 'preamble', 'operative', 'annex']
    """
    if label.startswith("T"):
        return "title"
    if label.startswith("PP"):
        return "preamble"
    if label.startswith("annex-"):
        return "annex"
    if label.startswith("S"):
        return "body"
    return "operative" if resolution else "body"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph as ingest read it: label, text with offsets, kind and its links.

    ``heading`` is the label of the heading it sits under; ``calls`` the footnotes it calls,
    as (footnote number, index into ``text`` of the character before the call); ``note`` the
    number of a footnote paragraph.
    """

    label: str
    text: str
    offsets: list[int]
    kind: str
    heading: str = ""
    calls: tuple[tuple[int, int], ...] = ()
    note: int | None = None


def split_paragraphs(doc: Document) -> list[tuple[str, Located, str]]:
    """Split a document into (label, (text, offsets), kind) paragraphs; see :func:`paragraphs`."""
    return [(p.label, (p.text, p.offsets), p.kind) for p in paragraphs(doc)]


def paragraphs(doc: Document) -> list[Paragraph]:
    """Split a document into paragraphs, headings and footnotes, in reading order.

    Labels: the document's own number as printed (``26``, also when the first is ``5``);
    ``PP3`` for a resolution's preambular paragraphs; ``S1``… for unnumbered text before the
    first number; ``T1`` for the title lines at the top; ``H1``… for the headings;
    ``fn3`` for footnote 3 (placed after the paragraph that calls it); ``annex-7`` for row 7
    of an annex table. Kinds: see ``paragraph_kind``; annex table rows are ``table``.
    """
    content, notes = _body_and_notes(_lines(doc.text))
    paras: list[_Para] = []
    headings: list[_Para] = []
    para_at_line: dict[int, int] = {}
    starts = {int(m.group(1)) for ln in content if (m := _NUMBERED.match(ln.text))}
    last_number = 0
    pre = 0
    titles = 0
    unwrapped = _is_unwrapped(content)
    broken = _blank_line_breaks(doc.text, content)
    resolution_mode = False
    voiced = False
    annex_mode = False
    rows = 0  # rows of tables set with pipes or columns of spaces
    table_open = False
    annex_prefix = ""
    prev_end = ""

    def heading(line: _Line) -> None:
        headings.append(
            _Para(f"H{len(headings) + 1}", [_strip_enumerator(line)], kind="heading", at=len(paras))
        )

    for idx, ln in enumerate(content):
        para_at_line[idx] = len(paras)
        s = ln.stripped
        opening = last_number == 0 and not annex_prefix  # before the first numbered paragraph
        nxt = content[idx + 1].stripped if idx + 1 < len(content) else ""
        if (
            idx == titles < 3
            and (_is_heading_text(s) or _is_resolution_title(s) or _is_statement_title(s))
            and "\t" not in ln.text
            and not _NUMBERED.match(ln.text)
            and not _MD_HEADING.match(ln.text)
            and not _HEADING.match(ln.text)
            and not (_BODY_LINE.match(s) or _BODY_LINE_BARE.match(s))
        ):
            titles += 1
            paras.append(_Para(f"T{titles}", [ln]))
            prev_end = "。"
            continue  # the document's title lines
        if _BODY_LINE.match(s) or (
            # a bare 安全理事会 opens a resolution's preamble only before a preambular paragraph
            # (…，); in a report's masthead a date or the title follows it
            unwrapped and last_number == 0 and _BODY_LINE_BARE.match(s) and nxt.endswith(("，", ","))
        ):
            resolution_mode = True
            pre = 0
            prev_end = "，"
            voiced = True  # the line after 大会， opens the first preambular paragraph
            continue
        row = (
            _row_cells(ln.text)
            if "\t" not in ln.text
            else _tab_cells(ln.text)
            if not (annex_mode or s.startswith("序号"))
            else None
        )
        if row is None:
            table_open = False
        elif table_open:  # a row of the table: a paragraph of its own, cell by cell
            rows += 1
            # an empty first cell stands for the 序号 column a numbered table has
            paras.append(_Para(f"annex-row{rows}", [_Line("\t" + row, ln.start - 1)], table=True))
            continue
        elif nxt and (
            _row_cells(content[idx + 1].text) is not None or _tab_cells(content[idx + 1].text) is not None
        ):
            table_open = True
            continue  # the header row of a table (受益国 | 活动 | 伙伴)
        if "\t" in ln.text and (annex_mode or s.startswith("序号")):
            annex_mode = True
            cells = ln.text.split("\t")
            first = cells[0].strip()
            if first == "序号" or not any(c.strip() for c in cells[1:]):
                continue
            if first.isdigit():
                paras.append(_Para(f"annex-{int(first)}", [_Line(ln.text, ln.start)], table=True))
            elif paras and paras[-1].table:
                paras[-1].pieces.append(_Line(ln.text, ln.start))
            continue
        if _MD_HEADING.match(ln.text):
            heading(ln)
            prev_end = "。"
            continue
        if s.startswith(("附件", "附录")) and _is_heading_text(s) and last_number > 0:
            annex_prefix, last_number = "annex-", 0  # an annex numbers its paragraphs anew
            heading(ln)
            prev_end = "。"
            continue
        m = _NUMBERED.match(ln.text)
        if m:
            number = int(m.group(1))
            rest = ln.text[m.end() :].strip()
            continues = bool(nxt) and not _NUMBERED.match(content[idx + 1].text) and number == last_number + 1
            if _is_heading_text(rest) and not continues:
                heading(ln)
                prev_end = "。"
                continue  # a numbered (sub-)heading such as "3. 贩毒"
            if last_number < number <= last_number + 3 or (last_number == 0 and number + 1 in starts):
                last_number = number
                paras.append(
                    _Para(f"{annex_prefix}{number}", [_Line(ln.text[m.end() :], ln.start + m.end())])
                )
                prev_end = s[-1:]
                continue
        elif (
            (_HEADING.match(ln.text) or prev_end in ("", "。", "："))
            and (_is_heading_text(s) or (opening and _centred_title(ln.text)))
            and (
                _HEADING.match(ln.text)
                or not nxt
                or _NUMBERED.match(content[idx + 1].text)
                or _is_heading_text(nxt)
                or (opening and _centred_title(content[idx + 1].text))
            )
        ):
            heading(ln)
            prev_end = "。"
            continue  # a heading
        starts_new = False
        if last_number == 0 and not annex_prefix:
            if resolution_mode:
                starts_new = voiced or (
                    (ln.text[:1].isspace() or unwrapped or idx in broken)
                    and prev_end in ("，", "；", "。", ",", ";")
                )
                voiced = False
                label = f"PP{pre + 1}"
            else:
                starts_new = (prev_end in ("。", "：") and ln.text[:1].isspace()) or (
                    unwrapped and prev_end != ""
                )
                label = f"S{pre + 1}"
            if starts_new or not paras[titles:]:
                pre += 1
                paras.append(_Para(label, [ln]))
                prev_end = s[-1:]
                continue
        if paras:
            paras[-1].pieces.append(ln)
        prev_end = s[-1:]

    for note in notes:
        note.at = para_at_line.get(note.at, len(paras))
    numbers = frozenset(n.number for n in notes)
    return _in_reading_order(
        [
            _finish(p, "table" if p.table else paragraph_kind(p.label, resolution_mode), numbers)
            for p in paras
        ],
        [_finish(h, "heading") for h in headings],
        [_finish(n, "footnote") for n in notes],
        [h.at for h in headings],
        [n.at for n in notes],
    )


#: A row of a table set with pipes or with columns of spaces (受益国 | 活动 | 伙伴; 东南亚  泰国  培训):
#: three cells or more.
_CELL_GAP = re.compile(r"\s*\|\s*|\s{2,}|(?<=\S)\u3000(?=\S)")
#: What a gap of ``_CELL_GAP`` without a pipe needs (one ideographic space between two words is a
#: gap: 非洲　马里　开发署　支持…).
_TWO_SPACES = re.compile(r"\s\s|\S\u3000\S")


def _tab_cells(text: str) -> str | None:
    """``text`` if it is a row of a table set with tabs (区域	团体	活动): three cells or more, the
    first not empty; else None."""
    cells = text.strip().split("\t")
    return text if len(cells) >= 3 and cells[0].strip() and sum(bool(c.strip()) for c in cells) >= 2 else None


def _row_cells(text: str) -> str | None:
    """``text`` with each gap between the cells of a table row begun by a tab (one character for
    one, so offsets hold), if it has three cells or more; else None."""
    s = text.strip()
    if "|" not in s and not _TWO_SPACES.search(s):
        return None  # no gap between cells (most lines): the scan below is the slow part
    gaps = list(_CELL_GAP.finditer(s))
    if len(gaps) < 2 or not s or s[0] == "|":
        return None
    out = list(text)
    lead = len(text) - len(text.lstrip())
    for g in gaps:
        at = lead + g.start()
        bar = s.find("|", g.start(), g.end())
        out[lead + bar if bar >= 0 else at] = "\t"
    return "".join(out)


#: A line of a meeting's masthead (第三十四届会议 / 2025年5月19日至23日，维也纳 / 临时议程* 项目6).
_SESSION = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百零〇\d]+届(?:会议|常会|特别会议|续会)"
    r"|(?:临时)?议程\s*\*?\s*项目\s*\d+(?:\s*\([a-z]\))?"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*至\s*(?:\d{1,2}\s*月\s*)?\d{1,2}\s*日)?\s*[，,]\s*\S{2,10})\s*$"
)


def _session_lines(lines: Sequence[_Line]) -> set[int]:
    """The lines of a meeting's masthead: the session, its dates and place, the agenda item, and
    the organ named on the line right above them (预防犯罪和刑事司法委员会 / 第三十四届会议 …)."""
    out = {i for i, ln in enumerate(lines) if _SESSION.match(ln.text)}
    for i in sorted(out):
        j = i - 1
        above = lines[j].stripped if j >= 0 and j not in out else ""
        if above and len(above) <= 24 and not any(c in above for c in _LINE_END):
            out.add(j)  # the organ whose session it is
    return out


#: A footnote printed at the foot of a page with no rule above it: a number, a space and its text.
_PLAIN_NOTE = re.compile(r"^(\d{1,2})[ \t]+(?=[^\d\s.．、])")


def _page_foot_notes(lines: Sequence[_Line]) -> set[int]:
    """The indexes of lines that are footnotes set at a page's foot without a separator: after a
    blank line, numbered lines (each maybe wrapped once) up to the page's running footer."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        if not _PLAIN_NOTE.match(ln.text) or i == 0 or lines[i - 1].stripped:
            continue
        block, j = [i], i + 1
        while j < len(lines) and len(block) <= 6:
            t = lines[j]
            if not t.stripped:
                j += 1
                continue
            if _HEADER.match(t.text):
                out.update(block)
                break
            if _NUMBERED.match(t.text) or _HEADING.match(t.text):
                break
            block.append(j)
            j += 1
    return out


#: A line that is only an annex's heading (附件, 附件一, 附录二): the body goes on after footnotes.
_ANNEX_START = re.compile(r"^(?:附件|附录)[一二三四五六七八九十\dA-Z]*$")


def _body_and_notes(lines: Iterable[_Line]) -> tuple[list[_Line], list[_Para]]:
    """The body lines of a document, and its footnotes (``at``: the index of the body line
    that follows each); page headers, link lines and mastheads are left out."""
    content: list[_Line] = []
    notes: list[_Para] = []
    in_footnote = masthead = opening = False
    lines = list(lines)
    foot = _page_foot_notes(lines)
    session = _session_lines(lines)
    for i, ln in enumerate(lines):
        s = ln.stripped
        if not s or i in session:
            continue
        if i in foot:  # 1 见S/2023/990。 above the page's footer: a footnote, not the sentence's end
            if _PLAIN_NOTE.match(ln.text) or not notes:
                notes.append(_note(ln, len(content)))
            else:
                notes[-1].pieces.append(ln)
            continue
        if _LINK.match(s) or _HEADER.match(ln.text) or (s.startswith("*") and len(s) < 40):
            in_footnote = False if _HEADER.match(ln.text) else in_footnote
            continue
        if MASTHEAD_MARK.search(s):
            masthead = True
            ln = _strip_masthead(ln)
            if not ln.stripped:
                continue
        elif masthead and not content and _BODY_LINE_BARE.match(s):
            continue  # 联合国 S/RES/… / 安全理事会 / Distr.: General: the body's name in the masthead
        if _SEPARATOR.match(s):
            in_footnote = opening = True
            continue
        if _SUPER_START.match(ln.text) and not _NUMBERED.match(ln.text):
            notes.append(_note(ln, len(content)))  # footnote set in superscript style (one line)
            continue
        if in_footnote:
            if (
                (ln.text[:1].isspace() and not _FOOTNOTE_START.match(ln.text))
                or (_NUMBERED.match(ln.text) and not ln.text[:1].isspace())
                or _ANNEX_START.match(s)  # 附件 after the notes of the last page: the body goes on
            ):
                in_footnote = False
            else:
                # the first line under the rule opens a note, whatever its indent; so does the
                # next number at the start of a line
                last = notes[-1].number if notes else 0
                if opening or not notes or _starts_note(ln, last) or _next_note(ln, last):
                    notes.append(_note(ln, len(content)))
                else:
                    notes[-1].pieces.append(ln)
                opening = False
                continue
        content.append(ln)
    return content, notes


def _next_note(ln: _Line, last: int) -> bool:
    """A line opening with the number right after ``last`` and a space (2 这两期讲习班…)."""
    m = _PLAIN_NOTE.match(ln.text)
    return m is not None and int(m.group(1)) == last + 1


def _starts_note(ln: _Line, last: int) -> bool:
    """An indented line opening with the number after ``last`` starts a footnote (a line of a
    footnote that wraps at a number, ``37 段编写的…``, does not)."""
    m = _NOTE_NUMBER.match(ln.text)
    return m is not None and ln.text[:1].isspace() and int(m.group(1).translate(_SUPER_DIGITS)) > last


def _note(ln: _Line, at: int) -> _Para:
    """A footnote starting on ``ln``: its number and text (``fn0`` when unnumbered)."""
    m = _NOTE_NUMBER.match(ln.text)
    number = int(m.group(1).translate(_SUPER_DIGITS)) if m else 0
    end = m.end() if m else 0
    return _Para(f"fn{number}", [_Line(ln.text[end:], ln.start + end)], kind="footnote", at=at, number=number)


def _strip_enumerator(ln: _Line) -> _Line:
    """A heading line without its enumerator (一. / A. / 3. / ##)."""
    m = _ENUMERATOR.match(ln.text)
    return _Line(ln.text[m.end() :], ln.start + m.end()) if m and m.end() < len(ln.text.rstrip()) else ln


def _strip_masthead(ln: _Line) -> _Line:
    """A line without the masthead at its start (联合国 | S/RES/… | 安全理事会 | Distr.: General
    17 December 2015): blanked with spaces, so offsets hold and what follows starts a paragraph."""
    pos = 0
    while (m := _MASTHEAD_TOKEN.match(ln.text, pos)) and m.end() > pos:
        pos = m.end()
    return _Line(" " * pos + ln.text[pos:], ln.start)


def _finish(p: _Para, kind: str, notes: frozenset[int] = frozenset()) -> Paragraph:
    """A paragraph's pieces joined (table rows cell by cell) and normalised, with its calls of
    the footnotes ``notes``."""
    parts: list[str] = []
    offsets: list[int] = []
    for piece in p.pieces:
        text = piece.text
        if p.table:
            cells = text.split("\t")
            text = cells[1] + "\t" + "\t".join(cells[2:]) if len(cells) > 1 else text
            offset = piece.start + len(cells[0]) + 1 if len(cells) > 1 else piece.start
        else:
            offset = piece.start
        if parts:
            parts.append("\n")
            offsets.append(offset - 1)
        parts.append(text)
        offsets += range(offset, offset + len(text))
    joined = "".join(parts)
    if p.table:
        joined, offsets = _table_cells(joined, offsets)
    calls: list[tuple[int, int]] = []
    if kind not in ("heading", "footnote", "table"):
        joined, offsets, calls = _take_calls(joined, offsets, notes)
    text, offs = normalize(joined, offsets)
    at = [(n, max(0, sum(1 for o in offs if o < off) - 1)) for n, off in calls]  # the character before
    return Paragraph(
        p.label, text, offs, kind, calls=tuple(at), note=p.number if kind == "footnote" else None
    )


def _take_calls(
    text: str, offsets: list[int], notes: frozenset[int]
) -> tuple[str, list[int], list[tuple[int, int]]]:
    """Calls of the footnotes ``notes`` out of a paragraph: a superscript number anywhere, or a
    number set apart after a punctuation mark (…立法。1 一些国家), in ascending order. Returns
    the text without the digit calls and (number, document offset) of every call."""
    calls = [
        (int(m.group(1).translate(_SUPER_DIGITS)), offsets[m.start(1)]) for m in _SUPER_CALL.finditer(text)
    ]
    if not notes or not _DIGIT_CALL.search(text):
        return text, offsets, calls
    keep: list[int] = []
    pos = 0
    last = 0
    for m in _DIGIT_CALL.finditer(text):
        number = int(m.group(1))
        if number not in notes or number <= last:
            continue
        last = number
        keep += range(pos, m.start(1))
        pos = m.end(1)
        calls.append((number, offsets[m.start(1)]))
    keep += range(pos, len(text))
    return "".join(text[i] for i in keep), [offsets[i] for i in keep], sorted(calls, key=lambda c: c[1])


def _in_reading_order(
    body: list[Paragraph],
    headings: list[Paragraph],
    notes: list[Paragraph],
    heading_at: list[int],
    note_at: list[int],
) -> list[Paragraph]:
    """Headings before the paragraph they precede (which take their label as ``heading``),
    each footnote after the paragraph that calls it (else where it was printed)."""
    numbers = {n.note for n in notes}
    called: dict[int, int] = {}
    for i, p in enumerate(body):
        for n, _ in p.calls:
            called.setdefault(n, i + 1)
    kept = [tuple(c for c in p.calls if c[0] in numbers) for p in body]  # the calls of notes printed
    slots: dict[int, list[Paragraph]] = {}
    for h, at in zip(headings, heading_at, strict=True):
        slots.setdefault(at, []).append(h)
    tail: dict[int, list[Paragraph]] = {}
    for note, at in zip(notes, note_at, strict=True):
        tail.setdefault(called.get(note.note or 0, at) - 1, []).append(note)
    out: list[Paragraph] = list(tail.get(-1, []))
    under = ""
    for i, p in enumerate(body):
        for h in slots.get(i, []):
            out.append(h)
            under = h.label
        out.append(  # one copy of the paragraph, with both changes
            dataclasses.replace(p, calls=kept[i])
            if p.kind == "title"
            else dataclasses.replace(p, heading=under, calls=kept[i])
        )
        out += tail.get(i, [])
    for h in slots.get(len(body), []):
        out.append(h)
    return out


def _table_cells(text: str, offsets: list[int]) -> Located:
    """Join a table row split over page lines cell by cell; cells end with 。 so they split as sentences."""
    cells: list[list[int]] = []  # each cell: the indices of its characters, row after row
    row_start = 0
    for row in text.split("\n"):
        i = row_start
        for k, piece in enumerate(row.split("\t")):
            # a continuation line has an empty first cell (the 序号 column was dropped)
            if k == len(cells):
                cells.append([])
            cells[k] += range(i, i + len(piece))
            i += len(piece) + 1
        row_start += len(row) + 1
    parts: list[str] = []
    offs: list[int] = []
    for cell in cells:
        while cell and text[cell[-1]].isspace():
            cell.pop()
        if not cell:
            continue
        parts += (text[i] for i in cell)
        offs += (offsets[i] for i in cell)
        if text[cell[-1]] not in "。！？":
            parts.append("。")
            offs.append(offsets[cell[-1]])
    return "".join(parts), offs


# ---------------------------------------------------------------- sentences

_SPLIT = re.compile(r"[^。！？]*(?:[。！？]+[”」』)]?|$)")

#: Longer sentences are cut at a comma (or at this length).
MAX_SENTENCE = 2000


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: split at 。！？ (a closing quote stays with its
    sentence), leading spaces left out, runaway sentences cut at a comma."""
    for m in _SPLIT.finditer(text):
        a, b = m.span()
        while a < b:
            while a < b and text[a].isspace():
                a += 1
            if a >= b:
                break
            end = b
            if end - a > MAX_SENTENCE:
                cut = max(text.rfind(c, a, a + MAX_SENTENCE) for c in "；，,; ")
                end = cut + 1 if cut > a + MAX_SENTENCE // 2 else a + MAX_SENTENCE
            yield a, end
            a = end


def passages(doc: Document) -> Iterator[Passage]:
    """All sentences of a document, in order, as ``Passage`` records.

    >>> from graph.records import Document
    >>> d = Document("d", "d.txt", "1. 第一句。第二\\n句。\\n", "0")
    >>> [(p.para, p.sent, p.text, p.start, p.end) for p in passages(d)]
    [('1', 1, '第一句。', 3, 7), ('1', 2, '第二句。', 7, 12)]
    """
    paras = paragraphs(doc)
    spans = [list(sentence_spans(p.text)) for p in paras]
    calls: dict[int, tuple[str, int]] = {}
    for p, ss in zip(paras, spans, strict=True):
        for n, i in p.calls:
            sent = next((k for k, (_a, b) in enumerate(ss, start=1) if i < b), len(ss))
            calls.setdefault(n, (p.label, sent))
    for p, ss in zip(paras, spans, strict=True):
        note_of = calls.get(p.note) if p.note is not None else None
        for n, (a, b) in enumerate(ss, start=1):
            offs = tuple(p.offsets[a:b])
            yield Passage(
                doc.id, p.label, n, offs[0], offs[-1] + 1, p.text[a:b], offs, p.kind, p.heading, note_of
            )
