"""Reading a CSV in the shape of Ofsted's published list of children's social care providers.

Tolerant of what such files look like in the wild: a few preamble lines before the header
row, a byte-order mark or Windows (cp1252) text, header variants across years ("URN"/"Urn",
"Setting name"/"Provider name", "Overall effectiveness"/"Overall experiences and progress of
children and young people"), extra columns, blank and footnote lines. Every row is either read
cleanly or rejected with the reason; a file that cannot be a provider list is refused whole.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from relcom_desktop.core import errors
from relcom_desktop.core.ofsted_values import (
    FIELD_LABELS,
    PROVIDER,
    SETTING,
    URN,
    RowValues,
    match_columns,
    normalise_header,
    read_row,
)

MAX_BYTES = 100 * 1024 * 1024
HEADER_SEARCH_LINES = 30
DELIMITERS = (",", "\t", ";", "|")
PROGRESS_EVERY = 250

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class ImportCancelled(errors.RelcomError):
    """The user stopped the import; nothing was changed."""


@dataclass(frozen=True)
class Rejected:
    line: int
    urn: str
    name: str
    reason: str


@dataclass(frozen=True)
class OfstedFile:
    """What a provider list holds: readable rows and rejected ones, with line numbers."""

    name: str
    encoding: str
    columns: dict[str, str]  # our field -> the file's header
    ignored_columns: tuple[str, ...]
    rows: list[RowValues]
    rejected: list[Rejected]
    notes: list[str] = field(default_factory=list)


def _refuse(message: str) -> errors.ValidationError:
    return errors.ValidationError(message)


def decode(data: bytes) -> tuple[str, str]:
    """The text of the file and the encoding it was read with; refuses non-text files."""
    if not data.strip():
        raise _refuse("The file is empty.")
    if data.startswith(b"PK\x03\x04"):
        raise _refuse(
            "This looks like an Excel workbook, not a CSV file. Open it in Excel or "
            "LibreOffice, save it as “CSV (comma delimited)”, and import that file."
        )
    if data.startswith(b"%PDF"):
        raise _refuse("This is a PDF document, not a CSV file.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise _refuse("This is not a text file, so it cannot be a CSV provider list.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def _find_header(lines: list[str]) -> tuple[str, int, list[str]]:
    """(delimiter, index of the header line, header cells) within the first lines."""
    head = lines[:HEADER_SEARCH_LINES]
    for delimiter in DELIMITERS:
        for index, row in enumerate(csv.reader(head, delimiter=delimiter)):
            names = [normalise_header(cell) for cell in row]
            columns = match_columns(names)
            if URN in columns and SETTING in columns:
                return delimiter, index, row
    raise _refuse(
        "This does not look like an Ofsted provider list: no row in the first "
        f"{HEADER_SEARCH_LINES} lines has a “URN” column and a setting name column "
        "(“Setting name” or “Provider name”)."
    )


def _is_footnote(cells: list[str]) -> bool:
    return sum(bool(c.strip()) for c in cells) <= 1


def _notes(columns: dict[str, int]) -> list[str]:
    notes = []
    if PROVIDER not in columns:
        notes.append(
            "No column names the organisation that owns each setting, so a new setting is "
            "added under a provider with its own name."
        )
    missing = [label for key, label in FIELD_LABELS.items() if key not in columns]
    if missing:
        notes.append("Not in this file, so left as they are: " + ", ".join(missing) + ".")
    return notes


def parse_text(
    text: str,
    *,
    name: str = "file",
    encoding: str = "utf-8",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> OfstedFile:
    """Read the rows of a provider list held in ``text``."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    delimiter, header_index, header = _find_header(lines)
    columns = match_columns([normalise_header(cell) for cell in header])
    body = lines[header_index + 1 :]
    if not any(line.strip() for line in body):
        raise _refuse("The file has column headings but no rows of providers.")
    used = set(columns.values())
    ignored = tuple(h.strip() for i, h in enumerate(header) if i not in used and h.strip())
    rows: list[RowValues] = []
    rejected: list[Rejected] = []
    first_line: dict[str, int] = {}
    reader = csv.reader(io.StringIO("\n".join(body)), delimiter=delimiter)
    total = len(body)
    for count, (line, cells) in enumerate(_numbered_rows(reader, header_index + 1)):
        if count % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled("The import was stopped; nothing was changed.")
            if progress is not None:
                progress(line - header_index - 1, total, "Reading the file")
        if isinstance(cells, str):
            rejected.append(Rejected(line, "", "", cells))
            continue
        if _is_footnote(cells):
            continue
        outcome = read_row(cells, columns)
        if isinstance(outcome, tuple):  # (urn, name, reason)
            rejected.append(Rejected(line, *outcome))
        elif outcome.urn in first_line:
            reason = f"URN {outcome.urn} is also on line {first_line[outcome.urn]}."
            rejected.append(Rejected(line, outcome.urn, outcome.setting_name, reason))
        else:
            first_line[outcome.urn] = line
            rows.append(replace(outcome, line=line))
    if not rows and not rejected:
        raise _refuse("The file has column headings but no rows of providers.")
    if progress is not None:
        progress(total, total, "Reading the file")
    return OfstedFile(
        name,
        encoding,
        {k: header[i].strip() for k, i in columns.items()},
        ignored,
        rows,
        rejected,
        _notes(columns),
    )


def _numbered_rows(reader: Any, lines_before: int) -> Iterator[tuple[int, list[str] | str]]:
    """(line number in the file, cells) for each row; a row the csv module cannot read
    comes as (line number, the reason)."""
    previous = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield lines_before + reader.line_num, f"This line is not valid CSV ({exc})."
        else:
            yield lines_before + previous + 1, cells
        previous = reader.line_num


def read_ofsted_csv(
    path: Path, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> OfstedFile:
    """Read a provider list file; refuses (ValidationError) a file that cannot be one."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _refuse("The file is too large to be an Ofsted provider list (over 100 MB).")
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse(f"The file {path.name} could not be read ({exc.strerror}).") from None
    text, encoding = decode(data)
    if re.fullmatch(r"\s*", text):
        raise _refuse("The file is empty.")
    return parse_text(
        text, name=path.name, encoding=encoding, progress=progress, cancelled=cancelled
    )
