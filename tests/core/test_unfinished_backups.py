"""Half-made backup files: removed once their writer is gone, kept while it runs, reported."""

from __future__ import annotations

import os
import subprocess
import sys

from relcom_desktop.core.store import backup, health_check
from relcom_desktop.core.store.db import Store


def _dead_pid() -> int:
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


def test_only_copies_whose_writer_is_gone_or_long_idle_are_removed(store: Store) -> None:
    folder = store.path.parent / "backups"
    folder.mkdir()
    name = ".relcom-backup-20261124-090000.sqlite3"
    dead = folder / f"{name}.{_dead_pid()}.abcd1234.part"
    running = folder / f"{name}.{os.getpid()}.efgh5678.part"
    idle = folder / f"{name}.q1w2e3r4.part"  # named before the writer's process was in the name
    for path in (dead, running, idle):
        path.write_bytes(b"x" * 4096)
    os.utime(idle, (0, 0))
    report = health_check.check_store(store)
    [note] = [f for f in report.findings if f.title == "Unfinished backups"]
    assert note.detail.startswith("3 half-made backup file(s)") and report.healthy
    backup.make_backup(store)
    assert not dead.exists() and not idle.exists()
    assert running.exists()  # a backup still being written by a live process is left alone
