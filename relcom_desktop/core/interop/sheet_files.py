"""Reading a list of records from a file as it arrives: a CSV file (any of the usual
encodings) or an Excel workbook, refusing old .xls files and anything too large."""

from __future__ import annotations

from pathlib import Path

from relcom_desktop.core import errors
from relcom_desktop.core.interop.spreadsheet import MAX_BYTES, Known, Sheet, decode, sheet_from_text
from relcom_desktop.core.interop.workbook import read_workbook


def read_sheet(path: Path, known: Known = (), sheet: str | None = None) -> Sheet:
    """The first table in a CSV file or Excel workbook; refuses files that hold no table.

    The heading row is the first row unless a later one (among the first few) names more
    ``known`` headings, or the rows above it look like a title (one or two cells over a
    wider table): a tracker often has a title row or two above its headings. In a workbook,
    ``sheet`` names the sheet to read (else the one with the best heading row).
    """
    path = Path(path)
    data = _read_bytes(path)
    if data.startswith(b"PK\x03\x04"):
        return read_workbook(path, known, sheet)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise errors.TransferError(
            f"{path.name} is an Excel 97–2003 workbook (.xls). Open it in Excel or LibreOffice, "
            "save it as an Excel workbook (.xlsx) or as CSV, and import that file."
        )
    text, encoding = decode(data, path.name)
    return sheet_from_text(text, path.name, encoding, known)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise errors.TransferError(f"{path.name} is too large to be a list of records.")
        return path.read_bytes()
    except FileNotFoundError:
        raise errors.TransferError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise errors.TransferError(f"{path} is a folder, not a file.") from None
    except OSError as exc:
        raise errors.TransferError(f"Could not read {path}: {exc.strerror}.") from None
