"""Staging a restore: the backup copied (or re-keyed) beside the data file, the audit trail
carried over, a row for the restore added, the whole copy checked and only then named
``.relcom.sqlite3.partial`` — before anything is moved (``core/store/recovery.py`` moves it).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store import audit, recovery
from relcom_desktop.core.store.copies import export_keyed_copy, verify_backup, verify_copy
from relcom_desktop.core.store.db import FileState, file_state, raw_connect, sqlite
from relcom_desktop.core.store.files import crash_point, make_private, partial_path, remove_quietly


def stage(
    backup_path: Path, label: str, path: Path, backup_key: str | None, new_key: str | None
) -> None:
    """The backup, keyed as the data file will be, with the audit carried over, checked."""
    staged = recovery.staging_path(path)
    for extra in (staged, partial_path(path), *recovery.side_files(staged)):
        remove_quietly(extra)
    key = backup_key
    if new_key and new_key != backup_key:
        counts = export_keyed_copy(backup_path, backup_key, staged, new_key)
        verify_copy(staged, new_key, counts)
        key = new_key
    else:
        shutil.copyfile(backup_path, staged)
    key = None if file_state(staged) is FileState.PLAIN else key
    conn = raw_connect(staged, key, wal=False)
    try:
        with conn:
            carried = carry_audit(path, conn, (new_key, backup_key))
            detail = f"from the backup of {label}"
            if carried is None:  # a damaged or foreign file: its entries stay in it
                detail += "; later audit entries stay in the file kept aside"
            audit.record_raw(conn, AuditKind.RESTORE, "data file", detail)
    finally:
        conn.close()
    make_private(staged)  # the restored file is the owner's alone, like the data file
    with staged.open("rb+") as fh:
        os.fsync(fh.fileno())
    verify_backup(staged, key)
    os.replace(staged, partial_path(path))  # only a whole, checked copy has this name
    crash_point("restore:staged")


def carry_audit(path: Path, target: object, keys: tuple[str | None, ...]) -> int | None:
    """Copy the current file's audit rows the staged copy lacks; None if it cannot be read."""
    state = file_state(path)
    if state is FileState.MISSING:
        return 0
    candidates = [None] if state is FileState.PLAIN else [k for k in dict.fromkeys(keys) if k]
    for key in candidates:
        try:
            source = raw_connect(path, key)
            try:
                return audit.carry_over(source, target)
            finally:
                source.close()
        except sqlite.Error:
            continue
    return None
