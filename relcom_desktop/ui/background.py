"""Running core calls off the GUI thread, on the shared :class:`Worker`.

- ``run_in_background``: hand a result back to a page later (pages that load data).
- ``run_with_progress``: looks synchronous to the caller — shows a progress dialog with
  Cancel, keeps the window responsive, and returns the result (or raises the error as a
  ``RelcomError``) when the work is done (backups, exports, imports, re-keying).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThreadPool
from PySide6.QtWidgets import QProgressDialog, QWidget

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.ui.workers import Worker

T = TypeVar("T")
Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], T]
SHOW_AFTER_MS = 400
STOPPED = "Stopped before it finished. Nothing was changed."

_running: set[Worker] = set()  # keeps each worker alive until its job has finished


def _keep_until_done(worker: Worker) -> Worker:
    worker.signals.done.connect(lambda: _running.discard(worker))
    _running.add(worker)
    return worker


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> Worker:
    """Run ``work()`` on the thread pool; ``on_done(result)`` or ``on_failed(message)`` then
    run on the GUI thread, unless ``owner`` has been deleted in the meantime."""
    worker = _keep_until_done(Worker(lambda _progress, _cancelled: work()))
    worker.signals.setParent(owner)  # deleted with the owner: then nobody is told
    worker.signals.finished.connect(on_done)
    worker.signals.failed.connect(on_failed)
    worker.start()
    return worker


def _progress_dialog(parent: QWidget | None, title: str, can_cancel: bool) -> QProgressDialog:
    dialog = QProgressDialog(title, "Cancel" if can_cancel else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not can_cancel:
        dialog.setCancelButton(None)
    return dialog


def run_with_progress(
    parent: QWidget | None, title: str, work: Work[T], *, can_cancel: bool = True
) -> T:
    dialog = _progress_dialog(parent, title, can_cancel)
    worker = _keep_until_done(Worker(work))
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def show_progress(done: int, total: int, label: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        dialog.setLabelText(label)

    dialog.canceled.connect(worker.cancel)
    worker.signals.progress.connect(show_progress)
    worker.signals.finished.connect(lambda result: outcome.update(result=result))
    worker.signals.failed.connect(lambda message: outcome.update(error=message))
    worker.signals.cancelled.connect(lambda: outcome.update(error=STOPPED))
    worker.signals.done.connect(loop.quit)
    worker.start()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise RelcomError(outcome["error"])
    return outcome["result"]  # type: ignore[no-any-return]


def wait_for_background(msecs: int = 5000) -> bool:
    """Block until background jobs finish (for closing a data file, and for tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
