"""A read-only table of records already loaded (a child's links, plans, check-ins...)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from relcom_desktop.ui.lazy_model import Column, LazyTableModel
from relcom_desktop.ui.pages.list_page import style_table

Fetch = Callable[[int, int], Sequence[Any]]
Count = Callable[[], int]


class RecordTable(QTableView):
    """Rows in a table styled like the lists; Enter or double-click reports the record.

    Give it rows with :meth:`set_rows`, or a paged source with :meth:`set_source`.
    """

    record_activated = Signal(object)

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        stretch: Sequence[int] = (),
        widths: Sequence[int] | None = None,
        wrap: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._source: tuple[Fetch, Count] | None = None
        self.records = LazyTableModel(columns, self._fetch, self._count, parent=self)
        self.setModel(self.records)
        self._style(wrap)
        header = self.horizontalHeader()
        header.setStretchLastSection(not stretch)
        for i, width in enumerate(widths or ()):
            header.resizeSection(i, width)
        for section in stretch:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)
        self.activated.connect(self._on_activated)

    def _style(self, wrap: bool) -> None:
        style_table(self)
        self.setWordWrap(wrap)
        self.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

    # ---- data --------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show these records, keeping the selected one selected when it is still there."""
        keep = self.current_record()
        self._rows = list(rows)
        self._source = None
        self.records.reset()
        self._reselect(keep)
        if self.wordWrap():
            self.resizeRowsToContents()

    def set_source(self, fetch: Fetch, count: Count) -> None:
        """Load pages from a service as the table scrolls (for long histories)."""
        self._source = (fetch, count)
        self.records.reset()

    def _fetch(self, offset: int, limit: int) -> Sequence[Any]:
        if self._source is not None:
            return self._source[0](offset, limit)
        return self._rows[offset : offset + limit]

    def _count(self) -> int:
        if self._source is not None:
            return self._source[1]()
        return len(self._rows)

    def record_count(self) -> int:
        return self.records.total

    def current_record(self) -> Any | None:
        return self.records.row_at(self.currentIndex())

    def select_id(self, record_id: int) -> bool:
        """Select and show the row of the record with this id; False if it is not listed."""
        for row in range(self.records.rowCount()):
            if getattr(self.records.row_at(row), "id", None) == record_id:
                self.selectRow(row)
                self.scrollTo(self.records.index(row, 0))
                self.setFocus()
                return True
        return False

    def _reselect(self, keep: Any | None) -> None:
        key = getattr(keep, "id", None)
        for row in range(self.records.rowCount()):
            if key is not None and getattr(self.records.row_at(row), "id", None) == key:
                self.selectRow(row)
                return
        if self.records.rowCount():
            self.setCurrentIndex(self.records.index(0, 0))

    def _on_activated(self, index: QModelIndex) -> None:
        record = self.records.row_at(index)
        if record is not None:
            self.record_activated.emit(record)
