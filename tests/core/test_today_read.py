"""Today read on a plain connection (start-up) says the same as the services it stands for."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from relcom_desktop.core import demo, family, preferences
from relcom_desktop.core.actions import ActionFilter, Due, count_actions, list_actions
from relcom_desktop.core.store.db import Store, open_store
from relcom_desktop.core.store.migrate import SCHEMA_HEAD
from relcom_desktop.core.today import today_view
from relcom_desktop.core.today_early import start_reading
from relcom_desktop.core.today_read import read_file

BUILT_FOR = dt.date(2026, 11, 25)
DAYS = [BUILT_FOR, dt.date(2026, 12, 1), dt.date(2027, 2, 28), dt.date(2026, 6, 14)]


@pytest.fixture(scope="module")
def caseload(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("today-read")
    store = open_store(folder)
    demo.build_demo(store, "small", seed=5, today=BUILT_FOR)
    store.close()
    return folder


@pytest.fixture
def opened(caseload: Path) -> Iterator[Store]:
    store = open_store(caseload)
    yield store
    store.close()


def test_the_file_read_at_start_up_gives_what_the_open_file_gives(caseload: Path) -> None:
    store = open_store(caseload)
    try:
        expected = {day: today_view(store, day, providers=False) for day in DAYS}
    finally:
        store.close()
    for day in DAYS:
        view = read_file(caseload / "relcom.sqlite3", SCHEMA_HEAD, day)
        assert view == expected[day]
        assert view.section("providers").pending  # flagged once the file is open
    assert any(s.total for s in expected[BUILT_FOR].sections)


def test_the_helper_process_hands_back_the_view(caseload: Path, tmp_path: Path) -> None:
    data = caseload / "relcom.sqlite3"
    before, names = data.read_bytes(), {p.name for p in caseload.iterdir()}
    view = start_reading(data, SCHEMA_HEAD)()
    assert view is not None and view.today == dt.date.today()
    assert [s.key for s in view.sections][:3] == ["overdue", "due_this_week", "meetings"]
    assert data.read_bytes() == before  # read only
    extra = {p.name for p in caseload.iterdir()} - names  # SQLite's own, private as the file
    assert extra <= {"relcom.sqlite3-wal", "relcom.sqlite3-shm"}
    assert all((caseload / name).stat().st_mode & 0o077 == 0 for name in extra)
    (tmp_path / "relcom.sqlite3").write_bytes(b"not a database" * 400)
    assert start_reading(tmp_path / "relcom.sqlite3", SCHEMA_HEAD)() is None
    assert start_reading(tmp_path / "missing.sqlite3", SCHEMA_HEAD)() is None


@pytest.mark.parametrize("damage", ["missing", "not a database", "older schema", "no tables"])
def test_a_file_it_cannot_read_gives_nothing(caseload: Path, tmp_path: Path, damage: str) -> None:
    """The full open then says what is wrong (or upgrades the file), in its own words."""
    path = tmp_path / "relcom.sqlite3"
    if damage == "not a database":
        path.write_bytes(b"my shopping list" * 512)
    elif damage == "older schema":
        shutil.copy(caseload / "relcom.sqlite3", path)
        with sqlite3.connect(path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '0002_older'")
    elif damage == "no tables":
        sqlite3.connect(path).close()
    assert read_file(path, SCHEMA_HEAD, BUILT_FOR) is None
    if damage == "older schema":
        with sqlite3.connect(path) as conn:  # nothing was written to it
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                "0002_older",
            )


@pytest.mark.parametrize("day", DAYS)
def test_action_lists_match_the_actions_page(opened: Store, day: dt.date) -> None:
    view = today_view(opened, day, providers=False)
    for key, due in (("overdue", Due.OVERDUE), ("due_this_week", Due.THIS_WEEK)):
        wanted = ActionFilter(due=due)
        section = view.section(key)
        rows = list_actions(opened, wanted, limit=len(section.items), today=day)
        assert [i.record_id for i in section.items] == [r.id for r in rows]
        assert section.total == count_actions(opened, wanted, today=day)


@pytest.mark.parametrize("day", DAYS)
def test_contact_gaps_match_each_childs_reminder(opened: Store, day: dt.date) -> None:
    view = today_view(opened, day)
    if not any(s.key == "contact_gaps" for s in view.sections):
        return
    days = int(preferences.get(opened, preferences.LINK_CONTACT_REMINDER_DAYS))
    for item in view.section("contact_gaps").items:
        due = family.links_needing_contact(family.links_of(opened, item.record_id), day, days)
        assert due and item.row_id == due[0].id
        assert all(link.name in item.detail for link in due)
    items = view.section("contact_gaps").items
    assert len({i.record_id for i in items}) == len(items)  # one line per child
    longest_first = [i.day or dt.date.min for i in items]
    assert longest_first == sorted(longest_first)


def test_a_bundled_app_reads_today_after_opening(caseload: Path, monkeypatch) -> None:
    """A frozen executable cannot run ``-m``: no helper process, Today comes with the file."""
    monkeypatch.setattr("sys.frozen", True, raising=False)
    assert start_reading(caseload / "relcom.sqlite3", SCHEMA_HEAD)() is None


def test_a_reader_that_hangs_is_stopped(tmp_path: Path, monkeypatch) -> None:
    """A file that never answers (here a pipe nobody writes to) costs the start a bounded
    wait; the reader is stopped and the file then opens the usual way."""
    import os
    import time

    from relcom_desktop.core import today_early

    monkeypatch.setattr(today_early, "WAIT_SECONDS", 0.5)
    os.mkfifo(tmp_path / "relcom.sqlite3")
    started = time.monotonic()
    assert start_reading(tmp_path / "relcom.sqlite3", SCHEMA_HEAD)() is None
    assert time.monotonic() - started < 3
