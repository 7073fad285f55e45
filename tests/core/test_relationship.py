"""Which providers need attention, and why."""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core import clock, journal, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import JournalKind, OfstedJudgement, TrustLevel
from relcom_desktop.core.quarters import Quarter, quarters_between
from relcom_desktop.core.relationship import (
    FlagReason,
    providers_needing_attention,
    relationship_health,
)
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

TODAY = dt.date(2026, 11, 25)


def _entry(store: Store, provider_id: int, days_ago: int, kind: JournalKind) -> None:
    journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=provider_id,
            occurred_on=TODAY - dt.timedelta(days=days_ago),
            kind=kind,
            summary=f"{kind.label} {days_ago} days ago",
        ),
    )


def test_flags_in_order_of_urgency(store: Store) -> None:
    worried = a_provider(store, "Worried Ltd")
    quiet = a_provider(store, "Quiet Ltd")
    fine = a_provider(store, "Fine Ltd")
    bad_home = a_setting(store, worried.id, "Oak", judgement=OfstedJudgement.INADEQUATE)
    quiet_home = a_setting(store, quiet.id, "Elm")
    fine_home = a_setting(store, fine.id, "Ash")
    for days in (30, 20, 10):
        _entry(store, worried.id, days, JournalKind.CONCERN)
    _entry(store, worried.id, 40, JournalKind.PRAISE)
    _entry(store, quiet.id, 200, JournalKind.VISIT)
    _entry(store, fine.id, 5, JournalKind.CONCERN)
    _entry(store, fine.id, 3, JournalKind.PRAISE)
    for home in (quiet_home, fine_home):
        a_placement(store, a_child(store).id, home.id, TODAY - dt.timedelta(days=300))
    with store.write() as session:
        session.add(
            m.Reg40Notification(setting_id=bad_home.id, received_on=TODAY, event_kind="Missing")
        )

    flags = providers_needing_attention(store, TODAY, no_contact_days=90, concern_run=3)
    got = [(f.provider_name, f.reason) for f in flags]
    assert got == [
        ("Worried Ltd", FlagReason.REG40),
        ("Worried Ltd", FlagReason.INADEQUATE),
        ("Worried Ltd", FlagReason.CONCERNS),
        ("Quiet Ltd", FlagReason.NO_CONTACT),
    ]
    assert flags[0].setting_name == "Oak" and "Missing" in flags[0].detail
    assert flags[3].detail == "No contact for 200 days"


def test_reviewed_reg40_and_empty_providers_are_not_flagged(store: Store) -> None:
    p = a_provider(store)
    home = a_setting(store, p.id)
    with store.write() as session:
        session.add(m.Reg40Notification(setting_id=home.id, received_on=TODAY, reviewed=True))
    assert providers_needing_attention(store, TODAY) == []


def _rated(store: Store, provider_id: int, day: dt.date, kind: JournalKind, trust: int | None):
    return journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=provider_id,
            occurred_on=day,
            kind=kind,
            summary=f"{kind.label} on {day}",
            trust=TrustLevel(trust) if trust else None,
            follow_up_on=day + dt.timedelta(days=400) if kind is JournalKind.CONCERN else None,
        ),
    )


def test_quarters() -> None:
    q = Quarter.of(dt.date(2026, 11, 25))
    assert (q.year, q.number, q.label, q.start) == (2026, 4, "Oct–Dec 2026", dt.date(2026, 10, 1))
    assert q.following() == Quarter(2027, 1) and q.back(4) == Quarter(2025, 4)
    assert Quarter(2026, 1).back(1) == Quarter(2025, 4)
    assert quarters_between(Quarter(2025, 4), Quarter(2026, 2)) == [
        Quarter(2025, 4),
        Quarter(2026, 1),
        Quarter(2026, 2),
    ]


def test_relationship_health_trust_tallies_contact_and_follow_ups(store: Store) -> None:
    p = a_provider(store)
    other = a_provider(store, "Other Ltd")
    today = clock.today()
    now = Quarter.of(today)
    last_q = now.back(1).start
    _rated(store, p.id, last_q, JournalKind.CONCERN, 2)
    _rated(store, p.id, last_q + dt.timedelta(days=3), JournalKind.PRAISE, 4)
    _rated(store, p.id, last_q + dt.timedelta(days=4), JournalKind.ESCALATION, None)
    _rated(store, p.id, now.start, JournalKind.PRAISE, 5)
    _rated(store, p.id, now.back(20).start, JournalKind.CONCERN, 1)  # five years back
    _rated(store, other.id, today, JournalKind.CONCERN, 1)

    health = relationship_health(store, p.id, today, quarters=4)
    assert health.first_quarter == now.back(3)
    assert [pt.level for pt in health.trust] == [2, 4, 5]
    assert health.latest_trust is TrustLevel.STRONG
    means = [(q.quarter, q.mean, q.entries) for q in health.trust_by_quarter]
    assert means == [
        (now.back(3), None, 0),
        (now.back(2), None, 0),
        (now.back(1), 3.0, 2),
        (now, 5.0, 1),
    ]
    tallies = [(t.concerns, t.praise) for t in health.concerns_and_praise]
    assert tallies == [(0, 0), (0, 0), (2, 1), (0, 1)]
    assert health.last_contact == now.start
    assert health.days_since_contact == (today - now.start).days
    assert len(health.open_follow_ups) == 2  # both concerns asked for a follow-up
    assert {a.title for a in health.open_follow_ups} == {
        f"Follow up: Concern on {last_q}",
        f"Follow up: Concern on {now.back(20).start}",
    }
    everything = relationship_health(store, p.id, today, quarters=None)
    assert everything.first_quarter == now.back(20) and len(everything.trust) == 4
    assert len(everything.concerns_and_praise) == 21


def test_a_provider_with_no_journal_has_an_empty_but_sound_health(store: Store) -> None:
    p = a_provider(store)
    health = relationship_health(store, p.id, TODAY)
    assert health.last_contact is None and health.days_since_contact is None
    assert health.latest_trust is None and health.trust == []
    assert len(health.trust_by_quarter) == 8
    assert all(t.concerns == t.praise == 0 for t in health.concerns_and_praise)


def test_flag_thresholds_come_from_preferences(store: Store) -> None:
    p = a_provider(store, "Quiet Ltd")
    home = a_setting(store, p.id, "Elm")
    a_placement(store, a_child(store).id, home.id, TODAY - dt.timedelta(days=300))
    _entry(store, p.id, 40, JournalKind.VISIT)
    assert providers_needing_attention(store, TODAY) == []  # default: 90 days
    preferences.put(store, preferences.PROVIDER_NO_CONTACT_DAYS, 30)
    [flag] = providers_needing_attention(store, TODAY)
    assert flag.reason is FlagReason.NO_CONTACT and flag.detail == "No contact for 40 days"
    for days in (3, 2):
        _entry(store, p.id, days, JournalKind.CONCERN)
    preferences.put(store, preferences.PROVIDER_CONCERN_RUN, 2)
    assert [f.reason for f in providers_needing_attention(store, TODAY)] == [FlagReason.CONCERNS]


def test_a_deleted_latest_entry_does_not_hide_a_run_of_concerns(store: Store) -> None:
    p = a_provider(store, "Worried Ltd")
    for days in (30, 20, 10):
        _entry(store, p.id, days, JournalKind.CONCERN)
    praise = journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=p.id, occurred_on=TODAY, kind=JournalKind.PRAISE, summary="Thanks"
        ),
    )
    assert providers_needing_attention(store, TODAY, concern_run=3) == []
    journal.delete_entry(store, praise.id)
    [flag] = providers_needing_attention(store, TODAY, concern_run=3)
    assert flag.reason is FlagReason.CONCERNS
    assert flag.since == TODAY - dt.timedelta(days=30)
