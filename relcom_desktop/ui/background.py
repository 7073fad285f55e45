"""Running long work (backups, exports, imports) off the GUI thread with a progress dialog.

``run_with_progress`` looks synchronous to the caller: it shows a progress dialog, runs the
work on the thread pool, keeps the window responsive, and returns the result (or raises the
error) when the work is done. The work gets ``progress(done, total, label)`` and
``cancelled()`` callbacks and knows nothing of Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], T]
SHOW_AFTER_MS = 400


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal()


class _Runner(QRunnable):
    def __init__(self, work: Work[Any], cancel: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.cancel = cancel
        self.signals = _Signals()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.work(self.signals.progress.emit, self.cancel.is_set)
        except BaseException as exc:  # handed to the GUI thread, raised there
            self.error = exc
        finally:
            self.signals.finished.emit()


def run_with_progress(
    parent: QWidget | None, title: str, work: Work[T], *, can_cancel: bool = True
) -> T:
    cancel = threading.Event()
    dialog = QProgressDialog(title, "Cancel" if can_cancel else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not can_cancel:
        dialog.setCancelButton(None)
    dialog.canceled.connect(cancel.set)
    runner = _Runner(work, cancel)
    runner.setAutoDelete(False)
    loop = QEventLoop()

    def show_progress(done: int, total: int, label: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        dialog.setLabelText(label)

    runner.signals.progress.connect(show_progress)
    runner.signals.finished.connect(loop.quit)
    QThreadPool.globalInstance().start(runner)
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if runner.error is not None:
        raise runner.error
    return runner.result  # type: ignore[no-any-return]
