"""Which children stand behind each number of the system overview, and the queries shared.

The figures in :mod:`relcom_desktop.core.overview` group placements by a *dimension*; a
:class:`Drill` names one value of one dimension, and :func:`children_behind` lists the
children whose placements have that value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, String, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from relcom_desktop.core import clock, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import OfstedJudgement
from relcom_desktop.core.store.db import Store

QUARTERS = 8
MOVES_CAP = 5
UNSTABLE_MOVES = 3
GOOD_OR_BETTER = (OfstedJudgement.OUTSTANDING, OfstedJudgement.GOOD)
NOT_RECORDED = "Not recorded"


class FigureKey(StrEnum):
    PLACEMENT_TYPE = "placement_type"
    LEGAL_STATUS = "legal_status"
    PROVIDER = "provider"
    STABILITY = "stability"
    JUDGEMENT = "judgement"
    LOCATION = "location"
    ENDINGS = "endings"


@dataclass(frozen=True)
class Drill:
    """Which children stand behind a number: a figure and the value picked in it."""

    figure: FigureKey
    value: str


@dataclass(frozen=True)
class ChildBehind:
    child_id: int
    preferred_name: str
    setting_name: str
    provider_name: str
    start_date: dt.date
    end_date: dt.date | None
    weekly_fee_pence: int


# ---- the placements behind every figure -------------------------------------------------


def placed_on(today: dt.date) -> Any:
    """A placement the child is living in on ``today`` (start day in, end day out)."""
    return and_(
        m.Placement.deleted_at.is_(None),
        m.Placement.start_date <= today,
        or_(m.Placement.end_date.is_(None), m.Placement.end_date > today),
    )


def _moves(today: dt.date) -> Any:
    """Placements the child lived in on any day of the twelve months to ``today``."""
    other = aliased(m.Placement)
    return (
        select(func.count(other.id))
        .where(
            other.child_id == m.Placement.child_id,
            other.deleted_at.is_(None),
            other.start_date <= today,
            or_(other.end_date.is_(None), other.end_date >= today - dt.timedelta(days=365)),
        )
        .correlate(m.Placement)
        .scalar_subquery()
    )


def base_query(*criteria: Any) -> Select:
    return (
        select(m.Placement.id)
        .join(m.Child, m.Child.id == m.Placement.child_id)
        .join(m.Setting, m.Setting.id == m.Placement.setting_id)
        .join(m.Provider, m.Provider.id == m.Setting.provider_id)
        .where(m.Child.deleted_at.is_(None), *criteria)
    )


def current_base(today: dt.date) -> Select:
    return base_query(placed_on(today), m.Child.archived_at.is_(None))


def _same_la(own: str) -> Any:
    return func.lower(func.trim(m.Setting.local_authority)) == own.strip().lower()


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def next_quarter(start: dt.date) -> dt.date:
    return dt.date(start.year + start.month // 10, (start.month + 2) % 12 + 1, 1)


def quarters(today: dt.date, count: int = QUARTERS) -> list[dt.date]:
    """The first days of the last ``count`` quarters, oldest first, ending with this one."""
    starts = [_quarter_start(today)]
    while len(starts) < count:
        previous = starts[0] - dt.timedelta(days=1)
        starts.insert(0, _quarter_start(previous))
    return starts


def quarter_label(start: dt.date) -> str:
    end = next_quarter(start) - dt.timedelta(days=1)
    return f"{start:%b}–{end:%b} {start.year}"


def ending_kind() -> Any:
    return case(
        (m.Placement.ending_planned.is_(True), "planned"),
        (m.Placement.ending_planned.is_(False), "unplanned"),
        else_="unknown",
    )


def dimension(figure: FigureKey, today: dt.date, own: str) -> Any:
    return {
        FigureKey.PLACEMENT_TYPE: m.Placement.placement_type,
        FigureKey.LEGAL_STATUS: func.coalesce(m.Child.legal_status, "", type_=String()),
        FigureKey.PROVIDER: m.Provider.id,
        FigureKey.STABILITY: case((_moves(today) >= MOVES_CAP, MOVES_CAP), else_=_moves(today)),
        FigureKey.JUDGEMENT: func.coalesce(m.Setting.ofsted_judgement, "", type_=String()),
        FigureKey.LOCATION: func.trim(m.Setting.local_authority),
    }[figure]


def _drill_clause(drill: Drill, today: dt.date, own: str) -> Any:
    """The condition picking the placements behind ``drill``."""
    f, value = drill.figure, drill.value
    if f is FigureKey.STABILITY:
        wanted = int(value.rstrip("+"))
        return _moves(today) >= wanted if value.endswith("+") else _moves(today) == wanted
    if f is FigureKey.JUDGEMENT and value == "good_or_better":
        return m.Setting.ofsted_judgement.in_(GOOD_OR_BETTER)
    if f is FigureKey.LOCATION and value == "outside":
        return and_(func.trim(m.Setting.local_authority) != "", ~_same_la(own))
    if f is FigureKey.PROVIDER:
        return m.Provider.id == int(value)
    return dimension(f, today, own) == value


def _endings_clause(value: str) -> Any:
    start_text, kind = value.split(":")
    start = dt.date.fromisoformat(start_text)
    return and_(
        m.Placement.end_date >= start,
        m.Placement.end_date < next_quarter(start),
        ending_kind() == kind,
    )


def children_behind(store: Store, drill: Drill, today: dt.date | None = None) -> list[ChildBehind]:
    """The children (with the placement that counted them) behind one number."""
    today = today or clock.today()
    with store.read() as session:
        own = own_la(session)
        if drill.figure is FigureKey.ENDINGS:
            base = base_query(m.Placement.deleted_at.is_(None), _endings_clause(drill.value))
        else:
            base = current_base(today).where(_drill_clause(drill, today, own))
        stmt = base.with_only_columns(
            m.Child.id,
            m.Child.preferred_name,
            m.Setting.name,
            m.Provider.name,
            m.Placement.start_date,
            m.Placement.end_date,
            m.Placement.weekly_fee_pence,
        ).order_by(func.lower(m.Child.preferred_name), m.Child.id, m.Placement.start_date)
        return [ChildBehind(*row) for row in session.execute(stmt)]


def own_la(session: Session) -> str:
    row = session.get(m.AppSetting, preferences.USER_LA)
    return str(row.value or "").strip() if row is not None else ""
