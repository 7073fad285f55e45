"""Everything a printed account of the commissioner's practice needs for one period: where
they placed themselves on the shifts (and where they started), indicators from the record,
reflections per change, and the learning log itself."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from relcom_desktop.core.practice_indicators import Indicator, practice_indicators
from relcom_desktop.core.reflection import (
    ChangeCount,
    ReflectionFilter,
    ReflectionRow,
    SelfAssessment,
    ShiftHistory,
    count_reflections,
    list_assessments,
    list_reflections,
    reflection_counts,
    shift_history,
)
from relcom_desktop.core.store.db import Store

MAX_LOG = 300  # reflections printed in full; a longer log says how many more there are


@dataclass(frozen=True)
class PracticeSummary:
    first: dt.date
    last: dt.date
    history: list[ShiftHistory]  # every self-assessment up to the end of the period
    latest: SelfAssessment | None  # the last one by the end of the period
    earlier: SelfAssessment | None  # where the period started from (or its first one)
    indicators: list[Indicator]
    counts: list[ChangeCount]
    log: list[ReflectionRow]  # the period's reflections, oldest first (when asked for)
    log_total: int

    @property
    def gaps(self) -> list[str]:
        """The changes no reflection in the period was tagged with."""
        return [c.change.label for c in self.counts if c.count == 0]


def _starting_point(
    assessments: list[SelfAssessment], first: dt.date, latest: SelfAssessment | None
) -> SelfAssessment | None:
    """The last self-assessment before the period, else the period's first (if not the
    latest itself)."""
    before = [a for a in assessments if a.assessed_on < first]
    if before:
        return before[-1]
    within = [a for a in assessments if a is not latest]
    return within[0] if within else None


def practice_summary(
    store: Store, first: dt.date, last: dt.date, *, with_log: bool, log_limit: int = MAX_LOG
) -> PracticeSummary:
    assessments = list_assessments(store, date_to=last)
    latest = assessments[-1] if assessments else None
    log_filter = ReflectionFilter(date_from=first, date_to=last)
    return PracticeSummary(
        first=first,
        last=last,
        history=shift_history(store, date_to=last),
        latest=latest,
        earlier=_starting_point(assessments, first, latest),
        indicators=practice_indicators(store, first, last),
        counts=reflection_counts(store, first, last),
        log=list_reflections(store, log_filter, oldest_first=True, limit=log_limit)
        if with_log
        else [],
        log_total=count_reflections(store, log_filter),
    )
