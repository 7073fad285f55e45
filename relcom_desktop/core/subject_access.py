"""Everything the file holds about one child, for a subject access request.

Which records belong to the child is worked out from the foreign keys of ``Base.metadata`` (so
new tables are included without changes here):

1. rows of any table with a column referring to the child (placements, check-ins, actions...);
2. for a link table (journal entries, meetings, Reg 40 notifications that name the child), the
   linked record itself;
3. the parts owned by any record found so far (a check-in's outcome ratings, a meeting's agenda
   and decisions), found through foreign keys that cascade on delete;
4. the settings and providers those records refer to, so the export reads on its own.

``collect`` gathers them; ``write_json`` writes them as JSON. The readable PDF and the export
of both into a folder are in ``reports/subject_access.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from relcom_desktop import __version__
from relcom_desktop.core import clock, errors, preferences
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop import rowcodec
from relcom_desktop.core.store import audit, migrate
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.store.files import atomic_text

FORMAT = "relcom-desktop-subject-access"
CONTEXT_TABLES = ("setting", "provider")
Rows = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class ChildRecords:
    child: dict[str, Any]
    records: Rows  # table name -> rows (JSON values), about the child
    context: Rows  # settings and providers the records refer to
    produced_on: dt.date
    produced_by: str
    authority: str


def is_link_table(table: Table) -> bool:
    return len(table.foreign_keys) >= 2 and all(c.primary_key for c in table.columns)


def _refs(table: Table, target: str) -> list[Any]:
    return [fk for fk in table.foreign_keys if fk.column.table.name == target]


def _select_rows(session: Session, table: Table, column: Any, ids: Iterable[int]) -> list[Any]:
    ids = sorted(set(ids))
    found: list[Any] = []
    for start in range(0, len(ids), 500):
        stmt = select(table).where(column.in_(ids[start : start + 500]))
        found.extend(session.execute(stmt.order_by(*table.primary_key.columns)))
    return found


def collect(store: Store, child_id: int) -> ChildRecords:
    """Gather every record about the child (raises NotFoundError for an unknown child)."""
    child_table = rowcodec.table_named("child")
    assert child_table is not None
    with store.read() as session:
        child_rows = _select_rows(session, child_table, child_table.c.id, [child_id])
        if not child_rows:
            raise errors.not_found("child", child_id)
        found: dict[str, dict[Any, Any]] = {}
        _gather(session, child_id, found)
        context = _context(session, found)
    return ChildRecords(
        child=rowcodec.encode_row(child_table, child_rows[0]),
        records=_encode(found),
        context=_encode(context),
        produced_on=clock.today(),
        produced_by=str(preferences.get(store, preferences.USER_NAME) or ""),
        authority=str(preferences.get(store, preferences.USER_LA) or ""),
    )


def _key(table: Table, row: Any) -> tuple[Any, ...]:
    return tuple(row._mapping[c] for c in table.primary_key.columns)


def _add(found: dict[str, dict[Any, Any]], table: Table, rows: Iterable[Any]) -> list[Any]:
    bucket = found.setdefault(table.name, {})
    new = [row for row in rows if _key(table, row) not in bucket]
    bucket.update((_key(table, row), row) for row in new)
    return new


def _gather(session: Session, child_id: int, found: dict[str, dict[Any, Any]]) -> None:
    pending: list[tuple[Table, list[Any]]] = []
    for table in rowcodec.tables():
        for fk in _refs(table, "child"):
            rows = _add(found, table, _select_rows(session, table, fk.parent, [child_id]))
            if is_link_table(table):
                pending.extend(_linked(session, table, rows, found))
            else:
                pending.append((table, rows))
    while pending:  # step 3: owned parts, to any depth
        parent, rows = pending.pop()
        ids = [row._mapping["id"] for row in rows if "id" in row._mapping]
        if not ids:
            continue
        for table in rowcodec.tables():
            if is_link_table(table):
                continue
            for fk in _refs(table, parent.name):
                if fk.ondelete == "CASCADE" and fk.column.name == "id":
                    new = _add(found, table, _select_rows(session, table, fk.parent, ids))
                    pending.append((table, new))


def _linked(
    session: Session, link: Table, rows: list[Any], found: dict[str, dict[Any, Any]]
) -> list[tuple[Table, list[Any]]]:
    out = []
    for fk in link.foreign_keys:
        target = fk.column.table
        if target.name == "child":
            continue
        ids = [row._mapping[fk.parent] for row in rows]
        out.append((target, _add(found, target, _select_rows(session, target, fk.column, ids))))
    return out


def _context(session: Session, found: dict[str, dict[Any, Any]]) -> dict[str, dict[Any, Any]]:
    context: dict[str, dict[Any, Any]] = {}
    for name in CONTEXT_TABLES:
        target = rowcodec.table_named(name)
        assert target is not None
        ids = {
            row._mapping[fk.parent]
            for table_name, rows in [*found.items(), *context.items()]
            for fk in _refs(rowcodec.table_named(table_name), name)  # type: ignore[arg-type]
            for row in rows.values()
            if row._mapping[fk.parent] is not None
        }
        _add(context, target, _select_rows(session, target, target.c.id, ids))
    return context


def _encode(found: dict[str, dict[Any, Any]]) -> Rows:
    order = [t.name for t in rowcodec.tables()]
    return {
        name: [
            rowcodec.encode_row(rowcodec.table_named(name), row)  # type: ignore[arg-type]
            for _key, row in sorted(found[name].items())
        ]
        for name in sorted(found, key=order.index)
        if found[name]
    }


def as_json(records: ChildRecords) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": 1,
        "schema_revision": migrate.SCHEMA_HEAD,
        "app_version": __version__,
        "produced_on": records.produced_on.isoformat(),
        "produced_by": records.produced_by,
        "local_authority": records.authority,
        "child": records.child,
        "records": records.records,
        "related": records.context,
    }


def write_json(records: ChildRecords, path: Path) -> None:
    """The child's records as JSON, written safely (temporary file, then renamed)."""
    with atomic_text(path) as fh:
        json.dump(as_json(records), fh, ensure_ascii=False, indent=1)


def record_export(store: Store, child_id: int, records: ChildRecords) -> int:
    """Note the export in the audit trail (no personal content); the number of rows."""
    rows = 1 + sum(len(r) for r in records.records.values())
    audit.record(store, AuditKind.EXPORT, "child", child_id, detail=f"subject access, {rows} rows")
    return rows
