"""Backups: consistent, verified, rotated; restore keeps the current file aside first."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relcom_desktop.core import errors
from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store import audit, backup, backup_files, copies, encryption
from relcom_desktop.core.store.db import Store, open_store
from tests.core.factories import a_caseload_with_a_backup, a_child, damage

SECRET = "lantern otter quiver maple"


def test_backup_is_verified_named_by_time_and_audited(store: Store) -> None:
    a_child(store, "Robin")
    made = backup.make_backup(store, now=dt.datetime(2026, 11, 24, 18, 30, 1))
    assert made.path.name == "relcom-backup-20261124-183001.sqlite3"
    assert made.path.parent == store.path.parent / "backups"
    assert made.label == "24 Nov 2026 at 18:30"
    copies.verify_backup(made.path, None)
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM child").fetchone()[0] == 1
    events = audit.recent_events(store)
    assert [e.kind for e in events] == [AuditKind.BACKUP]
    assert "Robin" not in events[0].detail
    assert backup_files.list_backups(store.path.parent) == [made]
    assert not list(made.path.parent.glob("*.partial"))


def test_backup_reports_progress_and_can_be_cancelled(store: Store) -> None:
    seen: list[tuple[int, int]] = []
    backup.make_backup(store, progress=lambda d, t, _label: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(errors.RelcomError, match="cancelled"):
        backup.make_backup(store, cancelled=lambda: True, now=dt.datetime(2020, 1, 1))
    assert len(backup_files.list_backups(store.path.parent)) == 1
    assert not list((store.path.parent / "backups").glob(".*partial"))


def test_a_damaged_backup_is_refused(store: Store) -> None:
    for i in range(50):
        a_child(store, f"Child {i}", la_reference=f"R{i}")
    made = backup.make_backup(store)
    data = bytearray(made.path.read_bytes())
    data[8192:12288] = b"\x00\xff" * 2048
    made.path.write_bytes(bytes(data))
    with pytest.raises(errors.StoreError):
        copies.verify_backup(made.path, None)


def test_restore_keeps_the_current_file_aside(tmp_path: Path) -> None:
    store = open_store(tmp_path, SECRET)
    a_child(store, "Robin")
    made = backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 0))
    a_child(store, "Later")
    store.close()
    restored = backup.restore(tmp_path, made.path, SECRET)
    assert restored.aside is not None and restored.aside.name.startswith("relcom-before-restore")
    store = open_store(tmp_path, SECRET)
    assert count_children(store) == 1
    assert audit.recent_events(store)[0].detail == "from the backup of 24 Nov 2026 at 09:00"
    store.close()
    aside = open_store(restored.aside.parent, SECRET, filename=restored.aside.name)
    assert count_children(aside) == 2
    aside.close()


def test_restore_a_copy_made_before_the_passphrase_changed(tmp_path: Path) -> None:
    new = "copper meadow violin fog"
    store = open_store(tmp_path, SECRET)
    a_child(store, "Robin")
    made = backup.make_backup(store)
    elsewhere = shutil.copy(made.path, tmp_path / "kept-on-a-usb-stick.sqlite3")
    encryption.change_passphrase(store, SECRET, new, new)  # re-keys the backups folder only
    store.close()
    with pytest.raises(errors.WrongPassphrase):
        backup.restore(tmp_path, Path(elsewhere), new)
    backup.restore(tmp_path, Path(elsewhere), SECRET, new_passphrase=new)
    reopened = open_store(tmp_path, new)
    assert count_children(reopened) == 1
    reopened.close()


def test_restore_repairs_a_damaged_file(tmp_path: Path) -> None:
    made = a_caseload_with_a_backup(tmp_path)
    damage(tmp_path)
    with pytest.raises(errors.StoreError) as info:
        open_store(tmp_path)
    assert "restore" in str(info.value).lower()
    backup.restore(tmp_path, made.path, None)
    store = open_store(tmp_path)
    assert count_children(store) == 200
    store.close()


def test_restore_advice_names_the_latest_backup(store: Store) -> None:
    folder = store.path.parent
    assert "no backup" in backup_files.restore_advice(folder)
    backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 0))
    advice = backup_files.restore_advice(folder)
    assert "backup of 24 Nov 2026" in advice and "relcom restore" in advice


def test_rotation_keeps_daily_weekly_and_monthly(store: Store) -> None:
    start = dt.datetime(2026, 1, 1, 12, 0)
    for day in range(0, 397, 9):  # the last on day 396
        backup.make_backup(store, now=start + dt.timedelta(days=day))
    kept = backup_files.list_backups(store.path.parent)
    assert kept[0].taken_at == start + dt.timedelta(days=396)
    assert len(kept) <= 7 + 4 + 12
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(months) == 12


@settings(max_examples=300, deadline=None)
@given(st.lists(st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2030, 1, 1)), max_size=60))
def test_keep_set_properties(times: list[dt.datetime]) -> None:
    keep = backup.keep_set(times)
    assert keep <= set(times)
    if times:
        assert max(times) in keep
        days = sorted({t.date() for t in times}, reverse=True)[:7]
        for day in days:  # the newest of each of the last seven days is kept
            assert max(t for t in times if t.date() == day) in keep
    assert len(keep) <= 7 + 4 + 12


def test_half_made_backups_from_a_killed_run_are_cleared(store: Store) -> None:
    import os

    folder = store.path.parent / "backups"
    folder.mkdir()
    old = folder / ".relcom-backup-20200101-000000.sqlite3.partial"
    old.write_bytes(b"half")
    os.utime(old, (0, 0))
    backup.make_backup(store)
    assert not old.exists()
