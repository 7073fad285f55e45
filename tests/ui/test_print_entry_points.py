"""Print… on a child's or provider's page and in a meeting: a dialog asks what to print and
whether to redact (each time), the preview opens over the page, and closing it returns there."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from relcom_desktop.core import clock, meetings, preferences
from relcom_desktop.reports import ReportKind
from relcom_desktop.ui.pdf_preview import PdfPreview
from relcom_desktop.ui.print_flow import PrintDialog
from tests.ui.helpers import press, shown_main_window
from tests.ui.keyboard import closed, dialog_of

BUILD_TIMEOUT = 30_000
ALT = Qt.KeyboardModifier.AltModifier


def _print_dialog(qtbot) -> PrintDialog:
    return dialog_of(qtbot, PrintDialog)


def _build(qtbot) -> PdfPreview:
    """Enter on the print dialog builds the document; its preview opens over the page."""
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), PdfPreview), timeout=BUILD_TIMEOUT
    )
    preview = dialog_of(qtbot, PdfPreview)
    return preview


def _close(qtbot, window, preview: PdfPreview) -> None:
    preview.close_button.click()
    closed(qtbot, window)


def _open_child(qtbot, window, child_id: int):
    window.open_record("child", child_id)
    return window.page("children").child_page


def test_child_page_print_previews_over_the_page_and_returns_there(
    qtbot, caseload, settings: QSettings
) -> None:
    window = shown_main_window(qtbot, caseload.store, settings)
    child_id = caseload.children["Amy"]
    page = _open_child(qtbot, window, child_id)
    page.header.print_requested.emit("child")
    dialog = _print_dialog(qtbot)
    assert dialog.parent() is window
    assert dialog.kind() is ReportKind.CHILD
    assert not dialog.redact.isChecked()  # the preference's default
    preview = _build(qtbot)
    assert preview.result.kind is ReportKind.CHILD and preview.result.record_id == child_id
    assert not preview.result.redacted
    assert window.current_section() == "children"  # never sent to the Reports page
    _close(qtbot, window, preview)
    assert window.current_section() == "children"
    assert page.isVisible() and page.child_id == child_id


def test_redaction_is_asked_for_each_print_and_never_carried(
    qtbot, caseload, settings: QSettings
) -> None:
    window = shown_main_window(qtbot, caseload.store, settings)
    page = _open_child(qtbot, window, caseload.children["Amy"])
    page.header.print_requested.emit("child")
    dialog = _print_dialog(qtbot)
    press(qtbot, Qt.Key.Key_R, ALT)  # Alt+R: Redacted copy (ticks a moment later)
    qtbot.waitUntil(dialog.redact.isChecked)
    preview = _build(qtbot)
    assert preview.result.redacted
    assert "Amy" not in preview.windowTitle()
    _close(qtbot, window, preview)
    assert preferences.get(caseload.store, preferences.REPORT_REDACT) is False
    page.header.print_requested.emit("child")
    again = _print_dialog(qtbot)
    assert not again.redact.isChecked()  # asked again, from the preference
    preview = _build(qtbot)
    assert not preview.result.redacted
    _close(qtbot, window, preview)


def test_the_redaction_default_comes_from_preferences(qtbot, caseload, settings) -> None:
    preferences.put(caseload.store, preferences.REPORT_REDACT, True)
    window = shown_main_window(qtbot, caseload.store, settings)
    page = _open_child(qtbot, window, caseload.children["Ben"])
    page.header.print_requested.emit("child_pack")
    dialog = _print_dialog(qtbot)
    assert dialog.redact.isChecked()
    assert dialog.kind() is ReportKind.CHILD_PACK and dialog.sections_box.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    closed(qtbot, window)
    assert window.current_section() == "children"


def test_provider_page_print_offers_the_relationship_summary_and_pack(
    qtbot, caseload, settings: QSettings
) -> None:
    window = shown_main_window(qtbot, caseload.store, settings)
    harbour = caseload.providers["Harbour Homes"]
    window.open_record("provider", harbour)
    page = window.page("providers").page
    menu = page.print_button.menu()
    assert [a.text() for a in menu.actions()] == ["Relationship summary…", "Review pack…"]
    menu.actions()[1].trigger()
    dialog = _print_dialog(qtbot)
    assert dialog.kind() is ReportKind.PROVIDER_PACK
    assert dialog.sections_box.isVisible()
    press(qtbot, Qt.Key.Key_S, ALT)  # Alt+S: the relationship summary instead
    qtbot.waitUntil(lambda: dialog.kind() is ReportKind.PROVIDER)
    assert not dialog.sections_box.isVisible()
    preview = _build(qtbot)
    assert preview.result.kind is ReportKind.PROVIDER and preview.result.record_id == harbour
    _close(qtbot, window, preview)
    assert window.current_section() == "providers" and page.provider_id == harbour


def test_meeting_print_minutes_stays_in_the_meeting(qtbot, caseload, settings) -> None:
    window = shown_main_window(qtbot, caseload.store, settings)
    saved = meetings.create_meeting(
        caseload.store, meetings.Meeting(title="Panel", starts_at=dt.datetime(2026, 1, 5, 10))
    )
    window.open_record("meeting", saved.id)
    editor = window.page("meetings").editor
    editor.print_button.click()
    dialog = _print_dialog(qtbot)
    assert dialog.kind() is ReportKind.MEETING and dialog.windowTitle() == "Print — Panel"
    preview = _build(qtbot)
    assert preview.result.kind is ReportKind.MEETING
    _close(qtbot, window, preview)
    assert window.current_section() == "meetings" and editor.isVisible()


def test_reflect_on_a_meeting_links_it(qtbot, caseload, settings: QSettings, monkeypatch) -> None:
    from relcom_desktop.ui.reflection import reflection_dialog

    window = shown_main_window(qtbot, caseload.store, settings)
    saved = meetings.create_meeting(
        caseload.store,
        meetings.Meeting(
            title="Sufficiency workshop",
            starts_at=dt.datetime.combine(clock.today() + dt.timedelta(days=3), dt.time(10)),
        ),
    )
    opened: list[tuple[str, int]] = []
    monkeypatch.setattr(
        reflection_dialog, "reflect_on", lambda _s, kind, rid, _p: opened.append((kind, rid))
    )
    window.show_section("meetings")
    page = window.page("meetings")
    page.list.filters_for_test = None
    page.list.refresh()
    qtbot.waitUntil(
        lambda: page.list.current_row() is not None or page.list.table.model().rowCount() > 0
    )
    page.list.table.selectRow(0)
    page.reflect_on_current()
    assert opened == [("meeting", saved.id)]


def test_meetings_list_prints_the_chosen_meetings_minutes(qtbot, caseload, settings) -> None:
    window = shown_main_window(qtbot, caseload.store, settings)
    when = dt.datetime.combine(clock.today() + dt.timedelta(days=2), dt.time(10))
    meetings.create_meeting(caseload.store, meetings.Meeting(title="Sufficiency", starts_at=when))
    window.show_section("meetings")
    page = window.page("meetings")
    page.list.refresh()
    qtbot.waitUntil(lambda: page.list.table.model().rowCount() > 0)
    page.list.table.selectRow(0)
    [button] = [b for b in page.list.findChildren(QPushButton) if b.text() == "&Print minutes…"]
    button.click()
    dialog = _print_dialog(qtbot)
    assert dialog.kind() is ReportKind.MEETING and dialog.windowTitle() == "Print — Sufficiency"
    preview = _build(qtbot)
    _close(qtbot, window, preview)
    assert window.current_section() == "meetings" and page.list.isVisible()
