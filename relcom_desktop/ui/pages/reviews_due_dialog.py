"""Reviews due: every looked-after and plan review overdue or due soon, across the caseload.

A sortable list (click a heading, or Ctrl+Tab there and Space); Enter or a double-click opens
the child's Plans & reviews tab.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.reviews_due import DUE_WITHIN_DAYS, ReviewDueRow, reviews_due
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.today_caseload import review_text
from relcom_desktop.ui import theme
from relcom_desktop.ui.background import run_in_background
from relcom_desktop.ui.bus import RowTarget, bus
from relcom_desktop.ui.pages.list_page import style_table
from relcom_desktop.ui.widgets import quiet_label

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = ("Child", "Review", "Due", "Days over")


class SortItem(QTableWidgetItem):
    """A cell that sorts by its own key (dates and day counts, not their words)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.data(SORT_ROLE) < other.data(SORT_ROLE)


def days_over_text(row: ReviewDueRow) -> str:
    if row.overdue:
        return f"{row.days_over} day{'s' if row.days_over != 1 else ''} over"
    return "Due today" if row.days_over == 0 else f"In {-row.days_over} days"


def _cells(row: ReviewDueRow) -> list[SortItem]:
    values = [
        (row.child_name, row.child_name.casefold()),
        (review_text(row), review_text(row)),
        (short_date(row.due_on), row.due_on.isoformat()),
        (days_over_text(row), row.days_over),
    ]
    cells = []
    for text, key in values:
        cell = SortItem(text)
        cell.setData(SORT_ROLE, key)
        cell.setData(ROW_ROLE, row)
        cells.append(cell)
    return cells


class ReviewsDueDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setWindowTitle("Reviews due")
        self.resize(720, 480)
        self.loaded = False
        self.note = quiet_label(
            f"Looked-after reviews and plan reviews overdue or due in the next {DUE_WITHIN_DAYS} "
            "days. Click a heading to sort; Enter opens the child's Plans & reviews.",
            self,
        )
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setAccessibleName("Reviews due")
        self.table.setHorizontalHeaderLabels(HEADERS)
        style_table(self.table)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        wide = self.table.fontMetrics().horizontalAdvance
        for column, sample in ((0, "Alexandrina-Rose"), (2, "30 Sep 2026"), (3, "9,999 days over")):
            self.table.setColumnWidth(column, wide(sample) + 36)
        self.table.activated.connect(lambda index: self._open(index.row()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        run_in_background(self, lambda: reviews_due(store, today), self._show, self._failed)

    def _show(self, rows: list[ReviewDueRow]) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            for column, cell in enumerate(_cells(row)):
                if column == 3 and row.overdue:
                    cell.setForeground(theme.colour("urgent"))
                self.table.setItem(number, column, cell)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        if rows:
            self.table.selectRow(0)
        else:
            self.note.setText(
                f"No looked-after or plan review is overdue or due in the next "
                f"{DUE_WITHIN_DAYS} days."
            )
        self.table.setFocus()
        self.loaded = True

    def _failed(self, message: str) -> None:
        self.note.setText(message)
        self.loaded = True

    def rows(self) -> list[ReviewDueRow]:
        """The rows in the order shown."""
        return [self.table.item(n, 0).data(ROW_ROLE) for n in range(self.table.rowCount())]

    def _open(self, number: int) -> None:
        item = self.table.item(number, 0)
        row = item.data(ROW_ROLE) if item is not None else None
        if isinstance(row, ReviewDueRow):
            self.accept()
            target = RowTarget(row.row_kind, row.row_id)
            bus().open_row.emit("child", row.child_id, target)
