"""Export of each list (children, placements, providers, journal, ...) for spreadsheets, as
CSV or as an Excel workbook, either whole or narrowed by the filters of the list's page.

Columns follow the table (with the names of linked children, settings and providers added),
headed in plain words: ``date_of_birth`` becomes "Date of birth", ``weekly_fee_pence`` becomes
"Weekly fee (£)" in pounds. Codes show their labels, dates are ISO (2024-03-31) so
spreadsheets sort them. Records in the Trash are left out. In a CSV file, cells that a
spreadsheet would run as a formula are prefixed with an apostrophe; in a workbook they are
plain text cells, dates are date cells and money is pounds. The file is written atomically;
CSV is UTF-8 with a byte-order mark so Excel reads it correctly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Select, func, select
from sqlalchemy.orm import Session, aliased

from relcom_desktop.core import actions, child_list, errors, journal, meeting_list, providers
from relcom_desktop.core import models as m
from relcom_desktop.core.actions import ActionFilter
from relcom_desktop.core.child_list import ChildFilter
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop.spreadsheet import XlsxColumn, guard_formula, write_csv, write_xlsx
from relcom_desktop.core.journal import JournalFilter
from relcom_desktop.core.list_names import LIST_KEYS, LIST_TITLES
from relcom_desktop.core.meeting_list import MeetingFilter
from relcom_desktop.core.providers import ProviderFilter
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
PROGRESS_EVERY = 1000

HIDDEN = frozenset({"deleted_at", "created_at", "updated_at"})
PENCE = "_pence"
XLSX = ".xlsx"
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


_SOURCES: dict[str, tuple[type, str]] = {
    "children": (m.Child, "preferred_name"),
    "family-links": (m.FamilyLink, "child_id"),
    "placements": (m.Placement, "start_date"),
    "check-ins": (m.CheckIn, "held_on"),
    "providers": (m.Provider, "name"),
    "settings": (m.Setting, "name"),
    "contacts": (m.ContactPerson, "name"),
    "journal": (m.JournalEntry, "occurred_on"),
    "meetings": (m.Meeting, "starts_at"),
    "actions": (m.Action, "due_on"),
    "reflections": (m.Reflection, "written_on"),
    "audit": (m.AuditEvent, "at"),
}
LISTS: tuple[CsvList, ...] = tuple(
    CsvList(key, LIST_TITLES[key], *_SOURCES[key]) for key in LIST_KEYS
)


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
    return guard_formula(text)


@dataclass(frozen=True)
class Scope:
    """How a page's filter narrows a list: ``ids(session, filter)`` selects the ids that the
    list's ``column`` must be one of."""

    filter_type: type
    column: str
    ids: Callable[[Session, Any], Select]


SCOPES: dict[str, Scope] = {
    "children": Scope(ChildFilter, "id", child_list.matching_child_ids),
    "family-links": Scope(ChildFilter, "child_id", child_list.matching_child_ids),
    "placements": Scope(ChildFilter, "child_id", child_list.matching_child_ids),
    "check-ins": Scope(ChildFilter, "child_id", child_list.matching_child_ids),
    "providers": Scope(ProviderFilter, "id", providers.matching_provider_ids),
    "settings": Scope(ProviderFilter, "provider_id", providers.matching_provider_ids),
    "contacts": Scope(ProviderFilter, "provider_id", providers.matching_provider_ids),
    "journal": Scope(JournalFilter, "id", journal.matching_entry_ids),
    "actions": Scope(ActionFilter, "id", actions.matching_action_ids),
    "meetings": Scope(MeetingFilter, "id", meeting_list.matching_meeting_ids),
}


def filter_type(key: str) -> type | None:
    """The kind of filter (a page's ``current_filter()``) that can narrow the list ``key``."""
    scope = SCOPES.get(key)
    return scope.filter_type if scope else None


def _narrowed(session: Session, item: CsvList, stmt: Select, filt: Any) -> Select:
    scope = SCOPES.get(item.key)
    if scope is None or not isinstance(filt, scope.filter_type):
        raise errors.ValidationError(f"The {item.title.lower()} list cannot be filtered that way.")
    column = item.model.__table__.c[scope.column]
    return stmt.where(column.in_(scope.ids(session, filt)))


def _typed(value: Any, name: str) -> Any:
    """One value for an Excel cell: dates stay dates, money is pounds, codes their labels."""
    if isinstance(value, Enum):
        return getattr(value, "label", str(value.value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, int) and name.endswith(PENCE):
        return value / 100
    if isinstance(value, list | dict):
        return cell(value)
    return value


@dataclass(frozen=True)
class CsvSummary:
    path: Path
    rows: int


def export_csv(
    store: Store,
    key: str,
    path: Path,
    *,
    filt: Any = None,
    excel: bool | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> CsvSummary:
    """Write the list ``key`` (see :data:`LIST_KEYS`) to ``path``: a CSV file, or an Excel
    workbook if ``excel`` (by default, when the name ends in .xlsx). With ``filt`` (the
    filter of the list's page, see :func:`filter_type`) only the records that page shows
    are written. Audited. ``cancelled()`` returning True stops it, writing nothing."""
    item = find_list(key)
    path = Path(path)
    excel = path.suffix.lower() == XLSX if excel is None else excel
    stmt, headers = _query(item)
    names = [c.name for c in _columns(item)]
    names += [""] * (len(headers) - len(names))
    with store.read() as session:
        if filt is not None:
            stmt = _narrowed(session, item, stmt, filt)
        total = _total(session, item, stmt) if progress is not None else 0
        found = session.execute(stmt.execution_options(yield_per=1000))
        rows = _counted(found, f"Writing {item.title.lower()}", total, progress, cancelled)
        if excel:
            columns = [
                XlsxColumn(h, n.endswith(PENCE)) for h, n in zip(headers, names, strict=True)
            ]
            about = _about(item, filt)
            typed = ([_typed(v, n) for v, n in zip(row, names, strict=True)] for row in rows)
            count = write_xlsx(path, item.title, columns, typed, about)
        else:
            text = ([cell(v, n) for v, n in zip(row, names, strict=True)] for row in rows)
            count = write_csv(path, headers, text)
    kind = "Excel" if excel else "CSV"
    detail = f"{kind}, {count} rows" + (", filtered" if filt is not None else "")
    audit.record(store, AuditKind.EXPORT, item.key, detail=detail)
    return CsvSummary(path, count)


export_list = export_csv  # the same for both formats


def _total(session: Session, item: CsvList, stmt: Select) -> int:
    ids = stmt.with_only_columns(item.model.__table__.c.id).order_by(None).subquery()
    return session.scalar(select(func.count()).select_from(ids)) or 0


def _counted(
    rows: Iterable[Any],
    label: str,
    total: int,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> Iterator[Any]:
    for done, row in enumerate(rows, start=1):
        yield row
        if done % PROGRESS_EVERY == 0 or done == 1:
            if cancelled is not None and cancelled():
                raise errors.TransferError("The export was stopped; nothing was written.")
            if progress is not None:
                progress(done, total, label)


def _about(item: CsvList, filt: Any) -> list[tuple[str, str]]:
    which = "Only those the page's filters showed" if filt is not None else "All"
    return [
        ("List", item.title),
        ("Exported", dt.datetime.now().strftime("%d %b %Y %H:%M")),
        ("Records", f"{which} (records in the Trash are left out)"),
        ("Handling", "OFFICIAL-SENSITIVE: personal data about children. Keep it safe and "
         "delete it when it is no longer needed."),
    ]  # fmt: skip
