"""Dialogs of the meeting editor: a new meeting from a template, an attendee, a decision."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from relcom_desktop.core.enums import MeetingKind, PanelOutcome
from relcom_desktop.core.meeting_templates import meeting_from_template
from relcom_desktop.core.meetings import (
    AgendaItem,
    Attendee,
    Decision,
    MeetingDetail,
    attendee_choices,
)
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.pages.action_dialogs import FormDialog
from relcom_desktop.ui.pickers import pick

DATETIME_FORMAT = "ddd d MMM yyyy, HH:mm"


def next_hour() -> dt.datetime:
    now = dt.datetime.now().replace(minute=0, second=0, microsecond=0)
    return now + dt.timedelta(hours=1)


def datetime_edit(when: dt.datetime, parent: QWidget) -> QDateTimeEdit:
    edit = QDateTimeEdit(QDateTime(when), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATETIME_FORMAT)
    return edit


class NewMeetingDialog(FormDialog):
    """Kind, title and time; the agenda comes from the kind's template."""

    def __init__(
        self, save: Callable[[MeetingDetail], object], parent: QWidget | None = None
    ) -> None:
        super().__init__("New meeting", parent)
        self._save = save
        self.kind = QComboBox(self)
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind)
        self.kind.setCurrentIndex(list(MeetingKind).index(MeetingKind.PLACEMENT_REVIEW))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(MeetingKind.PLACEMENT_REVIEW.label)
        self.when = datetime_edit(next_hour(), self)
        self.form.addRow("&Kind", self.kind)
        self.form.addRow("&Title", self.title)
        self.form.addRow("&When", self.when)
        self.kind.currentIndexChanged.connect(
            lambda _i: self.title.setPlaceholderText(self.chosen_kind().label)
        )
        self.first = self.kind

    def chosen_kind(self) -> MeetingKind:
        return MeetingKind(self.kind.currentData())

    def draft(self) -> MeetingDetail:
        return meeting_from_template(
            self.chosen_kind(), self.when.dateTime().toPython(), title=self.title.text()
        )

    def accept(self) -> None:
        draft = self.draft()
        if self.try_save(lambda: self._save(draft)):
            super().accept()


class AttendeeDialog(FormDialog):
    """Someone at the meeting: picked from contacts, or typed."""

    def __init__(
        self,
        store: Store,
        attendee: Attendee,
        save: Callable[[Attendee], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Attendee", parent)
        self._store = store
        self._save = save
        self._contact_id = attendee.contact_id
        self.name = QLineEdit(attendee.name, self)
        self.name.setPlaceholderText("Name")
        self.name.setAccessibleName("Name")
        self.pick_button = QPushButton("&From contacts…", self)
        self.pick_button.clicked.connect(self._pick)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.pick_button)
        self.role = QLineEdit(attendee.role, self)
        self.role.setPlaceholderText("e.g. Social worker, IRO, Registered manager")
        self.organisation = QLineEdit(attendee.organisation, self)
        name_label = QLabel("&Name", self)
        name_label.setBuddy(self.name)  # the row is a layout: name its field for Alt+N
        self.form.addRow(name_label, name_row)
        self.form.addRow("&Role", self.role)
        self.form.addRow("&Organisation", self.organisation)
        for before, after in (
            (self.name, self.role),
            (self.role, self.organisation),
            (self.organisation, self.pick_button),
        ):
            QWidget.setTabOrder(before, after)
        self.first = self.name
        self.name.textChanged.connect(self._check)
        self.name.textEdited.connect(lambda _t: setattr(self, "_contact_id", None))
        self._check()
        self.resize(480, self.sizeHint().height())

    def _check(self) -> None:
        self.set_ready(bool(self.name.text().strip()), "Enter the attendee's name.")

    def _pick(self) -> None:
        def search(text: str) -> list[tuple[object, str]]:
            people = attendee_choices(self._store, text)
            return [
                (p, ", ".join(x for x in (p.name, p.role, p.organisation) if x)) for p in people
            ]

        chosen = pick(self, "Pick a contact", search)
        if chosen is not None:
            person: Attendee = chosen[0]  # type: ignore[assignment]
            self.name.setText(person.name)
            self.role.setText(person.role)
            self.organisation.setText(person.organisation)
            self._contact_id = person.contact_id

    def accept(self) -> None:
        person = Attendee(
            self.name.text().strip(),
            self.role.text().strip(),
            self.organisation.text().strip(),
            True,
            self._contact_id,
        )
        if self.try_save(lambda: self._save(person)):
            super().accept()


class DecisionDialog(FormDialog):
    """What was decided, who agreed, any dissent; for panels the outcome, conditions, budget."""

    def __init__(
        self,
        decision: Decision,
        agenda: tuple[AgendaItem, ...],
        panel: bool,
        save: Callable[[Decision], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Decision", parent)
        self._decision = decision
        self._save = save
        self.text = QPlainTextEdit(decision.text, self)
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(72)
        self.agreed_by = QLineEdit(decision.agreed_by, self)
        self.agreed_by.setPlaceholderText("Who agreed")
        self.dissent = QLineEdit(decision.dissent, self)
        self.dissent.setPlaceholderText("Anyone who disagreed, and why (blank if none)")
        self.item = QComboBox(self)
        self.item.addItem("No particular item", None)
        for item in agenda:
            self.item.addItem(item.title, item.id)
        self.item.setCurrentIndex(max(0, self.item.findData(decision.agenda_item_id)))
        self.form.addRow("&Decided", self.text)
        self.form.addRow("&Agreed by", self.agreed_by)
        self.form.addRow("D&issent", self.dissent)
        self.form.addRow("Agenda &item", self.item)
        self.outcome = QComboBox(self)
        self.conditions = QLineEdit(decision.conditions, self)
        self.budget = QDoubleSpinBox(self)
        self._panel_fields(decision, panel)
        self.text.textChanged.connect(self._check)
        self._check()
        self.first = self.text
        self.resize(520, self.sizeHint().height())

    def _panel_fields(self, decision: Decision, panel: bool) -> None:
        self.outcome.addItem("No outcome recorded", None)
        for outcome in PanelOutcome:
            self.outcome.addItem(outcome.label, outcome)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(decision.panel_outcome)))
        self.budget.setRange(0, 100_000)
        self.budget.setDecimals(2)
        self.budget.setPrefix("£")
        self.budget.setSpecialValueText("No budget agreed")
        self.budget.setValue((decision.weekly_budget_pence or 0) / 100)
        if panel:
            self.form.addRow("Panel &outcome", self.outcome)
            self.form.addRow("&Conditions", self.conditions)
            self.form.addRow("&Weekly budget", self.budget)
        else:
            for widget in (self.outcome, self.conditions, self.budget):
                widget.hide()

    def _check(self) -> None:
        self.set_ready(bool(self.text.toPlainText().strip()), "Say what was decided.")

    def edited(self) -> Decision:
        budget = round(self.budget.value() * 100)
        outcome = self.outcome.currentData()
        return dataclasses.replace(
            self._decision,
            text=self.text.toPlainText().strip(),
            agreed_by=self.agreed_by.text().strip(),
            dissent=self.dissent.text().strip(),
            agenda_item_id=self.item.currentData(),
            panel_outcome=PanelOutcome(outcome) if outcome else None,
            conditions=self.conditions.text().strip(),
            weekly_budget_pence=budget or None,
        )

    def accept(self) -> None:
        decision = self.edited()
        if decision.weekly_budget_pence and decision.panel_outcome in (
            PanelOutcome.DEFER,
            PanelOutcome.DECLINE,
        ):
            self.show_error("A weekly budget is agreed only when the panel approves.")
            return
        if self.try_save(lambda: self._save(decision)):
            super().accept()
