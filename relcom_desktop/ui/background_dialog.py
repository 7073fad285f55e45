"""The shape every import dialog shares: one background job at a time, an Import button that
commits, and Cancel (which stops a running job; nothing is kept) turning into Close."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QWidget

from relcom_desktop.ui import theme
from relcom_desktop.ui.widgets import quiet_label
from relcom_desktop.ui.workers import Job, Worker

STOPPED = "Stopped. Nothing changed."


class JobStatus:
    """How the background work is going: a progress bar, a status line and, when it fails,
    an error line (with a warning sign: colour is never the only cue). The owner lays the
    three widgets out."""

    def __init__(self, parent: QWidget, unit: str = "") -> None:
        self.progress = QProgressBar(parent)
        self.progress.setAccessibleName("Progress")
        self.status = quiet_label("", parent)
        self.error = QLabel(parent)
        self.error.setWordWrap(True)
        theme.set_tone(self.error, "error")
        self.error.hide()
        self._unit = f" {unit}" if unit else ""

    def busy(self, label: str) -> None:
        self.error.hide()
        self.status.setText(label)
        self.progress.setRange(0, 0)
        self.progress.show()

    def progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status.setText(f"{label}: {done:,} of {total:,}{self._unit}")

    def failed(self, message: str) -> None:
        self.progress.hide()
        self.status.setText("Nothing has been changed.")
        self.error.setText(f"⚠ {message}")
        self.error.show()

    def finished(self, text: str) -> None:
        """The work is done: no progress bar, and ``text`` says what came of it."""
        self.progress.hide()
        self.status.setText(text)


class BackgroundDialog(QDialog):
    """Subclasses give ``work`` (where the job's progress shows), decide when Import may be
    pressed (``update_buttons``) and what it does (``commit``)."""

    work: JobStatus

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
        signals.progress.connect(self.work.progressed)
        signals.finished.connect(done)
        signals.failed.connect(self.work.failed)
        signals.cancelled.connect(lambda: self.work.failed(STOPPED))
        signals.done.connect(self.update_buttons)
        self.work.busy(label)
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

    def update_buttons(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        raise NotImplementedError
