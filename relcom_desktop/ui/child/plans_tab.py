"""Plans & reviews: the child's plans, where they live, and the looked-after review schedule."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QWidget

from relcom_desktop.core import clock, plans
from relcom_desktop.core.enums import PlanKind
from relcom_desktop.core.formatting import plural, short_date
from relcom_desktop.core.plans import ChildPlan, LookedAfterReview
from relcom_desktop.core.review_schedule import ReviewDue, ReviewIntervals
from relcom_desktop.core.reviews_due import ordinal
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.details import line
from relcom_desktop.ui.child.fields import DateField, TextArea, enum_picker, pick, picked
from relcom_desktop.ui.child.form import RecordDialog
from relcom_desktop.ui.child.header import review_text
from relcom_desktop.ui.child.look import button_row, chip, section_title, set_tone
from relcom_desktop.ui.child.tab import ChildTab
from relcom_desktop.ui.child.tables import RecordTable
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.undo import RecordService, record_done
from relcom_desktop.ui.widgets import quiet_label

PLANS = RecordService.of(plans, "plan", "plan")
LAC_REVIEWS = RecordService.of(plans, "lac_review", "lac_review")


def _next_review(plan: ChildPlan) -> str:
    if plan.next_review is None:
        return "—"
    overdue = " · overdue" if plan.review_overdue(clock.today()) else ""
    return short_date(plan.next_review) + overdue


PLAN_COLUMNS = [
    Column("Plan", lambda p: p.kind.label),
    Column("Dated", lambda p: short_date(p.plan_date)),
    Column("Next review", _next_review),
    Column("Where the document lives", lambda p: p.location or "—", tooltip=lambda p: p.location),
]
REVIEW_COLUMNS = [
    Column("Held on", lambda r: short_date(r.held_on)),
    Column("Notes", lambda r: r.notes.replace("\n", " ") or "—", tooltip=lambda r: r.notes),
]


def schedule_text(due: ReviewDue, intervals: ReviewIntervals) -> str:
    rule = (
        f"First review within {intervals.first_working_days} working days of becoming looked "
        f"after, the second within {plural(intervals.second_months, 'month')}, then every "
        f"{plural(intervals.later_months, 'month')}."
    )
    if due.due_on is None:
        return rule
    which = {1: "first", 2: "second", 3: "third"}.get(due.number, ordinal(due.number))
    last = f" The last was held on {short_date(due.last_held)}." if due.last_held else ""
    return f"This will be the {which} review.{last} {rule}"


class PlanDialog(RecordDialog):
    def __init__(self, store: Store, plan: ChildPlan, parent: QWidget | None = None) -> None:
        super().__init__("Edit plan" if plan.id else "Add a plan", parent)
        self._store, self._plan = store, plan
        self.kind = enum_picker(PlanKind)
        self.plan_date = DateField("the plan's date", latest=clock.today())
        self.next_review = DateField("the next review")
        self.location = line("Where the document lives", 400, "e.g. LCS › Documents › Care plan")
        self.notes = TextArea("Notes", lines=3)
        self.form.add("&Plan", self.kind)
        self.form.add("&Dated", self.plan_date)
        self.form.add("&Next review", self.next_review)
        self.form.add("&Where the document lives", self.location)
        self.form.add("N&otes", self.notes)
        pick(self.kind, plan.kind)
        self.plan_date.set_value(plan.plan_date)
        self.next_review.set_value(plan.next_review)
        self.location.setText(plan.location)
        self.notes.set_value(plan.notes)
        if plan.id is not None:
            self.offer_delete(store, PLANS, plan.id, plan.kind.label.lower())
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 40

    def save(self) -> ChildPlan:
        edited = dataclasses.replace(
            self._plan,
            kind=picked(self.kind),
            plan_date=self.plan_date.value(),
            next_review=self.next_review.value(),
            location=self.location.text(),
            notes=self.notes.value(),
        )
        return PLANS.save(self._store, self._plan, edited, edited.kind.label.lower())


class LacReviewDialog(RecordDialog):
    def __init__(
        self, store: Store, review: LookedAfterReview, parent: QWidget | None = None
    ) -> None:
        super().__init__("Edit review" if review.id else "Record a looked-after review", parent)
        self._store, self._review = store, review
        self.held_on = DateField("the date it was held", required=True, latest=clock.today())
        self.notes = TextArea("Notes", lines=5)
        self.form.add("&Held on", self.held_on)
        self.form.add("N&otes", self.notes)
        self.held_on.set_value(review.held_on)
        self.notes.set_value(review.notes)
        if review.id is not None:
            self.offer_delete(store, LAC_REVIEWS, review.id, "looked-after review")
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 36

    def save(self) -> LookedAfterReview:
        edited = dataclasses.replace(
            self._review, held_on=self.held_on.value(), notes=self.notes.value()
        )
        return LAC_REVIEWS.save(self._store, self._review, edited, "looked-after review")


class PlansTab(ChildTab):
    kinds = ("plan", "lac_review", "child", "preference")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.due_chip = chip()
        self.schedule = quiet_label()
        self.schedule.setWordWrap(True)
        self.change_schedule = QPushButton("Change the &schedule…")
        self.plans = RecordTable(PLAN_COLUMNS, widths=[200, 110, 200], parent=self)
        self.reviews = RecordTable(REVIEW_COLUMNS, widths=[130], parent=self)
        self.plans.setAccessibleName("Plans")
        self.reviews.setAccessibleName("Looked-after reviews")
        self.add_plan = QPushButton("&Add a plan…")
        self.edit_plan = QPushButton("&Edit plan…")
        self.add_review = QPushButton("&Record a review held…")
        self.edit_review = QPushButton("Edit re&view…")
        self.body.addWidget(section_title("Looked-after reviews"))
        due_row = button_row([self.change_schedule])
        due_row.insertWidget(0, self.due_chip)
        self.body.addLayout(due_row)
        self.body.addWidget(self.schedule)
        self.body.addWidget(self.reviews, 2)
        self.body.addLayout(button_row([self.add_review, self.edit_review]))
        self.body.addWidget(section_title("Plans"))
        self.body.addWidget(self.plans, 3)
        self.body.addLayout(button_row([self.add_plan, self.edit_plan]))
        self.add_plan.clicked.connect(lambda: self._plan_dialog(None))
        self.edit_plan.clicked.connect(lambda: self._plan_dialog(self.plans.current_record()))
        self.plans.record_activated.connect(self._plan_dialog)
        self.add_review.clicked.connect(lambda: self._review_dialog(None))
        self.edit_review.clicked.connect(lambda: self._review_dialog(self.reviews.current_record()))
        self.reviews.record_activated.connect(self._review_dialog)
        self.change_schedule.clicked.connect(self._change_schedule)

    def reload(self) -> None:
        due, intervals = plans.review_schedule(self._store, self.child_id)
        text, tone = review_text(due)
        self.due_chip.setText(text)
        set_tone(self.due_chip, tone)
        self.schedule.setText(schedule_text(due, intervals))
        self.plans.set_rows(plans.plans_of(self._store, self.child_id))
        self.reviews.set_rows(plans.lac_reviews_of(self._store, self.child_id))
        self.edit_plan.setEnabled(self.plans.record_count() > 0)
        self.edit_review.setEnabled(self.reviews.record_count() > 0)

    def table_for(self, kind: str) -> RecordTable | None:
        return self.reviews if kind == "looked_after_review" else self.plans

    def _plan_dialog(self, plan: ChildPlan | None) -> None:
        used = {p.kind for p in plans.plans_of(self._store, self.child_id)}
        kind = next((k for k in PlanKind if k not in used), PlanKind.CARE_PLAN)
        self.run_dialog(PlanDialog(self._store, plan or ChildPlan(self.child_id, kind), self))

    def _review_dialog(self, review: LookedAfterReview | None) -> None:
        blank = LookedAfterReview(self.child_id, clock.today())
        self.run_dialog(LacReviewDialog(self._store, review or blank, self))

    def _change_schedule(self) -> None:
        self.run_dialog(ScheduleDialog(self._store, self))


class ScheduleDialog(RecordDialog):
    """The looked-after review intervals, for every child (saved with the data)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Looked-after review schedule", parent)
        self._store = store
        now = plans.review_intervals(store)
        self.first = _spin(1, 60, " working days", now.first_working_days)
        self.second = _spin(1, 12, " months", now.second_months)
        self.later = _spin(1, 12, " months", now.later_months)
        self.soon = _spin(0, 90, " days", now.due_soon_days)
        intro = QLabel("Statutory: 20 working days, then 3 months, then every 6 months.")
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.form.add("&First review within", self.first)
        self.form.add("&Second review within", self.second)
        self.form.add("&Later reviews every", self.later)
        self.form.add("Flag as &due this close", self.soon)

    def save(self) -> ReviewIntervals:
        store, before = self._store, plans.review_intervals(self._store)
        after = plans.set_review_intervals(
            store,
            ReviewIntervals(
                self.first.value(), self.second.value(), self.later.value(), self.soon.value()
            ),
        )
        record_done(
            "Change the review schedule",
            lambda: plans.set_review_intervals(store, before),
            lambda: plans.set_review_intervals(store, after),
            "preference",
        )
        return after


def _spin(low: int, high: int, suffix: str, value: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setValue(value)
    return box
