"""Placements: the history as a timeline, stability in plain words, start / end / move."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QWidget

from relcom_desktop.core import clock
from relcom_desktop.core import placements as svc
from relcom_desktop.core.formatting import money, plural, short_date
from relcom_desktop.core.legal_status import LegalStatusSpan, legal_status_periods
from relcom_desktop.core.placements import PlacementView, Stability
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.look import button_row, empty_note
from relcom_desktop.ui.child.placement_dialogs import (
    EditPlacementDialog,
    EndPlacementDialog,
    StartPlacementDialog,
)
from relcom_desktop.ui.child.tab import ChildTab
from relcom_desktop.ui.child.timeline import Timeline


def stability_text(s: Stability, current: PlacementView | None) -> str:
    """ "<b>2 placements</b> in the last 12 months · current placement <b>100 days</b> ..."."""
    parts = [f"<b>{plural(s.placements_last_12_months, 'placement')}</b> in the last 12 months"]
    if current is not None:
        since = short_date(current.placement.start_date)
        days = plural(s.current_placement_days or 0, "day")
        parts.append(f"current placement <b>{days}</b> (since {since})")
        if current.placement.weekly_fee_pence:
            parts.append(f"{money(current.placement.weekly_fee_pence)} a week")
    else:
        parts.append("no current placement")
    parts.append(f"{s.total_placements} in all")
    return " · ".join(parts)


class PlacementsTab(ChildTab):
    kinds = ("placement",)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.history: list[PlacementView] = []
        self.legal: list[LegalStatusSpan] = []
        self.current: PlacementView | None = None
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.timeline = Timeline()
        scroll = QScrollArea(self)
        scroll.setAccessibleName("Placements over time")
        scroll.setWidget(self.timeline)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.empty = empty_note(
            "No placements recorded yet. Start one by choosing a setting from the register.", self
        )
        self.start_button = QPushButton("&Start a placement…")
        self.end_button = QPushButton("E&nd the current placement…")
        self.body.addWidget(self.summary)
        self.body.addWidget(self.empty)
        self.body.addWidget(scroll, 1)
        self.body.addLayout(button_row([self.start_button, self.end_button]))
        self.start_button.clicked.connect(self.start)
        self.end_button.clicked.connect(self.end)
        self.timeline.edit_requested.connect(self.edit)
        self.timeline.ending_requested.connect(self.edit_ending)

    def reload(self) -> None:
        today = clock.today()
        self.history = svc.placements_for_child(self._store, self.child_id)
        self.current = svc.current_placement(self.history, today)
        self.summary.setText(stability_text(svc.stability(self.history, today), self.current))
        self.legal = legal_status_periods(self._store, self.child_id)
        self.timeline.show_history(self.history, today, self.legal)
        self.empty.setVisible(not self.history)
        self.end_button.setEnabled(self._open() is not None)

    def _open(self) -> PlacementView | None:
        """The placement with no end date recorded yet, if any."""
        return next((v for v in self.history if v.placement.end_date is None), None)

    def start(self) -> None:
        self.run_dialog(StartPlacementDialog(self._store, self.child_id, self._open(), self))

    def end(self) -> None:
        view = self._open()
        if view is not None:
            self.run_dialog(EndPlacementDialog(self._store, view, self))

    def edit_ending(self, view: PlacementView) -> None:
        self.run_dialog(EndPlacementDialog(self._store, view, self))

    def edit(self, view: PlacementView) -> None:
        self.run_dialog(EditPlacementDialog(self._store, view, self, legal=self.legal))
