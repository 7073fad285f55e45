"""How an action's origin reads in lists (the Actions page and Today), with no database."""

from __future__ import annotations

import datetime as dt
from typing import Any

from relcom_desktop.core.enums import ActionSource


def source_text(source: ActionSource, *found: Any) -> tuple[str, dt.date | None]:
    """What an action came from, in words, and its date. ``found`` is what the list's outer
    joins give: the meeting's title and start, the journal entry's summary and date, the
    check-in's date, the placement review's date (None where there is none)."""
    m_title, m_at, j_summary, j_on, c_on, rv_on = found
    if source is ActionSource.MEETING and m_title:
        return m_title, m_at.date() if m_at else None
    if source is ActionSource.JOURNAL and j_summary:
        return j_summary, j_on
    if source is ActionSource.CHECK_IN and c_on:
        return "Check-in", c_on
    if source is ActionSource.REVIEW and rv_on:
        return "Placement review", rv_on
    return source.label, None
