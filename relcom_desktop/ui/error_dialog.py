"""The calm message shown when something unexpected goes wrong: what happened, that saved
records are safe, and where the log (without personal data) is. The app carries on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

TITLE = "Something went wrong"
SUMMARY = "Something went wrong, but your records are safe."

_showing: list[bool] = []  # one message at a time: errors during it are only logged


def explanation(kind_name: str, log_path: Path) -> str:
    return (
        f"RelCom Desktop met a problem it did not expect ({kind_name}) and stopped what it "
        "was doing. Everything you had saved is still in your data file, and nothing was "
        "lost; a change being saved at that very moment was not saved, so do check it.\n\n"
        "You can carry on working. If it happens again, your IT team can look at the log, "
        f"which holds no personal details:\n{log_path}"
    )


def show_unexpected(kind_name: str, log_path: Path, parent: QWidget | None = None) -> None:
    """Tell the user, calmly; offer to show the folder holding the log."""
    if _showing:
        return
    _showing.append(True)
    try:
        box = QMessageBox(parent or QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(TITLE)
        box.setText(SUMMARY)
        box.setInformativeText(explanation(kind_name, log_path))
        folder = box.addButton("Show the &log folder", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(box.addButton("&Carry on", QMessageBox.ButtonRole.AcceptRole))
        box.exec()
        if box.clickedButton() is folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
    finally:
        _showing.clear()
