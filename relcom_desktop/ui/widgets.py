"""Small building blocks shared by pages: headings, a debounced search box, enum pickers."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QTimer, Signal, SignalInstance
from PySide6.QtGui import QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from relcom_desktop.ui.metrics import PAGE_MARGIN, PAGE_SPACING  # noqa: F401 - re-exported

E = TypeVar("E", bound=Enum)

SEARCH_DELAY_MS = 200
COMBO_MIN_CHARS = 12


class WideDialog(QDialog):
    """A dialog that opens at least ``open_width`` wide yet keeps its layout's own minimum.

    (A minimum width set on a dialog stops its layout enforcing the minimum its contents
    need, so with large text, labels and fields were clipped instead of the dialog growing.
    It does not look at the screen: holding PySide's QScreen objects in Python code led to
    rare crashes in Qt, so sizing to the screen is left to Qt.)
    """

    open_width = 0

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not getattr(self, "_opened_wide", False):
            self._opened_wide = True
            if self.width() < self.open_width:  # Qt has already sized it to its contents
                self.resize(self.open_width, self.height())


def heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A page heading: larger and semi-bold, in the page's own text colour."""
    label = QLabel(text, parent)
    label.setObjectName("pageHeading")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def quiet_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """Secondary text (counts, hints) in the palette's placeholder colour."""
    label = QLabel(text, parent)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class SearchBox(QLineEdit):
    """A search field that reports its text once typing pauses (search-as-you-type)."""

    search_changed = Signal(str)

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 12))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._report)
        self.textChanged.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self._report)

    def _report(self) -> None:
        self._timer.stop()
        self.search_changed.emit(self.text().strip())


def choice_combo(
    all_text: str, choices: Iterable[tuple[Any, str]], parent: QWidget | None = None
) -> QComboBox:
    """A picker whose first entry (data None) means "any"; the rest carry their value."""
    combo = QComboBox(parent)
    combo.setAccessibleName(all_text)
    combo.addItem(all_text, None)
    for value, label in choices:
        combo.addItem(label, value)
    # Long SSDA903 labels stay readable in the drop-down without stretching the filter row.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(len(all_text) + 1)
    combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("M" * COMBO_MIN_CHARS))
    widest = max(
        combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
    )
    combo.view().setMinimumWidth(widest + 40)
    return combo


def enum_combo(
    all_text: str, enum_cls: type[Enum], *, with_code: bool = False, parent: QWidget | None = None
) -> QComboBox:
    """A picker over a labelled enumeration, optionally showing the SSDA903 code first."""
    choices = [
        (member, f"{member.value} · {member.label}" if with_code else member.label)  # type: ignore[attr-defined]
        for member in enum_cls
    ]
    return choice_combo(all_text, choices, parent)


def chosen(combo: QComboBox, enum_cls: type[E]) -> E | None:
    """The enumeration member picked in an :func:`enum_combo`, or None for "any"."""
    value = combo.currentData()
    return None if value is None else enum_cls(value)


def print_menu_button(
    parent: QWidget, chosen: SignalInstance, choices: list[tuple[str, str]]
) -> QToolButton:
    """A "Print…" button whose menu offers each report; ``chosen`` gets the report's kind."""
    button = QToolButton(parent)
    button.setText("Print…")
    button.setAccessibleName("Print a report")
    button.setToolTip("Prepare a PDF to preview, save or print")
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    for text, kind in choices:
        menu.addAction(text, lambda k=kind: chosen.emit(k))
    button.setMenu(menu)
    return button
