"""Where backups go and how many are kept, chosen in Preferences and kept beside the data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from relcom_desktop.core import errors
from relcom_desktop.core.store import backup, backup_files
from relcom_desktop.core.store.db import Store


def test_without_a_plan_backups_go_beside_the_data_and_7_4_12_are_kept(store: Store) -> None:
    plan = backup_files.backup_plan(store.data_dir)
    assert plan == backup_files.BackupPlan(None, 7, 4, 12)
    assert backup_files.backups_dir(store.data_dir) == store.data_dir / "backups"


def test_a_chosen_folder_gets_new_backups_and_both_folders_are_listed(
    store: Store, tmp_path: Path
) -> None:
    old = backup.make_backup(store, now=dt.datetime(2026, 1, 1, 9, 0))
    elsewhere = tmp_path / "shared drive" / "relcom"
    backup_files.save_backup_plan(store.data_dir, backup_files.BackupPlan(elsewhere))
    assert backup_files.backup_plan(store.data_dir).folder == elsewhere
    new = backup.make_backup(store, now=dt.datetime(2026, 1, 2, 9, 0))
    assert new.path.parent == elsewhere
    assert backup_files.list_backups(store.data_dir) == [
        new,
        old,
    ]  # older ones can still be restored


def test_fewer_kept_backups_are_thinned_out_on_the_next_backup(store: Store) -> None:
    backup_files.save_backup_plan(store.data_dir, backup_files.BackupPlan(None, 2, 0, 0))
    for day in range(1, 6):
        backup.make_backup(store, now=dt.datetime(2026, 3, day, 9, 0))
    kept = [b.taken_at.day for b in backup_files.list_backups(store.data_dir)]
    assert kept == [5, 4]


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (backup_files.BackupPlan(None, 0, 4, 12), "Keep between 1 and 60 daily backups"),
        (backup_files.BackupPlan(None, 7, 99, 12), "Keep between 0 and 52 weekly backups"),
        (backup_files.BackupPlan(Path("relative/folder")), "full path"),
    ],
)
def test_a_plan_that_cannot_work_is_refused_and_nothing_changes(
    store: Store, plan: backup_files.BackupPlan, message: str
) -> None:
    with pytest.raises(errors.ValidationError, match=message):
        backup_files.save_backup_plan(store.data_dir, plan)
    assert backup_files.backup_plan(store.data_dir) == backup_files.BackupPlan()


def test_a_folder_that_cannot_be_written_is_refused(store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(errors.ValidationError, match="cannot write backups"):
        backup_files.save_backup_plan(store.data_dir, backup_files.BackupPlan(blocker / "backups"))


def test_a_damaged_plan_file_falls_back_to_the_defaults(store: Store) -> None:
    (store.data_dir / backup_files.PLAN_FILE).write_text("{not json", encoding="utf-8")
    assert backup_files.backup_plan(store.data_dir) == backup_files.BackupPlan()
    (store.data_dir / backup_files.PLAN_FILE).write_text('{"keep_daily": -3}', encoding="utf-8")
    assert backup_files.backup_plan(store.data_dir) == backup_files.BackupPlan()
