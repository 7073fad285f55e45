"""Forms that check as you type, and dialogs that keep what was typed when a save is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui import theme
from relcom_desktop.ui.child.fields import CheckedLineEdit
from relcom_desktop.ui.undo import RecordService
from relcom_desktop.ui.widgets import WideDialog

Check = Callable[[], str | None]
DIALOG_MARGIN = 20


def problem_label(parent: QWidget | None = None, *, field: bool = False) -> QLabel:
    """A message saying what is wrong (hidden while nothing is); read out by screen readers."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    theme.set_tone(label, "error" if field else "problem")
    if not field:
        label.setContentsMargins(10, 6, 10, 6)
    label.setAccessibleName("Problem")
    label.hide()
    return label


def show_problem(label: QLabel, text: str | None) -> None:
    label.setText(f"⚠ {text}" if text else "")
    label.setVisible(bool(text))


def changed_signal(widget: QWidget) -> Any:
    """The signal a field sends when the user changes it."""
    if isinstance(widget, CheckedLineEdit):
        return widget.checked
    if hasattr(widget, "chosen_changed"):
        return widget.chosen_changed
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    raise TypeError(f"No change signal for {type(widget).__name__}")


class CheckedForm(QFormLayout):
    """A form whose fields show their own problem under them once the user has touched them."""

    def __init__(self, on_change: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.setHorizontalSpacing(14)
        self.setVerticalSpacing(10)
        self._checks: list[tuple[Check, QLabel]] = []
        self._on_change = on_change
        self.fields: list[QWidget] = []

    def add(self, label: str, widget: QWidget, check: Check | None = None) -> QWidget:
        """Add a labelled field; ``check`` (or the field's own ``problem``) runs as it changes."""
        check = check or getattr(widget, "problem", None)
        self.fields.append(widget)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        title = QLabel(label)
        title.setBuddy(widget)  # Qt finds buddies among siblings only: name it as well
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        if check is not None:
            message = problem_label(holder, field=True)
            box.addWidget(message)
            self._checks.append((check, message))
            self._watch(widget, check, message)
        if self._on_change is not None:
            changed_signal(widget).connect(lambda *_a: self._on_change())
        self.addRow(title, holder)
        return widget

    @staticmethod
    def _watch(widget: QWidget, check: Check, message: QLabel) -> None:
        """Clear a problem as soon as it is fixed; show a new one when the user moves on
        (not while they are half-way through typing a date)."""

        def on_change(*_args: object) -> None:
            problem = check()
            if problem is None or message.isVisible() or not isinstance(widget, QLineEdit):
                show_problem(message, problem)

        changed_signal(widget).connect(on_change)
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(lambda: show_problem(message, check()))

    def first_problem(self) -> str | None:
        """Check every field (showing each problem) and return the first one."""
        first = None
        for check, message in self._checks:
            problem = check()
            show_problem(message, problem)
            first = first or problem
        return first

    def clear_problems(self) -> None:
        for _check, message in self._checks:
            show_problem(message, None)


class RecordDialog(WideDialog):
    """A dialog that saves one record with one service call.

    Subclasses add fields to ``self.form`` and implement :meth:`save`, which calls the service
    and returns what it saved. A refused save shows the service's message above the buttons and
    leaves the dialog open with everything as typed. Ctrl+Enter saves from anywhere.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.saved: Any = None
        self.form = CheckedForm()
        self.problem = problem_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN, DIALOG_MARGIN - 4)
        self.body.setSpacing(14)
        self.body.addLayout(self.form)
        self.body.addWidget(self.problem)
        self.body.addWidget(self.buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)

    def save(self) -> Any:
        raise NotImplementedError

    def offer_delete(self, store: Store, service: RecordService, record_id: int, what: str) -> None:
        """Add a Delete button that moves the record to the Trash (Ctrl+Z brings it back)."""
        button = self.buttons.addButton("&Delete", QDialogButtonBox.ButtonRole.DestructiveRole)

        def delete() -> None:
            try:
                service.remove(store, record_id, what)
            except RelcomError as err:
                show_problem(self.problem, str(err))
                return
            super(RecordDialog, self).accept()

        button.clicked.connect(delete)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.form.fields:  # start at the first field, not on the buttons
            self.form.fields[0].setFocus(Qt.FocusReason.TabFocusReason)

    def accept(self) -> None:
        problem = self.form.first_problem()
        if problem is None:
            try:
                self.saved = self.save()
            except RelcomError as err:
                problem = str(err)
        show_problem(self.problem, problem)
        if problem is None:
            super().accept()
