"""Starting the desktop app: the Qt application, the data file, the main window.

Imports of Qt, SQLAlchemy and the pages happen inside the functions so that ``relcom --help``
and the command-line subcommands start quickly.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from relcom_desktop import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from relcom_desktop.core.db import Store
    from relcom_desktop.ui.main_window import MainWindow

ORGANISATION = "RelCom"
EXIT_STORE_ERROR = 2
PROBE_TIMEOUT_MS = 20_000


def make_application(*, demo: bool = False) -> QApplication:
    """The process's QApplication (reused if one exists), named for settings and titles."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from relcom_desktop.ui import theme
    from relcom_desktop.ui.main_window import window_title

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply_saved(app)
    app.setWindowIcon(QIcon(str(Path(__file__).parent / "resources" / "relcom.svg")))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    # Qt adds the display name to every window title; in demo mode it carries the warning.
    app.setApplicationDisplayName(window_title(demo))
    return app


def run_gui(
    data_dir: Path,
    *,
    demo: bool = False,
    startup_probe: bool = False,
    t0: float | None = None,
    settings: QSettings | None = None,
) -> int:
    """Open the data file in ``data_dir`` and run the main window; returns the exit code.

    A new data folder starts with the first-run wizard, an encrypted file with the unlock
    dialog. A data file that cannot be opened is explained in a message box and gives exit
    code 2; closing the wizard or the unlock dialog gives 0.
    With ``startup_probe`` the app prints ``startup_ms=<n>`` (from ``t0``, default now) once
    the first page has painted, and quits with 0.
    """
    start = time.perf_counter() if t0 is None else t0
    app = make_application(demo=demo)
    store = _open(Path(data_dir), demo)
    if isinstance(store, int):
        return store
    from relcom_desktop.ui.main_window import MainWindow
    from relcom_desktop.ui.open_flow import chose_demo

    if not demo and chose_demo(store, Path(data_dir)):  # the first-run wizard's other choice
        demo = True
        make_application(demo=True)

    previous_hook, sys.excepthook = sys.excepthook, error_hook(store, sys.excepthook)
    try:
        while True:  # a restore from a backup reopens the window on the restored file
            window = MainWindow(store, demo=demo, settings=settings)
            window.safety.backup_on_close = True
            if startup_probe:
                return _probe_startup(app, window, start)
            window.show()
            code = app.exec()
            if not getattr(window, "reopen_requested", False):
                return code
            window.deleteLater()
    finally:
        sys.excepthook = previous_hook
        store.close()


def error_hook(store: Store, fallback: Callable[..., object]) -> Callable[..., None]:
    """Show a user-level problem met while the app runs as its plain message, never a
    traceback: a RelcomError as is, a database error (say, a damaged file) explained.
    Anything else is logged without personal data and explained calmly; the app carries on.
    An interrupt (Ctrl+C in a terminal) goes to ``fallback``."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        from relcom_desktop.core import crash_log
        from relcom_desktop.core.db import explain_failure
        from relcom_desktop.core.errors import RelcomError
        from relcom_desktop.ui.error_dialog import show_unexpected

        if not issubclass(kind, Exception):
            fallback(kind, value, tb)
            return
        err = value if isinstance(value, RelcomError) else explain_failure(value, store)
        if err is None:
            show_unexpected(kind.__name__, crash_log.record_unexpected(kind, tb))
            return
        QMessageBox.critical(None, APP_NAME, str(err))

    return hook


def _open(data_dir: Path, demo: bool) -> Store | int:
    """The open store, or the exit code: 0 if the user cancelled, 2 if it cannot be opened."""
    from relcom_desktop.core.errors import StoreError
    from relcom_desktop.ui.open_flow import explain, open_for_gui

    while True:
        try:
            store = open_for_gui(data_dir, demo=demo)
        except StoreError as err:
            if explain(data_dir, err):
                continue  # restored from a backup: open that
            return EXIT_STORE_ERROR
        return 0 if store is None else store


def _probe_startup(app: QApplication, window: MainWindow, start: float) -> int:
    """Show the window, wait for its first page to paint, report the time, and stop."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__(window)
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.seen:
                self.seen = True
                QTimer.singleShot(0, report)  # after this paint has finished
            return False

    def report() -> None:
        print(f"startup_ms={round((time.perf_counter() - start) * 1000)}", flush=True)
        app.exit(0)

    def give_up() -> None:
        print("The main window did not paint; no start-up time measured.", file=sys.stderr)
        app.exit(1)

    watcher = FirstPaint()
    window.current_page().installEventFilter(watcher)
    deadline = QTimer(window)
    deadline.setSingleShot(True)
    deadline.timeout.connect(give_up)
    deadline.start(PROBE_TIMEOUT_MS)
    window.show()
    code = app.exec()
    deadline.stop()
    window.current_page().removeEventFilter(watcher)
    window.hide()
    window.deleteLater()
    return code
