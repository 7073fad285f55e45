"""The provider page's overview: settings with their latest judgements and what needs
attention, the children placed now, and the weekly spend now."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from relcom_desktop.core import clock
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import RiskRating
from relcom_desktop.core.placements import PlacedChild, children_placed_with
from relcom_desktop.core.providers import Provider, Setting, get_provider, settings_of
from relcom_desktop.core.setting_documents import documents_needing_attention
from relcom_desktop.core.store.db import Store


@dataclass(frozen=True)
class SettingSummary:
    setting: Setting
    children_placed: int
    weekly_spend_pence: int
    documents_needing_attention: int
    latest_risk: RiskRating | None
    reg40_to_review: int


@dataclass(frozen=True)
class ProviderOverview:
    provider: Provider
    settings: list[SettingSummary]
    children: list[PlacedChild]

    @property
    def weekly_spend_pence(self) -> int:
        return sum(c.placement.weekly_fee_pence for c in self.children)


def _latest_risks(store: Store, setting_ids: list[int]) -> dict[int, RiskRating | None]:
    v = m.MonitoringVisit
    ranked = (
        select(
            v.setting_id,
            v.risk,
            func.row_number()
            .over(partition_by=v.setting_id, order_by=(v.visited_on.desc(), v.id.desc()))
            .label("n"),
        )
        .where(v.setting_id.in_(setting_ids), v.deleted_at.is_(None))
        .subquery()
    )
    stmt = select(ranked.c.setting_id, ranked.c.risk).where(ranked.c.n == 1)
    with store.read() as session:
        return {sid: RiskRating(risk) if risk else None for sid, risk in session.execute(stmt)}


def _reg40_to_review(store: Store, setting_ids: list[int]) -> dict[int, int]:
    n = m.Reg40Notification
    stmt = (
        select(n.setting_id, func.count(n.id))
        .where(n.setting_id.in_(setting_ids), n.deleted_at.is_(None), n.reviewed.is_(False))
        .group_by(n.setting_id)
    )
    with store.read() as session:
        return {sid: count for sid, count in session.execute(stmt)}


def provider_overview(
    store: Store, provider_id: int, today: dt.date | None = None
) -> ProviderOverview:
    today = today or clock.today()
    provider = get_provider(store, provider_id)
    settings = settings_of(store, provider_id)
    children = children_placed_with(store, provider_id, today)
    ids = [s.id for s in settings if s.id is not None]
    documents = documents_needing_attention(store, provider_id, today)
    risks = _latest_risks(store, ids)
    reg40 = _reg40_to_review(store, ids)
    summaries = [
        SettingSummary(
            setting=s,
            children_placed=sum(c.setting_id == s.id for c in children),
            weekly_spend_pence=sum(
                c.placement.weekly_fee_pence for c in children if c.setting_id == s.id
            ),
            documents_needing_attention=documents.get(s.id, 0),  # type: ignore[arg-type]
            latest_risk=risks.get(s.id),  # type: ignore[arg-type]
            reg40_to_review=reg40.get(s.id, 0),  # type: ignore[arg-type]
        )
        for s in settings
    ]
    return ProviderOverview(provider, summaries, children)
