"""A restore never erases the audit trail: rows written since the backup come along."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop import transfer
from relcom_desktop.core.store import audit, backup
from relcom_desktop.core.store.db import open_store
from tests.core.factories import a_caseload_with_a_backup, a_child, damage

SECRET = "lantern otter quiver maple"
OTHER = "copper meadow violin fog"


def _kinds(folder: Path, passphrase: str | None = None) -> list[AuditKind]:
    store = open_store(folder, passphrase)
    try:
        return [e.kind for e in audit.list_events(store, limit=None)]
    finally:
        store.close()


def test_backup_export_restore_keeps_the_export_audited(tmp_path: Path) -> None:
    store = open_store(tmp_path, SECRET)
    a_child(store, "Robin")
    made = backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 0))
    transfer.export_json(store, tmp_path / "everything.json")
    store.close()
    backup.restore(tmp_path, made.path, SECRET)
    kinds = _kinds(tmp_path, SECRET)
    assert kinds[0] is AuditKind.RESTORE  # newest first
    assert kinds.count(AuditKind.EXPORT) == 1
    assert kinds.count(AuditKind.BACKUP) == 1


def test_restoring_in_the_app_twice_keeps_one_copy_of_each_entry(tmp_path: Path) -> None:
    store = open_store(tmp_path, SECRET)
    made = backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 0))
    transfer.export_json(store, tmp_path / "one.json")
    backup.restore_open_store(store, made.path, SECRET, SECRET)
    transfer.export_json(store, tmp_path / "two.json")
    backup.restore_open_store(store, made.path, SECRET, SECRET)
    kinds = [e.kind for e in audit.list_events(store, limit=None)]
    store.close()
    assert kinds.count(AuditKind.EXPORT) == 2
    assert kinds.count(AuditKind.RESTORE) == 2
    assert kinds.count(AuditKind.BACKUP) == 1


def test_a_backup_from_before_a_passphrase_change_keeps_the_newer_entries(tmp_path: Path) -> None:
    from relcom_desktop.core.store import encryption

    store = open_store(tmp_path, SECRET)
    made = backup.make_backup(store)
    kept = tmp_path / "kept-elsewhere.sqlite3"  # backups in the folder are re-keyed with the file
    shutil.copyfile(made.path, kept)
    encryption.change_passphrase(store, SECRET, OTHER, OTHER)
    transfer.export_json(store, tmp_path / "all.json")
    store.close()
    backup.restore(tmp_path, kept, SECRET, new_passphrase=OTHER)
    kinds = _kinds(tmp_path, OTHER)
    assert AuditKind.PASSPHRASE_CHANGE in kinds and AuditKind.EXPORT in kinds


def test_a_damaged_file_is_still_restored_and_its_entries_stay_aside(tmp_path: Path) -> None:
    made = a_caseload_with_a_backup(tmp_path)
    damage(tmp_path, first=0)  # the header too: the file cannot be read at all
    restored = backup.restore(tmp_path, made.path, None)
    assert restored.aside is not None and restored.aside.exists()
    store = open_store(tmp_path)
    latest = audit.list_events(store, limit=1)[0]
    store.close()
    assert latest.kind is AuditKind.RESTORE
    assert "kept aside" in latest.detail
