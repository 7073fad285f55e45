"""``relcom import --csv placements``: a tracker as teams keep it imports with no flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from relcom_desktop.cli import main
from tests.core.tracker_samples import REAL_ROWS, build_tracker


def test_a_real_looking_tracker_imports_every_real_row_with_no_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    tracker = build_tracker(tmp_path / "tracker.xlsx")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", "--csv", "placements", str(tracker)]) == 0
    out = capsys.readouterr().out
    assert f"placements: {REAL_ROWS} new" in out and "rejected" not in out
    assert "Columns left out (not recognised): RAG, Days in placement." in out
    assert "Placement type: 'IFA' → U6 Foster placement" in out
    assert "row 16 (a totals row" in out
    again = ["--data-dir", data, "import", "--csv", "placements", str(tracker)]
    assert main(again) == 0
    assert f"placements: {REAL_ROWS} unchanged" in capsys.readouterr().out


def test_a_tracker_without_a_needed_column_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    tracker = tmp_path / "tracker.csv"
    tracker.write_text("Child name,RAG,Type,Start date\nSky,Green,K2,01/02/2023\n")
    data = str(tmp_path / "data")
    assert main(["--data-dir", data, "import", "--csv", "placements", str(tracker)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No column holds the Setting" in err and "'RAG'" in err
