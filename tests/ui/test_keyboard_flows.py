"""The main flows by keyboard alone, one after another in one window: add a child, write a
journal entry, record a meeting, and print a review pack to a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from relcom_desktop.core import meetings
from relcom_desktop.core.child_list import ChildFilter, list_children
from relcom_desktop.core.journal import JournalFilter, list_entries
from relcom_desktop.ui.pages.reports_page import ReportsPage
from tests.ui.helpers import focused, in_dialog, press, shown_main_window, tab, type_in

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture(autouse=True)
def discard_when_asked(monkeypatch) -> None:
    answer = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answer))


def active_again(qtbot, window) -> None:
    """The window is active again once a dialog closed (the offscreen platform needs a nudge)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_main_flows_by_keyboard_alone(qtbot, caseload, settings, tmp_path: Path, monkeypatch):
    store = caseload.store
    window = shown_main_window(qtbot, store, settings)

    # 1. A new child: Ctrl+2, Ctrl+N, type, Enter.
    press(qtbot, Qt.Key.Key_2, CTRL)

    def new_child(_dialog: QDialog) -> None:
        type_in(qtbot, "Zara")
        tab(qtbot)
        type_in(qtbot, "Zara Keyboard")
        tab(qtbot)
        type_in(qtbot, "14/2/2013")
        press(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, new_child, lambda: press(qtbot, Qt.Key.Key_N, CTRL))
    active_again(qtbot, window)
    assert [c.preferred_name for c in list_children(store, ChildFilter(text="Zara"))] == ["Zara"]

    # 2. A journal entry about Amy's provider: Ctrl+K finds Amy, Ctrl+J starts the entry.
    press(qtbot, Qt.Key.Key_K, CTRL)
    qtbot.waitUntil(lambda: window._search is not None and window._search.box.hasFocus())
    type_in(qtbot, "Amy Example")
    qtbot.waitUntil(lambda: window._search.results.topLevelItemCount() > 0, timeout=5000)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_section() == "children")
    active_again(qtbot, window)

    def journal(_dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_C)  # a call
        tab(qtbot)
        type_in(qtbot, "Call about Amy's school trip")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    in_dialog(qtbot, journal, lambda: press(qtbot, Qt.Key.Key_J, CTRL))
    active_again(qtbot, window)
    harbour = caseload.providers["Harbour Homes"]
    entries = list_entries(store, JournalFilter(provider_id=harbour))
    assert [e.summary for e in entries] == ["Call about Amy's school trip"]

    # 3. A meeting: Ctrl+5, Ctrl+N, a title, Enter; then Ctrl+S in the editor.
    press(qtbot, Qt.Key.Key_5, CTRL)

    def new_meeting(_dialog: QDialog) -> None:
        press(qtbot, Qt.Key.Key_T, ALT)
        type_in(qtbot, "Amy's placement review")
        press(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, new_meeting, lambda: press(qtbot, Qt.Key.Key_N, CTRL))
    active_again(qtbot, window)
    press(qtbot, Qt.Key.Key_S, CTRL)
    span = (dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1))
    titles = [m.title for m in meetings.meetings_between(store, *span)]
    assert titles == ["Amy's placement review"]

    # 4. A review pack for Amy, built, previewed and saved to a file.
    press(qtbot, Qt.Key.Key_8, CTRL)
    page = window.page("reports")
    assert isinstance(page, ReportsPage)
    press(qtbot, Qt.Key.Key_W, ALT)  # What to print
    assert focused(qtbot) is page.kind
    while page.kind.currentText() != "Review pack for a child":
        press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_O, ALT)  # For
    type_in(qtbot, "Amy")
    qtbot.waitUntil(lambda: page.picker.chosen_label().startswith("Amy"), timeout=5000)
    press(qtbot, Qt.Key.Key_Return)
    target = tmp_path / "amy-pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    press(qtbot, Qt.Key.Key_B, ALT)  # Build and preview
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.isVisible(), timeout=20000)
    preview = page.preview
    preview.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview)
    press(qtbot, Qt.Key.Key_S, ALT)  # Save as…
    qtbot.waitUntil(target.exists)
    assert len(PdfReader(str(target)).pages) >= 2
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not preview.isVisible())
