"""Form building blocks: a dialog that validates as you type and keeps what was typed when a
save is refused, and the small field widgets the provider forms share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import clock
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.ui import theme
from relcom_desktop.ui.widgets import PAGE_SPACING, WideDialog, quiet_label

DATE_FORMAT = "d MMM yyyy"
FORM_WIDTH = 560


def date_edit(day: dt.date | None = None, *, latest: dt.date | None = None) -> QDateEdit:
    edit = QDateEdit(QDate(day or clock.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    if latest is not None:
        edit.setMaximumDate(QDate(latest))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()  # type: ignore[return-value]


class OptionalDate(QWidget):
    """A date that may be left unset: a check box turns it on."""

    changed = Signal()

    def __init__(self, text: str, day: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QCheckBox(text, self)
        self.edit = date_edit(day)
        self.edit.setAccessibleName(text)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.box.toggled.connect(self.edit.setEnabled)
        self.box.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.set_value(day)
        self.setFocusProxy(self.box)

    def value(self) -> dt.date | None:
        return date_of(self.edit) if self.box.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.box.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day))


def text_box(text: str = "", *, lines: int = 4) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)  # Tab leaves the box: forms stay keyboard-friendly
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def line_edit(text: str = "", *, max_length: int = 200, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setMaxLength(max_length)
    edit.setPlaceholderText(placeholder)
    return edit


def enum_picker(
    enum_cls: type[Enum], current: Enum | None, *, none_text: str | None = None
) -> QComboBox:
    combo = QComboBox()
    if none_text is not None:
        combo.addItem(none_text, None)
    for member in enum_cls:
        combo.addItem(member.label, member)  # type: ignore[attr-defined]
    combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
    return combo


def number_picker(value: int | None, *, low: int, high: int, none_text: str) -> QSpinBox:
    """A number that may be left blank (the lowest value shows ``none_text``)."""
    spin = QSpinBox()
    spin.setRange(low - 1, high)
    spin.setSpecialValueText(none_text)
    spin.setValue(low - 1 if value is None else value)
    return spin


def number_of(spin: QSpinBox) -> int | None:
    return None if spin.value() < spin.minimum() + 1 else spin.value()


class SearchCombo(QComboBox):
    """A picker over many choices: type any part of a name to find it. ``none_text`` names
    the empty choice, shown greyed in the empty box."""

    def __init__(
        self,
        choices: Iterable[tuple[Any, str]],
        *,
        none_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        if none_text is not None:
            # An empty choice whose meaning shows as a placeholder, never as text the user
            # would type after ("Choose a provider…" + typing used to append to it).
            self.addItem("", None)
            self.setItemData(0, none_text, Qt.ItemDataRole.ToolTipRole)
            self.setItemData(0, none_text, Qt.ItemDataRole.AccessibleTextRole)
            self.lineEdit().setPlaceholderText(none_text)
            self.setAccessibleName(none_text.rstrip("…"))  # callers may name it better
        for value, label in choices:
            self.addItem(label, value)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.lineEdit().editingFinished.connect(self._settle)

    def _settle(self) -> None:
        """Typed text that names no choice goes back to the current choice."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(self.itemText(self.currentIndex()))

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))


class FormDialog(WideDialog):
    """Fields in a form, a line saying what is still needed or why a save was refused, and
    Save / Cancel. Ctrl+Enter saves from anywhere in the form."""

    def __init__(self, title: str, save_text: str = "Save", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.open_width = FORM_WIDTH
        self.form = QFormLayout()
        self.form.setSpacing(PAGE_SPACING - 4)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.hint = quiet_label("", self)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        theme.set_tone(self.error, "error")  # with a warning sign: never colour alone
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.try_save)
        self._needs: list[tuple[Callable[[], bool], str]] = []
        self.saved: Any = None
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def add_row(self, label: str, widget: QWidget) -> QWidget:
        self.form.addRow(label, widget)
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        return widget

    def need(self, filled: Callable[[], bool], missing: str, *signals: Any) -> None:
        """Keep Save off until ``filled()``; the hint names what is ``missing``."""
        self._needs.append((filled, missing))
        for signal in signals:
            signal.connect(self.check)
        self.check()

    def check(self, *_args: object) -> None:
        missing = [text for filled, text in self._needs if not filled()]
        self.save_button.setEnabled(not missing)
        self.hint.setText(f"Still needed: {', '.join(missing)}" if missing else "")

    def show_error(self, message: str) -> None:
        self.error.setText(f"⚠ {message}")
        self.error.setAccessibleName(message)
        self.error.show()

    def try_save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            self.saved = self.save()
        except RelcomError as err:
            self.show_error(str(err))  # the form stays open with everything typed
            return
        self.accept()

    def save(self) -> Any:
        raise NotImplementedError
