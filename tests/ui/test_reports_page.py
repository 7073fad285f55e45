"""The Reports page: choose, build off the GUI thread, preview, save and print (audited)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from relcom_desktop import reports
from relcom_desktop.core import preferences
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store.audit import recent_events
from relcom_desktop.reports import ReportKind
from relcom_desktop.ui import pdf_preview
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.pages.reports_page import ReportsPage
from relcom_desktop.ui.preview_files import preview_path

BUILD_TIMEOUT = 30_000


@pytest.fixture
def page(qtbot, caseload) -> ReportsPage:
    reports_page = ReportsPage(caseload.store)
    qtbot.addWidget(reports_page)
    reports_page.show()
    qtbot.waitExposed(reports_page)
    return reports_page


def _wait_for_preview(qtbot, page: ReportsPage) -> pdf_preview.PdfPreview:
    qtbot.waitUntil(lambda: page.preview is not None, timeout=BUILD_TIMEOUT)
    preview = page.preview
    assert preview is not None
    qtbot.addWidget(preview)
    return preview


def test_the_picker_lists_children_before_anything_is_typed(page) -> None:
    names = [page.picker.matches.item(i).text() for i in range(page.picker.matches.count())]
    assert names[0].startswith("Amy") and any(n.startswith("Cara") for n in names)


def test_keyboard_choose_build_preview_and_save(qtbot, page, caseload, tmp_path, monkeypatch):
    page.picker.setFocus()
    qtbot.keyClicks(page.picker.search, "Cara")
    qtbot.waitUntil(lambda: page.picker.chosen_label().startswith("Cara (Cara Example"))
    qtbot.keyClick(page.picker.search, Qt.Key.Key_Return)
    page.build_button.setFocus()
    qtbot.keyClick(page.build_button, Qt.Key.Key_Space)
    preview = _wait_for_preview(qtbot, page)
    result = page.last_result
    assert result is not None and result.kind is ReportKind.CHILD
    assert result.record_id == caseload.children["Cara"]
    assert preview.document.pageCount() == result.pages >= 1
    assert preview.bookmark_model.rowCount() >= 1
    assert not any(e.kind is AuditKind.EXPORT for e in recent_events(caseload.store))

    target = tmp_path / "cara.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert preview.saved_to == target
    assert len(PdfReader(str(target)).pages) == result.pages
    event = recent_events(caseload.store)[0]
    assert (event.kind, event.record_kind, event.record_id) == (
        AuditKind.EXPORT,
        "child",
        caseload.children["Cara"],
    )
    preview.accept()
    qtbot.waitUntil(lambda: not Path(result.path).exists())  # the preview copy is removed


def test_saving_to_a_folder_that_is_gone_says_so(qtbot, page, caseload, tmp_path, monkeypatch):
    page.prepare("provider", caseload.providers["Harbour Homes"])
    preview = _wait_for_preview(qtbot, page)
    warnings = []
    monkeypatch.setattr(pdf_preview.QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "gone" / "x.pdf"), "")
    )
    assert preview.save_as() is None
    assert "does not exist" in warnings[0]
    assert not any(e.kind is AuditKind.EXPORT for e in recent_events(caseload.store))


def test_print_sends_every_page_and_is_audited(qtbot, page, caseload, tmp_path, monkeypatch):
    printed = tmp_path / "printed.pdf"

    class FakePrintDialog:
        def __init__(self, printer, _parent) -> None:
            self.printer = printer

        def setMinMax(self, _low: int, _high: int) -> None:
            pass

        def exec(self) -> QDialog.DialogCode:
            self.printer.setOutputFormat(self.printer.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "QPrintDialog", FakePrintDialog)
    page.prepare(ReportKind.PROVIDER_PACK, caseload.providers["Harbour Homes"])
    preview = _wait_for_preview(qtbot, page)
    preview.print_document()
    qtbot.waitUntil(lambda: preview.printed_pages > 0, timeout=BUILD_TIMEOUT)
    assert preview.printed_pages == preview.document.pageCount()
    assert len(PdfReader(str(printed)).pages) == preview.printed_pages
    event = recent_events(caseload.store)[0]
    assert (event.kind, event.record_kind) == (AuditKind.PRINT, "provider")
    assert "Harbour" not in event.detail


def test_building_stays_off_the_gui_thread_and_cancel_writes_nothing(
    qtbot, page, caseload, monkeypatch
):
    def slow_build(store, kind, record_id, out, options, *, progress, cancelled, audit_export):
        step = 0
        while not cancelled():
            step += 1
            progress(step % 100, 100, "Laying out pages")
            time.sleep(0.01)
        raise reports.BuildCancelled

    monkeypatch.setattr(reports, "build_report", slow_build)
    page.prepare("child", caseload.children["Amy"])
    assert not page.build_button.isEnabled() and page.cancel_button.isVisible()
    # The event loop keeps running: progress arrives while the job works.
    qtbot.waitUntil(lambda: page.progress.value() > 5, timeout=5000)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text() == "Cancelled. Nothing was saved.", timeout=5000)
    assert page.build_button.isEnabled() and not page.cancel_button.isVisible()
    assert page.preview is None
    assert list(preview_path().parent.glob("*.pdf")) == []


def test_an_unknown_record_and_a_missing_choice_are_explained(qtbot, page) -> None:
    page.prepare("child", 999)
    assert page.status.text() == "There is no child with id 999. It may have been deleted."
    assert page.job is None
    qtbot.keyClicks(page.picker.search, "nobody at all")
    qtbot.waitUntil(lambda: page.picker.hint.text() == "No matches")
    page.build()
    assert page.status.text() == "Choose the child to print first."


def test_a_redacted_preview_names_nobody_in_its_title(qtbot, page, caseload) -> None:
    page.prepare("child", caseload.children["Cara"], build=False)
    page.redact.setChecked(True)
    page.build()
    preview = _wait_for_preview(qtbot, page)
    assert "Cara" not in preview.windowTitle()
    assert page.last_result is not None and page.last_result.redacted


def test_pack_sections_follow_the_kind_and_paper_is_remembered(qtbot, page, caseload) -> None:
    page.kind.setCurrentIndex(page.kind.findData("provider_pack"))
    assert page.sections_box.isVisible()
    first = page._sections_layout.itemAt(0).widget()
    assert first.text() == "The provider's relationship summary"
    page.section_boxes[reports.PackSection.MEETINGS].setChecked(False)
    assert reports.PackSection.MEETINGS not in page.options().sections
    page.kind.setCurrentIndex(page.kind.findData("child"))
    assert not page.sections_box.isVisible() and not page.date_from.isEnabled()
    page.paper.setCurrentIndex(page.paper.findData("letter"))
    again = ReportsPage(caseload.store)
    qtbot.addWidget(again)
    assert again.paper.currentData() == "letter"


def test_the_main_window_opens_the_reports_page(qtbot, caseload, settings) -> None:
    window = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_page(), ReportsPage)


def test_tab_moves_through_the_choices_in_reading_order(page) -> None:
    order = [page.kind, page.picker.search, page.picker.matches, page.date_from]
    widget = page.kind
    for expected in order[1:]:
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()):
            widget = widget.nextInFocusChain()
        assert widget is expected or expected.isAncestorOf(widget)


def test_opening_the_reports_page_does_not_load_reportlab() -> None:
    import subprocess
    import sys

    code = (
        "import sys; import relcom_desktop.ui.pages.reports_page; "
        "assert not any(m.startswith('reportlab') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_redaction_ticked_for_one_print_is_not_carried_into_the_next(qtbot, page, caseload):
    page.redact.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert page.redact.isChecked()
    assert preferences.get(caseload.store, preferences.REPORT_REDACT) is False
    page.hide()
    page.show()  # a later visit starts from the preference again
    assert not page.redact.isChecked()
    page.redact.setChecked(True)
    page.prepare(ReportKind.CHILD, caseload.children["Amy"], build=False)
    assert not page.redact.isChecked()
    preferences.put(caseload.store, preferences.REPORT_REDACT, True)
    page.prepare(ReportKind.CHILD, caseload.children["Amy"], build=False)
    assert page.redact.isChecked()
