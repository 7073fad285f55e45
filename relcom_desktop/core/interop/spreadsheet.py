"""Reading and writing tables of cells: CSV text and Excel workbooks (.xlsx).

Reading is tolerant of what files look like in the wild: a byte-order mark or Windows
(cp1252) text, commas, semicolons or tabs between cells, blank rows, header cells in any case
with stray spaces, and Excel's own cell types (a date cell becomes ``2024-03-31``; a whole
number stored as 1234.0 becomes ``1234``). Every cell comes back as text, with the row number
a spreadsheet program would show, so a problem can be reported as "row 12".

Writing goes through a temporary file (:mod:`relcom_desktop.core.store.files`), so a failure leaves
no half file. Text that a spreadsheet would run as a formula is kept as plain text.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relcom_desktop.core import errors
from relcom_desktop.core.errors import disk_problem
from relcom_desktop.core.store.files import atomic_text, write_atomically

MAX_BYTES = 100 * 1024 * 1024
DELIMITERS = ",;\t|"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = "£#,##0.00"


@dataclass(frozen=True)
class Sheet:
    """A table read from a file: its heading cells and its rows, as text."""

    name: str
    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (row number in the file, cells)
    read_as: str = ""  # "UTF-8", "Windows (cp1252)", "Excel workbook"
    notes: tuple[str, ...] = ()  # how the table was found: "The headings are on row 3 ..."
    sheets: tuple[str, ...] = ()  # a workbook's sheets, to choose another
    sheet: str = ""  # the one read

    def column(self, index: int) -> list[str]:
        return [cells[index] if index < len(cells) else "" for _n, cells in self.rows]

    def samples(self, index: int, count: int = 3) -> list[str]:
        """The first few non-blank values of a column, for choosing what it holds."""
        return [value for value in self.column(index) if value.strip()][:count]


def normalise_header(text: str) -> str:
    """A heading reduced to letters and digits, upper case: " Reason_place change" →
    "REASONPLACECHANGE"."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


Known = Collection[str]  # headings (normalised) that name a field: they mark the heading row
HEADING_SCAN = 30  # the heading row is looked for among the first rows that are not blank


# ---- reading -------------------------------------------------------------------------------


def decode(data: bytes, name: str = "The file") -> tuple[str, str]:
    """The text of a CSV file and how it was read (UTF-8, with or without a byte-order mark,
    else Windows cp1252)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    if b"\x00" in data[:4096] or data.startswith(b"%PDF"):
        raise errors.TransferError(f"{name} is not a CSV file or an Excel workbook.")
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows (cp1252)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def sheet_from_text(text: str, name: str = "", read_as: str = "UTF-8", known: Known = ()) -> Sheet:
    """A table from CSV text; the heading row is found as ``sheet_files.read_sheet`` says."""
    if "\x00" in text:
        raise errors.TransferError("The file holds a NUL character, so it is not a CSV list.")
    text = text.lstrip("\ufeff")
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text, known)))
    except csv.Error as exc:
        raise errors.TransferError(f"The file is not a readable CSV list ({exc}).") from None
    return table(name, enumerate(rows, start=1), read_as, known=known)


def _delimiter(text: str, known: Known = ()) -> str:
    """The character between cells: whichever of , ; tab | the heading row uses most (the
    first line that names a known heading, else the first line that is not blank)."""
    lines = [line for line in text.splitlines()[:HEADING_SCAN] if line.strip()]
    heading = lines[0] if lines else ""
    for line in lines:
        cells = (c for d in DELIMITERS for c in line.split(d))
        if sum(normalise_header(c.strip(' "')) in known for c in cells) >= 2:
            heading = line
            break
    best = max(DELIMITERS, key=heading.count)
    return best if heading.count(best) else ","


def cell_text(value: Any) -> str:
    """An Excel cell's value as text: dates as 2024-03-31, 1234.0 as 1234."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(" ", "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def table(
    name: str,
    numbered: Iterable[tuple[int, Sequence[str]]],
    read_as: str,
    empty: str | None = "The file is empty: there is no heading row.",
    known: Known = (),
    *,
    widen: bool = False,
) -> Any:
    """The table in numbered rows of cells: blank rows dropped, the heading row found.
    ``widen``: cells right of the last heading make columns with no heading (in a workbook;
    in CSV text they more likely mean a comma too many, so the row is refused)."""
    rows = [(n, cells) for n, cells in numbered if any(c.strip() for c in cells)]
    if not rows:
        if empty is None:
            return None
        raise errors.TransferError(empty)
    at = heading_index([cells for _n, cells in rows[:HEADING_SCAN]], known)
    headers = tuple(c.strip() for c in _trimmed(rows[at][1]))
    notes = ()
    if at:
        above = ", ".join(str(n) for n, _c in rows[:at])
        what = (
            f"row {above} above them (a title) was"
            if at == 1
            else f"rows {above} above them (a title) were"
        )
        notes = (f"The headings are on row {rows[at][0]}; {what} left out.",)
    body = tuple((n, tuple(cells)) for n, cells in rows[at + 1 :])
    if widen:  # cells right of the last heading are a column with no heading
        width = max((len(_trimmed(cells)) for _n, cells in body), default=0)
        headers += ("",) * (width - len(headers))
    return Sheet(name, headers, body, read_as, notes)


def heading_score(cells: Sequence[str], known: Known) -> int:
    """How many of the cells are headings RelCom Desktop knows."""
    return sum(normalise_header(c) in known for c in cells if c.strip())


def heading_index(rows: Sequence[Sequence[str]], known: Known = ()) -> int:
    """Which of the first rows is the heading row (see ``sheet_files.read_sheet``)."""
    scores = [heading_score(cells, known) for cells in rows]
    best = max(range(len(rows)), key=lambda i: scores[i])
    if scores[best] >= 2 and scores[best] > scores[0]:
        return best
    if scores[0] >= 2:
        return 0
    widths = [sum(1 for c in cells if c.strip()) for cells in rows]
    at = 0
    while at < len(rows) - 1 and not scores[at] and _title_like(widths[at], widths[at + 1 :]):
        at += 1
    return at


def _title_like(width: int, below: Sequence[int]) -> bool:
    """One or two cells over a table at least twice as wide: a title, not headings."""
    return width <= 2 and width * 2 < max(below)


def _trimmed(cells: Sequence[str]) -> Sequence[str]:
    """Cells without the blank ones at the end (a spreadsheet's unused columns)."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


# ---- writing -------------------------------------------------------------------------------


def write_csv(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, bom: bool = True
) -> int:
    """Write a CSV file (UTF-8, with a byte-order mark for Excel unless ``bom`` is False);
    returns how many rows."""
    count = 0
    with atomic_text(path, encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(headers)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def guard_formula(text: str) -> str:
    """Text a spreadsheet would run as a formula, prefixed with an apostrophe. Every text
    export a spreadsheet may open (lists, the overview, the 903 return) goes through this."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unguard_formula(text: str) -> str:
    """The text :func:`guard_formula` was given (reading our own exports back)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


@dataclass(frozen=True)
class XlsxColumn:
    heading: str
    money: bool = False  # values are pounds, shown as £1,234.00


def write_xlsx(
    path: Path,
    title: str,
    columns: Sequence[XlsxColumn],
    rows: Iterable[Sequence[Any]],
    about: Sequence[tuple[str, str]] = (),
) -> int:
    """Write an Excel workbook: the table on the first sheet (bold, frozen heading row; dates
    as dates, numbers as numbers, text never run as a formula) and ``about`` lines on a
    second sheet. Returns how many rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(title))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heads = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.heading)
        cell.font = bold
        heads.append(cell)
    sheet.append(heads)
    count = 0
    try:
        for row in rows:  # written to a temporary file as they come: the disk may fill
            sheet.append(
                [_xlsx_cell(sheet, v, c.money) for v, c in zip(row, columns, strict=False)]
            )
            count += 1
    except BaseException as exc:
        with contextlib.suppress(Exception):
            book.save(io.BytesIO())  # lets openpyxl close the sheet and remove its temp file
        full = disk_problem(exc) if isinstance(exc, Exception) else None
        if full is not None:
            raise type(full)(f"Could not save {path}: {full} Nothing was written.") from None
        raise
    if about:
        notes = book.create_sheet("About")
        for label, text in about:
            notes.append([WriteOnlyCell(notes, value=label), _xlsx_cell(notes, text, False)])
    data = io.BytesIO()  # saved in memory first: a full disk then leaves no half-closed zip
    book.save(data)
    write_atomically(path, data.getvalue())
    return count


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in title if ch not in "[]:*?/\\")
    return cleaned[:31] or "Sheet1"


def _xlsx_cell(sheet: Any, value: Any, money: bool) -> Any:
    """A value as it goes into a row: plain where it can be (fast), else a styled cell."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        text = _printable(value)
        if not text.startswith("="):
            return text
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # never a formula
        return cell
    if value is None or (isinstance(value, int | float) and not money):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, dt.datetime):
        cell.number_format = DATE_FORMAT + " hh:mm"
    elif money:
        cell.number_format = MONEY_FORMAT
    return cell


def _printable(text: str) -> str:
    """Text without the control characters an .xlsx file cannot hold."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch in "\n\t" else " " for ch in text)
