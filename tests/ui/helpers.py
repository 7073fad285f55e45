"""Driving the UI from a test: the focused widget, keys, and modal dialogs that never block."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def focused(qtbot) -> QWidget:
    """The widget with the keyboard focus (once the active window has settled)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    return QApplication.focusWidget()


def type_in(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(qtbot), text)


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(qtbot), key, modifier)


def tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Tab)


def in_dialog(qtbot, fill: Callable[[QDialog], None], open_it: Callable[[], None]) -> None:
    """Open a modal dialog with a key press and fill it in while it runs."""
    seen: list[QDialog] = []
    left_open: list[str] = []
    tries = iter(range(200))

    def drive() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            if next(tries, None) is not None:
                QTimer.singleShot(20, drive)
            return
        seen.append(dialog)
        try:
            qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=2000)
            fill(dialog)
        finally:
            if dialog.isVisible():  # never leave the test blocked on a modal dialog
                left_open.append(dialog.problem.text() or "no message")
                dialog.reject()

    QTimer.singleShot(0, drive)
    open_it()  # a button's Alt+letter "clicks" it a moment later, so wait for the dialog
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible(), timeout=5000)
    assert not left_open, f"the dialog stayed open: {left_open[0]}"


def shown_main_window(qtbot, store, settings):
    """A main window on ``store``, shown and active (so shortcuts and focus work)."""
    from relcom_desktop.ui.main_window import MainWindow

    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window
