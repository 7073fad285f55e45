"""Running a core call off the GUI thread and handing its result back to the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from relcom_desktop.core.errors import RelcomError

log = logging.getLogger(__name__)
UNEXPECTED = "Something went wrong while loading. Please try again."


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._work()
        except RelcomError as error:
            self._emit(self._signals.failed, str(error))
        except Exception:
            log.exception("background job failed")
            self._emit(self._signals.failed, UNEXPECTED)
        else:
            self._emit(self._signals.done, result)

    def _emit(self, signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
            self._signals.deleteLater()
        except RuntimeError:  # the page went away while the job ran: nobody to tell
            pass


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
) -> None:
    """Run ``work()`` on the thread pool; ``on_done(result)`` or ``on_failed(message)`` then
    run on the GUI thread, unless ``owner`` has been deleted in the meantime."""
    signals = _Signals(owner)
    signals.done.connect(on_done)
    signals.failed.connect(on_failed)
    QThreadPool.globalInstance().start(_Job(work, signals))


def wait_for_background(msecs: int = 5000) -> bool:
    """Block until background jobs finish (for closing a data file, and for tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
