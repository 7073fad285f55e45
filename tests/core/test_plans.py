"""The child's plans, looked-after reviews held, and when the next review is due."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relcom_desktop.core import clock, errors, plans, preferences
from relcom_desktop.core.dates import add_months, add_working_days
from relcom_desktop.core.enums import PlanKind
from relcom_desktop.core.plans import ChildPlan, LookedAfterReview
from relcom_desktop.core.review_schedule import ReviewIntervals, ReviewStatus, next_lac_review
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child

D = dt.date
TODAY = clock.today()


def test_calendar_arithmetic() -> None:
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2026, 11, 15), 3) == D(2027, 2, 15)
    assert add_months(D(2026, 3, 10), -15) == D(2024, 12, 10)
    # Friday 6 March 2026 + 20 working days = Friday 3 April 2026 (weekends skipped).
    assert add_working_days(D(2026, 3, 6), 20) == D(2026, 4, 3)
    assert add_working_days(D(2026, 3, 7), 1) == D(2026, 3, 9)  # Saturday -> Monday


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2090, 1, 1)), st.integers(-240, 240))
def test_add_months_lands_in_the_right_month(day: dt.date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day <= day.day


def test_first_review_is_due_twenty_working_days_after_coming_into_care() -> None:
    since = D(2026, 3, 6)
    due = next_lac_review(since, [], today=D(2026, 3, 10))
    assert (due.due_on, due.number, due.status) == (D(2026, 4, 3), 1, ReviewStatus.DUE)
    assert due.flagged and due.days_left == 24


def test_second_review_at_three_months_then_six_monthly() -> None:
    since = D(2025, 1, 6)
    second = next_lac_review(since, [D(2025, 2, 3)], today=D(2025, 2, 4))
    assert (second.due_on, second.number) == (D(2025, 5, 3), 2)
    assert second.status is ReviewStatus.SCHEDULED and not second.flagged
    later = next_lac_review(since, [D(2025, 5, 1), D(2025, 2, 3)], today=D(2025, 6, 1))
    assert (later.due_on, later.number, later.last_held) == (D(2025, 11, 1), 3, D(2025, 5, 1))


def test_overdue_when_the_due_date_has_passed() -> None:
    due = next_lac_review(D(2025, 1, 6), [D(2025, 2, 3)], today=D(2025, 6, 1))
    assert due.status is ReviewStatus.OVERDUE
    assert due.days_left == (D(2025, 5, 3) - D(2025, 6, 1)).days
    assert due.flagged


def test_reviews_before_this_period_of_care_do_not_count() -> None:
    due = next_lac_review(D(2025, 1, 6), [D(2023, 6, 1)], today=D(2025, 1, 7))
    assert due.number == 1 and due.last_held is None


def test_no_schedule_without_a_looked_after_date() -> None:
    due = next_lac_review(None, [D(2025, 1, 1)], today=D(2025, 1, 7))
    assert due.status is ReviewStatus.NOT_SCHEDULED and due.due_on is None


def test_intervals_are_configurable() -> None:
    mine = ReviewIntervals(first_working_days=10, second_months=2, later_months=4, due_soon_days=0)
    assert next_lac_review(D(2026, 3, 6), [], D(2026, 3, 6), mine).due_on == D(2026, 3, 20)
    second = next_lac_review(D(2026, 3, 6), [D(2026, 3, 20)], D(2026, 5, 10), mine)
    assert second.due_on == D(2026, 5, 20) and second.status is ReviewStatus.SCHEDULED
    third = next_lac_review(D(2026, 3, 6), [D(2026, 3, 20), D(2026, 5, 20)], D(2026, 5, 21), mine)
    assert third.due_on == D(2026, 9, 20)


def test_saved_intervals_drive_the_childs_schedule(store: Store) -> None:
    since = TODAY - dt.timedelta(days=400)
    child = a_child(store, looked_after_since=since)
    held = TODAY - dt.timedelta(days=80)
    plans.create_lac_review(store, LookedAfterReview(child.id, since + dt.timedelta(days=20)))
    plans.create_lac_review(store, LookedAfterReview(child.id, held, " Went well "))
    due, intervals = plans.review_schedule(store, child.id, TODAY)
    assert intervals == ReviewIntervals()
    assert due.due_on == add_months(held, 6) and due.number == 3
    plans.set_review_intervals(store, ReviewIntervals(20, 3, 3, 14))
    due, _ = plans.review_schedule(store, child.id, TODAY)
    assert due.due_on == add_months(held, 3) and due.status is ReviewStatus.DUE
    assert preferences.get(store, preferences.LAC_LATER_REVIEW_MONTHS) == 3
    with pytest.raises(errors.ValidationError, match="1 to 12 months"):
        plans.set_review_intervals(store, ReviewIntervals(later_months=0))
    assert plans.review_intervals(store).later_months == 3


def test_lac_reviews_are_validated(store: Store) -> None:
    child = a_child(store, looked_after_since=D(2024, 1, 1))
    first = plans.create_lac_review(store, LookedAfterReview(child.id, D(2024, 1, 25), " ok "))
    assert first.notes == "ok"
    cases = [
        (D(2023, 12, 1), "before the child became looked after"),
        (TODAY + dt.timedelta(days=1), "once it has been held"),
        (D(2024, 1, 25), "already recorded on that date"),
        (None, "date the review was held"),
    ]
    for held_on, message in cases:
        with pytest.raises(errors.ValidationError, match=message):
            plans.create_lac_review(store, LookedAfterReview(child.id, held_on))
    assert [r.held_on for r in plans.lac_reviews_of(store, child.id)] == [D(2024, 1, 25)]
    plans.delete_lac_review(store, first.id)
    assert plans.lac_reviews_of(store, child.id) == []
    plans.restore_lac_review(store, first.id)
    assert len(plans.lac_reviews_of(store, child.id)) == 1


def test_plans_round_trip_in_the_usual_order(store: Store) -> None:
    child = a_child(store)
    pep = plans.create_plan(
        store,
        ChildPlan(child.id, PlanKind.PEP, D(2026, 1, 5), D(2026, 7, 5), " Virtual school drive "),
    )
    plans.create_plan(store, ChildPlan(child.id, PlanKind.CARE_PLAN, D(2025, 12, 1)))
    got = plans.plans_of(store, child.id)
    assert [p.kind for p in got] == [PlanKind.CARE_PLAN, PlanKind.PEP]
    assert got[1].location == "Virtual school drive"
    assert got[1].review_overdue(D(2026, 7, 6)) and not got[0].review_overdue(D(2030, 1, 1))
    edited = plans.update_plan(store, dataclasses.replace(pep, plan_date=D(2026, 2, 1)))
    assert edited.plan_date == D(2026, 2, 1)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"plan_date": TODAY + dt.timedelta(days=1)}, "cannot be in the future"),
        ({"next_review": D(2025, 1, 1)}, "before the plan's date"),
        ({"location": "x" * 401}, "too long"),
        ({"kind": PlanKind.CARE_PLAN}, "already has a care plan"),
        ({"child_id": 999}, "Choose the child"),
        ({"kind": None}, "which plan"),
    ],
)
def test_bad_plans_are_refused(store: Store, changes: dict, message: str) -> None:
    child = a_child(store)
    plans.create_plan(store, ChildPlan(child.id, PlanKind.CARE_PLAN))
    plan = ChildPlan(child.id, PlanKind.HEALTH_PLAN, D(2025, 6, 1), D(2025, 12, 1))
    with pytest.raises(errors.ValidationError, match=message):
        plans.create_plan(store, dataclasses.replace(plan, **changes))
    assert len(plans.plans_of(store, child.id)) == 1


def test_a_deleted_plan_frees_its_kind(store: Store) -> None:
    child = a_child(store)
    old = plans.create_plan(store, ChildPlan(child.id, PlanKind.CARE_PLAN, D(2024, 1, 1)))
    plans.delete_plan(store, old.id)
    plans.create_plan(store, ChildPlan(child.id, PlanKind.CARE_PLAN, D(2025, 1, 1)))
    with pytest.raises(errors.ValidationError, match="already has a care plan"):
        plans.restore_plan(store, old.id)
