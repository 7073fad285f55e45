"""Locking the app: after idle time (by the wall clock, so time asleep counts), on waking
from sleep, and on Ctrl+L, every window is covered by the unlock screen.

Nothing is closed or rebuilt, so text typed into an unsaved form is still there after
unlocking. While locked, window titles say only "Locked", keyboard shortcuts are ignored, and
the status bar is cleared, so no child's name shows.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from PySide6.QtCore import SLOT, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop import APP_NAME
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.passphrase_widgets import PassphraseEdit, error_label
from relcom_desktop.ui.widgets import heading

TICK_MS = 2_000  # a short tick: after waking, content shows for at most this long
SLEEP_GAP_S = 60  # a tick this much later than due means the computer was asleep
LOCKED_TITLE = f"{APP_NAME} — Locked"
LOCK_SHORTCUT = QKeySequence("Ctrl+L")
ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
CARD_WIDTH = 420
CARD_STYLE = (
    "#lockCard { background: palette(base); border: 1px solid palette(mid); border-radius: 8px; }"
)
BLOCKED = {
    QEvent.Type.Shortcut,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
}


class LockCover(QWidget):
    """The opaque unlock screen laid over one window."""

    def __init__(self, guard: LockGuard, window: QWidget) -> None:
        super().__init__(window)
        self.guard = guard
        self.setObjectName("lockCover")
        self.setAutoFillBackground(True)
        self.passphrase = PassphraseEdit("Passphrase", self)
        self.button = QPushButton("&Unlock", self)
        self.button.setDefault(True)
        self.message = error_label(self)
        self._lay_out(guard.store.encrypted)
        self.button.clicked.connect(self._unlock)
        self.passphrase.returnPressed.connect(self._unlock)
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def _lay_out(self, encrypted: bool) -> None:
        column = QVBoxLayout()
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(10)
        column.addWidget(heading("Locked", self), 0, Qt.AlignmentFlag.AlignHCenter)
        text = (
            "Your records are hidden. Enter your passphrase to carry on where you left off."
            if encrypted
            else "Your records are hidden. This data file has no passphrase: set one from "
            "the File menu so that only you can unlock it."
        )
        explain = QLabel(text, self)
        explain.setWordWrap(True)
        explain.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(explain)
        if encrypted:
            column.addWidget(self.passphrase)
        else:
            self.passphrase.hide()
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(self.message)
        card = QFrame(self)
        card.setObjectName("lockCard")
        card.setStyleSheet(CARD_STYLE)
        card.setLayout(column)
        card.setFixedWidth(min(CARD_WIDTH, max(self.parentWidget().width() - 40, 240)))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        outer.addLayout(row)
        outer.addStretch(3)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
            self.raise_()
        return False

    def _unlock(self) -> None:
        if not self.guard.unlock(self.passphrase.text()):
            self.message.setText("That passphrase is not right. Check Caps Lock and try again.")
            self.passphrase.selectAll()
            self.passphrase.setFocus()


class LockGuard(QObject):
    """Watches for idle time and sleep, and covers every window when it locks."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        minutes: int,
        *,
        clock: Callable[[], float] = time.time,
        tick_ms: int = TICK_MS,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.minutes = minutes
        self.clock = clock
        self.tick_s = tick_ms / 1000
        self.last_activity = self.last_tick = clock()
        self.covers: list[LockCover] = []
        self._titles: dict[QWidget, str] = {}
        self._focus: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(tick_ms)
        QApplication.instance().installEventFilter(self)
        self._watch_sleep()

    def _watch_sleep(self) -> None:
        """On Linux, also lock as the computer goes to sleep (logind tells us beforehand)."""
        if not sys.platform.startswith("linux"):
            return
        from PySide6.QtDBus import QDBusConnection

        bus = QDBusConnection.systemBus()
        if bus.isConnected():
            bus.connect(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                "PrepareForSleep",
                self,
                SLOT("about_to_sleep(bool)"),
            )

    @Slot(bool)
    def about_to_sleep(self, going: bool) -> None:
        if going:
            self.lock()

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    def check(self) -> None:
        """Called every tick: lock after waking from sleep or after the idle time."""
        now = self.clock()
        slept = now - self.last_tick > self.tick_s + SLEEP_GAP_S
        self.last_tick = now
        if self.locked:
            return
        idle = self.minutes > 0 and now - self.last_activity >= self.minutes * 60
        if slept or idle:
            self.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.locked:
            if kind in ACTIVITY:
                self.last_activity = self.clock()
            return False
        if kind in BLOCKED:
            # A keyboard's keys reach the platform window first, which hands them to the
            # focused widget: let them pass there and judge them at the widget.
            return not (isinstance(watched, QWindow) or self._inside_cover(watched))
        # Tab must not take the focus to what is underneath.
        if kind == QEvent.Type.FocusIn and not self._inside_cover(watched):
            QTimer.singleShot(0, self._focus_cover)
        return False

    def _focus_cover(self) -> None:
        if self.locked:
            active = QApplication.activeModalWidget()
            target = next((c for c in self.covers if c.parent() is active), self.covers[-1])
            (target.passphrase if target.passphrase.isVisible() else target.button).setFocus()

    def _inside_cover(self, obj: QObject) -> bool:
        while obj is not None:
            if isinstance(obj, LockCover):
                return True
            obj = obj.parent()
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self._focus = QApplication.focusWidget()
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
        for window in windows or [self.window]:
            self._titles[window] = window.windowTitle()
            window.setWindowTitle(LOCKED_TITLE)
            self.covers.append(LockCover(self, window))
        if isinstance(self.window, QMainWindow):
            self.window.statusBar().clearMessage()
            self.window.menuBar().setEnabled(False)
        self._focus_cover()
        self.locked_changed.emit(True)

    def unlock(self, passphrase: str) -> bool:
        if not self.store.passphrase_matches(passphrase):
            return False
        for cover in self.covers:
            cover.parent().removeEventFilter(cover)
            cover.hide()
            cover.deleteLater()
        self.covers = []
        for window, title in self._titles.items():
            window.setWindowTitle(title)
        self._titles = {}
        if isinstance(self.window, QMainWindow):
            self.window.menuBar().setEnabled(True)
        if self._focus is not None:
            self._focus.setFocus()
        self.last_activity = self.last_tick = self.clock()
        self.locked_changed.emit(False)
        return True
