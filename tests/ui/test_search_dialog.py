"""Find anything (Ctrl+K): type, see grouped highlighted results, Enter opens the record."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from relcom_desktop.core.search import search
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.search_dialog import HIT_ROLE, hit_html


def test_keyboard_search_opens_the_provider(qtbot, caseload, settings: QSettings) -> None:
    window = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = window._search
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.box.hasFocus)
    qtbot.keyClicks(dialog.box, "harb")
    qtbot.waitUntil(lambda: dialog.results.topLevelItemCount() > 0, timeout=3000)
    group = dialog.results.topLevelItem(0)
    assert "Providers" in group.text(0)
    assert group.child(0).data(0, HIT_ROLE).open_kind == "provider"
    qtbot.keyClick(dialog.box, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_section() == "providers")
    assert not dialog.isVisible()


def test_no_match_says_so(qtbot, caseload, settings: QSettings) -> None:
    window = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(window)
    window.show_search()
    dialog = window._search
    dialog.run_search('"(( NEAR')
    qtbot.waitUntil(lambda: "Nothing matches" in dialog.status.text(), timeout=3000)


def test_hit_html_escapes_and_highlights(caseload) -> None:
    [hit] = search(caseload.store, "oak")
    assert "<b><u>Oak</u></b> House" in hit_html(hit)
