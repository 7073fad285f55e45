"""One running copy per data file; a lock left by a crashed copy is taken over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from relcom_desktop.core import errors
from relcom_desktop.core.store import instance_lock
from relcom_desktop.core.store.db import DB_FILENAME, open_store

HOLD = """
import sys, time
from pathlib import Path
from relcom_desktop.core.store.db import open_store
store = open_store(Path(sys.argv[1]))
print("open", flush=True)
time.sleep(60)
"""


def _hold_in_other_process(folder: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(folder)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    return proc


def test_a_second_running_copy_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    proc = _hold_in_other_process(tmp_path)
    try:
        with pytest.raises(errors.AlreadyOpen) as info:
            open_store(tmp_path)
        message = str(info.value)
        assert "already open on this data file" in message and f"process {proc.pid}" in message
    finally:
        proc.kill()
        proc.wait()
    store = open_store(tmp_path)  # the killed copy's lock is stale: taken over
    assert store.lock is not None and store.lock.was_stale
    store.close()


def test_the_same_process_may_open_a_file_twice(tmp_path: Path) -> None:
    first = open_store(tmp_path)
    second = open_store(tmp_path)
    first.close()
    second.close()
    lock = instance_lock.acquire(tmp_path / DB_FILENAME)
    assert not lock.was_stale  # closed cleanly: the holder was cleared
    lock.release()


def test_opening_without_the_lock_is_allowed_alongside(tmp_path: Path) -> None:
    proc = _hold_in_other_process(tmp_path)
    try:
        reader = open_store(tmp_path, lock=False)
        reader.close()
    finally:
        proc.kill()
        proc.wait()
