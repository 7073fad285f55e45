"""File → Import → Ofsted provider list: read off the GUI thread, previewed, imported only
when asked, and a bad file explained without changing anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from relcom_desktop.core.ofsted_import import RowStatus
from relcom_desktop.core.providers import count_providers, list_providers
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.provider.ofsted_dialog import OfstedImportDialog

SAMPLE = Path(__file__).parents[1] / "core" / "data" / "ofsted_providers_sample.csv"


def opened(qtbot, store, path: Path) -> OfstedImportDialog:
    dialog = OfstedImportDialog(store, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(
        lambda: dialog.preview is not None or dialog.work.error.isVisible(), timeout=20_000
    )
    return dialog


def test_the_sample_is_previewed_then_imported(qtbot, store) -> None:
    dialog = opened(qtbot, store, SAMPLE)
    assert "6 rows" in dialog.summary.text() and "6 new" in dialog.summary.text()
    assert "5 new providers" in dialog.summary.text()
    assert dialog.model.total == 6
    assert dialog.model.index(0, 1).data() == "New"
    assert count_providers(store) == 0  # nothing until Import is pressed
    assert dialog.import_button.text() == "Import 6 changes"
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert dialog.work.status.text() == "Imported: 6 new settings, 0 updated, 5 new providers."
    assert count_providers(store) == 5
    assert not dialog.import_button.isEnabled()


def test_rejected_rows_block_the_import_until_skipped(qtbot, store, tmp_path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("URN,Setting name,Provider name\nSC1,Bad URN,Owner\nSC900001,Good,Owner\n")
    dialog = opened(qtbot, store, path)
    assert dialog.show_only.currentData() == RowStatus.REJECTED
    assert dialog.model.total == 1
    assert dialog.model.index(0, 0).data() == "2"  # the line in the file
    assert dialog.model.index(0, 5).data() == "“SC1” is not an Ofsted URN."
    assert not dialog.import_button.isEnabled()
    dialog.skip.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert [r.name for r in list_providers(store)] == ["Owner"]


def test_a_workbook_is_refused_with_a_reason(qtbot, store, tmp_path) -> None:
    path = tmp_path / "providers.xlsx"
    path.write_bytes(b"PK\x03\x04 a zipped workbook")
    dialog = opened(qtbot, store, path)
    assert "Excel workbook" in dialog.work.error.text()
    assert dialog.work.status.text() == "Nothing has been changed."
    assert not dialog.import_button.isEnabled()


def test_file_menu_import_asks_for_the_file(qtbot, caseload, settings, monkeypatch) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SAMPLE), ""))
    window = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    import_menu = next(a.menu() for a in file_menu.actions() if a.text() == "&Import")
    action = import_menu.actions()[0]
    assert action.text() == "&Ofsted provider list (CSV)…"
    action.trigger()
    dialog = window.findChild(OfstedImportDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    dialog.reject()


@pytest.mark.parametrize("answer", [("", "")])
def test_choosing_no_file_does_nothing(qtbot, caseload, settings, monkeypatch, answer) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: answer)
    window = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(window)
    window.import_ofsted_list()
    assert window.findChild(OfstedImportDialog) is None
    assert QApplication.activeModalWidget() is None
