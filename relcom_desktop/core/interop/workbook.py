"""Reading the table in an Excel workbook (.xlsx), as trackers are really kept.

* Several sheets: the one whose heading row names the most known headings is read (the
  active sheet wins a tie; hidden sheets only when no visible one has a table).
* A title row (often merged across the columns) above the headings: found and left out, as
  :func:`relcom_desktop.core.interop.spreadsheet.table` does for CSV.
* Formulas: the value Excel last worked out is read. A formula with no such value (a file
  saved by a program that does not calculate) is worked out here when it is simple
  arithmetic on this sheet's cells (``=E5*7``); any other is read as its text,
  ``=SUM(J3:J20)``, so a totals row is still recognised and a cell that needs Excel says so
  instead of looking blank.
* A cell merged down over several rows (a child's name beside each of their placements)
  counts for each of those rows.
* Hidden rows are read like any other: they hold records, just not shown.
"""

from __future__ import annotations

import ast
import operator
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice, zip_longest
from pathlib import Path
from typing import Any

from relcom_desktop.core import errors
from relcom_desktop.core.interop.spreadsheet import (
    HEADING_SCAN,
    Known,
    Sheet,
    cell_text,
    heading_index,
    heading_score,
    table,
)

READ_AS = "Excel workbook"
FUNCTION = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\s*\(")
CELL = re.compile(r"\$?([A-Z]{1,3})\$?([0-9]+)")
ARITHMETIC = re.compile(r"[0-9.eE+\-*/() ]+")
OPERATORS: dict[type, Any] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}
MERGED = re.compile(r'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


def read_workbook(path: Path, known: Known = (), sheet: str | None = None) -> Sheet:
    """The table on the sheet with the best heading row, or on the sheet called ``sheet``."""
    values = _open(path, data_only=True)
    try:
        formulas = _open(path, data_only=False)
    except BaseException:
        values.close()
        raise
    try:
        return _read(path, values, formulas, known, sheet)
    finally:
        values.close()
        formulas.close()


def _open(path: Path, *, data_only: bool) -> Any:
    import openpyxl  # loaded only when a workbook is read

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError):
        raise errors.TransferError(
            f"{path.name} could not be read as an Excel workbook. It may be damaged or "
            "protected with a password."
        ) from None


def _read(path: Path, values: Any, formulas: Any, known: Known, chosen: str | None) -> Sheet:
    titles = [ws.title for ws in values.worksheets]
    title = chosen if chosen in titles else _best_sheet(values, known)
    if title is None:
        raise errors.TransferError(f"{path.name} is empty: no sheet has a heading row.")
    rows = list(_rows(path, values[title], formulas[title]))
    worked_out = work_out_formulas(rows)
    empty = f"The sheet {title!r} is empty: it has no heading row."
    read: Sheet = table(f"{path.name} ({title})", rows, READ_AS, empty, known, widen=True)
    notes = list(read.notes)
    if worked_out:
        notes.append(
            f"{worked_out} simple {'formula' if worked_out == 1 else 'formulas'} (like =E5*7) "
            "had no value saved by Excel, so RelCom Desktop worked them out."
        )
    others = [t for t in titles if t != title]
    if others:
        notes.insert(
            0, f"The sheet {title!r} was read; the other sheets ({', '.join(others)}) were not."
        )
    return replace(read, notes=tuple(notes), sheets=tuple(titles), sheet=title)


def work_out_formulas(rows: list[tuple[int, list[str]]]) -> int:
    """Replace each simple formula with no saved value (cells, numbers and + - * / only, on
    this sheet) by its value, where every cell it uses holds a number; returns how many."""
    grid = {number: cells for number, cells in rows}
    done = 0
    for _number, cells in rows:
        for index, text in enumerate(cells):
            if text.startswith("="):
                value = _arithmetic(text[1:], grid)
                if value is not None:
                    cells[index] = cell_text(value)
                    done += 1
    return done


def _arithmetic(formula: str, grid: dict[int, list[str]]) -> float | None:
    if FUNCTION.search(formula) or "!" in formula:
        return None
    try:
        expression = CELL.sub(lambda m: _number_at(grid, m.group(1), int(m.group(2))), formula)
        if not ARITHMETIC.fullmatch(expression):
            return None
        return _evaluate(ast.parse(expression, mode="eval").body)
    except (ValueError, SyntaxError, ZeroDivisionError, OverflowError, RecursionError):
        return None


def _number_at(grid: dict[int, list[str]], column: str, row: int) -> str:
    from openpyxl.utils.cell import column_index_from_string

    cells = grid.get(row, [])
    index = column_index_from_string(column) - 1
    text = cells[index].strip() if index < len(cells) else ""
    return f"({float(text)!r})" if text else "(0.0)"  # ValueError if not a number


def _evaluate(node: ast.AST) -> float:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        value = _evaluate(node.operand)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp) and type(node.op) in OPERATORS:
        return OPERATORS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    raise ValueError("not simple arithmetic")


def _best_sheet(book: Any, known: Known) -> str | None:
    """The title of the sheet with the best heading row, or None if every sheet is blank."""
    order = [book.active, *(ws for ws in book.worksheets if ws is not book.active)]
    best: tuple[int, int, str] | None = None
    for ws in order:
        if ws is None:
            continue
        texts = (cells for cells in _texts(ws) if any(c.strip() for c in cells))
        rows = list(islice(texts, HEADING_SCAN))
        if not rows:
            continue
        score = heading_score(rows[heading_index(rows, known)], known)
        visible = int(getattr(ws, "sheet_state", "visible") == "visible")
        if best is None or (visible, score) > best[:2]:
            best = (visible, score, ws.title)
    return None if best is None else best[2]


def _texts(ws: Any) -> Iterator[list[str]]:
    _reset(ws)
    for values in ws.iter_rows(values_only=True):
        yield [cell_text(v) for v in values]


def _rows(path: Path, ws: Any, formulas: Any) -> Iterator[tuple[int, list[str]]]:
    """Each row's cells as text, a formula's text where Excel kept no value for it, and a
    cell merged down over several rows repeated in each of them."""
    _reset(ws)
    _reset(formulas)
    merged = _merged_down(path, ws)
    carried: dict[tuple[int, int], str] = {}
    pairs = zip_longest(ws.iter_rows(values_only=True), formulas.iter_rows(values_only=True))
    for number, (values, written) in enumerate(pairs, start=1):
        cells = [_cell(v, f) for v, f in zip_longest(values or (), written or ())]
        for first_col, first_row, last_col, last_row in merged:
            if first_row <= number <= last_row:
                _fill(cells, carried, (first_col, first_row), last_col, number == first_row)
        yield number, cells


def _fill(
    cells: list[str], carried: dict[tuple[int, int], str], start: tuple[int, int],
    last_col: int, first: bool,
) -> None:  # fmt: skip
    col = start[0]
    if first:
        carried[start] = cells[col - 1] if col <= len(cells) else ""
        return
    cells.extend([""] * (last_col - len(cells)))
    for index in range(col - 1, last_col):
        cells[index] = cells[index] or carried.get(start, "")


def _merged_down(path: Path, ws: Any) -> list[tuple[int, int, int, int]]:
    """The merged ranges that span more than one row (a title merged across is left as it
    is): (first column, first row, last column, last row)."""
    from openpyxl.utils.cell import range_boundaries

    where = getattr(ws, "_worksheet_path", None)
    if not where:
        return []
    try:
        with zipfile.ZipFile(path) as book:
            xml = book.read(where.lstrip("/")).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return []
    ranges = [range_boundaries(ref) for ref in MERGED.findall(xml)]
    return [r for r in ranges if r[3] > r[1]]


def _cell(value: Any, formula: Any) -> str:
    if value is None and isinstance(formula, str) and formula.startswith("="):
        return formula
    if value is None and formula is not None and hasattr(formula, "text"):
        return str(formula.text)  # an array formula
    return cell_text(value)


def _reset(ws: Any) -> None:
    """Read every cell, whatever size the file claims the sheet is (some programs write a
    wrong size, which would cut columns off)."""
    reset = getattr(ws, "reset_dimensions", None)
    if reset is not None:
        reset()
