"""``relcom import --ssda903``, ``relcom export --ssda903`` and ``relcom export --xlsx``."""

from __future__ import annotations

from pathlib import Path

import pytest

from relcom_desktop.cli import main
from tests.core.ssda903_samples import CLEAN_EPISODES, CLEAN_HEADER, write_return


def test_a_return_imports_then_exports(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    header, episodes = write_return(tmp_path / "return")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", "--ssda903", str(header), str(episodes)]) == 0
    out = capsys.readouterr().out
    assert "children: 4 new" in out and "placements: 8 new" in out
    assert main(["--data-dir", data, "import", "--ssda903", str(episodes), str(header)]) == 0
    assert "children: 4 unchanged" in capsys.readouterr().out
    folder = tmp_path / "out" / "return"  # made as it is missing
    assert main(["--data-dir", data, "export", "--ssda903", str(folder)]) == 0
    assert "10 episodes" in capsys.readouterr().out
    assert (folder / "episodes.csv").read_text().startswith("CHILD,DECOM,RNE,LS")
    book = tmp_path / "placements.xlsx"
    assert main(["--data-dir", data, "export", "--xlsx", "placements", str(book)]) == 0
    assert book.read_bytes().startswith(b"PK")


def test_rejected_rows_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    episodes = [row[:] for row in CLEAN_EPISODES]
    episodes[2][1] = "32/13/2021"
    files = write_return(tmp_path / "return", CLEAN_HEADER, episodes)
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", "--ssda903", *map(str, files)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Episodes row 4" in err and "nothing was imported" in err
    args = ["--data-dir", data, "import", "--ssda903", *map(str, files), "--skip-rejected"]
    assert main(args) == 0
    assert "children: 3 new" in capsys.readouterr().out


def test_a_placement_tracker_imports_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    tracker = tmp_path / "tracker.csv"
    tracker.write_text("Child's name,Setting,Start date\nSky,Oak House,01/02/2023\n")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", "--csv", "placements", str(tracker)]) == 2
    assert "no placement type" in capsys.readouterr().err
    tracker.write_text("Child's name,Setting,Placement type,Start date\nSky,Oak,K2,01/02/2023\n")
    assert main(["--data-dir", data, "import", "--csv", "placements", str(tracker)]) == 0
    assert "placements: 1 new" in capsys.readouterr().out


def test_the_collection_year_can_be_chosen(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    episodes = [row[:] for row in CLEAN_EPISODES]
    episodes[6][5] = "K3"  # 1003 in supported accommodation: a code from 2024-25 on
    files = [str(f) for f in write_return(tmp_path / "return", CLEAN_HEADER, episodes)]
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", "--ssda903", *files]) == 2
    assert "not a placement type code in the 2023-24 903 code lists" in capsys.readouterr().err
    assert main(["--data-dir", data, "import", "--ssda903", *files, "--year", "2025"]) == 0
    assert main(["--data-dir", data, "import", "--ssda903", *files, "--year", "25"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
