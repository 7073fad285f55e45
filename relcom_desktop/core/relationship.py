"""Relationship health with providers: which providers need attention now, and why.

Flags put a provider (or one of its settings) on the Today page: an unreviewed Regulation 40
notification or an Inadequate judgement first, then a run of concerns or no recent contact
while children are placed there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from sqlalchemy import exists, func, or_, select, true
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.actions import Action
from relcom_desktop.core.crud import to_record
from relcom_desktop.core.enums import (
    ActionSource,
    ActionStatus,
    JournalKind,
    OfstedJudgement,
    TrustLevel,
)
from relcom_desktop.core.quarters import Quarter, quarters_between
from relcom_desktop.core.store.db import Store

CONCERN_KINDS = (JournalKind.CONCERN, JournalKind.ESCALATION)


class FlagReason(IntEnum):
    """Why a provider is flagged; lower values are more urgent."""

    REG40 = 1
    INADEQUATE = 2
    CONCERNS = 3
    NO_CONTACT = 4

    @property
    def label(self) -> str:
        return {
            FlagReason.REG40: "Regulation 40 notification to review",
            FlagReason.INADEQUATE: "Judged Inadequate by Ofsted",
            FlagReason.CONCERNS: "A run of concerns",
            FlagReason.NO_CONTACT: "No recent contact",
        }[self]


@dataclass(frozen=True)
class ProviderFlag:
    provider_id: int
    provider_name: str
    reason: FlagReason
    detail: str
    since: dt.date | None = None
    setting_id: int | None = None
    setting_name: str | None = None


def _only(provider_id: int | None) -> Any:
    """A condition keeping one provider's rows, or every provider's."""
    return true() if provider_id is None else m.Provider.id == provider_id


def _reg40_flags(session: Session, provider_id: int | None) -> list[ProviderFlag]:
    rows = session.execute(
        select(m.Reg40Notification, m.Setting.name, m.Provider.id, m.Provider.name)
        .join(m.Setting, m.Setting.id == m.Reg40Notification.setting_id)
        .join(m.Provider, m.Provider.id == m.Setting.provider_id)
        .where(
            m.Reg40Notification.deleted_at.is_(None),
            m.Reg40Notification.reviewed.is_(False),
            m.Setting.deleted_at.is_(None),
            m.Provider.deleted_at.is_(None),
            _only(provider_id),
        )
        .order_by(m.Reg40Notification.received_on.desc())
    )
    return [
        ProviderFlag(
            p_id,
            p_name,
            FlagReason.REG40,
            f"{n.event_kind or 'Notification'} at {s_name}",
            n.received_on,
            n.setting_id,
            s_name,
        )
        for n, s_name, p_id, p_name in rows
    ]


def _inadequate_flags(session: Session, provider_id: int | None) -> list[ProviderFlag]:
    rows = session.execute(
        select(m.Setting, m.Provider.name)
        .join(m.Provider, m.Provider.id == m.Setting.provider_id)
        .where(
            m.Setting.deleted_at.is_(None),
            m.Provider.deleted_at.is_(None),
            m.Setting.ofsted_judgement == OfstedJudgement.INADEQUATE,
            _only(provider_id),
        )
        .order_by(m.Setting.ofsted_date.desc())
    )
    return [
        ProviderFlag(
            s.provider_id,
            p_name,
            FlagReason.INADEQUATE,
            f"{s.name} judged Inadequate",
            s.ofsted_date,
            s.id,
            s.name,
        )
        for s, p_name in rows
    ]


def _ending_in_concern(provider_id: int | None) -> Any:
    """Providers that may have a run of concerns: a concern on their latest day in the journal
    (found from the date index), or only deleted entries that day. The ranking below then reads
    these few providers' entries, not the whole journal."""
    e = m.JournalEntry
    latest = (
        select(e.provider_id, func.max(e.occurred_on).label("day"))
        .where(true() if provider_id is None else e.provider_id == provider_id)
        .group_by(e.provider_id)
        .subquery()
    )

    def on_latest_day(*rules: Any) -> Any:
        return exists().where(
            e.provider_id == latest.c.provider_id,
            e.occurred_on == latest.c.day,
            e.deleted_at.is_(None),
            *rules,
        )

    concern = e.kind.in_([k.value for k in CONCERN_KINDS])
    return select(latest.c.provider_id).where(or_(on_latest_day(concern), ~on_latest_day()))


def _concern_run_flags(session: Session, run: int, provider_id: int | None) -> list[ProviderFlag]:
    """Providers whose latest ``run`` journal entries are all concerns or escalations."""
    entries = m.JournalEntry
    ranked = (
        select(
            entries.provider_id,
            entries.kind,
            entries.occurred_on,
            func.row_number()
            .over(
                partition_by=entries.provider_id,
                order_by=(entries.occurred_on.desc(), entries.id.desc()),
            )
            .label("n"),
        )
        .where(
            entries.deleted_at.is_(None), entries.provider_id.in_(_ending_in_concern(provider_id))
        )
        .subquery()
    )
    concern = func.sum(func.iif(ranked.c.kind.in_([k.value for k in CONCERN_KINDS]), 1, 0))
    rows = session.execute(
        select(ranked.c.provider_id, m.Provider.name, func.min(ranked.c.occurred_on))
        .join(m.Provider, m.Provider.id == ranked.c.provider_id)
        .where(ranked.c.n <= run, m.Provider.deleted_at.is_(None))
        .group_by(ranked.c.provider_id, m.Provider.name)
        .having(func.count() == run, concern == run)
    )
    return [
        ProviderFlag(
            p_id, name, FlagReason.CONCERNS, f"The last {run} entries were concerns", since
        )
        for p_id, name, since in rows
    ]


def _no_contact_flags(
    session: Session, today: dt.date, days: int, provider_id: int | None
) -> list[ProviderFlag]:
    """Providers with children placed now and no journal entry for ``days``."""
    placed = (
        select(m.Setting.provider_id)
        .join(m.Placement, m.Placement.setting_id == m.Setting.id)
        .where(
            m.Placement.deleted_at.is_(None),
            m.Placement.start_date <= today,
            or_(m.Placement.end_date.is_(None), m.Placement.end_date > today),
        )
        .distinct()
        .subquery()
    )
    last = (
        select(func.max(m.JournalEntry.occurred_on))
        .where(m.JournalEntry.provider_id == m.Provider.id, m.JournalEntry.deleted_at.is_(None))
        .scalar_subquery()
    )
    cutoff = today - dt.timedelta(days=days)
    rows = session.execute(
        select(m.Provider.id, m.Provider.name, last.label("last"))
        .join(placed, placed.c.provider_id == m.Provider.id)
        .where(
            m.Provider.deleted_at.is_(None),
            or_(last.is_(None), last < cutoff),
            _only(provider_id),
        )
    )
    return [
        ProviderFlag(
            p_id,
            name,
            FlagReason.NO_CONTACT,
            f"No contact for {(today - last).days} days" if last else "No contact recorded",
            last,
        )
        for p_id, name, last in rows
    ]


def providers_needing_attention(
    store: Store,
    today: dt.date | None = None,
    *,
    no_contact_days: int | None = None,
    concern_run: int | None = None,
    provider_id: int | None = None,
) -> list[ProviderFlag]:
    """Every flag (or one provider's), most urgent first: Reg 40, Inadequate, concerns,
    no contact. The thresholds default to the stored preferences."""
    today = today or clock.today()
    days = no_contact_days or preferences.get(store, preferences.PROVIDER_NO_CONTACT_DAYS)
    run = concern_run or preferences.get(store, preferences.PROVIDER_CONCERN_RUN)
    with store.read() as session:
        flags = [
            *_reg40_flags(session, provider_id),
            *_inadequate_flags(session, provider_id),
            *_concern_run_flags(session, int(run), provider_id),
            *_no_contact_flags(session, today, int(days), provider_id),
        ]
    return sorted(flags, key=lambda f: (f.reason, -(f.since or dt.date.min).toordinal()))


# ---- relationship health for one provider ---------------------------------------------------


@dataclass(frozen=True)
class TrustPoint:
    """How trust felt after one journal entry."""

    day: dt.date
    level: TrustLevel
    kind: JournalKind
    entry_id: int


@dataclass(frozen=True)
class QuarterTrust:
    quarter: Quarter
    mean: float | None  # None when no entry that quarter recorded trust
    entries: int


@dataclass(frozen=True)
class QuarterTally:
    """Concerns (and escalations) against praise in one quarter."""

    quarter: Quarter
    concerns: int
    praise: int


@dataclass(frozen=True)
class RelationshipHealth:
    provider_id: int
    first_quarter: Quarter
    last_contact: dt.date | None
    days_since_contact: int | None
    trust: list[TrustPoint]
    trust_by_quarter: list[QuarterTrust]
    concerns_and_praise: list[QuarterTally]
    open_follow_ups: list[Action]
    flags: list[ProviderFlag]

    @property
    def latest_trust(self) -> TrustLevel | None:
        return self.trust[-1].level if self.trust else None


def trust_by_quarter(points: list[TrustPoint], quarters: list[Quarter]) -> list[QuarterTrust]:
    """The mean trust level in each quarter (None for a quarter without a rating)."""
    levels: dict[Quarter, list[int]] = {q: [] for q in quarters}
    for point in points:
        levels.setdefault(Quarter.of(point.day), []).append(int(point.level))
    return [
        QuarterTrust(q, sum(levels[q]) / len(levels[q]) if levels[q] else None, len(levels[q]))
        for q in quarters
    ]


def tally_by_quarter(
    kinds: list[tuple[dt.date, JournalKind]], quarters: list[Quarter]
) -> list[QuarterTally]:
    concerns = dict.fromkeys(quarters, 0)
    praise = dict.fromkeys(quarters, 0)
    for day, kind in kinds:
        quarter = Quarter.of(day)
        if kind in CONCERN_KINDS and quarter in concerns:
            concerns[quarter] += 1
        elif kind is JournalKind.PRAISE and quarter in praise:
            praise[quarter] += 1
    return [QuarterTally(q, concerns[q], praise[q]) for q in quarters]


def provider_actions(store: Store, provider_id: int, *, open_only: bool = False) -> list[Action]:
    """Actions linked to the provider: open ones first, soonest due first."""
    stmt = select(m.Action).where(
        m.Action.provider_id == provider_id, m.Action.deleted_at.is_(None)
    )
    if open_only:
        stmt = stmt.where(m.Action.status == ActionStatus.OPEN)
    stmt = stmt.order_by(
        m.Action.status != ActionStatus.OPEN,
        m.Action.due_on.is_(None),
        m.Action.due_on,
        m.Action.id,
    )
    with store.read() as session:
        return [to_record(Action, row) for row in session.scalars(stmt)]


def _journal_rows(
    session: Session, provider_id: int, since: dt.date | None
) -> list[tuple[dt.date, JournalKind, TrustLevel | None, int]]:
    e = m.JournalEntry
    stmt = select(e.occurred_on, e.kind, e.trust, e.id).where(
        e.provider_id == provider_id, e.deleted_at.is_(None)
    )
    if since is not None:
        stmt = stmt.where(e.occurred_on >= since)
    return [tuple(row) for row in session.execute(stmt.order_by(e.occurred_on, e.id))]  # type: ignore[misc]


def relationship_health(
    store: Store, provider_id: int, today: dt.date | None = None, *, quarters: int | None = 8
) -> RelationshipHealth:
    """Trust over time, concerns against praise per quarter, days since the last contact,
    open follow-ups and flags for one provider, over the last ``quarters`` quarters (all
    time when None)."""
    today = today or clock.today()
    now = Quarter.of(today)
    first = now.back(quarters - 1) if quarters else None
    with store.read() as session:
        rows = _journal_rows(session, provider_id, first.start if first else None)
        last = session.scalar(
            select(func.max(m.JournalEntry.occurred_on)).where(
                m.JournalEntry.provider_id == provider_id, m.JournalEntry.deleted_at.is_(None)
            )
        )
    first = first or (Quarter.of(rows[0][0]) if rows else now)
    span = quarters_between(first, max(now, first))
    points = [TrustPoint(day, trust, kind, eid) for day, kind, trust, eid in rows if trust]
    follow_ups = [
        a
        for a in provider_actions(store, provider_id, open_only=True)
        if a.source is ActionSource.JOURNAL
    ]
    return RelationshipHealth(
        provider_id=provider_id,
        first_quarter=first,
        last_contact=last,
        days_since_contact=(today - last).days if last else None,
        trust=points,
        trust_by_quarter=trust_by_quarter(points, span),
        concerns_and_praise=tally_by_quarter([(d, k) for d, k, _t, _i in rows], span),
        open_follow_ups=follow_ups,
        flags=providers_needing_attention(store, today, provider_id=provider_id),
    )
