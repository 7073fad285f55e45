"""What printed reports read: one bundle per document, built from the areas' services.

Most of a report comes straight from the services the screens use (children, family,
placements, check-ins, reviews, actions, providers, meetings, reflection). The few
relationship figures a report needs and no service offers yet — trust by month, concerns and
praise by quarter, the Regulation 44/45 log, journal excerpts with their full text, open
follow-ups — are small read functions here, each one query, so they can later be swapped for
the relationship and provider-records services without touching the reports.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import extract, func, select

from relcom_desktop.core import models as m
from relcom_desktop.core.actions import Action, open_actions
from relcom_desktop.core.checkins import CheckIn, check_ins_of
from relcom_desktop.core.children import Child, get_child
from relcom_desktop.core.crud import like_pattern, to_record
from relcom_desktop.core.enums import (
    ActionStatus,
    JournalKind,
    ProviderReportKind,
    TrustLevel,
)
from relcom_desktop.core.family import FamilyLink, links_of
from relcom_desktop.core.meetings import MeetingDetail, get_meeting_detail
from relcom_desktop.core.placements import (
    PlacedChild,
    PlacementView,
    Stability,
    children_placed_with,
    placements_for_child,
    stability,
)
from relcom_desktop.core.providers import Provider, Setting, get_provider, settings_of
from relcom_desktop.core.reflection import Reflection, get_reflection
from relcom_desktop.core.relationship import CONCERN_KINDS
from relcom_desktop.core.reviews import PlacementReview, reviews_of_child
from relcom_desktop.core.store.db import Store

MAX_JOURNAL_EXCERPTS = 2000
MAX_MEETINGS = 60
MAX_REFLECTIONS = 200


# ---- children --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChildSummaryData:
    child: Child
    links: list[FamilyLink]
    placements: list[PlacementView]
    stability: Stability
    check_ins: list[CheckIn]
    latest_review: PlacementReview | None
    open_actions: list[Action]


def child_summary_data(store: Store, child_id: int, today: dt.date) -> ChildSummaryData:
    child = get_child(store, child_id)  # NotFoundError for an unknown id
    history = placements_for_child(store, child_id)
    reviews = reviews_of_child(store, child_id)
    return ChildSummaryData(
        child=child,
        links=links_of(store, child_id),
        placements=history,
        stability=stability(history, today),
        check_ins=check_ins_of(store, child_id),
        latest_review=reviews[0] if reviews else None,
        open_actions=open_actions(store, child_id=child_id),
    )


def current_provider_id(history: list[PlacementView], today: dt.date) -> int | None:
    """The provider the child lives with today, if any."""
    for view in history:
        p = view.placement
        if p.start_date <= today and (p.end_date is None or p.end_date > today):
            return view.provider_id
    return None


# ---- providers -------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustPoint:
    month: dt.date  # the first day of the month
    average: float
    entries: int


@dataclass(frozen=True)
class QuarterCount:
    year: int
    quarter: int
    concerns: int
    praise: int

    @property
    def label(self) -> str:
        return f"Q{self.quarter} {self.year}"


@dataclass(frozen=True)
class ProviderReportRow:
    received_on: dt.date
    kind: ProviderReportKind
    setting_name: str
    period_start: dt.date | None
    period_end: dt.date | None
    summary: str
    concerns: str
    follow_up: str


@dataclass(frozen=True)
class JournalExcerpt:
    occurred_on: dt.date
    kind: JournalKind
    summary: str
    body: str
    trust: TrustLevel | None
    setting_name: str | None
    follow_up_on: dt.date | None


@dataclass(frozen=True)
class ProviderSummaryData:
    provider: Provider
    settings: list[Setting]
    placed: list[PlacedChild]
    trust: list[TrustPoint]
    quarters: list[QuarterCount]
    reports: list[ProviderReportRow]
    excerpts: list[JournalExcerpt]
    excerpts_in_period: int
    follow_ups: list[Action]
    period: tuple[dt.date, dt.date]

    @property
    def weekly_spend_pence(self) -> int:
        return sum(p.placement.weekly_fee_pence for p in self.placed)


def provider_summary_data(
    store: Store, provider_id: int, period: tuple[dt.date, dt.date]
) -> ProviderSummaryData:
    provider = get_provider(store, provider_id)  # NotFoundError for an unknown id
    excerpts, total = journal_excerpts(store, provider_id, period)
    return ProviderSummaryData(
        provider=provider,
        settings=settings_of(store, provider_id),
        placed=children_placed_with(store, provider_id, period[1]),
        trust=trust_by_month(store, provider_id, period),
        quarters=concerns_and_praise_by_quarter(store, provider_id, period),
        reports=provider_reports(store, provider_id, period),
        excerpts=excerpts,
        excerpts_in_period=total,
        follow_ups=open_follow_ups(store, provider_id),
        period=period,
    )


def _entries_in(provider_id: int, period: tuple[dt.date, dt.date]) -> list:
    e = m.JournalEntry
    return [
        e.provider_id == provider_id,
        e.deleted_at.is_(None),
        e.occurred_on >= period[0],
        e.occurred_on <= period[1],
    ]


def trust_by_month(
    store: Store, provider_id: int, period: tuple[dt.date, dt.date]
) -> list[TrustPoint]:
    """How trust felt, averaged over each month's journal entries that recorded it."""
    e = m.JournalEntry
    year, month = extract("year", e.occurred_on), extract("month", e.occurred_on)
    stmt = (
        select(year, month, func.avg(e.trust), func.count(e.trust))
        .where(*_entries_in(provider_id, period), e.trust.is_not(None))
        .group_by(year, month)
        .order_by(year, month)
    )
    with store.read() as session:
        return [
            TrustPoint(dt.date(int(y), int(mo), 1), float(avg), n)
            for y, mo, avg, n in session.execute(stmt)
        ]


def concerns_and_praise_by_quarter(
    store: Store, provider_id: int, period: tuple[dt.date, dt.date]
) -> list[QuarterCount]:
    """Concerns (and escalations) and praise in each quarter of the period, empty ones too."""
    e = m.JournalEntry
    year, month = extract("year", e.occurred_on), extract("month", e.occurred_on)
    kinds = [*CONCERN_KINDS, JournalKind.PRAISE]
    stmt = (
        select(year, month, e.kind, func.count())
        .where(*_entries_in(provider_id, period), e.kind.in_(kinds))
        .group_by(year, month, e.kind)
    )
    concerns: Counter[tuple[int, int]] = Counter()
    praise: Counter[tuple[int, int]] = Counter()
    with store.read() as session:
        for y, mo, kind, n in session.execute(stmt):
            key = (int(y), (int(mo) - 1) // 3 + 1)
            (praise if kind == JournalKind.PRAISE else concerns)[key] += n
    return [QuarterCount(y, q, concerns[(y, q)], praise[(y, q)]) for y, q in _quarters(period)]


def _quarters(period: tuple[dt.date, dt.date]) -> list[tuple[int, int]]:
    first, last = period
    y, q = first.year, (first.month - 1) // 3 + 1
    out = []
    while (y, q) <= (last.year, (last.month - 1) // 3 + 1):
        out.append((y, q))
        y, q = (y + 1, 1) if q == 4 else (y, q + 1)
    return out


def provider_reports(
    store: Store, provider_id: int, period: tuple[dt.date, dt.date]
) -> list[ProviderReportRow]:
    """Regulation 44 and 45 reports received for the provider's settings, newest first."""
    r = m.ProviderReport
    stmt = (
        select(r, m.Setting.name)
        .join(m.Setting, m.Setting.id == r.setting_id)
        .where(
            m.Setting.provider_id == provider_id,
            r.deleted_at.is_(None),
            r.received_on >= period[0],
            r.received_on <= period[1],
        )
        .order_by(r.received_on.desc(), r.id.desc())
    )
    with store.read() as session:
        return [
            ProviderReportRow(
                row.received_on,
                row.kind,
                name,
                row.period_start,
                row.period_end,
                row.summary,
                row.concerns,
                row.follow_up,
            )
            for row, name in session.execute(stmt)
        ]


def journal_excerpts(
    store: Store,
    provider_id: int,
    period: tuple[dt.date, dt.date],
    limit: int = MAX_JOURNAL_EXCERPTS,
) -> tuple[list[JournalExcerpt], int]:
    """The period's journal entries with their full text (newest first, at most ``limit``),
    and how many the period holds."""
    e = m.JournalEntry
    where = _entries_in(provider_id, period)
    stmt = (
        select(e, m.Setting.name)
        .outerjoin(m.Setting, m.Setting.id == e.setting_id)
        .where(*where)
        .order_by(e.occurred_on.desc(), e.id.desc())
        .limit(limit)
    )
    with store.read() as session:
        total = session.scalar(select(func.count()).select_from(e).where(*where)) or 0
        rows = [
            JournalExcerpt(
                row.occurred_on, row.kind, row.summary, row.body, row.trust, name, row.follow_up_on
            )
            for row, name in session.execute(stmt)
        ]
    return rows, total


def open_follow_ups(store: Store, provider_id: int) -> list[Action]:
    """Open actions linked to the provider (journal follow-ups and others), soonest first."""
    a = m.Action
    stmt = (
        select(a)
        .where(a.provider_id == provider_id, a.status == ActionStatus.OPEN, a.deleted_at.is_(None))
        .order_by(a.due_on.is_(None), a.due_on, a.id)
    )
    with store.read() as session:
        return [to_record(Action, row) for row in session.scalars(stmt)]


# ---- meetings and reflections ------------------------------------------------------------


@dataclass(frozen=True)
class MeetingMinutesData:
    detail: MeetingDetail
    children: list[tuple[str, str]]  # (preferred name, full name)
    providers: list[str]


def meeting_minutes_data(store: Store, meeting_id: int) -> MeetingMinutesData:
    detail = get_meeting_detail(store, meeting_id)  # NotFoundError for an unknown id
    with store.read() as session:
        children = session.execute(
            select(m.Child.preferred_name, m.Child.full_name)
            .where(m.Child.id.in_(detail.child_ids))
            .order_by(m.Child.preferred_name)
        ).all()
        providers = session.scalars(
            select(m.Provider.name)
            .where(m.Provider.id.in_(detail.provider_ids))
            .order_by(m.Provider.name)
        ).all()
    return MeetingMinutesData(detail, [(p, f or "") for p, f in children], list(providers))


def meetings_about(
    store: Store,
    *,
    child_id: int | None = None,
    provider_id: int | None = None,
    period: tuple[dt.date, dt.date],
    limit: int = MAX_MEETINGS,
) -> list[int]:
    """Ids of meetings in the period linked to the child or provider, oldest first."""
    mt = m.Meeting
    stmt = select(mt.id).where(
        mt.deleted_at.is_(None),
        mt.starts_at >= dt.datetime.combine(period[0], dt.time.min),
        mt.starts_at <= dt.datetime.combine(period[1], dt.time.max),
    )
    if child_id is not None:
        link = m.meeting_child
        stmt = stmt.join(link, link.c.meeting_id == mt.id).where(link.c.child_id == child_id)
    if provider_id is not None:
        link = m.meeting_provider
        stmt = stmt.join(link, link.c.meeting_id == mt.id).where(link.c.provider_id == provider_id)
    stmt = stmt.order_by(mt.starts_at.desc()).limit(limit)
    with store.read() as session:
        return list(reversed(session.scalars(stmt).all()))


def reflections_about(
    store: Store,
    *,
    child_id: int | None = None,
    provider_id: int | None = None,
    period: tuple[dt.date, dt.date],
    limit: int = MAX_REFLECTIONS,
) -> list[Reflection]:
    """Reflections in the period linked to the child or provider, oldest first."""
    r = m.Reflection
    stmt = select(r.id).where(
        r.deleted_at.is_(None), r.written_on >= period[0], r.written_on <= period[1]
    )
    if child_id is not None:
        stmt = stmt.where(r.child_id == child_id)
    if provider_id is not None:
        stmt = stmt.where(r.provider_id == provider_id)
    stmt = stmt.order_by(r.written_on.desc(), r.id.desc()).limit(limit)
    with store.read() as session:
        ids = list(reversed(session.scalars(stmt).all()))
    return [get_reflection(store, reflection_id) for reflection_id in ids]


@dataclass(frozen=True)
class MeetingChoice:
    id: int
    title: str
    starts_at: dt.datetime


def meeting_choices(store: Store, text: str = "", *, limit: int = 50) -> list[MeetingChoice]:
    """Meetings whose title contains ``text``, newest first, for pickers."""
    mt = m.Meeting
    stmt = select(mt.id, mt.title, mt.starts_at).where(mt.deleted_at.is_(None))
    if text.strip():
        stmt = stmt.where(mt.title.ilike(like_pattern(text.strip()), escape="\\"))
    stmt = stmt.order_by(mt.starts_at.desc(), mt.id.desc()).limit(limit)
    with store.read() as session:
        return [MeetingChoice(*row) for row in session.execute(stmt)]
