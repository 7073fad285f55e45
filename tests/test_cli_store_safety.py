"""Only the first-run wizard, `demo` and `import` create a data file; restores keep the audit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from relcom_desktop.cli import main
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import DB_FILENAME, open_store
from tests.core.factories import a_child

COMMANDS = [
    ["export", "--json", "OUT/all.json"],
    ["export", "--csv", "children", "OUT/children.csv"],
    ["backup"],
    ["check"],
    ["search", "Robin"],
    ["report", "child", "1", "-o", "OUT/child.pdf"],
]


def _blank_sqlite(path: Path) -> None:
    """What a creation killed by an older version left: an SQLite header, no tables."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


@pytest.mark.parametrize("kind", ["missing", "zero-byte", "no tables"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_missing_data_file_is_refused_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture, command: list[str], kind: str
) -> None:
    folder, out = tmp_path / "data", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    if kind == "zero-byte":
        (folder / DB_FILENAME).write_bytes(b"")
    elif kind == "no tables":
        _blank_sqlite(folder / DB_FILENAME)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    args = [word.replace("OUT", str(out)) for word in command]
    assert main(["--data-dir", str(folder), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "There is no RelCom Desktop data file" in err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert not list(out.iterdir())


def test_demo_and_import_may_create_one(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--data-dir", str(tmp_path / "demo"), "demo", "--scale", "tiny"]) == 0
    exported = tmp_path / "all.json"
    assert main(["--data-dir", str(tmp_path / "demo"), "export", "--json", str(exported)]) == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / DB_FILENAME).write_bytes(b"")  # an empty file counts as no file
    assert main(["--data-dir", str(empty), "import", "--json", str(exported)]) == 0
    assert main(["--data-dir", str(empty), "check"]) == 0
    blank = tmp_path / "blank"
    blank.mkdir()
    _blank_sqlite(blank / DB_FILENAME)
    assert main(["--data-dir", str(blank), "import", "--json", str(exported)]) == 0
    assert main(["--data-dir", str(blank), "check"]) == 0


def test_backup_export_restore_on_the_command_line_keeps_the_export_audited(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    store = open_store(tmp_path)
    a_child(store, "Robin")
    store.close()
    assert main(["--data-dir", str(tmp_path), "backup"]) == 0
    out = capsys.readouterr().out
    made = Path(out.split(": ", 1)[1].strip())
    assert main(["--data-dir", str(tmp_path), "export", "--json", str(tmp_path / "a.json")]) == 0
    assert main(["--data-dir", str(tmp_path), "restore", made.name]) == 0
    store = open_store(tmp_path)
    events = audit.list_events(store, limit=None)
    store.close()
    kinds = [e.kind for e in events]
    assert kinds[0] is AuditKind.RESTORE
    assert kinds.count(AuditKind.EXPORT) == 1 and kinds.count(AuditKind.RESTORE) == 1


def test_restore_puts_a_backup_in_place_of_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    store = open_store(tmp_path)
    a_child(store, "Robin")
    store.close()
    assert main(["--data-dir", str(tmp_path), "backup"]) == 0
    made = Path(capsys.readouterr().out.split(": ", 1)[1].strip())
    (tmp_path / DB_FILENAME).unlink()
    assert main(["--data-dir", str(tmp_path), "restore", made.name]) == 0
    assert main(["--data-dir", str(tmp_path), "search", "Robin"]) == 0
    assert "Robin" in capsys.readouterr().out
