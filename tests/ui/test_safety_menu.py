"""The File and Tools menu items that keep data safe, driven as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from relcom_desktop.core import retention
from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store import audit, backup, backup_files
from relcom_desktop.core.store.db import open_store
from relcom_desktop.ui.audit_dialog import AuditDialog
from relcom_desktop.ui.child_picker import ChildPicker
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.passphrase_dialog import PassphraseDialog
from relcom_desktop.ui.restore_dialog import RestoreDialog
from relcom_desktop.ui.retention_dialog import RetentionDialog

SECRET = "lantern otter quiver maple"


@pytest.fixture
def infos(monkeypatch) -> list[str]:
    said: list[str] = []

    def record(parent, title, text, *args, **kwargs):
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    return said


@pytest.fixture
def window(qtbot, caseload, settings) -> MainWindow:
    win = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(win)
    return win


def test_file_and_tools_menus_offer_the_safety_actions(window: MainWindow) -> None:
    file_items = [a.text() for a in window.file_menu.actions() if a.text()]
    assert file_items[-1] == "&Quit"
    for text in (
        "&Back up now",
        "&Restore from backup…",
        "Export all records (&JSON)…",
        "Export &everything about a child…",
        "&Encrypt data file…",
        "&Lock",
    ):
        assert text in file_items
    tools = [a.text() for a in window.tools_menu.actions()]
    assert tools == [
        "&Audit log…",
        "Records &retention…",
        "&Check data file",
        "Lock &after idle time…",
    ]


def test_back_up_now_makes_a_verified_backup(qtbot, window: MainWindow) -> None:
    window.safety.actions["backup"].trigger()
    qtbot.waitUntil(lambda: bool(backup_files.list_backups(window.store.data_dir)))
    assert "Backup made and checked" in window.statusBar().currentMessage()


def test_exports_ask_where_then_warn_the_file_is_not_encrypted(
    window: MainWindow, tmp_path: Path, monkeypatch, infos
) -> None:
    target = tmp_path / "all.json"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    window.safety.actions["export_json"].trigger()
    assert target.exists() and "not encrypted" in infos[-1]


def test_export_everything_about_a_child_from_a_picker(
    window: MainWindow, caseload, tmp_path: Path, monkeypatch, infos
) -> None:
    def pick(self) -> int:
        self.search.setText("Ben")
        self.refresh("Ben")
        self._accept()
        return ChildPicker.DialogCode.Accepted

    monkeypatch.setattr(ChildPicker, "exec", pick)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path))
    )
    window.safety.actions["export_child"].trigger()
    ben = caseload.children["Ben"]
    written = sorted(tmp_path.glob("subject-access-*"))
    assert [p.suffix for p in written] == [".json", ".pdf"]
    assert all(p.name.startswith(f"subject-access-child-{ben}-") for p in written)
    assert "Ben" not in infos[-1]


def test_audit_log_is_read_only_and_lists_events(qtbot, caseload) -> None:
    audit.record(caseload.store, AuditKind.BACKUP, "data file")
    dialog = AuditDialog(caseload.store)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "Backup"
    assert dialog.table.editTriggers() == dialog.table.EditTrigger.NoEditTriggers
    flags = dialog.model.flags(dialog.model.index(0, 0))
    assert not flags & Qt.ItemFlag.ItemIsEditable


def test_retention_review_lists_and_deletes_only_when_confirmed(
    qtbot, caseload, monkeypatch
) -> None:
    import datetime as dt

    store = caseload.store
    retention.set_keep_until(store, caseload.children["Amy"], dt.date(2020, 1, 1))
    dialog = RetentionDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "Amy"
    dialog.table.selectRow(0)
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("amy", True)))
    dialog.delete()
    assert count_children(store) == 4  # the name typed did not match: nothing deleted
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Amy", True)))
    dialog.delete()
    assert count_children(store) == 3 and dialog.table.rowCount() == 0


def test_encrypt_then_change_passphrase_from_the_menu(qtbot, caseload, infos) -> None:
    store = caseload.store
    dialog = PassphraseDialog(store)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.form.new, SECRET)
    qtbot.keyClicks(dialog.form.confirm, SECRET)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    assert store.encrypted and count_children(store) == 4
    change = PassphraseDialog(store)
    qtbot.addWidget(change)
    change.current.setText("wrong one here")
    change.form.new.setText("copper meadow violin fog")
    change.form.confirm.setText("copper meadow violin fog")
    change.ok.click()
    assert "not right" in change.error.text()
    change.current.setText(SECRET)
    change.ok.click()
    assert store.passphrase_matches("copper meadow violin fog")


def test_restore_from_the_menu_reopens_the_window(
    qtbot, tmp_path: Path, settings, monkeypatch, infos
) -> None:
    from tests.core.factories import a_child

    store = open_store(tmp_path, SECRET)
    a_child(store, "Robin")
    made = backup.make_backup(store)
    a_child(store, "Later")
    win = MainWindow(store, settings=settings)
    qtbot.addWidget(win)

    def choose(self) -> int:
        self.passphrase.setText(SECRET)
        self._accept()
        return RestoreDialog.DialogCode.Accepted

    asked: list[str] = []
    monkeypatch.setattr(RestoreDialog, "exec", choose)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(_answer(asked, True)))
    win.safety.actions["restore"].trigger()
    assert win.reopen_requested and count_children(store) == 1
    assert made.path.exists()
    assert f"Restore the backup of {made.label}?" in asked[0]
    store.close()


def _answer(asked: list[str], yes: bool):
    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.Cancel

    return answer


def test_restore_asks_first_naming_the_backup_and_what_is_set_aside(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    from tests.core.factories import a_child

    store = open_store(tmp_path)
    a_child(store, "Robin")
    made = backup.make_backup(store, now=dt.datetime(2026, 11, 24, 9, 30))
    dialog = RestoreDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(_answer(asked, False)))
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # Alt+R: Restore
    qtbot.waitUntil(lambda: bool(asked))
    assert "Restore the backup of 24 Nov 2026 at 09:30?" in asked[0]
    assert "current data file (last changed" in asked[0] and "set aside in" in asked[0]
    assert str(backup_files.backups_dir(tmp_path)) in asked[0]
    assert dialog.isVisible() and dialog.chosen is None  # Cancel: nothing happens
    monkeypatch.setattr(QMessageBox, "question", staticmethod(_answer(asked, True)))
    qtbot.keyClick(dialog.list, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.chosen == made.path)
    assert count_children(store) == 1  # the dialog only chooses; nothing restored yet
    store.close()


def test_closing_the_window_makes_a_backup_but_not_for_the_demo(
    qtbot, caseload, settings, tmp_path: Path
) -> None:
    win = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.close()
    assert backup_files.list_backups(caseload.store.data_dir) == []  # only the running app backs up
    win.safety.backup_on_close = True
    win.show()
    win.close()
    assert len(backup_files.list_backups(caseload.store.data_dir)) == 1
    demo_store = open_store(tmp_path / "demo")
    demo = MainWindow(demo_store, demo=True, settings=settings)
    demo.safety.backup_on_close = True
    qtbot.addWidget(demo)
    demo.show()
    qtbot.waitExposed(demo)
    demo.close()
    assert backup_files.list_backups(demo_store.data_dir) == []
    demo_store.close()
