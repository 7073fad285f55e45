"""The child's plans (care plan, PEP, ...) and the looked-after review schedule.

Statutory looked-after (IRO) reviews follow the Care Planning, Placement and Case Review
(England) Regulations 2010, reg 33: the first within 20 working days of the child becoming
looked after, the second within three months of the first, and later ones within six months of
the one before. The intervals are preferences, so an authority can set its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text
from relcom_desktop.core.enums import PlanKind
from relcom_desktop.core.review_schedule import (
    INTERVAL_KEYS,
    ReviewDue,
    ReviewIntervals,
    intervals_from,
    next_lac_review,
)
from relcom_desktop.core.store.db import Store

LOCATION_MAX = 400


@dataclass(frozen=True)
class ChildPlan:
    child_id: int
    kind: PlanKind
    plan_date: dt.date | None = None
    next_review: dt.date | None = None
    location: str = ""
    notes: str = ""
    id: int | None = None

    def review_overdue(self, today: dt.date) -> bool:
        return self.next_review is not None and self.next_review < today


@dataclass(frozen=True)
class LookedAfterReview:
    """A statutory looked-after review that took place."""

    child_id: int
    held_on: dt.date
    notes: str = ""
    id: int | None = None


def _live_child(session: Session, child_id: int) -> m.Child:
    child = session.get(m.Child, child_id)
    if child is None or child.deleted_at is not None:
        raise errors.ValidationError("Choose the child this record belongs to.")
    return child


def _validate_plan(session: Session, plan: ChildPlan) -> ChildPlan:
    _live_child(session, plan.child_id)
    if plan.kind is None:
        raise errors.ValidationError("Choose which plan this is.")
    kind = PlanKind(plan.kind)
    if plan.plan_date and plan.plan_date > clock.today():
        raise errors.ValidationError("The plan's date cannot be in the future.")
    if plan.plan_date and plan.next_review and plan.next_review < plan.plan_date:
        raise errors.ValidationError("The plan's next review cannot be before the plan's date.")
    location = clean_text(plan.location)
    if len(location) > LOCATION_MAX:
        raise errors.ValidationError(
            f"Where the document lives is too long (at most {LOCATION_MAX})."
        )
    twin = session.scalar(
        select(m.ChildPlan.id).where(
            m.ChildPlan.child_id == plan.child_id,
            m.ChildPlan.kind == kind,
            m.ChildPlan.deleted_at.is_(None),
            m.ChildPlan.id != (plan.id or -1),
        )
    )
    if twin is not None:
        raise errors.ValidationError(
            f"This child already has a {kind.label.lower()}. Edit it to record the new date."
        )
    return dataclasses.replace(plan, kind=kind, location=location, notes=clean_text(plan.notes))


def _validate_review(session: Session, review: LookedAfterReview) -> LookedAfterReview:
    child = _live_child(session, review.child_id)
    if review.held_on is None:
        raise errors.ValidationError("Please enter the date the review was held.")
    if review.held_on > clock.today():
        raise errors.ValidationError("Record a review once it has been held (today or earlier).")
    since = child.looked_after_since
    if since and review.held_on < since:
        raise errors.ValidationError(
            "A looked-after review cannot be held before the child became looked after "
            f"({since:%d %b %Y})."
        )
    twin = session.scalar(
        select(m.LookedAfterReview.id).where(
            m.LookedAfterReview.child_id == review.child_id,
            m.LookedAfterReview.held_on == review.held_on,
            m.LookedAfterReview.deleted_at.is_(None),
            m.LookedAfterReview.id != (review.id or -1),
        )
    )
    if twin is not None:
        raise errors.ValidationError("A review is already recorded on that date.")
    return dataclasses.replace(review, notes=clean_text(review.notes))


_plans: Crud[ChildPlan] = Crud(m.ChildPlan, ChildPlan, "plan", _validate_plan)
_reviews: Crud[LookedAfterReview] = Crud(
    m.LookedAfterReview, LookedAfterReview, "looked-after review", _validate_review
)

get_plan = _plans.get
create_plan = _plans.create
update_plan = _plans.update
delete_plan = _plans.delete
restore_plan = _plans.restore

get_lac_review = _reviews.get
create_lac_review = _reviews.create
update_lac_review = _reviews.update
delete_lac_review = _reviews.delete
restore_lac_review = _reviews.restore


def plans_of(store: Store, child_id: int) -> list[ChildPlan]:
    """The child's plans in the usual order (care plan first)."""
    plans = _plans.list_where(store, m.ChildPlan.child_id == child_id)
    order = list(PlanKind)
    return sorted(plans, key=lambda p: order.index(p.kind))


def lac_reviews_of(store: Store, child_id: int) -> list[LookedAfterReview]:
    """Looked-after reviews held, most recent first."""
    return _reviews.list_where(
        store,
        m.LookedAfterReview.child_id == child_id,
        order_by=[m.LookedAfterReview.held_on.desc(), m.LookedAfterReview.id.desc()],
    )


# ---- the schedule -----------------------------------------------------------------------


def review_intervals(store: Store) -> ReviewIntervals:
    """The schedule the user has chosen (defaults: 20 working days, 3 months, 6 months)."""
    return intervals_from(preferences.get_many(store, INTERVAL_KEYS))


def set_review_intervals(store: Store, intervals: ReviewIntervals) -> ReviewIntervals:
    """Save a new schedule (one transaction), after checking it makes sense."""
    checks = (
        (intervals.first_working_days, 1, 60, "The first review must be 1 to 60 working days"),
        (intervals.second_months, 1, 12, "The second review must be 1 to 12 months"),
        (intervals.later_months, 1, 12, "Later reviews must be 1 to 12 months apart"),
        (intervals.due_soon_days, 0, 90, "The reminder must be 0 to 90 days ahead"),
    )
    for value, low, high, message in checks:
        if not low <= value <= high:
            raise errors.ValidationError(f"{message}.")
    preferences.put_many(
        store,
        {
            preferences.LAC_FIRST_REVIEW_DAYS: intervals.first_working_days,
            preferences.LAC_SECOND_REVIEW_MONTHS: intervals.second_months,
            preferences.LAC_LATER_REVIEW_MONTHS: intervals.later_months,
            preferences.LAC_REVIEW_DUE_SOON_DAYS: intervals.due_soon_days,
        },
    )
    return intervals


def review_schedule(
    store: Store, child_id: int, today: dt.date | None = None
) -> tuple[ReviewDue, ReviewIntervals]:
    """The child's next looked-after review (two small queries and the preferences)."""
    today = today or clock.today()
    intervals = review_intervals(store)
    with store.read() as session:
        since = _plans_child(session, child_id).looked_after_since
        held = list(
            session.scalars(
                select(m.LookedAfterReview.held_on).where(
                    m.LookedAfterReview.child_id == child_id,
                    m.LookedAfterReview.deleted_at.is_(None),
                )
            )
        )
    return next_lac_review(since, held, today, intervals), intervals


def _plans_child(session: Session, child_id: int) -> m.Child:
    child = session.get(m.Child, child_id)
    if child is None or child.deleted_at is not None:
        raise errors.not_found("child", child_id)
    return child
