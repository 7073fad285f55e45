"""The shape every list page shares: heading and count, search, filters, a lazy table."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import plural
from relcom_desktop.ui.lazy_model import Column, LazyTableModel
from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING, SearchBox, heading, quiet_label

CELL_PADDING = 36  # room for cell padding and the header's sort arrow
# Padding keeps a right-aligned number from touching the text of the next column.
TABLE_STYLE = """
QTableView::item { padding: 0 8px; }
QTableView::item:selected:!active { color: palette(text); }
QHeaderView::section:horizontal { padding: 4px 10px 4px 10px; }
"""


FIT_CHARS = 64  # a column fitted to its content grows to about this many characters at most
FIT_ROWS = 200  # rows read to fit a column (the first pages of a long list)


def fit_columns(table: QTableView, base: Sequence[int], skip: Sequence[int] = ()) -> None:
    """Widen each column (but those in ``skip``) to its longest text among the first rows,
    never narrower than ``base`` nor wider than about :data:`FIT_CHARS` characters."""
    model = table.model()
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    cap = metrics.averageCharWidth() * FIT_CHARS
    rows = min(model.rowCount(), FIT_ROWS)
    for column, floor in enumerate(base):
        if column in skip:
            continue
        texts = (str(model.data(model.index(r, column)) or "") for r in range(rows))
        longest = max((metrics.horizontalAdvance(t.split("\n")[0]) for t in texts), default=0)
        header.resizeSection(column, max(floor, min(longest + CELL_PADDING, cap)))


def style_table(table: QTableView) -> None:
    """The house look of a read-only table: whole rows, no grid, quiet alternating rows."""
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setStyleSheet(TABLE_STYLE)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
    table.horizontalHeader().setHighlightSections(False)


class ListPage(QWidget):
    """A heading with a row count, a search box, a row of filters and a table.

    Subclasses supply the columns, ``fetch``/``count`` for the current filters, and call
    :meth:`refresh` when a filter changes. ``row_activated`` carries the chosen record.
    """

    row_activated = Signal(object)
    empty_hint = ""
    """Shown in the empty table when there are none at all: how to add the first."""

    def __init__(
        self,
        title: str,
        search_placeholder: str,
        noun: tuple[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._noun = noun
        self.search = SearchBox(search_placeholder, self)
        self.count_label = quiet_label("", self)
        self.filters = QHBoxLayout()
        self.filters.setSpacing(PAGE_SPACING)
        self.toggles = QHBoxLayout()
        self.toggles.setSpacing(PAGE_SPACING * 2)
        self.actions = QHBoxLayout()  # buttons beside the heading ("New provider…")
        self.actions.setSpacing(PAGE_SPACING // 2)
        self.table = QTableView(self)
        self.table.setAccessibleName(title)
        self.model: LazyTableModel | None = None
        self._last_sort = (0, Qt.SortOrder.AscendingOrder)
        self.empty = self._empty_message()
        self._lay_out(title)
        self.search.search_changed.connect(lambda _text: self.refresh())
        self.table.activated.connect(self._on_activated)

    def _empty_message(self) -> QLabel:
        """A quiet message in the middle of the table while it has no rows."""
        label = quiet_label("", self.table.viewport())
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self.table.viewport())
        layout.setContentsMargins(PAGE_MARGIN * 2, PAGE_MARGIN, PAGE_MARGIN * 2, PAGE_MARGIN)
        layout.addWidget(label)
        label.hide()
        return label

    def _lay_out(self, title: str) -> None:
        top = QHBoxLayout()
        top.addWidget(heading(title, self))
        top.addStretch(1)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addSpacing(PAGE_SPACING)
        top.addLayout(self.actions)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addLayout(self.filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 4, PAGE_MARGIN, PAGE_MARGIN - 8)
        layout.setSpacing(PAGE_SPACING)
        layout.addLayout(top)
        layout.addLayout(search_row)
        layout.addLayout(self.toggles)
        layout.addWidget(self.table, 1)

    # ---- for subclasses ----------------------------------------------------------------

    def finish_filters(self) -> None:
        """Call once the filter widgets are added: toggles to the left, Tab in reading order."""
        self.toggles.addStretch(1)
        chain: list[QWidget] = [self.search]
        for row in (self.filters, self.toggles):
            items = (row.itemAt(i) for i in range(row.count()))
            chain += [w for item in items if (w := item.widget()) is not None]
        chain.append(self.table)
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def focus_search(self) -> None:
        """Put the keyboard in the search box, ready to type."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def use_service(
        self,
        store: Any,
        lister: Callable[..., Sequence[Any]],
        counter: Callable[[Any, Any], int],
        sort_type: Callable[[Any], Hashable],
        sort: Hashable,
        *,
        descending: bool = False,
    ) -> None:
        """Page through ``lister(store, filter, sort=, descending=, offset=, limit=)`` and count
        with ``counter(store, filter)``: the database filters, sorts and pages."""
        self._store, self._lister, self._counter = store, lister, counter
        self._sort_type, self._sort, self._descending = sort_type, sort, descending

    def current_filter(self) -> Any:
        raise NotImplementedError

    def fetch(self, offset: int, limit: int) -> Sequence[Any]:
        return self._lister(
            self._store,
            self.current_filter(),
            sort=self._sort,
            descending=self._descending,
            offset=offset,
            limit=limit,
        )

    def count(self) -> int:
        return self._counter(self._store, self.current_filter())

    def filters_active(self) -> bool:
        """True when the search or any filter narrows the list (for the empty message)."""
        return bool(self.search.text().strip())

    def sort_changed(self, key: Hashable, descending: bool) -> None:
        """Remember the order the database should use; the model reloads afterwards."""
        self._sort, self._descending = self._sort_type(key), descending

    def set_columns(
        self,
        columns: Sequence[Column],
        *,
        samples: Sequence[str],
        stretch: Sequence[int],
        sortable: bool,
        fit: bool = False,
    ) -> None:
        """Build the model and size the columns from sample text (one per column); with
        ``fit`` the columns but the ``stretch`` ones also grow to what they show."""
        on_sort = self.sort_changed if sortable else None
        self.model = LazyTableModel(columns, self.fetch, self.count, on_sort=on_sort, parent=self)
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)
        self._set_up_table(sortable)
        self._size_columns(columns, samples, stretch)
        if fit:
            base = [self.table.horizontalHeader().sectionSize(i) for i in range(len(columns))]
            self.model.modelReset.connect(lambda: fit_columns(self.table, base, stretch))
            fit_columns(self.table, base, stretch)

    def _set_up_table(self, sortable: bool) -> None:
        table = self.table
        assert self.model is not None
        table.setModel(self.model)
        style_table(table)
        header = table.horizontalHeader()
        header.setSortIndicatorShown(sortable)
        header.setSectionsClickable(sortable)
        if sortable:
            header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
            header.sortIndicatorChanged.connect(self._keep_sort_indicator_honest)
            table.setSortingEnabled(True)  # sorts by the indicator: loads the first page
        else:
            self.model.reset()

    def _size_columns(
        self, columns: Sequence[Column], samples: Sequence[str], stretch: int
    ) -> None:
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        bold = header.fontMetrics()
        for i, (column, sample) in enumerate(zip(columns, samples, strict=True)):
            lines = column.header.splitlines()  # a long header may be split over two lines
            title = max(bold.horizontalAdvance(line) for line in lines)
            wanted = max(title, metrics.horizontalAdvance(sample))
            header.resizeSection(i, wanted + CELL_PADDING)
        header.setStretchLastSection(False)
        for section in stretch:
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Stretch)

    # ---- behaviour ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the database with the current search, filters and order."""
        if self.model is not None:
            self.model.reset()

    def current_row(self) -> Any | None:
        """The record under the keyboard cursor, if any."""
        if self.model is None:
            return None
        return self.model.row_at(self.table.currentIndex())

    def _on_activated(self, index: QModelIndex) -> None:
        if self.model is not None and (row := self.model.row_at(index)) is not None:
            self.row_activated.emit(row)

    def _keep_sort_indicator_honest(self, column: int, order: Qt.SortOrder) -> None:
        """A click on a column the database cannot sort puts the arrow back where it was."""
        header = self.table.horizontalHeader()
        if self.model is not None and self.model.is_sortable(column):
            self._last_sort = (column, order)
            return
        header.blockSignals(True)
        header.setSortIndicator(*self._last_sort)
        header.blockSignals(False)

    def _show_count(self) -> None:
        total = self.model.total if self.model is not None else 0
        singular, many = self._noun
        if total:
            text = plural(total, singular, many)
        elif self.filters_active():
            text = f"No {many} match the search and filters"
            self.empty.setText(f"{text}. Clear the search or change the filters to see more.")
        else:
            text = f"No {many} yet"
            self.empty.setText(self.empty_hint or f"{text}.")
        self.count_label.setText(text)
        self.empty.setVisible(not total)
