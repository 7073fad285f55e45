"""Reflective practice: the learning log and from → to self-assessments.

A reflection is tagged with one or more of the nine changes and may be about a child, a
provider, a meeting or a journal entry. A self-assessment places the commissioner on each of
the eight from → to shifts (0 = wholly "from", :data:`SHIFT_SCALE_MAX` = wholly "to"), with
a note of evidence; repeated over time it becomes a history per shift.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, func, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from relcom_desktop.core import clock, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, like_pattern, page_params, paged, to_record
from relcom_desktop.core.enums import SHIFT_SCALE_MAX, LearningChange, PracticeShift
from relcom_desktop.core.reflection_links import Links, links_of
from relcom_desktop.core.store.db import Store


@dataclass(frozen=True)
class Reflection:
    written_on: dt.date
    changes: tuple[LearningChange, ...] = ()
    what_happened: str = ""
    what_learned: str = ""
    do_differently: str = ""
    child_id: int | None = None
    provider_id: int | None = None
    meeting_id: int | None = None
    journal_entry_id: int | None = None
    id: int | None = None

    @property
    def has_writing(self) -> bool:
        return any(t.strip() for t in (self.what_happened, self.what_learned, self.do_differently))


LINKED_RECORDS = {
    "child_id": (m.Child, "child"),
    "provider_id": (m.Provider, "provider"),
    "meeting_id": (m.Meeting, "meeting"),
    "journal_entry_id": (m.JournalEntry, "journal entry"),
}


def _validate_reflection(session: Session, r: Reflection) -> Reflection:
    if r.written_on is None:
        raise errors.ValidationError("Enter the date of the reflection.")
    if r.written_on > clock.today():
        raise errors.ValidationError("A reflection cannot be dated in the future.")
    if not r.has_writing:
        raise errors.ValidationError("Write something about what happened or what you learned.")
    if not r.changes:
        raise errors.ValidationError("Tag the reflection with at least one of the nine changes.")
    for field, (model, what) in LINKED_RECORDS.items():
        record_id = getattr(r, field)
        if record_id is not None and session.get(model, record_id) is None:
            raise errors.ValidationError(f"The {what} this reflection is about no longer exists.")
    order = list(LearningChange)
    return dataclasses.replace(
        r,
        changes=tuple(sorted(set(r.changes), key=order.index)),
        what_happened=clean_text(r.what_happened),
        what_learned=clean_text(r.what_learned),
        do_differently=clean_text(r.do_differently),
    )


_LINK = m.reflection_change
_CHANGE_ORDER = list(LearningChange)


def _changes_of(session: Session, ids: Iterable[int]) -> dict[int, tuple[LearningChange, ...]]:
    """The tags of several reflections in one query, each in the nine changes' order."""
    found: dict[int, list[LearningChange]] = {}
    rows = session.execute(select(_LINK.c.reflection_id, _LINK.c.change).where(
        _LINK.c.reflection_id.in_(list(ids))
    ))  # fmt: skip
    for reflection_id, change in rows:
        found.setdefault(reflection_id, []).append(change)
    return {k: tuple(sorted(v, key=_CHANGE_ORDER.index)) for k, v in found.items()}


class _ReflectionCrud(Crud[Reflection]):
    def as_record(self, row: Any) -> Reflection:
        session = Session.object_session(row)
        changes = _changes_of(session, [row.id]).get(row.id, ())
        return to_record(Reflection, row, changes=changes)

    def fill_extra(self, session: Session, row: Any, record: Reflection) -> None:
        session.flush()
        session.execute(delete(_LINK).where(_LINK.c.reflection_id == row.id))
        session.execute(
            insert(_LINK), [{"reflection_id": row.id, "change": c} for c in record.changes]
        )


_reflections = _ReflectionCrud(m.Reflection, Reflection, "reflection", _validate_reflection)

get_reflection = _reflections.get
create_reflection = _reflections.create
update_reflection = _reflections.update
delete_reflection = _reflections.delete
restore_reflection = _reflections.restore


# ---- the learning log: filtered and paged in SQL -----------------------------------------


@dataclass(frozen=True)
class ReflectionFilter:
    change: LearningChange | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""
    child_id: int | None = None
    provider_id: int | None = None


@dataclass(frozen=True)
class ReflectionRow:
    """One line of the learning log: the reflection and what it is about, in words."""

    reflection: Reflection
    links: Links

    @property
    def id(self) -> int:
        return self.reflection.id  # type: ignore[return-value]

    @property
    def about(self) -> str:
        return self.links.text


_R = m.Reflection
_COLUMNS = [c.name for c in dataclasses.fields(Reflection) if c.name != "changes"]


def _log_query(f: ReflectionFilter) -> Select:
    stmt = select(*(getattr(_R, name) for name in _COLUMNS)).where(_R.deleted_at.is_(None))
    if f.change is not None:
        stmt = stmt.where(
            _R.id.in_(select(_LINK.c.reflection_id).where(_LINK.c.change == f.change))
        )
    if f.date_from is not None:
        stmt = stmt.where(_R.written_on >= f.date_from)
    if f.date_to is not None:
        stmt = stmt.where(_R.written_on <= f.date_to)
    if f.child_id is not None:
        stmt = stmt.where(_R.child_id == f.child_id)
    if f.provider_id is not None:
        stmt = stmt.where(_R.provider_id == f.provider_id)
    if f.text.strip():
        like = like_pattern(f.text.strip())
        stmt = stmt.where(
            or_(*(col.ilike(like, escape="\\") for col in (
                _R.what_happened, _R.what_learned, _R.do_differently
            )))
        )  # fmt: skip
    return stmt


def list_reflections(
    store: Store,
    filt: ReflectionFilter = ReflectionFilter(),
    *,
    oldest_first: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[ReflectionRow]:
    """One page of the learning log (newest first unless asked), with tags and links."""
    order = (_R.written_on, _R.id) if oldest_first else (_R.written_on.desc(), _R.id.desc())
    stmt = paged(_log_query(filt).order_by(*order))
    with store.read() as session:
        rows = session.execute(stmt, page_params(offset, limit)).all()
        changes = _changes_of(session, [row.id for row in rows])
        records = [
            Reflection(**dict(zip(_COLUMNS, row, strict=True)), changes=changes.get(row.id, ()))
            for row in rows
        ]
        links = links_of(session, records)
    return [ReflectionRow(r, found) for r, found in zip(records, links, strict=True)]


def count_reflections(store: Store, filt: ReflectionFilter = ReflectionFilter()) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(_log_query(filt).subquery())) or 0


@dataclass(frozen=True)
class ChangeCount:
    change: LearningChange
    count: int


def reflection_counts(
    store: Store, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> list[ChangeCount]:
    """How many reflections in the period carry each of the nine changes (gaps show as 0)."""
    stmt = (
        select(_LINK.c.change, func.count())
        .join(_R, _R.id == _LINK.c.reflection_id)
        .where(_R.deleted_at.is_(None))
        .group_by(_LINK.c.change)
    )
    if date_from is not None:
        stmt = stmt.where(_R.written_on >= date_from)
    if date_to is not None:
        stmt = stmt.where(_R.written_on <= date_to)
    with store.read() as session:
        counts = {change: count for change, count in session.execute(stmt)}
    return [ChangeCount(change, counts.get(change, 0)) for change in LearningChange]


def reflection_for(store: Store, kind: str, record_id: int, on: dt.date) -> Reflection:
    """A new reflection "on this" journal entry or meeting: linked to it, and to its
    provider and child when it names exactly one of each."""
    with store.read() as session:
        if kind == "journal_entry":
            entry = session.get(m.JournalEntry, record_id)
            if entry is None or entry.deleted_at is not None:
                raise errors.not_found("journal entry", record_id)
            link = m.journal_entry_child
            children = session.scalars(
                select(link.c.child_id).where(link.c.entry_id == record_id)
            ).all()
            return Reflection(
                written_on=on,
                journal_entry_id=record_id,
                provider_id=entry.provider_id,
                child_id=children[0] if len(children) == 1 else None,
            )
        if kind == "meeting":
            meeting = session.get(m.Meeting, record_id)
            if meeting is None or meeting.deleted_at is not None:
                raise errors.not_found("meeting", record_id)
            children = _linked(session, m.meeting_child, "child_id", record_id)
            providers = _linked(session, m.meeting_provider, "provider_id", record_id)
            return Reflection(
                written_on=on,
                meeting_id=record_id,
                child_id=children[0] if len(children) == 1 else None,
                provider_id=providers[0] if len(providers) == 1 else None,
            )
    raise errors.ValidationError("Reflections start from a journal entry or a meeting.")


def _linked(session: Session, table: Any, column: str, meeting_id: int) -> list[int]:
    stmt = select(table.c[column]).where(table.c.meeting_id == meeting_id)
    return list(session.scalars(stmt))


# ---- from → to self-assessments ----------------------------------------------------------


def shift_poles(shift: PracticeShift) -> tuple[str, str]:
    """The "from" and "to" ends of a shift, e.g. ("Care focus", "child/children focus")."""
    start, _, end = shift.label.partition(" → ")
    return start, end


@dataclass(frozen=True)
class ShiftPosition:
    shift: PracticeShift
    position: int
    evidence: str = ""


@dataclass(frozen=True)
class SelfAssessment:
    assessed_on: dt.date
    positions: tuple[ShiftPosition, ...] = ()
    notes: str = ""
    id: int | None = None

    def position_of(self, shift: PracticeShift) -> ShiftPosition | None:
        return next((p for p in self.positions if p.shift is shift), None)


def _validate_assessment(session: Session, a: SelfAssessment) -> SelfAssessment:
    if a.assessed_on is None:
        raise errors.ValidationError("Enter the date of the self-assessment.")
    if a.assessed_on > clock.today():
        raise errors.ValidationError("A self-assessment cannot be dated in the future.")
    if not a.positions:
        raise errors.ValidationError("Place yourself on at least one of the shifts.")
    shifts = [p.shift for p in a.positions]
    if len(set(shifts)) != len(shifts):
        raise errors.ValidationError("Place yourself only once on each shift.")
    for p in a.positions:
        if not 0 <= p.position <= SHIFT_SCALE_MAX:
            raise errors.ValidationError(f"Positions run from 0 to {SHIFT_SCALE_MAX}.")
    order = list(PracticeShift)
    positions = sorted(
        (dataclasses.replace(p, evidence=clean_text(p.evidence)) for p in a.positions),
        key=lambda p: order.index(p.shift),
    )
    return dataclasses.replace(a, positions=tuple(positions), notes=clean_text(a.notes))


class _AssessmentCrud(Crud[SelfAssessment]):
    def as_record(self, row: Any) -> SelfAssessment:
        order = list(PracticeShift)
        positions = tuple(
            ShiftPosition(s.shift, s.position, s.evidence)
            for s in sorted(row.scores, key=lambda s: order.index(s.shift))
        )
        return to_record(SelfAssessment, row, positions=positions)

    def fill_extra(self, session: Session, row: Any, record: SelfAssessment) -> None:
        # Reuse the row held for a shift: inserting a new one before the old is deleted
        # would trip the one-score-per-shift constraint when an assessment is edited.
        existing = {s.shift: s for s in row.scores}
        kept = []
        for p in record.positions:
            score = existing.pop(p.shift, None) or m.SelfAssessmentScore(shift=p.shift)
            score.position, score.evidence = p.position, p.evidence
            kept.append(score)
        row.scores = kept


_assessments = _AssessmentCrud(
    m.SelfAssessment, SelfAssessment, "self-assessment", _validate_assessment
)

get_assessment = _assessments.get
create_assessment = _assessments.create
update_assessment = _assessments.update
delete_assessment = _assessments.delete
restore_assessment = _assessments.restore


def list_assessments(
    store: Store, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> list[SelfAssessment]:
    """Self-assessments, oldest first (within the period when one is given)."""
    a = m.SelfAssessment
    stmt = select(a).options(selectinload(a.scores)).where(a.deleted_at.is_(None))
    if date_from is not None:
        stmt = stmt.where(a.assessed_on >= date_from)
    if date_to is not None:
        stmt = stmt.where(a.assessed_on <= date_to)
    with store.read() as session:
        rows = session.scalars(stmt.order_by(a.assessed_on, a.id))
        return [_assessments.as_record(row) for row in rows]


@dataclass(frozen=True)
class ShiftPoint:
    on: dt.date
    position: int
    evidence: str
    assessment_id: int


@dataclass(frozen=True)
class ShiftHistory:
    """Where the commissioner placed themselves on one shift, assessment by assessment."""

    shift: PracticeShift
    points: tuple[ShiftPoint, ...]

    @property
    def latest(self) -> ShiftPoint | None:
        return self.points[-1] if self.points else None


def shift_history(
    store: Store, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> list[ShiftHistory]:
    """Each of the eight shifts with its positions over time, oldest first (one query)."""
    a, s = m.SelfAssessment, m.SelfAssessmentScore
    stmt = (
        select(s.shift, a.assessed_on, s.position, s.evidence, a.id)
        .join(a, a.id == s.assessment_id)
        .where(a.deleted_at.is_(None))
        .order_by(a.assessed_on, a.id)
    )
    if date_from is not None:
        stmt = stmt.where(a.assessed_on >= date_from)
    if date_to is not None:
        stmt = stmt.where(a.assessed_on <= date_to)
    points: dict[PracticeShift, list[ShiftPoint]] = {shift: [] for shift in PracticeShift}
    with store.read() as session:
        for shift, on, position, evidence, assessment_id in session.execute(stmt):
            points[shift].append(ShiftPoint(on, position, evidence, assessment_id))
    return [ShiftHistory(shift, tuple(found)) for shift, found in points.items()]
