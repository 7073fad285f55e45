"""The system overview as a CSV file: one line per figure, category and measure."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop.spreadsheet import guard_formula
from relcom_desktop.core.overview import Cell, FigureColumn, Measure, SystemOverview
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.store.files import write_atomically

HEADER = ("As of", "Figure", "Category", "Measure", "Value")


def _measure(column: FigureColumn) -> str:
    unit = {Measure.MONEY: " (£)", Measure.SHARE: " (%)", Measure.COUNT: ""}[column.measure]
    return column.header + unit


def _value(cell: Cell, column: FigureColumn) -> str:
    if column.measure is Measure.MONEY:
        return f"{cell.value / 100:.2f}"
    if column.measure is Measure.SHARE:
        return f"{cell.value * 100:.1f}"
    return f"{cell.value:.0f}"


def overview_csv(overview: SystemOverview) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    day = overview.today.isoformat()
    for figure in overview.figures:
        for row in figure.rows:
            for column, cell in zip(figure.columns, row.cells, strict=True):
                label = guard_formula(row.label)
                writer.writerow((day, figure.title, label, _measure(column), _value(cell, column)))
    return out.getvalue()


def export_overview_csv(store: Store, overview: SystemOverview, path: Path) -> None:
    """Write the CSV (UTF-8 with a byte-order mark, so Excel reads £ and – correctly)."""
    write_atomically(path, overview_csv(overview).encode("utf-8-sig"))
    audit.record(store, AuditKind.EXPORT, "", None, "System overview (CSV)")
