"""CSV export of each list (children, placements, providers, journal, ...) for spreadsheets.

Columns follow the table (with the names of linked children, settings and providers added),
headed in plain words: ``date_of_birth`` becomes "Date of birth", ``weekly_fee_pence`` becomes
"Weekly fee (£)" in pounds. Codes show their labels, dates are ISO (2024-03-31) so
spreadsheets sort them. Records in the Trash are left out. Cells that a spreadsheet would run
as a formula are prefixed with an apostrophe. The file is written atomically, UTF-8 with a
byte-order mark so Excel reads it correctly.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Select, select
from sqlalchemy.orm import aliased

from relcom_desktop.core import audit, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.files import atomic_text

Progress = Callable[[int, int, str], None]

HIDDEN = frozenset({"deleted_at", "created_at", "updated_at"})
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PENCE = "_pence"
# A foreign key to one of these gets a readable column with the linked record's name.
NAMED: dict[str, tuple[type, str, str]] = {
    "child_id": (m.Child, "preferred_name", "Child"),
    "provider_id": (m.Provider, "name", "Provider"),
    "setting_id": (m.Setting, "name", "Setting"),
    "meeting_id": (m.Meeting, "title", "Meeting"),
}
WORDS = {"id": "Id", "la": "LA", "iro": "IRO", "upn": "UPN", "urn": "URN", "ofsted": "Ofsted"}


@dataclass(frozen=True)
class CsvList:
    key: str
    title: str
    model: type
    order: str


LISTS: tuple[CsvList, ...] = (
    CsvList("children", "Children", m.Child, "preferred_name"),
    CsvList("family-links", "Family and community links", m.FamilyLink, "child_id"),
    CsvList("placements", "Placements", m.Placement, "start_date"),
    CsvList("check-ins", "Check-ins", m.CheckIn, "held_on"),
    CsvList("providers", "Providers", m.Provider, "name"),
    CsvList("settings", "Settings", m.Setting, "name"),
    CsvList("contacts", "Contacts", m.ContactPerson, "name"),
    CsvList("journal", "Journal entries", m.JournalEntry, "occurred_on"),
    CsvList("meetings", "Meetings", m.Meeting, "starts_at"),
    CsvList("actions", "Actions", m.Action, "due_on"),
    CsvList("reflections", "Reflections", m.Reflection, "written_on"),
    CsvList("audit", "Audit log", m.AuditEvent, "at"),
)
LIST_KEYS = tuple(item.key for item in LISTS)


def find_list(key: str) -> CsvList:
    for item in LISTS:
        if item.key == key:
            return item
    raise errors.ValidationError(
        f"There is no list called {key!r}. Choose one of: {', '.join(LIST_KEYS)}."
    )


def header_for(name: str) -> str:
    """A column's heading in plain words."""
    if name.endswith(PENCE):
        return header_for(name[: -len(PENCE)]) + " (£)"
    words = [WORDS.get(w, w) for w in name.split("_")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def _columns(item: CsvList) -> list[Column]:
    columns = [c for c in item.model.__table__.columns if c.name not in HIDDEN]
    return sorted(columns, key=lambda c: c.name != "id")  # the id first, then table order


def _query(item: CsvList) -> tuple[Select, list[str]]:
    model = item.model
    columns = _columns(item)
    selected: list[Any] = [model.__table__.c[c.name] for c in columns]
    headers = [header_for(c.name) for c in columns]
    stmt = select(*selected)
    for column in columns:
        if column.name in NAMED:
            target, attr, heading = NAMED[column.name]
            linked = aliased(target)
            stmt = stmt.add_columns(getattr(linked, attr)).outerjoin(
                linked, linked.id == model.__table__.c[column.name]
            )
            headers.append(f"{heading} name")
    if "deleted_at" in model.__table__.c:
        stmt = stmt.where(model.__table__.c.deleted_at.is_(None))
    return stmt.order_by(model.__table__.c[item.order], model.__table__.c.id), headers


def cell(value: Any, name: str = "") -> str:
    """One value as spreadsheet text."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        text = getattr(value, "label", str(value.value))
    elif isinstance(value, bool):
        text = "Yes" if value else "No"
    elif isinstance(value, dt.datetime):
        text = value.isoformat(" ", "minutes")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, int) and name.endswith(PENCE):
        text = f"{value / 100:.2f}"
    elif isinstance(value, list | dict):
        text = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
    else:
        text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


@dataclass(frozen=True)
class CsvSummary:
    path: Path
    rows: int


def export_csv(
    store: Store, key: str, path: Path, *, progress: Progress | None = None
) -> CsvSummary:
    """Write the list ``key`` (see :data:`LIST_KEYS`) to ``path``; audited."""
    item = find_list(key)
    stmt, headers = _query(item)
    names = [c.name for c in _columns(item)]
    rows = 0
    try:
        with (
            store.read() as session,
            atomic_text(Path(path), encoding="utf-8-sig", newline="") as fh,
        ):
            writer = csv.writer(fh)
            writer.writerow(headers)
            for row in session.execute(stmt.execution_options(yield_per=1000)):
                writer.writerow(
                    [cell(v, names[i] if i < len(names) else "") for i, v in enumerate(row)]
                )
                rows += 1
                if progress is not None and rows % 1000 == 0:
                    progress(rows, 0, f"Writing {item.title.lower()}")
    except OSError as exc:
        raise errors.TransferError(f"Could not write {path}: {exc.strerror}.") from None
    audit.record(store, AuditKind.EXPORT, item.key, detail=f"CSV, {rows} rows")
    return CsvSummary(Path(path), rows)
