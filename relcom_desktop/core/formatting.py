"""How values look on screen: money, dates, counts. No Qt, no database."""

from __future__ import annotations

import datetime as dt

MISSING = "—"


def money(pence: int | None) -> str:
    """Integer pence as pounds: 425000 -> "£4,250"; pence shown only when there are some."""
    if pence is None:
        return MISSING
    sign = "-" if pence < 0 else ""
    pounds, rest = divmod(abs(pence), 100)
    return f"{sign}£{pounds:,}" + (f".{rest:02d}" if rest else "")


def short_date(day: dt.date | None) -> str:
    """A date as "3 Mar 2026" (day without a leading zero, on every platform)."""
    if day is None:
        return MISSING
    return f"{day.day} {day:%b %Y}"


def number(value: int | None) -> str:
    return MISSING if value is None else f"{value:,}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """ "1 child", "12 children" (with thousands separators)."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count:,} {word}"
