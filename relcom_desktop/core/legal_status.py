"""A child's legal status over time (from the 903 return's episodes, or recorded), and the
periods that overlap one placement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from relcom_desktop.core import models as m
from relcom_desktop.core.interop.ssda903 import LegalStatus
from relcom_desktop.core.store.db import Store


@dataclass(frozen=True)
class LegalStatusSpan:
    legal_status: LegalStatus
    start_date: dt.date
    end_date: dt.date | None  # None: still in force

    def overlaps(self, start: dt.date, end: dt.date | None) -> bool:
        """Whether this status was in force at any time from ``start`` to ``end``
        (an end date is the day after the last day, as in the 903 return)."""
        began_before_end = end is None or self.start_date < end
        ended_after_start = self.end_date is None or self.end_date > start
        return began_before_end and ended_after_start


def legal_status_periods(store: Store, child_id: int) -> list[LegalStatusSpan]:
    """The child's legal status periods, oldest first."""
    table = m.LegalStatusPeriod
    stmt = (
        select(table.legal_status, table.start_date, table.end_date)
        .where(table.child_id == child_id)
        .order_by(table.start_date, table.id)
    )
    with store.read() as session:
        return [LegalStatusSpan(*row) for row in session.execute(stmt)]


def during(
    periods: list[LegalStatusSpan], start: dt.date, end: dt.date | None
) -> list[LegalStatusSpan]:
    """The periods in force at some time during a placement from ``start`` to ``end``."""
    return [p for p in periods if p.overlaps(start, end)]
