"""The audit trail: when and what kind of record, never personal content."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.models.base import utcnow
from relcom_desktop.core.store.db import Store

TABLE = m.AuditEvent.__tablename__
COLUMNS = "at, kind, record_kind, record_id, detail"


@dataclass(frozen=True)
class AuditEvent:
    at: dt.datetime
    kind: AuditKind
    record_kind: str
    record_id: int | None
    detail: str
    id: int


def record_in(
    session: Session,
    kind: AuditKind,
    record_kind: str = "",
    record_id: int | None = None,
    detail: str = "",
) -> None:
    """Add an audit row inside the caller's transaction."""
    session.add(
        m.AuditEvent(kind=kind, record_kind=record_kind, record_id=record_id, detail=detail[:200])
    )


def record(
    store: Store,
    kind: AuditKind,
    record_kind: str = "",
    record_id: int | None = None,
    detail: str = "",
) -> None:
    with store.write() as session:
        record_in(session, kind, record_kind, record_id, detail)


def recent_events(store: Store, limit: int = 500) -> list[AuditEvent]:
    return list_events(store, limit=limit)


def list_events(store: Store, *, offset: int = 0, limit: int | None = 500) -> list[AuditEvent]:
    """A page of the audit log, newest first."""
    stmt = select(m.AuditEvent).order_by(m.AuditEvent.at.desc(), m.AuditEvent.id.desc())
    with store.read() as session:
        return [
            AuditEvent(e.at, e.kind, e.record_kind, e.record_id, e.detail, e.id)
            for e in session.scalars(stmt.offset(offset).limit(limit))
        ]


def count_events(store: Store) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(m.AuditEvent)) or 0


def carry_over(source: Any, target: Any) -> int:
    """Copy into ``target`` (a DB-API connection, e.g. a backup being restored) every audit
    row of ``source`` (the file it replaces) that it lacks, so a restore never erases the
    trail of what was exported or printed since the backup. Returns how many were copied."""
    have = set(target.execute(f"SELECT {COLUMNS} FROM {TABLE}"))
    rows = source.execute(f"SELECT {COLUMNS} FROM {TABLE} ORDER BY at, id").fetchall()
    missing = [tuple(row) for row in rows if tuple(row) not in have]
    target.executemany(f"INSERT INTO {TABLE} ({COLUMNS}) VALUES (?, ?, ?, ?, ?)", missing)
    return len(missing)


def record_raw(conn: Any, kind: AuditKind, record_kind: str = "", detail: str = "") -> None:
    """Add an audit row through a DB-API connection (a file not open as a Store), stored
    exactly as the ORM stores it."""
    at = f"{utcnow():%Y-%m-%d %H:%M:%S.%f}"
    conn.execute(
        f"INSERT INTO {TABLE} ({COLUMNS}) VALUES (?, ?, ?, NULL, ?)",
        (at, kind.value, record_kind, detail[:200]),
    )
