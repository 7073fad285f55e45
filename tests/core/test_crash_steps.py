"""A real command killed (SIGKILL) at each rename/replace step of store creation, restore,
re-key and backup leaves a folder that opens, after start-up recovery, as a sound RelCom
data file with the old content or the new one — never missing, empty or half-made.

The kill comes from the fault hook in ``core/store/files.py`` (``RELCOM_CRASH_AT=<step>``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.interop import transfer
from relcom_desktop.core.store import backup, backup_files, health_check, recovery
from relcom_desktop.core.store.db import DB_FILENAME, FileState, file_state, open_store
from relcom_desktop.core.store.files import CRASH_STEPS, CRASH_VARIABLE
from tests.core.factories import a_backup_between_two_children, a_child

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

SECRET = "lantern otter quiver maple"
ROOT = Path(__file__).resolve().parents[2]


def _relcom(folder: Path, *args: str, crash: str | None = None, secret: str | None = None):
    env = {k: v for k, v in os.environ.items() if k not in (CRASH_VARIABLE, "RELCOM_PASSPHRASE")}
    env["PYTHONPATH"] = str(ROOT)
    if crash:
        env[CRASH_VARIABLE] = crash
    if secret:
        env["RELCOM_PASSPHRASE"] = secret
    return subprocess.run(
        [sys.executable, "-m", "relcom_desktop", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def _killed(done: subprocess.CompletedProcess[str]) -> None:
    assert done.returncode == -9, done.stderr  # it really stopped at the step


def _children_after_recovery(folder: Path, passphrase: str | None = None) -> int:
    """Open as the app would (recovery first), check the file is sound, count children."""
    store = open_store(folder, passphrase)
    try:
        count = count_children(store)
    finally:
        store.close()
    path = folder / DB_FILENAME
    assert recovery.leftovers(path) == []
    report = health_check.check(folder, passphrase)
    assert report.healthy, report.findings
    return count


def test_every_crash_step_in_the_code_is_listed_and_tested() -> None:
    named = set()
    for source in (ROOT / "relcom_desktop").rglob("*.py"):
        named |= set(re.findall(r'crash_point\("([a-z:-]+)"\)', source.read_text("utf-8")))
    assert named == set(CRASH_STEPS)
    tested = {*CREATE_STEPS, *RESTORE_STEPS, *REKEY_STEPS, "backup:copied"}
    assert tested == set(CRASH_STEPS)


CREATE_STEPS = {"create:built": False, "create:placed": True}  # is the data file there?


@pytest.mark.parametrize("step", CREATE_STEPS)
def test_a_new_data_file_killed_at_each_step(tmp_path: Path, step: str) -> None:
    source = open_store(tmp_path / "source")
    a_child(source, "Robin")
    exported = transfer.export_json(source, tmp_path / "all.json").path
    source.close()
    folder = tmp_path / "new"
    _killed(_relcom(folder, "import", "--json", str(exported), crash=step))
    path = folder / DB_FILENAME
    if CREATE_STEPS[step]:
        assert file_state(path) is FileState.PLAIN
        assert _children_after_recovery(folder) == 0  # whole, with every table, and empty
    else:
        assert file_state(path) is FileState.MISSING  # nothing there: still the first run
        done = _relcom(folder, "check")
        assert done.returncode == 2 and "no RelCom Desktop data file" in done.stderr
        assert done.stderr.count("\n") == 1
    again = _relcom(folder, "import", "--json", str(exported))
    assert again.returncode == 0, again.stderr
    assert _children_after_recovery(folder) == 1


# Killed before the restore is committed to (the marker), the old file stays; after, the
# restore is finished on the next open.
RESTORE_STEPS = {
    "restore:staged": "old",
    "restore:marked": "new",
    "restore:aside": "new",
    "restore:logs": "new",
    "restore:replaced": "new",
}


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
@pytest.mark.parametrize("step", RESTORE_STEPS)
def test_a_restore_killed_at_each_step(tmp_path: Path, step: str, encrypted: bool) -> None:
    if encrypted and step not in ("restore:staged", "restore:aside"):
        pytest.skip("one step either side of the commit is enough for the encrypted file")
    secret = SECRET if encrypted else None
    made = a_backup_between_two_children(tmp_path, secret)
    _killed(_relcom(tmp_path, "restore", made.path.name, crash=step, secret=secret))
    path = tmp_path / DB_FILENAME
    assert file_state(path) is (FileState.ENCRYPTED if encrypted else FileState.PLAIN)
    expected = 2 if RESTORE_STEPS[step] == "old" else 1
    assert _children_after_recovery(tmp_path, secret) == expected
    asides = [b for b in backup_files.list_backups(tmp_path) if b.before_restore]
    if RESTORE_STEPS[step] == "new":  # the replaced file was kept aside, whole
        assert len(asides) == 1
        aside = open_store(asides[0].path.parent, secret, filename=asides[0].path.name)
        assert count_children(aside) == 2
        aside.close()
    else:
        assert asides == []


REKEY_STEPS = {"rekey:copied": "old", "rekey:logs": "old", "rekey:replaced": "new"}


@pytest.mark.parametrize("step", REKEY_STEPS)
def test_encrypting_killed_at_each_step(tmp_path: Path, step: str) -> None:
    store = open_store(tmp_path)
    for i in range(5):
        a_child(store, f"Child {i}", la_reference=f"R{i}")
    store.close()
    _killed(_relcom(tmp_path, "encrypt", crash=step, secret=SECRET))
    path = tmp_path / DB_FILENAME
    if REKEY_STEPS[step] == "old":
        assert file_state(path) is FileState.PLAIN
        assert _children_after_recovery(tmp_path) == 5
    else:
        assert file_state(path) is FileState.ENCRYPTED
        assert _children_after_recovery(tmp_path, SECRET) == 5
    assert not list(tmp_path.glob("*.rekey"))


def test_a_killed_backup_is_reported_then_cleaned_up(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    a_child(store, "Robin")
    store.close()
    _killed(_relcom(tmp_path, "backup", crash="backup:copied"))
    folder = tmp_path / "backups"
    left = list(folder.glob(".*.part"))
    assert len(left) == 1 and left[0].stat().st_size > 0
    assert backup_files.list_backups(tmp_path) == []  # a half-made copy is never listed as a backup
    done = _relcom(tmp_path, "check")
    assert done.returncode == 0
    assert "Unfinished backups" in done.stdout and left[0].name in done.stdout
    assert _relcom(tmp_path, "backup").returncode == 0
    assert not list(folder.glob(".*part*"))
    assert len(backup_files.list_backups(tmp_path)) == 1
    assert "Unfinished backups" not in _relcom(tmp_path, "check").stdout


def test_a_restore_into_a_folder_without_a_data_file_killed_once_staged(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    a_child(store, "Before")
    made = backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 0))
    store.close()
    (tmp_path / DB_FILENAME).unlink()
    _killed(_relcom(tmp_path, "restore", made.path.name, crash="restore:staged"))
    assert _relcom(tmp_path, "search", "Before").returncode == 0  # the copy was put in place
    assert _children_after_recovery(tmp_path) == 1


def test_a_restore_an_older_version_left_between_its_two_renames_is_finished(
    tmp_path: Path,
) -> None:
    """The old restore moved the file into backups/, then renamed its copy in: killed in
    between, there was no data file, only the whole staged copy."""
    made = a_backup_between_two_children(tmp_path)
    path = tmp_path / DB_FILENAME
    (tmp_path / ".relcom.sqlite3.partial").write_bytes(made.path.read_bytes())
    os.replace(path, tmp_path / "backups" / "relcom-before-restore-20261124-100000.sqlite3")
    report = health_check.check(tmp_path)
    assert not report.healthy  # no data file yet: check changes nothing
    assert _children_after_recovery(tmp_path) == 1
