"""Keeping the data safe, from the main window: lock, backups and restore, exports, passphrase,
audit log, retention and the health check — the File and Tools menu items and what they do.

Installed by the main window with one call; everything here goes through core services, and
long work runs off the GUI thread (:mod:`background`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
)

from relcom_desktop.core import preferences
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.background import run_with_progress
from relcom_desktop.ui.lock import LOCK_SHORTCUT, LockGuard

if TYPE_CHECKING:
    from relcom_desktop.core.store.backup_files import Backup

EXPORT_WARNING = "The export is not encrypted: keep it somewhere safe and delete it when done."


class Safety(QObject):
    """The data-safety menu items of one main window, and the lock guarding it."""

    def __init__(self, window: QMainWindow, store: Store, *, demo: bool) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.demo = demo
        minutes = int(preferences.get(store, preferences.LOCK_MINUTES))
        self.guard = LockGuard(window, store, minutes)
        self.actions: dict[str, QAction] = {}
        self.backup_on_close = False  # the running app turns it on (see app.run_gui)

    # ---- menus ---------------------------------------------------------------------------

    def install(self, file_menu: QMenu, before: QAction, tools_menu: QMenu) -> None:
        add = self._adder(file_menu, before)
        add("backup", "&Back up now", self.back_up, "Ctrl+Shift+B")
        add("restore", "&Restore from backup…", self.restore)
        file_menu.insertSeparator(before)
        add("export_json", "Export all records (&JSON)…", self.export_json)
        add("export_child", "Export &everything about a child…", self.export_child)
        file_menu.insertSeparator(before)
        title = "Change &passphrase…" if self.store.encrypted else "&Encrypt data file…"
        add("passphrase", title, self.change_passphrase)
        add("lock", "&Lock", self.guard.lock, LOCK_SHORTCUT.toString())
        file_menu.insertSeparator(before)
        tools = self._adder(tools_menu, None)
        tools("audit", "&Audit log…", self.show_audit)
        tools("retention", "Records &retention…", self.show_retention)
        tools("check", "&Check data file", self.check)
        tools("lock_after", "Lock &after idle time…", self.set_lock_minutes)
        self.plain_label = QLabel("Not encrypted", self.window)
        self.plain_label.setToolTip("Encrypt this data file from File → Encrypt data file…")
        self.plain_label.setContentsMargins(12, 0, 0, 0)
        self.plain_label.setVisible(not self.store.encrypted and not self.demo)
        self.window.statusBar().addPermanentWidget(self.plain_label)

    def _adder(self, menu: QMenu, before: QAction | None) -> Callable[..., QAction]:
        def add(key: str, text: str, slot: Callable[[], Any], shortcut: str = "") -> QAction:
            action = QAction(text, self.window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _checked=False: self._guarded(slot))
            if before is None:
                menu.addAction(action)
            else:
                menu.insertAction(before, action)
            self.actions[key] = action
            return action

        return add

    def _guarded(self, slot: Callable[[], Any]) -> None:
        """Run a menu action; a user-level problem is shown as its plain message."""
        try:
            slot()
        except RelcomError as err:
            QMessageBox.warning(self.window, "RelCom Desktop", str(err))

    # ---- backups ------------------------------------------------------------------------

    def back_up(self) -> Backup:
        from relcom_desktop.core.store import backup

        made = run_with_progress(
            self.window,
            "Making a backup…",
            lambda progress, cancelled: backup.make_backup(
                self.store, progress=progress, cancelled=cancelled
            ),
        )
        self.window.statusBar().showMessage(f"Backup made and checked: {made.label}", 8000)
        return made

    def restore(self) -> None:
        from relcom_desktop.core.store import backup
        from relcom_desktop.ui.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.store.data_dir, self.window)
        if dialog.exec() != RestoreDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        current = dialog.backup_passphrase if self.store.encrypted else None
        if self.store.encrypted and not self.store.passphrase_matches(current or ""):
            current = self._ask_current_passphrase()
            if current is None:
                return
        restored = backup.restore_open_store(
            self.store, dialog.chosen, dialog.backup_passphrase, current
        )
        QMessageBox.information(
            self.window,
            "Restored",
            f"The backup of {restored.backup.label} is back in place. The file it replaced "
            f"is kept at {restored.aside}. The window will now reopen.",
        )
        self.window.reopen_requested = True  # type: ignore[attr-defined]
        self.window.close()

    def _ask_current_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self.window,
            "Your passphrase",
            "The backup has an older passphrase. Enter your current passphrase, so the "
            "restored file uses it:",
            QLineEdit.EchoMode.Password,
        )
        if ok and self.store.passphrase_matches(text):
            return text
        if ok:
            QMessageBox.warning(self.window, "Restore", "That is not your current passphrase.")
        return None

    def before_close(self) -> None:
        """Back up when the user closes the window (not for demo data)."""
        if not self.backup_on_close or self.demo or getattr(self.window, "reopen_requested", False):
            return
        if not self.window.isVisible() or not preferences.get(
            self.store, preferences.BACKUP_ON_CLOSE
        ):
            return
        try:
            self.back_up()
        except RelcomError as err:
            QMessageBox.warning(self.window, "Backup", f"The backup on closing was not made: {err}")

    # ---- exports ------------------------------------------------------------------------

    def _save_path(self, title: str, name: str, filter_text: str) -> Path | None:
        path, _chosen = QFileDialog.getSaveFileName(
            self.window, title, str(Path.home() / name), filter_text
        )
        return Path(path) if path else None

    def export_json(self) -> None:
        from relcom_desktop.core.interop import transfer

        path = self._save_path("Export all records", "relcom-export.json", "JSON (*.json)")
        if path is None:
            return
        done = run_with_progress(
            self.window,
            "Exporting all records…",
            lambda progress, cancelled: transfer.export_json(
                self.store, path, progress=progress, cancelled=cancelled
            ),
        )
        self._exported(f"Exported {done.rows:,} records to {done.path}.")

    def export_child(self, child_id: int | None = None) -> None:
        """Everything about one child (JSON and PDF) into a chosen folder; without
        ``child_id`` the user picks the child first. A child page can call this directly."""
        from relcom_desktop.reports import subject_access
        from relcom_desktop.ui.child_picker import ChildPicker

        if child_id is None:
            picker = ChildPicker(self.store, "Export everything about a child", self.window)
            if picker.exec() != ChildPicker.DialogCode.Accepted or picker.child_id is None:
                return
            child_id = picker.child_id
        folder = QFileDialog.getExistingDirectory(
            self.window, "Choose a folder for the export", str(Path.home())
        )
        if not folder:
            return
        chosen = child_id
        files = run_with_progress(
            self.window,
            "Gathering everything about the child…",
            lambda _p, _c: subject_access.export_child(self.store, chosen, Path(folder)),
        )
        self._exported(f"Wrote {files.json_path.name} and {files.pdf_path.name} in {folder}.")

    def _exported(self, message: str) -> None:
        QMessageBox.information(self.window, "Export", f"{message}\n\n{EXPORT_WARNING}")

    # ---- passphrase, lock, audit, retention, check --------------------------------------

    def change_passphrase(self) -> None:
        from relcom_desktop.ui.passphrase_dialog import PassphraseDialog

        if PassphraseDialog(self.store, self.window).exec():
            self.actions["passphrase"].setText("Change &passphrase…")
            self.plain_label.hide()

    def set_lock_minutes(self) -> None:
        minutes, ok = QInputDialog.getInt(
            self.window,
            "Lock after idle time",
            "Lock after this many minutes without use (0: only with Ctrl+L and on waking):",
            self.guard.minutes,
            0,
            240,
        )
        if ok:
            preferences.put(self.store, preferences.LOCK_MINUTES, minutes)
            self.guard.minutes = minutes

    def show_audit(self) -> None:
        from relcom_desktop.ui.audit_dialog import AuditDialog

        AuditDialog(self.store, self.window).exec()

    def show_retention(self) -> None:
        from relcom_desktop.ui.retention_dialog import RetentionDialog

        RetentionDialog(self.store, self.window).exec()

    def check(self) -> None:
        from relcom_desktop.core.store import health_check

        report = run_with_progress(
            self.window,
            "Checking the data file…",
            lambda _p, _c: health_check.check_store(self.store),
        )
        lines = "\n".join(f"• {f.title}: {f.detail}" for f in report.findings)
        verdict = "No problems found." if report.healthy else "Problems were found:"
        QMessageBox.information(self.window, "Check data file", f"{verdict}\n\n{lines}")
        exposed = [f for f in report.problems if f.title == health_check.BACKUP_ENCRYPTION]
        if exposed and self.store.encrypted:
            self.encrypt_backups()

    def encrypt_backups(self) -> None:
        """Offer to encrypt backups left unencrypted beside the encrypted data file."""
        from relcom_desktop.core.store import encryption
        from relcom_desktop.ui.passphrase_dialog import offer_to_delete

        answer = QMessageBox.question(
            self.window,
            "Unencrypted backups",
            "Some backups are not encrypted. Encrypt them now with your passphrase?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = run_with_progress(
            self.window,
            "Encrypting the backups…",
            lambda progress, _c: encryption.encrypt_plain_backups(self.store, progress=progress),
            can_cancel=False,
        )
        if done.summary:
            self.window.statusBar().showMessage(done.summary, 8000)
        if done.exposed:
            offer_to_delete(self.window, done.exposed)
