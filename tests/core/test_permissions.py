"""Only the owner can read the data on disk (POSIX): files 0600, RelCom's folders 0700."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from relcom_desktop.core.interop import transfer
from relcom_desktop.core.interop.csv_export import export_csv
from relcom_desktop.core.store import backup, encryption, health_check
from relcom_desktop.core.store.db import DB_FILENAME, open_store
from relcom_desktop.reports.subject_access import export_child
from tests.core.factories import a_child

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
SECRET = "lantern otter quiver maple"


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture(autouse=True)
def _open_umask() -> None:
    """A typical umask (others may read new files), so the app's own care is what counts."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_data_file_its_companions_and_folder_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    store = open_store(folder)
    a_child(store, "Robin")
    path = folder / DB_FILENAME
    assert _mode(folder) == 0o700
    for name in (DB_FILENAME, f"{DB_FILENAME}-wal", f"{DB_FILENAME}-shm"):
        assert (folder / name).exists() and _mode(folder / name) == 0o600, name
    made = backup.make_backup(store)
    assert _mode(made.path.parent) == 0o700 and _mode(made.path) == 0o600
    encryption.encrypt_store(store, SECRET, SECRET)
    assert _mode(path) == 0o600 and _mode(made.path) == 0o600
    store.close()
    restored = backup.restore(folder, made.path, SECRET)
    assert _mode(path) == 0o600 and restored.aside and _mode(restored.aside) == 0o600


def test_a_loose_existing_data_file_is_tightened_when_opened(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    open_store(folder).close()
    os.chmod(folder / DB_FILENAME, 0o644)
    os.chmod(folder, 0o755)
    open_store(folder).close()
    assert _mode(folder / DB_FILENAME) == 0o600 and _mode(folder) == 0o700


def test_exports_with_personal_data_are_private(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data")
    child = a_child(store, "Robin")
    out = tmp_path / "out"
    out.mkdir()
    (out / "all.json").write_text("an older export", encoding="utf-8")
    os.chmod(out / "all.json", 0o644)
    written = [
        transfer.export_json(store, out / "all.json").path,
        export_csv(store, "children", out / "children.csv").path,
        export_csv(store, "children", out / "children.xlsx", excel=True).path,
    ]
    files = export_child(store, child.id, out)
    written += [files.json_path, files.pdf_path]
    store.close()
    for path in written:
        assert _mode(path) == 0o600, path.name
    assert _mode(out) == 0o755  # the user's own folder is theirs to decide


def test_a_shared_folder_is_left_alone_and_check_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir(mode=0o755)
    (folder / "letter.txt").write_text("not ours", encoding="utf-8")
    open_store(folder).close()
    assert _mode(folder) == 0o755 and _mode(folder / "letter.txt") == 0o644
    assert _mode(folder / DB_FILENAME) == 0o600
    found = {f.title: f for f in health_check.check(folder).findings}
    assert found["Permissions"].status is health_check.Status.NOTE
