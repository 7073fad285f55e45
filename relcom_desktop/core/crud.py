"""Shared plumbing for service modules: ORM row <-> frozen dataclass, get, save, soft delete.

Each area's service module declares its record dataclass (whose field names match the ORM
columns) and a :class:`Crud` for it, then adds its own validation and queries.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from sqlalchemy import Integer, Row, bindparam, insert, select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core.models import utcnow
from relcom_desktop.core.store.db import Store

R = TypeVar("R")
SYSTEM_FIELDS = frozenset({"id", "created_at", "updated_at", "deleted_at"})


def to_record(cls: type[R], row: Any, **extra: Any) -> R:
    """Build the frozen dataclass ``cls`` from an ORM row's same-named attributes."""
    values = {
        f.name: getattr(row, f.name)
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name not in extra and hasattr(row, f.name)
    }
    return cls(**values, **extra)


def editable_values(record: Any, model: type) -> dict[str, Any]:
    """The fields of ``record`` that are columns of ``model`` and the user may set."""
    columns = set(model.__mapper__.columns.keys())
    return {
        f.name: getattr(record, f.name)
        for f in dataclasses.fields(record)
        if f.name in columns and f.name not in SYSTEM_FIELDS
    }


_PAGE_OFFSET = bindparam("page_offset", type_=Integer)
_PAGE_LIMIT = bindparam("page_limit", type_=Integer)


def paged(stmt: Any) -> Any:
    """``stmt`` with its page bounds as bound parameters (see :func:`fetch_page`)."""
    return stmt.offset(_PAGE_OFFSET).limit(_PAGE_LIMIT)


def page_params(offset: int, limit: int | None) -> dict[str, int]:
    return {"page_offset": offset, "page_limit": -1 if limit is None else limit}


def fetch_page(store: Store, stmt: Any, offset: int, limit: int | None) -> list[Row[Any]]:
    """One page of a column query, without ORM entity loading; rows are named tuples.

    For list views that page through many thousands of rows: page bounds are bound
    parameters so the compiled statement is reused from SQLAlchemy's cache as is.
    ``stmt`` may already be :func:`paged`.
    """
    if stmt._limit_clause is None:
        stmt = paged(stmt)
    with store.engine.connect() as conn:
        return conn.execute(stmt, page_params(offset, limit)).all()


def clean_text(value: str | None) -> str:
    return (value or "").strip()


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with ``\\`` as the escape character."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def require_text(value: str | None, what: str, max_len: int | None = None) -> str:
    text = clean_text(value)
    if not text:
        raise errors.ValidationError(f"Please enter {what}.")
    if max_len is not None and len(text) > max_len:
        raise errors.ValidationError(f"{what.capitalize()} is too long (at most {max_len}).")
    return text


class Crud(Generic[R]):
    """get / create / update / soft delete / restore for one model and its record class."""

    def __init__(
        self,
        model: type,
        record: type[R],
        kind: str,
        validate: Callable[[Session, R], R] | None = None,
    ) -> None:
        self.model = model
        self.record = record
        self.kind = kind
        self.validate = validate or (lambda _s, r: r)

    def load(self, session: Session, record_id: int, *, include_deleted: bool = False) -> Any:
        row = session.get(self.model, record_id)
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise errors.not_found(self.kind, record_id)
        return row

    def as_record(self, row: Any) -> R:
        return to_record(self.record, row)

    def get_in(self, session: Session, record_id: int) -> R:
        return self.as_record(self.load(session, record_id))

    def get(self, store: Store, record_id: int) -> R:
        with store.read() as session:
            return self.get_in(session, record_id)

    def create(self, store: Store, record: R) -> R:
        with store.write() as session:
            return self.create_in(session, record)

    def create_in(self, session: Session, record: R) -> R:
        record = self.validate(session, record)
        row = self.model(**editable_values(record, self.model))
        session.add(row)
        self.fill_extra(session, row, record)
        session.flush()
        return self.as_record(row)

    def insert_in(self, session: Session, record: R) -> int:
        """:meth:`create_in` for bulk imports: checked by the same rules, written with one
        INSERT and no ORM object; returns the new id. Not for records with nested rows."""
        record = self.validate(session, record)
        table = self.model.__table__  # type: ignore[attr-defined]
        result = session.connection().execute(insert(table), editable_values(record, self.model))
        return int(result.inserted_primary_key[0])

    def update(self, store: Store, record: R) -> R:
        with store.write() as session:
            return self.update_in(session, record)

    def update_in(self, session: Session, record: R) -> R:
        row = self.load(session, record.id)  # type: ignore[attr-defined]
        record = self.validate(session, record)
        for name, value in editable_values(record, self.model).items():
            setattr(row, name, value)
        self.fill_extra(session, row, record)
        session.flush()
        return self.as_record(row)

    def fill_extra(self, session: Session, row: Any, record: R) -> None:
        """Hook: save fields that are not plain columns (nested rows, links)."""

    def delete(self, store: Store, record_id: int) -> None:
        """Move to the Trash (soft delete)."""
        with store.write() as session:
            self.load(session, record_id).deleted_at = utcnow()

    def restore(self, store: Store, record_id: int) -> R:
        """Bring back from the Trash."""
        with store.write() as session:
            row = self.load(session, record_id, include_deleted=True)
            self.validate(session, self.as_record(row))  # e.g. it may now overlap another
            row.deleted_at = None
            session.flush()
            return self.as_record(row)

    def list_where(self, store: Store, *criteria: Any, order_by: Iterable[Any] = ()) -> list[R]:
        with store.read() as session:
            stmt = select(self.model).where(self.model.deleted_at.is_(None), *criteria)
            rows = session.scalars(stmt.order_by(*order_by)).all()
            return [self.as_record(row) for row in rows]

    def trash(self, store: Store) -> list[R]:
        """Records in the Trash, most recently deleted first."""
        with store.read() as session:
            stmt = select(self.model).where(self.model.deleted_at.is_not(None))
            rows = session.scalars(stmt.order_by(self.model.deleted_at.desc())).all()
            return [self.as_record(row) for row in rows]
