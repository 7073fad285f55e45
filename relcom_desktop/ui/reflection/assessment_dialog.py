"""The from → to self-assessment form: for each of the eight shifts, a place on a scale from
the "from" pole (0) to the "to" pole (10) with a note of evidence.

Keyboard: Tab moves from scale to evidence to the next scale; the arrow keys move one step,
Page Up and Page Down two, Home and End to either pole. A new self-assessment starts where
the last one left off, so repeating it over time is quick.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import clock, reflection
from relcom_desktop.core.enums import SHIFT_SCALE_MAX, PracticeShift
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.reflection import (
    SelfAssessment,
    ShiftPosition,
    shift_poles,
)
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.provider.forms import FormDialog, date_edit, date_of, line_edit, text_box
from relcom_desktop.ui.reflection import markers
from relcom_desktop.ui.reflection.reflection_dialog import may_discard
from relcom_desktop.ui.undo import RecordService
from relcom_desktop.ui.widgets import quiet_label

KIND = "self_assessment"
ASSESSMENTS = RecordService.of(reflection, "assessment", KIND, "self-assessment")
MIDDLE = SHIFT_SCALE_MAX // 2
VISIBLE_ROWS = 4  # shifts shown before the list scrolls


class ShiftRow(QWidget):
    """One shift: its name, a scale between its two poles, the value in words, evidence."""

    def __init__(self, shift: PracticeShift, previous: ShiftPosition | None, on: str) -> None:
        super().__init__()
        self.shift = shift
        start, end = shift_poles(shift)
        title = QLabel(f"{markers.number(shift)}. {shift.label}", self)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        title.setWordWrap(True)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, SHIFT_SCALE_MAX)
        self.slider.setPageStep(2)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setAccessibleName(f"{shift.label}: 0 is {start}, {SHIFT_SCALE_MAX} is {end}")
        self.value = QLabel(self)
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("10 of 10 ") + 4)
        self.evidence = line_edit(max_length=2000, placeholder="Evidence: what shows this?")
        self.evidence.setAccessibleName(f"Evidence for {shift.label}")
        was = f"Last time: {previous.position} of {SHIFT_SCALE_MAX} ({on})" if previous else ""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 8)
        grid.addWidget(title, 0, 0, 1, 4)
        from_label, to_label = quiet_label(start, self), quiet_label(end, self)
        for label in (from_label, to_label):
            label.setWordWrap(True)
        to_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(from_label, 1, 0)
        grid.addWidget(to_label, 1, 1, 1, 2)
        grid.addWidget(self.slider, 2, 0, 1, 3)
        grid.addWidget(self.value, 2, 3)
        grid.addWidget(self.evidence, 3, 0, 1, 3)
        grid.addWidget(quiet_label(was, self), 3, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.slider.valueChanged.connect(self._show_value)
        self.slider.setValue(previous.position if previous else MIDDLE)
        self._show_value(self.slider.value())

    def _show_value(self, value: int) -> None:
        self.value.setText(f"{value} of {SHIFT_SCALE_MAX}")
        self.slider.setAccessibleDescription(f"{value} of {SHIFT_SCALE_MAX}")

    def position(self) -> ShiftPosition:
        return ShiftPosition(self.shift, self.slider.value(), self.evidence.text())

    def set_position(self, position: ShiftPosition) -> None:
        self.slider.setValue(position.position)
        self.evidence.setText(position.evidence)


class AssessmentDialog(FormDialog):
    """A new self-assessment (starting from ``previous``) or an edit of a saved one."""

    def __init__(
        self,
        store: Store,
        *,
        assessment: SelfAssessment | None = None,
        previous: SelfAssessment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "New self-assessment" if assessment is None else "Edit self-assessment"
        super().__init__(title, "Save self-assessment", parent)
        self.store = store
        self.original = assessment
        self.assessed = date_edit(
            assessment.assessed_on if assessment else None, latest=clock.today()
        )
        start = assessment or previous
        on = short_date(previous.assessed_on) if previous else ""
        self.rows = [
            ShiftRow(shift, start.position_of(shift) if start else None, on)
            for shift in PracticeShift
        ]
        if assessment is not None:
            for row in self.rows:
                found = assessment.position_of(row.shift)
                if found is not None:
                    row.set_position(found)
        self.notes = text_box(assessment.notes if assessment else "", lines=2)
        self._lay_out()
        self._start = self.assessment()
        self.rows[0].slider.setFocus()

    def _lay_out(self) -> None:
        intro = quiet_label(
            "Place yourself between the two ends of each shift: 0 is wholly the first, "
            f"{SHIFT_SCALE_MAX} wholly the second. Arrow keys move one step.",
            self,
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.add_row("&Date", self.assessed)
        inner = QWidget()
        column = QVBoxLayout(inner)
        for row in self.rows:
            column.addWidget(row)
        scroll = QScrollArea(self)
        scroll.setAccessibleName("Where your practice is on each change")
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(self.rows[0].sizeHint().height() * VISIBLE_ROWS)
        self.form.addRow(scroll)
        self.add_row("&Notes", self.notes)
        order = [self.assessed]
        for row in self.rows:
            order += [row.slider, row.evidence]
        order.append(self.notes)
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)
        for row in self.rows:  # keep the focused scale in view
            for widget in (row.slider, row.evidence):
                widget.installEventFilter(self)
        self._scroll = scroll

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self._scroll.ensureWidgetVisible(watched.parentWidget())
        return False

    def assessment(self) -> SelfAssessment:
        return SelfAssessment(
            assessed_on=date_of(self.assessed),
            positions=tuple(row.position() for row in self.rows),
            notes=self.notes.toPlainText(),
            id=self.original.id if self.original else None,
        )

    def save(self) -> SelfAssessment:
        return ASSESSMENTS.save(self.store, self.original, self.assessment())

    def reject(self) -> None:
        question = "Discard this self-assessment? Where you placed yourself will not be kept."
        if self.assessment() == self._start or may_discard(self, question):
            super().reject()


def open_assessment(
    store: Store,
    parent: QWidget,
    *,
    assessment: SelfAssessment | None = None,
    previous: SelfAssessment | None = None,
) -> AssessmentDialog:
    dialog = AssessmentDialog(store, assessment=assessment, previous=previous, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
