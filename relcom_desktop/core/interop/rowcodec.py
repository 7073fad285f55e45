"""Table rows to and from plain JSON values, driven by the column types of ``Base.metadata``.

Dates and datetimes are ISO 8601 text, enumerations their stored code, JSON columns stay JSON;
everything else is a JSON string, number or boolean. Decoding checks every value against its
column and raises :class:`ValueError` with a plain-English reason.
"""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, DateTime, Float, Integer, String, Table
from sqlalchemy.types import TypeDecorator

from relcom_desktop.core.models import Base
from relcom_desktop.core.models.base import EnumInt, EnumText

INT_MIN, INT_MAX = -(2**63), 2**63 - 1


def tables() -> list[Table]:
    """Every table, parents before the tables that refer to them."""
    return list(Base.metadata.sorted_tables)


def table_named(name: str) -> Table | None:
    return Base.metadata.tables.get(name)


def kind_of(column: Column) -> str:
    """A short name for how a column's values travel in JSON (also used in the schema doc)."""
    col_type = column.type
    if isinstance(col_type, EnumText | EnumInt):
        return "enum"
    if isinstance(col_type, TypeDecorator):
        col_type = col_type.impl_instance
    for cls, name in (
        (DateTime, "datetime"),
        (Date, "date"),
        (Boolean, "boolean"),
        (Integer, "integer"),
        (Float, "number"),
        (JSON, "json"),
        (String, "text"),
    ):
        if isinstance(col_type, cls):
            return name
    raise TypeError(f"no JSON form for column {column}")  # a new column type needs a rule


def enum_class(column: Column) -> type[Enum]:
    return column.type.enum_cls  # type: ignore[attr-defined,no-any-return]


def encode(column: Column, value: Any) -> Any:
    """A stored value as plain JSON."""
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def encode_row(table: Table, row: Any) -> dict[str, Any]:
    return {c.name: encode(c, row._mapping[c]) for c in table.columns}


def decode(column: Column, value: Any) -> Any:
    """A JSON value checked and converted for ``column``; ValueError says what is wrong."""
    kind = kind_of(column)
    if value is None:
        if kind == "json":  # JSON's own null, a value like any other (e.g. a cleared draft)
            return None
        if not column.nullable and not _numbered_by_database(column):
            raise ValueError("must have a value")
        return None
    return _DECODERS[kind](column, value)


def _numbered_by_database(column: Column) -> bool:
    """A single whole-number primary key: SQLite gives the next number when it is missing."""
    primary = column.table.primary_key.columns
    return column.primary_key and len(primary) == 1 and kind_of(column) == "integer"


def is_required(column: Column) -> bool:
    """A field that must be in every record: no default, no NULL, not numbered by SQLite."""
    return (
        not column.nullable
        and column.default is None
        and column.server_default is None
        and not _numbered_by_database(column)
    )


def _integer(_column: Column, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"must be a whole number, not {_show(value)}")
    if not INT_MIN <= value <= INT_MAX:
        raise ValueError("is too large")
    return value


def _number(_column: Column, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"must be a number, not {_show(value)}")
    return float(value)


def _boolean(_column: Column, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"must be true or false, not {_show(value)}")
    return value


def _text(_column: Column, value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"must be text, not {_show(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("holds characters that are not valid text") from None
    return value


def _date(_column: Column, value: Any) -> dt.date:
    try:
        return dt.date.fromisoformat(_text(_column, value))
    except ValueError:
        raise ValueError(f"must be a date like 2024-03-31, not {_show(value)}") from None


def _datetime(_column: Column, value: Any) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(_text(_column, value))
    except ValueError:
        raise ValueError(
            f"must be a date and time like 2024-03-31T14:05:00, not {_show(value)}"
        ) from None
    if moment.tzinfo is not None:  # stored times are UTC without a zone
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def _enum(column: Column, value: Any) -> Enum:
    cls = enum_class(column)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"must be one of the codes for {cls.__name__}, not {_show(value)}")
    try:
        return cls(value)
    except ValueError:
        raise ValueError(f"{_show(value)} is not a code for {cls.__name__}") from None


def _json(_column: Column, value: Any) -> Any:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        raise ValueError("is not plain JSON") from None
    return value


_DECODERS = {
    "integer": _integer,
    "number": _number,
    "boolean": _boolean,
    "text": _text,
    "date": _date,
    "datetime": _datetime,
    "enum": _enum,
    "json": _json,
}


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True, default=str)
    return text if len(text) <= 40 else text[:37] + "..."


def decode_row(table: Table, data: Any) -> dict[str, Any]:
    """One row for ``table`` from a JSON object; ValueError names the bad column."""
    if not isinstance(data, dict):
        raise ValueError(f"is {_show(data)}, not a record (a JSON object)")
    unknown = [key for key in data if key not in table.columns]
    if unknown:
        raise ValueError(
            f"has a field this version does not know ({_show(str(unknown[0]))}); the file may "
            "come from a newer version of RelCom Desktop"
        )
    row = {}
    for column in table.columns:
        if column.name not in data:
            if is_required(column):
                raise ValueError(f"lacks the field {column.name}")
            continue  # older exports may lack newer columns: the column default applies
        try:
            row[column.name] = decode(column, data[column.name])
        except ValueError as exc:
            raise ValueError(f"field {column.name} {exc}") from None
    return row
