"""A placement review against the nine Quality Standards, with the previous review beside it."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollArea, QWidget

from relcom_desktop.core import clock, reviews
from relcom_desktop.core.enums import QualityStandard, StandardRating
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.placements import PlacementView
from relcom_desktop.core.reviews import PlacementReview, StandardEvidence
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.fields import DateField, TextArea, enum_picker, pick, picked
from relcom_desktop.ui.child.form import RecordDialog
from relcom_desktop.ui.child.look import html_text
from relcom_desktop.ui.undo import RecordService

REVIEWS = RecordService.of(reviews, "review", "placement_review")
NOT_RATED = "Not rated"
PREVIOUS_STYLE = (
    "QLabel { background: palette(alternate-base); border-radius: 4px; padding: 6px 8px; }"
)


def short_standard(standard: QualityStandard) -> str:
    """ "The education standard" -> "Education" (the full name is in the tooltip)."""
    name = standard.label.removeprefix("The ").removesuffix(" standard")
    return name[0].upper() + name[1:]


def previous_text(evidence: StandardEvidence | None) -> str:
    if evidence is None:
        return "<i>—</i>"
    rating = evidence.rating.label if evidence.rating else NOT_RATED
    text = html_text(evidence.evidence) or "<i>No evidence recorded</i>"
    return f"<b>{rating}</b><br>{text}"


class StandardRow:
    def __init__(
        self,
        standard: QualityStandard,
        previous: PlacementReview | None,
        grid: QGridLayout,
        row: int,
    ) -> None:
        self.standard = standard
        name = QLabel(f"<b>{row}. {short_standard(standard)}</b>")
        name.setToolTip(standard.label)
        name.setWordWrap(True)
        name.setAlignment(Qt.AlignmentFlag.AlignTop)
        before = QLabel(previous_text(previous.for_standard(standard) if previous else None))
        before.setWordWrap(True)
        before.setAlignment(Qt.AlignmentFlag.AlignTop)
        before.setStyleSheet(PREVIOUS_STYLE)
        before.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rating: QComboBox = enum_picker(StandardRating, blank=NOT_RATED)
        self.rating.setAccessibleName(f"{short_standard(standard)}: rating")
        self.evidence = TextArea(f"{short_standard(standard)}: evidence", lines=3)
        self.evidence.setPlaceholderText("Evidence seen for this standard")
        name.setBuddy(self.rating)
        grid.addWidget(name, row, 0)
        grid.addWidget(before, row, 1)
        grid.addWidget(self.rating, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.evidence, row, 3)

    def load(self, evidence: StandardEvidence) -> None:
        pick(self.rating, evidence.rating)
        self.evidence.set_value(evidence.evidence)

    def value(self) -> StandardEvidence | None:
        rating, text = picked(self.rating), self.evidence.value()
        return (
            None if rating is None and not text else StandardEvidence(self.standard, rating, text)
        )


class ReviewDialog(RecordDialog):
    """Rate and evidence each standard; the previous review of the placement is on the left."""

    def __init__(
        self,
        store: Store,
        view: PlacementView,
        review: PlacementReview,
        previous: PlacementReview | None,
        parent: QWidget | None = None,
    ) -> None:
        verb = "Edit the review" if review.id else "Review the placement"
        super().__init__(f"{verb} at {view.setting_name}", parent)
        self._store, self._review = store, review
        self.held_on = DateField("the review date", required=True, latest=clock.today())
        self.form.add("Review &date", self.held_on)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(0, self.fontMetrics().horizontalAdvance("M") * 14)
        then = (
            f"Previous review, {short_date(previous.held_on)}" if previous else "No earlier review"
        )
        for column, text in enumerate(("Quality Standard", then, "Rating", "Evidence now")):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.rows = [
            StandardRow(s, previous, grid, i) for i, s in enumerate(QualityStandard, start=1)
        ]
        self.summary = TextArea("Summary", lines=3)
        summary_before = QLabel(html_text(previous.summary) if previous else "")
        summary_before.setWordWrap(True)
        summary_before.setStyleSheet(PREVIOUS_STYLE if previous else "")
        last = len(self.rows) + 1
        grid.addWidget(QLabel("<b>Summary</b>"), last, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(summary_before, last, 1)
        grid.addWidget(self.summary, last, 2, 1, 2)
        scroll = QScrollArea()
        scroll.setAccessibleName("The review, standard by standard")
        scroll.setWidget(grid_holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.body.insertWidget(1, scroll, 1)
        self.held_on.set_value(review.held_on)
        for row in self.rows:
            row.load(review.for_standard(row.standard))
        self.summary.set_value(review.summary)
        if review.id is not None:
            self.offer_delete(store, REVIEWS, review.id, "placement review")
        # Wide enough for the earlier review beside the new one; Qt fits the height to the
        # screen (see WideDialog on why Python code here never asks for the screen itself).
        self.open_width = self.fontMetrics().horizontalAdvance("M") * 90

    def save(self) -> PlacementReview:
        standards = tuple(v for row in self.rows if (v := row.value()) is not None)
        edited = dataclasses.replace(
            self._review,
            held_on=self.held_on.value(),
            standards=standards,
            summary=self.summary.value(),
        )
        return REVIEWS.save(self._store, self._review, edited, "placement review")
