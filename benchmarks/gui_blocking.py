"""How long the GUI thread is blocked while long work runs (target ≤ 50 ms).

A 2 ms heartbeat timer on the GUI thread records the longest gap between its ticks while
each job runs off the GUI thread, compared with the longest gap while the app is idle.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import Figure
from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

TARGET_MS = 50.0


class Heartbeat:
    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())

    def measure(
        self, app: QApplication, start: Callable[[], None], done: Callable[[], bool]
    ) -> float:
        self.longest = 0.0
        self.clock.start()
        self.timer.start()
        start()
        deadline = time.perf_counter() + 60
        while not done() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        self.timer.stop()
        return self.longest


def _idle(app: QApplication, beat: Heartbeat) -> float:
    until = time.perf_counter() + 0.5
    return beat.measure(app, lambda: None, lambda: time.perf_counter() > until)


def gui_figures(folder: Path) -> list[Figure]:
    from relcom_desktop.app import make_application
    from relcom_desktop.core.store.db import open_store
    from relcom_desktop.ui.main_window import MainWindow

    app = make_application()
    store = open_store(folder)
    # Throw-away window settings (never a device file: QSettings saves by replacing the file).
    scratch = tempfile.mkdtemp(prefix="relcom-bench-")
    settings = QSettings(str(Path(scratch) / "window.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings=settings)
    window.show()
    beat = Heartbeat()
    idle = _idle(app, beat)
    window.show_search()
    dialog = window._search
    searches = iter(["placement", "plan", "respite", "school", "trust", "visit"] * 3)

    def start_searches() -> None:
        for word in searches:
            dialog.run_search(word)

    blocked = beat.measure(
        app,
        start_searches,
        lambda: "found" in dialog.status.text() or "Nothing" in dialog.status.text(),
    )
    backup_blocked = _during_backup(app, beat, store)
    window.close()
    store.close()
    return [
        Figure("GUI thread blocked during search", blocked, idle, TARGET_MS, kind="absolute"),
        Figure(
            "GUI thread blocked during a backup", backup_blocked, idle, TARGET_MS, kind="absolute"
        ),
    ]


def _during_backup(app: QApplication, beat: Heartbeat, store: object) -> float:
    """A verified backup of the whole file, run on the app's background worker."""
    from relcom_desktop.core.store import backup
    from relcom_desktop.ui.workers import Worker

    worker = Worker(lambda progress, cancelled: backup.make_backup(
        store, progress=progress, cancelled=cancelled
    ))  # fmt: skip
    finished: list[bool] = []
    worker.signals.done.connect(lambda: finished.append(True))
    return beat.measure(app, worker.start, lambda: bool(finished))
