"""Changing the passphrase (re-key), or encrypting a file that has none yet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.store import encryption
from relcom_desktop.core.store.backup_keys import remove_backups
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.background import run_with_progress
from relcom_desktop.ui.passphrase_widgets import (
    NewPassphraseForm,
    PassphraseEdit,
    error_label,
    note,
)
from relcom_desktop.ui.widgets import WideDialog

if TYPE_CHECKING:
    from relcom_desktop.core.store.backup_keys import BackupKeys, Progress

ENCRYPT_NOTE = (
    "This data file is not encrypted yet. Choose a passphrase: the file is copied, the copy "
    "encrypted and checked, and only then put in place of the original. Every backup is "
    "then encrypted with it in the same way. "
    "<b>There is no way to recover a forgotten passphrase.</b>"
)
CHANGE_NOTE = (
    "The data file and its backups are re-written with the new passphrase, so any backup "
    "restores with it. A backup made with an even older passphrase keeps that one."
)


class PassphraseDialog(WideDialog):
    """Current passphrase (when there is one), new passphrase twice; saves on OK."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        changing = store.encrypted
        self.setWindowTitle("Change passphrase" if changing else "Encrypt data file")
        self.current = PassphraseEdit("Current passphrase", self)
        self.form = NewPassphraseForm(parent=self)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            "&Change passphrase" if changing else "&Encrypt",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note(CHANGE_NOTE if changing else ENCRYPT_NOTE, self))
        if changing:
            top = QFormLayout()
            top.addRow("C&urrent:", self.current)
            layout.addLayout(top)
        else:
            self.current.hide()
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ok.setEnabled(False)
        self.form.changed.connect(self.ok.setEnabled)
        self.open_width = 520

    def save(self) -> None:
        new = self.form.passphrase()
        confirm = self.form.confirm.text()
        current = self.current.text()

        def work(progress: Progress, _cancelled: object) -> BackupKeys:
            if self.store.encrypted:
                return encryption.change_passphrase(
                    self.store, current, new, confirm, progress=progress
                )
            return encryption.encrypt_store(self.store, new, confirm, progress=progress)

        try:
            done = run_with_progress(self, "Re-writing the data file…", work, can_cancel=False)
        except RelcomError as err:
            self.error.setText(str(err))
            return
        QMessageBox.information(
            self,
            self.windowTitle(),
            f"Done. Use the new passphrase from now on. {done.summary}".strip(),
        )
        if done.exposed:
            offer_to_delete(self, done.exposed)
        self.accept()


def offer_to_delete(parent: QWidget, paths: tuple[Path, ...]) -> None:
    """Backups that could not be encrypted stay readable: ask whether to delete them."""
    names = "\n".join(f"• {path.name}" for path in paths)
    answer = QMessageBox.question(
        parent,
        "Backups not encrypted",
        "These backups could not be encrypted (they may be damaged), so anyone with the "
        f"files can read them:\n\n{names}\n\nDelete them now?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer == QMessageBox.StandardButton.Yes:
        remove_backups(paths)
