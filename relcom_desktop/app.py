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
    from PySide6.QtCore import QObject, QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from relcom_desktop.core.store.db import Store
    from relcom_desktop.core.today_items import TodayView
    from relcom_desktop.ui.main_window import MainWindow

ORGANISATION = "RelCom"
EXIT_STORE_ERROR = 2
PROBE_TIMEOUT_MS = 20_000


def make_application(*, demo: bool = False, quick: bool = False) -> QApplication:
    """The process's QApplication (reused if one exists), named for settings and titles.

    ``quick``: leave the style sheet until after the first paint (see ``theme.apply_tones``).
    """
    from PySide6.QtWidgets import QApplication

    from relcom_desktop.ui import theme
    from relcom_desktop.ui.about import window_title

    app = QApplication.instance()
    if app is None:  # Fusion from the start: setting it later costs the first paint ~5 ms
        app = QApplication([*sys.argv[:1], *theme.STYLE_ARGUMENTS])
        app.setProperty(theme.FUSION_FROM_START, True)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationVersion(__version__)
    theme.apply_saved(app, tones=not quick)  # after the names: they say where settings live
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
    the first page has painted, and quits with 0 (see :class:`_Probe`).
    """
    start = time.perf_counter() if t0 is None else t0
    data_dir = Path(data_dir)
    quick = _is_plain_file(data_dir)
    early_today = _read_today_early(data_dir) if quick else None
    app = make_application(demo=demo, quick=quick)
    from relcom_desktop.ui.main_window import MainWindow

    window: MainWindow | None = None
    probe = _Probe(app, start) if startup_probe else None
    if quick:
        # Show the window at once, then Today as read while Qt started; the database layer
        # loads once that has painted.
        window = MainWindow(None, demo=demo, settings=settings)
        store = _open_after_first_paint(app, window, data_dir, demo, probe, early_today)
    else:
        store = _open(data_dir, demo)  # first-run wizard or unlock dialog first
    if isinstance(store, int):
        return store
    from relcom_desktop.ui.open_flow import chose_demo
    from relcom_desktop.ui.preview_files import remove_leftovers

    remove_leftovers()  # previews (plain PDFs) a crashed run left in the temporary folder

    if not demo and chose_demo(store, data_dir):  # the first-run wizard's other choice
        demo = True
        make_application(demo=True)
    previous_hook, sys.excepthook = sys.excepthook, error_hook(store, sys.excepthook)
    try:
        while True:  # a restore from a backup reopens the window on the restored file
            if window is None:
                window = MainWindow(store, demo=demo, settings=settings)
            else:
                window.attach(store)
            window.safety.backup_on_close = True
            if probe is not None:
                return probe.run(window)
            window.show()
            code = app.exec()
            if not window.reopen_requested:
                return code
            window.deleteLater()
            window = None
    finally:
        sys.excepthook = previous_hook
        store.close()


def _is_plain_file(data_dir: Path) -> bool:
    from relcom_desktop.core.store.datafile import FileState, data_file, file_state

    return file_state(data_file(data_dir)) is FileState.PLAIN


def _read_today_early(data_dir: Path) -> Callable[[], TodayView | None] | None:
    """Start reading Today from the plain data file on a thread, unless a restore or re-key
    was interrupted (opening the file finishes or undoes that first)."""
    from relcom_desktop.core.store.datafile import data_file, leftovers
    from relcom_desktop.core.store.migrate import SCHEMA_HEAD
    from relcom_desktop.core.today_early import start_reading

    path = data_file(data_dir)
    return None if leftovers(path) else start_reading(path, SCHEMA_HEAD)


def _after_first_paint(widget: QWidget, then: Callable[[], None]) -> QObject:
    """Call ``then`` (on the next turn of the event loop) once ``widget`` has first painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)
            return False

    watcher = FirstPaint(widget)
    widget.installEventFilter(watcher)
    return watcher


def _elapsed_ms(start: float) -> int:
    return round((time.perf_counter() - start) * 1000)


def _open_after_first_paint(
    app: QApplication,
    window: MainWindow,
    data_dir: Path,
    demo: bool,
    probe: _Probe | None,
    early_today: Callable[[], TodayView | None] | None,
) -> Store | int:
    """Show ``window``; once it has painted, show Today as read on a plain connection (by
    ``early_today``) and, once that has painted, open the data file. The store or an exit
    code."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    opened: dict[str, Store | int] = {}

    def open_now() -> None:
        from relcom_desktop.ui import theme

        theme.apply_tones(app)
        window.finish_shell()
        opened["store"] = _open(data_dir, demo)
        loop.quit()

    def show_today() -> None:
        if probe is not None:
            probe.say("startup_ms")
        if early_today is None:
            open_now()
            return
        import relcom_desktop.ui.pages.today_page  # noqa: F401 - loads while Today is read

        view = early_today()
        if view is not None and window.show_early_today(view):
            _after_first_paint(window.current_page(), then_open)
        else:
            open_now()

    def then_open() -> None:
        if probe is not None:
            probe.say("ready_ms")  # Today has painted with its lists
        open_now()

    if probe is not None:
        probe.watch(window)
    _after_first_paint(window.current_host(), show_today)
    window.show()
    loop.exec()
    if isinstance(opened["store"], int):
        window.close()
    return opened["store"]


class _Probe:
    """``--startup-probe``: print, in ms from the process's start, when the window first
    paints (``startup_ms``), when the page on show first paints with its data (``ready_ms``:
    Today's lists), and when the data file is open and the window fully working
    (``open_ms``); then quit with 0.

    Only the page host and the pages are watched (a filter on every event of the
    application would itself slow the start it measures); on the quick path the start-up
    steps say when they run."""

    def __init__(self, app: QApplication, start: float) -> None:
        self.app, self.start = app, start
        self.seen: set[str] = set()
        self.watching = False

    def say(self, what: str) -> None:
        if what not in self.seen:
            self.seen.add(what)
            print(f"{what}={_elapsed_ms(self.start)}", flush=True)

    def watch(self, window: MainWindow) -> None:
        self.watching = True
        window.page_made.connect(self._watch_page)
        for page in window.built_pages().values():
            self._watch_page(page)

    def _watch_page(self, page: QWidget) -> None:
        """Say ``ready_ms`` at the page's first paint with its data (a page with no
        ``view`` has its data when made)."""
        from PySide6.QtCore import QEvent, QObject, QTimer

        probe = self

        class Ready(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and getattr(page, "view", 1) is not None:
                    page.removeEventFilter(self)
                    QTimer.singleShot(0, lambda: probe.say("ready_ms"))
                return False

        page.installEventFilter(Ready(page))

    def run(self, window: MainWindow) -> int:
        """With the file open: wait until the page on show has painted with its data."""
        from PySide6.QtCore import QTimer

        if not self.watching:  # the slow path (wizard or unlock) has not shown it yet
            self.watch(window)
            _after_first_paint(window.current_host(), lambda: self.say("startup_ms"))
        window.current_page()  # made now if not yet
        self.say("open_ms")
        ready, deadline = QTimer(window), QTimer(window)
        ready.timeout.connect(lambda: "ready_ms" in self.seen and self.app.exit(0))
        deadline.setSingleShot(True)
        deadline.timeout.connect(self._give_up)
        ready.start(5)
        deadline.start(PROBE_TIMEOUT_MS)
        window.show()
        code = self.app.exec()
        ready.stop()
        deadline.stop()
        window.hide()
        window.deleteLater()
        return code

    def _give_up(self) -> None:
        print("The main window did not paint; no start-up time measured.", file=sys.stderr)
        self.app.exit(1)


def error_hook(store: Store, fallback: Callable[..., object]) -> Callable[..., None]:
    """Show a user-level problem met while the app runs as its plain message, never a
    traceback: a RelcomError as is, a database error (say, a damaged file) explained.
    Anything else is logged without personal data and explained calmly; the app carries on.
    An interrupt (Ctrl+C in a terminal) goes to ``fallback``."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox

        from relcom_desktop.core import crash_log
        from relcom_desktop.core.errors import RelcomError
        from relcom_desktop.core.store.db import explain_failure
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
