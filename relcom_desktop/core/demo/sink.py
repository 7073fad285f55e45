"""Buffered bulk inserts with explicit ids, progress reports and cancellation.

Rows are plain dicts keyed by column name. They are written only between top-level records
(at :meth:`Sink.step`), table by table in dependency order (parents first), so a row may refer
to any row added before it or in the same step.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.models import Base

BATCH_ROWS = 5000
Row = dict[str, Any]
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]


class Sink:
    """Collects rows per table and writes them in batches inside the caller's session."""

    def __init__(
        self,
        session: Session,
        total: int,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        self.session = session
        self.total = max(total, 1)
        self.done = 0
        self.counts: Counter[str] = Counter()
        self._progress = progress
        self._cancelled = cancelled
        self._buffers: dict[str, list[Row]] = {}
        self._pending = 0
        self._last_report = -1
        self._report_every = max(1, self.total // 200)
        self._order = [t.name for t in Base.metadata.sorted_tables]
        self._next_id = self._first_ids()

    def _first_ids(self) -> dict[str, int]:
        first: dict[str, int] = {}
        for table in Base.metadata.sorted_tables:
            if "id" in table.c:
                top = self.session.scalar(select(func.max(table.c.id)))
                first[table.name] = (top or 0) + 1
        return first

    def new_id(self, table: str) -> int:
        value = self._next_id[table]
        self._next_id[table] = value + 1
        return value

    def add(self, table: str, row: Row) -> None:
        self._buffers.setdefault(table, []).append(row)
        self.counts[table] += 1
        self._pending += 1

    def flush(self) -> None:
        for name in self._order:
            rows = self._buffers.pop(name, None)
            if rows:
                self._write(name, rows)
        self._pending = 0

    def _write(self, name: str, rows: list[Row]) -> None:
        table = Base.metadata.tables[name]
        for _keys, group in itertools.groupby(rows, key=lambda row: tuple(row)):
            self.session.execute(insert(table), list(group))

    def step(self, label: str, units: int = 1) -> None:
        """Count ``units`` of work done; write a full batch, report and check for cancel."""
        if self._pending >= BATCH_ROWS:
            self.flush()
        self.done = min(self.total, self.done + units)
        if self.done - self._last_report >= self._report_every or self.done == self.total:
            self.report(label)

    def report(self, label: str) -> None:
        self._last_report = self.done
        if self._cancelled is not None and self._cancelled():
            raise RelcomError("Demo build cancelled")
        if self._progress is not None:
            self._progress(self.done, self.total, label)


def stamp(day: dt.date, salt: int = 0) -> Row:
    """Created/updated timestamps on ``day`` (working hours), and not deleted."""
    at = dt.datetime.combine(day, dt.time(9, 0)) + dt.timedelta(minutes=(salt * 37) % 480)
    return {"created_at": at, "updated_at": at, "deleted_at": None}
