"""The shape every import dialog shares: one background job at a time, an Import button that
commits, and Cancel (which stops a running job; nothing is kept) turning into Close."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from relcom_desktop.ui.workers import Job, Worker

STOPPED = "Stopped. Nothing changed."


class BackgroundDialog(QDialog):
    """Subclasses show the work (``busy``, ``progressed``, ``failed``), decide when Import
    may be pressed (``update_buttons``) and what it does (``commit``)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job: Worker | None = None
        self.setWindowTitle(title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = QPushButton("Import", self)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.commit)
        self.buttons.rejected.connect(self.reject)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def run(self, job: Job, done: Callable[[Any], None], label: str) -> None:
        """Run ``job`` off the GUI thread with progress shown; then ``done`` with its result."""
        self.job = Worker(job)
        signals = self.job.signals
        signals.progress.connect(self.progressed)
        signals.finished.connect(done)
        signals.failed.connect(self.failed)
        signals.cancelled.connect(lambda: self.failed(STOPPED))
        signals.done.connect(self.update_buttons)
        self.busy(label)
        self.job.start()
        self.update_buttons()

    def imported(self) -> None:
        """After a commit: Import is spent and Cancel becomes Close."""
        self.import_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")

    def reject(self) -> None:
        if self.running:
            self.job.cancel()  # type: ignore[union-attr]  # it stops at its next check
        super().reject()

    # ---- for subclasses --------------------------------------------------------------------

    def busy(self, label: str) -> None:
        raise NotImplementedError

    def progressed(self, done: int, total: int, label: str) -> None:
        raise NotImplementedError

    def failed(self, message: str) -> None:
        raise NotImplementedError

    def update_buttons(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError
