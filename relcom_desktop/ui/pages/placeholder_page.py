"""A calm page for a section whose screens are still to come: a heading and what it will hold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING, heading

READING_WIDTH = 560


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.description = QLabel(description, self)
        self.description.setWordWrap(True)
        self.description.setMaximumWidth(READING_WIDTH)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 4, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(PAGE_SPACING)
        layout.addWidget(heading(title, self))
        layout.addWidget(self.description)
        layout.addStretch(1)
