"""Keyboard only: a meeting from a template with an attendee, a decision and an action; the
action is completed on the Actions page and leaves Today."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from relcom_desktop.core.enums import MeetingKind
from relcom_desktop.core.meeting_list import list_meetings
from relcom_desktop.core.meetings import get_meeting_detail
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.pages.action_dialogs import ActionDialog
from relcom_desktop.ui.pages.meeting_dialogs import (
    AttendeeDialog,
    DecisionDialog,
    NewMeetingDialog,
)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, caseload, settings: QSettings) -> MainWindow:
    win = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def _dialog(qtbot, kind: type) -> QWidget:
    """The dialog just opened, made the active window (the offscreen platform does not)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _closed(qtbot, window: MainWindow) -> None:
    """Wait for the dialog to close; the main window is active again."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _type(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _today_titles(window: MainWindow, qtbot, key: str) -> list[str]:
    page = window.page("today")
    qtbot.waitUntil(lambda: page.loaded)
    return [item.title for item in page.card(key).section.items]


def test_meeting_from_template_to_action_done(qtbot, window: MainWindow, caseload) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert window.current_section() == "meetings"
    meetings = window.page("meetings")

    # A placement panel from its template.
    _key(qtbot, Qt.Key.Key_N, CTRL)
    dialog = _dialog(qtbot, NewMeetingDialog)
    for _ in range(len(MeetingKind)):  # type-ahead: P steps through the kinds with P
        if dialog.kind.currentText() == "Placement panel":
            break
        qtbot.keyClick(dialog.kind, Qt.Key.Key_P)
        qtbot.wait(450)  # a pause, so the next P starts a new search
    if dialog.kind.view().isVisible():  # some styles open the list to search in it
        _key(qtbot, Qt.Key.Key_Return)
    assert dialog.kind.currentText() == "Placement panel"
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Panel for Amy")
    _key(qtbot, Qt.Key.Key_Return)
    _closed(qtbot, window)
    editor = meetings.editor
    assert meetings.currentWidget() is editor
    assert editor.agenda.items()[0].title == "Case summary and the child's views"

    # An attendee, typed.
    _key(qtbot, Qt.Key.Key_A, CTRL_SHIFT)
    _dialog(qtbot, AttendeeDialog)
    _type(qtbot, "Jo Reed")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "IRO")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Demoshire")
    _key(qtbot, Qt.Key.Key_Return)
    _closed(qtbot, window)

    # A decision, with who agreed.
    _key(qtbot, Qt.Key.Key_D, CTRL_SHIFT)
    _dialog(qtbot, DecisionDialog)
    _type(qtbot, "Approve Oak House for Amy")
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, "Jo Reed, Sam")
    _key(qtbot, Qt.Key.Key_Return)
    _closed(qtbot, window)

    # An action, mine, due today.
    _key(qtbot, Qt.Key.Key_T, CTRL_SHIFT)
    _dialog(qtbot, ActionDialog)
    _type(qtbot, "Send the referral to Oak House")
    _key(qtbot, Qt.Key.Key_Tab)  # who: blank means me
    _key(qtbot, Qt.Key.Key_Tab)
    _key(qtbot, Qt.Key.Key_Space)  # "Due by" (today)
    _key(qtbot, Qt.Key.Key_Return)
    _closed(qtbot, window)

    _key(qtbot, Qt.Key.Key_S, CTRL)
    [row] = list_meetings(caseload.store)
    saved = get_meeting_detail(caseload.store, row.id)
    assert saved.meeting.kind is MeetingKind.PLACEMENT_PANEL
    assert saved.meeting.title == "Panel for Amy"
    assert [(a.name, a.role, a.organisation) for a in saved.attendees] == [
        ("Jo Reed", "IRO", "Demoshire")
    ]
    [decision] = saved.decisions
    assert (decision.text, decision.agreed_by) == ("Approve Oak House for Amy", "Jo Reed, Sam")
    [action] = saved.actions
    assert action.title == "Send the referral to Oak House"

    # The action is on Today...
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert "Send the referral to Oak House" in _today_titles(window, qtbot, "due_this_week")

    # ...until it is completed with Space on the Actions page.
    qtbot.keyClick(window, Qt.Key.Key_6, CTRL)
    actions = window.page("actions")
    _type(qtbot, "referral")
    _key(qtbot, Qt.Key.Key_Return)
    for _ in range(12):
        if QApplication.focusWidget() is actions.table:
            break
        _key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is actions.table
    assert actions.current_row().title == "Send the referral to Oak House"
    _key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: actions.model.total == 0)

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(lambda: window.page("today").loaded)
    assert "Send the referral to Oak House" not in _today_titles(window, qtbot, "due_this_week")

    # And Ctrl+Z brings it back.
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.page("today").loaded)
    assert "Send the referral to Oak House" in _today_titles(window, qtbot, "due_this_week")
