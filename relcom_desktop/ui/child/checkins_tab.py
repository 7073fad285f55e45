"""Check-ins: how the child is doing on the seven outcomes, over time and one by one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import checkins, clock
from relcom_desktop.core.checkins import CheckIn
from relcom_desktop.core.dates import add_months
from relcom_desktop.core.enums import Outcome
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.checkin_dialog import CHECK_INS, CheckInDialog
from relcom_desktop.ui.child.look import (
    button_row,
    empty_note,
    html_text,
    ratings_table,
    scrolling,
    section_title,
)
from relcom_desktop.ui.child.outcome_chart import OutcomeChart
from relcom_desktop.ui.child.tab import ChildTab
from relcom_desktop.ui.child.tables import RecordTable
from relcom_desktop.ui.lazy_model import Column

RANGES = [(12, "Last 12 months"), (24, "Last 2 years"), (60, "Last 5 years"), (0, "All")]


def _lowest(c: CheckIn) -> str:
    rated = [s for s in c.scores if s.rating is not None]
    if not rated:
        return "Not rated"
    low = min(rated, key=lambda s: s.rating)
    return f"{low.rating.label} ({low.outcome.label.lower()})"  # type: ignore[union-attr]


COLUMNS = [
    Column("Date", lambda c: short_date(c.held_on)),
    Column("Most concern", _lowest),
    Column("The child's view", lambda c: c.child_view.replace("\n", " ") or "—"),
]


def detail_html(c: CheckIn) -> str:
    rows = (
        (o.label, s.rating.label if s.rating else "Not rated", s.evidence)
        for o in Outcome
        for s in (c.score(o),)
    )
    view = html_text(c.child_view) or "<i>Not recorded</i>"
    notes = f"<p><b>Notes</b><br>{html_text(c.notes)}</p>" if c.notes else ""
    return (
        f"<h3 style='margin:0'>Check-in of {short_date(c.held_on)}</h3>{ratings_table(rows)}"
        f"<p><b>In the child's words</b><br>{view}</p>{notes}"
    )


class CheckInsTab(ChildTab):
    kinds = ("check_in",)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.history: list[CheckIn] = []
        self.chart = OutcomeChart(self)
        self.range = QComboBox(self)
        for months, text in RANGES:
            self.range.addItem(text, months)
        self.range.setCurrentIndex(1)
        self.range.setAccessibleName("Chart period")
        self.table = RecordTable(COLUMNS, widths=[105, 250], stretch=(2,), parent=self)
        self.table.setAccessibleName("Check-ins")
        self.detail = QLabel(self)
        self.detail.setAccessibleName("The chosen check-in")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(16, 4, 8, 4)
        self.empty = empty_note(
            "No check-ins yet. A check-in records how the child is doing — loved, happy, "
            "healthy, safe from harm, developing, thriving and fulfilling their potential — "
            "with the evidence and the child's own view.",
            self,
        )
        self.add_button = QPushButton("&Record a check-in…")
        self.edit_button = QPushButton("&Edit…")
        self.delete_button = QPushButton("&Delete")
        self._lay_out()
        self.range.currentIndexChanged.connect(lambda _i: self._show_chart())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_detail())
        self.table.record_activated.connect(lambda _c: self.edit())
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(section_title("Outcomes over time"))
        top.addStretch(1)
        top.addWidget(self.range)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addLayout(top)
        chart_layout.addWidget(self.chart, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.table)
        lower.addWidget(scrolling(self.detail))
        lower.setSizes([480, 560])
        lower.setChildrenCollapsible(False)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(chart_box)
        split.addWidget(lower)
        split.setSizes([280, 320])
        split.setChildrenCollapsible(False)
        self.body.addWidget(split, 1)
        self.body.addWidget(self.empty)
        self.body.addLayout(button_row([self.add_button, self.edit_button, self.delete_button]))

    def reload(self) -> None:
        self.history = checkins.check_ins_of(self._store, self.child_id)
        self.table.set_rows(self.history)
        has = bool(self.history)
        for widget in (self.chart, self.table, self.detail, self.edit_button, self.delete_button):
            widget.setEnabled(has)
        self.empty.setVisible(not has)
        self._show_chart()
        self._show_detail()

    def _show_chart(self) -> None:
        today = clock.today()
        months = self.range.currentData()
        oldest = self.history[-1].held_on if self.history else today
        first = add_months(today, -months) if months else oldest
        self.chart.set_series(checkins.outcome_series(self.history), first, today)

    def _show_detail(self) -> None:
        current = self.table.current_record()
        self.detail.setText(detail_html(current) if current else "")

    def add(self) -> None:
        blank = CheckIn(self.child_id, clock.today())
        self.run_dialog(CheckInDialog(self._store, blank, self))

    def edit(self) -> None:
        current = self.table.current_record()
        if current is not None:
            self.run_dialog(CheckInDialog(self._store, current, self))

    def delete(self) -> None:
        current = self.table.current_record()
        if current is not None:
            self.delete_with_undo(CHECK_INS, current, f"check-in of {short_date(current.held_on)}")
