"""Starting the app: a data file that cannot be opened is explained, never a traceback."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

from relcom_desktop.app import run_gui
from relcom_desktop.core import clock
from relcom_desktop.core.store.db import open_store


def test_a_file_that_is_not_a_database_is_explained(qapp, tmp_path: Path, shown_errors) -> None:
    (tmp_path / "relcom.sqlite3").write_bytes(b"these are my shopping notes, not a database")
    assert run_gui(tmp_path) == 2
    assert len(shown_errors) == 1
    assert "is not a RelCom Desktop data file" in shown_errors[0]
    assert "Traceback" not in shown_errors[0]


def test_a_data_folder_that_cannot_be_made_is_explained(qapp, tmp_path: Path, shown_errors) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert run_gui(blocker / "data") == 2
    assert len(shown_errors) == 1
    assert "cannot create the data folder" in shown_errors[0]


def test_application_is_named_for_settings_and_titles(qapp, tmp_path: Path, shown_errors) -> None:
    (tmp_path / "relcom.sqlite3").write_bytes(b"junk")
    run_gui(tmp_path, demo=True)
    assert QApplication.applicationName() == "RelCom Desktop"
    assert QApplication.organizationName() == "RelCom"
    assert QApplication.applicationDisplayName() == "RelCom Desktop — DEMO (synthetic data)"
    assert QApplication.applicationVersion()


def test_startup_probe_reports_the_first_paint(qapp, tmp_path: Path, settings, capsys) -> None:
    open_store(tmp_path / "data").close()  # an existing plain file: no wizard, no unlock
    assert run_gui(tmp_path / "data", startup_probe=True, settings=settings) == 0
    # First paint (the window), the page painted with its data (Today, read while Qt
    # started, so often in that same paint), and the data file open behind it.
    out = capsys.readouterr().out
    times = dict(re.findall(r"^(\w+)=(\d+)$", out, re.MULTILINE))
    assert set(times) == {"startup_ms", "ready_ms", "open_ms"}, out
    assert int(times["startup_ms"]) <= int(times["ready_ms"])
    assert int(times["startup_ms"]) <= int(times["open_ms"])


def test_the_window_shows_before_the_data_file_opens(qtbot, tmp_path: Path, settings) -> None:
    from relcom_desktop.ui.main_window import MainWindow

    open_store(tmp_path / "data").close()
    window = MainWindow(None, settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.attached
    assert "Opening your data" in window.loading.message.text()
    window.show_section("children")  # moving about before the data arrives is harmless
    store = open_store(tmp_path / "data")
    try:
        window.attach(store)
        assert window.attached and window.loading is None
        assert window.current_section() == "children"
        qtbot.waitUntil(lambda: window.page("children").isVisibleTo(window))
    finally:
        window.close()
        store.close()


def test_today_shows_its_lists_before_the_data_file_opens(qtbot, tmp_path: Path, settings) -> None:
    """At start-up Today is read on a plain connection while Qt starts, and painted in the
    window's first paint; the data file opens behind it and the page then works as usual."""
    from PySide6.QtCore import Qt

    from relcom_desktop.core import demo
    from relcom_desktop.core.actions import Action, create_action
    from relcom_desktop.core.store.migrate import SCHEMA_HEAD
    from relcom_desktop.core.today_early import start_reading
    from relcom_desktop.ui.bus import bus
    from relcom_desktop.ui.main_window import MainWindow
    from relcom_desktop.ui.pages.action_dialogs import ActionDialog
    from tests.ui.keyboard import closed, dialog_of, key, tab_to

    store = open_store(tmp_path)
    demo.build_demo(store, "tiny", seed=3)
    today = clock.today()
    create_action(store, Action("Chase the PEP", due_on=today - dt.timedelta(days=400)))
    store.close()
    view = start_reading(tmp_path / "relcom.sqlite3", SCHEMA_HEAD)()
    assert view is not None

    window = MainWindow(None, settings=settings)
    qtbot.addWidget(window)
    window.show_early_today(view)
    window.show()
    qtbot.waitExposed(window)
    page = window.page("today")
    assert not window.attached and window.loading is None
    assert [card.section.title for card in page.cards] == [s.title for s in view.sections]
    overdue = page.card("overdue")
    assert overdue.list.item(0).text() == "Chase the PEP"
    assert page.card("providers").section.pending  # the journal's rules need the open file

    store = open_store(tmp_path)
    try:
        window.attach(store)
        qtbot.waitUntil(lambda: not page.card("providers").section.pending)
        assert page.card("overdue") is overdue  # what was shown stays: no second read
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        tab_to(qtbot, overdue.list)
        with qtbot.waitSignal(bus().open_record) as opened:
            key(qtbot, Qt.Key.Key_Return)
        assert opened.args[0] == "action"
        assert dialog_of(qtbot, ActionDialog).what.text() == "Chase the PEP"
        assert window.current_section() == "actions"
        key(qtbot, Qt.Key.Key_Escape)
        closed(qtbot, window)
    finally:
        window.close()
        store.close()
