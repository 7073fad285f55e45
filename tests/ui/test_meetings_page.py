"""The Meetings page: next meeting of a series, refused saves keep the typing, delete + undo."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from relcom_desktop.core import clock
from relcom_desktop.core.actions import Action, get_action
from relcom_desktop.core.enums import ActionStatus, MeetingKind
from relcom_desktop.core.meeting_list import MeetingFilter, When, count_meetings
from relcom_desktop.core.meeting_templates import meeting_from_template
from relcom_desktop.core.meetings import Attendee, get_meeting_detail, save_meeting
from relcom_desktop.ui.pages.meetings_page import MeetingsPage
from tests.ui.keyboard import CTRL, CTRL_SHIFT, key, open_window, tab_to, type_text

SOON = dt.datetime.combine(clock.today() + dt.timedelta(days=3), dt.time(10, 0))


@pytest.fixture
def page(qtbot, caseload, settings: QSettings) -> MeetingsPage:
    draft = meeting_from_template(
        MeetingKind.PROVIDER,
        SOON,
        title="Harbour Homes quarterly",
        provider_ids=(caseload.providers["Harbour Homes"],),
    )
    save_meeting(
        caseload.store,
        dataclasses.replace(
            draft,
            attendees=(Attendee("Kim Lee", "Registered manager", "Harbour Homes"),),
            actions=(Action("Send the rota"), Action("Share the Reg 44 report")),
        ),
    )
    win = open_window(qtbot, caseload.store, settings)
    qtbot.keyClick(win, Qt.Key.Key_5, CTRL)
    meetings = win.page("meetings")
    tab_to(qtbot, meetings.list.table)
    key(qtbot, Qt.Key.Key_Down)
    return meetings


def test_upcoming_meetings_are_listed(page: MeetingsPage) -> None:
    assert page.list.count_label.text() == "1 meeting"
    row = page.list.current_row()
    assert (row.title, row.open_actions) == ("Harbour Homes quarterly", 2)


def test_enter_opens_the_editor_and_esc_goes_back(qtbot, page: MeetingsPage) -> None:
    key(qtbot, Qt.Key.Key_Return)
    assert page.currentWidget() is page.editor
    assert page.editor.title.text() == "Harbour Homes quarterly"
    assert page.editor.providers.ids() == (1,)
    assert page.editor.tabs.tabText(3) == "Actions (2)"
    key(qtbot, Qt.Key.Key_Escape)
    assert page.currentWidget() is page.list


def test_next_in_series_carries_forward_open_actions(qtbot, page: MeetingsPage) -> None:
    store = page._store
    first_id = page.list.current_row().id
    key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    editor = page.editor
    assert page.currentWidget() is editor
    assert editor.heading.text() == "New meeting: Harbour Homes quarterly"
    assert editor.detail.meeting.previous_meeting_id == first_id
    assert [a.title for a in editor.detail.actions] == ["Send the rota", "Share the Reg 44 report"]
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert count_meetings(store, MeetingFilter(when=When.ALL)) == 2
    originals = get_meeting_detail(store, first_id).actions
    assert {a.status for a in originals} == {ActionStatus.CANCELLED}


def test_a_refused_save_keeps_what_was_typed(qtbot, page: MeetingsPage) -> None:
    key(qtbot, Qt.Key.Key_Return)
    editor = page.editor
    editor.title.selectAll()
    key(qtbot, Qt.Key.Key_Delete)
    editor.location.setFocus()
    type_text(qtbot, "County Hall")
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert editor.error.isVisible()
    assert "title" in editor.error.text()
    assert editor.location.text() == "County Hall"
    assert get_meeting_detail(page._store, editor.detail.meeting.id).meeting.location == ""


def test_delete_then_undo(qtbot, page: MeetingsPage) -> None:
    store = page._store
    meeting_id = page.list.current_row().id
    key(qtbot, Qt.Key.Key_Delete)
    assert page.list.count_label.text() == "No meetings yet"
    page.window().undo_action.trigger()
    assert page.list.count_label.text() == "1 meeting"
    assert get_meeting_detail(store, meeting_id).meeting.title == "Harbour Homes quarterly"
    assert get_action(store, get_meeting_detail(store, meeting_id).actions[0].id).title


def test_saving_an_edit_is_undoable_and_the_editor_follows(qtbot, page: MeetingsPage) -> None:
    store = page._store
    meeting_id = page.list.current_row().id
    key(qtbot, Qt.Key.Key_Return)
    editor = page.editor
    editor.title.setText("Harbour Homes — Q3")
    editor._keep(actions=editor.detail.actions[1:])  # "Send the rota" removed
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert [a.title for a in get_meeting_detail(store, meeting_id).actions] == [
        "Share the Reg 44 report"
    ]
    window = page.window()
    assert window.undo_action.text() == "&Undo Edit meeting “Harbour Homes — Q3”"
    window.undo_action.trigger()
    restored = get_meeting_detail(store, meeting_id)
    assert restored.meeting.title == "Harbour Homes quarterly"
    assert [a.title for a in restored.actions] == ["Send the rota", "Share the Reg 44 report"]
    assert editor.title.text() == "Harbour Homes quarterly"  # the editor shows the undo
    assert editor.tabs.tabText(3) == "Actions (2)"
    window.redo_action.trigger()
    assert get_meeting_detail(store, meeting_id).meeting.title == "Harbour Homes — Q3"
    assert editor.title.text() == "Harbour Homes — Q3"


def test_undoing_a_new_meeting_takes_it_away(qtbot, page: MeetingsPage) -> None:
    store = page._store
    key(qtbot, Qt.Key.Key_N, CTRL_SHIFT)  # the next meeting of the series
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert count_meetings(store, MeetingFilter(when=When.ALL)) == 2
    page.window().undo_action.trigger()
    assert count_meetings(store, MeetingFilter(when=When.ALL)) == 1
    assert page.currentWidget() is page.list
    page.window().redo_action.trigger()
    assert count_meetings(store, MeetingFilter(when=When.ALL)) == 2


@pytest.mark.parametrize(
    ("answer", "on_list", "saved_title"),
    [
        (QMessageBox.StandardButton.Cancel, False, "Harbour Homes quarterly"),
        (QMessageBox.StandardButton.Discard, True, "Harbour Homes quarterly"),
        (QMessageBox.StandardButton.Save, True, "Harbour Homes — Q3"),
    ],
)
def test_leaving_with_unsaved_changes_asks_first(
    qtbot, page: MeetingsPage, monkeypatch, answer, on_list, saved_title
) -> None:
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or answer)
    key(qtbot, Qt.Key.Key_Return)
    meeting_id = page.editor.detail.meeting.id
    page.editor.title.setText("Harbour Homes — Q3")
    key(qtbot, Qt.Key.Key_Escape)
    assert len(asked) == 1
    assert (page.currentWidget() is page.list) == on_list
    assert get_meeting_detail(page._store, meeting_id).meeting.title == saved_title


def test_leaving_without_changes_does_not_ask(qtbot, page: MeetingsPage, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Escape)
    assert page.currentWidget() is page.list


def test_each_decision_cell_sits_under_its_heading(qtbot, page: MeetingsPage) -> None:
    from relcom_desktop.core.enums import PanelOutcome
    from relcom_desktop.core.meetings import Decision

    key(qtbot, Qt.Key.Key_Return)
    editor = page.editor
    decision = Decision(
        "Approve Oak House",
        agreed_by="Jo Reed",
        dissent="Health unsure",
        panel_outcome=PanelOutcome.APPROVE,
        conditions="Review at 12 weeks",
        weekly_budget_pence=450_000,
    )
    editor._keep(decisions=(decision,))
    table = editor.decisions.table
    model = table.model()
    columns = range(model.columnCount())
    headings = [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    row = dict(zip(headings, [model.index(0, c).data() for c in columns], strict=True))
    assert row == {
        "Decided": "Approve Oak House",
        "Outcome": "Approved",
        "Conditions": "Review at 12 weeks",
        "Weekly budget": "£4,500",
        "Agreed by": "Jo Reed",
        "Dissent": "Health unsure",
    }


def test_past_meetings_are_listed_newest_first(qtbot, page: MeetingsPage, caseload) -> None:
    today = clock.today()
    for days, title in ((40, "Older"), (5, "Newest"), (20, "Middle")):
        when = dt.datetime.combine(today - dt.timedelta(days=days), dt.time(10))
        save_meeting(caseload.store, meeting_from_template(MeetingKind.OTHER, when, title=title))
    page.list.when.setFocus()
    qtbot.waitUntil(page.list.when.hasFocus)
    key(qtbot, Qt.Key.Key_Down)  # Today and upcoming -> Past
    model = page.list.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert [model.row_at(i).title for i in range(3)] == ["Newest", "Middle", "Older"]
    key(qtbot, Qt.Key.Key_Up)  # back to upcoming: soonest first again
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    header = page.list.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
