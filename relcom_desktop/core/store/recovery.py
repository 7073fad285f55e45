"""Never a moment without a sound data file: finishing or undoing work a killed process left.

Every change of the whole data file is made beside it and moved into place in one rename:

- a **new** data file is built complete (every table) as ``.relcom.sqlite3.new`` and renamed
  to ``relcom.sqlite3`` (``core/store/db.py``);
- a **re-key** writes ``relcom.sqlite3.rekey`` and renames it over the file
  (``core/store/encryption.py``);
- a **restore** prepares the backup as ``.relcom.sqlite3.staging``, renames it, checked, to
  ``.relcom.sqlite3.partial``, writes the marker
  ``.relcom.sqlite3.restoring`` (naming where the current file is kept aside), links (or
  copies) the current file aside, and renames the staged copy over it (``core/store/backup.py``).

So a kill at any step leaves the old file or the new one in place. On the next open (with
the instance lock held, so nobody is mid-way through such work) :func:`recover` removes a
half-built new file or re-keyed copy, and finishes a restore whose marker was written
(or drops the staged copy if the marker was not): the file is then the old one or the new one,
never missing and never half-made.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from relcom_desktop.core import errors
from relcom_desktop.core.store import instance_lock
from relcom_desktop.core.store.datafile import (  # noqa: F401 - part of this module's interface
    MARKER_SUFFIX,
    NEW_SUFFIX,
    REWRITE_SUFFIX,
    STAGING_SUFFIX,
    leftovers,
    marker_path,
    new_path,
    partial_path,
    rekey_path,
    staging_path,
)
from relcom_desktop.core.store.files import (
    crash_point,
    fsync_dir,
    link_or_copy,
    remove_quietly,
)


def side_files(path: Path) -> list[Path]:
    """SQLite's files beside ``path``: its write-ahead log, shared memory and journal."""
    return [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm", "-journal")]


def interrupted_restore(path: Path) -> bool:
    """Whether a restore was stopped after it was committed to (it is finished on open)."""
    return partial_path(path).exists() and (marker_path(path).exists() or not path.exists())


def recover(path: Path) -> None:
    """Finish or undo interrupted work on ``path``, if nobody else has the file open."""
    if not leftovers(path):
        return
    try:
        held = instance_lock.acquire(path)
    except errors.StoreError:
        return  # the copy that has it open does its own recovery
    try:
        recover_locked(path)
    finally:
        held.release()


def recover_locked(path: Path) -> None:
    """:func:`recover` for a caller that holds the instance lock."""
    for half_made in (new_path(path), rekey_path(path), staging_path(path)):
        for extra in (half_made, *side_files(half_made)):
            remove_quietly(extra)
    no_data = not path.exists() or path.stat().st_size == 0
    if _read_marker(path) is not None or (no_data and partial_path(path).exists()):
        finish_restore(path)  # committed to; or nothing else there (a restore by an older
        return  # version stopped after moving the file aside: its copy is whole)
    remove_quietly(marker_path(path))
    staged = partial_path(path)
    for extra in (staged, *side_files(staged)):
        remove_quietly(extra)


def write_marker(path: Path, aside: Path | None) -> None:
    """Commit to a staged restore: from here on it is finished, not undone."""
    marker = marker_path(path)
    with marker.open("w", encoding="utf-8") as fh:
        json.dump({"aside": str(aside) if aside else None}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    fsync_dir(path.parent)
    crash_point("restore:marked")


def _read_marker(path: Path) -> dict[str, str | None] | None:
    """The marker's content; None if absent or cut short (written before anything moved)."""
    try:
        data = json.loads(marker_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "aside" in data else None


def finish_restore(path: Path) -> Path | None:
    """Keep the current file aside and rename the staged copy over it; idempotent, so it
    finishes a restore stopped at any step. Returns where the replaced file is kept."""
    marker = _read_marker(path) or {"aside": None}
    aside = Path(marker["aside"]) if marker["aside"] else None
    staged = partial_path(path)
    if staged.exists():
        if aside is not None and path.exists() and not aside.exists():
            _keep_aside(path, aside)
        crash_point("restore:aside")
        for extra in side_files(path):  # the log belongs to the file kept aside
            remove_quietly(extra)
        crash_point("restore:logs")
        os.replace(staged, path)
        fsync_dir(path.parent)
        crash_point("restore:replaced")
    remove_quietly(marker_path(path))
    fsync_dir(path.parent)
    return aside


def _keep_aside(path: Path, aside: Path) -> None:
    """A second name (or a copy) for the current file and its log; the log first, so an
    aside file that exists is always complete."""
    aside.parent.mkdir(parents=True, exist_ok=True)
    wal = Path(f"{path}-wal")
    if wal.exists():
        link_or_copy(wal, Path(f"{aside}-wal"))
    link_or_copy(path, aside)
