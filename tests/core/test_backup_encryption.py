"""Backups follow the data file's key: encrypting encrypts them all, a passphrase change
re-keys them, and `check` flags any backup left readable beside an encrypted file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from relcom_desktop.cli import main
from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.store import backup, backup_files, encryption, health_check
from relcom_desktop.core.store.backup_keys import plain_backups, remove_backups
from relcom_desktop.core.store.datafile import SQLITE_MAGIC
from relcom_desktop.core.store.db import DB_FILENAME, FileState, file_state, open_store
from tests.core.factories import a_child

SECRET = "lantern otter quiver maple"
NEW_SECRET = "copper meadow violin fog"
OTHER_SECRET = "gravel tundra opal harbour"
NAME = "Zephyrine Quillfeather"


def _backups(store, days: int = 3) -> list[Path]:
    return [
        backup.make_backup(store, now=dt.datetime(2026, 11, 20 + day, 9, 30)).path
        for day in range(days)
    ]


def _plain_with_backups(folder: Path) -> None:
    """A plain data file with a child, three backups and a copy kept aside by a restore."""
    store = open_store(folder)
    a_child(store, "Zephyrine", full_name=NAME, about_me=f"{NAME} likes drawing.")
    made = _backups(store)
    store.close()
    backup.restore(folder, made[0], None)  # keeps the current file aside (plain)
    assert len(plain_backups(folder)) == 4


def _assert_nothing_readable(folder: Path, at_least: int = 5) -> None:
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) >= at_least
    for path in files:
        data = path.read_bytes()
        assert not data.startswith(SQLITE_MAGIC), f"{path.name} is plain SQLite"
        for needle in (NAME, "Zephyrine", "Quillfeather"):
            assert needle.encode() not in data, f"{needle} readable in {path.name}"
            assert needle.encode("utf-16-le") not in data, path.name


def test_encrypting_a_plain_file_encrypts_every_backup(tmp_path: Path) -> None:
    _plain_with_backups(tmp_path)
    store = open_store(tmp_path)
    done = encryption.encrypt_store(store, SECRET, SECRET)
    store.close()
    assert len(done.rekeyed) == 4 and not done.failed and "4 backups" in done.summary
    _assert_nothing_readable(tmp_path)
    assert not plain_backups(tmp_path)
    assert not list(tmp_path.rglob("*.partial"))
    every = backup_files.list_backups(tmp_path)
    assert all(backup.opens_with(b.path, SECRET) for b in every)
    backup.restore(tmp_path, every[-1].path, SECRET)  # a restore needs only the passphrase
    reopened = open_store(tmp_path, SECRET)
    assert count_children(reopened) == 1
    reopened.close()
    assert health_check.check(tmp_path, SECRET).healthy


def test_change_passphrase_re_keys_the_backups(tmp_path: Path) -> None:
    store = open_store(tmp_path, SECRET)
    a_child(store, "Robin")
    made = _backups(store)
    foreign = _foreign_backup(tmp_path)
    done = encryption.change_passphrase(store, SECRET, NEW_SECRET, NEW_SECRET)
    store.close()
    assert sorted(done.rekeyed) == sorted(made) and done.other_key == (foreign,)
    assert "older passphrase" in done.summary
    for path in made:
        assert backup.opens_with(path, NEW_SECRET) and not backup.opens_with(path, SECRET)
    assert backup.opens_with(foreign, OTHER_SECRET)  # left exactly as it was
    backup.restore(tmp_path, made[1], NEW_SECRET)
    reopened = open_store(tmp_path, NEW_SECRET)
    assert count_children(reopened) == 1
    reopened.close()


def _foreign_backup(folder: Path) -> Path:
    """A backup made under another passphrase (one the user changed away from long ago)."""
    other = open_store(folder / "other", OTHER_SECRET)
    made = backup.make_backup(other, now=dt.datetime(2026, 1, 5, 8, 0))
    other.close()
    target = folder / "backups" / made.path.name
    shutil.move(made.path, target)
    shutil.rmtree(folder / "other")
    return target


def test_a_backup_that_cannot_be_encrypted_is_reported_then_deleted(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    a_child(store, "Zephyrine", full_name=NAME)
    good = _backups(store, 1)[0]
    damaged = good.with_name("relcom-backup-20260101-120000.sqlite3")
    damaged.write_bytes(SQLITE_MAGIC + NAME.encode() + b"\0" * 4000)
    done = encryption.encrypt_store(store, SECRET, SECRET)
    assert done.failed == done.exposed == (damaged,) and damaged.name in done.summary
    assert file_state(store.path) is FileState.ENCRYPTED and count_children(store) == 1
    report = health_check.check_store(store)
    assert not report.healthy
    assert remove_backups(done.exposed) == 1 and not damaged.exists()
    assert health_check.check_store(store).healthy
    store.close()


def test_check_flags_an_unencrypted_backup_beside_an_encrypted_file(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    store = open_store(tmp_path, SECRET)
    a_child(store, "Robin")
    _backups(store, 1)
    store.close()
    plain = open_store(tmp_path / "old")
    a_child(plain, "Zephyrine", full_name=NAME)
    old = backup.make_backup(plain, now=dt.datetime(2026, 2, 1, 10, 0))
    plain.close()
    shutil.move(old.path, tmp_path / "backups" / old.path.name)
    shutil.rmtree(tmp_path / "old")
    report = health_check.check(tmp_path, SECRET)
    found = {f.title: f for f in report.findings}
    assert not report.healthy and found["Backups"].status is not health_check.Status.PROBLEM
    flagged = found["Backup encryption"]
    assert flagged.status is health_check.Status.PROBLEM and old.path.name in flagged.detail
    monkeypatch.setenv("RELCOM_PASSPHRASE", SECRET)
    assert main(["--data-dir", str(tmp_path), "check"]) == 2
    assert "1 backup is not encrypted" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "encrypt"]) == 0
    assert "already encrypted. 1 backup now uses" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "check"]) == 0
    assert "Every backup is encrypted" in capsys.readouterr().out
    _assert_nothing_readable(tmp_path)


def test_the_command_line_encrypts_the_backups_too(tmp_path: Path, monkeypatch, capsys) -> None:
    _plain_with_backups(tmp_path)
    monkeypatch.setenv("RELCOM_PASSPHRASE", SECRET)
    assert main(["--data-dir", str(tmp_path), "encrypt"]) == 0
    assert "now encrypted. 4 backups now use" in capsys.readouterr().out
    _assert_nothing_readable(tmp_path)
    damaged = tmp_path / "backups" / "relcom-backup-20260101-120000.sqlite3"
    damaged.write_bytes(SQLITE_MAGIC + b"\0" * 4000)
    assert main(["--data-dir", str(tmp_path), "encrypt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and damaged.name in err and "Delete them" in err


def test_a_killed_run_leaves_no_readable_half_copy(tmp_path: Path) -> None:
    """A half-made keyed copy of a backup is cleared with the other half-made files."""
    store = open_store(tmp_path, SECRET)
    made = _backups(store, 1)[0]
    leftover = made.with_name(f".{made.name}.partial")
    leftover.write_bytes(b"half")
    old = dt.datetime.now().timestamp() - backup.STALE_PARTIAL_S - 60
    os.utime(leftover, (old, old))
    backup.rotate(tmp_path)
    store.close()
    assert not leftover.exists() and (tmp_path / DB_FILENAME).exists()


def test_a_set_aside_copy_with_its_write_ahead_log_is_encrypted_whole(tmp_path: Path) -> None:
    """A file set aside from a crashed session keeps its -wal beside it; both are folded
    into one encrypted file, and the child written only to the log is still there."""
    crashed = open_store(tmp_path / "crashed")
    a_child(crashed, "Zephyrine", full_name=NAME)
    wal = crashed.path.with_name(f"{DB_FILENAME}-wal")
    assert wal.stat().st_size > 0
    (tmp_path / "backups").mkdir()
    aside = tmp_path / "backups" / "relcom-before-restore-20260301-101500.sqlite3"
    shutil.copy(crashed.path, aside)
    shutil.copy(wal, f"{aside}-wal")  # as the session left it, before any checkpoint
    crashed.close()
    shutil.rmtree(tmp_path / "crashed")
    store = open_store(tmp_path)
    encryption.encrypt_store(store, SECRET, SECRET)
    store.close()
    assert not Path(f"{aside}-wal").exists()
    _assert_nothing_readable(tmp_path, at_least=3)
    backup.restore(tmp_path, aside, SECRET)
    reopened = open_store(tmp_path, SECRET)
    assert count_children(reopened) == 1
    reopened.close()
