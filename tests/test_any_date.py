"""The suite's date-sensitive tests pass with the computer's clock on other days.

The demo caseload, Today, reviews and reports all work from "today"; these tests run again in
a child process whose clock libfaketime moves (skipped where `faketime` is missing; `make test`
installs it on Debian when run as root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OTHER_DAYS = ("2027-02-28 23:30:00", "2029-08-01 09:00:00")  # a month end late at night; summer
DATE_SENSITIVE = (
    "tests/reports/test_documents.py::test_child_summary",
    "tests/reports/test_documents.py::test_review_pack_has_cover_contents_bookmarks_and_links",
    "tests/reports/test_bad_input.py::test_cli_prints_each_kind",
    "tests/core/test_today.py",
    "tests/core/test_plans.py",
)


@pytest.mark.skipif(not shutil.which("faketime"), reason="needs faketime (libfaketime)")
@pytest.mark.parametrize("day", OTHER_DAYS)
def test_date_sensitive_tests_pass_on_another_day(day: str, tmp_path: Path) -> None:
    done = subprocess.run(
        ["faketime", "-f", f"@{day}", sys.executable, "-m", "pytest", "-q", "-p",
         "no:cacheprovider", "--basetemp", str(tmp_path / "run"), *DATE_SENSITIVE],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
