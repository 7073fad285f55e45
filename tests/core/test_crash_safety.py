"""Crash safety: a writer killed with SIGKILL at random moments loses nothing it committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relcom_desktop.core.store.db import raw_connect

SECRET = "lantern otter quiver maple"
ROUNDS = 20
WRITER = """
import sys
from pathlib import Path
from relcom_desktop.core.children import Child, create_child
from relcom_desktop.core.store.db import open_store
store = open_store(Path(sys.argv[1]), sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    n += 1
    child = create_child(store, Child(preferred_name=f"Child {sys.argv[3]}-{n}", notes="x" * 500))
    print(child.id, flush=True)  # only after the transaction committed
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _run_and_kill(folder: Path, round_no: int, rng: random.Random) -> list[int]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), SECRET, str(round_no)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(rng.uniform(0.02, 0.4))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return [int(line) for line in proc.stdout.read().split() if line.strip().isdigit()]


def test_committed_records_survive_sigkill(tmp_path: Path) -> None:
    rng = random.Random(8)
    committed: list[int] = []
    for round_no in range(ROUNDS):
        committed += _run_and_kill(tmp_path, round_no, rng)
        conn = raw_connect(tmp_path / "relcom.sqlite3", SECRET)
        try:
            present = {row[0] for row in conn.execute("SELECT id FROM child")}
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
        missing = set(committed) - present
        assert not missing, f"round {round_no}: committed children lost: {sorted(missing)[:5]}"
    assert len(committed) > ROUNDS  # the writer really wrote in most rounds


OTHER = "copper meadow violin fog"
REKEYER = """
import sys
from pathlib import Path
from relcom_desktop.core.store.db import open_store
from relcom_desktop.core.store.encryption import change_passphrase
keys = [sys.argv[2], sys.argv[3]]
store = open_store(Path(sys.argv[1]), keys[0])
print("ready", flush=True)
while True:
    change_passphrase(store, keys[0], keys[1], keys[1])
    keys.reverse()
    print(keys[0], flush=True)
"""


def test_a_passphrase_change_killed_midway_leaves_a_whole_file(tmp_path: Path) -> None:
    from relcom_desktop.core.child_list import count_children
    from relcom_desktop.core.errors import WrongPassphrase
    from relcom_desktop.core.store.db import open_store
    from tests.core.factories import a_child

    store = open_store(tmp_path, SECRET)
    for i in range(40):
        a_child(store, f"Child {i}", la_reference=f"R{i}")
    store.close()
    rng = random.Random(3)
    current = SECRET
    for _round in range(5):
        other = OTHER if current == SECRET else SECRET
        proc = subprocess.Popen(
            [sys.executable, "-c", REKEYER, str(tmp_path), current, other],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.1, 1.5))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        for line in proc.stdout.read().split("\n"):
            current = line.strip() or current
        for key in (current, OTHER if current == SECRET else SECRET):
            try:
                reopened = open_store(tmp_path, key)
            except WrongPassphrase:
                continue
            current = key
            assert count_children(reopened) == 40
            reopened.close()
            break
        else:
            pytest.fail("the data file opens with neither passphrase")
        assert not list(tmp_path.glob("*.rekey"))
