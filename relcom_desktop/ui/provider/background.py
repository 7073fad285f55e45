"""Running long work (reading and importing a file) off the GUI thread, with progress and cancel.

The work is a plain function ``work(progress, cancelled)`` from the core; it knows nothing of
Qt. Results and errors come back to the GUI thread through queued signals.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from relcom_desktop.core.errors import RelcomError

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], Any]


class Task(QObject):
    """A running piece of work. Connect to its signals, then :meth:`start` it."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, work: Work, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._stop = threading.Event()
        self.running = False
        self.succeeded.connect(self._done)  # first, so later slots see it finished
        self.failed.connect(self._done)

    def start(self) -> None:
        self.running = True
        QThreadPool.globalInstance().start(_Runner(self))

    def cancel(self) -> None:
        self._stop.set()

    def cancelled(self) -> bool:
        return self._stop.is_set()

    def _done(self, *_args: object) -> None:
        self.running = False

    def run(self) -> None:
        """Runs on a pool thread."""
        try:
            result = self._work(self.progressed.emit, self.cancelled)
        except RelcomError as err:
            self.failed.emit(str(err))
        except Exception as err:  # report, never crash the app or lose the message
            log.error("background work failed (%s)", type(err).__name__)  # no content
            self.failed.emit(f"Something went wrong: {type(err).__name__}. Nothing was changed.")
        else:
            self.succeeded.emit(result)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task.run()
