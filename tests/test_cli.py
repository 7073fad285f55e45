"""The `relcom` command line: version, help, and user-level errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from relcom_desktop import __version__
from relcom_desktop.cli import main


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relcom_desktop", *args], capture_output=True, text=True, timeout=60
    )


def test_version_and_help_via_python_m() -> None:
    done = _run("--version")
    assert done.returncode == 0 and __version__ in done.stdout
    done = _run("--help")
    assert done.returncode == 0 and "--data-dir" in done.stdout and "demo" in done.stdout


def test_not_a_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "relcom.sqlite3").write_text("not a database" * 100)
    done = _run("--data-dir", str(tmp_path), "demo", "--scale", "tiny")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "not a RelCom Desktop data file" in done.stderr
    assert "Traceback" not in done.stderr


def test_unwritable_data_dir_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["--data-dir", str(blocker / "sub"), "demo", "--scale", "tiny"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("relcom: ") and "cannot create the data folder" in err


def test_data_dir_also_accepted_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / "relcom.sqlite3").write_text("junk" * 100)
    assert main(["demo", "--scale", "tiny", "--data-dir", str(tmp_path)]) == 2
    assert "not a RelCom Desktop data file" in capsys.readouterr().err


def test_search_prints_grouped_results(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from relcom_desktop.core.store.db import open_store
    from tests.core.factories import a_child

    store = open_store(tmp_path)
    a_child(store, "Zephyrine", about_me="I love trampolining.")
    store.close()
    assert main(["--data-dir", str(tmp_path), "search", "trampol"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Children"
    assert "[trampolining]" in out and "open: child 1" in out
    assert main(["--data-dir", str(tmp_path), "search", "nothing-like-this"]) == 0
    assert "No matches." in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path), "search", "x", "--kind", "bogus"]) == 2
    assert "Unknown kind bogus" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--data-dir", "/tmp/x", "--startup-probe"],
        ["--data-dir=/tmp/y", "--demo", "--startup-probe"],
        ["--startup-probe", "--data-dir", "~/relcom"],
    ],
)
def test_opening_the_app_is_read_as_the_parser_reads_it(argv: list[str]) -> None:
    """The app's own options are read without building the parser (a start-up saving)."""
    from relcom_desktop.cli import app_options, build_parser

    quick = app_options(argv)
    assert quick is not None
    parsed = build_parser(argv).parse_args(argv)
    for name in ("command", "data_dir", "demo", "startup_probe"):
        assert getattr(quick, name) == getattr(parsed, name), name


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["check"], ["--data-dir"], ["--data-dir", "--demo"], ["--dem"], ["--version"]],
)
def test_anything_else_goes_to_the_parser(argv: list[str]) -> None:
    from relcom_desktop.cli import app_options

    assert app_options(argv) is None
