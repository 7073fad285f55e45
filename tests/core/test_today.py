"""The Today page's queries, on a fixed clock."""

from __future__ import annotations

import datetime as dt

import pytest

from relcom_desktop.core import checkins, preferences, reviews
from relcom_desktop.core.actions import Action, complete_action, create_action
from relcom_desktop.core.children import set_archived
from relcom_desktop.core.dates import add_months
from relcom_desktop.core.enums import (
    JournalKind,
    MeetingKind,
    OfstedJudgement,
    Outcome,
    OutcomeRating,
    QualityStandard,
    StandardRating,
)
from relcom_desktop.core.interop.ssda903 import PlacementType
from relcom_desktop.core.journal import JournalEntry, create_entry
from relcom_desktop.core.meetings import Meeting, create_meeting
from relcom_desktop.core.placements import Placement, start_placement
from relcom_desktop.core.today import provider_section, today_view
from tests.core.factories import a_child, a_placement, a_provider, a_setting

TODAY = dt.date(2025, 6, 11)  # a Wednesday
D = dt.timedelta


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def _check_in(store, child_id: int, day: dt.date) -> None:
    checkins.create_check_in(
        store,
        checkins.CheckIn(
            child_id, day, (checkins.OutcomeScore(Outcome.HAPPY, OutcomeRating.GOING_WELL),)
        ),
    )


@pytest.fixture
def world(store):
    preferences.put(store, preferences.USER_NAME, "Sam Demo")
    oak = a_provider(store, "Oak Care")
    house = a_setting(store, oak.id, "Oak House")
    poor = a_provider(store, "Poor Lane Ltd")
    a_setting(store, poor.id, "Poor Lane", judgement=OfstedJudgement.INADEQUATE)
    ids = {}
    for name in ("Ash", "Bea", "Cal", "Dee", "Eve"):
        ids[name] = a_child(store, name).id
    # Ash: placed 8 months, last check-in 50 days ago, never reviewed.
    a_placement(store, ids["Ash"], house.id, TODAY - D(240))
    _check_in(store, ids["Ash"], TODAY - D(50))
    # Bea: placed 8 months, reviewed 2 months ago, check-in 10 days ago, planned end in 30 days.
    bea = start_placement(
        store,
        Placement(
            ids["Bea"], house.id, PlacementType.K2, TODAY - D(240), planned_end_date=TODAY + D(30)
        ),
    )
    rated = (reviews.StandardEvidence(QualityStandard.HEALTH, StandardRating.MET),)
    reviews.create_review(store, reviews.PlacementReview(bea.id, TODAY - D(60), rated))
    _check_in(store, ids["Bea"], TODAY - D(10))
    # Cal: placed a month ago, no check-in yet, ends in 90 days (not soon).
    start_placement(
        store,
        Placement(ids["Cal"], house.id, PlacementType.K2, TODAY - D(30), end_date=TODAY + D(90)),
    )
    # Dee left care (placement ended): nothing due. Eve is archived.
    a_placement(store, ids["Dee"], house.id, TODAY - D(400), TODAY - D(100))
    a_placement(store, ids["Eve"], house.id, TODAY - D(400))
    set_archived(store, ids["Eve"], True)
    for title, due, extra in (
        ("Chase PEP", TODAY - D(3), {}),
        ("Call IRO", TODAY, {"child_id": ids["Ash"]}),
        ("Send minutes", TODAY + D(4), {"owner": "Jo Reed"}),
        ("Next week", TODAY + D(5), {}),
        ("Sleeping", TODAY - D(1), {"snoozed_until": TODAY + D(1)}),
    ):
        create_action(store, Action(title, due_on=due, **extra))
    for title, when in (
        ("Panel", _at(TODAY, 10)),
        ("Provider forum", _at(TODAY + D(3), 14)),
        ("Yesterday", _at(TODAY - D(1), 9)),
        ("Next Monday", _at(TODAY + D(5), 9)),
    ):
        create_meeting(store, Meeting(title, when, MeetingKind.OTHER, location="Room 2"))
    for n in range(7):
        create_entry(store, JournalEntry(oak.id, TODAY - D(20 - n), JournalKind.CALL, f"Call {n}"))
    return store, ids


def _titles(view, key: str) -> list[str]:
    return [item.title for item in view.section(key).items]


def test_months_back_keep_the_day_or_the_month_end() -> None:
    assert add_months(dt.date(2025, 6, 11), -6) == dt.date(2024, 12, 11)
    assert add_months(dt.date(2025, 3, 31), -1) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2025, 1, 15), -13) == dt.date(2023, 12, 15)


def test_today_gathers_what_needs_attention(world) -> None:
    store, ids = world
    view = today_view(store, TODAY)
    assert _titles(view, "overdue") == ["Chase PEP"]
    assert view.section("overdue").items[0].urgent
    assert _titles(view, "due_this_week") == ["Call IRO", "Send minutes"]
    assert _titles(view, "meetings") == ["Panel", "Provider forum"]
    assert view.section("meetings").items[0].detail == "Today 10:00 · Room 2"
    assert view.section("meetings").items[1].detail == "Saturday 14:00 · Room 2"
    check_ins = view.section("check_ins")
    assert [(i.kind, i.record_id) for i in check_ins.items] == [
        ("child", ids["Cal"]),
        ("child", ids["Ash"]),
    ]
    assert check_ins.items[0].detail == "At Oak House: no check-in yet"
    assert check_ins.items[1].detail == "At Oak House: last check-in 50 days ago"
    reviews_due = view.section("reviews")
    assert [i.record_id for i in reviews_due.items] == [ids["Ash"]]
    assert "no review since the placement began" in reviews_due.items[0].detail
    ending = view.section("ending")
    assert [i.record_id for i in ending.items] == [ids["Bea"]]
    assert ending.items[0].detail == "At Oak House: planned to end in 30 days"
    providers = view.section("providers")
    assert [(i.kind, i.title) for i in providers.items] == [("provider", "Poor Lane Ltd")]
    journal = view.section("journal")
    assert _titles(view, "journal") == ["Call 6", "Call 5", "Call 4", "Call 3", "Call 2"]
    assert {i.kind for i in journal.items} == {"journal_entry"}


def test_a_completed_action_leaves_today(world) -> None:
    store, _ = world
    view = today_view(store, TODAY)
    [chase] = view.section("overdue").items
    assert chase.kind == "action"
    complete_action(store, chase.record_id, on=TODAY)
    after = today_view(store, TODAY)
    assert after.section("overdue").items == ()
    assert after.section("overdue").total == 0


def test_the_check_in_interval_comes_from_preferences(world) -> None:
    store, ids = world
    preferences.put(store, preferences.CHECK_IN_EVERY_DAYS, 60)
    assert [i.record_id for i in today_view(store, TODAY).section("check_ins").items] == [
        ids["Cal"]
    ]
    preferences.put(store, preferences.PLACEMENT_REVIEW_EVERY_MONTHS, 1)
    due = today_view(store, TODAY).section("reviews")
    assert {i.record_id for i in due.items} == {ids["Ash"], ids["Bea"]}


def test_lists_are_capped_but_count_everything(store) -> None:
    for n in range(20):
        create_action(store, Action(f"Old {n:02d}", due_on=TODAY - D(30 - n)))
    overdue = today_view(store, TODAY).section("overdue")
    assert overdue.total == 20
    assert len(overdue.items) == 8
    assert overdue.items[0].title == "Old 00"


def test_an_empty_file_has_calm_empty_sections(store) -> None:
    view = today_view(store, TODAY)
    assert all(s.total == 0 and s.items == () for s in view.sections)
    assert all(s.empty_text for s in view.sections)


def test_provider_flags_can_come_second(world) -> None:
    store, _ = world
    quick = today_view(store, TODAY, providers=False)
    pending = quick.section("providers")
    assert pending.pending and pending.items == () and pending.empty_text == "Checking providers…"
    full = quick.with_section(provider_section(store, TODAY))
    assert full == today_view(store, TODAY)
