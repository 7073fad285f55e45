"""A table model that loads rows page by page from a service, sorted by the database.

The model is a plain object fed by two callables — ``fetch(offset, limit)`` and ``count()`` —
so it can be tested without any window. Only the pages a view scrolls to are loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

PAGE_SIZE = 200

ALIGN_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Row = Any
Fetch = Callable[[int, int], Sequence[Row]]
Count = Callable[[], int]
SortCallback = Callable[[Hashable, bool], None]
AnyIndex = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()  # the (invalid) parent of every row in a flat table


@dataclass(frozen=True)
class Column:
    """One column: its header, how a row reads in it, and how (if at all) it sorts.

    ``sort_key`` is handed to the sort callback (e.g. a ``ChildSort`` member); ``None`` means
    the column cannot be sorted.
    """

    header: str
    text: Callable[[Row], str]
    sort_key: Hashable | None = None
    align: Qt.AlignmentFlag = ALIGN_LEFT
    tooltip: Callable[[Row], str] | None = None


class LazyTableModel(QAbstractTableModel):
    """Rows from ``fetch`` in pages of ``page_size``; ``count`` gives the total."""

    def __init__(
        self,
        columns: Sequence[Column],
        fetch: Fetch,
        count: Count,
        *,
        on_sort: SortCallback | None = None,
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self._count = count
        self._on_sort = on_sort
        self._page_size = page_size
        self._rows: list[Row] = []
        self._total = 0

    # ---- what the model holds ----------------------------------------------------------

    @property
    def total(self) -> int:
        """How many rows match, loaded or not."""
        return self._total

    @property
    def loaded(self) -> int:
        return len(self._rows)

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    def row_at(self, index: AnyIndex | int) -> Row | None:
        """The record behind a view index (or a row number); None when out of range."""
        row = index if isinstance(index, int) else index.row()
        if isinstance(index, (QModelIndex, QPersistentModelIndex)) and not index.isValid():
            return None
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def is_sortable(self, column: int) -> bool:
        return self._on_sort is not None and self._columns[column].sort_key is not None

    # ---- loading -----------------------------------------------------------------------

    def reset(self) -> None:
        """Reload from the first page (after a filter or sort change)."""
        self.beginResetModel()
        self._total = max(0, self._count())
        self._rows = list(self._fetch(0, self._page_size)) if self._total else []
        if len(self._rows) < self._page_size:
            self._total = len(self._rows)
        self.endResetModel()

    def canFetchMore(self, parent: AnyIndex = ROOT) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: AnyIndex = ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        start = len(self._rows)
        page = list(self._fetch(start, self._page_size))
        if len(page) < self._page_size:
            self._total = start + len(page)  # the data shrank, or this is the last page
        if not page:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the owner to re-query in the column's order, then reload."""
        if not 0 <= column < len(self._columns) or not self.is_sortable(column):
            return
        assert self._on_sort is not None
        key = self._columns[column].sort_key
        assert key is not None
        self._on_sort(key, order == Qt.SortOrder.DescendingOrder)
        self.reset()

    # ---- Qt's table interface ----------------------------------------------------------

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
