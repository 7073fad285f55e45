"""Running a core call off the GUI thread and handing its result back to the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool

from relcom_desktop.ui.workers import Worker

_running: set[Worker] = set()  # keeps each worker alive until its job has finished


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> Worker:
    """Run ``work()`` on the thread pool; ``on_done(result)`` or ``on_failed(message)`` then
    run on the GUI thread, unless ``owner`` has been deleted in the meantime."""
    worker = Worker(lambda _progress, _cancelled: work())
    worker.signals.setParent(owner)  # deleted with the owner: then nobody is told
    worker.signals.finished.connect(on_done)
    worker.signals.failed.connect(on_failed)
    worker.signals.done.connect(lambda: _running.discard(worker))
    _running.add(worker)
    worker.start()
    return worker


def wait_for_background(msecs: int = 5000) -> bool:
    """Block until background jobs finish (for closing a data file, and for tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
