"""What is filed against a setting: Reg 44/45 reports, monitoring visits, the document
checklist, Regulation 40 notifications, and the provider page's overview."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import clock, errors, reg40
from relcom_desktop.core import provider_records as records
from relcom_desktop.core import setting_documents as docs
from relcom_desktop.core.enums import (
    OfstedJudgement,
    ProviderReportKind,
    RiskRating,
    SettingDocumentKind,
)
from relcom_desktop.core.provider_overview import provider_overview
from relcom_desktop.core.relationship import FlagReason, providers_needing_attention
from relcom_desktop.core.setting_documents import DocumentStatus
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

TODAY = clock.today()
DAY = dt.timedelta(days=1)


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    p = a_provider(store)
    other = a_provider(store, "Elsewhere Ltd")
    return {
        "provider": p.id,
        "oak": a_setting(store, p.id, "Oak House", urn="SC000001").id,
        "elm": a_setting(store, p.id, "Elm Lodge", urn="SC000002").id,
        "far": a_setting(store, other.id, "Far Away", urn="SC000003").id,
    }


def test_reports_are_listed_per_provider_and_setting(store: Store, ids: dict[str, int]) -> None:
    def report(setting: str, days_ago: int, kind: ProviderReportKind) -> None:
        records.create_report(
            store,
            records.ProviderReport(
                setting_id=ids[setting],
                kind=kind,
                received_on=TODAY - days_ago * DAY,
                period_start=TODAY - (days_ago + 40) * DAY,
                period_end=TODAY - (days_ago + 10) * DAY,
                summary=f"{setting} {days_ago}",
                concerns="Night staffing" if days_ago < 10 else "",
            ),
        )

    report("oak", 40, ProviderReportKind.REG44)
    report("elm", 5, ProviderReportKind.REG45)
    report("far", 1, ProviderReportKind.REG44)
    listed = records.reports_for_provider(store, ids["provider"])
    assert [(f.setting_name, f.record.summary) for f in listed] == [
        ("Elm Lodge", "elm 5"),
        ("Oak House", "oak 40"),
    ]
    assert listed[0].record.concerns == "Night staffing"
    only_oak = records.reports_for_provider(store, ids["provider"], ids["oak"])
    assert [f.record.summary for f in only_oak] == ["oak 40"]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"summary": " "}, "short summary"),
        ({"received_on": TODAY + DAY}, "cannot be in the future"),
        ({"period_start": TODAY - 5 * DAY, "period_end": TODAY - 9 * DAY}, "end before"),
        ({"period_start": TODAY + 2 * DAY}, "starts after"),
        ({"setting_id": 999}, "Choose the setting"),
    ],
)
def test_bad_reports_are_refused(
    store: Store, ids: dict[str, int], changes: dict, message: str
) -> None:
    good = records.ProviderReport(
        setting_id=ids["oak"], kind=ProviderReportKind.REG44, received_on=TODAY, summary="Fine"
    )
    with pytest.raises(errors.ValidationError, match=message):
        records.create_report(store, dataclasses.replace(good, **changes))
    assert records.reports_for_provider(store, ids["provider"]) == []


def test_visits_keep_the_documents_seen_and_need_a_reason_for_amber_or_red(
    store: Store, ids: dict[str, int]
) -> None:
    visit = records.MonitoringVisit(
        setting_id=ids["oak"],
        visited_on=TODAY - 3 * DAY,
        documents_seen=("Staff rota", " Staff rota ", "Complaints log", ""),
        findings="Warm and calm",
        risk=RiskRating.AMBER,
    )
    with pytest.raises(errors.ValidationError, match="Say why the risk is rated amber"):
        records.create_visit(store, visit)
    saved = records.create_visit(store, dataclasses.replace(visit, risk_reason="Agency staff"))
    got = records.get_visit(store, saved.id)
    assert got.documents_seen == ("Staff rota", "Complaints log")
    assert got.risk is RiskRating.AMBER
    records.create_visit(
        store,
        records.MonitoringVisit(setting_id=ids["oak"], visited_on=TODAY, risk=RiskRating.GREEN),
    )
    overview = provider_overview(store, ids["provider"])
    oak = next(s for s in overview.settings if s.setting.id == ids["oak"])
    assert oak.latest_risk is RiskRating.GREEN


def test_the_visit_checklist_template_is_editable(store: Store) -> None:
    assert "Statement of purpose" in records.visit_checklist(store)
    saved = records.set_visit_checklist(store, [" Fire log ", "", "Rota", "Fire log"])
    assert saved == records.visit_checklist(store) == ["Fire log", "Rota"]
    with pytest.raises(errors.ValidationError, match="at least one"):
        records.set_visit_checklist(store, ["  "])
    with pytest.raises(errors.ValidationError, match="too long"):
        records.set_visit_checklist(store, ["x" * 200])


def test_document_checklist_flags_expired_and_missing(store: Store, ids: dict[str, int]) -> None:
    def doc(kind: SettingDocumentKind, dated_ago: int, expires_in: int | None, title: str = ""):
        return docs.create_document(
            store,
            docs.SettingDocument(
                setting_id=ids["oak"],
                kind=kind,
                title=title,
                dated=TODAY - dated_ago * DAY,
                expires=TODAY + expires_in * DAY if expires_in is not None else None,
            ),
        )

    old_insurance = doc(SettingDocumentKind.INSURANCE, 400, -35)
    doc(SettingDocumentKind.INSURANCE, 30, 335)
    doc(SettingDocumentKind.STATEMENT_OF_PURPOSE, 360, -1)
    doc(SettingDocumentKind.REGISTRATION, 900, None)
    doc(SettingDocumentKind.SAFEGUARDING_POLICY, 300, 20)
    doc(SettingDocumentKind.OTHER_POLICY, 100, 600, "Missing from care policy")
    doc(SettingDocumentKind.OTHER_POLICY, 800, -10, "Behaviour policy")
    lines = docs.document_checklist(store, ids["oak"])
    got = [
        (line.kind, line.status, line.document.title if line.document else None) for line in lines
    ]
    assert got == [
        (SettingDocumentKind.STATEMENT_OF_PURPOSE, DocumentStatus.EXPIRED, "Statement of purpose"),
        (SettingDocumentKind.OFSTED_REPORT, DocumentStatus.MISSING, None),
        (SettingDocumentKind.REGISTRATION, DocumentStatus.CURRENT, "Registration certificate"),
        (SettingDocumentKind.INSURANCE, DocumentStatus.CURRENT, "Insurance"),
        (SettingDocumentKind.INSURANCE, DocumentStatus.SUPERSEDED, "Insurance"),
        (SettingDocumentKind.SAFEGUARDING_POLICY, DocumentStatus.EXPIRING, "Safeguarding policy"),
        (SettingDocumentKind.OTHER_POLICY, DocumentStatus.CURRENT, "Missing from care policy"),
        (SettingDocumentKind.OTHER_POLICY, DocumentStatus.EXPIRED, "Behaviour policy"),
    ]
    assert lines[4].document.id == old_insurance.id
    assert docs.documents_needing_attention(store, ids["provider"]) == {
        ids["oak"]: 3,  # statement of purpose, Ofsted report missing, behaviour policy
        ids["elm"]: len(SettingDocumentKind),  # nothing filed at all
    }
    with pytest.raises(errors.ValidationError, match="expire before"):
        doc(SettingDocumentKind.INSURANCE, 10, -20)


def test_reg40_is_on_today_until_reviewed_with_a_response(
    store: Store, ids: dict[str, int]
) -> None:
    ash, bea = a_child(store, "Ash").id, a_child(store, "Bea").id
    note = reg40.create_notification(
        store,
        reg40.Reg40Notification(
            setting_id=ids["oak"],
            received_on=TODAY,
            event_kind="Missing from care",
            summary="Missing overnight",
            child_ids=(bea, ash, bea),
        ),
    )
    assert sorted(reg40.get_notification(store, note.id).child_ids) == sorted([ash, bea])
    [row] = reg40.notifications_for_provider(store, ids["provider"])
    assert row.setting_name == "Oak House" and row.children == ("Ash", "Bea")
    [flag] = providers_needing_attention(store, TODAY, provider_id=ids["provider"])
    assert flag.reason is FlagReason.REG40 and flag.setting_id == ids["oak"]
    with pytest.raises(errors.ValidationError, match="Record your response"):
        reg40.mark_reviewed(store, note.id, "  ")
    reg40.mark_reviewed(store, note.id, "Strategy meeting attended")
    assert providers_needing_attention(store, TODAY, provider_id=ids["provider"]) == []
    with pytest.raises(errors.ValidationError, match="what kind of event"):
        reg40.create_notification(
            store, reg40.Reg40Notification(setting_id=ids["oak"], received_on=TODAY, event_kind="")
        )


def test_overview_counts_children_spend_and_attention(store: Store, ids: dict[str, int]) -> None:
    for name, setting, fee in (("Ash", "oak", 400_000), ("Bea", "oak", 380_000), ("Cy", "elm", 0)):
        child = a_child(store, name)
        a_placement(store, child.id, ids[setting], TODAY - 30 * DAY, fee=fee)
    gone = a_child(store, "Dee")
    a_placement(store, gone.id, ids["elm"], TODAY - 90 * DAY, TODAY - 10 * DAY)
    reg40.create_notification(
        store, reg40.Reg40Notification(setting_id=ids["elm"], received_on=TODAY, event_kind="Other")
    )
    overview = provider_overview(store, ids["provider"])
    assert [c.preferred_name for c in overview.children] == ["Cy", "Ash", "Bea"]
    assert overview.weekly_spend_pence == 780_000
    by_name = {s.setting.name: s for s in overview.settings}
    assert by_name["Oak House"].children_placed == 2
    assert by_name["Oak House"].weekly_spend_pence == 780_000
    assert by_name["Elm Lodge"].reg40_to_review == 1
    assert by_name["Oak House"].setting.ofsted_judgement is OfstedJudgement.GOOD
