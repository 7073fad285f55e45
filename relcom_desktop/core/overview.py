"""The system overview: the whole caseload as figures for strategic and sufficiency meetings.

Every figure is aggregated by the database over the placements current on ``today`` (the
endings figure over placements that ended in each of the last eight quarters). Each figure's
cells carry a :class:`Drill` that :func:`children_behind` turns into the children behind it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import OfstedJudgement
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementType
from relcom_desktop.core.overview_drill import (
    GOOD_OR_BETTER,
    MOVES_CAP,
    NOT_RECORDED,
    QUARTERS,
    UNSTABLE_MOVES,
    ChildBehind,
    Drill,
    FigureKey,
    base_query,
    children_behind,
    current_base,
    dimension,
    ending_kind,
    next_quarter,
    own_la,
    quarter_label,
    quarters,
)
from relcom_desktop.core.store.db import Store

__all__ = ["ChildBehind", "Drill", "FigureKey", "children_behind", "system_overview"]


class Measure(StrEnum):
    COUNT = "count"
    MONEY = "money"
    SHARE = "share"


@dataclass(frozen=True)
class Cell:
    value: float
    drill: Drill | None = None


@dataclass(frozen=True)
class FigureRow:
    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class FigureColumn:
    header: str
    measure: Measure


@dataclass(frozen=True)
class Figure:
    key: FigureKey
    title: str
    headline: str
    label_header: str
    columns: tuple[FigureColumn, ...]
    rows: tuple[FigureRow, ...]
    chart_columns: tuple[int, ...] = (0,)
    """Which columns the chart draws (several are stacked, e.g. planned and unplanned)."""
    headline_drill: Drill | None = None


@dataclass(frozen=True)
class SystemOverview:
    today: dt.date
    own_la: str
    children_placed: int
    figures: tuple[Figure, ...]

    def figure(self, key: FigureKey) -> Figure:
        return next(f for f in self.figures if f.key == key)


CHILDREN = FigureColumn("Children", Measure.COUNT)
SHARE = FigureColumn("Share", Measure.SHARE)


# ---- the figures --------------------------------------------------------------------------


def _grouped(session: Session, dim: Any, today: dt.date) -> list[tuple[Any, int, int]]:
    """(value, children, weekly spend in pence) for each value of ``dimension``."""
    stmt = current_base(today).with_only_columns(
        dim.label("value"),
        func.count(func.distinct(m.Placement.child_id)),
        func.coalesce(func.sum(m.Placement.weekly_fee_pence), 0),
    )
    return [tuple(row) for row in session.execute(stmt.group_by(dim))]  # type: ignore[misc]


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _count_rows(
    figure: FigureKey, counts: list[tuple[str, str, int]], whole: int
) -> tuple[FigureRow, ...]:
    """Rows of (drill value, label, children) with each row's share of ``whole``."""
    return tuple(
        FigureRow(label, (Cell(n, Drill(figure, value)), Cell(_share(n, whole))))
        for value, label, n in counts
    )


def _percent(part: int, whole: int) -> str:
    return f"{_share(part, whole):.0%}"


def _by_enum(
    session: Session, figure: FigureKey, enum_cls: Any, today: dt.date, whole: int
) -> Figure:
    found = {value: n for value, n, _ in _grouped(session, dimension(figure, today, ""), today)}
    order = [*(e.value for e in enum_cls), ""]
    labels = {e.value: f"{e.value} · {e.label}" for e in enum_cls} | {"": NOT_RECORDED}
    counts = [
        (v, labels[v], found[v]) for v in sorted(found, key=lambda v: (-found[v], order.index(v)))
    ]
    what = "placement type" if figure is FigureKey.PLACEMENT_TYPE else "legal status"
    return Figure(
        figure,
        f"Children by {what}",
        f"{whole:,} children in placement on {today.day} {today:%B %Y}",
        what.capitalize(),
        (CHILDREN, SHARE),
        _count_rows(figure, counts, whole),
    )


def _providers(session: Session, today: dt.date) -> Figure:
    rows = _grouped(session, m.Provider.id, today)
    names = dict(
        session.execute(
            select(m.Provider.id, m.Provider.name).where(m.Provider.id.in_([r[0] for r in rows]))
        ).all()
    )
    rows.sort(key=lambda r: (-r[2], names[r[0]].lower()))
    spend = sum(r[2] for r in rows)
    return Figure(
        FigureKey.PROVIDER,
        "Placements and weekly spend by provider",
        f"£{spend / 100:,.0f} a week across {len(rows):,} providers",
        "Provider",
        (CHILDREN, FigureColumn("Weekly spend", Measure.MONEY)),
        tuple(
            FigureRow(names[pid], (Cell(n, Drill(FigureKey.PROVIDER, str(pid))), Cell(pence)))
            for pid, n, pence in rows
        ),
        chart_columns=(1,),
    )


def _stability(session: Session, today: dt.date, whole: int) -> Figure:
    found = {
        int(v): n for v, n, _ in _grouped(session, dimension(FigureKey.STABILITY, today, ""), today)
    }
    counts = [
        (
            f"{k}+" if k == MOVES_CAP else str(k),
            f"{k} or more" if k == MOVES_CAP else str(k),
            found.get(k, 0),
        )
        for k in range(1, MOVES_CAP + 1)
    ]
    unstable = sum(n for k, n in found.items() if k >= UNSTABLE_MOVES)
    return Figure(
        FigureKey.STABILITY,
        "Stability: placements in the last twelve months",
        f"{unstable:,} of {whole:,} children ({_percent(unstable, whole)}) had three or more "
        "placements in the last twelve months",
        "Placements",
        (CHILDREN, SHARE),
        _count_rows(FigureKey.STABILITY, counts, whole),
        headline_drill=Drill(FigureKey.STABILITY, f"{UNSTABLE_MOVES}+"),
    )


def _judgements(session: Session, today: dt.date, whole: int) -> Figure:
    found = {
        v: n for v, n, _ in _grouped(session, dimension(FigureKey.JUDGEMENT, today, ""), today)
    }
    counts = [(j.value, j.label, found.get(j.value, 0)) for j in OfstedJudgement]
    if found.get(""):
        counts.append(("", NOT_RECORDED, found[""]))
    good = sum(found.get(j.value, 0) for j in GOOD_OR_BETTER)
    return Figure(
        FigureKey.JUDGEMENT,
        "Children by their setting's Ofsted judgement",
        f"{_percent(good, whole)} of children ({good:,} of {whole:,}) live in settings judged "
        "Good or Outstanding",
        "Ofsted judgement",
        (CHILDREN, SHARE),
        _count_rows(FigureKey.JUDGEMENT, counts, whole),
        headline_drill=Drill(FigureKey.JUDGEMENT, "good_or_better"),
    )


def _location(session: Session, today: dt.date, whole: int, own: str) -> Figure:
    found = _grouped(session, dimension(FigureKey.LOCATION, today, own), today)
    key = own.strip().lower()
    inside = sum(n for la, n, _ in found if key and la.lower() == key)
    unknown = sum(n for la, n, _ in found if not la)
    outside = whole - inside - unknown if key else 0

    def label(la: str) -> str:
        if not la:
            return NOT_RECORDED
        return f"{la} (your authority)" if key and la.lower() == key else la

    counts = [(la, label(la), n) for la, n, _ in sorted(found, key=lambda r: (-r[1], r[0]))]
    headline = (
        f"{outside:,} of {whole:,} children ({_percent(outside, whole)}) live outside {own}"
        if key
        else "Set your own local authority in preferences to see who lives outside it"
    )
    return Figure(
        FigureKey.LOCATION,
        "Placements inside and outside your local authority",
        headline,
        "Local authority of the setting",
        (CHILDREN, SHARE),
        _count_rows(FigureKey.LOCATION, counts, whole),
        headline_drill=Drill(FigureKey.LOCATION, "outside") if key else None,
    )


def _endings(session: Session, today: dt.date) -> Figure:
    starts = quarters(today)
    quarter = case(
        *((m.Placement.end_date < next_quarter(s), s.isoformat()) for s in starts),
    )
    stmt = (
        base_query(
            m.Placement.deleted_at.is_(None),
            m.Placement.end_date >= starts[0],
            m.Placement.end_date <= today,
        )
        .with_only_columns(quarter.label("quarter"), ending_kind(), func.count(m.Placement.id))
        .group_by(quarter, ending_kind())
    )
    found = {(q, kind): n for q, kind, n in session.execute(stmt)}
    kinds = ("planned", "unplanned", "unknown")
    rows = []
    for s in starts:
        counts = [found.get((s.isoformat(), k), 0) for k in kinds]
        cells = [
            Cell(n, Drill(FigureKey.ENDINGS, f"{s.isoformat()}:{k}"))
            for n, k in zip(counts, kinds, strict=True)
        ]
        rows.append(FigureRow(quarter_label(s), (*cells, Cell(_share(counts[1], sum(counts))))))
    total = sum(found.values())
    unplanned = sum(n for (_, k), n in found.items() if k == "unplanned")
    return Figure(
        FigureKey.ENDINGS,
        "Planned and unplanned endings by quarter",
        f"{unplanned:,} of {total:,} placement endings ({_percent(unplanned, total)}) in the last "
        f"{QUARTERS} quarters were unplanned",
        "Quarter",
        (
            FigureColumn("Planned", Measure.COUNT),
            FigureColumn("Unplanned", Measure.COUNT),
            FigureColumn(NOT_RECORDED, Measure.COUNT),
            FigureColumn("Unplanned share", Measure.SHARE),
        ),
        tuple(rows),
        chart_columns=(0, 1, 2),
    )


def system_overview(store: Store, today: dt.date | None = None) -> SystemOverview:
    """Every figure of the system overview on ``today`` (a fixed date in tests)."""
    today = today or clock.today()
    with store.read() as session:
        own = own_la(session)
        whole = (
            session.scalar(
                current_base(today).with_only_columns(
                    func.count(func.distinct(m.Placement.child_id))
                )
            )
            or 0
        )
        figures = (
            _by_enum(session, FigureKey.PLACEMENT_TYPE, PlacementType, today, whole),
            _by_enum(session, FigureKey.LEGAL_STATUS, LegalStatus, today, whole),
            _providers(session, today),
            _stability(session, today, whole),
            _judgements(session, today, whole),
            _location(session, today, whole, own),
            _endings(session, today),
        )
    return SystemOverview(today, own, whole, figures)
