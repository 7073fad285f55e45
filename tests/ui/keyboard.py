"""Helpers for keyboard-only UI tests: type where the focus is, and work with dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from relcom_desktop.ui.main_window import MainWindow

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def dialog_of(qtbot, kind: type) -> QWidget:
    """The dialog just opened, made the active window (the offscreen platform does not)."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind))
    dialog = QApplication.activeModalWidget()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def closed(qtbot, window: QWidget) -> None:
    """Wait for the dialog to close; the main window is active again."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def os_keys(window: QWidget, text: str) -> None:
    """Type ``text`` the way a real keyboard's keys arrive: to the window's platform window,
    which Qt then hands to the focused widget (past every application event filter)."""
    for char in text:
        QTest.keyClick(window.windowHandle(), char)


def os_key(window: QWidget, which: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    QTest.keyClick(window.windowHandle(), which, modifier)


def key(qtbot, which: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    qtbot.keyClick(QApplication.focusWidget(), which, modifier)


def tab_to(qtbot, widget: QWidget, most: int = 20) -> None:
    """Press Tab until ``widget`` has the keyboard focus."""
    for _ in range(most):
        if QApplication.focusWidget() is widget:
            return
        key(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget


def open_window(qtbot, store, settings) -> MainWindow:
    """The main window on ``store``, shown and active, ready for key presses."""
    win = MainWindow(store, settings=settings)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win
