"""Choosing a backup to restore, with the passphrase that opens it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.store import backup, backup_files
from relcom_desktop.core.store.db import DB_FILENAME, FileState, file_state
from relcom_desktop.ui.passphrase_widgets import PassphraseEdit, error_label, note

EXPLAIN = (
    "Choose the backup to go back to. Your current data file is not deleted: it is kept "
    "aside in the backups folder first, so this can be undone by restoring that copy."
)

LABEL_ROLE = Qt.ItemDataRole.UserRole + 1  # when the backup was taken, as the user reads it


def _when(path: Path) -> str:
    """When a file was last changed, in the backups' own style."""
    try:
        changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return "an unknown date"
    return f"{changed:%d %b %Y at %H:%M}"


def confirmation(backup_label: str, data_dir: Path) -> str:
    """What restoring will do, in words: the backup's date and what is set aside where."""
    current = Path(data_dir) / DB_FILENAME
    folder = backup_files.backups_dir(data_dir)
    return (
        f"Restore the backup of {backup_label}?\n\n"
        f"Your current data file (last changed {_when(current)}) will be set aside in "
        f"{folder}, not deleted, and the backup put in its place. Anything recorded after "
        f"{backup_label} will not be in the restored file; restore the set-aside copy to get "
        "it back. The window will then reopen."
    )


class RestoreDialog(QDialog):
    """``chosen`` (a path) and ``backup_passphrase`` after it was accepted."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.setWindowTitle("Restore from a backup")
        self.chosen: Path | None = None
        self.backup_passphrase: str | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName("Backups")
        for item in backup_files.list_backups(data_dir):
            suffix = "  — the file replaced by an earlier restore" if item.before_restore else ""
            row = QListWidgetItem(f"{item.label}   ({item.size / 1e6:.1f} MB){suffix}", self.list)
            row.setData(Qt.ItemDataRole.UserRole, str(item.path))
            row.setData(LABEL_ROLE, item.label)
        self.list.setCurrentRow(0)
        self.passphrase = PassphraseEdit("Passphrase of the backup", self)
        self.message = error_label(self)
        other = QPushButton("Choose another &file…", self)
        other.clicked.connect(self._choose_file)
        buttons = QDialogButtonBox(self)
        buttons.addButton("&Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(other, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note(EXPLAIN, self))
        layout.addWidget(self.list, 1)
        label = QLabel("&Passphrase (for an encrypted backup):", self)
        label.setBuddy(self.passphrase)
        layout.addWidget(label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, "Choose a backup", "", "RelCom data (*.sqlite3);;All files (*)"
        )
        if path:
            row = QListWidgetItem(Path(path).name, self.list)
            row.setData(Qt.ItemDataRole.UserRole, path)
            row.setData(LABEL_ROLE, f"{Path(path).name} (saved {_when(Path(path))})")
            self.list.setCurrentItem(row)

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            self.message.setText("There is no backup to restore yet.")
            return
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        secret = self.passphrase.text() or None
        if file_state(path) is FileState.ENCRYPTED and not backup.opens_with(path, secret):
            self.message.setText(
                "That passphrase does not open this backup. If it was made before you last "
                "changed your passphrase, enter the one you used then."
            )
            return
        if not self._confirmed(item.data(LABEL_ROLE) or path.name):
            return
        self.chosen, self.backup_passphrase = path, secret
        self.accept()

    def _confirmed(self, label: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            confirmation(label, self.data_dir),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
