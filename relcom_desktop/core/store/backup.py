"""Backups: consistent, verified, rotated copies next to the data; restore from any of them.

A backup is made with SQLite's online backup API (so it is consistent even while the app is
open), stays encrypted with the data file's passphrase, is written under a temporary name,
checked by opening it and running ``PRAGMA integrity_check``, and only then given its final
name ``backups/relcom-backup-YYYYMMDD-HHMMSS.sqlite3``. Old backups are thinned out to the
newest of each of the last 7 days, 4 weeks and 12 months. Restoring keeps the current file
aside first (``relcom-before-restore-...``), and those copies are never thinned out.

The folder and how many to keep can be changed (:class:`BackupPlan`); the plan is kept in a
small file beside the data file, not inside it, so that a damaged data file can still be
restored from backups kept elsewhere.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from relcom_desktop.core import errors
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store import audit, recovery
from relcom_desktop.core.store.backup_files import (
    ASIDE_PREFIX,
    BACKUP_FOLDER,
    BACKUP_PREFIX,
    STAMP,
    Backup,
    BackupPlan,
    _parse,
    backup_plan,
    backups_dir,
    list_backups,
)
from relcom_desktop.core.store.copies import verify_backup
from relcom_desktop.core.store.db import (
    DB_FILENAME,
    Store,
    classify_sqlite_error,
    sqlite,
)
from relcom_desktop.core.store.files import (
    PARTIAL_SUFFIX,
    TEMP_SUFFIX,
    atomic_path,
    crash_point,
    remove_quietly,
    writer_gone,
)
from relcom_desktop.core.store.permissions import private_folder

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
PAGES_PER_STEP = 2048
STALE_PARTIAL_S = 3600  # a half-made backup this old belongs to a run that was killed


def _new_name(folder: Path, prefix: str, now: dt.datetime) -> Path:
    base = f"{prefix}{now:{STAMP}}"
    path, n = folder / f"{base}.sqlite3", 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}.sqlite3"
    return path


def make_backup(
    store: Store,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    now: dt.datetime | None = None,
) -> Backup:
    """Copy the open data file into its backups folder, verify the copy, then rotate."""
    folder = backups_dir(store.data_dir)
    try:
        private_folder(folder)
    except OSError as exc:
        raise errors.DataDirNotWritable(
            f"RelCom Desktop cannot make the backups folder {folder} ({exc.strerror})."
        ) from None
    target = _new_name(folder, BACKUP_PREFIX, now or dt.datetime.now())
    with atomic_path(target) as temp:
        _copy_with_backup_api(store, temp, progress, cancelled)
        crash_point("backup:copied")
        verify_backup(temp, store)
    rotate(store.data_dir)
    backup = _parse(target)
    assert backup is not None
    audit.record(
        store, AuditKind.BACKUP, "data file", detail=f"{backup.size / 1e6:.1f} MB, checked"
    )
    return backup


def _copy_with_backup_api(
    store: Store, temp: Path, progress: Progress | None, cancelled: Cancelled | None
) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise errors.RelcomError("The backup was cancelled; no backup was made.")
        if progress is not None:
            progress(total - remaining, total, "Copying the data file")

    dest = store.connect_copy(temp)
    try:
        with store.raw() as source:
            source.backup(dest, pages=PAGES_PER_STEP, progress=step)
        dest.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    except sqlite.Error as exc:
        raise classify_sqlite_error(exc, temp, keyed=store.encrypted) from None
    finally:
        dest.close()


def keep_set(times: Iterable[dt.datetime], plan: BackupPlan | None = None) -> set[dt.datetime]:
    """Which backup times to keep: the newest, and the newest of each recent day/week/month."""
    plan = plan or BackupPlan()
    ordered = sorted(set(times), reverse=True)
    keep = set(ordered[:1])
    rules: list[tuple[int, Callable[[dt.datetime], object]]] = [
        (plan.keep_daily, lambda t: t.date()),
        (plan.keep_weekly, lambda t: t.isocalendar()[:2]),
        (plan.keep_monthly, lambda t: (t.year, t.month)),
    ]
    for count, bucket in rules:
        if not count:
            continue
        seen: list[object] = []
        for t in ordered:
            key = bucket(t)
            if key not in seen:
                if len(seen) == count:
                    break
                seen.append(key)
                keep.add(t)
    return keep


def rotate(data_dir: Path) -> list[Path]:
    """Remove backups that :func:`keep_set` does not keep (never the before-restore copies),
    and half-made backups left by a run that was killed."""
    stale = dt.datetime.now().timestamp() - STALE_PARTIAL_S
    folder = backups_dir(data_dir)
    for partial in unfinished_backups(data_dir):
        with contextlib.suppress(OSError):
            if writer_gone(partial) or partial.stat().st_mtime < stale:
                partial.unlink()
    backups = [b for b in list_backups(data_dir, include_aside=False) if b.path.parent == folder]
    keep = keep_set((b.taken_at for b in backups), backup_plan(data_dir))
    removed = [b.path for b in backups if b.taken_at not in keep]
    for path in removed:
        remove_quietly(path)
    return removed


def unfinished_backups(data_dir: Path) -> list[Path]:
    """Half-made backups (``.*.part``, ``.*.partial`` and their journals) in the backup
    folders: a backup being written now, or one that was stopped part-way."""
    folders = {backups_dir(data_dir), Path(data_dir) / BACKUP_FOLDER}
    endings = (TEMP_SUFFIX, PARTIAL_SUFFIX, f"{TEMP_SUFFIX}-journal", f"{PARTIAL_SUFFIX}-journal")
    return sorted(
        p
        for folder in folders
        if folder.is_dir()
        for p in folder.iterdir()
        if p.name.startswith(".") and p.name.endswith(endings)
    )


@dataclass(frozen=True)
class Restored:
    backup: Backup
    aside: Path | None  # where the file that was replaced now lives


def restore(
    data_dir: Path,
    backup_path: Path,
    backup_passphrase: str | None,
    new_passphrase: str | None = None,
) -> Restored:
    """Put a backup in place of the data file, keeping the current file aside first.

    The data file must not be open (the caller closes it); this takes the instance lock.
    ``backup_passphrase`` opens the backup; with ``new_passphrase`` the restored file is
    re-keyed to it (a backup made before the passphrase was last changed). The audit rows
    the current file has and the backup lacks are carried into the restored file, with a
    row for the restore itself; the staged copy is renamed over the current file only after
    the current one is linked (or copied) aside, so there is always a data file
    (``core/store/recovery.py`` finishes a restore that was stopped).
    """
    from relcom_desktop.core.store import instance_lock, restore_stage

    backup = _parse(backup_path) or Backup(
        backup_path, dt.datetime.now(), backup_path.stat().st_size, False
    )
    verify_backup(backup_path, backup_passphrase)
    path = Path(data_dir) / DB_FILENAME
    lock = instance_lock.acquire(path)
    try:
        recovery.recover_locked(path)  # finish anything stopped earlier first
        restore_stage.stage(backup.path, backup.label, path, backup_passphrase, new_passphrase)
        aside = None
        if path.exists():
            aside = _new_name(_aside_folder(path), ASIDE_PREFIX, dt.datetime.now())
        recovery.write_marker(path, aside)
        aside = recovery.finish_restore(path)
    except BaseException:
        if not recovery.marker_path(path).exists():  # not committed to: drop the staged copy
            recovery.recover_locked(path)
        raise
    finally:
        lock.release()
    return Restored(backup, aside)


def _aside_folder(path: Path) -> Path:
    folder = backups_dir(path.parent)
    private_folder(folder)
    return folder


def opens_with(path: Path, passphrase: str | None) -> bool:
    """Whether a backup opens with ``passphrase`` (False only for a wrong passphrase)."""
    try:
        verify_backup(path, passphrase)
    except (errors.WrongPassphrase, errors.NotADatabase, errors.PassphraseNeeded):
        return False
    return True


def restore_open_store(
    store: Store, backup_path: Path, backup_passphrase: str | None, passphrase: str | None
) -> Restored:
    """Restore into the data file ``store`` has open; ``store`` carries on with the result.

    ``passphrase`` is the data file's own (the restored file is keyed with it).
    """
    store.engine.dispose()
    try:
        restored = restore(store.data_dir, backup_path, backup_passphrase, passphrase)
    except BaseException:
        store.reopen(passphrase)
        raise
    store.reopen(passphrase or backup_passphrase)
    return restored
