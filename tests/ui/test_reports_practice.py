"""The reflective practice summary from the Reports page: no record to choose, a period."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from relcom_desktop.core import clock
from relcom_desktop.reports import PackSection, ReportKind
from relcom_desktop.ui.pages.reports_page import ReportsPage

BUILD_TIMEOUT = 30_000


def test_practice_summary_needs_no_record_and_my_practice_is_opt_in(qtbot, caseload) -> None:
    page = ReportsPage(caseload.store)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.kind.setCurrentIndex(page.kind.findData(ReportKind.CHILD_PACK.value))
    assert page.picker.isVisible()
    assert not page.section_boxes[PackSection.PRACTICE].isChecked()
    assert PackSection.PRACTICE not in page.options().sections
    page.section_boxes[PackSection.PRACTICE].setChecked(True)
    assert page.options().sections[-1] is PackSection.PRACTICE

    page.kind.setFocus()
    page.kind.setCurrentIndex(page.kind.findData(ReportKind.PRACTICE.value))
    assert not page.picker.isVisible() and not page.sections_box.isVisible()
    assert page.date_from.isEnabled()
    page.date_from.setDate(clock.today() - dt.timedelta(days=30))
    page.build_button.setFocus()
    qtbot.keyClick(page.build_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=BUILD_TIMEOUT)
    qtbot.addWidget(page.preview)
    result = page.last_result
    assert result is not None and result.kind is ReportKind.PRACTICE
    assert result.record_id is None and result.pages >= 1
    assert "Reflective practice summary · " in page.preview.windowTitle()
