"""Asking for the passphrase when the app starts on an encrypted data file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop import APP_NAME
from relcom_desktop.core.errors import WrongPassphrase
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.passphrase_widgets import PassphraseEdit, error_label, note, show_toggle
from relcom_desktop.ui.widgets import WideDialog, heading

Opener = Callable[[str], Store]


class UnlockDialog(WideDialog):
    """Passphrase in, an open Store out (``store`` after ``exec()`` returned Accepted).

    A wrong passphrase is said under the field and the user tries again; any other problem
    with the file is raised to the caller, which explains it.
    """

    def __init__(self, path: Path, opener: Opener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Unlock {APP_NAME}")
        self.opener = opener
        self.store: Store | None = None
        self.error: Exception | None = None
        self.attempts = 0
        self.passphrase = PassphraseEdit("Passphrase", self)
        self.message = error_label(self)
        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton("&Unlock", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(10)
        layout.addWidget(heading("Your data is locked", self))
        layout.addWidget(note(f"Enter your passphrase to open<br><small>{path}</small>", self))
        layout.addWidget(self.passphrase)
        layout.addWidget(show_toggle(self, self.passphrase))
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.open_width = 460
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.message.setText("Please enter your passphrase.")
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.store = self.opener(text)
        except WrongPassphrase:
            self.attempts += 1
            self.message.setText("That passphrase is not right. Check Caps Lock and try again.")
            self.passphrase.selectAll()
            return
        except Exception as err:  # explained by the caller, after the dialog closes
            self.error = err
            self.reject()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
