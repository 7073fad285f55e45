"""At start-up a restore that was stopped is finished before the app decides how to open:
the user's data opens, never the first-run wizard."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.store import recovery
from relcom_desktop.core.store.db import DB_FILENAME
from relcom_desktop.ui import open_flow
from tests.core.factories import a_backup_between_two_children


def _stopped_restore(folder: Path, *, file_moved: bool) -> None:
    made = a_backup_between_two_children(folder)
    path = folder / DB_FILENAME
    (folder / ".relcom.sqlite3.partial").write_bytes(made.path.read_bytes())
    aside = folder / "backups" / "relcom-before-restore-20261124-100000.sqlite3"
    if file_moved:  # how an older version's restore was left between its two renames
        os.replace(path, aside)
    else:  # this version's, stopped once committed to
        recovery.write_marker(path, aside)


@pytest.mark.parametrize("file_moved", [True, False], ids=["older version", "committed"])
def test_a_stopped_restore_is_finished_at_start(
    qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file_moved: bool
) -> None:
    _stopped_restore(tmp_path, file_moved=file_moved)
    monkeypatch.setattr(
        open_flow, "_first_run", lambda _folder: pytest.fail("first run over the user's data")
    )
    store = open_flow.open_for_gui(tmp_path)
    assert store is not None
    try:
        assert count_children(store) == 1  # the backup's content
    finally:
        store.close()
    assert recovery.leftovers(tmp_path / DB_FILENAME) == []
