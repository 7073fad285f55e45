"""Saving a whole meeting, templates, and the next meeting of a series with open actions."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import errors, meetings
from relcom_desktop.core.actions import Action, complete_action, get_action
from relcom_desktop.core.enums import ActionSource, ActionStatus, MeetingKind, PanelOutcome
from relcom_desktop.core.meeting_list import MeetingFilter, When, count_meetings, list_meetings
from relcom_desktop.core.meeting_templates import (
    AGENDA_TEMPLATES,
    follow_up_draft,
    meeting_from_template,
    next_in_series,
)
from relcom_desktop.core.meetings import Attendee, Decision, MeetingDetail
from tests.core.factories import a_child, a_provider

AT = dt.datetime(2026, 2, 3, 10, 0)


def _panel(store, **kw) -> MeetingDetail:
    draft = meeting_from_template(MeetingKind.PLACEMENT_PANEL, AT, **kw)
    decision_item = draft.agenda[5]  # "Decision: approve, defer or decline" (placeholder id)
    return dataclasses.replace(
        draft,
        attendees=(Attendee("Jo Reed", "IRO", "Demoshire"), Attendee("Sam", "Commissioner")),
        decisions=(
            Decision(
                "Approve Oak House for Ash",
                agreed_by="Jo Reed, Sam",
                dissent="Health asked for more evidence first",
                panel_outcome=PanelOutcome.APPROVE,
                conditions="Review after 12 weeks",
                weekly_budget_pence=450_000,
                agenda_item_id=decision_item.id,
            ),
        ),
        actions=(Action("Send the referral", owner="Sam", due_on=dt.date(2026, 2, 10)),),
    )


def test_a_template_gives_the_agenda_for_its_kind() -> None:
    draft = meeting_from_template(MeetingKind.PROVIDER, AT)
    assert draft.meeting.title == "Provider meeting"
    assert [a.title for a in draft.agenda] == list(AGENDA_TEMPLATES[MeetingKind.PROVIDER])
    assert all(item.id is not None and item.id < 0 for item in draft.agenda)
    for kind in MeetingKind:
        assert meeting_from_template(kind, AT).agenda, kind


def test_save_meeting_creates_everything_in_one_go(store) -> None:
    child = a_child(store)
    provider = a_provider(store)
    saved = meetings.save_meeting(
        store, _panel(store, child_ids=(child.id,), provider_ids=(provider.id,))
    )
    again = meetings.get_meeting_detail(store, saved.meeting.id)
    assert again == saved
    assert saved.meeting.kind is MeetingKind.PLACEMENT_PANEL
    assert [a.name for a in saved.attendees] == ["Jo Reed", "Sam"]
    [decision] = saved.decisions
    assert decision.panel_outcome is PanelOutcome.APPROVE
    assert decision.weekly_budget_pence == 450_000
    assert decision.agenda_item_id == saved.agenda[5].id  # the placeholder was mapped
    [action] = saved.actions
    assert (action.source, action.meeting_id) == (ActionSource.MEETING, saved.meeting.id)
    assert (action.child_id, action.provider_id) == (child.id, provider.id)  # the only ones
    assert saved.child_ids == (child.id,) and saved.provider_ids == (provider.id,)


def test_editing_keeps_ids_and_moves_left_out_actions_to_the_trash(store) -> None:
    saved = meetings.save_meeting(store, _panel(store))
    [kept] = saved.actions
    edited = dataclasses.replace(
        saved,
        agenda=(saved.agenda[1], dataclasses.replace(saved.agenda[0], notes="Read in full")),
        actions=(Action("Book the next panel"),),
    )
    result = meetings.save_meeting(store, edited)
    assert [a.id for a in result.agenda] == [saved.agenda[1].id, saved.agenda[0].id]
    assert result.agenda[1].notes == "Read in full"
    assert result.decisions[0].agenda_item_id is None  # its agenda item was removed
    assert [a.title for a in result.actions] == ["Book the next panel"]
    with pytest.raises(errors.NotFoundError):
        get_action(store, kept.id)


def test_saving_the_earlier_version_again_brings_its_actions_back(store) -> None:
    """What Edit → Undo of a meeting save does: the removed action returns, the same one."""
    saved = meetings.save_meeting(store, _panel(store))
    [kept] = saved.actions
    meetings.save_meeting(store, dataclasses.replace(saved, actions=()))
    again = meetings.save_meeting(store, saved)
    assert [a.id for a in again.actions] == [kept.id]
    assert get_action(store, kept.id).title == kept.title


def test_an_action_of_another_meeting_is_refused(store) -> None:
    first = meetings.save_meeting(store, _panel(store))
    second = meetings.save_meeting(store, _panel(store))
    stolen = dataclasses.replace(second, actions=first.actions)
    with pytest.raises(errors.ValidationError, match="belongs to another meeting"):
        meetings.save_meeting(store, stolen)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"attendees": (Attendee(" "),)}, "attendee's name"),
        ({"decisions": (Decision(""),)}, "what was decided"),
        (
            {
                "decisions": (
                    Decision("No", panel_outcome=PanelOutcome.DECLINE, weekly_budget_pence=1),
                )
            },
            "only when the panel approves",
        ),
        ({"decisions": (Decision("Yes", weekly_budget_pence=-5),)}, "between £0"),
        ({"child_ids": (999,)}, "no longer in your records"),
        ({"actions": (Action(""),)}, "what needs doing"),
    ],
)
def test_a_refused_save_writes_nothing(store, change, message) -> None:
    with pytest.raises(errors.ValidationError, match=message):
        meetings.save_meeting(store, dataclasses.replace(_panel(store), **change))
    assert count_meetings(store) == 0


def test_a_refused_edit_leaves_the_meeting_as_it_was(store) -> None:
    saved = meetings.save_meeting(store, _panel(store))
    broken = dataclasses.replace(
        saved, meeting=dataclasses.replace(saved.meeting, title="New"), decisions=(Decision(""),)
    )
    with pytest.raises(errors.ValidationError):
        meetings.save_meeting(store, broken)
    assert meetings.get_meeting_detail(store, saved.meeting.id) == saved


def test_follow_up_carries_forward_only_open_actions(store) -> None:
    first = meetings.save_meeting(
        store,
        dataclasses.replace(
            meeting_from_template(MeetingKind.PROVIDER, AT, title="Oak Care quarterly"),
            attendees=(Attendee("Kim", "Manager", "Oak Care"),),
            actions=(Action("Send rota"), Action("Share Reg 44"), Action("Book visit")),
        ),
    )
    send, share, book = first.actions
    complete_action(store, share.id)
    draft = follow_up_draft(store, first.meeting.id, today=dt.date(2026, 2, 4))
    assert draft.meeting.id is None and draft.meeting.previous_meeting_id == first.meeting.id
    assert draft.meeting.starts_at == AT + dt.timedelta(days=28)
    assert draft.meeting.title == "Oak Care quarterly"
    assert [a.name for a in draft.attendees] == ["Kim"]
    assert [a.title for a in draft.agenda] == [a.title for a in first.agenda]
    assert [(a.title, a.carried_from_id) for a in draft.actions] == [
        ("Send rota", send.id),
        ("Book visit", book.id),
    ]
    second = meetings.save_meeting(store, draft)
    assert get_action(store, send.id).status is ActionStatus.CANCELLED
    assert "Carried forward" in get_action(store, send.id).notes
    assert get_action(store, share.id).status is ActionStatus.DONE
    # Taking the carried copy out of the new meeting gives the original back.
    carried_send = second.actions[0]
    meetings.save_meeting(store, dataclasses.replace(second, actions=second.actions[1:]))
    assert get_action(store, send.id).status is ActionStatus.OPEN
    assert get_action(store, send.id).notes == ""
    assert carried_send.carried_from_id == send.id


def test_next_in_series_is_never_in_the_past() -> None:
    previous = dt.datetime(2026, 1, 5, 14, 30)  # a Monday
    assert next_in_series(previous, dt.date(2026, 1, 10)) == dt.datetime(2026, 2, 2, 14, 30)
    later = next_in_series(previous, dt.date(2026, 3, 18))
    assert later == dt.datetime(2026, 3, 23, 14, 30) and later.weekday() == 0


def test_meeting_list_filters_and_pages(store) -> None:
    child = a_child(store)
    now = dt.datetime(2026, 2, 1, 9, 0)
    for day in range(5):
        meetings.save_meeting(
            store,
            meeting_from_template(
                MeetingKind.PLACEMENT_REVIEW,
                now + dt.timedelta(days=day * 7 - 14),
                title=f"Review {day}",
                child_ids=(child.id,) if day % 2 == 0 else (),
            ),
        )
    rows = list_meetings(store, now=now)
    assert [r.title for r in rows] == ["Review 4", "Review 3", "Review 2", "Review 1", "Review 0"]
    upcoming = MeetingFilter(when=When.UPCOMING)
    assert [r.title for r in list_meetings(store, upcoming, descending=False, now=now)] == [
        "Review 2",
        "Review 3",
        "Review 4",
    ]
    assert count_meetings(store, MeetingFilter(when=When.PAST), now=now) == 2
    later_today = now + dt.timedelta(hours=8)  # Review 2 is over, but its notes are to write
    assert count_meetings(store, upcoming, now=later_today) == 3
    assert count_meetings(store, MeetingFilter(when=When.PAST), now=later_today) == 2
    mine = list_meetings(store, MeetingFilter(child_id=child.id), now=now)
    assert {r.title for r in mine} == {"Review 0", "Review 2", "Review 4"}
    assert mine[0].children == "Ash"
    assert [r.title for r in list_meetings(store, offset=1, limit=2, now=now)] == [
        "Review 3",
        "Review 2",
    ]
    assert count_meetings(store, MeetingFilter(text="review 3")) == 1
