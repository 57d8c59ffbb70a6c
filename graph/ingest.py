"""Corpus stage: file → ``Document`` → paragraphs → ``Passage`` sentences.

Repairs the artifacts that PDF extraction leaves in UN documents: words broken
across line ends, running headers and page numbers, footnote markers and bodies,
``undocs.org`` link lines, full-width digits and brackets, spaced digit groups.
Every character of a passage keeps its offset in the decoded file.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from graph.errors import InputError
from graph.records import Document, Passage

# ---------------------------------------------------------------- decoding


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.

    >>> decode("决议".encode("gb18030"), "x.txt")
    '决议'
    >>> decode(b"\\xff\\xfe" + "决议".encode("utf-16-le"), "x.txt")
    '决议'
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", name)
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return _strict(data, "utf-16", name)
    if b"\x00" in data[:4096]:
        raise InputError(f"{name}: binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError(
            f"{name}: cannot decode as UTF-8, UTF-16 or GB18030; save it as UTF-8"
        ) from None
    if not _looks_like_text(text):
        raise InputError(f"{name}: not a text document (undecodable bytes)")
    return text


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


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Rows of ``manifest.tsv`` in ``folder`` keyed by file name; empty if there is none."""
    path = folder / "manifest.tsv"
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{path}: unreadable manifest ({exc})") from None
    if rows and "file" not in rows[0]:
        raise InputError(f"{path}: manifest has no 'file' column")
    return {row["file"]: row for row in rows if row.get("file")}


def load_document(path: Path, meta: dict[str, str] | None = None) -> Document:
    """Read one corpus file into a ``Document``."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    text = decode(data, str(path)).replace("\r\n", "\n").replace("\r", "\n")
    meta = meta or {}
    return Document(
        id=document_id(path, data),
        path=str(path),
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        symbol=meta.get("symbol", "").strip(),
        date=meta.get("date", "").strip(),
        body=meta.get("body", "").strip(),
        kind=meta.get("kind", "").strip(),
        title_zh=meta.get("title_zh", "").strip(),
        title_en=meta.get("title_en", "").strip(),
        requested_by=meta.get("requested_by", "").strip(),
    )


def document_id(path: Path, data: bytes) -> str:
    """A stable id: the file stem when it is a safe token, else a content hash."""
    stem = path.stem
    if re.fullmatch(r"[A-Za-z0-9_.-]{1,80}", stem):
        return stem
    return "doc-" + hashlib.sha256(data).hexdigest()[:16]


# ---------------------------------------------------------------- character normalisation

_FULLWIDTH = {0xFF08: "(", 0xFF09: ")", 0xFF0E: ".", 0xFF0F: "/", 0xFF05: "%", 0xFF0D: "-"}
_FULLWIDTH.update({0xFF10 + i: str(i) for i in range(10)})
_FULLWIDTH.update({0xFF21 + i: chr(0x41 + i) for i in range(26)})
_FULLWIDTH.update({0xFF41 + i: chr(0x61 + i) for i in range(26)})
_FULLWIDTH.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " "})
_SUPERSCRIPTS = set("¹²³⁴⁵⁶⁷⁸⁹⁰")


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0x3400 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFFEF or 0xF900 <= o <= 0xFAFF


def normalize_chars(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Half-width digits and brackets, no footnote superscripts, no spaces beside CJK or inside digit groups.

    Works on (character, offset) pairs so that offsets survive.
    """
    mapped = [(_FULLWIDTH.get(ord(c), c), o) for c, o in chars if c not in _SUPERSCRIPTS]
    out: list[tuple[str, int]] = []
    n = len(mapped)
    for i, (c, o) in enumerate(mapped):
        if c in " \t\n":
            prev = out[-1][0] if out else ""
            j = i + 1
            while j < n and mapped[j][0] in " \t\n":
                j += 1
            nxt = mapped[j][0] if j < n else ""
            if not prev or not nxt or prev == " ":
                continue
            if _is_cjk(prev) or _is_cjk(nxt) or prev in "(" or nxt in ")":
                continue
            if prev.isdigit() and _digit_group_follows(mapped, j):
                continue
            out.append((" ", o))
        else:
            out.append((c, o))
    return out


def _digit_group_follows(mapped: list[tuple[str, int]], j: int) -> bool:
    """True when mapped[j:] starts with exactly three digits (3 500 → 3500)."""
    digits = 0
    while j + digits < len(mapped) and mapped[j + digits][0].isdigit():
        digits += 1
    if digits != 3:
        return False
    k = j + 3
    return not (k < len(mapped) and mapped[k][0] == "(")


# ---------------------------------------------------------------- lines and paragraphs

_LINK = re.compile(r"^\s*(<?https?://|www\.)\S*\s*$")
_HEADER = re.compile(
    r"^\s*(?:[ASE]/[A-Z0-9./]+(?:\s*\(\d{4}\))?|\d{2}-\d{5}(?:\s*\(C\))?(?:\s+\d+/\d+)?|\d+/\d+(?:\s+\d{2}-\d{5})?|\d{1,3})\s*$"
)
_SEPARATOR = re.compile(r"^\s*_{5,}\s*$")
_FOOTNOTE_START = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+|\d{1,2}(?=\s+\S))\s*\S")
_SUPER_START = re.compile(r"^\s*[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
_NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[.．]\s*(?=\S)")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[.、．]|[A-Z]\s*[.．]|附件|附录)\s*\S*")
_SENTENCE_END = "。；：！？”"
_BODY_LINE = re.compile(r"^\s*(安全理事会|大会|经济及社会理事会|人权理事会)\s*[，,]\s*$")


@dataclass
class _Line:
    text: str
    start: int

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class _Para:
    label: str
    pieces: list[_Line] = field(default_factory=list)
    table: bool = False


def _lines(text: str) -> Iterator[_Line]:
    pos = 0
    for raw in text.split("\n"):
        yield _Line(raw, pos)
        pos += len(raw) + 1


def _is_heading_text(s: str) -> bool:
    return len(s.replace(" ", "")) <= 25 and not any(p in s for p in "。；，,") and s[-1:] not in _SENTENCE_END + "、"


def split_paragraphs(doc: Document) -> list[tuple[str, list[tuple[str, int]], bool]]:
    """Split a document into (label, characters with offsets, is-table-row) paragraphs.

    Labels: the document's own number (``26``); ``PP3`` for a resolution's
    preambular paragraphs; ``S1``… for unnumbered text before paragraph 1;
    ``annex-7`` for row 7 of an annex table.
    """
    lines = [ln for ln in _lines(doc.text)]
    content: list[_Line] = []
    in_footnote = False
    for ln in lines:
        s = ln.stripped
        if not s:
            continue
        if _LINK.match(s) or _HEADER.match(ln.text) or (s.startswith("*") and len(s) < 40):
            in_footnote = False if _HEADER.match(ln.text) else in_footnote
            continue
        if _SEPARATOR.match(s):
            in_footnote = True
            continue
        if _SUPER_START.match(ln.text) and not _NUMBERED.match(ln.text):
            continue  # footnote body set in superscript style (one line)
        if in_footnote:
            if (ln.text[:1].isspace() and not _FOOTNOTE_START.match(ln.text)) or (_NUMBERED.match(ln.text) and not ln.text[:1].isspace()):
                in_footnote = False
            else:
                continue
        content.append(ln)

    paras: list[_Para] = []
    last_number = 0
    pre = 0
    resolution_mode = False
    annex_mode = False
    annex_prefix = ""
    prev_end = ""
    for idx, ln in enumerate(content):
        s = ln.stripped
        nxt = content[idx + 1].stripped if idx + 1 < len(content) else ""
        if _BODY_LINE.match(s):
            resolution_mode = True
            pre = 0
            prev_end = "，"
            continue
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
        if s.startswith(("附件", "附录")) and _is_heading_text(s) and last_number > 0:
            annex_prefix, last_number = "annex-", 0  # an annex numbers its paragraphs anew
            prev_end = "。"
            continue
        m = _NUMBERED.match(ln.text)
        if m:
            number = int(m.group(1))
            rest = ln.text[m.end() :].strip()
            continues = bool(nxt) and not _NUMBERED.match(content[idx + 1].text) and number == last_number + 1
            if _is_heading_text(rest) and not continues:
                prev_end = "。"
                continue  # a numbered (sub-)heading such as "3. 贩毒"
            if last_number < number <= last_number + 3:
                last_number = number
                paras.append(_Para(f"{annex_prefix}{number}", [_Line(ln.text[m.end() :], ln.start + m.end())]))
                prev_end = s[-1:]
                continue
        elif (
            (_HEADING.match(ln.text) or prev_end in ("", "。", "："))
            and _is_heading_text(s)
            and (_HEADING.match(ln.text) or not nxt or _NUMBERED.match(content[idx + 1].text) or _is_heading_text(nxt))
        ):
            prev_end = "。"
            continue  # a heading
        starts_new = False
        if last_number == 0 and not annex_prefix:
            if resolution_mode:
                starts_new = ln.text[:1].isspace() and prev_end in ("，", "；", "。")
                label = f"PP{pre + 1}"
            else:
                starts_new = prev_end in ("。", "：") and ln.text[:1].isspace()
                label = f"S{pre + 1}"
            if starts_new or not paras:
                pre += 1
                paras.append(_Para(label, [ln]))
                prev_end = s[-1:]
                continue
        if paras:
            paras[-1].pieces.append(ln)
        prev_end = s[-1:]

    result = []
    for p in paras:
        chars: list[tuple[str, int]] = []
        for piece in p.pieces:
            text = piece.text
            if p.table:
                cells = text.split("\t")
                text = cells[1] + "\t" + "\t".join(cells[2:]) if len(cells) > 1 else text
                offset = piece.start + len(cells[0]) + 1 if len(cells) > 1 else piece.start
            else:
                offset = piece.start
            if chars:
                chars.append(("\n", offset - 1))
            chars.extend((c, offset + i) for i, c in enumerate(text))
        if p.table:
            chars = _table_cells(chars)
        normalized = normalize_chars(chars)
        if normalized:
            result.append((p.label, normalized, p.table))
    return result


def _table_cells(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join a table row split over page lines cell by cell; cells end with 。 so they split as sentences."""
    rows: list[list[list[tuple[str, int]]]] = [[]]
    for c, o in chars:
        if c == "\n":
            rows.append([])
            continue
        row = rows[-1]
        if not row:
            row.append([])
        if c == "\t":
            row.append([])
        else:
            row[-1].append((c, o))
    width = max(len(r) for r in rows)
    cells: list[list[tuple[str, int]]] = [[] for _ in range(width)]
    for row in rows:
        for i, cell in enumerate(row):
            # a continuation line has an empty first cell (the 序号 column was dropped)
            cells[i].extend(cell)
    out: list[tuple[str, int]] = []
    for cell in cells:
        cell = [(c, o) for c, o in cell]
        while cell and cell[-1][0].isspace():
            cell.pop()
        if not cell:
            continue
        out.extend(cell)
        if cell[-1][0] not in "。！？":
            out.append(("。", cell[-1][1]))
    return out


# ---------------------------------------------------------------- sentences

_SPLIT = re.compile(r"[^。！？]*(?:[。！？]+[”」』)]?|$)")


MAX_SENTENCE = 2000


def split_sentences(chars: list[tuple[str, int]]) -> Iterator[list[tuple[str, int]]]:
    """Split at 。！？ (keeping a closing quote with its sentence); cut runaway sentences at a comma."""
    text = "".join(c for c, _ in chars)
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
            yield chars[a:end]
            a = end


def passages(doc: Document) -> Iterator[Passage]:
    """All sentences of a document, in order, as ``Passage`` records.

    >>> from graph.records import Document
    >>> d = Document("d", "d.txt", "1. 第一句。第二\\n句。\\n", "0")
    >>> [(p.para, p.sent, p.text, p.start, p.end) for p in passages(d)]
    [('1', 1, '第一句。', 3, 7), ('1', 2, '第二句。', 7, 12)]
    """
    for label, chars, _table in split_paragraphs(doc):
        for n, sent in enumerate(split_sentences(chars), start=1):
            text = "".join(c for c, _ in sent)
            offsets = tuple(o for _, o in sent)
            yield Passage(doc.id, label, n, offsets[0], offsets[-1] + 1, text, offsets)
