"""The Actions page by keyboard: filters, Space to complete, snooze, reassign, undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt

from relcom_desktop.core import clock, preferences
from relcom_desktop.core.actions import Action, Due, Whose, create_action, get_action
from relcom_desktop.core.enums import ActionStatus
from relcom_desktop.ui.pages.action_dialogs import ReassignDialog, SnoozeDialog
from relcom_desktop.ui.pages.actions_page import ActionsPage
from tests.ui.keyboard import CTRL, closed, dialog_of, key, open_window, tab_to, type_text

TODAY = clock.today()
D = dt.timedelta


@pytest.fixture
def page(qtbot, caseload, settings: QSettings) -> ActionsPage:
    store = caseload.store
    preferences.put(store, preferences.USER_NAME, "Sam Demo")
    create_action(
        store,
        Action(
            "Chase PEP", owner="Sam Demo", due_on=TODAY - D(2), child_id=caseload.children["Amy"]
        ),
    )
    create_action(store, Action("Send rota", owner="Kim Lee", due_on=TODAY - D(1)))
    create_action(store, Action("Book panel", due_on=TODAY + D(30)))
    win = open_window(qtbot, store, settings)
    qtbot.keyClick(win, Qt.Key.Key_6, CTRL)
    actions = win.page("actions")
    tab_to(qtbot, actions.table)
    return actions


def _titles(page: ActionsPage) -> list[str]:
    return [page.model.row_at(i).title for i in range(page.model.rowCount())]


def test_open_actions_soonest_first(page: ActionsPage) -> None:
    assert _titles(page) == ["Chase PEP", "Send rota", "Book panel"]
    assert page.count_label.text() == "3 actions"


def test_filters_mine_overdue_and_done(qtbot, page: ActionsPage) -> None:
    page.whose.setCurrentIndex(page.whose.findData(Whose.MINE))
    assert _titles(page) == ["Chase PEP", "Book panel"]
    page.whose.setCurrentIndex(page.whose.findData(Whose.OTHERS))
    assert _titles(page) == ["Send rota"]
    page.whose.setCurrentIndex(0)
    page.due.setCurrentIndex(page.due.findData(Due.OVERDUE))
    assert _titles(page) == ["Chase PEP", "Send rota"]
    page.due.setCurrentIndex(0)
    page.status.setCurrentIndex(page.status.findData(ActionStatus.DONE))
    assert _titles(page) == []
    assert page.count_label.text() == "No actions match the search and filters"


def test_space_completes_and_ctrl_z_undoes(qtbot, page: ActionsPage) -> None:
    first = page.current_row()
    assert first.title == "Chase PEP"
    key(qtbot, Qt.Key.Key_Space)
    assert get_action(page._store, first.id).status is ActionStatus.DONE
    assert _titles(page) == ["Send rota", "Book panel"]
    assert page.current_row().title == "Send rota"  # the cursor stays in place
    page.window().undo_action.trigger()
    assert get_action(page._store, first.id).status is ActionStatus.OPEN
    assert _titles(page)[0] == "Chase PEP"


def test_snooze_hides_from_overdue(qtbot, page: ActionsPage) -> None:
    page.due.setCurrentIndex(page.due.findData(Due.OVERDUE))
    tab_to(qtbot, page.table)
    key(qtbot, Qt.Key.Key_S)
    dialog = dialog_of(qtbot, SnoozeDialog)
    assert dialog.until.date().toPython() == TODAY + D(7)
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, page.window())
    assert _titles(page) == ["Send rota"]
    [chase] = [a for a in [get_action(page._store, 1)]]
    assert chase.snoozed_until == TODAY + D(7)


def test_reassign_by_keyboard(qtbot, page: ActionsPage) -> None:
    key(qtbot, Qt.Key.Key_R)
    dialog = dialog_of(qtbot, ReassignDialog)
    assert dialog.who.text() == "Sam Demo"
    type_text(qtbot, "Jo Reed")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, page.window())
    assert get_action(page._store, 1).owner == "Jo Reed"
    page.whose.setCurrentIndex(page.whose.findData(Whose.OTHERS))
    assert _titles(page) == ["Chase PEP", "Send rota"]


def test_enter_opens_the_source_record(qtbot, page: ActionsPage, caseload) -> None:
    with qtbot.waitSignal(page.window().bus.open_record) as opened:
        key(qtbot, Qt.Key.Key_Return)
    assert opened.args == ["child", caseload.children["Amy"]]
