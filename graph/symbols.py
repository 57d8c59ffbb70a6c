"""The grammar of UN symbols and resolution references, and the entities they name.

Security Council resolutions (第2482(2019)号决议, S/RES/2482 (2019)), General Assembly and
other bodies' resolutions (大会第74/175号决议, A/HRC/RES/42/18), presidential statements
(S/PRST/2015/4) and document symbols (S/2015/366). The bodies, their symbol prefixes and names
are passed in (:class:`Bodies`) from the caller's loaded vocabulary, where a concept with a
``skos:notation`` (S, A, E, A/HRC …) is a body that adopts resolutions; this module loads nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from graph.records import Entity, Mention, Passage
from graph.script import fold


@dataclass(frozen=True, eq=False)
class Bodies:
    """The bodies that adopt resolutions, as the symbol grammar reads them.

    They come from the caller's loaded vocabulary (:meth:`graph.vocab.Vocabulary.symbol_bodies`:
    a concept with a ``skos:notation`` is a body); nothing here loads it.

    >>> b = Bodies.of({"S": ("Security Council", "安全理事会", ("安理会",))})
    >>> b.names["S"], b.words
    (('Security Council', '安全理事会'), (('安全理事会', 'S'), ('安理会', 'S')))
    """

    #: Symbol prefix → (English, Chinese) name of each body.
    names: Mapping[str, tuple[str, str]]
    #: (Chinese name or alias, folded; symbol prefix) of each body, longest first.
    words: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, table: Mapping[str, tuple[str, str, Sequence[str]]]) -> Bodies:
        """From symbol prefix → (English name, Chinese name, Chinese aliases)."""
        names = {code: (en, zh) for code, (en, zh, _) in table.items()}
        words = {fold(label): code for code, (_, zh, alt) in table.items() for label in (zh, *alt)}
        return cls(names, tuple(sorted(words.items(), key=lambda kv: (-len(kv[0]), kv[0]))))


_SC_ITEM = r"(?:第\s*)?(\d{1,4})\s*\(\s*(\d{4})\s*\)(?:\s*号)?"
#: A date before a list item: 2001年9月28日第1373(2001)号、2005年9月14日第1624(2005)号决议.
_DATE_BEFORE = r"(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:的)?\s*)?"
#: What may follow a list of resolutions: 决议 at once, or after the topic they share
#: (第69/314号、…第75/311号关于处理野生动植物非法贩运问题的决议).
_RUN_END = r"\s*(?:号)?\s*(?=决议|关于[^，。；、,;]{1,40}?的(?:各项)?决议"
SC_RUN = re.compile(
    _SC_ITEM
    + r"(?:\s*(?:、|，|,|和|及|以及|与|至|……|…|或)?\s*"  # items may follow each other unseparated
    + _DATE_BEFORE
    + _SC_ITEM
    + r")*"
    + _RUN_END
    + "|和第|及第)"
)
SC_ONE = re.compile(_SC_ITEM)
#: A General Assembly or ECOSOC item; a special session's resolution carries S- (第S-30/1号).
_GA_ITEM = r"(?:第\s*)?((?:S-)?\d{1,4})/(\d{1,4})(?:\s*号)?"
_GA_RUN = re.compile(
    r"(?<![/0-9A-Za-z])"
    + _GA_ITEM
    + r"(?:\s*(?:、|，|,|和|及|以及|与)\s*"
    + _DATE_BEFORE
    + _GA_ITEM
    + r")*"
    + _RUN_END
    + ")"
)
_GA_ONE = re.compile(_GA_ITEM)
RES_SYMBOL = re.compile(r"(?<![A-Za-z/])([ASE])/RES/((?:S-)?\d{1,4}(?:/\d{1,4})?)(?:\s*\((\d{4})\))?")
SIMPLE_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/.])((?:[ASE](?:/[A-Z]{2,6}(?:\.\d+)?)*|S/PRST|PRST)/\d{2,4}(?:/\d{1,4})+)"
)
TITLE = re.compile(r"《([^《》]{2,80})》")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def resolution_entity(body: str, number: str, year: int | None, bodies: Bodies) -> Entity:
    """The ``Resolution`` entity for a body code (S, A, E, A/HRC …), number and year; the body's
    names from ``bodies``.

    >>> b = Bodies.of({"S": ("Security Council", "安全理事会", ())})
    >>> resolution_entity("S", "2482", 2019, b).label_en
    'Security Council resolution 2482 (2019)'
    >>> resolution_entity("A", "74/175", None, b).year
    2019
    >>> resolution_entity("A", "S-30/1", None, b).symbol, resolution_entity("A", "S-30/1", None, b).year
    ('A/RES/S-30/1', None)
    """
    en, zh = bodies.names.get(body, (body, body))
    if body == "S":
        symbol = f"S/RES/{number} ({year})"
        label_zh = f"第{number}({year})号决议"
    else:
        symbol = f"{body}/RES/{number}"
        label_zh = f"{zh}第{number}号决议"
        if year is None and not number.startswith("S-"):  # a special session's year is not its number
            first = int(number.split("/")[0])
            year = first if first > 1900 else (1945 + first if body in ("A", "E") else None)
    alt: tuple[str, ...] = (symbol.replace(" ", ""),) if " " in symbol else ()
    if number.startswith("S-"):
        alt = (f"第{number}号决议",)  # a special session's resolution is cited without its body
    return Entity(
        id="res-" + _slug(body + "-" + number + ("-" + str(year) if body == "S" else "")),
        kind="Resolution",
        label_zh=label_zh,
        label_en=f"{en} resolution {number}" + (f" ({year})" if body == "S" else ""),
        symbol=symbol,
        body=en,
        number=number,
        year=year,
        alt_labels=alt,
    )


def statement_entity(year: int, number: int) -> Entity:
    """A Security Council presidential statement, typed ``Resolution`` (an instrument of the Council).

    >>> statement_entity(2015, 4).symbol, statement_entity(2015, 4).id
    ('S/PRST/2015/4', 'res-s-prst-2015-4')
    """
    symbol = f"S/PRST/{year}/{number}"
    return Entity(
        id=f"res-s-prst-{year}-{number}",
        kind="Resolution",
        label_zh=f"安全理事会主席声明{year}年第{number}号",
        label_en=f"Statement by the President of the Security Council {symbol}",
        symbol=symbol,
        body="Security Council",
        number=f"PRST/{year}/{number}",
        year=year,
        alt_labels=(symbol, f"安理会主席声明{year}年第{number}号"),
    )


def parse_symbol(symbol: str, bodies: Bodies) -> Entity | None:
    """A resolution or document entity from a UN symbol (S/RES/2482 (2019), S/2014/815).

    >>> b = Bodies.of({"S": ("Security Council", "安全理事会", ())})
    >>> parse_symbol("S/RES/2482(2019)", b).id
    'res-s-2482-2019'
    >>> parse_symbol("S/2015/366", b).kind
    'Document'
    """
    symbol = symbol.strip()
    m = RES_SYMBOL.fullmatch(symbol)
    if m:
        body, number, year = m.group(1), m.group(2), m.group(3)
        if body == "S" and not year:
            return None
        return resolution_entity(body, number, int(year) if year else None, bodies)
    m3 = re.fullmatch(r"S/PRST/(\d{4})/(\d{1,3})", symbol)
    if m3:
        return statement_entity(int(m3.group(1)), int(m3.group(2)))
    m2 = re.fullmatch(r"(A/HRC)/RES/(\d+/\d+)", symbol)
    if m2:
        return resolution_entity(m2.group(1), m2.group(2), None, bodies)
    if re.fullmatch(r"(?:[ASE](?:/[A-Z]{2,6}(?:\.\d+)?)*|S/PRST)/\d{2,4}(?:/\d{1,4})+", symbol):
        return Entity(
            id="doc-" + _slug(symbol), kind="Document", label_zh=symbol, label_en=symbol, symbol=symbol
        )
    return None


def body_before(text: str, start: int, bodies: Bodies, window: int = 30) -> tuple[str, int]:
    """The body code named (as ``bodies`` name them) just before ``start`` and where its name
    begins (or -1)."""
    best = ("", -1)
    head = text[max(0, start - window) : start]
    for name, code in bodies.words:
        pos = head.rfind(name)
        if pos >= 0 and pos + len(name) > best[1] - (max(0, start - window)):
            absolute = max(0, start - window) + pos
            if absolute > best[1]:
                best = (code, absolute)
    return best


def resolution_mentions(p: Passage, bodies: Bodies) -> list[Mention]:
    """Every resolution the sentence names, one mention each (lists give several).

    >>> b = Bodies.of({"S": ("Security Council", "安全理事会", ("安理会",)), "A": ("General Assembly", "大会", ())})
    >>> [m.concept for m in resolution_mentions(Passage("d", "1", 1, 0, 0,
    ...     "回顾其第1267(1999)号和第1989(2011)号决议以及大会第74/175号决议"), b)]
    ['res-s-1267-1999', 'res-s-1989-2011', 'res-a-74-175']
    >>> [m.concept for m in resolution_mentions(Passage("d", "1", 1, 0, 0,
    ...     "回顾2001年9月28日第1373(2001)号第1624(2005)号决议"), b)]
    ['res-s-1373-2001', 'res-s-1624-2005']
    """
    raw = p.text
    text = fold(raw)  # same length: 號決議 matches as 号决议
    out: list[Mention] = []
    # each pattern needs a character most sentences lack: a bracket (SC_RUN), a slash (_GA_RUN, RES_SYMBOL)
    for run in SC_RUN.finditer(text) if "(" in text else ():
        for k, item in enumerate(SC_ONE.finditer(text, run.start(), run.end())):
            ent = resolution_entity("S", item.group(1), int(item.group(2)), bodies)
            start = item.start()
            if k == 0:
                code, pos = body_before(text, start, bodies, 6)
                if code == "S" and text[pos:start].strip() in ("安全理事会", "安理会"):
                    start = pos
            out.append(
                Mention(ent.id, "Resolution", raw[start : item.end()], p.doc_id, start, item.end(), "pattern")
            )
    if "/" not in text:
        return out
    for run in _GA_RUN.finditer(text):
        code, pos = body_before(text, run.start(), bodies)
        for k, item in enumerate(_GA_ONE.finditer(text, run.start(), run.end())):
            first, second = item.group(1), item.group(2)
            yearly = len(first) == 4 and first.isdigit()  # ECOSOC numbers by year (2024/58); S-30 is no year
            body = code if code not in ("", "S", "A") else ("E" if yearly else "A")
            ent = resolution_entity(body, f"{first}/{second}", None, bodies)
            start = item.start()
            named_end = pos + len(bodies.names.get(code, ("", ""))[1])
            if k == 0 and pos >= 0 and 0 <= start - named_end <= 1 and not text[named_end:start].strip():
                start = pos  # 大会第74/175号 (not 大会在第74/175号: the body is then the clause's agent)
            out.append(
                Mention(ent.id, "Resolution", raw[start : item.end()], p.doc_id, start, item.end(), "pattern")
            )
    for sm in RES_SYMBOL.finditer(text):
        sym = parse_symbol(sm.group(0), bodies)
        if sym:
            out.append(Mention(sym.id, "Resolution", sm.group(0), p.doc_id, sm.start(), sm.end(), "pattern"))
    return out


def resolution_entities(mentions: Iterable[Mention], bodies: Bodies) -> dict[str, Entity]:
    """Entities for the resolution mentions (rebuilt from their ids)."""
    out: dict[str, Entity] = {}
    for m in mentions:
        if m.kind == "Resolution" and m.concept not in out:
            ent = entity_from_resolution_id(m.concept, bodies)
            if ent:
                out[m.concept] = ent
    return out


def entity_from_resolution_id(rid: str, bodies: Bodies) -> Entity | None:
    """Inverse of ``resolution_entity(...).id`` for the ``bodies`` we know."""
    m = re.fullmatch(r"res-s-(\d+)-(\d{4})", rid)
    if m:
        return resolution_entity("S", m.group(1), int(m.group(2)), bodies)
    m3 = re.fullmatch(r"res-s-prst-(\d{4})-(\d+)", rid)
    if m3:
        return statement_entity(int(m3.group(1)), int(m3.group(2)))
    for code in sorted(bodies.names, key=len, reverse=True):
        prefix = "res-" + _slug(code) + "-"
        m2 = re.fullmatch(re.escape(prefix) + r"(s-)?(\d+)-(\d+)", rid)
        if m2:
            special = "S-" if m2.group(1) else ""
            return resolution_entity(code, f"{special}{m2.group(2)}/{m2.group(3)}", None, bodies)
    return None


YEARLESS = re.compile(r"(?:(安全理事会|安理会)\s*)?第\s*(\d{4})\s*号决议")


def sc_year(number: int, first_of_year: dict[str, int]) -> int | None:
    """The year of a Security Council resolution number, from the table of first numbers per year.

    >>> sc_year(2395, {"2017": 2337, "2018": 2398})
    2017
    """
    years = sorted((int(y), n) for y, n in first_of_year.items())
    found = None
    for year, first in years:
        if number >= first:
            found = year
    if found is not None and found == years[-1][0] and number > years[-1][1] + 80:
        return None
    return found
