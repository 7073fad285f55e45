"""Looked-after reviews and plan reviews due across the caseload (Today and the Reviews due list).

The looked-after schedule is :func:`plans.lac_review_due`, the rule the child's page uses;
one grouped query counts each child's reviews, so no child is opened one by one. A plan's
review is the ``next_review`` of the child's latest plan of each kind.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core.overview_drill import placed_on
from relcom_desktop.core.plans import ReviewIntervals, lac_review_due, review_intervals
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


def current_children(today: dt.date) -> Select:
    """The ids of the children looked after today: on the caseload (not archived, not in the
    Trash) and living in a placement today, or with no placement recorded yet. A child whose
    placements have all ended has left care, so no review or contact reminder is due."""
    any_placement = select(m.Placement.id).where(
        m.Placement.child_id == m.Child.id, m.Placement.deleted_at.is_(None)
    )
    return select(m.Child.id).where(
        m.Child.deleted_at.is_(None),
        m.Child.archived_at.is_(None),
        or_(any_placement.where(placed_on(today)).exists(), ~any_placement.exists()),
    )


def _lac_rows(session: Session, today: dt.date, intervals: ReviewIntervals) -> list[ReviewDueRow]:
    r = m.LookedAfterReview
    held = (
        select(r.child_id, func.count(r.id).label("n"), func.max(r.held_on).label("last"))
        .join(m.Child, m.Child.id == r.child_id)
        .where(r.deleted_at.is_(None), r.held_on >= m.Child.looked_after_since)
        .group_by(r.child_id)
        .subquery()
    )
    stmt = (
        select(m.Child.id, m.Child.preferred_name, m.Child.looked_after_since)
        .add_columns(held.c.n, held.c.last)
        .outerjoin(held, held.c.child_id == m.Child.id)
        .where(m.Child.id.in_(current_children(today)), m.Child.looked_after_since.is_not(None))
    )
    rows = []
    for child_id, name, since, count, last in session.execute(stmt):
        last_day = dt.date.fromisoformat(last) if isinstance(last, str) else last
        due = lac_review_due(since, last_day, count or 0, today, intervals)
        assert due.due_on is not None and due.days_left is not None
        over = -due.days_left
        row = ReviewDueRow(child_id, name, LAC_REVIEW, due.due_on, over, LAC_KIND, 0, due.number)
        rows.append(row)
    return rows


def _plan_rows(session: Session, today: dt.date, horizon: dt.date) -> list[ReviewDueRow]:
    p = m.ChildPlan
    newest = func.row_number().over(
        partition_by=(p.child_id, p.kind), order_by=(p.plan_date.desc().nulls_last(), p.id.desc())
    )
    latest = (
        select(p.id, p.child_id, p.kind, p.next_review, newest.label("newest"))
        .where(p.deleted_at.is_(None))
        .subquery()
    )
    stmt = (
        select(latest.c.id, m.Child.id, m.Child.preferred_name, latest.c.kind, latest.c.next_review)
        .join(m.Child, m.Child.id == latest.c.child_id)
        .where(
            m.Child.id.in_(current_children(today)),
            and_(latest.c.newest == 1, latest.c.next_review.is_not(None)),
            latest.c.next_review <= horizon,
        )
    )
    return [
        ReviewDueRow(
            child_id, name, f"{kind.label} review", due, (today - due).days, "child_plan", plan_id
        )
        for plan_id, child_id, name, kind, due in session.execute(stmt)
    ]


def reviews_due(
    store: Store, today: dt.date | None = None, within_days: int = DUE_WITHIN_DAYS
) -> list[ReviewDueRow]:
    """Every looked-after review and plan review overdue or due within ``within_days``,
    soonest (most overdue) first."""
    today = today or dt.date.today()
    horizon = today + dt.timedelta(days=within_days)
    intervals = review_intervals(store)
    with store.read() as session:
        lac = [r for r in _lac_rows(session, today, intervals) if r.due_on <= horizon]
        rows = lac + _plan_rows(session, today, horizon)
    return sorted(rows, key=lambda r: (r.due_on, r.child_name.casefold(), r.what))
