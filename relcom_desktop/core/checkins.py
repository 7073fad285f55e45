"""Check-ins: how the child is doing against the seven principle-#1 outcomes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from relcom_desktop.core import clock, errors, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, to_record
from relcom_desktop.core.enums import Outcome, OutcomeRating
from relcom_desktop.core.ratings import checked_line, merged_rows
from relcom_desktop.core.store.db import Store


@dataclass(frozen=True)
class OutcomeScore:
    outcome: Outcome
    rating: OutcomeRating | None = None
    evidence: str = ""


@dataclass(frozen=True)
class CheckIn:
    child_id: int
    held_on: dt.date
    scores: tuple[OutcomeScore, ...] = ()
    child_view: str = ""
    notes: str = ""
    id: int | None = None

    def score(self, outcome: Outcome) -> OutcomeScore:
        return next((s for s in self.scores if s.outcome is outcome), OutcomeScore(outcome))


def _validate(session: Session, c: CheckIn) -> CheckIn:
    child = session.get(m.Child, c.child_id)
    if child is None or child.deleted_at is not None:
        raise errors.ValidationError("Choose the child this check-in is about.")
    if c.held_on is None or c.held_on > clock.today():
        raise errors.ValidationError("Enter the date of the check-in (today or earlier).")
    if child.date_of_birth and c.held_on < child.date_of_birth:
        raise errors.ValidationError("A check-in cannot be dated before the child was born.")
    scores = tuple(_checked_score(s) for s in c.scores)
    outcomes = [s.outcome for s in scores]
    if len(set(outcomes)) != len(outcomes):
        raise errors.ValidationError("Each outcome can be rated only once in a check-in.")
    if not any(s.rating is not None for s in scores) and not clean_text(c.child_view):
        raise errors.ValidationError("Rate at least one outcome or record the child's view.")
    return dataclasses.replace(
        c, scores=scores, child_view=clean_text(c.child_view), notes=clean_text(c.notes)
    )


def _checked_score(score: OutcomeScore) -> OutcomeScore:
    return OutcomeScore(
        *checked_line(
            Outcome, OutcomeRating, score.outcome, score.rating, score.evidence, "outcome"
        )
    )


class _CheckInCrud(Crud[CheckIn]):
    def as_record(self, row: Any) -> CheckIn:
        scores = tuple(
            OutcomeScore(o.outcome, o.rating, o.evidence)
            for o in sorted(row.outcomes, key=lambda o: list(Outcome).index(o.outcome))
        )
        return to_record(CheckIn, row, scores=scores)

    def fill_extra(self, session: Session, row: m.CheckIn, record: CheckIn) -> None:
        lines = ((s.outcome, s.rating, s.evidence) for s in record.scores)
        row.outcomes = merged_rows(
            row.outcomes, lines, "outcome", lambda o: m.CheckInOutcome(outcome=o)
        )


_crud = _CheckInCrud(m.CheckIn, CheckIn, "check-in", _validate)

get_check_in = _crud.get
create_check_in = _crud.create
update_check_in = _crud.update
delete_check_in = _crud.delete
restore_check_in = _crud.restore


def check_ins_of(store: Store, child_id: int) -> list[CheckIn]:
    """Every check-in for the child, newest first, with outcomes loaded in one extra query."""
    stmt = (
        select(m.CheckIn)
        .options(selectinload(m.CheckIn.outcomes))
        .where(m.CheckIn.child_id == child_id, m.CheckIn.deleted_at.is_(None))
        .order_by(m.CheckIn.held_on.desc(), m.CheckIn.id.desc())
    )
    with store.read() as session:
        return [_crud.as_record(row) for row in session.scalars(stmt)]


def outcome_series(
    check_ins: list[CheckIn],
) -> dict[Outcome, list[tuple[dt.date, int]]]:
    """For charts: each outcome's (date, rating) points in date order."""
    series: dict[Outcome, list[tuple[dt.date, int]]] = {o: [] for o in Outcome}
    for c in sorted(check_ins, key=lambda c: c.held_on):
        for s in c.scores:
            if s.rating is not None:
                series[s.outcome].append((c.held_on, int(s.rating)))
    return series


@dataclass(frozen=True)
class CheckInDue:
    """When the child last had a check-in, and when the next is due (every N days)."""

    last: dt.date | None
    due_on: dt.date | None
    every_days: int

    def overdue(self, today: dt.date) -> bool:
        return self.due_on is None or self.due_on < today


def check_in_due(store: Store, child_id: int) -> CheckInDue:
    """The child's latest check-in date and the next one due, from the chosen interval."""
    every = int(preferences.get(store, preferences.CHECK_IN_EVERY_DAYS))
    with store.read() as session:
        last = session.scalar(
            select(func.max(m.CheckIn.held_on)).where(
                m.CheckIn.child_id == child_id, m.CheckIn.deleted_at.is_(None)
            )
        )
    due = last + dt.timedelta(days=every) if last else None
    return CheckInDue(last, due, every)
