"""The Reflection page, driven from the keyboard: a reflection started from a journal entry,
a self-assessment, and the charts following them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHeaderView,
    QMessageBox,
    QPlainTextEdit,
    QSlider,
    QWidget,
)

from relcom_desktop.core import clock, journal
from relcom_desktop.core import reflection as svc
from relcom_desktop.core.enums import JournalKind, LearningChange, PracticeShift
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.pages.reflection_page import ReflectionPage
from relcom_desktop.ui.reflection.assessment_dialog import AssessmentDialog
from relcom_desktop.ui.reflection.reflection_dialog import ReflectionDialog

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
TODAY = clock.today()


@pytest.fixture
def window(qtbot, caseload, settings: QSettings) -> MainWindow:
    journal.create_entry(
        caseload.store,
        journal.JournalEntry(
            provider_id=caseload.providers["Harbour Homes"],
            occurred_on=TODAY - dt.timedelta(days=2),
            kind=JournalKind.CONCERN,
            summary="Amy missed her contact with her sister",
            child_ids=(caseload.children["Amy"],),
        ),
    )
    win = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot, wanted: type, text: str = "") -> QWidget:
    """Press Tab until a widget of this type (and text) has the keyboard."""
    for _ in range(40):
        widget = focused()
        if isinstance(widget, wanted) and (not text or text in getattr(widget, "text", str)()):
            return widget
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached a {wanted.__name__} {text!r}")


def closed(qtbot, dialog: QWidget, window: MainWindow) -> None:
    """Wait for the dialog to close and the window to have the keyboard again (the window
    manager's part, which the offscreen platform leaves to us)."""
    qtbot.waitUntil(lambda: not dialog.isVisible())
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def open_dialog(qtbot, kind: type) -> QWidget:
    """The dialog that just opened, once it has the keyboard."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and dialog.isAncestorOf(focused()))
    return dialog


def test_keyboard_only_reflection_from_a_journal_entry_and_a_self_assessment(
    qtbot, window: MainWindow, caseload
) -> None:
    # The journal (Ctrl+4): the first entry, then Alt+R to reflect on it.
    press(qtbot, Qt.Key.Key_4, CTRL)
    journal_page = window.page("journal")
    journal_page.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(journal_page.view.reflect_button.isEnabled)
    press(qtbot, Qt.Key.Key_R, ALT)
    dialog = open_dialog(qtbot, ReflectionDialog)
    assert "Amy missed her contact" in dialog.about.text()  # linked to the entry
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(focused(), "Amy's sister was not told the time had changed.")
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Ask the home how contact is arranged, not only whether.")
    box = tab_to(qtbot, QCheckBox, LearningChange.DISCUSSION.label)
    press(qtbot, Qt.Key.Key_Space)
    assert box.isChecked() and dialog.save_button.isEnabled()
    press(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, dialog, window)

    [row] = svc.list_reflections(caseload.store)
    saved = row.reflection
    assert saved.changes == (LearningChange.DISCUSSION,)
    assert saved.journal_entry_id is not None
    assert saved.provider_id == caseload.providers["Harbour Homes"]
    assert saved.child_id == caseload.children["Amy"]

    # The Reflection page (Ctrl+7): the log and the counts per change show it.
    press(qtbot, Qt.Key.Key_7, CTRL)
    page: ReflectionPage = window.page("reflection")
    assert page.log.model.total == 1
    counts = {bar.label: bar.parts[0] for bar in page.log.counts.bars()}
    assert counts[LearningChange.DISCUSSION.label] == 1
    assert sum(counts.values()) == 1

    # A self-assessment: Alt+A, arrow keys on the scales, evidence, Ctrl+Enter.
    chart = page.practice.chart
    assert not any(h.points for h in chart.history)
    press(qtbot, Qt.Key.Key_A, ALT)
    dialog = open_dialog(qtbot, AssessmentDialog)
    slider = focused()
    assert isinstance(slider, QSlider) and slider.value() == 5
    for _ in range(3):
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "Reviews start with Amy's own words")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_End)  # the second shift, wholly "system focus"
    press(qtbot, Qt.Key.Key_Return, CTRL)
    closed(qtbot, dialog, window)

    history = {h.shift: h for h in chart.history}
    assert [(p.on, p.position) for p in history[PracticeShift.CHILD_FOCUS].points] == [(TODAY, 8)]
    assert history[PracticeShift.SYSTEM_FOCUS].latest.position == 10
    assert history[PracticeShift.ENABLER].latest.position == 5
    assert f"8 on {TODAY.day} {TODAY:%b %Y}" in chart.accessibleDescription()
    assert "Reviews start with Amy's own words" in page.practice.details.toPlainText()


def test_a_refused_save_keeps_what_was_typed(
    qtbot, window: MainWindow, caseload, monkeypatch: pytest.MonkeyPatch
) -> None:
    press(qtbot, Qt.Key.Key_4, CTRL)
    journal_page = window.page("journal")
    journal_page.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    entry_id = journal_page.current_row().id
    press(qtbot, Qt.Key.Key_R, ALT)
    dialog = open_dialog(qtbot, ReflectionDialog)
    qtbot.keyClicks(focused(), "Something worth keeping")
    dialog.changes.boxes[LearningChange.AUDITING].setChecked(True)
    journal.delete_entry(caseload.store, entry_id)  # meanwhile, the entry goes to the Trash
    with caseload.store.write() as session:  # and is deleted for good
        from relcom_desktop.core import models as m

        session.delete(session.get(m.JournalEntry, entry_id))
    press(qtbot, Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert "no longer exists" in dialog.error.text()
    assert dialog.texts["what_happened"].toPlainText() == "Something worth keeping"
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: answers.pop(0))
    press(qtbot, Qt.Key.Key_Escape)  # asks first: Cancel keeps the form open
    assert dialog.isVisible() and answers == [QMessageBox.StandardButton.Discard]
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and svc.count_reflections(caseload.store) == 0


def test_find_anything_opens_a_reflection_and_deleting_it_can_be_undone(
    qtbot, window: MainWindow, caseload
) -> None:
    r = svc.create_reflection(
        caseload.store,
        svc.Reflection(TODAY, (LearningChange.COLLEGIALITY,), what_learned="Ask other LAs first"),
    )
    window.bus.open_record.emit("reflection", r.id)
    page: ReflectionPage = window.page("reflection")
    assert window.current_section() == "reflection"
    assert "Ask other LAs first" in page.log.text.toPlainText()
    page.log.delete_button.click()
    assert svc.count_reflections(caseload.store) == 0
    assert page.log.model.total == 0
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert svc.count_reflections(caseload.store) == 1
    assert page.log.model.total == 1


def test_the_period_and_change_filters_narrow_the_log(qtbot, window: MainWindow, caseload) -> None:
    store = caseload.store
    for days, change in ((10, LearningChange.AUDITING), (400, LearningChange.COLLEGIALITY)):
        svc.create_reflection(
            store, svc.Reflection(TODAY - dt.timedelta(days), (change,), what_learned="x")
        )
    window.show_section("reflection")
    page: ReflectionPage = window.page("reflection")
    assert page.log.model.total == 1  # the last 12 months
    page.period.preset.setCurrentText("All time")
    assert page.log.model.total == 2
    page.log.change.setCurrentIndex(page.log.change.findData(LearningChange.COLLEGIALITY))
    assert page.log.model.total == 1
    assert "No reflections" not in page.log.count_label.text()


def test_the_chart_draws_at_large_text_sizes(qtbot, caseload) -> None:
    from relcom_desktop.ui.reflection.practice_chart import RADAR, PracticeChart

    for on, position in ((TODAY - dt.timedelta(days=90), 3), (TODAY, 7)):
        svc.create_assessment(
            caseload.store,
            svc.SelfAssessment(on, tuple(svc.ShiftPosition(s, position) for s in PracticeShift)),
        )
    chart = PracticeChart()
    qtbot.addWidget(chart)
    font = chart.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    chart.setFont(font)
    chart.resize(700, 500)
    chart.set_history(svc.shift_history(caseload.store))
    assert not chart.grab().isNull()
    first, latest = svc.list_assessments(caseload.store)
    chart.set_comparison(latest, first)
    chart.set_mode(RADAR)
    assert not chart.grab().isNull()
    assert "(was 3)" in chart.accessibleDescription()


def test_editing_text_boxes_tab_onwards(qtbot, caseload) -> None:
    dialog = ReflectionDialog(caseload.store, svc.Reflection(TODAY))
    qtbot.addWidget(dialog)
    assert all(
        isinstance(box, QPlainTextEdit) and box.tabChangesFocus() for box in dialog.texts.values()
    )


def test_reflecting_on_a_meeting_links_it_in_the_form(qtbot, caseload) -> None:
    from relcom_desktop.core import meetings
    from relcom_desktop.ui.reflection.reflection_dialog import reflect_on

    detail = meetings.save_meeting(
        caseload.store,
        meetings.MeetingDetail(
            meetings.Meeting(title="Placement review", starts_at=dt.datetime(2020, 1, 6, 10)),
            child_ids=(caseload.children["Ben"],),
        ),
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = reflect_on(caseload.store, "meeting", detail.meeting.id, parent)
    assert dialog.meeting.value() == detail.meeting.id
    assert dialog.meeting.currentText() == "6 Jan 2020 · Placement review"
    assert dialog.child.value() == caseload.children["Ben"]
    assert not dialog.about_row.isVisibleTo(dialog)  # no journal entry to show
    dialog.texts["what_learned"].setPlainText("Ben wants to be asked first")
    dialog.changes.boxes[LearningChange.SKILLS_ATTITUDES].setChecked(True)
    dialog.try_save()
    saved = svc.get_reflection(caseload.store, dialog.saved.id)
    assert (saved.meeting_id, saved.child_id, saved.journal_entry_id) == (
        detail.meeting.id,
        caseload.children["Ben"],
        None,
    )


@pytest.mark.parametrize("scale", [100, 200])
def test_forms_grow_with_the_text_so_nothing_is_cut_off(qtbot, qapp, caseload, scale) -> None:
    from relcom_desktop.ui import theme

    try:
        theme.apply(qapp, "light", scale)
        dialog = ReflectionDialog(caseload.store, svc.Reflection(clock.today()))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        boxes = dialog.changes.boxes.values()
        assert all(box.width() >= box.sizeHint().width() for box in boxes)
        assert dialog.width() >= dialog.layout().minimumSize().width()
        label = dialog.form.labelForField(dialog.about_row)
        assert label is None or not label.isVisibleTo(dialog)  # not linked: no orphan label
    finally:
        theme.apply(qapp, "light", 100)


def test_the_learning_log_fits_its_columns_and_the_last_stretches(
    qtbot, window: MainWindow, caseload
) -> None:
    changes = (LearningChange.AUDITING, LearningChange.COLLEGIALITY)
    svc.create_reflection(
        caseload.store,
        svc.Reflection(TODAY, changes, what_happened="Talked it through with the manager"),
    )
    window.show_section("reflection")
    page: ReflectionPage = window.page("reflection")
    table = page.log.table
    header, metrics, model = table.horizontalHeader(), table.fontMetrics(), table.model()
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    for column in (0, 1, 2):
        text = model.data(model.index(0, column))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(text), text
    assert header.sectionResizeMode(3) == QHeaderView.ResizeMode.Stretch
