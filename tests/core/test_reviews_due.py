"""Reviews due and family contact gaps across the caseload, and Today on an empty caseload."""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core import plans
from relcom_desktop.core.children import set_archived
from relcom_desktop.core.enums import ContactArrangement, LinkImportance, PlanKind
from relcom_desktop.core.family import FamilyLink, create_link
from relcom_desktop.core.plans import ChildPlan, LookedAfterReview, create_lac_review, create_plan
from relcom_desktop.core.reviews_due import reviews_due
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.today import today_view
from relcom_desktop.core.today_caseload import ADD_PROVIDERS, FIRST_STEPS
from tests.core.factories import a_child, a_placement, a_provider, a_setting

TODAY = dt.date(2026, 11, 25)
D = dt.date


def _held(store: Store, child_id: int, *days: dt.date) -> None:
    for day in days:
        create_lac_review(store, LookedAfterReview(child_id=child_id, held_on=day))


def test_looked_after_and_plan_reviews_due_follow_the_childs_own_schedule(store: Store) -> None:
    new = a_child(store, "Ada", looked_after_since=D(2026, 9, 1)).id  # first review overdue
    two = a_child(store, "Bo", looked_after_since=D(2025, 1, 1)).id
    _held(store, two, D(2025, 1, 20), D(2025, 4, 15))  # the third was due 15 Oct 2025
    soon = a_child(store, "Cy", looked_after_since=D(2024, 1, 1)).id
    _held(store, soon, D(2024, 1, 25), D(2024, 4, 20), D(2026, 6, 8))  # due 8 Dec 2026
    later = a_child(store, "Di", looked_after_since=D(2024, 1, 1)).id
    _held(store, later, D(2024, 1, 25), D(2024, 4, 20), D(2026, 10, 1))  # due April 2027
    gone = a_child(store, "Ed", looked_after_since=D(2026, 1, 1)).id
    set_archived(store, gone, True)
    home = a_setting(store, a_provider(store).id).id
    a_placement(store, two, home, D(2025, 1, 1))  # Bo lives there now
    left = a_child(store, "Fay", looked_after_since=D(2020, 1, 1)).id
    a_placement(store, left, home, D(2020, 1, 1), D(2023, 5, 1))  # Fay has left care
    care = create_plan(
        store, ChildPlan(new, PlanKind.CARE_PLAN, D(2026, 9, 10), next_review=D(2026, 12, 10))
    )
    create_plan(store, ChildPlan(new, PlanKind.PEP, D(2026, 9, 10), next_review=D(2027, 3, 1)))

    rows = reviews_due(store, TODAY)

    assert [(r.child_name, r.what) for r in rows] == [
        ("Bo", "Looked-after review"),
        ("Ada", "Looked-after review"),
        ("Cy", "Looked-after review"),
        ("Ada", "Care plan review"),  # the PEP's review is months away
    ]
    for row in rows[:3]:  # the same dates the child's own page shows
        due, _ = plans.review_schedule(store, row.child_id, TODAY)
        assert (row.due_on, row.number, row.days_over) == (due.due_on, due.number, -due.days_left)
    assert rows[0].number == 3 and rows[0].overdue
    assert (rows[3].row_kind, rows[3].row_id, rows[3].days_over) == ("child_plan", care.id, -15)
    today = today_view(store, TODAY).section("lac_reviews")
    assert today.total == 4
    assert today.items[0].detail == "3rd looked-after review · 406 days overdue"
    assert (today.items[3].row_kind, today.items[3].row_id) == ("child_plan", care.id)


def test_family_contact_gaps_name_the_child_and_open_on_the_link(store: Store) -> None:
    amy = a_child(store, "Amy").id

    def link(name: str, last: dt.date | None, **kw: object) -> int:
        made = create_link(store, FamilyLink(amy, name, last_contact=last, **kw))  # type: ignore[arg-type]
        assert made.id is not None
        return made.id

    nan = link("Nan", D(2026, 9, 1), contact_arrangement=ContactArrangement.WEEKLY_SUPERVISED)
    link("Dad", None, contact_arrangement=ContactArrangement.WEEKLY_UNSUPERVISED)
    link("Cousin", None, importance=LinkImportance.LOW)  # not important enough to remind
    link("Uncle", None, contact_arrangement=ContactArrangement.NONE)  # no contact expected
    link("Mum", D(2026, 11, 20), contact_arrangement=ContactArrangement.WEEKLY_SUPERVISED)

    section = today_view(store, TODAY).section("contact_gaps")

    [item] = section.items
    assert item.title == "Amy" and (item.kind, item.record_id) == ("child", amy)
    assert item.detail == "No contact in 42 days with Dad (none recorded), Nan (last 1 Sep 2026)"
    assert item.row_kind == "family_link" and item.row_id != nan  # Dad: the longest gap


def test_an_empty_caseload_says_what_to_do_first(store: Store) -> None:
    view = today_view(store, TODAY)
    assert view.first_steps == (ADD_PROVIDERS, *FIRST_STEPS)
    keys = {s.key for s in view.sections}
    assert "check_ins" not in keys and "lac_reviews" not in keys  # nothing can be due yet
    assert "overdue" in keys
    a_provider(store, "Hazel Homes")
    assert today_view(store, TODAY).first_steps == FIRST_STEPS  # providers are there already
    a_child(store, "Amy")
    view = today_view(store, TODAY)
    assert view.first_steps == ()
    assert view.section("check_ins").empty_text == "Every child has had a recent check-in."


def test_how_soon_reads_as_words() -> None:
    from relcom_desktop.core.reviews_due import ReviewDueRow
    from relcom_desktop.core.today_caseload import _review_item

    def detail(days_over: int) -> str:
        row = ReviewDueRow(1, "Ash", "Care plan review", TODAY, days_over, "child_plan", 1)
        return _review_item(row).detail

    assert detail(1) == "Care plan review · 1 day overdue"
    assert detail(0) == "Care plan review · due today"
    assert detail(-1) == "Care plan review · due in 1 day"
    assert detail(-12) == "Care plan review · due in 12 days"
