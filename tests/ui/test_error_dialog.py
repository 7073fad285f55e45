"""An unexpected error: a calm message, a log without personal data, and the app carries on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from relcom_desktop.app import error_hook
from relcom_desktop.core import crash_log
from relcom_desktop.ui import error_dialog

CHILD_NAME = "Amy Example"


def _raise_about_a_child() -> None:
    raise ValueError(f"could not show {CHILD_NAME}")


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of the messages the app showed (never blocking)."""
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        texts.append(f"{box.text()}\n{box.informativeText()}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    return texts


def test_the_log_names_the_error_and_the_code_never_the_message(tmp_path: Path) -> None:
    try:
        _raise_about_a_child()
    except ValueError as err:
        path = crash_log.record_unexpected(type(err), err.__traceback__, tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text
    assert "test_error_dialog.py:" in text
    assert "in _raise_about_a_child" in text
    assert CHILD_NAME not in text and str(Path.home()) not in text


def test_code_places_start_at_the_program_never_the_home_folder() -> None:
    home = "/home/sam.taylor/apps/relcom/lib/python3.11/site-packages"
    assert crash_log.code_place(f"{home}/relcom_desktop/ui/x.py") == "relcom_desktop/ui/x.py"
    assert crash_log.code_place(f"{home}/sqlalchemy/orm/session.py") == "sqlalchemy/orm/session.py"
    assert crash_log.code_place("/home/sam.taylor/notes.py") == "notes.py"


@pytest.mark.qt_no_exception_capture
def test_a_fault_in_the_ui_is_explained_calmly_and_the_app_carries_on(
    qtbot, main_window, shown
) -> None:
    previous = sys.excepthook
    sys.excepthook = error_hook(main_window.store, previous)
    try:
        QTimer.singleShot(0, _raise_about_a_child)
        qtbot.waitUntil(lambda: bool(shown))
    finally:
        sys.excepthook = previous
    assert error_dialog.SUMMARY in shown[0] and "nothing was lost" in shown[0]
    assert CHILD_NAME not in shown[0]
    log = crash_log.log_dir() / crash_log.LOG_NAME
    assert str(log) in shown[0]
    assert "ValueError" in log.read_text(encoding="utf-8")
    main_window.show_section("children")  # still running and usable
    assert main_window.current_section() == "children"
