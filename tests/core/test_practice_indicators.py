"""Indicators from the record, on fixed data whose answers are known by hand."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from relcom_desktop.core import models as m
from relcom_desktop.core.enums import (
    ActionStatus,
    JournalKind,
    MeetingKind,
    PracticeShift,
    TrustLevel,
)
from relcom_desktop.core.practice_indicators import (
    LABEL,
    Indicator,
    agreed_collectively,
    by_shift,
    practice_indicators,
)
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_provider

D = dt.date
FIRST, LAST = D(2025, 1, 1), D(2025, 12, 31)
IN, BEFORE = D(2025, 6, 1), D(2024, 12, 31)
GONE = dt.datetime(2025, 7, 1)
J, K, T, S = JournalKind, MeetingKind, TrustLevel, PracticeShift


def _journal(session, provider: int, child: int) -> None:
    entries = [  # kind, trust, names a child, date, deleted
        (J.PRAISE, T.STRONG, True, IN, None),
        (J.PRAISE, T.GROWING, False, LAST, None),
        (J.SUPPORT_OFFERED, T.STEADY, True, FIRST, None),
        (J.CONCERN, T.UNEASY, True, IN, None),
        (J.CONCERN, None, False, IN, None),
        (J.ESCALATION, T.STRAINED, False, IN, None),
        (J.VISIT, T.STRONG, False, IN, None),
        (J.VISIT, None, True, IN, None),
        (J.PRAISE, T.STRONG, True, BEFORE, None),  # before the period
        (J.PRAISE, T.STRONG, True, IN, GONE),  # in the Trash
    ]
    for kind, trust, named, on, deleted in entries:
        entry = m.JournalEntry(
            provider_id=provider, occurred_on=on, kind=kind, summary=kind.label, trust=trust,
            deleted_at=deleted,
        )  # fmt: skip
        session.add(entry)
        session.flush()
        if named:
            session.execute(
                m.journal_entry_child.insert(), {"entry_id": entry.id, "child_id": child}
            )


def _meeting(session, kind: MeetingKind, on: dt.date, *, deleted=None) -> m.Meeting:
    meeting = m.Meeting(
        title=kind.label, kind=kind, starts_at=dt.datetime.combine(on, dt.time(10)),
        deleted_at=deleted,
    )  # fmt: skip
    session.add(meeting)
    session.flush()
    return meeting


def _attend(session, meeting_id: int, name: str, organisation: str, attended: bool) -> None:
    session.add(
        m.MeetingAttendee(
            meeting_id=meeting_id, name=name, organisation=organisation, attended=attended
        )
    )


def _meetings(session, providers: list[int]) -> None:
    strategic = _meeting(session, K.STRATEGIC, IN)
    for name, organisation, attended in [
        ("Sam", "Demoshire Council", True),
        ("Alex", " demoshire council ", True),  # the same organisation, spelt loosely
        ("Jo", "Willow Ltd", True),
        ("Kim", "Demoshire NHS Trust", True),
    ]:
        _attend(session, strategic.id, name, organisation, attended)
    provider_meeting = _meeting(session, K.PROVIDER, LAST)
    for name, organisation, attended in [
        ("Sam", "Demoshire Council", True),
        ("Jo", "Willow Ltd", True),
        ("Kim", "Demoshire NHS Trust", False),  # sent apologies: two organisations came
        ("Lee", "", True),
    ]:
        _attend(session, provider_meeting.id, name, organisation, attended)
    session.execute(
        m.meeting_provider.insert(),
        {"meeting_id": provider_meeting.id, "provider_id": providers[0]},
    )
    two_providers = _meeting(session, K.OTHER, FIRST)
    for provider in providers:
        session.execute(
            m.meeting_provider.insert(), {"meeting_id": two_providers.id, "provider_id": provider}
        )
    _meeting(session, K.STRATEGIC, BEFORE)
    _meeting(session, K.STRATEGIC, IN, deleted=GONE)
    for agreed_by in [
        "Sam, Alex and the IRO",
        "All present.",
        "Sam",
        "",
        "Hall",  # a name containing "all" is one person
        "The panel",
        "Sam and Jo",
    ]:
        session.add(m.Decision(meeting_id=strategic.id, text="Agreed", agreed_by=agreed_by))
    old = session.scalar(select(m.Meeting.id).where(m.Meeting.starts_at < dt.datetime(2025, 1, 1)))
    session.add(m.Decision(meeting_id=old, text="Earlier", agreed_by="Everyone"))


def _actions(session) -> None:
    for status, due, done, deleted in [
        (ActionStatus.DONE, IN, IN, None),  # on time
        (ActionStatus.DONE, IN, D(2025, 6, 2), None),  # late
        (ActionStatus.OPEN, IN, None, None),
        (ActionStatus.CANCELLED, IN, None, None),  # not counted
        (ActionStatus.DONE, BEFORE, BEFORE, None),  # before the period
        (ActionStatus.DONE, IN, IN, GONE),  # in the Trash
        (ActionStatus.OPEN, None, None, None),  # no due date
    ]:
        action = m.Action(title="Do it", status=status, due_on=due, done_on=done)
        action.deleted_at = deleted
        session.add(action)


@pytest.fixture
def indicators(store: Store) -> dict[str, Indicator]:
    child = a_child(store, "Ash").id
    providers = [a_provider(store, "One Ltd").id, a_provider(store, "Two Ltd").id]
    with store.write() as session:
        _journal(session, providers[0], child)
        _meetings(session, providers)
        _actions(session)
        for view, on in [("I like my room", IN), ("  ", IN), ("Happy", BEFORE)]:
            session.add(m.CheckIn(child_id=child, held_on=on, child_view=view))
    return {i.title: i for i in practice_indicators(store, FIRST, LAST)}


def _figures(found: dict[str, Indicator], title: str) -> tuple[int, int]:
    return found[title].numerator, found[title].denominator


def test_journal_indicators(indicators: dict[str, Indicator]) -> None:
    assert _figures(indicators, "Praise and support offered, against concerns and escalations") == (
        3,
        6,
    )
    assert _figures(indicators, "Support offered, rather than escalation") == (1, 2)
    assert _figures(indicators, "Journal entries that name a child") == (4, 8)
    assert _figures(indicators, "Journal entries where trust felt growing or strong") == (3, 6)
    assert _figures(indicators, "Check-ins that record the child's own view") == (1, 2)


def test_meeting_decision_and_action_indicators(indicators: dict[str, Indicator]) -> None:
    assert _figures(indicators, "Meetings attended by three or more organisations") == (1, 3)
    assert _figures(indicators, "Meetings about the wider system") == (2, 3)
    assert _figures(indicators, "Strategic and sufficiency meetings") == (1, 3)
    assert _figures(indicators, "Decisions recorded as agreed collectively") == (4, 7)
    assert _figures(indicators, "Agreed actions done by their due date") == (1, 3)


def test_indicators_are_worded_as_shares_and_sit_beside_their_shift(
    indicators: dict[str, Indicator],
) -> None:
    enabler = indicators["Support offered, rather than escalation"]
    assert enabler.shift is S.ENABLER
    assert enabler.figures == "50% (1 of 2 support offers and escalations)"
    assert LABEL.endswith("not scores")
    grouped = by_shift(list(indicators.values()))
    assert list(grouped) == list(PracticeShift)
    assert all(grouped[shift] for shift in PracticeShift)  # every shift has a suggestion
    assert [i.title for i in grouped[S.CONVENOR]] == [
        "Meetings attended by three or more organisations",
        "Decisions recorded as agreed collectively",
    ]


def test_an_empty_period_says_so_rather_than_dividing_by_zero(store: Store) -> None:
    found = practice_indicators(store, FIRST, LAST)
    assert all(i.denominator == 0 and i.share is None for i in found)
    assert found[0].figures == "No journal entries in the period"


@pytest.mark.parametrize(
    ("agreed_by", "collective"),
    [
        ("Sam; Jo", True),
        ("Sam & Jo", True),
        ("Everyone at the table", True),
        ("agreed jointly", True),
        ("ALL", True),
        ("Sandra", False),
        ("Allison", False),
        ("Dr Ball", False),
        ("   ", False),
    ],
)
def test_what_counts_as_agreed_collectively(store: Store, agreed_by: str, collective: bool) -> None:
    with store.read() as session:
        assert bool(session.scalar(select(agreed_collectively(agreed_by)))) is collective
