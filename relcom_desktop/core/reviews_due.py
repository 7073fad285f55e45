"""Looked-after reviews and plan reviews due across the caseload (Today and the Reviews due list).

The looked-after schedule is :func:`review_schedule.lac_review_due`, the rule the child's page
uses; one grouped query counts each child's reviews, so no child is opened one by one. A
plan's review is the ``next_review`` of the child's latest plan of each kind. Read with plain
SQL on a DB-API connection, so Today can show them before the database layer has loaded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relcom_desktop.core import clock, preferences
from relcom_desktop.core.dates import stored_day
from relcom_desktop.core.enums import PlanKind
from relcom_desktop.core.review_schedule import (
    INTERVAL_KEYS,
    ReviewIntervals,
    intervals_from,
    lac_review_due,
)
from relcom_desktop.core.store.connect import json_rows

if TYPE_CHECKING:
    from relcom_desktop.core.store.db import Store

DUE_WITHIN_DAYS = 28
LAC_REVIEW = "Looked-after review"
LAC_KIND = "lac_review"


@dataclass(frozen=True)
class ReviewDueRow:
    child_id: int
    child_name: str
    what: str
    """"Looked-after review" or the plan's review, e.g. "Care plan review"."""
    due_on: dt.date
    days_over: int
    """Days past the due date (0 or less: due in ``-days_over`` days)."""
    row_kind: str
    """What the child's Plans & reviews tab selects: "child_plan", or "lac_review"."""
    row_id: int = 0
    number: int = 0
    """For a looked-after review, which one it is (1 for the first)."""

    @property
    def overdue(self) -> bool:
        return self.days_over > 0


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, ... 11th, 12th, 13th, ... 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# The ids of the children looked after on :today: on the caseload (not archived, not in the
# Trash) and living in a placement that day, or with no placement recorded yet. A child whose
# placements have all ended has left care, so no review or contact reminder is due.
CURRENT_CHILDREN = """SELECT c.id FROM child c
    WHERE c.deleted_at IS NULL AND c.archived_at IS NULL AND (
        EXISTS (SELECT 1 FROM placement p WHERE p.child_id = c.id AND p.deleted_at IS NULL
                AND p.start_date <= :today AND (p.end_date IS NULL OR p.end_date > :today))
        OR NOT EXISTS (
            SELECT 1 FROM placement p WHERE p.child_id = c.id AND p.deleted_at IS NULL))"""

LAC_ROWS = f"""SELECT c.id, c.preferred_name, c.looked_after_since AS since, h.n, h.last
    FROM child c
    LEFT JOIN (
        SELECT r.child_id, count(r.id) AS n, max(r.held_on) AS last
        FROM looked_after_review r JOIN child held ON held.id = r.child_id
        WHERE r.deleted_at IS NULL AND r.held_on >= held.looked_after_since
        GROUP BY r.child_id) h ON h.child_id = c.id
    WHERE c.id IN ({CURRENT_CHILDREN}) AND c.looked_after_since IS NOT NULL
      AND (h.last IS NULL AND c.looked_after_since <= date(:horizon, :first_back)
           OR date(h.last, :months_on, '-3 days') <= :horizon)"""
# The last two lines leave out children whose next review cannot fall by :horizon, so the
# schedule is worked out only for the few that may be due. A first review is due at least
# as many calendar days on as working days; a later one at least the shorter interval's
# months on, which SQLite's date() overshoots by at most three days (31 Jan + 1 month).

PLAN_ROWS = f"""SELECT latest.id AS plan_id, c.id AS child_id, c.preferred_name,
        latest.kind, latest.next_review
    FROM (
        SELECT p.id, p.child_id, p.kind, p.next_review, row_number() OVER (
            PARTITION BY p.child_id, p.kind ORDER BY p.plan_date DESC NULLS LAST, p.id DESC
        ) AS newest
        FROM child_plan p WHERE p.deleted_at IS NULL) latest
    JOIN child c ON c.id = latest.child_id
    WHERE c.id IN ({CURRENT_CHILDREN}) AND latest.newest = 1
      AND latest.next_review IS NOT NULL AND latest.next_review <= :horizon"""

PLAN_COLUMNS = "plan_id, child_id, preferred_name, kind, next_review"


def _lac_rows(
    conn: Any, today: dt.date, horizon: dt.date, intervals: ReviewIntervals
) -> list[ReviewDueRow]:
    params = {
        "today": str(today),
        "horizon": str(horizon),
        "first_back": f"-{intervals.first_working_days} days",
        "months_on": f"+{min(intervals.second_months, intervals.later_months)} months",
    }
    rows = []
    found = json_rows(conn, LAC_ROWS, params, "id, preferred_name, since, n, last")
    for child_id, name, since, count, last in found:
        since_day = dt.date.fromisoformat(since)
        due = lac_review_due(since_day, stored_day(last), count or 0, today, intervals)
        assert due.due_on is not None and due.days_left is not None
        over = -due.days_left
        row = ReviewDueRow(child_id, name, LAC_REVIEW, due.due_on, over, LAC_KIND, 0, due.number)
        rows.append(row)
    return rows


def _plan_rows(conn: Any, today: dt.date, horizon: dt.date) -> list[ReviewDueRow]:
    params = {"today": str(today), "horizon": str(horizon)}
    rows = []
    found = json_rows(conn, PLAN_ROWS, params, PLAN_COLUMNS)
    for plan_id, child_id, name, kind, next_review in found:
        due = dt.date.fromisoformat(next_review)
        what = f"{PlanKind(kind).label} review"
        rows.append(
            ReviewDueRow(child_id, name, what, due, (today - due).days, "child_plan", plan_id)
        )
    return rows


def read_reviews_due(
    conn: Any, today: dt.date, within_days: int = DUE_WITHIN_DAYS
) -> list[ReviewDueRow]:
    """Every looked-after review and plan review overdue or due within ``within_days``,
    soonest (most overdue) first, read on a DB-API connection."""
    horizon = today + dt.timedelta(days=within_days)
    intervals = intervals_from(preferences.read_many(conn, INTERVAL_KEYS))
    lac = [r for r in _lac_rows(conn, today, horizon, intervals) if r.due_on <= horizon]
    rows = lac + _plan_rows(conn, today, horizon)
    return sorted(rows, key=lambda r: (r.due_on, r.child_name.casefold(), r.what))


def reviews_due(
    store: Store, today: dt.date | None = None, within_days: int = DUE_WITHIN_DAYS
) -> list[ReviewDueRow]:
    """:func:`read_reviews_due` from the open data file."""
    with store.raw() as conn:
        return read_reviews_due(conn, today or clock.today(), within_days)
