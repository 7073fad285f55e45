"""The System overview tab: each figure as a headline, a labelled chart and a table.

Enter (or a double-click) on a number in a table, a click on a bar, or "Show these children"
lists the children behind it. The figures are gathered off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import money
from relcom_desktop.core.overview import (
    Drill,
    Figure,
    FigureKey,
    Measure,
    SystemOverview,
    children_behind,
    system_overview,
)
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui import exports
from relcom_desktop.ui.background import run_in_background
from relcom_desktop.ui.charts import Bar, BarChart
from relcom_desktop.ui.pages.children_behind import ChildrenBehindDialog
from relcom_desktop.ui.widgets import PAGE_SPACING, quiet_label

CHART_ROWS = 12
TABLE_ROWS_SHOWN = 10
DRILL_ROLE = Qt.ItemDataRole.UserRole + 1


def cell_text(value: float, measure: Measure) -> str:
    if measure is Measure.MONEY:
        return money(int(value))
    if measure is Measure.SHARE:
        return f"{value:.0%}"
    return f"{value:,.0f}"


def _bar(figure: Figure, row_index: int) -> Bar:
    row = figure.rows[row_index]
    parts = tuple(row.cells[i].value for i in figure.chart_columns)
    if len(figure.chart_columns) > 1:
        text = f"{sum(parts):,.0f}"
    else:
        first = figure.chart_columns[0]
        text = cell_text(row.cells[first].value, figure.columns[first].measure)
        if len(row.cells) > 1 and figure.columns[1].measure is Measure.SHARE:
            text += f" · {row.cells[1].value:.0%}"
    return Bar(row.label, parts, text)


class FigureCard(QFrame):
    """One figure: title, headline, chart and table; asks its owner to drill down."""

    def __init__(self, figure: Figure, view: OverviewView) -> None:
        super().__init__(view)
        self.figure = figure
        self._view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(f"<b>{figure.title}</b>", self)
        headline = QLabel(figure.headline, self)
        headline.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(headline, 1)
        if figure.headline_drill is not None:
            self.show_button = QPushButton("Show these children", self)
            self.show_button.clicked.connect(
                lambda: view.drill(figure.headline_drill, figure.headline)
            )
            top.addWidget(self.show_button)
        series = tuple(figure.columns[i].header for i in figure.chart_columns)
        self.chart = BarChart(series if len(series) > 1 else (), self)
        shown = min(CHART_ROWS, len(figure.rows))
        self.chart.set_bars([_bar(figure, i) for i in range(shown)])
        self.chart.setAccessibleName(figure.title)
        self.chart.part_clicked.connect(self._chart_clicked)
        self.table = self._make_table()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(top)
        if len(figure.rows) > CHART_ROWS:
            layout.addWidget(
                quiet_label(f"The chart shows the first {CHART_ROWS}; the table has all.", self)
            )
        layout.addWidget(self.chart)
        layout.addWidget(self.table)

    def _make_table(self) -> QTableWidget:
        f = self.figure
        table = QTableWidget(len(f.rows), 1 + len(f.columns), self)
        table.setAccessibleName(f"{f.title}: table")
        table.setHorizontalHeaderLabels([f.label_header, *(c.header for c in f.columns)])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        for r, row in enumerate(f.rows):
            table.setItem(r, 0, QTableWidgetItem(row.label))
            for c, (cell, column) in enumerate(zip(row.cells, f.columns, strict=True), start=1):
                item = QTableWidgetItem(cell_text(cell.value, column.measure))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if cell.drill is not None:
                    item.setData(DRILL_ROLE, (cell.drill.figure.value, cell.drill.value))
                    item.setToolTip("Enter or double-click to see the children")
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, table.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        rows = min(len(f.rows), TABLE_ROWS_SHOWN)
        table.setFixedHeight(
            header.height() + rows * table.verticalHeader().defaultSectionSize() + 4
        )
        table.activated.connect(lambda index: self.drill_cell(index.row(), index.column()))
        if f.rows:
            table.setCurrentCell(0, 1, QItemSelectionModel.SelectionFlag.NoUpdate)
        return table

    def drill_cell(self, row: int, column: int) -> None:
        item = self.table.item(row, max(column, 1))
        value = item.data(DRILL_ROLE) if item is not None else None
        if value is None:
            return
        label = f"{self.figure.title}: {self.figure.rows[row].label}"
        header = self.figure.columns[max(column, 1) - 1].header
        if len(self.figure.chart_columns) > 1:
            label += f" ({header.lower()})"
        self._view.drill(Drill(FigureKey(value[0]), value[1]), label)

    def _chart_clicked(self, row: int, part: int) -> None:
        self.drill_cell(row, self.figure.chart_columns[part] + 1)


class OverviewView(QWidget):
    """Every figure of the system overview, with CSV and PDF export."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.overview: SystemOverview | None = None
        self.cards: list[FigureCard] = []
        self.loaded = False
        self.stale = True
        self.summary = quiet_label("Gathering the figures…", self)
        self.csv_button = QPushButton("Export CSV…", self)
        self.pdf_button = QPushButton("Export PDF…", self)
        self.csv_button.clicked.connect(lambda: exports.export_overview_csv(self, store))
        self.pdf_button.clicked.connect(lambda: exports.export_overview_pdf(self, store))
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.csv_button)
        bar.addWidget(self.pdf_button)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, PAGE_SPACING, 0)
        self.body_layout.setSpacing(PAGE_SPACING)
        scroll = QScrollArea(self)
        scroll.setAccessibleName("System overview")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, PAGE_SPACING, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)

    def refresh(self) -> None:
        self.stale = False
        self.loaded = False
        run_in_background(self, lambda: system_overview(self._store), self._show, self._failed)

    def _failed(self, message: str) -> None:
        self.summary.setText(message)
        self.loaded = True

    def _show(self, overview: SystemOverview) -> None:
        self.overview = overview
        while (item := self.body_layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.cards = [FigureCard(figure, self) for figure in overview.figures]
        for card in self.cards:
            self.body_layout.addWidget(card)
        self.body_layout.addStretch(1)
        day = f"{overview.today.day} {overview.today:%B %Y}"
        self.summary.setText(
            f"The whole caseload on {day}: {overview.children_placed:,} children in placement. "
            "Enter on a number, or a click on a bar, lists the children behind it."
        )
        self.loaded = True

    def drill(self, drill: Drill, title: str) -> None:
        children = children_behind(self._store, drill)
        ChildrenBehindDialog(title, children, self).open()
