"""The looked-after review schedule: when a child's next review falls due.

Plain dates and counts in, a :class:`ReviewDue` out (no database), so the child's page, the
Today page and the reviews-due list all use one rule, and Today can use it before the
database layer has loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from relcom_desktop.core import preferences
from relcom_desktop.core.dates import add_months, add_working_days
from relcom_desktop.core.labels import LabelledStr


@dataclass(frozen=True)
class ReviewIntervals:
    first_working_days: int = 20
    second_months: int = 3
    later_months: int = 6
    due_soon_days: int = 28
    """A review this close (or closer) is flagged as due."""


class ReviewStatus(LabelledStr):
    NOT_SCHEDULED = ("not_scheduled", "Not scheduled")
    SCHEDULED = ("scheduled", "Scheduled")
    DUE = ("due", "Due soon")
    OVERDUE = ("overdue", "Overdue")


@dataclass(frozen=True)
class ReviewDue:
    status: ReviewStatus
    due_on: dt.date | None = None
    number: int = 1
    """Which review is next: 1 for the first, 2 for the second, ..."""
    last_held: dt.date | None = None
    days_left: int | None = None
    """Days from today to the due date (negative when overdue)."""

    @property
    def flagged(self) -> bool:
        return self.status in (ReviewStatus.DUE, ReviewStatus.OVERDUE)


def next_lac_review(
    looked_after_since: dt.date | None,
    held_reviews: list[dt.date],
    today: dt.date,
    intervals: ReviewIntervals = ReviewIntervals(),
) -> ReviewDue:
    """When the child's next looked-after review is due, and whether it is due or overdue.

    Only reviews held since the child became looked after count towards the schedule.
    """
    if looked_after_since is None:
        return ReviewDue(ReviewStatus.NOT_SCHEDULED)
    held = sorted(d for d in held_reviews if d >= looked_after_since)
    last = held[-1] if held else None
    return lac_review_due(looked_after_since, last, len(held), today, intervals)


def lac_review_due(
    looked_after_since: dt.date,
    last: dt.date | None,
    count: int,
    today: dt.date,
    intervals: ReviewIntervals = ReviewIntervals(),
) -> ReviewDue:
    """The schedule from what SQL can count for many children at once: the last review held
    since the child became looked after, and how many have been held since then."""
    if last is None:
        due = add_working_days(looked_after_since, intervals.first_working_days)
    elif count == 1:
        due = add_months(last, intervals.second_months)
    else:
        due = add_months(last, intervals.later_months)
    days_left = (due - today).days
    if days_left < 0:
        status = ReviewStatus.OVERDUE
    elif days_left <= intervals.due_soon_days:
        status = ReviewStatus.DUE
    else:
        status = ReviewStatus.SCHEDULED
    return ReviewDue(status, due, count + 1, last, days_left)


INTERVAL_KEYS = [
    preferences.LAC_FIRST_REVIEW_DAYS,
    preferences.LAC_SECOND_REVIEW_MONTHS,
    preferences.LAC_LATER_REVIEW_MONTHS,
    preferences.LAC_REVIEW_DUE_SOON_DAYS,
]


def intervals_from(values: dict[str, object]) -> ReviewIntervals:
    """The schedule from the preferences ``INTERVAL_KEYS`` name (stored or default)."""
    return ReviewIntervals(*(int(str(values[key])) for key in INTERVAL_KEYS))
