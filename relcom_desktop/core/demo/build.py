"""``build_demo``: one transaction that fills an empty data file with a synthetic caseload."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock
from relcom_desktop.core.demo import actions, activity, meetings, people, providers, reflection
from relcom_desktop.core.demo.scales import SCALES, DemoScale, DemoSummary
from relcom_desktop.core.demo.sink import Cancelled, Progress, Sink
from relcom_desktop.core.demo.world import World
from relcom_desktop.core.errors import ValidationError
from relcom_desktop.core.models import AppSetting, Child, Provider
from relcom_desktop.core.store.db import Store

STAGES: tuple[Callable[[World], None], ...] = (
    providers.build_professionals,
    providers.build_providers,
    people.build_children,
    activity.build_reg40,
    activity.build_journal,
    meetings.build_meetings,
    actions.build_actions,
    reflection.build_reflections,
    reflection.build_self_assessments,
    reflection.add_audit,
)
SUMMARY_TABLES = {
    "children": "child",
    "family_links": "family_link",
    "legal_status_periods": "legal_status_period",
    "child_plans": "child_plan",
    "looked_after_reviews": "looked_after_review",
    "placements": "placement",
    "placement_reviews": "placement_review",
    "check_ins": "check_in",
    "providers": "provider",
    "settings": "setting",
    "contacts": "contact_person",
    "provider_reports": "provider_report",
    "monitoring_visits": "monitoring_visit",
    "setting_documents": "setting_document",
    "reg40_notifications": "reg40_notification",
    "journal_entries": "journal_entry",
    "meetings": "meeting",
    "decisions": "decision",
    "actions": "action",
    "reflections": "reflection",
    "self_assessments": "self_assessment",
}


def build_demo(
    store: Store,
    scale: str = "small",
    *,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DemoSummary:
    """Fill an empty data file with an obviously synthetic caseload, all dates near ``today``.

    The same ``scale``, ``seed`` and ``today`` always give the same rows. Everything is
    written in one transaction: if ``cancelled()`` returns True the build stops with
    ``RelcomError("Demo build cancelled")`` and nothing is saved.
    """
    size = _scale(scale)
    with store.write() as session:
        _refuse_if_used(session)
        sink = Sink(session, _units(size), progress, cancelled)
        world = World(random.Random(seed), today or clock.today(), size, sink)
        existing = set(session.scalars(select(AppSetting.key)))
        for stage in STAGES:
            stage(world)
        reflection.add_settings(world, existing, scale, seed)
        sink.flush()
        sink.report("Saving")
    return _summary(sink.counts)


def _scale(name: str) -> DemoScale:
    if name not in SCALES:
        known = ", ".join(SCALES)
        raise ValidationError(f"There is no demo size called {name!r}. Choose one of: {known}.")
    return SCALES[name]


def _refuse_if_used(session: Session) -> None:
    for model in (Child, Provider):
        if session.scalar(select(func.count()).select_from(model)):
            raise ValidationError(
                "This data file already has children or providers in it. Demo data can only "
                "be added to a new, empty data file, so it is never mixed with real records."
            )


def _units(size: DemoScale) -> int:
    return (
        size.providers
        + size.children
        + size.reg40_notifications
        + size.journal_entries
        + size.meetings
        + size.actions
        + size.reflections
        + size.self_assessments
    )


def _summary(counts: Counter[str]) -> DemoSummary:
    return DemoSummary(**{field: counts[table] for field, table in SUMMARY_TABLES.items()})
