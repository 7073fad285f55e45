"""Placement reviews: evidence and a rating against each of the nine Quality Standards."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from relcom_desktop.core import clock, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, to_record
from relcom_desktop.core.enums import QualityStandard, StandardRating
from relcom_desktop.core.ratings import checked_line, merged_rows
from relcom_desktop.core.store.db import Store


@dataclass(frozen=True)
class StandardEvidence:
    standard: QualityStandard
    rating: StandardRating | None = None
    evidence: str = ""


@dataclass(frozen=True)
class PlacementReview:
    placement_id: int
    held_on: dt.date
    standards: tuple[StandardEvidence, ...] = ()
    summary: str = ""
    id: int | None = None

    def for_standard(self, standard: QualityStandard) -> StandardEvidence:
        return next(
            (s for s in self.standards if s.standard is standard), StandardEvidence(standard)
        )


def _validate(session: Session, r: PlacementReview) -> PlacementReview:
    placement = session.get(m.Placement, r.placement_id)
    if placement is None or placement.deleted_at is not None:
        raise errors.ValidationError("Choose the placement this review is about.")
    if r.held_on is None or r.held_on > clock.today():
        raise errors.ValidationError("Enter the date of the review (today or earlier).")
    if r.held_on < placement.start_date:
        raise errors.ValidationError("A review cannot be dated before the placement started.")
    if placement.end_date is not None and r.held_on > placement.end_date:
        raise errors.ValidationError(
            f"A review cannot be dated after the placement ended ({placement.end_date:%d %b %Y})."
        )
    standards = tuple(_checked_standard(s) for s in r.standards)
    kinds = [s.standard for s in standards]
    if len(set(kinds)) != len(kinds):
        raise errors.ValidationError("Each Quality Standard can appear only once in a review.")
    if not any(s.rating is not None or s.evidence for s in standards) and not clean_text(r.summary):
        raise errors.ValidationError("Rate or give evidence for at least one standard.")
    return dataclasses.replace(r, standards=standards, summary=clean_text(r.summary))


def _checked_standard(s: StandardEvidence) -> StandardEvidence:
    return StandardEvidence(
        *checked_line(QualityStandard, StandardRating, s.standard, s.rating, s.evidence, "standard")
    )


class _ReviewCrud(Crud[PlacementReview]):
    def as_record(self, row: Any) -> PlacementReview:
        order = list(QualityStandard)
        standards = tuple(
            StandardEvidence(s.standard, s.rating, s.evidence)
            for s in sorted(row.standards, key=lambda s: order.index(s.standard))
        )
        return to_record(PlacementReview, row, standards=standards)

    def fill_extra(self, session: Session, row: Any, record: PlacementReview) -> None:
        lines = ((s.standard, s.rating, s.evidence) for s in record.standards)
        row.standards = merged_rows(
            row.standards, lines, "standard", lambda k: m.PlacementReviewStandard(standard=k)
        )


_crud = _ReviewCrud(m.PlacementReview, PlacementReview, "placement review", _validate)

get_review = _crud.get
create_review = _crud.create
update_review = _crud.update
delete_review = _crud.delete
restore_review = _crud.restore


def reviews_of_placement(
    reviews: list[PlacementReview], placement_id: int
) -> list[PlacementReview]:
    """The reviews (from :func:`reviews_of_child`, newest first) of one placement."""
    return [r for r in reviews if r.placement_id == placement_id]


def reviews_of_child(store: Store, child_id: int) -> list[PlacementReview]:
    """All reviews across the child's placements, newest first."""
    stmt = (
        select(m.PlacementReview)
        .options(selectinload(m.PlacementReview.standards))
        .join(m.Placement, m.Placement.id == m.PlacementReview.placement_id)
        .where(m.Placement.child_id == child_id, m.PlacementReview.deleted_at.is_(None))
        .order_by(m.PlacementReview.held_on.desc(), m.PlacementReview.id.desc())
    )
    with store.read() as session:
        return [_crud.as_record(row) for row in session.scalars(stmt)]
