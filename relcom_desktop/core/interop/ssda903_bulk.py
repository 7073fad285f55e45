"""The fast path of the SSDA903 import for children new to RelCom Desktop.

A child the return brings in for the first time has no other records, so the rules that
need a query (a clashing LA reference, overlapping placements) cannot fail: the ChildFinder
has read every LA reference, and the return's own episodes were checked for overlaps when
read. Such a child's records are checked with the services' query-free rules
(``children.check_fields``, ``placements.check_fields``) and kept in a :class:`Pending`
batch, written with one executemany per table by the run's last unit. A unit that breaks a
rule adds nothing to the batch, so a rejected child still leaves no trace.

New settings such a child's placements are in are held too, with the ids SQLite would give
them (one more than the largest, in turn), and written before any unit that writes itself,
so they are stored, numbered and indexed for search in the order they were added.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from relcom_desktop.core import children, errors, placements, providers
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import editable_values
from relcom_desktop.core.interop.import_register import Origin, preview_line
from relcom_desktop.core.interop.import_run import PreviewLine, RowStatus, day, rejected_as
from relcom_desktop.core.interop.ssda903_episodes import describe
from relcom_desktop.core.interop.ssda903_rows import EPISODES, Episode
from relcom_desktop.core.models.base import utcnow

SettingFor = Callable[[Session, Episode, list[PreviewLine], Origin], int]
StatusRuns = Iterable[tuple[Any, Any, Any]]


@dataclass
class Pending:
    """New children, their placements and legal statuses, waiting to be written at once."""

    children: list[dict[str, Any]] = field(default_factory=list)
    placements: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    statuses: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    settings: list[dict[str, Any]] = field(default_factory=list)
    names: dict[int, str] = field(default_factory=dict)  # held settings' names, by id
    next_setting: int | None = None  # the id the first held setting has

    def hold_setting(self, session: Session, setting: providers.Setting) -> int:
        """Check a new setting (whose URN, if any, the register has just not found) and hold
        it for the batch; returns the id it will have."""
        checked = providers.check_setting_with_new_urn_in(session, setting)
        if self.next_setting is None:
            self.next_setting = (session.scalar(select(func.max(m.Setting.id))) or 0) + 1
        setting_id = self.next_setting + len(self.settings)
        self.settings.append({"id": setting_id, **_values(checked, m.Setting)})
        self.names[setting_id] = checked.name
        return setting_id

    def write_settings(self, session: Session) -> None:
        """Write the settings held so far (before a unit that writes, and by the last)."""
        if self.settings:
            _insert_many(session.connection(), m.Setting.__table__, self.settings)
        self.settings, self.names, self.next_setting = [], {}, None

    def add_child(
        self,
        session: Session,
        values: dict[str, Any],
        origin: Origin,
        detail: str,
        groups: list[list[Episode]],
        runs: StatusRuns,
        setting_for: SettingFor,
        lines: list[PreviewLine],
    ) -> None:
        """Check a new child and their placements; add them to the batch if all is well
        (if not, the settings held for them are dropped too)."""
        held = len(self.settings)
        try:
            name = f"Child {values['la_reference']}"
            with rejected_as(origin.source, origin.row):
                record = children.Child(**{**values, "preferred_name": name})
                child = children.check_fields(record)
            lines.append(preview_line(origin, "child", RowStatus.NEW, name, detail))
            records = [self._placement(session, child, g, setting_for, lines) for g in groups]
            starts = {id(r): g[0].row for r, g in zip(records, groups, strict=True)}
            _check_overlaps(session, records, starts, self.names)
            rows = [_values(record, m.Placement) for record in records]
        except BaseException:
            for row in self.settings[held:]:  # the unit is refused: so are its settings
                del self.names[row["id"]]
            del self.settings[held:]
            raise
        index = len(self.children)
        self.children.append(_values(child, m.Child))
        self.placements += [(index, row) for row in rows]
        self.statuses += [
            (index, {"legal_status": s, "start_date": start, "end_date": end})
            for s, start, end in runs
        ]

    @staticmethod
    def _placement(
        session: Session,
        child: children.Child,
        group: list[Episode],
        setting_for: SettingFor,
        lines: list[PreviewLine],
    ) -> placements.Placement:
        first, last = group[0], group[-1]
        origin = Origin(EPISODES, first.row)
        with rejected_as(EPISODES, first.row):
            record = placements.Placement(
                child_id=0,
                setting_id=setting_for(session, first, lines, origin),
                placement_type=first.placement_type,
                start_date=first.start,
                provider_kind=first.provider,
                end_date=last.end,
                end_reason=last.reason_ceased,
                change_reason=last.place_change,
                reason_new=first.reason_new,
                postcode=first.postcode,
            )
            placements.check_fields(record, child.date_of_birth)
        text = f"Child {child.la_reference}, from {day(first.start)}"
        lines.append(
            PreviewLine(EPISODES, first.row, "placement", RowStatus.NEW, text, describe(group))
        )
        return record

    def write(self, session: Session, _lines: list[PreviewLine]) -> None:
        """Write the batch: one executemany per table (the run's last unit)."""
        self.write_settings(session)
        if not self.children:
            return
        conn = session.connection()
        before = conn.execute(select(func.max(m.Child.id))).scalar() or 0
        _insert_many(conn, m.Child.__table__, self.children)
        stmt = select(m.Child.la_reference, m.Child.id).where(m.Child.id > before)
        ids = {ref: child_id for ref, child_id in conn.execute(stmt)}
        refs = [ids[row["la_reference"]] for row in self.children]
        for table, rows in (
            (m.Placement.__table__, self.placements),
            (m.LegalStatusPeriod.__table__, self.statuses),
        ):
            if rows:
                child_ids = [refs[i] for i, _row in rows]
                _insert_many(conn, table, [row for _i, row in rows], {"child_id": child_ids})
        self.children, self.placements, self.statuses = [], [], []


def _insert_many(
    conn: Connection,
    table: Any,
    rows: list[dict[str, Any]],
    given: dict[str, list[Any]] | None = None,
) -> None:
    """One DB-API executemany of ``rows`` (same keys each; ``given`` adds whole columns)
    into ``table``, each value converted by its column type as SQLAlchemy would, and dates
    written as the DB-API's own adapters write them; timestamps set to now. A column with
    one value in every row is written as a literal in the statement, not bound each row."""
    columns = {name: [row[name] for row in rows] for name in rows[0]}
    columns.update(given or {})
    stamps = [c for c in ("created_at", "updated_at") if c in table.c and c not in columns]
    if stamps:
        stamp = table.c["created_at"].type.bind_processor(conn.dialect)
        now = stamp(utcnow()) if stamp is not None else utcnow()
        columns.update({name: [now] * len(rows) for name in stamps})
    names, marks, bound = [], [], []
    for name, values in columns.items():
        values = _converted(table.c[name].type.bind_processor(conn.dialect), values)
        literal = _literal(values)
        names.append(name)
        marks.append("?" if literal is None else literal)
        if literal is None:
            bound.append(values)
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join(marks)})"
    cursor = conn.connection.cursor()
    try:
        cursor.executemany(sql, list(zip(*bound, strict=True)) if bound else [()] * len(rows))
    finally:
        cursor.close()


def _converted(convert: Callable[[Any], Any] | None, values: list[Any]) -> list[Any]:
    """``values`` as the DB-API is given them: through the column type's ``convert``, and
    dates as ISO text (what the DB-API's default adapters make of them); each distinct
    value converted once."""
    try:
        distinct = {value: _plain(convert, value) for value in set(values)}
    except TypeError:  # a value that cannot be a key: convert each
        return [_plain(convert, value) for value in values]
    return [distinct[value] for value in values]


def _plain(convert: Callable[[Any], Any] | None, value: Any) -> Any:
    if value is None:
        return None
    if convert is not None:
        value = convert(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _literal(values: list[Any]) -> str | None:
    """The SQL literal for a column whose every value is the same None, text or whole
    number; None when the values differ (or are of another kind)."""
    first = values[0]
    if type(first) not in (str, int, type(None)) or values.count(first) != len(values):
        return None
    if set(map(type, values)) != {type(first)}:  # 1 == True, but they are stored apart
        return None
    if first is None:
        return "NULL"
    if isinstance(first, int):
        return str(first)
    return None if "\x00" in first else "'" + first.replace("'", "''") + "'"


_NAMES: dict[tuple[type, type], tuple[str, ...]] = {}


def _values(record: Any, model: type) -> dict[str, Any]:
    """``crud.editable_values``, with the field names worked out once per class."""
    key = (type(record), model)
    if key not in _NAMES:
        _NAMES[key] = tuple(editable_values(record, model))
    return {name: getattr(record, name) for name in _NAMES[key]}


def _check_overlaps(
    session: Session,
    records: list[placements.Placement],
    rows: dict[int, int],
    held: dict[int, str],
) -> None:
    """The return's episodes were checked for overlaps when read, but a placement that
    starts and ends on one day counts as that whole day."""
    found = placements.first_overlap(records)
    if found is not None:
        earlier, later = found
        with rejected_as(EPISODES, rows[id(later)]):
            name = held.get(earlier.setting_id) or session.get(m.Setting, earlier.setting_id).name
            raise errors.ValidationError(placements.overlap_message(name, earlier))
