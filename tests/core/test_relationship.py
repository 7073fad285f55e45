"""Which providers need attention, and why."""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core import journal
from relcom_desktop.core import models as m
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import JournalKind, OfstedJudgement
from relcom_desktop.core.relationship import FlagReason, providers_needing_attention
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
