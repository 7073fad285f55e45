"""Export every record to one JSON file, and import such a file into an empty data file.

The format (documented in ``docs/export-format.md``, schema in ``docs/export-schema.json``):

    {"format": "relcom-desktop-export", "format_version": 1,
     "schema_revision": "<Alembic revision>", "app_version": "0.1.0",
     "tables": {"<table>": [{"<column>": value, ...}, ...], ...}}

Tables come parents first; rows in primary-key order, one per line, so two exports of the same
data are byte-for-byte identical and diff well. It is generic over ``Base.metadata``, so a new
table or column travels without changes here. Import is all or nothing: one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Table, literal, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from relcom_desktop import __version__
from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop import rowcodec
from relcom_desktop.core.store import audit, migrate
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.store.files import atomic_text

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

FORMAT = "relcom-desktop-export"
FORMAT_VERSION = 1
BATCH = 1000
MAX_REPORTED = 60
# A new data file has these from its first run; they do not make it "hold records".
_SETTINGS: Table = m.AppSetting.__table__  # type: ignore[assignment]
_AUDIT: Table = m.AuditEvent.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class TransferSummary:
    path: Path
    rows: int
    tables: int


def _no_progress(_done: int, _total: int, _label: str) -> None:
    pass


def _check_cancel(cancelled: Cancelled | None, what: str) -> None:
    if cancelled is not None and cancelled():
        raise errors.TransferError(f"The {what} was cancelled; nothing was written.")


# ---- export --------------------------------------------------------------------------


def export_json(
    store: Store,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> TransferSummary:
    """Write every record to ``path`` (atomically), then note the export in the audit trail."""
    progress = progress or _no_progress
    path = Path(path)
    tables = rowcodec.tables()
    rows = 0
    try:
        with store.read() as session, atomic_text(path) as out:
            out.write(_header())
            for number, table in enumerate(tables):
                _check_cancel(cancelled, "export")
                progress(number, len(tables), f"Writing {table.name}")
                rows += _write_table(session, table, out, first=number == 0)
            out.write("\n  }\n}\n")
    except OSError as exc:
        raise errors.TransferError(f"Could not write {path}: {exc.strerror}.") from None
    progress(len(tables), len(tables), "Done")
    audit.record(store, AuditKind.EXPORT, "all records", detail=f"JSON, {rows} rows")
    return TransferSummary(path, rows, len(tables))


def _header() -> str:
    head = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": migrate.SCHEMA_HEAD,
        "app_version": __version__,
    }
    lines = [f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    return "{\n" + "\n".join(lines) + '\n  "tables": {'


def _write_table(session: Session, table: Table, out: IO[str], *, first: bool) -> int:
    out.write(("" if first else ",") + f"\n    {json.dumps(table.name)}: [")
    stmt = select(table).order_by(*table.primary_key.columns)
    count = 0
    for row in session.execute(stmt):
        line = json.dumps(rowcodec.encode_row(table, row), ensure_ascii=False)
        out.write(("\n" if count == 0 else ",\n") + f"      {line}")
        count += 1
    out.write("\n    ]" if count else "]")
    return count


# ---- import --------------------------------------------------------------------------


def import_json(
    store: Store,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> TransferSummary:
    """Load an export file into this (empty) data file: all of it, or nothing."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = json.load(fh, parse_constant=_no_constants)
    except FileNotFoundError:
        raise errors.TransferError(f"There is no file {path}.") from None
    except OSError as exc:
        raise errors.TransferError(f"Could not read {path}: {exc.strerror}.") from None
    except (ValueError, RecursionError):
        raise errors.TransferError(
            f"{path.name} is not a RelCom Desktop export: it is not valid JSON."
        ) from None
    rows, count = import_data(store, data, progress=progress, cancelled=cancelled)
    return TransferSummary(path, rows, count)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def import_data(
    store: Store,
    data: Any,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[int, int]:
    """Check and insert already-parsed export data; returns (rows, tables)."""
    progress = progress or _no_progress
    tables = _checked_tables(data)
    rows = 0
    try:
        with errors.disk_full_said("Nothing was imported."), store.write() as session:
            session.execute(text("PRAGMA defer_foreign_keys = ON"))
            _require_empty(session)
            own_events = _make_room(session, tables)
            for number, table in enumerate(t for t in rowcodec.tables() if t.name in tables):
                _check_cancel(cancelled, "import")
                progress(number, len(tables), f"Reading {table.name}")
                rows += _insert_table(session, table, tables[table.name])
            _check_links(session)
            _put_back(session, own_events)
    except DBAPIError as exc:
        raise errors.TransferError(
            f"The file could not be imported ({_plain_db_error(exc)}); nothing was written."
        ) from None
    progress(len(tables), len(tables), "Done")
    return rows, len(tables)


def _checked_tables(data: Any) -> dict[str, list[Any]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise errors.TransferError(
            "This is not a RelCom Desktop export file (it does not say it is one)."
        )
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise errors.TransferError("The export file does not say which format version it is.")
    revision = data.get("schema_revision")
    if version > FORMAT_VERSION or (
        isinstance(revision, str) and revision not in migrate.known_revisions()
    ):
        raise errors.TransferError(
            "The export file comes from a newer version of RelCom Desktop. Install the latest "
            "version to import it."
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise errors.TransferError("The export file has no tables of records.")
    for name, rows in tables.items():
        if rowcodec.table_named(name) is None:
            raise errors.TransferError(
                f"The export file holds records of a kind this version does not know "
                f"({json.dumps(name)[:40]}); it may come from a newer version."
            )
        if not isinstance(rows, list):
            raise errors.TransferError(f"In the export file, {name} is not a list of records.")
    return tables


def record_kinds() -> list[str]:
    """The name of every kind of record an import may bring (its table's name)."""
    return [table.name for table in rowcodec.tables()]


def holds_records(store: Store) -> bool:
    """True once the data file holds any record (its own preferences and audit trail, which
    a new file has from its first run, do not count): a whole export goes only into one
    that does not."""
    with store.read() as session:
        return _holds_records(session)


def _holds_records(session: Session) -> bool:
    return any(
        session.scalar(select(literal(1)).select_from(table).limit(1))
        for table in rowcodec.tables()
        if table.name not in (_SETTINGS.name, _AUDIT.name)
    )


def _require_empty(session: Session) -> None:
    if _holds_records(session):
        raise errors.TransferError(
            "This data file already holds records. Import into a new, empty data folder "
            "(relcom --data-dir NEW-FOLDER import --json FILE)."
        )


def _make_room(session: Session, tables: dict[str, list[Any]]) -> list[dict[str, Any]]:
    """Make way for the file's preferences (they replace this file's) and audit trail; returns
    this file's own audit events, which go back after the imported ones."""
    rows = tables.get(_SETTINGS.name, [])
    keys = [r["key"] for r in rows if isinstance(r, dict) and isinstance(r.get("key"), str)]
    session.execute(_SETTINGS.delete().where(_SETTINGS.c.key.in_(keys)))
    own = [dict(row._mapping) for row in session.execute(select(_AUDIT).order_by(_AUDIT.c.id))]
    session.execute(_AUDIT.delete())
    return [{k: v for k, v in event.items() if k != "id"} for event in own]


def _put_back(session: Session, own_events: list[dict[str, Any]]) -> None:
    if own_events:
        session.execute(_AUDIT.insert(), own_events)


def _insert_table(session: Session, table: Table, rows: list[Any]) -> int:
    batch: list[dict[str, Any]] = []
    for number, raw in enumerate(rows, start=1):
        try:
            batch.append(rowcodec.decode_row(table, raw))
        except ValueError as exc:
            raise errors.TransferError(
                f"Record {number} of {table.name} {exc}. Nothing was imported."
            ) from None
        if len(batch) == BATCH:
            _insert(session, table, batch, number)
            batch = []
    if batch:
        _insert(session, table, batch, len(rows))
    return len(rows)


def _insert(session: Session, table: Table, batch: list[dict[str, Any]], last: int) -> None:
    # Rows may name different columns (older files); insert each shape on its own.
    shapes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in batch:
        shapes.setdefault(tuple(row), []).append(row)
    try:
        for shaped in shapes.values():
            session.execute(table.insert(), shaped)
    except DBAPIError as exc:
        if errors.disk_problem(exc) is not None:
            raise  # said once, for the whole import
        first = last - len(batch) + 1
        raise errors.TransferError(
            f"Records {first}–{last} of {table.name} could not be stored "
            f"({_plain_db_error(exc)}). Nothing was imported."
        ) from None


def _check_links(session: Session) -> None:
    broken = session.execute(text("PRAGMA foreign_key_check")).first()
    if broken is not None:
        table, rowid, parent = broken[0], broken[1], broken[2]
        raise errors.TransferError(
            f"In the export file, record {rowid} of {table} refers to a {parent} record "
            "that is not in the file. Nothing was imported."
        )


def _plain_db_error(exc: DBAPIError) -> str:
    message = str(exc.orig).lower()
    if "unique" in message or "primary key" in message:
        return "two records have the same identity"
    if "not null" in message:
        return "a required field is empty"
    if "foreign key" in message:
        return "a record refers to one that is not in the file"
    if "full" in message:
        return "the disk is full"
    return str(exc.orig)[:MAX_REPORTED]


# ---- the documented schema -----------------------------------------------------------

_JSON_TYPES: dict[str, dict[str, Any]] = {
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "text": {"type": "string"},
    "date": {"type": "string", "format": "date"},
    "datetime": {"type": "string", "format": "date-time", "description": "UTC, no zone"},
    "json": {},
}


def _column_schema(column: Any) -> dict[str, Any]:
    kind = rowcodec.kind_of(column)
    if kind == "enum":
        values = [member.value for member in rowcodec.enum_class(column)]
        schema: dict[str, Any] = {"enum": values}
    else:
        schema = dict(_JSON_TYPES[kind])
    if column.nullable:
        schema = {"anyOf": [schema, {"type": "null"}]} if schema else {}
    return schema


def json_schema() -> dict[str, Any]:
    """A JSON Schema (2020-12) of the export format, generated from the data model."""
    tables = {
        table.name: {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": [c.name for c in table.columns if rowcodec.is_required(c)],
                "properties": {c.name: _column_schema(c) for c in table.columns},
            },
        }
        for table in rowcodec.tables()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "RelCom Desktop export",
        "type": "object",
        "required": ["format", "format_version", "schema_revision", "tables"],
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "schema_revision": {
                "type": "string",
                "description": "the Alembic revision of the data model that wrote the file",
            },
            "app_version": {"type": "string"},
            "tables": {"type": "object", "additionalProperties": False, "properties": tables},
        },
    }
