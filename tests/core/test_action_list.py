"""The Actions list: one list across every source, filtered in SQL; snooze and reassign."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import errors, preferences
from relcom_desktop.core.actions import (
    Action,
    ActionFilter,
    ActionSort,
    Due,
    Whose,
    complete_action,
    count_actions,
    create_action,
    end_of_week,
    list_actions,
    my_names,
    reassign_action,
    reopen_action,
    snooze_action,
)
from relcom_desktop.core.enums import ActionSource, ActionStatus, JournalKind, MeetingKind
from relcom_desktop.core.journal import JournalEntry, create_entry
from relcom_desktop.core.meeting_templates import meeting_from_template
from relcom_desktop.core.meetings import save_meeting
from tests.core.factories import a_child, a_provider

TODAY = dt.date(2025, 6, 11)  # a Wednesday
D = dt.timedelta


def _titles(store, f: ActionFilter | None = None, **kw) -> list[str]:
    return [r.title for r in list_actions(store, f or ActionFilter(), today=TODAY, **kw)]


@pytest.fixture
def actions(store):
    preferences.put(store, preferences.USER_NAME, "Sam Demo (commissioner)")
    ash = a_child(store, "Ash")
    oak = a_provider(store, "Oak Care")
    made = {
        "overdue mine": Action("overdue mine", owner="Sam Demo", due_on=TODAY - D(3)),
        "overdue theirs": Action("overdue theirs", owner="Jo Reed", due_on=TODAY - D(1)),
        "today, nobody": Action("today, nobody", due_on=TODAY, child_id=ash.id),
        "sunday": Action("sunday", owner="sam demo", due_on=TODAY + D(4), provider_id=oak.id),
        "next week": Action("next week", owner="Jo Reed", due_on=TODAY + D(5)),
        "undated": Action("undated", owner="Sam Demo (commissioner)"),
        "snoozed": Action("snoozed", due_on=TODAY - D(2), snoozed_until=TODAY + D(2)),
        "done": Action("done", due_on=TODAY - D(9), status=ActionStatus.DONE, done_on=TODAY),
        "cancelled": Action("cancelled", due_on=TODAY - D(9), status=ActionStatus.CANCELLED),
    }
    ids = {key: create_action(store, a).id for key, a in made.items()}
    return store, ids, ash, oak


def test_the_week_runs_monday_to_sunday() -> None:
    assert end_of_week(TODAY) == dt.date(2025, 6, 15)
    assert end_of_week(dt.date(2025, 6, 15)) == dt.date(2025, 6, 15)
    assert my_names(" Sam  Demo (commissioner) ") == ("sam demo (commissioner)", "sam demo")
    assert my_names("") == ()


def test_open_actions_soonest_first_undated_last(actions) -> None:
    store, *_ = actions
    assert _titles(store) == [
        "overdue mine",
        "snoozed",
        "overdue theirs",
        "today, nobody",
        "sunday",
        "next week",
        "undated",
    ]
    assert count_actions(store, today=TODAY) == 7


@pytest.mark.parametrize(
    ("filt", "expected"),
    [
        (ActionFilter(due=Due.OVERDUE), ["overdue mine", "overdue theirs"]),
        (ActionFilter(due=Due.THIS_WEEK), ["today, nobody", "sunday"]),
        (
            ActionFilter(whose=Whose.MINE),
            ["overdue mine", "snoozed", "today, nobody", "sunday", "undated"],
        ),
        (ActionFilter(whose=Whose.OTHERS), ["overdue theirs", "next week"]),
        (ActionFilter(whose=Whose.MINE, due=Due.OVERDUE), ["overdue mine"]),
        (ActionFilter(status=ActionStatus.DONE), ["done"]),
        (ActionFilter(status=None, due=Due.ANY, text="DONE"), ["done"]),
        (
            ActionFilter(include_snoozed=False),
            ["overdue mine", "overdue theirs", "today, nobody", "sunday", "next week", "undated"],
        ),
        (ActionFilter(text="week"), ["next week"]),
    ],
)
def test_filters(actions, filt, expected) -> None:
    store, *_ = actions
    assert _titles(store, filt) == expected
    assert count_actions(store, filt, today=TODAY) == len(expected)


def test_by_child_and_by_provider(actions) -> None:
    store, _, ash, oak = actions
    assert _titles(store, ActionFilter(child_id=ash.id)) == ["today, nobody"]
    assert _titles(store, ActionFilter(provider_id=oak.id)) == ["sunday"]
    [row] = list_actions(store, ActionFilter(child_id=ash.id), today=TODAY)
    assert row.child_name == "Ash" and row.mine and row.source_record == ("child", ash.id)


def test_sorting_and_paging(actions) -> None:
    store, *_ = actions
    by_title = _titles(store, sort=ActionSort.TITLE)
    assert by_title == sorted(by_title)
    assert _titles(store, sort=ActionSort.TITLE, descending=True) == by_title[::-1]
    assert _titles(store, offset=2, limit=2) == ["overdue theirs", "today, nobody"]
    owners = [r.owner for r in list_actions(store, sort=ActionSort.OWNER, today=TODAY)]
    assert owners[:3] == ["", "", "Jo Reed"]


def test_complete_reopen_snooze_and_reassign(actions) -> None:
    store, ids, *_ = actions
    overdue = ActionFilter(due=Due.OVERDUE)
    complete_action(store, ids["overdue mine"], on=TODAY)
    assert _titles(store, overdue) == ["overdue theirs"]
    assert _titles(store, ActionFilter(status=ActionStatus.DONE)) == ["done", "overdue mine"]
    reopen_action(store, ids["overdue mine"])
    snooze_action(store, ids["overdue mine"], TODAY + D(7), today=TODAY)
    assert _titles(store, overdue) == ["overdue theirs"]
    assert snooze_action(store, ids["overdue mine"], None, today=TODAY).snoozed_until is None
    with pytest.raises(errors.ValidationError, match="after today"):
        snooze_action(store, ids["overdue mine"], TODAY, today=TODAY)
    with pytest.raises(errors.ValidationError, match="a year"):
        snooze_action(store, ids["overdue mine"], TODAY + D(400), today=TODAY)
    reassign_action(store, ids["overdue mine"], "  Jo Reed ")
    assert _titles(store, ActionFilter(whose=Whose.OTHERS, due=Due.OVERDUE)) == [
        "overdue mine",
        "overdue theirs",
    ]
    with pytest.raises(errors.ValidationError, match="too long"):
        reassign_action(store, ids["overdue mine"], "x" * 161)


def test_each_action_links_back_to_its_source(store) -> None:
    oak = a_provider(store, "Oak Care")
    entry = create_entry(
        store,
        JournalEntry(
            oak.id,
            dt.date(2025, 6, 1),
            JournalKind.CALL,
            "Call about staffing",
            follow_up_on=dt.date(2025, 6, 20),
        ),
    )
    draft = meeting_from_template(MeetingKind.STRATEGIC, dt.datetime(2025, 6, 2, 10))
    meeting = save_meeting(
        store, dataclasses.replace(draft, actions=(Action("Circulate the data pack"),))
    )
    rows = {r.source: r for r in list_actions(store, today=TODAY)}
    journal = rows[ActionSource.JOURNAL]
    assert journal.source_record == ("journal_entry", entry.id)
    assert journal.source_title == "Call about staffing"
    assert journal.provider_name == "Oak Care"
    from_meeting = rows[ActionSource.MEETING]
    assert from_meeting.source_record == ("meeting", meeting.meeting.id)
    assert (from_meeting.source_title, from_meeting.source_date) == (
        "Strategic / sufficiency",
        dt.date(2025, 6, 2),
    )
