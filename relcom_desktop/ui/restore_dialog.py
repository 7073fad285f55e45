"""Choosing a backup to restore, with the passphrase that opens it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import backup
from relcom_desktop.core.db import FileState, file_state
from relcom_desktop.ui.passphrase_widgets import PassphraseEdit, error_label, note

EXPLAIN = (
    "Choose the backup to go back to. Your current data file is not deleted: it is kept "
    "aside in the backups folder first, so this can be undone by restoring that copy."
)


class RestoreDialog(QDialog):
    """``chosen`` (a path) and ``backup_passphrase`` after it was accepted."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.chosen: Path | None = None
        self.backup_passphrase: str | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName("Backups")
        for item in backup.list_backups(data_dir):
            suffix = "  — the file replaced by an earlier restore" if item.before_restore else ""
            row = QListWidgetItem(f"{item.label}   ({item.size / 1e6:.1f} MB){suffix}", self.list)
            row.setData(Qt.ItemDataRole.UserRole, str(item.path))
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
        self.chosen, self.backup_passphrase = path, secret
        self.accept()
