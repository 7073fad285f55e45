"""Every command that opens the data file honours RELCOM_PASSPHRASE: on an encrypted file it
works with the variable set, and without it stops with one plain line (exit 2)."""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from relcom_desktop import commands
from relcom_desktop.cli import main
from relcom_desktop.core import demo
from relcom_desktop.core.store import backup, backup_files
from relcom_desktop.core.store.db import DB_FILENAME, open_store

SECRET = "lantern otter quiver maple"
TODAY = dt.date(2026, 11, 25)
Argv = Callable[[Path, Path], list[str]]  # (data folder, scratch folder) -> arguments

# One way to run each registered command on an existing data file. A new command must be
# added here, so that it is tested on an encrypted file too.
EXAMPLES: dict[str, Argv] = {
    "demo": lambda _d, _s: ["demo", "--scale", "tiny"],
    "report": lambda _d, s: ["report", "practice", "-o", str(s / "practice.pdf")],
    "search": lambda _d, _s: ["search", "a"],
    "backup": lambda _d, _s: ["backup"],
    "restore": lambda d, _s: ["restore", backup_files.list_backups(d)[0].path.name],
    "export": lambda _d, s: ["export", "--json", str(s / "all.json")],
    "import_": lambda _d, s: ["import", "--csv", "children", str(_children_csv(s))],
    "check": lambda _d, _s: ["check"],
    "encrypt": lambda _d, _s: ["encrypt"],
}
EMPTY_FOR = {"demo"}  # demo data only goes into an empty (here: encrypted, empty) file


def _children_csv(folder: Path) -> Path:
    path = folder / "children.csv"
    path.write_text("Preferred name,Date of birth\nTestchild,2015-03-01\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Path]:
    """An encrypted tiny demo with one backup, and an encrypted empty file (built once)."""
    base = tmp_path_factory.mktemp("encrypted")
    store = open_store(base / "demo", SECRET)
    demo.build_demo(store, "tiny", seed=2, today=TODAY)
    backup.make_backup(store)
    store.close()
    open_store(base / "empty", SECRET).close()
    return {False: base / "demo", True: base / "empty"}


def _copy(templates: dict[bool, Path], name: str, tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(templates[name in EMPTY_FOR], folder)
    (tmp_path / "scratch").mkdir()
    return folder


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_registered_command_has_an_example() -> None:
    assert set(EXAMPLES) == set(commands.COMMAND_MODULES)


def test_commands_open_the_store_only_through_the_shared_helper() -> None:
    folder = Path(commands.__file__).parent
    for name in commands.COMMAND_MODULES:
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        called = {
            node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
        }
        assert not called & {"open_store", "raw_connect"}, f"{name} opens the store itself"


@pytest.mark.parametrize("name", commands.COMMAND_MODULES)
def test_each_command_works_on_an_encrypted_file_with_the_variable(
    name: str, templates: dict[bool, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = _copy(templates, name, tmp_path)
    argv = EXAMPLES[name](folder, tmp_path / "scratch")
    monkeypatch.setenv("RELCOM_PASSPHRASE", SECRET)
    code = main(["--data-dir", str(folder), *argv])
    assert code == 0, capsys.readouterr()


@pytest.mark.parametrize("name", commands.COMMAND_MODULES)
def test_each_command_without_the_variable_says_so_in_one_line(
    name: str, templates: dict[bool, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    folder = _copy(templates, name, tmp_path)
    argv = EXAMPLES[name](folder, tmp_path / "scratch")
    before = _digest(folder / DB_FILENAME)
    monkeypatch.delenv("RELCOM_PASSPHRASE", raising=False)
    code = main(["--data-dir", str(folder), *argv])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "RELCOM_PASSPHRASE" in err, err
    assert _digest(folder / DB_FILENAME) == before
