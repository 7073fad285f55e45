"""The import dialogs: the column-mapping step by keyboard, the 903 preview and import, and
the list export's use of a page's filters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relcom_desktop.core.child_list import ChildFilter, count_children, list_children
from relcom_desktop.core.interop import csv_import
from relcom_desktop.core.interop.import_run import RowStatus
from relcom_desktop.core.interop.ssda903 import LegalStatus
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.background_dialog import JobStatus
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.import_dialog import Ssda903Dialog
from relcom_desktop.ui.list_export_dialog import ListExportDialog
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.sheet_import_dialog import NOT_IMPORTED, SheetImportDialog
from tests.core.ssda903_samples import write_return
from tests.core.test_ssda903_import import BAD_EPISODES, BAD_HEADER
from tests.ui.accessibility import unnamed
from tests.ui.keyboard import tab_to

TRACKER = (
    "Kid,Ref,Home,Type,Began,Colour\n"
    "Sky,A1,Oak House,K2,09/01/2023,blue\n"
    "Jo,A2,Oak House,K2,01/05/2022,green\n"
)


def _press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _opened(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_the_column_mapping_step_works_by_keyboard(qtbot, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(TRACKER)
    dialog = _opened(qtbot, SheetImportDialog(store, path))
    qtbot.waitUntil(lambda: dialog.columns is not None)
    columns = dialog.columns
    qtbot.waitUntil(lambda: QApplication.focusWidget() is columns.kind)
    assert columns.target() == "children"  # no start date is recognised yet
    qtbot.keyClicks(columns.kind, "Placements")
    assert columns.target() == "placements"
    kid, _ref, _home, _type, began, colour = columns.fields
    assert [c.currentText() for c in columns.fields] == [
        NOT_IMPORTED, "Child's LA reference", "Setting", "Placement type", NOT_IMPORTED,
        NOT_IMPORTED,
    ]  # fmt: skip
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is kid
    qtbot.keyClicks(kid, "Child's")  # typing picks the first choice it starts (not Space)
    assert kid.currentText() == "Child's name"
    for _ in range(4):
        _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is began
    qtbot.keyClicks(began, "Start")
    assert began.currentText() == "Start date"
    _press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is colour and colour.currentText() == NOT_IMPORTED
    _press(qtbot, Qt.Key.Key_Return)  # Preview is the default button
    qtbot.waitUntil(lambda: dialog.panel.preview is not None, timeout=10_000)
    assert dialog.panel.preview.count(RowStatus.NEW, "placement") == 2
    qtbot.waitUntil(dialog.import_button.isEnabled)
    changed = []
    bus().changed.connect(changed.append)
    dialog.import_button.setFocus()
    _press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert count_children(store) == 2 and "placement" in changed
    remembered = csv_import.remembered_mapping(store, "placements")
    assert remembered["KID"] == "preferred_name" and remembered["COLOUR"] == ""
    again = _opened(qtbot, SheetImportDialog(store, path))
    qtbot.waitUntil(lambda: again.columns is not None)
    assert again.columns.target() == "placements"
    assert again.columns.mapping() == dialog.columns.mapping()


def test_the_wording_table_shows_and_takes_a_choice_by_keyboard(
    qtbot, store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(
        "Placements tracker – updated 31/03/2025\n"
        "Child name,Home / setting,Placement type,Start date,Gender\n"
        "Sky,The Lee family,Foster care,09/01/2024,M\n"
        "Jo,Oak House,Residential,10/01/2024,F\n"
        "Ash,Oak House,Residential,11/01/2024,Male\n"
    )
    dialog = _opened(qtbot, SheetImportDialog(store, path))
    qtbot.waitUntil(lambda: dialog.columns is not None)
    columns = dialog.columns
    assert columns.target() == "placements"
    table = columns.wordings
    shown = [
        (w.wording, w.cells, combo.currentText(), note.text()) for w, combo, note in table.rows
    ]
    assert shown[0][:2] == ("Foster care", 1) and shown[0][3].startswith("⚠ Whose carers?")
    assert shown[1][:3] == ("Residential", 2, "K2 Children's home (Children's Homes Regulations)")
    assert [row[2] for row in shown[2:]] == ["1 Male", "2 Female", "1 Male"]
    foster = table.rows[0][1]
    tab_to(qtbot, foster)
    _press(qtbot, Qt.Key.Key_Down)  # the next choice: the same code, with in-house carers
    assert foster.currentData() == "U6+PR1" and table.rows[0][2].text() == "your choice"
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.panel.preview is not None, timeout=10_000)
    preview = dialog.panel.preview
    assert preview.rejected == 0 and preview.count(RowStatus.NEW, "placement") == 3
    assert "row 1 above them (a title)" in dialog.panel.notes.text()
    qtbot.waitUntil(dialog.import_button.isEnabled)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert csv_import.remembered_wordings(store)["placement_type"] == {"FOSTERCARE": "U6+PR1"}
    again = _opened(qtbot, SheetImportDialog(store, path))
    qtbot.waitUntil(lambda: again.columns is not None)
    first = again.columns.wordings.rows[0]
    assert first[1].currentData() == "U6+PR1" and first[2].text() == "your choice"


def test_another_sheet_of_the_workbook_can_be_chosen_by_keyboard(
    qtbot, store: Store, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Read me"
    book.active.append(["Fill in one row a placement."])
    for title, name in (("Current", "Sky"), ("Ended", "Jo")):
        sheet = book.create_sheet(title)
        sheet.append(["Child name", "Home", "Type", "Start date"])
        sheet.append([name, "Oak House", "K2", "09/01/2024"])
    path = tmp_path / "tracker.xlsx"
    book.save(path)
    dialog = _opened(qtbot, SheetImportDialog(store, path))
    qtbot.waitUntil(lambda: dialog.columns is not None)
    first = dialog.columns
    assert first.sheets.isVisible() and first.sheet.sheet == "Current"
    assert "other sheets (Read me, Ended)" in " ".join(first.sheet.notes)
    first.sheets.setFocus()
    _press(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: dialog.columns is not first, timeout=10_000)
    assert dialog.columns.sheet.sheet == "Ended" and dialog.columns.sheet.rows[0][1][0] == "Jo"
    assert dialog.columns.target() == "placements"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.columns.sheets)
    assert not unnamed(dialog)  # every choice, wordings' too, says what it is for


def test_a_mapping_missing_what_rows_need_says_so(qtbot, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Where,Notes\nOak House,fine\n")
    dialog = _opened(qtbot, SheetImportDialog(store, path))
    qtbot.waitUntil(lambda: dialog.columns is not None)
    dialog.columns.kind.setCurrentIndex(dialog.columns.kind.findData("placements"))
    dialog.preview_button.click()
    assert dialog.columns.error.isVisible()
    assert "No column holds the Start date" in dialog.columns.error.text()
    assert dialog.pages.currentWidget() is dialog.columns


def test_the_903_return_previews_then_imports(
    qtbot, store: Store, tmp_path: Path, monkeypatch
) -> None:
    header, episodes = write_return(tmp_path)
    progress = []
    shown = JobStatus.progressed

    def spy(work: JobStatus, done: int, total: int, label: str) -> None:
        progress.append((done, total))
        shown(work, done, total, label)

    monkeypatch.setattr(JobStatus, "progressed", spy)  # before the job starts
    dialog = _opened(qtbot, Ssda903Dialog(store, [episodes, header]))
    assert dialog.files[0].text().endswith("header.csv")
    qtbot.waitUntil(lambda: dialog.panel.preview is not None, timeout=10_000)
    assert progress and progress[-1][0] == progress[-1][1] > 0  # the bar reached the end
    assert "Children</b>: 4 new" in dialog.panel.summary.text()
    assert count_children(store) == 0
    qtbot.waitUntil(dialog.import_button.isEnabled)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert count_children(store) == 4
    assert dialog.panel.work.status.text().startswith("Imported.")
    assert not dialog.import_button.isEnabled()


def test_rejected_rows_hold_the_import_until_skipped(qtbot, store: Store, tmp_path: Path) -> None:
    files = write_return(tmp_path, BAD_HEADER, BAD_EPISODES)
    dialog = _opened(qtbot, Ssda903Dialog(store, list(files)))
    qtbot.waitUntil(lambda: dialog.panel.preview is not None, timeout=10_000)
    panel = dialog.panel
    assert panel.skip.isVisible() and not dialog.import_button.isEnabled()
    assert panel.model.rowCount() == panel.preview.rejected  # the rejected rows are shown
    panel.skip.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert count_children(store) == 2  # 2001, and 9999 (in Episodes only)


def test_only_one_file_asks_for_the_other(qtbot, store: Store, tmp_path: Path) -> None:
    _header, episodes = write_return(tmp_path)
    dialog = _opened(qtbot, Ssda903Dialog(store, [episodes]))
    assert dialog.files[0].text() == "" and dialog.files[1].text().endswith("episodes.csv")
    assert "Choose both files" in dialog.panel.work.error.text()


def test_list_export_offers_the_filters_of_the_page(qtbot, caseload, settings) -> None:
    window = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(window)
    window.show_section("children")
    children = window.page("children")
    page = next(w for w in children.findChildren(object) if hasattr(w, "legal_status"))
    page.legal_status.setCurrentIndex(page.legal_status.findData(LegalStatus.C2))
    dialog = ListExportDialog(caseload.store, window.built_pages(), "children")
    qtbot.addWidget(dialog)
    assert dialog.narrow.isEnabled() and dialog.narrow.isChecked()
    key, suffix, filt = dialog.chosen()
    assert (key, suffix) == ("children", "xlsx") and filt.legal_status is LegalStatus.C2
    shown = list_children(caseload.store, ChildFilter(legal_status=LegalStatus.C2))
    assert len(shown) == 2
    dialog.which.setCurrentIndex(dialog.which.findData("journal"))
    assert not dialog.narrow.isEnabled()  # the Journal page has not been opened


def test_the_file_menu_offers_the_imports_and_exports(qtbot, store: Store, settings) -> None:
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    texts = []
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.menu() is not None:
                texts += [a.text() for a in action.menu().actions()]
    assert "Looked-after children return (&SSDA903)…" in texts
    assert "&Spreadsheet or placement tracker (Excel or CSV)…" in texts
    assert "A &list as Excel or CSV…" in texts
    assert any("SSDA&903 return" in t for t in texts)


def test_exporting_a_list_saves_the_chosen_file(qtbot, caseload, settings, tmp_path, monkeypatch):
    from relcom_desktop.ui import list_export_dialog

    window = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(window)
    out = tmp_path / "children.xlsx"
    monkeypatch.setattr(
        ListExportDialog, "exec", lambda _self: ListExportDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(list_export_dialog, "ask_save_path", lambda *_a: out)
    list_export_dialog.export_list(caseload.store, window, window.built_pages(), "children")
    qtbot.waitUntil(lambda: "Saved 5 rows" in window.statusBar().currentMessage(), timeout=10_000)
    assert out.read_bytes().startswith(b"PK")


def test_the_status_bar_count_follows_an_import(
    qtbot, store: Store, tmp_path: Path, settings
) -> None:
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert window.children_count.text() == "0 children"
    header, episodes = write_return(tmp_path)
    dialog = _opened(qtbot, Ssda903Dialog(store, [episodes, header], window))
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=10_000)
    assert window.children_count.text() == "4 children"  # not stale until a restart
