"""Previews of built reports never stay on disk: each run's folder goes when it ends, and
folders a crashed run left (plain PDFs in the temporary folder) are removed at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from relcom_desktop.ui import preview_files


def _ended_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_folders_left_by_crashed_runs_are_removed(tmp_path: Path) -> None:
    crashed = tmp_path / f"relcom-preview-{_ended_pid()}-abc123"
    running = tmp_path / f"relcom-preview-{os.getpid()}-def456"
    recent_old_style = tmp_path / "relcom-print-xyz"
    stale_old_style = tmp_path / "relcom-preview-q8w7e6"
    other = tmp_path / "someone-elses-folder"
    for folder in (crashed, running, recent_old_style, stale_old_style, other):
        folder.mkdir()
        (folder / "preview-1.pdf").write_bytes(b"%PDF-1.4 Child summary: Robin")
    hours_ago = time.time() - 2 * 3600
    os.utime(stale_old_style, (hours_ago, hours_ago))
    removed = preview_files.remove_leftovers(tmp_path)
    assert sorted(removed) == sorted([crashed, stale_old_style])
    assert running.exists() and recent_old_style.exists() and other.exists()


def test_previews_go_to_a_private_folder_named_for_this_run() -> None:
    path = preview_files.preview_path()
    folder = path.parent
    assert folder.name.startswith(f"relcom-preview-{os.getpid()}-")
    assert oct(folder.stat().st_mode & 0o777) == oct(0o700)
    assert preview_files.preview_path().parent == folder
