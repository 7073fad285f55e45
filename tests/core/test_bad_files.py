"""Each kind of bad file gets its own plain message with what to do, and is never modified."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from relcom_desktop.core import errors
from relcom_desktop.core.interop import rowcodec
from relcom_desktop.core.store import backup, health_check
from relcom_desktop.core.store.db import DB_FILENAME, explain_failure, open_store
from tests.core.factories import a_child

SECRET = "lantern otter quiver maple"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _filled(folder: Path, passphrase: str | None = None) -> Path:
    store = open_store(folder, passphrase)
    for i in range(200):
        a_child(store, f"Child {i}", la_reference=f"R{i}")
    backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 0))
    store.close()
    return folder / DB_FILENAME


def test_a_damaged_encrypted_file_is_found_and_explained(tmp_path: Path) -> None:
    path = _filled(tmp_path, SECRET)
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 5] = os.urandom(8192)
    path.write_bytes(bytes(data))
    before = _digest(path)
    report = health_check.check(tmp_path, SECRET)
    assert not report.healthy
    problem = next(f for f in report.findings if f.status is health_check.Status.PROBLEM)
    assert "backup of 24 Nov 2026" in problem.detail
    try:
        store = open_store(tmp_path, SECRET)
    except errors.StoreError as err:  # damage in the schema shows at once
        assert "damaged" in str(err)
    else:  # damage deeper in shows when that part is read: explained, not a traceback
        with pytest.raises(Exception) as info, store.read() as session:
            for table in rowcodec.tables():
                session.execute(text(f'SELECT * FROM "{table.name}"')).all()
        explained = explain_failure(info.value, store)
        store.close()
        assert isinstance(explained, errors.CorruptStore)
        assert "backup of 24 Nov 2026" in str(explained)
    assert _digest(path) == before


def test_damage_message_says_which_backup_and_how(tmp_path: Path) -> None:
    path = _filled(tmp_path)
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = b"\xde\xad" * 4096
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(errors.StoreError) as info:
        open_store(tmp_path)
    assert "Restore it from the backup of 24 Nov 2026" in str(info.value)
    assert "relcom restore relcom-backup-20261124-090000.sqlite3" in str(info.value)
    assert _digest(path) == before


def test_a_read_only_file_is_explained_and_untouched(tmp_path: Path, monkeypatch) -> None:
    path = _filled(tmp_path)
    before = _digest(path)
    real_access = os.access

    def no_writing(target, mode, *args, **kwargs):
        if Path(target) == path and mode & os.W_OK:
            return False
        return real_access(target, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", no_writing)
    with pytest.raises(errors.DataDirNotWritable) as info:
        open_store(tmp_path)
    assert "cannot read and write" in str(info.value)
    assert _digest(path) == before


def test_a_truncated_encrypted_file_is_not_a_traceback(tmp_path: Path) -> None:
    path = _filled(tmp_path, SECRET)
    path.write_bytes(path.read_bytes()[:4096])
    before = _digest(path)
    with pytest.raises(errors.StoreError):
        open_store(tmp_path, SECRET)
    assert _digest(path) == before
