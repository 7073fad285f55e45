"""How the child pages look: section titles, status chips, empty-list notes, button rows."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from relcom_desktop.ui import theme
from relcom_desktop.ui.widgets import quiet_label

# A flagged chip says what is wrong in words ("Overdue"); colour only backs the words up.
# Tones ("calm", "warn", "alert") are drawn in the theme's colours (ui/theme.py).


def section_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A title over one part of a tab, a step larger than body text."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setContentsMargins(0, 4, 0, 4)
    return label


def chip(text: str = "", tone: str = "calm", parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    set_tone(label, tone)
    return label


def set_tone(label: QLabel, tone: str) -> None:
    theme.set_tone(label, tone)


def reminder(parent: QWidget | None = None) -> QLabel:
    """A calm, noticeable note (e.g. links without recent contact); hidden when empty."""
    label = QLabel(parent)
    label.setWordWrap(True)
    theme.set_tone(label, "note")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.hide()
    return label


def empty_note(text: str, parent: QWidget | None = None) -> QLabel:
    label = quiet_label(text, parent)
    label.setWordWrap(True)
    label.setContentsMargins(0, 8, 0, 8)
    return label


def button_row(buttons: Iterable[QPushButton], *, leading: QWidget | None = None) -> QHBoxLayout:
    """Buttons on the right of a row (an optional widget, e.g. a summary, on the left)."""
    row = QHBoxLayout()
    row.setSpacing(8)
    if leading is not None:
        row.addWidget(leading, 1)
    else:
        row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    return row


def html_text(text: str) -> str:
    """Plain text made safe for a rich-text label (line breaks kept)."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def ratings_table(rows: Iterable[tuple[str, str, str]]) -> str:
    """Rich text for (name, rating, evidence) rows: name and rating kept on one line each."""
    cell = "padding:3px 14px 3px 0"
    body = "".join(
        f"<tr><td style='{cell}'><b>{html_text(name)}</b></td>"
        f"<td nowrap style='{cell}'>{html_text(rating)}</td>"
        f"<td style='padding:3px 0'>{html_text(evidence)}</td></tr>"
        for name, rating, evidence in rows
    )
    return f"<table>{body}</table>"


def scrolling(widget: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it to the width available."""
    scroll = QScrollArea(parent)
    scroll.setAccessibleName(widget.accessibleName() or "Details")
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    return scroll
