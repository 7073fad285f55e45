"""Who may read the data on disk (POSIX): the owner only.

The data file, its ``-wal``/``-shm`` and lock files, restored and set-aside files and every
backup are made 0600; the data folder and the backups folder 0700. Exports are made 0600
where they are written (:func:`files.atomic_path`).

A folder is only tightened when it is RelCom's own: one we may change (ours, not a shared
sticky folder such as ``/tmp``, not the home folder) holding nothing but RelCom's files. A
user who points ``--data-dir`` at a folder with other things in it keeps that folder's
permissions (``relcom check`` says when others can open it).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from relcom_desktop.core.store import backup_files
from relcom_desktop.core.store.datafile import DB_FILENAME
from relcom_desktop.core.store.files import PRIVATE_DIR, make_private

DATA_SUFFIXES = ("", "-wal", "-shm", "-journal", ".lock")
OWN_NAMES = ("relcom", ".relcom", "backup", "demo")  # what RelCom keeps in its folders
POSIX = os.name == "posix"


def secure_data_folder(data_dir: Path) -> None:
    """Make the data folder, its data file and its backups readable by their owner only."""
    if not POSIX:
        return
    folder = Path(data_dir)
    restrict_folder(folder)
    for suffix in DATA_SUFFIXES:
        make_private(f"{folder / DB_FILENAME}{suffix}")
    secure_backups(folder)


def secure_backups(data_dir: Path) -> None:
    """The backups folders 0700 (when RelCom's own) and every backup in them 0600."""
    if not POSIX:
        return

    for folder in {backup_files.backups_dir(data_dir), Path(data_dir) / backup_files.BACKUP_FOLDER}:
        restrict_folder(folder)
    for item in backup_files.list_backups(data_dir):
        for suffix in DATA_SUFFIXES:
            make_private(f"{item.path}{suffix}")


def private_folder(folder: Path) -> None:
    """Create ``folder`` if needed (0700 from the start; its parent must exist, so a backup
    folder on a drive that is not plugged in is not made on the local disk) and tighten it
    if it is RelCom's own."""
    folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
    restrict_folder(folder)


def restrict_folder(folder: Path) -> None:
    if POSIX and may_restrict(folder):
        make_private(folder, PRIVATE_DIR)


def may_restrict(folder: Path) -> bool:
    """Whether ``folder`` is RelCom's own to make private (see the module's note)."""
    try:
        info = folder.stat()
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_mode & stat.S_ISVTX:
        return False
    if info.st_uid != os.geteuid() or _same(folder, Path.home()):
        return False
    return all(name.lower().startswith(OWN_NAMES) for name in names)


def open_to_others(folder: Path) -> bool:
    """Whether other users of the computer can list or enter ``folder`` (POSIX)."""
    if not POSIX:
        return False
    try:
        return bool(folder.stat().st_mode & 0o077)
    except OSError:
        return False


def _same(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False
