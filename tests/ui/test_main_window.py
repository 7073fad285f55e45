"""The main window: sections by keyboard, menus, status bar, remembered geometry."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from relcom_desktop import APP_NAME, __version__
from relcom_desktop.ui.about import about_text
from relcom_desktop.ui.child.section import ChildrenSection
from relcom_desktop.ui.main_window import SECTION_KEYS, SECTIONS, MainWindow
from relcom_desktop.ui.pages.today_page import TodayPage
from relcom_desktop.ui.provider.section import ProvidersSection
from tests.ui.helpers import shown_main_window


@pytest.fixture
def window(qtbot, caseload, settings) -> MainWindow:
    return shown_main_window(qtbot, caseload.store, settings)


def test_opens_on_today_with_the_plain_title(window: MainWindow) -> None:
    assert window.windowTitle() == "RelCom Desktop"
    assert window.current_section() == "today"
    assert isinstance(window.current_page(), TodayPage)


def test_demo_title_says_the_data_is_synthetic(qtbot, caseload, settings) -> None:
    win = MainWindow(caseload.store, demo=True, settings=settings)
    qtbot.addWidget(win)
    assert win.windowTitle() == "RelCom Desktop — DEMO (synthetic data)"


def test_ctrl_number_switches_through_every_section(qtbot, window: MainWindow) -> None:
    seen = []
    window.section_changed.connect(seen.append)
    for number in (2, 3, 4, 5, 6, 7, 8, 1):
        qtbot.keyClick(
            window, Qt.Key(Qt.Key.Key_0.value + number), Qt.KeyboardModifier.ControlModifier
        )
        key = SECTION_KEYS[number - 1]
        assert window.current_section() == key
        page = window.page(key)
        assert page.isVisible()
        assert window.stack.currentWidget().isAncestorOf(page)
        assert window.nav.currentRow() == number - 1
    assert seen == [SECTION_KEYS[n - 1] for n in (2, 3, 4, 5, 6, 7, 8, 1)]
    assert isinstance(window.page("children"), ChildrenSection)
    assert isinstance(window.page("providers"), ProvidersSection)


def test_ctrl_2_then_typing_searches_the_children(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.page("children").list
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.keyClicks(QApplication.focusWidget(), "cara")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 child", timeout=2000)


def test_tab_moves_from_search_through_filters_to_the_table(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.page("children").list
    order = [page.search, page.placement_type, page.legal_status, page.setting, page.no_check_in]
    widget = page.search
    for expected in order[1:]:
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        assert widget is expected


def test_arrow_keys_in_the_navigation_change_section(qtbot, window: MainWindow) -> None:
    window.nav.setFocus()
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    assert window.current_section() == "children"
    assert window.page("children").isVisible()


def test_view_menu_lists_sections_with_shortcuts(window: MainWindow) -> None:
    titles = [a.text() for a in window.section_actions]
    assert titles == [s.title for s in SECTIONS]
    shortcuts = [a.shortcut().toString() for a in window.section_actions]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 9)]
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    assert not window.undo_action.isEnabled()
    assert window.undo_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)


def test_about_names_version_and_licence() -> None:
    text = about_text()
    assert APP_NAME in text
    assert __version__ in text
    assert "GPL-3.0-or-later" in text


def test_status_bar_shows_data_file_and_children(window: MainWindow, caseload) -> None:
    assert str(caseload.store.path) in window.file_label.text()
    assert window.children_count.text() == "4 children"  # the archived child is not counted


def test_choosing_a_child_opens_their_page(qtbot, window: MainWindow, caseload) -> None:
    section = window.page("children")
    with qtbot.waitSignal(window.child_opened) as signal:
        section.list.child_opened.emit(caseload.children["Cara"])
    assert signal.args == [caseload.children["Cara"]]
    assert section.currentWidget() is section.child_page
    assert section.child_page.header.name.text() == "Cara"
    assert section.current_context() == ("child", caseload.children["Cara"])


def test_geometry_and_section_are_restored(qtbot, caseload, settings) -> None:
    first = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(QSize(790, 540))
    first.move(QPoint(20, 10))
    first.show_section("providers")
    size = first.size()  # the offscreen screen may clamp what was asked for
    assert size != QSize(1280, 800)
    first.close()

    again = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(again)
    assert again.current_section() == "providers"
    assert again.size() == size


def test_unknown_saved_section_falls_back_to_today(qtbot, caseload, settings) -> None:
    settings.setValue("main_window/section", "no-such-place")
    settings.setValue("main_window/geometry", "rubbish")
    win = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(win)
    assert win.current_section() == "today"
    assert win.size() == QSize(1280, 800)


def test_undo_menu_undoes_the_last_action_on_the_bus(window: MainWindow) -> None:
    from PySide6.QtGui import QUndoCommand

    done: list[str] = []

    class Record(QUndoCommand):
        def redo(self) -> None:
            done.append("did")

        def undo(self) -> None:
            done.append("undid")

    window.bus.undo_stack.push(Record("Save child"))
    assert window.undo_action.isEnabled()
    assert "Save child" in window.undo_action.text()
    window.undo_action.trigger()
    assert done == ["did", "undid"]


def test_open_record_shows_the_owning_section(window: MainWindow) -> None:
    window.bus.open_record.emit("provider", 1)
    assert window.current_section() == "providers"
    window.bus.open_record.emit("child", 1)
    assert window.current_section() == "children"
    assert window.page("children").current_context() == ("child", 1)


def test_at_200_percent_text_the_window_still_fits_a_laptop_screen(qapp, window) -> None:
    """Pages wider than the window scroll inside it; the window never needs more than a
    1366 × 768 screen, whatever the text size."""
    from relcom_desktop.ui import theme

    try:
        theme.apply(qapp, "light", 200)
        for key in SECTION_KEYS:
            window.show_section(key)
        QApplication.processEvents()
        needed = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert needed.width() <= 1366 and needed.height() <= 768
    finally:
        theme.apply(qapp, "light", 100)


def test_at_normal_text_size_no_page_scrolls_as_a_whole(qtbot, window, caseload) -> None:
    window.resize(1280, 800)
    window.open_record("child", caseload.children["Amy"])  # the tallest page
    for key in SECTION_KEYS:
        window.show_section(key)
        QApplication.processEvents()
        scroll = window.current_host().parentWidget().parentWidget()
        bars = (scroll.verticalScrollBar(), scroll.horizontalScrollBar())
        assert not any(bar.isVisible() for bar in bars), key
