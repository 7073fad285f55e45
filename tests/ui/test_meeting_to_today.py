"""Keyboard only: a meeting from a template with an attendee, a decision and an action; the
action is completed on the Actions page and leaves Today."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

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
from tests.ui.keyboard import (
    CTRL,
    CTRL_SHIFT,
    closed,
    dialog_of,
    key,
    open_window,
    tab_to,
    type_text,
)


@pytest.fixture
def window(qtbot, caseload, settings: QSettings) -> MainWindow:
    win = open_window(qtbot, caseload.store, settings)
    return win


def _today_titles(window: MainWindow, qtbot, key: str) -> list[str]:
    page = window.page("today")
    qtbot.waitUntil(lambda: page.loaded)
    return [item.title for item in page.card(key).section.items]


def test_meeting_from_template_to_action_done(qtbot, window: MainWindow, caseload) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, CTRL)
    assert window.current_section() == "meetings"
    meetings = window.page("meetings")

    # A placement panel from its template.
    key(qtbot, Qt.Key.Key_N, CTRL)
    dialog = dialog_of(qtbot, NewMeetingDialog)
    for _ in range(len(MeetingKind)):  # type-ahead: P steps through the kinds with P
        if dialog.kind.currentText() == "Placement panel":
            break
        qtbot.keyClick(dialog.kind, Qt.Key.Key_P)
        qtbot.wait(450)  # a pause, so the next P starts a new search
    if dialog.kind.view().isVisible():  # some styles open the list to search in it
        key(qtbot, Qt.Key.Key_Return)
    assert dialog.kind.currentText() == "Placement panel"
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Panel for Amy")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, window)
    editor = meetings.editor
    assert meetings.currentWidget() is editor
    assert editor.agenda.items()[0].title == "Case summary and the child's views"

    # An attendee, typed.
    key(qtbot, Qt.Key.Key_A, CTRL_SHIFT)
    dialog_of(qtbot, AttendeeDialog)
    type_text(qtbot, "Jo Reed")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "IRO")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Demoshire")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, window)

    # A decision, with who agreed.
    key(qtbot, Qt.Key.Key_D, CTRL_SHIFT)
    dialog_of(qtbot, DecisionDialog)
    type_text(qtbot, "Approve Oak House for Amy")
    key(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Jo Reed, Sam")
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, window)

    # An action, mine, due today.
    key(qtbot, Qt.Key.Key_T, CTRL_SHIFT)
    dialog_of(qtbot, ActionDialog)
    type_text(qtbot, "Send the referral to Oak House")
    key(qtbot, Qt.Key.Key_Tab)  # who: blank means me
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Space)  # "Due by" (today)
    key(qtbot, Qt.Key.Key_Return)
    closed(qtbot, window)

    key(qtbot, Qt.Key.Key_S, CTRL)
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
    type_text(qtbot, "referral")
    key(qtbot, Qt.Key.Key_Return)
    tab_to(qtbot, actions.table)
    assert actions.current_row().title == "Send the referral to Oak House"
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: actions.model.total == 0)

    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(lambda: window.page("today").loaded)
    assert "Send the referral to Oak House" not in _today_titles(window, qtbot, "due_this_week")

    # And Ctrl+Z brings it back.
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.page("today").loaded)
    assert "Send the referral to Oak House" in _today_titles(window, qtbot, "due_this_week")
