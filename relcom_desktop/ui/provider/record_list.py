"""A short list of records on a provider tab, with the buttons that act on it.

The rows come from one service call (a provider has tens of contacts or reports, not
thousands); Enter or double-click edits, Delete moves to the Trash (undoable).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.ui.lazy_model import Column, LazyTableModel
from relcom_desktop.ui.pages.list_page import CELL_PADDING, fit_columns, style_table
from relcom_desktop.ui.widgets import PAGE_SPACING, quiet_label

Row = Any
EXTRA_PADDING = 12  # the first column also holds the focus frame


def stacked(parent: QWidget, *lists: RecordList) -> QSplitter:
    """Lists one above the other, each keeping some height."""
    split = QSplitter(Qt.Orientation.Vertical, parent)
    for lst in lists:
        split.addWidget(lst)
    split.setChildrenCollapsible(False)
    return split


def share_by_rows(split: QSplitter, lists: Sequence[RecordList]) -> None:
    """Give each list in a splitter room in proportion to its rows (at least a few)."""
    split.setSizes([(max(2, len(lst.rows)) + 2) * 100 for lst in lists])


class _Table(QTableView):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class RecordList(QWidget):
    """A titled table of records: ``load()`` gives the rows; buttons act on the chosen one."""

    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(
        self,
        title: str,
        columns: Sequence[Column],
        load: Callable[[], Sequence[Row]],
        *,
        empty: str,
        samples: Sequence[str] | None = None,
        stretch: int = -1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._rows: list[Row] = []
        self.title = QLabel(f"<b>{title}</b>", self)
        self.empty = quiet_label(empty, self)
        self.empty.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(PAGE_SPACING // 2)
        self.table = _Table(self)
        self.table.setAccessibleName(title)
        self.model = LazyTableModel(
            columns, lambda o, n: self._rows[o : o + n], lambda: len(self._rows), parent=self
        )
        self.table.setModel(self.model)
        style_table(self.table)
        self._size(columns, samples, stretch)
        header = self.table.horizontalHeader()
        self._base = [header.sectionSize(i) for i in range(len(columns))]
        self._stretch = [stretch] if stretch >= 0 else [len(columns) - 1]
        self.top = top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addLayout(self.buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(PAGE_SPACING // 2)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)  # takes the space when the table is hidden
        self.table.activated.connect(self._activated)
        self.table.delete_pressed.connect(self._delete_current)

    def _size(self, columns: Sequence[Column], samples: Sequence[str] | None, stretch: int) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for i, column in enumerate(columns):
            sample = samples[i] if samples else ""
            wanted = max(header.fontMetrics().horizontalAdvance(column.header), 0)
            extra = EXTRA_PADDING if i == 0 else 0
            width = max(wanted, metrics.horizontalAdvance(sample)) + CELL_PADDING + extra
            header.resizeSection(i, width)
        header.setStretchLastSection(stretch == -1)
        if stretch >= 0:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def add_button(self, text: str, on_click: Callable[[], None], *, needs_row: bool = False):
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: on_click())
        self.buttons.addWidget(button)
        if needs_row:
            button.setEnabled(False)
            self.table.selectionModel().currentRowChanged.connect(
                lambda current, _prev: button.setEnabled(current.isValid())
            )
            self.model.modelReset.connect(lambda: button.setEnabled(False))
        return button

    def reload(self) -> None:
        self._rows = list(self._load())
        self.model.reset()
        fit_columns(self.table, self._base, self._stretch)  # what it shows, not cut short
        self.empty.setVisible(not self._rows)
        self.table.setVisible(bool(self._rows))

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def current(self) -> Row | None:
        return self.model.row_at(self.table.currentIndex())

    def select(self, matches: Callable[[Row], bool]) -> bool:
        """Select, show and focus the first row that ``matches``; False if there is none."""
        for number, row in enumerate(self._rows):
            if matches(row):
                index = self.model.index(number, 0)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                self.table.setFocus()
                return True
        return False

    def select_first(self) -> None:
        if self._rows:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index)
        if row is not None:
            self.edit_requested.emit(row)

    def _delete_current(self) -> None:
        row = self.current()
        if row is not None:
            self.delete_requested.emit(row)
