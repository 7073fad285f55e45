"""Walking the UI for accessibility: every focusable widget must have a name a screen reader
can say (its accessible name, its text, or the label it is the buddy of)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtGui
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTabWidget,
    QWidget,
)
from shiboken6 import isValid

# Parts Qt builds inside its own widgets; the outer widget carries the name.
QT_INTERNALS = ("qt_spinbox_lineedit", "qt_calendar_", "qt_scrollarea_", "qt_tabwidget_")


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for the widget (Qt uses buddies and button text too)."""
    face = QAccessible.queryAccessibleInterface(widget)
    return (face.text(QAccessible.Text.Name) if face is not None else "").strip()


def where(widget: QWidget) -> str:
    parts = []
    while widget is not None and len(parts) < 4:
        parts.append(widget.objectName() or type(widget).__name__)
        widget = widget.parentWidget()
    return " < ".join(parts)


def unnamed(root: QWidget) -> list[str]:
    """Visible focusable widgets under ``root`` (itself included) with nothing to say."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget.focusProxy() is not None or widget.objectName().startswith(QT_INTERNALS):
            continue
        if not spoken_name(widget):
            found.append(f"{type(widget).__name__} ({where(widget)})")
    return found + stray_ampersands(root)


def stray_ampersands(root: QWidget) -> list[str]:
    """Plain-text labels meant to give an Alt+letter key that show "&" instead: a label
    without a buddy (e.g. beside a row of several controls) prints the ampersand."""
    found = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not label.isVisible() or label.buddy() is not None or QtGui.Qt.mightBeRichText(text):
            continue
        if "&" in text.replace("&&", ""):
            found.append(f"label {text!r} shows its '&' ({where(label)})")
    return found


def each_tab(root: QWidget, visit: Callable[[], None]) -> None:
    """Show each tab of every tab widget under ``root`` in turn, visiting each."""
    visit()
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        for index in range(tabs.count()):
            if tabs.isTabEnabled(index):
                tabs.setCurrentIndex(index)
                visit()


def dialog_openers(root: QWidget) -> list[QAbstractButton]:
    """Visible buttons that open a dialog ("…" in their text), without a drop-down menu."""
    return [
        button
        for button in root.findChildren(QAbstractButton)
        if button.isVisible()
        and button.isEnabled()
        and button.text().rstrip().endswith("…")
        and getattr(button, "menu", lambda: None)() is None
    ]


class DialogWatcher:
    """Checks each window that opens while ``open_it`` runs, then closes it (never blocks)."""

    def __init__(self, qtbot, problems: list[str]) -> None:
        self.qtbot = qtbot
        self.problems = problems

    def run(self, label: str, open_it: Callable[[], object]) -> int:
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        seen: list[QWidget] = []
        stopped: list[bool] = []

        def poll(tries: int = 40) -> None:
            for window in QApplication.topLevelWidgets():
                if window.isVisible() and id(window) not in before and window not in seen:
                    seen.append(window)
                    self.problems += [f"{label}: {p}" for p in self.check(window)]
                    window.close() if not hasattr(window, "reject") else window.reject()
            if tries and not seen:
                QTimer.singleShot(25, lambda: poll(tries - 1))
            else:
                stopped.append(True)

        QTimer.singleShot(0, poll)
        open_it()  # a modal dialog is checked and closed while this runs
        self.qtbot.waitUntil(lambda: bool(stopped), timeout=3000)
        self.qtbot.waitUntil(
            lambda: not any(isValid(w) and w.isVisible() for w in seen), timeout=3000
        )
        return len(seen)

    def check(self, window: QWidget) -> list[str]:
        problems: list[str] = []
        each_tab(window, lambda: problems.extend(unnamed(window)))
        return sorted(set(problems))


def no_file_dialogs(monkeypatch) -> None:
    """Choosing a file or folder is answered "cancelled" (Qt's own dialog is not ours)."""
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))


def about_box_closes(monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a, **k: None))
