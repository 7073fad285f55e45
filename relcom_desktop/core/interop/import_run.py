"""Previewing and committing an import of many records, all or nothing.

An import (the SSDA903 return, a spreadsheet) is split into *units*: one child with all their
episodes, or one spreadsheet row. Each unit saves its records through the areas' own
``*_in`` service functions, so every rule is checked exactly as the forms check it, inside a
savepoint: a unit that breaks a rule leaves no trace and is reported as rejected, with the
file's row number and the reason.

* :func:`run_import` with ``commit=False`` is the **preview**: everything is written inside a
  transaction that is then rolled back, so the preview says exactly what the import will do.
* With ``commit=True`` the same units run again in one transaction. It is committed only if
  no unit was rejected (or the commissioner chose to leave the rejected ones out) and the
  outcome matches the preview they saw; otherwise nothing at all is written.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop.ofsted_csv import Cancelled, ImportCancelled, Progress
from relcom_desktop.core.interop.ofsted_import import RowStatus
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store

PROGRESS_EVERY = 50
SHOWN_PROBLEMS = 3
KIND_NAMES = {
    "child": "children",
    "placement": "placements",
    "setting": "settings",
    "provider": "providers",
}
CHANGED_SINCE_PREVIEW = (
    "The records changed after the preview was made, so nothing was imported. "
    "Preview the file again."
)
STATUS_WORDS = {
    RowStatus.NEW: "new",
    RowStatus.CHANGED: "updated",
    RowStatus.UNCHANGED: "unchanged",
}


@dataclass(frozen=True)
class PreviewLine:
    """What one record (or one rejected row) of the file would do."""

    source: str  # "Episodes", "Header", or the spreadsheet's name
    row: int  # the row number a spreadsheet program shows (the heading is row 1)
    kind: str  # "child", "placement", "setting", "provider", or "row" for a rejected row
    status: RowStatus
    record: str  # who or what: "Child 1001", "Placement from 3 Mar 2023"
    detail: str  # what changes, or why the row is rejected

    @property
    def where(self) -> str:
        return f"{self.source} row {self.row}" if self.source else f"Row {self.row}"


@dataclass(frozen=True)
class ImportPreview:
    title: str
    lines: tuple[PreviewLine, ...]
    notes: tuple[str, ...] = ()
    held_back: int = 0  # units left out because one of their rows was rejected

    def count(self, status: RowStatus, kind: str | None = None) -> int:
        return sum(
            line.status is status and (kind is None or line.kind == kind) for line in self.lines
        )

    @property
    def rejected(self) -> int:
        return self.count(RowStatus.REJECTED)

    @property
    def changes(self) -> int:
        return self.count(RowStatus.NEW) + self.count(RowStatus.CHANGED)

    def signature(self) -> list[tuple[str, int, str, RowStatus]]:
        return [(ln.source, ln.row, ln.kind, ln.status) for ln in self.lines]

    def problems(self, limit: int = SHOWN_PROBLEMS) -> str:
        """The first rejected rows as one line of text."""
        bad = [ln for ln in self.lines if ln.status is RowStatus.REJECTED]
        text = " ".join(f"{ln.where}: {ln.detail}" for ln in bad[:limit])
        return text + (f" (and {len(bad) - limit:,} more)" if len(bad) > limit else "")


class RowRejected(errors.ValidationError):
    """A rule broken by one row of the file; the unit it belongs to is rejected."""

    def __init__(self, source: str, row: int, message: str) -> None:
        super().__init__(message)
        self.source = source
        self.row = row


class _RejectedAs:
    """:func:`rejected_as` (a plain class: an import enters one for every record)."""

    __slots__ = ("row", "source")

    def __init__(self, source: str, row: int) -> None:
        self.source = source
        self.row = row

    def __enter__(self) -> None:
        return None

    def __exit__(self, _kind: object, exc: BaseException | None, _tb: object) -> bool:
        if isinstance(exc, errors.ValidationError) and not isinstance(exc, RowRejected):
            raise RowRejected(self.source, self.row, str(exc)) from None
        return False


def rejected_as(source: str, row: int) -> _RejectedAs:
    """A broken rule inside the block is reported against this row of the file."""
    return _RejectedAs(source, row)


@dataclass
class Unit:
    """Records that go in together or not at all (a child and their episodes; a row)."""

    source: str
    row: int  # the first row it comes from
    record: str
    apply: Callable[[Session, list[PreviewLine]], None]
    problems: list[tuple[str, int, str]] = field(default_factory=list)  # found when reading
    # True when ``apply`` will write nothing to the data file (it only checks, and keeps what
    # it adds for a later unit to write): such a unit needs no savepoint to leave no trace.
    quiet: Callable[[Session], bool] | None = None


def run_import(
    store: Store,
    title: str,
    units: Sequence[Unit],
    *,
    commit: bool,
    expected: ImportPreview | None = None,
    skip_rejected: bool = False,
    notes: Sequence[str] = (),
    audit_kind: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """Preview (``commit=False``) or make (``commit=True``) the import; see the module doc.

    A commit of a preview with no rejected rows needs no savepoints: if a rule now fails,
    the records changed since the preview and the whole import is refused.
    """
    guarded = not commit or expected is None or expected.rejected > 0
    label = "Importing records" if commit else "Checking records"
    with (
        errors.disk_full_said("Nothing was imported."),
        store.write() if commit else store.read() as session,
    ):
        run = _Run(session, guarded, label, progress, cancelled)
        preview = run.units(title, units, notes)
        if commit:
            _check_may_commit(preview, expected, skip_rejected)
            new, changed = preview.count(RowStatus.NEW), preview.count(RowStatus.CHANGED)
            detail = f"{title}: {new:,} new, {changed:,} updated records"
            audit.record_in(session, AuditKind.IMPORT, audit_kind, detail=detail)
    return preview


@dataclass
class _Run:
    session: Session
    guarded: bool  # each unit in a savepoint, so a rejected one leaves no trace
    label: str
    progress: Progress | None
    cancelled: Cancelled | None

    def units(self, title: str, units: Sequence[Unit], notes: Sequence[str]) -> ImportPreview:
        lines: list[PreviewLine] = []
        held_back = 0
        for done, unit in enumerate(units):
            if done % PROGRESS_EVERY == 0:
                self._report(done, len(units))
            unit_lines = self._unit(unit)
            held_back += any(line.status is RowStatus.REJECTED for line in unit_lines)
            lines += unit_lines
        self._report(len(units), len(units))
        return ImportPreview(title, tuple(lines), tuple(notes), held_back)

    def _report(self, done: int, total: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled("The import was stopped; nothing was changed.")
        if self.progress is not None:
            self.progress(done, total, self.label)

    def _unit(self, unit: Unit) -> list[PreviewLine]:
        if unit.problems:
            return [_rejected(unit, source, row, reason) for source, row, reason in unit.problems]
        lines: list[PreviewLine] = []
        if not self.guarded:
            try:
                unit.apply(self.session, lines)
            except errors.ValidationError:
                raise errors.ValidationError(CHANGED_SINCE_PREVIEW) from None
            return lines
        try:
            if unit.quiet is not None and unit.quiet(self.session):
                self.session.flush()  # as begin_nested() would: earlier units' changes go in
                unit.apply(self.session, lines)
            else:
                with self.session.begin_nested():
                    unit.apply(self.session, lines)
        except RowRejected as exc:
            return [_rejected(unit, exc.source, exc.row, str(exc))]
        except errors.ValidationError as exc:
            return [_rejected(unit, unit.source, unit.row, str(exc))]
        return lines


def _rejected(unit: Unit, source: str, row: int, reason: str) -> PreviewLine:
    return PreviewLine(source, row, "row", RowStatus.REJECTED, unit.record, reason)


def _check_may_commit(
    preview: ImportPreview, expected: ImportPreview | None, skip_rejected: bool
) -> None:
    if preview.rejected and not skip_rejected:
        rows = "1 row was" if preview.rejected == 1 else f"{preview.rejected:,} rows were"
        raise errors.ValidationError(
            f"{rows} rejected, so nothing was imported. {preview.problems()}"
        )
    if expected is not None and preview.signature() != expected.signature():
        raise errors.ValidationError(CHANGED_SINCE_PREVIEW)


def summary_counts(preview: ImportPreview) -> list[tuple[str, list[tuple[str, int]]]]:
    """[("children", [("new", 3), ("updated", 1)]), ..., ("rows", [("rejected", 2)])]."""
    summary = []
    for kind, name in KIND_NAMES.items():
        counts = [(word, preview.count(status, kind)) for status, word in STATUS_WORDS.items()]
        if any(n for _w, n in counts):
            summary.append((name, [(w, n) for w, n in counts if n]))
    if preview.rejected:
        summary.append(("rows", [("rejected", preview.rejected)]))
    return summary


def changes_text(changes: dict[str, tuple[Any, Any]]) -> str:
    """ "Date of birth: blank → 1 Mar 2012; Legal status: C1 → C2"."""
    return "; ".join(f"{label}: {shown(b)} → {shown(a)}" for label, (b, a) in changes.items())


def shown(value: Any) -> str:
    """A value as the preview shows it: codes with their labels, dates in words."""
    if value is None or value == "":
        return "blank"
    if isinstance(value, Enum) and hasattr(value, "label"):
        return f"{value.value} {value.label}" if isinstance(value.value, str) else value.label
    if isinstance(value, dt.date):
        return day(value)
    return str(value)


@functools.lru_cache(maxsize=8192)
def day(value: dt.date) -> str:
    """3 Mar 2023 (remembered: an import shows the same dates many times)."""
    return f"{value.day} {value:%b %Y}"
