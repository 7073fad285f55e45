"""The Today page opens records; the System overview drills down and exports."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from relcom_desktop.core import clock
from relcom_desktop.core.actions import Action, create_action
from relcom_desktop.core.overview import FigureKey
from relcom_desktop.core.today_items import TodayItem
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.pages.action_dialogs import ActionDialog
from relcom_desktop.ui.pages.children_behind import ChildrenBehindDialog
from relcom_desktop.ui.pages.today_cards import how_long, when_text
from relcom_desktop.ui.pages.today_page import TodayPage
from tests.ui.keyboard import closed, dialog_of, key, open_window, tab_to

TODAY = clock.today()


@pytest.fixture
def window(qtbot, caseload, settings: QSettings) -> MainWindow:
    create_action(caseload.store, Action("Chase the PEP", due_on=TODAY - dt.timedelta(days=3)))
    win = open_window(qtbot, caseload.store, settings)
    qtbot.waitUntil(lambda: win.page("today").loaded)
    return win


def test_today_is_the_start_page_with_every_section(window: MainWindow) -> None:
    page = window.page("today")
    assert isinstance(page, TodayPage)
    titles = [card.section.title for card in page.cards]
    assert titles[:3] == [
        "Overdue actions",
        "Actions due this week",
        "Meetings today and this week",
    ]
    assert len(titles) == 10
    assert [i.title for i in page.card("overdue").section.items] == ["Chase the PEP"]
    # Amy, Ben and Cara are placed and have never had a check-in.
    assert page.card("check_ins").section.total == 3


def test_the_cards_fall_into_one_column_when_the_page_is_narrow(window: MainWindow) -> None:
    page = window.page("today")
    chars = page.fontMetrics().averageCharWidth()

    def columns() -> list[int]:
        return [page.column_of(c) for c in page.cards]

    window.resize(chars * 200, 800)  # large text makes the same window "narrow"
    assert page.columns() == 2 and columns()[:2] == [0, 1] and set(columns()) == {0, 1}
    window.resize(chars * 100, 800)
    assert page.columns() == 1 and set(columns()) == {0}


def test_enter_on_a_today_item_opens_its_record(qtbot, window: MainWindow) -> None:
    page = window.page("today")
    overdue = page.card("overdue").list
    tab_to(qtbot, overdue)
    with qtbot.waitSignal(bus().open_record) as opened:
        key(qtbot, Qt.Key.Key_Return)
    assert opened.args[0] == "action"
    dialog = dialog_of(qtbot, ActionDialog)
    assert dialog.what.text() == "Chase the PEP"
    assert window.current_section() == "actions"
    key(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, window)


def test_words_say_how_late_not_only_colour() -> None:
    item = TodayItem("action", 1, "x", day=TODAY - dt.timedelta(days=400))
    assert when_text("overdue", item, TODAY) == "13 months overdue"
    assert how_long(1) == "1 day" and how_long(59) == "59 days" and how_long(800) == "2 years"
    assert when_text("due_this_week", TodayItem("action", 1, "x", day=TODAY), TODAY) == "Due today"


def _overview(qtbot, window: MainWindow):
    page = window.page("today")
    qtbot.keyClick(page.tabs, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    assert page.tabs.currentWidget() is page.overview
    qtbot.waitUntil(lambda: page.overview.loaded)
    return page.overview


def test_the_overview_drills_down_to_the_children(qtbot, window: MainWindow, caseload) -> None:
    overview = _overview(qtbot, window)
    assert [c.figure.key for c in overview.cards] == list(FigureKey)
    card = overview.cards[0]  # children by placement type: K2 (Amy, Cara), U4 (Ben)
    assert [b.label[:2] for b in card.chart.bars()] == ["K2", "U4"]
    tab_to(qtbot, card.table, most=40)
    key(qtbot, Qt.Key.Key_Return)
    dialog = dialog_of(qtbot, ChildrenBehindDialog)
    assert [c.preferred_name for c in dialog.children_shown] == ["Amy", "Cara"]
    with qtbot.waitSignal(bus().open_record) as opened:
        key(qtbot, Qt.Key.Key_Return)
    assert opened.args == ["child", caseload.children["Amy"]]


def test_a_click_on_a_bar_lists_its_children(qtbot, window: MainWindow) -> None:
    overview = _overview(qtbot, window)
    card = next(c for c in overview.cards if c.figure.key is FigureKey.JUDGEMENT)
    good = [r.label for r in card.figure.rows].index("Good")
    card.chart.part_clicked.emit(good, 0)
    dialog = dialog_of(qtbot, ChildrenBehindDialog)
    assert [c.preferred_name for c in dialog.children_shown] == ["Amy", "Cara"]
    dialog.close()


@pytest.mark.parametrize("suffix", ["pdf", "csv"])
def test_file_export_writes_the_overview(
    qtbot, window: MainWindow, tmp_path, monkeypatch, suffix
) -> None:
    target = tmp_path / f"overview.{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    [export] = [
        a
        for a in window.menuBar().findChildren(type(window.undo_action))
        if a.text().startswith(f"System overview (&{suffix.upper()})")
    ]
    export.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: "Saved" in window.statusBar().currentMessage())
    if suffix == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
        assert "System overview" in text and "OFFICIAL-SENSITIVE" in text
        assert "Children by placement type" in text
    else:
        assert target.read_text(encoding="utf-8-sig").startswith(
            "As of,Figure,Category,Measure,Value"
        )
    assert QApplication.activeModalWidget() is None
