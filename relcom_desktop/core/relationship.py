"""Relationship health with providers: which providers need attention now, and why.

Flags put a provider (or one of its settings) on the Today page: an unreviewed Regulation 40
notification or an Inadequate judgement first, then a run of concerns or no recent contact
while children are placed there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core import preferences
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import JournalKind, OfstedJudgement

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


def _reg40_flags(session: Session) -> list[ProviderFlag]:
    rows = session.execute(
        select(m.Reg40Notification, m.Setting.name, m.Provider.id, m.Provider.name)
        .join(m.Setting, m.Setting.id == m.Reg40Notification.setting_id)
        .join(m.Provider, m.Provider.id == m.Setting.provider_id)
        .where(
            m.Reg40Notification.deleted_at.is_(None),
            m.Reg40Notification.reviewed.is_(False),
            m.Provider.deleted_at.is_(None),
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


def _inadequate_flags(session: Session) -> list[ProviderFlag]:
    rows = session.execute(
        select(m.Setting, m.Provider.name)
        .join(m.Provider, m.Provider.id == m.Setting.provider_id)
        .where(
            m.Setting.deleted_at.is_(None),
            m.Provider.deleted_at.is_(None),
            m.Setting.ofsted_judgement == OfstedJudgement.INADEQUATE,
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


def _concern_run_flags(session: Session, run: int) -> list[ProviderFlag]:
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
        .where(entries.deleted_at.is_(None))
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


def _no_contact_flags(session: Session, today: dt.date, days: int) -> list[ProviderFlag]:
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
        .where(m.Provider.deleted_at.is_(None), or_(last.is_(None), last < cutoff))
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
) -> list[ProviderFlag]:
    """Every flag, most urgent first (Reg 40, Inadequate, concerns, no contact)."""
    today = today or dt.date.today()
    days = no_contact_days or preferences.get(store, preferences.PROVIDER_NO_CONTACT_DAYS)
    run = concern_run or preferences.get(store, preferences.PROVIDER_CONCERN_RUN)
    with store.read() as session:
        flags = [
            *_reg40_flags(session),
            *_inadequate_flags(session),
            *_concern_run_flags(session, int(run)),
            *_no_contact_flags(session, today, int(days)),
        ]
    return sorted(flags, key=lambda f: (f.reason, -(f.since or dt.date.min).toordinal()))
