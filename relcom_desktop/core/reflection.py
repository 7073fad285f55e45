"""Reflective practice: the learning log and from → to self-assessments."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, selectinload

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, to_record
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import SHIFT_SCALE_MAX, LearningChange, PracticeShift


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


def _validate_reflection(session: Session, r: Reflection) -> Reflection:
    if r.written_on is None:
        raise errors.ValidationError("Enter the date of the reflection.")
    texts = (r.what_happened, r.what_learned, r.do_differently)
    if not any(t.strip() for t in texts):
        raise errors.ValidationError("Write something about what happened or what you learned.")
    if not r.changes:
        raise errors.ValidationError("Tag the reflection with at least one of the nine changes.")
    return dataclasses.replace(
        r,
        changes=tuple(dict.fromkeys(r.changes)),
        what_happened=clean_text(r.what_happened),
        what_learned=clean_text(r.what_learned),
        do_differently=clean_text(r.do_differently),
    )


class _ReflectionCrud(Crud[Reflection]):
    def as_record(self, row: Any) -> Reflection:
        link = m.reflection_change
        session = Session.object_session(row)
        changes = session.scalars(select(link.c.change).where(link.c.reflection_id == row.id))
        order = list(LearningChange)
        return to_record(Reflection, row, changes=tuple(sorted(changes, key=order.index)))

    def fill_extra(self, session: Session, row: Any, record: Reflection) -> None:
        session.flush()
        link = m.reflection_change
        session.execute(delete(link).where(link.c.reflection_id == row.id))
        session.execute(
            insert(link), [{"reflection_id": row.id, "change": c} for c in record.changes]
        )


_reflections = _ReflectionCrud(m.Reflection, Reflection, "reflection", _validate_reflection)

get_reflection = _reflections.get
create_reflection = _reflections.create
update_reflection = _reflections.update
delete_reflection = _reflections.delete
restore_reflection = _reflections.restore


def list_reflections(store: Store) -> list[Reflection]:
    return _reflections.list_where(store, order_by=[m.Reflection.written_on.desc()])


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


def _validate_assessment(session: Session, a: SelfAssessment) -> SelfAssessment:
    if a.assessed_on is None:
        raise errors.ValidationError("Enter the date of the self-assessment.")
    shifts = [p.shift for p in a.positions]
    if len(set(shifts)) != len(shifts):
        raise errors.ValidationError("Place yourself only once on each shift.")
    for p in a.positions:
        if not 0 <= p.position <= SHIFT_SCALE_MAX:
            raise errors.ValidationError(f"Positions run from 0 to {SHIFT_SCALE_MAX}.")
    return dataclasses.replace(a, notes=clean_text(a.notes))


class _AssessmentCrud(Crud[SelfAssessment]):
    def as_record(self, row: Any) -> SelfAssessment:
        order = list(PracticeShift)
        positions = tuple(
            ShiftPosition(s.shift, s.position, s.evidence)
            for s in sorted(row.scores, key=lambda s: order.index(s.shift))
        )
        return to_record(SelfAssessment, row, positions=positions)

    def fill_extra(self, session: Session, row: Any, record: SelfAssessment) -> None:
        row.scores = [
            m.SelfAssessmentScore(shift=p.shift, position=p.position, evidence=p.evidence)
            for p in record.positions
        ]


_assessments = _AssessmentCrud(
    m.SelfAssessment, SelfAssessment, "self-assessment", _validate_assessment
)

get_assessment = _assessments.get
create_assessment = _assessments.create
update_assessment = _assessments.update
delete_assessment = _assessments.delete


def list_assessments(store: Store) -> list[SelfAssessment]:
    stmt = (
        select(m.SelfAssessment)
        .options(selectinload(m.SelfAssessment.scores))
        .where(m.SelfAssessment.deleted_at.is_(None))
        .order_by(m.SelfAssessment.assessed_on)
    )
    with store.read() as session:
        return [_assessments.as_record(row) for row in session.scalars(stmt)]
