"""Subject access export, retention review and permanent deletion, and the health check."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from relcom_desktop.core import clock, errors, journal, retention
from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.children import set_archived
from relcom_desktop.core.enums import AuditKind, JournalKind
from relcom_desktop.core.store import audit, health_check
from relcom_desktop.core.store.db import Store
from relcom_desktop.reports import subject_access
from tests.core.factories import a_child, a_placement, a_provider, a_setting

D = dt.date


def _two_children_with_records(store: Store) -> tuple[int, int, int]:
    ash = a_child(store, "Ash", full_name="Ash Brackenfold")
    bo = a_child(store, "Bo", full_name="Bo Quillon")
    provider = a_provider(store)
    setting = a_setting(store, provider.id)
    a_placement(store, ash.id, setting.id, D(2024, 1, 1))
    a_placement(store, bo.id, setting.id, D(2024, 2, 1))
    entry = journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=provider.id,
            occurred_on=D(2024, 3, 1),
            kind=JournalKind.VISIT,
            summary="Visited Ash at home",
            child_ids=(ash.id,),
        ),
    )
    return ash.id, bo.id, entry.id


def test_subject_access_holds_the_child_and_nobody_else(store: Store, tmp_path: Path) -> None:
    ash, _bo, entry = _two_children_with_records(store)
    files = subject_access.export_child(store, ash, tmp_path)
    assert "Ash" not in files.json_path.name and "Ash" not in files.pdf_path.name
    data = json.loads(files.json_path.read_text(encoding="utf-8"))
    assert data["format"] == "relcom-desktop-subject-access"
    assert data["child"]["preferred_name"] == "Ash"
    assert [p["child_id"] for p in data["records"]["placement"]] == [ash]
    assert [e["id"] for e in data["records"]["journal_entry"]] == [entry]
    assert data["related"]["setting"][0]["name"] == "Willowbank House"
    assert "Bo Quillon" not in files.json_path.read_text(encoding="utf-8")
    text = "".join(page.extract_text() for page in PdfReader(files.pdf_path).pages)
    assert "Everything held about Ash Brackenfold" in text and "Visited Ash at home" in text
    assert "OFFICIAL-SENSITIVE" in text and "Bo Quillon" not in text
    event = audit.recent_events(store)[0]
    assert (event.kind, event.record_kind, event.record_id) == (AuditKind.EXPORT, "child", ash)
    assert "Ash" not in event.detail
    with pytest.raises(errors.NotFoundError):
        subject_access.export_child(store, 999, tmp_path)


def test_retention_manual_dates_list_children_past_them(store: Store) -> None:
    ash = a_child(store, "Ash").id
    bo = a_child(store, "Bo").id
    retention.set_keep_until(store, ash, D(2020, 1, 1))
    retention.set_keep_until(store, bo, D(2090, 1, 1))
    a_child(store, "Cy")
    found = retention.review(store, today=D(2026, 1, 1))
    assert [item.child_id for item in found.past] == [ash]
    assert found.past[0].basis == "Date set from the records schedule"
    assert found.without_date == 1


def test_retention_rules_work_a_date_out(store: Store) -> None:
    old = a_child(store, "Old", date_of_birth=D(2008, 2, 29)).id
    left = a_child(store, "Left").id
    set_archived(store, left, True)
    retention.set_policy(store, retention.RetentionRule.BIRTHDAY, 18)
    found = retention.review(store, today=D(2026, 3, 1))
    assert [(i.child_id, i.keep_until) for i in found.past] == [(old, D(2026, 2, 28))]
    retention.set_policy(store, retention.RetentionRule.AFTER_LEAVING, 1)
    later = clock.today() + dt.timedelta(days=800)
    assert [i.child_id for i in retention.review(store, today=later).past] == [left]
    with pytest.raises(errors.ValidationError):
        retention.set_policy(store, retention.RetentionRule.BIRTHDAY, 0)


def test_nothing_is_deleted_until_the_user_says_so(store: Store) -> None:
    ash, _bo, entry = _two_children_with_records(store)
    retention.set_keep_until(store, ash, D(2020, 1, 1))
    retention.review(store)
    assert count_children(store) == 2
    retention.delete_permanently(store, ash)
    assert count_children(store) == 1
    assert journal.get_entry(store, entry).child_ids == ()
    event = audit.recent_events(store)[0]
    assert (event.kind, event.record_id) == (AuditKind.HARD_DELETE, ash)
    with pytest.raises(errors.NotFoundError):
        retention.delete_permanently(store, ash)


def test_health_check_of_a_sound_file(store: Store) -> None:
    a_child(store, "Ash")
    report = health_check.check(store.path.parent)
    assert report.healthy
    titles = {f.title: f.status for f in report.findings}
    assert titles["Integrity"] is health_check.Status.OK
    assert titles["Encryption"] is health_check.Status.NOTE
    assert titles["Backups"] is health_check.Status.NOTE


def test_health_check_of_a_missing_file(tmp_path: Path) -> None:
    report = health_check.check(tmp_path)
    assert not report.healthy and "no data file" in report.findings[0].detail
