"""Document identity, in one place: what a corpus document is and which node stands for it.

A document's symbol, kind, body, date, titles and the resolution that requested it come from
its row of ``manifest.tsv`` where there is one, else from its own first lines (:func:`identify`);
its node is the resolution, statement or document its symbol names (:func:`document_entity`),
else ``doc-<content id>``. The body names and the table of first resolution numbers per year
come from the caller's loaded vocabulary; nothing here loads it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from graph.errors import InputError
from graph.records import Document, Entity
from graph.script import fold, is_traditional
from graph.symbols import Bodies, parse_symbol, resolution_entity, sc_year
from graph.vocab import Vocabulary

#: A masthead line of a UN document (Distr.: General, Original: English, 联合国 | S/RES/…): not a title.
MASTHEAD_MARK = re.compile(
    r"Distr\.|Original\s*[:：]|\|\s*[ASE]/\w"
    r"|^\s*(?:联合国|聯合國|United Nations)\s*[ASE]/[A-Z0-9./]+(?:\s*\(\d{4}\))?\s*$"
    r"|^\s*\d{4}年\d{1,2}月\d{1,2}日\s*$"  # a date on a line of its own: the masthead's
)
#: An agenda item's number (临时议程* 项目 97, 暂定项目表*项目 106).
_AGENDA_NUMBER = r"^\s*(?:临时|暂定|臨時|暫定)?(?:议程|議程|项目表|項目表)\s*\*?\s*(?:项目|項目)\s*\*?\s*\d"
#: Other lines of a masthead that are no title: a date in English, a session, an agenda item, the
#: language, the job number (also as its barcode).
_NOT_TITLE = re.compile(
    r"^\s*\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s+\d{4}\s*$"
    r"|^\s*(?:大会|大會)?第[一二三四五六七八九十百零〇\d]+(?:届会议|屆會議)"
    r"|^\s*(?:议程项目|議程項目)\s*\d"
    r"|"
    + _AGENDA_NUMBER
    + r"|^\s*(?:Chinese|English|French|Russian|Spanish|Arabic)\s*$|^\s*\d{2}-\d{5}\s*\(C\)"
    r"|^\s*\*\d{5,9}\*\s*$"  # the job number as the barcode prints it: *2505873*
    # the body's own line in a masthead (大会) and the language lines (中文 / 原文：英文)
    r"|^\s*(?:大会|大會|安全理事会|安全理事會|经济及社会理事会|經濟及社會理事會|人权理事会|人權理事會)\s*$"
    r"|^\s*(?:中文|原文\s*[：:]\s*\S+|原件\s*[：:]\s*\S+)\s*$"
)
#: A line that only says whose report or note a document is (秘书长的报告, 秘书处的说明).
_REPORT_LINE = re.compile(r"^\s*\S{1,20}的(?:报告|說明|说明|報告|备忘录|備忘錄)\s*$")
#: The line of an agenda item's number (议程项目112, 临时议程* 项目6).
_AGENDA_ITEM = re.compile(_AGENDA_NUMBER + r"+[^，。]{0,3}$")
_EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_EN_DATE = re.compile(r"(?:^|\s{2,})(\d{1,2})\s+(" + "|".join(_EN_MONTHS) + r")\s+(\d{4})\s*$")

# ---------------------------------------------------------------- from the manifest

#: The manifest's columns that say what a document is (besides ``file``).
MANIFEST_FIELDS = ("symbol", "date", "body", "kind", "title_zh", "title_en", "requested_by")


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Rows of ``manifest.tsv`` in ``folder`` keyed by file name (empty if there is none), each
    checked to have as many columns as the header.

    Raises
    ------
    InputError
        If the manifest cannot be read, has no ``file`` column, or a row has fewer or more
        columns than the header (naming the manifest and the row).
    """
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
    found = {row["file"]: row for row in rows if row.get("file")}
    for name, row in found.items():
        if None in row or None in row.values():
            fewer = None in row.values()
            raise InputError(
                f"{path}: the row of {name} has {'fewer' if fewer else 'more'} columns "
                "than the header; separate the columns with one tab each"
            )
    return found


def with_manifest(doc: Document, meta: Mapping[str, str]) -> Document:
    """``doc`` with what its manifest row says (each of :data:`MANIFEST_FIELDS`, stripped; a
    column the row leaves out is empty).

    >>> with_manifest(Document("h1", "x.txt", "", ""), {"symbol": " S/2015/366 ", "kind": "report"}).symbol
    'S/2015/366'
    """
    return Document(
        id=doc.id,
        path=doc.path,
        text=doc.text,
        sha256=doc.sha256,
        **{name: (meta.get(name) or "").strip() for name in MANIFEST_FIELDS},
    )


# ---------------------------------------------------------------- from the text

_HEAD_LINES = 12


def title_line(line: str) -> str:
    """A first line as the title patterns read it: simplified, without spaces (第 2462 (2019) 號)."""
    return re.sub(r"\s+", "", fold(line)).replace("號", "号")


#: The end of a statement's title (…副秘书长在安全理事会公开辩论会上的发言): the title may be long.
STATEMENT_TITLE = re.compile(
    r"的(?:讲话|發言|发言|致辞|致辭|致词|声明|聲明|演讲|演講|开幕词|闭幕词|简报|簡報|通报)(?:稿|全文)?$"
)
_SYMBOL_LINE = re.compile(
    r"^\s*((?:S/RES/\d{1,4}\s*\(\d{4}\))|(?:[AE]/RES/\d{1,4}(?:/\d{1,4})+)|(?:S/PRST/\d{4}/\d{1,3})"
    # S/2025/318/Add.1: an addendum, named by the whole symbol; S/2020/754*: reissued
    r"|(?:[ASE](?:/[A-Z]{1,6}(?:\.\d+)?)*/\d{2,4}(?:/\d{1,4})+(?:/(?:Add|Rev|Corr|Amend)\.\d+)*))"
    r"\s*\*?\s*$"
)
_UN_NAME = re.compile(r"^\s*(?:联合国|United Nations)\s*")
RES_TITLE = re.compile(r"(?:联合国)?(?:安理会|安全理事会)?第\s*(\d{1,4})\s*(?:\(\s*(\d{4})\s*\))?\s*号决议$")
_GA_TITLE = re.compile(
    r"^(?:联合国)?(大会|经济及社会理事会|经社理事会|人权理事会)(?:\d{4}年\d{1,2}月\d{1,2}日)?"
    r"第\s*(\d{2,4})/(\d{1,3})\s*号决议$"
)
#: The symbol series of each body that numbers its resolutions N/M.
_SERIES = {"大会": "A", "经济及社会理事会": "E", "经社理事会": "E", "人权理事会": "A/HRC"}
#: A title with the number alone (第80/250号决议): a session number is the Assembly's, a year the
#: Economic and Social Council's (第2025/17号决议).
_BARE_GA_TITLE = re.compile(r"^第\s*(\d{2,4})/(\d{1,3})\s*号决议$")
_GA_NUMBER = re.compile(r"^\s*(\d{2})/(\d{1,3})\s*[.．]\s*\S")
#: …and the Economic and Social Council's, numbered by year (2024/23. 标题).
_YEAR_NUMBER = re.compile(r"^\s*(\d{4})/(\d{1,3})\s*[.．]\s*\S")


def _voiced_by(lines: Sequence[str], *bodies: str) -> bool:
    """One of the first lines is the body's own voice (大会，, 经济及社会理事会，) opening its preamble."""
    return any(ln.rstrip("，, ") in bodies for ln in lines[1:5])


#: A line of a General Assembly resolution's masthead: its session, or the line 2025年12月17日大会决议.
_GA_MASTHEAD = re.compile(
    r"^大会第[一二三四五六七八九十百零〇\d]+届会议|^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日大会(?:通过的)?决议$"
)
#: …and of an Economic and Social Council resolution (2024年7月23日经济及社会理事会通过的决议).
_ECOSOC_MASTHEAD = re.compile(
    r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:经济及社会理事会|经社理事会)(?:通过的)?决议$"
)
_PRST_TITLE = re.compile(r"(?:联合国)?(?:安理会|安全理事会)主席(?:的)?声明\s*(\d{4})\s*年第\s*(\d{1,3})\s*号")
_ADOPTED = re.compile(
    r"(?:(\d{4})年(\d{1,2})月(\d{1,2})日)?\s*(安全理事会|安理会|大会|经济及社会理事会|经社理事会)?\s*(?:(\d{4})年(\d{1,2})月(\d{1,2})日)?"
    r"\s*第\s*(\d{2,5})\s*次(?:全体)?会议(?:上)?(?:一致|未经表决)?通过"
)
#: The numbered title line of a General Assembly or ECOSOC resolution (80/187. 加强…), its title in group 1.
_GA_TITLE_LINE = re.compile(r"^\s*\d{2,4}/\d{1,3}\s*[.．]\s*(\S.{1,120})$")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def _body_words(bodies: Bodies) -> list[tuple[str, str]]:
    """(Chinese name, English name) of the Security Council, General Assembly and ECOSOC, in that order."""
    return [
        (word, bodies.names[code][0]) for code in ("S", "A", "E") for word, c in bodies.words if c == code
    ]


def identify(doc: Document, bodies: Bodies, meta: Mapping[str, str] | None = None) -> Document:
    r"""What the document is: the manifest row ``meta`` (see :func:`with_manifest`) first, and
    what it does not say from the document's own first lines (the bodies named as ``bodies``
    name them).

    The symbol (a line such as ``S/RES/2396(2017)``, ``S/PRST/2015/4`` or ``S/2015/366``; a
    title such as 第2396(2017)号决议, 联合国安理会主席声明2015年第4号 or ``51/62. 标题``),
    the adoption line (…安全理事会第8148次会议通过) and its date, the body, the kind, the
    title (the first title line, or a news page's headline) and the script.

    >>> b = Bodies.of({"S": ("Security Council", "安全理事会", ("安理会",))})
    >>> d = identify(Document("h1", "x.txt", "联合国安理会第2396号决议\n安全理事会2017年12月21日第8148次会议通过\n", ""), b)
    >>> d.symbol, d.date, d.body, d.kind
    ('S/RES/2396 (2017)', '2017-12-21', 'Security Council', 'resolution')
    >>> identify(Document("h2", "y.txt", "聯合國安理會主席聲明2015年第4號\n", ""), b).symbol
    'S/PRST/2015/4'
    """
    if meta is not None:
        doc = with_manifest(doc, meta)
    lines = [ln.strip() for ln in doc.text.split("\n") if ln.strip()][:_HEAD_LINES]
    folded = [title_line(ln) for ln in lines]
    symbol, date, body, kind, how = "", "", "", "", ""
    number, year = "", ""
    # a masthead: 联合国 | S/RES/… | …, or 联合国　S/RES/… on a line of its own
    for raw in (piece for ln in lines for piece in re.split(r"\||\u3000|\s{2,}", ln)):
        piece = _UN_NAME.sub("", fold(raw).replace("（", "(").replace("）", ")"))
        # A/80/612–S/2025/700: a report to two organs goes by its first symbol
        m = _SYMBOL_LINE.match(re.split(r"\s*[–—-]\s*(?=[ASE]/)", piece)[0])
        if m:
            symbol, how = re.sub(r"\s+", "", m.group(1)), "symbol line"
            break
    for i, ln in enumerate(folded[:4]):
        if symbol:
            break
        if (m := _PRST_TITLE.search(ln)) and len(ln) <= 30:
            symbol, how = f"S/PRST/{m.group(1)}/{int(m.group(2))}", "title"
        elif (m := _GA_TITLE.search(ln)) and len(ln) <= 30:
            symbol, how = f"{_SERIES[m.group(1)]}/RES/{m.group(2)}/{m.group(3)}", "title"
        elif m := _BARE_GA_TITLE.match(ln):
            code = "E" if len(m.group(1)) == 4 else "A"
            symbol, how = f"{code}/RES/{m.group(1)}/{m.group(2)}", "title"
        elif (m := RES_TITLE.search(ln)) and (len(ln) <= 30 or _ADOPTED.search(ln, 0, m.start())):
            # 第2396号决议, or 2019年3月28日安全理事会第8496次会议通过的第2462(2019)号决议
            number, year, how = m.group(1), m.group(2) or "", "title"
        elif i == 0 and (m := _GA_NUMBER.match(ln)) and ("大会" in ln[:60] or _voiced_by(folded, "大会")):
            symbol, how = f"A/RES/{m.group(1)}/{m.group(2)}", "title"
        elif (
            i == 0 and (m := _YEAR_NUMBER.match(ln)) and _voiced_by(folded, "经济及社会理事会", "经社理事会")
        ):
            # 2024/23. 标题 / 经济及社会理事会，: the Council's resolutions are numbered by year
            symbol, how = f"E/RES/{m.group(1)}/{m.group(2)}", "title"
    if not symbol and not number:
        # the masthead of a General Assembly resolution (大会第八十届会议 / 议程项目 107 / 2025年12月17日
        # 大会决议) before its numbered title: 80/196. 标题
        for i, ln in enumerate(folded[1:10], start=1):
            if (m := _GA_NUMBER.match(ln)) and (
                any(_GA_MASTHEAD.search(x) for x in folded[:i]) or _voiced_by(folded[i:], "大会")
            ):
                symbol, how = f"A/RES/{m.group(1)}/{m.group(2)}", "title"
                break
            if (m := _YEAR_NUMBER.match(ln)) and (
                any(_ECOSOC_MASTHEAD.search(x) for x in folded[:i])
                or _voiced_by(folded[i:], "经济及社会理事会", "经社理事会")
            ):  # 2024年7月23日经济及社会理事会通过的决议 / 2024/23. 标题
                symbol, how = f"E/RES/{m.group(1)}/{m.group(2)}", "title"
                break
    for ln in folded:
        m = _ADOPTED.search(ln)
        if m:
            y, mo, d = (
                (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(6), m.group(7))
            )
            if y:
                date = f"{y}-{int(mo):02d}-{int(d):02d}"
            if m.group(4):
                body = dict(_body_words(bodies)).get(fold(m.group(4)), "")
            kind = kind or ("resolution" if number or "RES" in symbol else "")
            break
    if number and not symbol:
        year = year or date[:4]
        symbol = f"S/RES/{number} ({year})" if year else f"S/RES/{number}"
    elif symbol.startswith("S/RES/"):
        symbol = re.sub(r"^S/RES/(\d+)\(", r"S/RES/\1 (", symbol)
    if not date:  # 2024年12月17日大会决议: the adoption date of a General Assembly resolution
        for ln in folded:
            m = _DATE.match(ln)
            if m and ln.endswith("决议") and len(ln) <= 24:
                date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                break
    if not date:
        for ln in folded[:4]:
            m = re.search(r"在(\d{4})年(\d{1,2})月(\d{1,2})日[^，,。]{0,12}第\d+次会议", ln)
            if m:
                date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                break
    if not date:
        for ln in folded[:6]:
            m = _DATE.match(ln)
            if m and len(ln) <= 24:  # a dateline, not a date inside a sentence
                date = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
                break
    if not date:  # 6 February 2026 in the masthead
        m = next((m for ln in lines[:6] if (m := _EN_DATE.search(ln))), None)
        if m:
            date = f"{m.group(3)}-{_EN_MONTHS.index(m.group(2)) + 1:02d}-{int(m.group(1)):02d}"
    if symbol:
        # the longest body code the symbol opens with (A/HRC/RES/… is the Human Rights Council's)
        code = max((c for c in bodies.names if symbol.startswith(c + "/")), key=len, default=symbol[0])
        body = body or bodies.names.get(code, ("", ""))[0]
        kind = kind or (
            "presidential statement" if "PRST" in symbol else "resolution" if "/RES/" in symbol else ""
        )
    if not body:
        head = "".join(folded[:3])
        body = next((en for zh, en in _body_words(bodies) if zh in head), "")
    title = ""
    numbered = next((m for ln in lines[:10] if (m := _GA_TITLE_LINE.match(ln))), None)
    # the line after an agenda item's number is that item's title, not the document's
    item_titles = {k + 1 for k, ln in enumerate(lines[:12]) if _AGENDA_ITEM.match(ln)}
    item_title = next((lines[k] for k in sorted(item_titles) if k < len(lines)), "")
    lines = [
        ln
        for k, ln in enumerate(lines)
        if k not in item_titles and not MASTHEAD_MARK.search(ln) and not _NOT_TITLE.search(ln)
    ]
    if item_title and lines and _REPORT_LINE.match(lines[0]):
        # 项目97 / 沿海国家的海上安全 / 秘书长的报告: the item's title is the report's
        lines = [item_title, *lines]
    if "/RES/" in symbol and symbol.startswith(("A/", "E/")) and numbered is not None:
        title = numbered.group(1).strip()  # 80/187. 加强…: the numbered title, not the agenda item
    elif lines and len(lines[0]) <= 80 and not _SYMBOL_LINE.match(lines[0]):
        title = lines[0].strip('"“”「」 ')
    if not kind and not symbol and title and STATEMENT_TITLE.search(title):
        kind = "statement"  # X执行主任在…上的讲话
    elif not kind and not symbol and date and title:
        kind = "news"
    return Document(
        id=doc.id,
        path=doc.path,
        text=doc.text,
        sha256=doc.sha256,
        symbol=doc.symbol or symbol,
        date=doc.date or date,
        body=doc.body or body,
        kind=doc.kind or kind,
        title_zh=doc.title_zh or title,
        title_en=doc.title_en,
        requested_by=doc.requested_by,
        script="traditional" if is_traditional(doc.text[:4000]) else "simplified",
        identified_by="manifest" if doc.symbol else how,
    )


# ---------------------------------------------------------------- the document's node


_SC_SYMBOL_NO_YEAR = re.compile(r"S/RES/(\d{1,4})")


def symbol_entity(
    symbol: str, year: int | None, first_of_year: dict[str, int], bodies: Bodies
) -> Entity | None:
    """The resolution, statement or document entity a document with ``symbol`` is, if any.

    A Security Council resolution symbol without its year (S/RES/579) is dated by the document's
    ``year`` or else by the table of first resolution numbers per year (``[resolutions]
    sc_first_of_year`` of ``cues.toml``).

    >>> b = Bodies.of({"S": ("Security Council", "安全理事会", ())})
    >>> symbol_entity("S/RES/2482 (2019)", None, {}, b).id
    'res-s-2482-2019'
    >>> symbol_entity("S/RES/2395", None, {"2017": 2337, "2018": 2398}, b).id
    'res-s-2395-2017'
    """
    symbol = symbol.replace(" ", "") if "RES" in symbol else symbol
    ent = parse_symbol(symbol, bodies)
    if ent is None and (m := _SC_SYMBOL_NO_YEAR.fullmatch(symbol)):
        year = year or sc_year(int(m.group(1)), first_of_year)
        if year:
            ent = resolution_entity("S", m.group(1), year, bodies)
    return ent


def document_entity(doc: Document, vocab: Vocabulary) -> Entity | None:
    """The resolution, statement or symbol entity a document is, where its symbol is known.

    A Security Council resolution whose year the text does not give (联合国安理会第579号决议)
    is dated by the table of first resolution numbers per year in ``cues.toml``.
    """
    if not doc.symbol:
        return None
    return symbol_entity(
        doc.symbol, doc.year, vocab.cues["resolutions"]["sc_first_of_year"], vocab.symbol_bodies()
    )


def document_node(doc: Document, vocab: Vocabulary) -> str:
    """The node id of a corpus document: its resolution or symbol node where the symbol is known,
    else ``doc-<content id>``."""
    ent = document_entity(doc, vocab)
    return ent.id if ent is not None else "doc-" + doc.id


def requested_entity(doc: Document, bodies: Bodies) -> Entity | None:
    """The resolution (or document) whose symbol the manifest gives as having requested the
    document (``requested_by``), if any.

    >>> b = Bodies.of({"S": ("Security Council", "安全理事会", ())})
    >>> requested_entity(Document("h1", "x.txt", "", "", requested_by="S/RES/2482 (2019)"), b).id
    'res-s-2482-2019'
    """
    return parse_symbol(doc.requested_by.replace(" ", ""), bodies) if doc.requested_by else None


def resolution_id(name: str, bodies: Bodies) -> str | None:
    """The node id of the resolution or statement ``name`` is the symbol of, if it is one.

    >>> b = Bodies.of({"S": ("Security Council", "安全理事会", ())})
    >>> resolution_id("S/RES/1267 (1999)", b), resolution_id("S/2015/366", b)
    ('res-s-1267-1999', None)
    """
    ent = parse_symbol(name.strip(), bodies)
    return ent.id if ent is not None and ent.kind == "Resolution" else None
