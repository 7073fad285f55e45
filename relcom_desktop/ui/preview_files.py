"""Where a built report waits while its preview is open: a private temporary folder (0700)
for each running app, named with its process id, and removed when the app ends.

A crash leaves the folder, holding plain PDFs; :func:`remove_leftovers` (run at start-up)
removes every such folder whose app has ended, and those of older versions after an hour.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from itertools import count
from pathlib import Path

from relcom_desktop.core.store.files import process_gone

PREFIX = "relcom-preview-"
OLDER_PREFIXES = ("relcom-print-", PREFIX)  # folders of versions that named no process
OLDER_AFTER_S = 3600

_folder: tempfile.TemporaryDirectory[str] | None = None
_numbers = count(1)


def preview_path() -> Path:
    """A new file name for a preview, in this app's own temporary folder."""
    global _folder
    if _folder is None:
        _folder = tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-")
    return Path(_folder.name) / f"preview-{next(_numbers)}.pdf"


def _owner(name: str) -> int | None:
    pid, _sep, rest = name.removeprefix(PREFIX).partition("-")
    return int(pid) if name.startswith(PREFIX) and pid.isdigit() and rest else None


def _left_behind(path: Path) -> bool:
    if not path.is_dir() or path.is_symlink() or path.stat().st_uid != os.getuid():
        return False
    pid = _owner(path.name)
    if pid is not None:
        return pid != os.getpid() and process_gone(pid)
    return time.time() - path.stat().st_mtime > OLDER_AFTER_S


def remove_leftovers(folder: Path | None = None) -> list[Path]:
    """Remove preview folders that crashed runs left behind; the folders removed."""
    root = Path(folder or tempfile.gettempdir())
    removed = []
    for path in sorted(p for prefix in OLDER_PREFIXES for p in root.glob(f"{prefix}*")):
        try:
            if _left_behind(path):
                shutil.rmtree(path)
                removed.append(path)
        except OSError:
            continue  # another user's, or going away as we look: leave it
    return removed
