"""Long jobs off the GUI thread: a reusable QRunnable that reports through signals.

    worker = Worker(lambda progress, cancelled: build(..., progress=progress,
                                                      cancelled=cancelled))
    worker.signals.progress.connect(bar.show_progress)     # (done, total, label)
    worker.signals.finished.connect(on_result)              # the job's return value
    worker.signals.failed.connect(show_message)             # a message to show as is
    worker.signals.cancelled.connect(on_cancelled)
    worker.start()
    ...
    worker.cancel()   # the job sees cancelled() == True and stops at its next check

The job is a plain function taking ``progress(done, total, label)`` and ``cancelled()``, as the
core's long operations do; it knows nothing of Qt. Signals are delivered on the GUI thread.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from relcom_desktop.core.errors import RelcomError, disk_problem

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
Job = Callable[[Progress, Cancelled], Any]
UNEXPECTED = "Something went wrong while doing this. Nothing was changed or written."


_collector_lock = threading.Lock()
_jobs_running = 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while background jobs run.

    A full collection walks every live object while holding the interpreter lock, so during
    a big build (thousands of PDF flowables) it froze the GUI thread for 100 ms or more. Jobs
    free almost everything by reference counting; the collector resumes when the last ends.
    Resuming would start the collection put off during the job at once (50-90 ms as a big
    PDF finishes), so what the job left is first moved to the oldest generation in one step
    (freeze, unfreeze): any garbage among it goes at the next full collection instead.
    """
    global _jobs_running
    with _collector_lock:
        _jobs_running += 1
        gc.disable()
    try:
        yield
    finally:
        with _collector_lock:
            _jobs_running -= 1
            if _jobs_running == 0:
                gc.freeze()
                gc.unfreeze()
                gc.enable()


class WorkerSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()  # after any of finished, failed or cancelled


class Worker(QRunnable):
    """Runs ``job(progress, cancelled)`` on a thread pool; see the module docstring."""

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the caller keeps it, so its signals outlive the run
        self.signals = WorkerSignals()
        self._job = job
        self._cancel = threading.Event()
        self._running = False

    def start(self, pool: QThreadPool | None = None) -> None:
        self._running = True
        (pool or QThreadPool.globalInstance()).start(self)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def running(self) -> bool:
        return self._running

    def run(self) -> None:
        signals = self.signals
        try:
            with collector_paused():
                result = self._job(lambda *a: _tell(signals.progress, *a), self.is_cancelled)
        except Exception as exc:
            if self.is_cancelled():
                _tell(signals.cancelled)
            elif isinstance(exc, RelcomError):
                _tell(signals.failed, str(exc))
            elif (problem := disk_problem(exc)) is not None:
                _tell(signals.failed, str(problem))
            else:
                log.exception("a background job failed")
                _tell(signals.failed, UNEXPECTED)
        else:
            _tell(signals.finished, result)  # work that completed is reported, even if late
        finally:
            self._running = False
            _tell(signals.done)


def _tell(signal: Any, *args: Any) -> None:
    """Emit, unless whoever was listening has gone (e.g. the page was closed meanwhile)."""
    with suppress(RuntimeError):
        signal.emit(*args)
