"""Amounts of money as dossiers print them: the text as written, then the value with thousands
separators, the currency, and the period or span of time it covers."""

from __future__ import annotations

from collections.abc import Mapping

#: The parts of a claim's amount, for a ``WHERE`` clause in which ``?c`` is the claim.
PATTERN = """OPTIONAL { ?c nx:amount ?am . ?am nx:surface ?surf .
    OPTIONAL { ?am nx:minValue ?amin } OPTIONAL { ?am nx:maxValue ?amax }
    OPTIONAL { ?am nx:currency ?acur } OPTIONAL { ?am nx:period ?aper } OPTIONAL { ?am nx:year ?ayear }
    OPTIONAL { ?am nx:sinceYear ?asince } OPTIONAL { ?am nx:untilDate ?auntil } }"""

#: The variables :data:`PATTERN` binds, to add to a ``SELECT``.
VARIABLES = "?surf ?amin ?amax ?acur ?aper ?ayear ?asince ?auntil"

_EVERY = {"day": "a day", "week": "a week", "month": "a month", "year": "a year"}


def money(value: float) -> str:
    """A sum with thousands separators, its cents only when it has some.

    >>> money(1500000.0), money(35000000.5), money(800.0)
    ('1,500,000', '35,000,000.50', '800')
    """
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def describe(
    surface: str,
    low: float | None = None,
    high: float | None = None,
    currency: str = "",
    period: str = "",
    year: str = "",
    since: str = "",
    until: str = "",
) -> str:
    """The amount as written, then its value, currency and time, e.g. for 2008年至2014年8月:

    >>> describe("150万美元", 1500000.0, 1500000.0, "USD", since="2008", until="2014-08")
    '150万美元 (1,500,000 USD, 2008 – 2014-08)'
    >>> describe("3500万美元至4500万美元", 35e6, 45e6, "USD", period="year")
    '3500万美元至4500万美元 (35,000,000 – 45,000,000 USD a year)'
    >>> describe("1200万美元", 12e6, 12e6, "USD", since="2008")
    '1200万美元 (12,000,000 USD, since 2008)'
    >>> describe("100万美元")
    '100万美元'
    """
    if low is None:
        return surface
    value = money(low) if high is None or high == low else f"{money(low)} – {money(high)}"
    words = " ".join(w for w in (value, currency, _EVERY.get(period, "")) if w)
    when = f"{since} – {until}" if since and until else f"since {since}" if since else year
    return f"{surface} ({words}{', ' + when if when else ''})"


def from_row(row: Mapping[str, str]) -> str | None:
    """:func:`describe` for a row of plain values bound by :data:`PATTERN`; ``None`` if no amount."""
    if not row.get("surf"):
        return None

    def number(key: str) -> float | None:
        try:
            return float(row[key]) if row.get(key) else None
        except ValueError:
            return None

    return describe(
        row["surf"],
        number("amin"),
        number("amax"),
        row.get("acur", ""),
        row.get("aper", ""),
        row.get("ayear", ""),
        row.get("asince", ""),
        row.get("auntil", ""),
    )
