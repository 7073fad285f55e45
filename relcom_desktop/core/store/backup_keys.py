"""Backups follow the data file's key: encrypting the data file encrypts every backup, and a
passphrase change re-keys them, so no backup stays readable and every one restores with the
passphrase in use.

Each backup (and each copy kept aside before a restore) is handled on its own, like the data
file: a keyed copy is written beside it (``.NAME.partial``), checked row by row, and only
then renamed over it. A failure leaves that backup as it was and is reported; a half-made
copy left by a killed run is removed when backups are next thinned out.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from relcom_desktop.core import errors
from relcom_desktop.core.store import backup_files
from relcom_desktop.core.store.copies import row_counts, verify_copy
from relcom_desktop.core.store.db import (
    FileState,
    classify_sqlite_error,
    file_state,
    raw_connect,
    sqlite,
)
from relcom_desktop.core.store.files import fsync_dir, make_private, partial_path, remove_quietly

Progress = Callable[[int, int, str], None]
COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class BackupKeys:
    """What happened to the backups when the data file was encrypted or re-keyed."""

    rekeyed: tuple[Path, ...] = ()  # now keyed with the new passphrase
    other_key: tuple[Path, ...] = ()  # keyed with an older passphrase: left as they were
    failed: tuple[Path, ...] = ()  # could not be re-written (damaged, unreadable): unchanged

    @property
    def exposed(self) -> tuple[Path, ...]:
        """Failed ones anyone could read (not encrypted): worth deleting."""
        return tuple(p for p in self.failed if file_state(p) is not FileState.ENCRYPTED)

    @property
    def summary(self) -> str:
        """A plain sentence for the user, e.g. '3 backups were encrypted too.'"""
        parts = []
        if self.rekeyed:
            verb = "uses" if len(self.rekeyed) == 1 else "use"
            parts.append(f"{_count(self.rekeyed)} now {verb} the data file's passphrase too.")
        if self.other_key:
            parts.append(
                f"{_count(self.other_key)} made with an older passphrase kept it; "
                "restoring one asks for it."
            )
        if self.failed:
            parts.append(f"{_count(self.failed)} could not be re-written: {_names(self.failed)}.")
        return " ".join(parts)


def plain_backups(data_dir: Path) -> list[Path]:
    """Backups and set-aside copies anyone can read (not encrypted)."""
    return [
        b.path for b in backup_files.list_backups(data_dir) if file_state(b.path) is FileState.PLAIN
    ]


def rekey_backups(
    data_dir: Path, old: str | None, new: str, progress: Progress | None = None
) -> BackupKeys:
    """Key every backup with ``new``: plain ones are encrypted, ones keyed with ``old`` are
    re-keyed, ones keyed otherwise are left alone. Each file is replaced only once its keyed
    copy has checked out."""
    items = [b.path for b in backup_files.list_backups(data_dir)]
    done: list[Path] = []
    other: list[Path] = []
    failed: list[Path] = []
    for number, path in enumerate(items):
        if progress is not None:
            progress(number, len(items), "Re-writing the backups")
        state = file_state(path)
        key = None if state is FileState.PLAIN else old
        if state is FileState.ENCRYPTED and not old:
            other.append(path)
            continue
        try:
            rekey_file(path, key, new)
        except errors.WrongPassphrase:
            other.append(path)
        except (errors.StoreError, OSError):
            failed.append(path)
        else:
            done.append(path)
    return BackupKeys(tuple(done), tuple(other), tuple(failed))


def rekey_file(path: Path, old: str | None, new: str) -> None:
    """Replace the closed file ``path`` (keyed with ``old``, or plain) by a verified copy keyed
    with ``new``; on any failure ``path`` is left as it was."""
    copy = partial_path(path)
    remove_quietly(copy)
    try:
        counts = _export(path, old, copy, new)
        make_private(copy)
        verify_copy(copy, new, counts)
        os.replace(copy, path)
        fsync_dir(path.parent)
    finally:
        remove_quietly(copy)
    for suffix in COMPANIONS:
        remove_quietly(f"{path}{suffix}")  # folded in by the export; they held the old pages


def remove_backups(paths: Iterable[Path]) -> int:
    """Delete backups (with their companion files) the user chose to be rid of."""
    removed = 0
    folders: set[Path] = set()
    for path in paths:
        for suffix in COMPANIONS:
            remove_quietly(f"{path}{suffix}")
        if path.exists():
            remove_quietly(path)
            removed += 1
            folders.add(path.parent)
    for folder in folders:
        fsync_dir(folder)
    return removed


def _export(source: Path, old: str | None, copy: Path, new: str) -> dict[str, int]:
    """Write ``source`` to ``copy`` keyed with ``new``; the row counts it holds."""
    try:
        # A rollback journal: any write-ahead log a set-aside copy has is folded in first.
        conn = raw_connect(source, old, wal=False)
        try:
            counts = row_counts(conn)
            conn.execute("ATTACH DATABASE ? AS rewritten KEY ?", (str(copy), new))
            conn.execute("SELECT sqlcipher_export('rewritten')")
            conn.execute("DETACH DATABASE rewritten")
        finally:
            conn.close()
    except sqlite.Error as exc:
        raise classify_sqlite_error(exc, source, keyed=bool(old)) from None
    with copy.open("rb+") as fh:
        os.fsync(fh.fileno())
    return counts


def _count(paths: tuple[Path, ...]) -> str:
    return "1 backup" if len(paths) == 1 else f"{len(paths)} backups"


def _names(paths: tuple[Path, ...]) -> str:
    shown = ", ".join(p.name for p in paths[:3])
    return shown + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
