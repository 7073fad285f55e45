"""Every "today" the app works with comes from one calendar (`core/clock.py`)."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from relcom_desktop.core import clock
from relcom_desktop.core.children import Child, create_child, get_child, update_child
from relcom_desktop.core.store.db import Store

PACKAGE = Path(__file__).resolve().parents[1] / "relcom_desktop"
CLOCK = PACKAGE / "core" / "clock.py"


def _reads_the_calendar(path: Path) -> list[int]:
    """Lines of ``path`` that ask ``date.today`` (or ``dt.date.today``) themselves."""
    return sorted(
        {
            node.lineno
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Attribute)
            and node.attr == "today"
            and (
                (isinstance(node.value, ast.Name) and node.value.id == "date")
                or (isinstance(node.value, ast.Attribute) and node.value.attr == "date")
            )
        }
    )


def test_only_the_clock_reads_the_calendar() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path != CLOCK
        for line in _reads_the_calendar(path)
    ]
    assert offenders == [], "use clock.today() instead of date.today()"
    assert _reads_the_calendar(CLOCK)


def test_what_the_app_stamps_follows_the_clock(store: Store, monkeypatch) -> None:
    amy = create_child(store, Child("Amy", "Amy Example", dt.date(2014, 3, 1)))
    monkeypatch.setattr(clock, "today", lambda: dt.date(2031, 1, 1))  # just after midnight
    update_child(store, dataclasses.replace(amy, wishes_and_feelings="To stay at Oak House."))
    assert get_child(store, amy.id).wishes_and_feelings_updated == dt.date(2031, 1, 1)


def test_the_test_session_keeps_one_day() -> None:
    from tests.conftest import SESSION_DAY

    assert clock.today() == SESSION_DAY


@pytest.mark.parametrize("line", ["x = dt.date.today()", "x = date.today", "y = clock.today()"])
def test_the_rule_sees_each_way_of_asking(tmp_path: Path, line: str) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text(line + "\n", encoding="utf-8")
    assert bool(_reads_the_calendar(planted)) == line.startswith("x =")
