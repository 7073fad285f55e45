"""The caseload list, filtered, sorted and paged by the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock
from relcom_desktop.core import models as m
from relcom_desktop.core.children import age_on
from relcom_desktop.core.crud import fetch_page, like_pattern
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementType
from relcom_desktop.core.store.db import Store


class ChildSort(StrEnum):
    NAME = "name"
    LA_REFERENCE = "la_reference"
    LEGAL_STATUS = "legal_status"
    AGE = "age"
    SETTING = "setting"
    DAYS_IN_PLACEMENT = "days"
    MOVES_12M = "moves"
    LAST_CHECK_IN = "check_in"


@dataclass(frozen=True)
class ChildFilter:
    text: str = ""
    placement_type: PlacementType | None = None
    legal_status: LegalStatus | None = None
    setting_id: int | None = None
    no_check_in_days: int | None = None
    ending_within_days: int | None = None
    include_archived: bool = False


@dataclass(frozen=True)
class ChildListRow:
    id: int
    preferred_name: str
    full_name: str
    la_reference: str | None
    age: int | None
    legal_status: LegalStatus | None
    setting_name: str | None
    placement_type: PlacementType | None
    days_in_placement: int | None
    placements_12m: int
    last_check_in: dt.date | None
    archived: bool


def _listing_query(today: dt.date) -> Select:
    current = (
        select(m.Placement.id)
        .where(
            m.Placement.child_id == m.Child.id,
            m.Placement.deleted_at.is_(None),
            m.Placement.start_date <= today,
            or_(m.Placement.end_date.is_(None), m.Placement.end_date >= today),
        )
        .order_by(m.Placement.start_date.desc())
        .limit(1)
        .correlate(m.Child)
        .scalar_subquery()
    )
    moves = (
        select(func.count(m.Placement.id))
        .where(
            m.Placement.child_id == m.Child.id,
            m.Placement.deleted_at.is_(None),
            m.Placement.start_date <= today,
            or_(
                m.Placement.end_date.is_(None),
                m.Placement.end_date >= today - dt.timedelta(days=365),
            ),
        )
        .correlate(m.Child)
        .scalar_subquery()
    )
    last_check_in = (
        select(func.max(m.CheckIn.held_on))
        .where(m.CheckIn.child_id == m.Child.id, m.CheckIn.deleted_at.is_(None))
        .correlate(m.Child)
        .scalar_subquery()
    )
    return (
        select(
            m.Child.id,
            m.Child.preferred_name,
            m.Child.full_name,
            m.Child.la_reference,
            m.Child.date_of_birth,
            m.Child.legal_status,
            m.Child.archived_at,
            m.Setting.name.label("setting_name"),
            m.Placement.placement_type,
            m.Placement.start_date.label("placement_start"),
            m.Placement.end_date.label("placement_end"),
            m.Placement.setting_id,
            moves.label("moves"),
            last_check_in.label("last_check_in"),
        )
        .outerjoin(m.Placement, m.Placement.id == current)
        .outerjoin(m.Setting, m.Setting.id == m.Placement.setting_id)
        .where(m.Child.deleted_at.is_(None))
    )


def _apply_filter(stmt: Select, f: ChildFilter, today: dt.date) -> Select:
    if not f.include_archived:
        stmt = stmt.where(m.Child.archived_at.is_(None))
    text = f.text.strip()
    if text:
        like = like_pattern(text)
        stmt = stmt.where(
            or_(
                m.Child.preferred_name.ilike(like, escape="\\"),
                m.Child.full_name.ilike(like, escape="\\"),
                m.Child.la_reference.ilike(like, escape="\\"),
            )
        )
    if f.placement_type is not None:
        stmt = stmt.where(m.Placement.placement_type == f.placement_type)
    if f.legal_status is not None:
        stmt = stmt.where(m.Child.legal_status == f.legal_status)
    if f.setting_id is not None:
        stmt = stmt.where(m.Placement.setting_id == f.setting_id)
    if f.no_check_in_days is not None:
        cutoff = today - dt.timedelta(days=f.no_check_in_days)
        stmt = stmt.where(
            or_(
                stmt.selected_columns.last_check_in.is_(None),
                stmt.selected_columns.last_check_in < cutoff,
            )
        )
    if f.ending_within_days is not None:
        horizon = today + dt.timedelta(days=f.ending_within_days)
        ends = func.coalesce(m.Placement.end_date, m.Placement.planned_end_date)
        stmt = stmt.where(and_(ends.is_not(None), ends >= today, ends <= horizon))
    return stmt


def _sort_key(sort: ChildSort, stmt: Select) -> Any:
    cols = stmt.selected_columns
    return {
        ChildSort.NAME: func.lower(m.Child.preferred_name),
        ChildSort.LA_REFERENCE: m.Child.la_reference,
        ChildSort.LEGAL_STATUS: m.Child.legal_status,
        ChildSort.AGE: case((m.Child.date_of_birth.is_(None), 1), else_=0),
        ChildSort.SETTING: func.lower(m.Setting.name),
        ChildSort.DAYS_IN_PLACEMENT: cols.placement_start,
        ChildSort.MOVES_12M: cols.moves,
        ChildSort.LAST_CHECK_IN: cols.last_check_in,
    }[sort]


def _order(stmt: Select, sort: ChildSort, descending: bool) -> Select:
    if sort is ChildSort.AGE:
        # Older children have earlier dates of birth; unknown ages always last.
        dob = m.Child.date_of_birth
        return stmt.order_by(
            _sort_key(sort, stmt), dob.asc() if descending else dob.desc(), m.Child.id
        )
    if sort is ChildSort.DAYS_IN_PLACEMENT:
        # More days in placement means an earlier start date.
        descending = not descending
    key = _sort_key(sort, stmt)
    return stmt.order_by(key.is_(None), key.desc() if descending else key.asc(), m.Child.id)


def list_children(
    store: Store,
    filt: ChildFilter = ChildFilter(),
    *,
    sort: ChildSort = ChildSort.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
    today: dt.date | None = None,
) -> list[ChildListRow]:
    """One page of the caseload, filtered and sorted by the database."""
    today = today or clock.today()
    stmt = _order(_apply_filter(_listing_query(today), filt, today), sort, descending)
    return [_list_row(row, today) for row in fetch_page(store, stmt, offset, limit)]


def count_children(
    store: Store, filt: ChildFilter = ChildFilter(), *, today: dt.date | None = None
) -> int:
    today = today or clock.today()
    stmt = _apply_filter(_listing_query(today), filt, today).subquery()
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(stmt)) or 0


def _list_row(row: Row[Any], today: dt.date) -> ChildListRow:
    start = row.placement_start
    return ChildListRow(
        id=row.id,
        preferred_name=row.preferred_name,
        full_name=row.full_name,
        la_reference=row.la_reference,
        age=age_on(row.date_of_birth, today),
        legal_status=row.legal_status,
        setting_name=row.setting_name,
        placement_type=row.placement_type,
        days_in_placement=(today - start).days if start else None,
        placements_12m=row.moves or 0,
        last_check_in=row.last_check_in,
        archived=row.archived_at is not None,
    )


def matching_child_ids(_session: Session, filt: ChildFilter) -> Select:
    """The ids of the children the caseload list shows for ``filt`` (for exports)."""
    today = clock.today()
    listing = _apply_filter(_listing_query(today), filt, today).subquery()
    return select(listing.c.id)
