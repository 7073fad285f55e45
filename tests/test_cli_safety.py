"""Batch commands for keeping data safe: backup, restore, export, import, check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from relcom_desktop.cli import main
from relcom_desktop.core import demo
from relcom_desktop.core.store.db import DB_FILENAME, FileState, file_state, open_store

SECRET = "lantern otter quiver maple"


@pytest.fixture
def caseload(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = open_store(folder, SECRET)
    demo.build_demo(store, "tiny", seed=4)
    store.close()
    return folder


@pytest.fixture
def secret(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("RELCOM_PASSPHRASE", SECRET)
    return SECRET


def test_export_then_import_into_a_new_encrypted_folder(
    caseload: Path, tmp_path: Path, secret: str, capsys
) -> None:
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["--data-dir", str(caseload), "export", "--json", str(first)]) == 0
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "import", "--json", str(first)]) == 0
    assert file_state(fresh / DB_FILENAME) is FileState.ENCRYPTED
    assert main(["--data-dir", str(fresh), "export", "--json", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert "Imported" in capsys.readouterr().err


def test_csv_and_subject_access_exports(
    caseload: Path, tmp_path: Path, secret: str, capsys
) -> None:
    out = tmp_path / "children.csv"
    assert main(["--data-dir", str(caseload), "export", "--csv", "children", str(out)]) == 0
    assert out.read_text(encoding="utf-8-sig").startswith("Id,Preferred name")
    assert main(["--data-dir", str(caseload), "export", "--child", "1", str(tmp_path / "sa")]) == 0
    written = sorted(p.suffix for p in (tmp_path / "sa").iterdir())
    assert written == [".json", ".pdf"]
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", "--csv", "children", str(out)]) == 0
    assert main(["--data-dir", str(caseload), "export", "--child", "x", str(tmp_path)]) == 2
    assert "not a child's record number" in capsys.readouterr().err


def test_backup_list_and_restore(caseload: Path, secret: str, capsys) -> None:
    assert main(["--data-dir", str(caseload), "backup"]) == 0
    assert "Backed up and verified" in capsys.readouterr().out
    assert main(["--data-dir", str(caseload), "backup", "--list"]) == 0
    listing = capsys.readouterr().out
    name = next(p.name for p in (caseload / "backups").iterdir())
    assert name in listing
    assert main(["--data-dir", str(caseload), "restore", name]) == 0
    out = capsys.readouterr().out
    assert "Restored the backup of" in out and "kept at" in out
    assert main(["--data-dir", str(caseload), "restore", "nope.sqlite3"]) == 2
    assert "There is no backup file" in capsys.readouterr().err


def test_check_reports_and_sets_the_exit_code(caseload: Path, secret: str, capsys) -> None:
    assert main(["--data-dir", str(caseload), "check"]) == 0
    out = capsys.readouterr().out
    assert "Integrity: No damage found" in out and "encrypted" in out
    path = caseload / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\x00" * 8192
    path.write_bytes(bytes(data))
    assert main(["--data-dir", str(caseload), "check"]) == 2
    assert "PROBLEM" in capsys.readouterr().out


def test_an_encrypted_file_without_the_variable_is_one_line_exit_2(caseload: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "relcom_desktop", "--data-dir", str(caseload), "backup"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": str(caseload.parent)},
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "RELCOM_PASSPHRASE" in done.stderr
    assert "Traceback" not in done.stderr


def test_encrypted_file_and_backup_need_the_variable(caseload: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("RELCOM_PASSPHRASE", SECRET)
    assert main(["--data-dir", str(caseload), "backup"]) == 0
    name = next(p.name for p in (caseload / "backups").iterdir())
    monkeypatch.delenv("RELCOM_PASSPHRASE")
    capsys.readouterr()
    assert main(["--data-dir", str(caseload), "check"]) == 2
    assert "set RELCOM_PASSPHRASE" in capsys.readouterr().err
    assert main(["--data-dir", str(caseload), "restore", name]) == 2
    assert "is encrypted" in capsys.readouterr().err


def test_wrong_passphrase_and_bad_import_are_plain_errors(
    caseload: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("RELCOM_PASSPHRASE", "wrong wrong wrong wrong")
    assert main(["--data-dir", str(caseload), "check"]) == 2
    assert "passphrase is not right" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "relcom-desktop-export", "format_version": 1}))
    assert main(["--data-dir", str(tmp_path / "new"), "import", "--json", str(bad)]) == 2
    assert "no tables" in capsys.readouterr().err


def test_the_documented_json_schema_matches_the_data_model(tmp_path: Path) -> None:
    documented = Path(__file__).resolve().parents[1] / "docs" / "export-schema.json"
    fresh = tmp_path / "schema.json"
    assert main(["export", "--json-schema", str(fresh)]) == 0
    assert json.loads(documented.read_text(encoding="utf-8")) == json.loads(
        fresh.read_text(encoding="utf-8")
    ), "regenerate it: relcom export --json-schema docs/export-schema.json"


def test_an_export_follows_the_documented_schema(caseload: Path, tmp_path: Path, secret) -> None:
    from relcom_desktop.core.interop import transfer

    out = tmp_path / "all.json"
    assert main(["--data-dir", str(caseload), "export", "--json", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    schema = transfer.json_schema()["properties"]["tables"]["properties"]
    for table, rows in data["tables"].items():
        items = schema[table]["items"]
        for row in rows:
            assert set(items["required"]) <= set(row) <= set(items["properties"])


def test_encrypt_a_plain_file_from_the_command_line(tmp_path: Path, monkeypatch, capsys) -> None:
    store = open_store(tmp_path)
    demo.build_demo(store, "tiny", seed=1)
    store.close()
    assert main(["--data-dir", str(tmp_path), "encrypt"]) == 2
    assert "Set RELCOM_PASSPHRASE" in capsys.readouterr().err
    monkeypatch.setenv("RELCOM_PASSPHRASE", "password1")
    assert main(["--data-dir", str(tmp_path), "encrypt"]) == 2
    assert "stronger passphrase" in capsys.readouterr().err
    assert file_state(tmp_path / DB_FILENAME) is FileState.PLAIN
    monkeypatch.setenv("RELCOM_PASSPHRASE", SECRET)
    assert main(["--data-dir", str(tmp_path), "encrypt"]) == 0
    assert file_state(tmp_path / DB_FILENAME) is FileState.ENCRYPTED
    assert main(["--data-dir", str(tmp_path), "check"]) == 0
