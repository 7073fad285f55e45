"""A full disk during any import or export: one plain line on stderr, exit 2, nothing half done.

The commands run in a subprocess whose files may not grow past a limit (RLIMIT_FSIZE, with
SIGXFSZ ignored), so every write beyond it fails as it would on a full disk.
"""

from __future__ import annotations

import datetime as dt
import errno
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import OperationalError

from relcom_desktop import cli
from relcom_desktop.core import demo, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.interop import transfer
from relcom_desktop.core.store.db import open_store
from tests.core.ssda903_samples import write_return

LIMIT = 64 * 1024  # bytes any one file may grow to (SQLite's shared memory needs 32 KiB)
RUN_LIMITED = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
from relcom_desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A caseload whose every export is larger than the limit, and files to import."""
    folder = tmp_path_factory.mktemp("source")
    rows = ["Preferred name,Full name,Date of birth,Notes"]
    rows += [f"Kid{n},Kid{n} Example,2012-01-02,{'note ' * 40}" for n in range(600)]
    (folder / "kids.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    stay = ["01/04/2021", "S", "C2", "N1", "K2", "PR4", "", "", "", "", "", "SC111111"]
    episodes = [[f"C{n}", *stay] for n in range(300)]
    header = [[f"C{n}", "1", "15/03/2012", "WBRI", "", "", ""] for n in range(300)]
    write_return(folder / "903in", header, episodes)
    store = open_store(folder / "data")
    demo.build_demo(store, "tiny", seed=3, today=dt.date(2026, 11, 25))
    with store.write() as session:  # set up quickly: these are not what is tested
        session.execute(insert(m.Child), [_child(n) for n in range(1500)])
    transfer.export_json(store, folder / "all.json")
    store.close()
    return folder


def _child(n: int) -> dict[str, object]:
    return {"preferred_name": f"Kid{n}", "la_reference": f"LA-{n:037d}", "notes": "note " * 40}


def _run_limited(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_LIMITED.format(limit=LIMIT), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_one_plain_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("relcom: "), done.stderr
    assert "Traceback" not in done.stderr and "Error" not in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    "what",
    [
        ["--csv", "children", "kids.csv"],
        ["--json", "all.json"],
        ["--ssda903", "903in/header.csv", "903in/episodes.csv"],
    ],
    ids=["csv", "json", "ssda903"],
)
def test_an_import_on_a_full_disk_says_so_and_imports_nothing(
    source: Path, tmp_path: Path, what: list[str]
) -> None:
    open_store(tmp_path / "new").close()
    args = [str(source / a) if a.endswith((".csv", ".json")) else a for a in what]
    line = _assert_one_plain_line(
        _run_limited("--data-dir", str(tmp_path / "new"), "import", *args)
    )
    assert "disk" in line and line.endswith("Nothing was imported.")
    store = open_store(tmp_path / "new")
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Child)) == 0
    store.close()


@pytest.mark.parametrize(
    "what",
    [
        ["--json", "out.json"],
        ["--csv", "children", "out.csv"],
        ["--xlsx", "children", "out.xlsx"],
        ["--ssda903", "."],
    ],
    ids=["json", "csv", "xlsx", "ssda903"],
)
def test_an_export_to_a_full_disk_says_so_and_leaves_no_file(
    source: Path, tmp_path: Path, what: list[str]
) -> None:
    args = [str(tmp_path / a) if "." in a else a for a in what]
    done = _run_limited("--data-dir", str(source / "data"), "export", *args)
    line = _assert_one_plain_line(done)
    assert "Nothing was written." in line
    assert not [p for p in tmp_path.iterdir() if p.is_file()]


def test_a_new_demo_on_a_full_disk_is_one_line(tmp_path: Path) -> None:
    _assert_one_plain_line(_run_limited("--data-dir", str(tmp_path / "d"), "demo"))


@pytest.mark.parametrize(
    "failure",
    [
        OSError(errno.ENOSPC, "No space left on device"),
        OSError(errno.EDQUOT, "Disk quota exceeded"),
        OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full")),
    ],
)
def test_a_full_disk_anywhere_is_the_same_plain_message(
    store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    failure: Exception,
) -> None:
    def fail(*_args: object, **_kw: object) -> None:
        raise failure

    monkeypatch.setattr("relcom_desktop.core.interop.csv_export.export_csv", fail)
    code = cli.main(["--data-dir", str(store_dir), "export", "--csv", "children", "x.csv"])
    assert code == 2
    assert capsys.readouterr().err == f"relcom: {errors.DISK_FULL}\n"


def test_other_failures_are_not_called_a_full_disk() -> None:
    assert errors.disk_problem(OSError(errno.EACCES, "Permission denied")) is None
    assert errors.disk_problem(ValueError("database or disk is full")) is None
    wrapped = RuntimeError("outer")
    wrapped.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    assert isinstance(errors.disk_problem(wrapped), errors.DiskFull)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    open_store(tmp_path / "d").close()
    return tmp_path / "d"
