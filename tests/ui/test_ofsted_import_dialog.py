"""File → Import → Ofsted provider list: read off the GUI thread, the mode (update only, the
default, or add all) and the filters chosen by keyboard, the preview showing what will be
saved, imported only when asked, and a bad file explained without changing anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from relcom_desktop.core.interop.ofsted_import import LineStatus
from relcom_desktop.core.providers import count_providers, list_providers, settings_of
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.provider.ofsted_dialog import OfstedImportDialog
from tests.core.factories import a_provider, a_setting
from tests.ui.accessibility import unnamed
from tests.ui.keyboard import key, type_text

DATA = Path(__file__).parents[1] / "core" / "data"
SAMPLE = DATA / "ofsted_providers_sample.csv"
OFSTED_2024 = DATA / "Provider_level_at_31_Aug_2024.csv"
ALT = Qt.KeyboardModifier.AltModifier


def opened(qtbot, store, path: Path) -> OfstedImportDialog:
    dialog = OfstedImportDialog(store, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.waitUntil(
        lambda: dialog.preview is not None or dialog.work.error.isVisible(), timeout=20_000
    )
    return dialog


def replanned(qtbot, dialog: OfstedImportDialog, press, chosen) -> None:
    """Do ``press``, wait until ``chosen()`` (a mnemonic clicks a button a moment later), and
    then for the preview to follow the new choices."""
    press()
    qtbot.waitUntil(
        lambda: (
            chosen()
            and dialog.preview is not None
            and dialog.preview.options == dialog.choices.options()
            and not dialog.running
        ),
        timeout=20_000,
    )


def shown_rows(dialog: OfstedImportDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(6)] for r in range(model.total)]


def test_update_only_is_the_default_and_add_all_is_chosen_by_keyboard(qtbot, store) -> None:
    dialog = opened(qtbot, store, SAMPLE)
    assert unnamed(dialog) == []  # every choice has a name a screen reader can say
    assert dialog.choices.update_only.isChecked()
    assert "6 left out" in dialog.summary.text() and "0 new" in dialog.summary.text()
    assert not dialog.import_button.isEnabled() and dialog.model.total == 0
    replanned(
        qtbot, dialog, lambda: key(qtbot, Qt.Key.Key_A, ALT), dialog.choices.add_all.isChecked
    )
    assert "6 new" in dialog.summary.text() and "5 new providers" in dialog.summary.text()
    assert dialog.model.total == 6 and dialog.model.index(0, 1).data() == "New"
    assert count_providers(store) == 0  # nothing until Import is pressed
    assert dialog.import_button.text() == "Import 6 changes"
    qtbot.waitUntil(dialog.import_button.isEnabled)
    dialog.import_button.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert dialog.work.status.text() == "Imported: 6 new settings, 0 updated, 5 new providers."
    assert count_providers(store) == 5
    assert not dialog.import_button.isEnabled() and not dialog.choices.isEnabled()


def test_the_2024_list_filtered_to_one_authority_saves_what_it_shows(qtbot, store) -> None:
    mine = a_provider(store, "Compass Children's Homes Ltd")
    a_setting(store, mine.id, "Brook House", urn="2587047")
    dialog = opened(qtbot, store, OFSTED_2024)
    assert "1 changed" in dialog.summary.text() and "3,875 left out" in dialog.summary.text()
    [brook] = shown_rows(dialog)
    assert brook[2:5] == ["2587047", "Brook House", "Compass Children's Homes Ltd"]
    combo = dialog.choices.local_authority
    key(qtbot, Qt.Key.Key_L, ALT)
    assert QApplication.focusWidget() is combo
    east = lambda: combo.currentData() == "Cheshire East"  # noqa: E731
    replanned(qtbot, dialog, lambda: type_text(qtbot, "Cheshire"), east)
    replanned(
        qtbot, dialog, lambda: key(qtbot, Qt.Key.Key_A, ALT), dialog.choices.add_all.isChecked
    )
    new = dialog.preview.count(LineStatus.NEW)
    assert new > 0 and f"{new:,} new" in dialog.summary.text()
    rows = shown_rows(dialog)
    assert not [r for r in rows if "REDACTED" in "".join(r)]
    assert all(r[1] in ("New", "Changed") for r in rows)
    shown = {r[2]: r[3] for r in rows}
    qtbot.waitUntil(dialog.import_button.isEnabled)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    saved = {
        s.urn: s.name for p in list_providers(store, limit=None) for s in settings_of(store, p.id)
    }
    assert saved == shown  # every setting saved is one the preview showed, named as shown


def test_rejected_rows_block_the_import_until_skipped(qtbot, store, tmp_path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("URN,Setting name,Provider name\nSC1,Bad URN,Owner\nSC900001,Good,Owner\n")
    dialog = opened(qtbot, store, path)
    assert dialog.preview.count(LineStatus.REJECTED) == 0  # update only: both left out
    add_all = dialog.choices.add_all
    replanned(qtbot, dialog, lambda: add_all.setChecked(True), add_all.isChecked)
    assert dialog.show_only.currentData() == LineStatus.REJECTED
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
    assert not dialog.import_button.isEnabled() and not dialog.choices.isVisible()


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
