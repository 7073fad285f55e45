"""Recording a check-in: each of the seven outcomes on the named scale, with evidence."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from relcom_desktop.core import checkins, clock
from relcom_desktop.core.checkins import CheckIn, OutcomeScore
from relcom_desktop.core.enums import Outcome, OutcomeRating
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.fields import DateField, TextArea, enum_picker, pick, picked
from relcom_desktop.ui.child.form import RecordDialog
from relcom_desktop.ui.undo import RecordService
from relcom_desktop.ui.widgets import quiet_label

NOT_RATED = "Not rated"
CHECK_INS = RecordService.of(checkins, "check_in", "check_in")


class OutcomeRow:
    """One outcome: its rating on the four-step scale and the evidence for it."""

    def __init__(self, outcome: Outcome, grid: QGridLayout, row: int) -> None:
        self.outcome = outcome
        self.rating: QComboBox = enum_picker(OutcomeRating, blank=NOT_RATED)
        self.rating.setAccessibleName(f"{outcome.label}: rating")
        self.evidence = QLineEdit()
        self.evidence.setAccessibleName(f"{outcome.label}: evidence")
        self.evidence.setPlaceholderText("What tells you this?")
        label = QLabel(f"<b>{outcome.label}</b>")
        label.setBuddy(self.rating)
        grid.addWidget(label, row, 0)
        grid.addWidget(self.rating, row, 1)
        grid.addWidget(self.evidence, row, 2)

    def load(self, score: OutcomeScore) -> None:
        pick(self.rating, score.rating)
        self.evidence.setText(score.evidence)
        self.evidence.setCursorPosition(0)  # show the start of long evidence

    def score(self) -> OutcomeScore | None:
        rating, evidence = picked(self.rating), self.evidence.text().strip()
        if rating is None and not evidence:
            return None
        return OutcomeScore(self.outcome, rating, evidence)


class CheckInDialog(RecordDialog):
    def __init__(self, store: Store, check_in: CheckIn, parent: QWidget | None = None) -> None:
        title = (
            f"Check-in of {short_date(check_in.held_on)}" if check_in.id else "Record a check-in"
        )
        super().__init__(title, parent)
        self._store, self._check_in = store, check_in
        self.held_on = DateField("the date of the check-in", required=True, latest=clock.today())
        self.form.add("&Date", self.held_on)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setContentsMargins(0, 6, 0, 6)
        grid.setHorizontalSpacing(12)
        grid.setColumnStretch(2, 1)
        for column, text in enumerate(("Outcome", "How it is going", "Evidence")):
            grid.addWidget(quiet_label(text), 0, column)
        self.rows = [OutcomeRow(o, grid, i) for i, o in enumerate(Outcome, start=1)]
        self.form.addRow(grid_holder)
        self.child_view = TextArea("The child's own view", lines=4)
        self.child_view.setPlaceholderText("In their words: how are things for you at the moment?")
        self.notes = TextArea("Notes", lines=2)
        self.form.add("The child's own &view", self.child_view)
        self.form.add("N&otes", self.notes)
        self.held_on.set_value(check_in.held_on)
        for row in self.rows:
            row.load(check_in.score(row.outcome))
        self.child_view.set_value(check_in.child_view)
        self.notes.set_value(check_in.notes)
        if check_in.id is not None:
            self.offer_delete(
                store, CHECK_INS, check_in.id, f"check-in of {short_date(check_in.held_on)}"
            )
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 80

    def save(self) -> CheckIn:
        scores = tuple(s for row in self.rows if (s := row.score()) is not None)
        edited = dataclasses.replace(
            self._check_in,
            held_on=self.held_on.value(),
            scores=scores,
            child_view=self.child_view.value(),
            notes=self.notes.value(),
        )
        return CHECK_INS.save(self._store, self._check_in, edited, "check-in")
