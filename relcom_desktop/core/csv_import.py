"""Import children or providers from a CSV file (such as one this app exported).

Headings are matched to fields the way :mod:`csv_export` writes them ("Date of birth",
"Legal status", ...), in any order and case. Columns that only an export has (id, linked
names) are ignored; any other unknown heading is refused. Codes may be given as the code or
its label; dates as 2024-03-31 or 31/03/2024. Every row is checked by the same rules as the
forms, and the whole file goes in as one transaction: all rows, or none.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from relcom_desktop.core import children, errors, providers
from relcom_desktop.core.crud import SYSTEM_FIELDS
from relcom_desktop.core.csv_export import FORMULA_START, PENCE, find_list, header_for
from relcom_desktop.core.db import Store

MAX_BYTES = 50 * 1024 * 1024
TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0"}
EXPORT_ONLY = {"id", "archived at"}


@dataclass(frozen=True)
class Importer:
    record: type
    create_in: Callable[..., Any]
    noun: str


IMPORTERS: dict[str, Importer] = {
    "children": Importer(children.Child, children.create_child_in, "child"),
    "providers": Importer(providers.Provider, providers.create_provider_in, "provider"),
}
IMPORTABLE = tuple(IMPORTERS)


def _fields(record: type) -> dict[str, Any]:
    hints = typing.get_type_hints(record)
    return {
        f.name: hints[f.name]
        for f in dataclasses.fields(record)
        if f.name not in SYSTEM_FIELDS and f.name != "archived_at"
    }


def _plain_type(hint: Any) -> tuple[type, bool]:
    """The field's type without ``| None``, and whether None is allowed."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


def parse_cell(text: str, hint: Any, name: str) -> Any:
    """A CSV cell converted for a field; ValueError says why not."""
    kind, optional = _plain_type(hint)
    value = text.strip()
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        value = value[1:]  # our own export's guard against spreadsheet formulas
    if not value:
        return None if optional else ("" if kind is str else _missing())
    if kind is str:
        return value
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind.parse(value)  # type: ignore[attr-defined]
    if kind is bool:
        if value.lower() in TRUE | FALSE:
            return value.lower() in TRUE
        raise ValueError(f"{value!r} is not yes or no")
    if kind is int:
        return (
            round(float(value.replace("£", "").replace(",", "")) * 100)
            if name.endswith(PENCE)
            else int(value)
        )
    if kind is dt.date:
        return _date(value)
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value)
    raise ValueError(f"cannot read {value!r}")


def _missing() -> Any:
    raise ValueError("is empty")


def _date(value: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{value!r} is not a date like 2024-03-31 or 31/03/2024")


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise errors.TransferError(f"There is no file {path}.") from None
    except OSError as exc:
        raise errors.TransferError(f"Could not read {path}: {exc.strerror}.") from None
    if len(raw) > MAX_BYTES:
        raise errors.TransferError(f"{path.name} is too large to be a list of records.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise errors.TransferError(f"{path.name} is not a text file that can be read.")


def import_csv(store: Store, key: str, path: Path) -> int:
    """Add the records in CSV file ``path`` to the list ``key``; returns how many."""
    return import_csv_text(store, key, _read_text(Path(path)))


def import_csv_text(store: Store, key: str, text: str) -> int:
    if key not in IMPORTERS:
        find_list(key)  # an unknown list name gets the full explanation
        raise errors.ValidationError(
            f"Only these lists can be imported from CSV: {', '.join(IMPORTABLE)}."
        )
    importer = IMPORTERS[key]
    fields = _fields(importer.record)
    if "\x00" in text:
        raise errors.TransferError("The file holds a NUL character, so it is not a CSV list.")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise errors.TransferError(f"The file is not a readable CSV list ({exc}).") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise errors.TransferError("The file is empty: there is no heading row.")
    columns = _match_headings(rows[0], fields)
    with store.write() as session:
        for number, row in enumerate(rows[1:], start=2):
            record = _record(importer, fields, columns, row, number)
            try:
                importer.create_in(session, record)
            except errors.ValidationError as exc:
                raise errors.TransferError(f"Row {number}: {exc} Nothing was imported.") from None
    return len(rows) - 1


def _match_headings(headings: list[str], fields: dict[str, Any]) -> list[str | None]:
    by_heading = {header_for(name).casefold(): name for name in fields}
    by_heading.update({name.casefold(): name for name in fields})
    matched: list[str | None] = []
    for heading in headings:
        key = heading.strip().casefold()
        if key in by_heading:
            matched.append(by_heading[key])
        elif key in EXPORT_ONLY or key.endswith(" name") or not key:
            matched.append(None)
        else:
            known = ", ".join(header_for(n) for n in fields)
            raise errors.TransferError(
                f"The column {heading.strip()[:40]!r} is not one RelCom Desktop knows. "
                f"Use these headings: {known}."
            )
    if len(set(filter(None, matched))) != len(list(filter(None, matched))):
        raise errors.TransferError("A column heading appears twice in the file.")
    return matched


def _record(
    importer: Importer,
    fields: dict[str, Any],
    columns: list[str | None],
    row: list[str],
    number: int,
) -> Any:
    if len(row) > len(columns):
        raise errors.TransferError(f"Row {number} has more cells than there are headings.")
    values = {}
    for name, text in zip(columns, row, strict=False):
        if name is None:
            continue
        try:
            values[name] = parse_cell(text, fields[name], name)
        except ValueError as exc:
            raise errors.TransferError(
                f"Row {number}, {header_for(name)}: {exc}. Nothing was imported."
            ) from None
    try:
        return importer.record(**values)
    except TypeError:
        raise errors.TransferError(
            f"Row {number} has no {importer.noun} name. Nothing was imported."
        ) from None
