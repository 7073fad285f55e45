"""Dialogs for one action: add or edit (what, who, by when, notes) and snooze until a date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import clock
from relcom_desktop.core.actions import Action
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.ui import theme
from relcom_desktop.ui.widgets import WideDialog

DATE_FORMAT = "d MMM yyyy"


def date_edit(day: dt.date | None, parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setDate(QDate(day or clock.today()))
    return edit


def error_label(parent: QWidget) -> QLabel:
    label = QLabel("", parent)
    theme.set_tone(label, "error")
    label.setWordWrap(True)
    label.hide()
    return label


class FormDialog(WideDialog):
    """OK saves through ``save``; a refusal is shown above the buttons and the form stays."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = QFormLayout()
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.first: QWidget | None = None  # where the keyboard starts when the dialog shows

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.first is not None:
            self.first.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_ready(self, ready: bool, why: str = "") -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(ready)
        ok.setToolTip("" if ready else why)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def try_save(self, save: Callable[[], object]) -> bool:
        try:
            save()
        except RelcomError as error:
            self.show_error(str(error))
            return False
        return True


class ActionDialog(FormDialog):
    """What needs doing, who does it and by when. ``save`` gets the edited action."""

    def __init__(
        self,
        action: Action,
        save: Callable[[Action], object],
        parent: QWidget | None = None,
        *,
        about: str = "",
    ) -> None:
        super().__init__("Edit action" if action.id else "New action", parent)
        self.action = action
        self._save = save
        self.what = QLineEdit(action.title, self)
        self.what.setPlaceholderText("What needs doing")
        self.who = QLineEdit(action.owner, self)
        self.who.setPlaceholderText("Who does it (blank: you)")
        self.has_due = QCheckBox("Due by", self)
        self.has_due.setChecked(action.due_on is not None)
        self.due = date_edit(action.due_on or clock.today(), self)
        self.due.setEnabled(action.due_on is not None)
        self.due.setAccessibleName("Due date")
        self.has_due.toggled.connect(self.due.setEnabled)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        self.notes = QPlainTextEdit(action.notes, self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.form.addRow("&What", self.what)
        self.form.addRow("W&ho", self.who)
        when = QLabel("By &when", self)
        when.setBuddy(self.has_due)  # the row is a layout: name its first control for Alt+W
        self.form.addRow(when, due_row)
        self.form.addRow("&Notes", self.notes)
        if about:
            self.form.addRow("About", QLabel(about, self))
        self.what.textChanged.connect(self._check)
        self._check()
        self.first = self.what
        self.resize(460, self.sizeHint().height())

    def _check(self) -> None:
        self.set_ready(bool(self.what.text().strip()), "Say what needs doing first.")

    def edited(self) -> Action:
        return dataclasses.replace(
            self.action,
            title=self.what.text(),
            owner=self.who.text(),
            due_on=self.due.date().toPython() if self.has_due.isChecked() else None,
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        edited = self.edited()
        if self.try_save(lambda: self._save(edited)):
            self.action = edited
            super().accept()


class SnoozeDialog(FormDialog):
    """Put an action out of sight until a later day."""

    def __init__(
        self, title: str, save: Callable[[dt.date], object], parent: QWidget | None = None
    ) -> None:
        super().__init__("Snooze action", parent)
        self._save = save
        tomorrow = clock.today() + dt.timedelta(days=1)
        self.until = date_edit(clock.today() + dt.timedelta(days=7), self)
        self.until.setMinimumDate(QDate(tomorrow))
        self.form.addRow(QLabel(f"Hide “{title}” from Today and the due lists until:", self))
        self.form.addRow("&Until", self.until)
        self.first = self.until

    def accept(self) -> None:
        if self.try_save(lambda: self._save(self.until.date().toPython())):
            super().accept()


class ReassignDialog(FormDialog):
    def __init__(
        self, title: str, owner: str, save: Callable[[str], object], parent: QWidget | None = None
    ) -> None:
        super().__init__("Reassign action", parent)
        self._save = save
        self.who = QLineEdit(owner, self)
        self.who.setPlaceholderText("Who does it now (blank: you)")
        self.who.selectAll()
        self.form.addRow(QLabel(f"Who should do “{title}”?", self))
        self.form.addRow("W&ho", self.who)
        self.first = self.who

    def accept(self) -> None:
        if self.try_save(lambda: self._save(self.who.text())):
            super().accept()
