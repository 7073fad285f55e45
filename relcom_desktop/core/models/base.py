"""Declarative base, shared column types and mixins for every table."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from sqlalchemy import Date, DateTime, Integer, MetaData, String, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Naive UTC now: every stored timestamp is UTC without tzinfo."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class _EnumColumn(TypeDecorator[Enum]):
    """Stores an enum member as its value (a short code or a small rating)."""

    cache_ok = True

    def __init__(self, enum_cls: type[Enum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else self.enum_cls(value).value

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        # A dictionary lookup per row: list views read thousands of these.
        members = self.enum_cls._value2member_map_
        return lambda value: None if value is None else members.get(value) or self.enum_cls(value)


class EnumText(_EnumColumn):
    """A text enumeration (e.g. an SSDA903 code) in a VARCHAR column."""

    impl = String(40)
    cache_ok = True


class EnumInt(_EnumColumn):
    """An integer rating enumeration in an INTEGER column."""

    impl = Integer
    cache_ok = True


class Day(TypeDecorator[dt.date]):
    """A calendar date. On SQLite (ISO text) it is read with the fast C ``fromisoformat``."""

    impl = Date
    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> Any:
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        parse = dt.date.fromisoformat
        return lambda value: None if value is None else parse(value)


class IdMixin:
    id: Mapped[int] = mapped_column(primary_key=True)


class TimestampMixin:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class SoftDeleteMixin:
    """Rows the user can delete go to the Trash first: ``deleted_at`` is set, nothing removed."""

    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class RecordMixin(IdMixin, TimestampMixin, SoftDeleteMixin):
    """The usual user-editable record: id, created/updated timestamps, soft delete."""
