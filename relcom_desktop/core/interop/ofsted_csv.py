"""Reading a CSV in the shape of Ofsted's published lists of children's social care providers:
the provider-level list (one row per setting), the in-year inspections and outcomes (one row
per inspection) and the lists of places.

Tolerant of what such files look like in the wild: title rows above the heading row, a
byte-order mark or Windows (cp1252) text, heading variants across years and files (see
``ofsted_headers``), extra columns, blank and footnote lines. Every row is either read cleanly
or rejected with the reason; a file that cannot be a provider list is refused whole. Where a
URN has several rows (one per inspection) the latest inspection is used and the others are
listed as superseded.
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
from relcom_desktop.core.interop.ofsted_headers import (
    JUDGEMENT,
    LA,
    PROVIDER,
    SETTING,
    SUBTYPE,
    TYPE,
    URN,
    Columns,
    match_columns,
    normalise_header,
)
from relcom_desktop.core.interop.ofsted_latest import Superseded, latest_per_urn
from relcom_desktop.core.interop.ofsted_values import FIELD_LABELS, RowValues, cell, read_row

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
    local_authority: str = ""  # as the file words them, for the import's filters
    provision_type: str = ""


@dataclass(frozen=True)
class OfstedFile:
    """What a provider list holds: readable rows and rejected ones, with line numbers."""

    name: str
    encoding: str
    columns: dict[str, str]  # our field -> the file's header
    ignored_columns: tuple[str, ...]
    rows: list[RowValues]  # one per URN: its latest inspection
    rejected: list[Rejected]
    notes: list[str] = field(default_factory=list)
    superseded: list[Superseded] = field(default_factory=list)

    def local_authorities(self) -> list[tuple[str, int]]:
        """Each local authority the file names (as first written), with its rows, A to Z."""
        return _tally(
            [r.local_authority for r in self.rows] + [r.local_authority for r in self.rejected]
        )

    def provision_types(self) -> list[tuple[str, int]]:
        return _tally(
            [r.provision_type for r in self.rows] + [r.provision_type for r in self.rejected]
        )


def _tally(values: list[str | None]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    shown: dict[str, str] = {}
    for value in values:
        if value:
            key = value.casefold()
            shown.setdefault(key, value)
            counts[key] = counts.get(key, 0) + 1
    return sorted(((shown[k], n) for k, n in counts.items()), key=lambda t: t[0].casefold())


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
            columns = match_columns([normalise_header(text) for text in row])
            if URN in columns and SETTING in columns:
                return delimiter, index, row
    raise _refuse(
        "This does not look like an Ofsted provider list: no row in the first "
        f"{HEADER_SEARCH_LINES} lines has a “URN” column and a setting name column "
        "(“Name”, “Setting name” or “Provider name”)."
    )


def _is_footnote(cells: list[str]) -> bool:
    return sum(bool(c.strip()) for c in cells) <= 1


def _notes(columns: Columns) -> list[str]:
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
    columns = match_columns([normalise_header(text) for text in header])
    body = lines[header_index + 1 :]
    if not any(line.strip() for line in body):
        raise _refuse("The file has column headings but no rows of providers.")
    used = set(columns.fields.values()) | set(columns.address)
    ignored = tuple(h.strip() for i, h in enumerate(header) if i not in used and h.strip())
    rows: list[RowValues] = []
    rejected: list[Rejected] = []
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
            rejected.append(_rejected(line, outcome, cells, columns))
        else:
            rows.append(replace(outcome, line=line))
    if not rows and not rejected:
        raise _refuse("The file has column headings but no rows of providers.")
    if progress is not None:
        progress(total, total, "Reading the file")
    latest, superseded = latest_per_urn(rows, dates_go_with_judgements=JUDGEMENT in columns)
    return OfstedFile(
        name,
        encoding,
        {k: header[i].strip() for k, i in columns.fields.items()},
        ignored,
        latest,
        rejected,
        _notes(columns),
        superseded,
    )


def _rejected(
    line: int, outcome: tuple[str, str, str], cells: list[str], columns: Columns
) -> Rejected:
    kind = cell(cells, columns, SUBTYPE) or cell(cells, columns, TYPE)
    return Rejected(line, *outcome, cell(cells, columns, LA), kind)


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
