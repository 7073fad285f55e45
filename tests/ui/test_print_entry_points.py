"""Print… on a child's or provider's page and in a meeting: the Reports page, record chosen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings

from relcom_desktop.core import meetings
from relcom_desktop.reports import ReportKind
from relcom_desktop.ui.bus import bus
from tests.ui.helpers import shown_main_window


def test_child_page_print_builds_the_child_summary(qtbot, caseload, settings: QSettings) -> None:
    window = shown_main_window(qtbot, caseload.store, settings)
    child_id = caseload.children["Amy"]
    window.open_record("child", child_id)
    section = window.page("children")
    header = section.child_page.header
    header.print_requested.emit("child")
    assert window.current_section() == "reports"
    reports = window.page("reports")
    assert reports.current_kind() is ReportKind.CHILD
    assert reports.picker.chosen_id() == child_id
    qtbot.waitUntil(lambda: reports.preview is not None, timeout=20_000)


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
    assert window.current_section() == "reports"
    reports = window.page("reports")
    assert reports.current_kind() is ReportKind.PROVIDER_PACK
    assert reports.picker.chosen_id() == harbour


def test_review_pack_waits_for_sections(qtbot, caseload, settings: QSettings) -> None:
    window = shown_main_window(qtbot, caseload.store, settings)
    bus().open_record.emit("report:child_pack", caseload.children["Ben"])
    reports = window.page("reports")
    assert reports.current_kind() is ReportKind.CHILD_PACK
    assert reports.preview is None and reports.job is None


def test_meeting_print_minutes(qtbot, caseload, settings: QSettings) -> None:
    window = shown_main_window(qtbot, caseload.store, settings)
    saved = meetings.create_meeting(
        caseload.store, meetings.Meeting(title="Panel", starts_at=dt.datetime(2026, 1, 5, 10))
    )
    window.open_record("meeting", saved.id)
    editor = window.page("meetings").editor
    editor.print_button.click()
    assert window.current_section() == "reports"
    assert window.page("reports").current_kind() is ReportKind.MEETING


def test_reflect_on_a_meeting_links_it(qtbot, caseload, settings: QSettings, monkeypatch) -> None:
    from relcom_desktop.ui.reflection import reflection_dialog

    window = shown_main_window(qtbot, caseload.store, settings)
    saved = meetings.create_meeting(
        caseload.store,
        meetings.Meeting(
            title="Sufficiency workshop",
            starts_at=dt.datetime.combine(dt.date.today() + dt.timedelta(days=3), dt.time(10)),
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
