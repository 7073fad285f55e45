"""Placement reviews: the nine Quality Standards for each placement, newest first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QWidget

from relcom_desktop.core import clock, placements, reviews
from relcom_desktop.core.enums import QualityStandard, StandardRating
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.placements import PlacementView
from relcom_desktop.core.reviews import PlacementReview
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.look import (
    button_row,
    empty_note,
    html_text,
    ratings_table,
    scrolling,
)
from relcom_desktop.ui.child.review_dialog import REVIEWS, ReviewDialog, short_standard
from relcom_desktop.ui.child.tab import ChildTab
from relcom_desktop.ui.child.tables import RecordTable
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.widgets import quiet_label


def ratings_summary(review: PlacementReview) -> str:
    """ "7 of 9 met · 1 not met" ("met" counts "met well" too)."""
    rated = [s.rating for s in review.standards if s.rating is not None]
    met = sum(r >= StandardRating.MET for r in rated)
    text = f"{met} of {len(QualityStandard)} met"
    not_met = sum(r is StandardRating.NOT_MET for r in rated)
    return text + (f" · {not_met} not met" if not_met else "")


def review_html(review: PlacementReview, setting: str) -> str:
    rows = (
        (short_standard(s), e.rating.label if e.rating else "Not rated", e.evidence)
        for s in QualityStandard
        for e in (review.for_standard(s),)
    )
    summary = f"<p><b>Summary</b><br>{html_text(review.summary)}</p>" if review.summary else ""
    return (
        f"<h3 style='margin:0'>{html_text(setting)}, {short_date(review.held_on)}</h3>"
        f"{ratings_table(rows)}{summary}"
    )


class ReviewsTab(ChildTab):
    kinds = ("placement_review", "placement")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.settings: dict[int, PlacementView] = {}
        self.all_reviews: list[PlacementReview] = []
        self.current: PlacementView | None = None
        self.table = RecordTable(
            [
                Column("Date", lambda r: short_date(r.held_on)),
                Column("Placement", self._setting_name, tooltip=self._setting_name),
                Column(
                    "Standards",
                    ratings_summary,
                    tooltip=lambda _r: "Standards met or met well, of the nine",
                ),
            ],
            widths=[105, 150],
            stretch=(2,),
            parent=self,
        )
        self.table.setAccessibleName("Placement reviews")
        self.detail = QLabel(self)
        self.detail.setAccessibleName("The chosen review")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(16, 0, 8, 0)
        self.intro = quiet_label()
        self.intro.setWordWrap(True)
        self.empty = empty_note("No placement reviews yet.", self)
        self.add_button = QPushButton("&Review the current placement…")
        self.edit_button = QPushButton("&Edit…")
        self.delete_button = QPushButton("&Delete")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(scrolling(self.detail))
        split.setSizes([420, 640])
        split.setChildrenCollapsible(False)
        self.body.addWidget(self.intro)
        self.body.addWidget(split, 1)
        self.body.addWidget(self.empty)
        self.body.addLayout(button_row([self.add_button, self.edit_button, self.delete_button]))
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.table.record_activated.connect(lambda _r: self.edit())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)

    def _setting_name(self, review: PlacementReview) -> str:
        view = self.settings.get(review.placement_id)
        return view.setting_name if view else "—"

    def reload(self) -> None:
        history = placements.placements_for_child(self._store, self.child_id)
        self.settings = {v.placement.id: v for v in history if v.placement.id is not None}
        self.current = placements.current_placement(history, clock.today())
        self.all_reviews = reviews.reviews_of_child(self._store, self.child_id)
        self.table.set_rows(self.all_reviews)
        has = bool(self.all_reviews)
        for widget in (self.edit_button, self.delete_button):
            widget.setEnabled(has)
        self.empty.setVisible(not has)
        self.add_button.setEnabled(self.current is not None)
        self.intro.setText(
            f"Reviews of {self.current.setting_name} record evidence against the nine Quality "
            "Standards; the previous review is shown beside the new one."
            if self.current
            else "There is no current placement to review. Earlier reviews are listed below."
        )
        self._show_detail()

    def _show_detail(self) -> None:
        review = self.table.current_record()
        self.detail.setText(review_html(review, self._setting_name(review)) if review else "")

    def _previous(
        self, placement_id: int, before: dt.date, skip: int | None
    ) -> PlacementReview | None:
        earlier = [
            r
            for r in reviews.reviews_of_placement(self.all_reviews, placement_id)
            if r.id != skip and r.held_on <= before
        ]
        return earlier[0] if earlier else None

    def add(self) -> None:
        if self.current is None or self.current.placement.id is None:
            return
        placement_id = self.current.placement.id
        today = clock.today()
        previous = self._previous(placement_id, today, None)
        blank = PlacementReview(placement_id, today)
        self.run_dialog(ReviewDialog(self._store, self.current, blank, previous, self))

    def edit(self) -> None:
        review = self.table.current_record()
        view = self.settings.get(review.placement_id) if review else None
        if review is None or view is None:
            return
        previous = self._previous(review.placement_id, review.held_on, review.id)
        self.run_dialog(ReviewDialog(self._store, view, review, previous, self))

    def delete(self) -> None:
        review = self.table.current_record()
        if review is not None:
            self.delete_with_undo(REVIEWS, review, f"review of {short_date(review.held_on)}")
