"""What the commissioner files against a setting: Reg 44/45 reports and monitoring visits.

Each record belongs to one setting; the provider page lists them for all the provider's
settings (or one). The document checklist lives in :mod:`setting_documents`, Regulation 40
notifications in :mod:`reg40`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, require_text, to_record
from relcom_desktop.core.enums import ProviderReportKind, RiskRating
from relcom_desktop.core.store.db import Store

CHECKLIST_MAX_ITEMS = 40
CHECKLIST_ITEM_MAX_LEN = 120


# ---- shared rules -------------------------------------------------------------------------


def check_setting(session: Session, setting_id: int | None) -> m.Setting:
    """The live setting a record is filed against, or a plain-English refusal."""
    setting = session.get(m.Setting, setting_id) if setting_id is not None else None
    if setting is None or setting.deleted_at is not None:
        raise errors.ValidationError("Choose the setting this is about.")
    return setting


def check_past_date(day: dt.date | None, what: str) -> dt.date:
    """A required date that cannot be in the future ("the date the report was received")."""
    if day is None:
        raise errors.ValidationError(f"Please enter {what}.")
    if day > clock.today():
        raise errors.ValidationError(f"{what[0].upper()}{what[1:]} cannot be in the future.")
    return day


def live_child_ids(session: Session, child_ids: tuple[int, ...]) -> tuple[int, ...]:
    """``child_ids`` without repeats; refused if any child is not on the caseload."""
    unique = tuple(dict.fromkeys(child_ids))
    known = set(
        session.scalars(
            select(m.Child.id).where(m.Child.id.in_(unique), m.Child.deleted_at.is_(None))
        )
    )
    if len(known) != len(unique):
        raise errors.ValidationError("One of the children chosen is no longer on the caseload.")
    return unique


@dataclass(frozen=True)
class Filed:
    """A record with the setting it is filed against, for the provider page's lists."""

    record: Any
    setting_name: str


def _filed_for_provider(
    store: Store, crud: Crud[Any], date_column: Any, provider_id: int, setting_id: int | None
) -> list[Filed]:
    model = crud.model
    stmt = (
        select(model, m.Setting.name)
        .join(m.Setting, m.Setting.id == model.setting_id)
        .where(
            model.deleted_at.is_(None),
            m.Setting.deleted_at.is_(None),
            m.Setting.provider_id == provider_id,
        )
        .order_by(date_column.desc(), model.id.desc())
    )
    if setting_id is not None:
        stmt = stmt.where(model.setting_id == setting_id)
    with store.read() as session:
        return [Filed(crud.as_record(row), name) for row, name in session.execute(stmt)]


# ---- Regulation 44 and 45 reports -------------------------------------------------------


@dataclass(frozen=True)
class ProviderReport:
    """A Regulation 44 (independent visitor) or 45 (quality of care review) report."""

    setting_id: int
    kind: ProviderReportKind
    received_on: dt.date
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    summary: str = ""
    concerns: str = ""
    follow_up: str = ""
    id: int | None = None


def _validate_report(session: Session, r: ProviderReport) -> ProviderReport:
    check_setting(session, r.setting_id)
    if r.kind is None:
        raise errors.ValidationError("Choose whether this is a Regulation 44 or 45 report.")
    check_past_date(r.received_on, "the date the report was received")
    if r.period_start and r.period_end and r.period_end < r.period_start:
        raise errors.ValidationError("The period the report covers cannot end before it starts.")
    if r.period_start and r.period_start > r.received_on:
        raise errors.ValidationError("The period the report covers starts after it was received.")
    return dataclasses.replace(
        r,
        summary=require_text(r.summary, "a short summary of the report"),
        concerns=clean_text(r.concerns),
        follow_up=clean_text(r.follow_up),
    )


_reports: Crud[ProviderReport] = Crud(
    m.ProviderReport, ProviderReport, "Regulation 44/45 report", _validate_report
)

get_report = _reports.get
create_report = _reports.create
update_report = _reports.update
delete_report = _reports.delete
restore_report = _reports.restore


def reports_for_provider(
    store: Store, provider_id: int, setting_id: int | None = None
) -> list[Filed]:
    """Reg 44/45 reports for the provider's settings (or one setting), newest first."""
    return _filed_for_provider(
        store, _reports, m.ProviderReport.received_on, provider_id, setting_id
    )


# ---- contract-monitoring visits -----------------------------------------------------------


@dataclass(frozen=True)
class MonitoringVisit:
    """A contract-monitoring visit: what was seen, what was found, and the risk rating."""

    setting_id: int
    visited_on: dt.date
    documents_seen: tuple[str, ...] = ()
    findings: str = ""
    risk: RiskRating | None = None
    risk_reason: str = ""
    id: int | None = None


def _validate_visit(session: Session, v: MonitoringVisit) -> MonitoringVisit:
    check_setting(session, v.setting_id)
    check_past_date(v.visited_on, "the date of the visit")
    reason = clean_text(v.risk_reason)
    if v.risk in (RiskRating.AMBER, RiskRating.RED) and not reason:
        colour = "amber" if v.risk is RiskRating.AMBER else "red"
        raise errors.ValidationError(f"Say why the risk is rated {colour}.")
    seen = tuple(dict.fromkeys(t for item in v.documents_seen if (t := clean_text(item))))
    return dataclasses.replace(
        v, documents_seen=seen, findings=clean_text(v.findings), risk_reason=reason
    )


class _VisitCrud(Crud[MonitoringVisit]):
    def as_record(self, row: Any) -> MonitoringVisit:
        return to_record(MonitoringVisit, row, documents_seen=tuple(row.documents_seen or ()))


_visits = _VisitCrud(m.MonitoringVisit, MonitoringVisit, "monitoring visit", _validate_visit)

get_visit = _visits.get
create_visit = _visits.create
update_visit = _visits.update
delete_visit = _visits.delete
restore_visit = _visits.restore


def visits_for_provider(
    store: Store, provider_id: int, setting_id: int | None = None
) -> list[Filed]:
    """Monitoring visits to the provider's settings (or one setting), newest first."""
    return _filed_for_provider(
        store, _visits, m.MonitoringVisit.visited_on, provider_id, setting_id
    )


def visit_checklist(store: Store) -> list[str]:
    """The documents a monitoring visit looks for (the editable template)."""
    items = preferences.get(store, preferences.VISIT_CHECKLIST)
    return [str(item) for item in items or ()]


def set_visit_checklist(store: Store, items: list[str]) -> list[str]:
    """Save the template of documents to look for on a visit; blank lines are dropped."""
    cleaned = list(dict.fromkeys(t for item in items if (t := clean_text(item))))
    if not cleaned:
        raise errors.ValidationError("The checklist needs at least one document to look for.")
    if len(cleaned) > CHECKLIST_MAX_ITEMS:
        raise errors.ValidationError(
            f"The checklist can hold at most {CHECKLIST_MAX_ITEMS} documents."
        )
    long = next((t for t in cleaned if len(t) > CHECKLIST_ITEM_MAX_LEN), None)
    if long is not None:
        raise errors.ValidationError(f"“{long[:40]}…” is too long for a checklist line.")
    preferences.put(store, preferences.VISIT_CHECKLIST, cleaned)
    return cleaned
