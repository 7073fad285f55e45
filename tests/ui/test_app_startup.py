"""Starting the app: a data file that cannot be opened is explained, never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication

from relcom_desktop.app import run_gui
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
    # First paint (the window, before the data file is open), then the page with its data.
    out = capsys.readouterr().out
    assert re.fullmatch(r"startup_ms=(\d+)\nready_ms=(\d+)\n", out)
    first, ready = (int(v) for v in re.findall(r"\d+", out))
    assert first <= ready


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
