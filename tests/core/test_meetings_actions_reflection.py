"""Meetings, actions, reflections, self-assessments, audit and preferences."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import actions, clock, errors, meetings, preferences, reflection
from relcom_desktop.core.enums import (
    ActionStatus,
    AuditKind,
    LearningChange,
    MeetingKind,
    PracticeShift,
)
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child

TODAY = clock.today()


def test_meeting_crud_and_range(store: Store) -> None:
    at = dt.datetime(2025, 3, 4, 10, 0)
    mt = meetings.create_meeting(
        store, meetings.Meeting(title=" Panel ", starts_at=at, kind=MeetingKind.PLACEMENT_PANEL)
    )
    assert mt.title == "Panel"
    found = meetings.meetings_between(store, dt.datetime(2025, 3, 4), dt.datetime(2025, 3, 5))
    assert [x.id for x in found] == [mt.id]
    with pytest.raises(errors.ValidationError, match="24 hours"):
        meetings.update_meeting(store, dataclasses.replace(mt, duration_minutes=0))
    with pytest.raises(errors.ValidationError, match="title"):
        meetings.create_meeting(store, meetings.Meeting(title="", starts_at=at))
    meetings.delete_meeting(store, mt.id)
    assert meetings.meetings_between(store, dt.datetime(2025, 1, 1), dt.datetime(2026, 1, 1)) == []


def test_actions_complete_and_order(store: Store) -> None:
    child = a_child(store)
    later = actions.create_action(
        store, actions.Action(title="Chase PEP", due_on=TODAY + dt.timedelta(9))
    )
    sooner = actions.create_action(
        store, actions.Action(title="Call IRO", due_on=TODAY, child_id=child.id)
    )
    undated = actions.create_action(store, actions.Action(title="Read Reg 44"))
    assert [a.id for a in actions.open_actions(store)] == [sooner.id, later.id, undated.id]
    assert [a.id for a in actions.open_actions(store, child_id=child.id)] == [sooner.id]
    done = actions.complete_action(store, sooner.id)
    assert done.status is ActionStatus.DONE and done.done_on == TODAY
    reopened = actions.update_action(store, dataclasses.replace(done, status=ActionStatus.OPEN))
    assert reopened.done_on is None
    with pytest.raises(errors.ValidationError, match="no longer exists"):
        actions.create_action(store, actions.Action(title="x", child_id=999))
    with pytest.raises(errors.ValidationError, match="what needs doing"):
        actions.create_action(store, actions.Action(title=" "))


def test_reflection_tags(store: Store) -> None:
    r = reflection.create_reflection(
        store,
        reflection.Reflection(
            written_on=TODAY,
            what_learned="Asking the home first built trust.",
            changes=(
                LearningChange.COLLEGIALITY,
                LearningChange.PRODUCT_TO_LEARNING,
                LearningChange.COLLEGIALITY,
            ),
        ),
    )
    got = reflection.get_reflection(store, r.id)
    assert got.changes == (LearningChange.PRODUCT_TO_LEARNING, LearningChange.COLLEGIALITY)
    edited = reflection.update_reflection(
        store, dataclasses.replace(got, changes=(LearningChange.AUDITING,))
    )
    assert edited.changes == (LearningChange.AUDITING,)
    assert [x.id for x in reflection.list_reflections(store)] == [r.id]
    with pytest.raises(errors.ValidationError, match="at least one"):
        reflection.create_reflection(
            store, reflection.Reflection(written_on=TODAY, what_learned="x")
        )
    with pytest.raises(errors.ValidationError, match="Write something"):
        reflection.create_reflection(
            store, reflection.Reflection(written_on=TODAY, changes=(LearningChange.ASSESSMENT,))
        )


def test_self_assessment(store: Store) -> None:
    a = reflection.create_assessment(
        store,
        reflection.SelfAssessment(
            assessed_on=TODAY,
            positions=tuple(reflection.ShiftPosition(s, i) for i, s in enumerate(PracticeShift)),
        ),
    )
    [got] = reflection.list_assessments(store)
    assert [p.position for p in got.positions] == list(range(8))
    with pytest.raises(errors.ValidationError, match="0 to 10"):
        reflection.update_assessment(
            store,
            dataclasses.replace(
                a, positions=(reflection.ShiftPosition(PracticeShift.ENABLER, 11),)
            ),
        )


def test_audit_and_preferences(store: Store) -> None:
    audit.record(store, AuditKind.EXPORT, "child", 3, "child summary PDF")
    [event] = audit.recent_events(store)
    assert (event.kind, event.record_kind, event.record_id) == (AuditKind.EXPORT, "child", 3)
    assert preferences.get(store, preferences.USER_NAME, "me") == "me"
    preferences.put(store, preferences.USER_NAME, "Sam")
    preferences.put(store, preferences.USER_NAME, "Sam Demo")
    assert preferences.get(store, preferences.USER_NAME) == "Sam Demo"


def test_meeting_detail_gathers_every_part(store: Store) -> None:
    from relcom_desktop.core import models as m
    from relcom_desktop.core.enums import PanelOutcome

    child = a_child(store)
    mt = meetings.create_meeting(
        store, meetings.Meeting(title="Panel", starts_at=dt.datetime(2026, 1, 5, 10))
    )
    with store.write() as session:
        item = m.AgendaItem(meeting_id=mt.id, position=1, title="Ash: new placement")
        session.add_all(
            [
                m.MeetingAttendee(meeting_id=mt.id, name="Jo", role="IRO"),
                m.AgendaItem(meeting_id=mt.id, position=0, title="Welcome"),
                item,
            ]
        )
        session.flush()
        session.add(
            m.Decision(
                meeting_id=mt.id,
                agenda_item_id=item.id,
                text="Approve Oak House",
                panel_outcome=PanelOutcome.APPROVE,
                weekly_budget_pence=450_000,
            )
        )
        session.execute(m.meeting_child.insert().values(meeting_id=mt.id, child_id=child.id))
    actions.create_action(store, actions.Action(title="Send referral", meeting_id=mt.id))
    detail = meetings.get_meeting_detail(store, mt.id)
    assert [a.title for a in detail.agenda] == ["Welcome", "Ash: new placement"]
    assert detail.attendees[0].role == "IRO"
    assert detail.decisions[0].panel_outcome is PanelOutcome.APPROVE
    assert detail.decisions[0].agenda_item_id == detail.agenda[1].id
    assert [a.title for a in detail.actions] == ["Send referral"]
    assert detail.child_ids == (child.id,)
