"""A long, realistic working session driven through the services (no Qt), for round-trip tests.

Every kind of record is created, edited, sent to the Trash and brought back; the quick-add
draft is saved and cleared; preferences are changed; imports and calendar exports leave their
remembered choices behind — every kind of value the app itself writes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from relcom_desktop.core import (
    checkins,
    children,
    contacts,
    family,
    placements,
    plans,
    provider_records,
    providers,
    reg40,
    retention,
    reviews,
    setting_documents,
)
from relcom_desktop.core.enums import (
    ContactArrangement,
    LinkImportance,
    LinkKind,
    OfstedJudgement,
    Outcome,
    OutcomeRating,
    PlanKind,
    ProviderReportKind,
    QualityStandard,
    RiskRating,
    SettingDocumentKind,
    Sex,
    StandardRating,
)
from relcom_desktop.core.interop.ssda903 import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonPlaceChange,
)
from relcom_desktop.core.store.db import Store
from tests.core.session_steps import (
    Ids,
    journal_and_drafts,
    meetings_and_actions,
    preferences_and_imports,
    reflection_log,
)

D = dt.date


def run_session(store: Store, scratch: Path) -> Ids:
    """Do a day's (and a year's) worth of ordinary work in ``store``."""
    ids = Ids()
    _providers(store, ids)
    _children(store, ids)
    _placements(store, ids)
    _child_records(store, ids)
    _provider_records(store, ids)
    journal_and_drafts(store, ids)
    meetings_and_actions(store, ids)
    reflection_log(store, ids)
    preferences_and_imports(store, scratch)
    return ids


def _providers(store: Store, ids: Ids) -> None:
    first = providers.create_provider(
        store, providers.Provider(name="Hollin Tree Care (Demo) Ltd", phone="01632 960123")
    )
    second = providers.create_provider(
        store,
        providers.Provider(
            name="Fernlea Fostering (Demo)",
            kind=PlacementProvider.PR5,
            email="office@fernlea.invalid",
            notes="Ünïcode — “quotes” and emoji 🌱",
        ),
    )
    providers.update_provider(store, dataclasses.replace(first, website="https://example.org"))
    gone = providers.create_provider(store, providers.Provider(name="Short-lived Ltd"))
    providers.delete_provider(store, gone.id)
    ids.providers += [first.id, second.id]
    home = providers.create_setting(
        store,
        providers.Setting(
            provider_id=first.id,
            name="Hollin Tree House",
            urn="SC999001",
            registered_places=3,
            ofsted_judgement=OfstedJudgement.GOOD,
            ofsted_date=D(2025, 3, 4),
            postcode="ZZ1 1ZZ",
        ),
    )
    foster = providers.create_setting(
        store, providers.Setting(provider_id=second.id, name="Fernlea carers", urn=None)
    )
    providers.update_setting(store, dataclasses.replace(home, registered_places=None))
    providers.delete_setting(store, foster.id)
    providers.restore_setting(store, foster.id)
    ids.settings += [home.id, foster.id]


def _children(store: Store, ids: Ids) -> None:
    ash = children.create_child(
        store,
        children.Child(
            preferred_name="Ash",
            full_name="Ash Test-Child",
            date_of_birth=D(2012, 5, 1),
            sex=Sex.FEMALE,
            legal_status=LegalStatus.C2,
            la_reference="LA0001",
            looked_after_since=D(2021, 1, 4),
            about_me="Likes drawing.\nLoves the dog.",
            about_me_updated=D(2026, 1, 2),
        ),
    )
    rowan = children.create_child(store, children.Child(preferred_name="Rowan", full_name=""))
    children.update_child(store, dataclasses.replace(ash, social_worker="Jo Reed", upn=""))
    children.set_archived(store, rowan.id, True)
    children.set_archived(store, rowan.id, False)
    children.delete_child(store, rowan.id)
    children.restore_child(store, rowan.id)
    retention.set_keep_until(store, ash.id, D(2087, 5, 1))
    retention.set_keep_until(store, ash.id, None)
    ids.children += [ash.id, rowan.id]


def _placements(store: Store, ids: Ids) -> None:
    ash, _rowan = ids.children
    home, foster = ids.settings
    first = placements.start_placement(
        store,
        placements.Placement(
            child_id=ash,
            setting_id=foster,
            placement_type=PlacementType.U4,
            start_date=D(2024, 1, 8),
            weekly_fee_pence=98_765,
        ),
    )
    moved = placements.move_child(
        store,
        placements.Placement(
            child_id=ash,
            setting_id=home,
            placement_type=PlacementType.K2,
            start_date=D(2025, 6, 2),
            planned_end_date=D(2027, 6, 1),
            weekly_fee_pence=512_000,
        ),
        planned=True,
        change_reason=ReasonPlaceChange.CARPL,
        notes="Planned move closer to school.",
    )
    placements.update_placement(store, dataclasses.replace(moved, notes="Settling well."))
    placements.delete_placement(store, moved.id)
    placements.restore_placement(store, moved.id)
    ids.placements += [first.id, moved.id]


def _child_records(store: Store, ids: Ids) -> None:
    ash, rowan = ids.children
    link = family.create_link(
        store,
        family.FamilyLink(
            child_id=ash,
            name="Nan Pat",
            kind=LinkKind.GRANDPARENT,
            contact_arrangement=ContactArrangement.MONTHLY_UNSUPERVISED,
            importance=LinkImportance.HIGH,
            last_contact=D(2026, 10, 1),
        ),
    )
    family.update_link(store, dataclasses.replace(link, last_contact=None, notes="Phones Sundays"))
    family.delete_link(store, link.id)
    family.restore_link(store, link.id)
    check = checkins.create_check_in(
        store,
        checkins.CheckIn(
            child_id=ash,
            held_on=D(2026, 9, 14),
            scores=(
                checkins.OutcomeScore(Outcome.LOVED, OutcomeRating.GOING_WELL, "Hugs her carer"),
                checkins.OutcomeScore(Outcome.SAFE, None, ""),
            ),
            child_view="“I like it here.”",
        ),
    )
    checkins.update_check_in(store, dataclasses.replace(check, notes="Follow up on school."))
    checkins.delete_check_in(store, check.id)
    checkins.restore_check_in(store, check.id)
    review = reviews.create_review(
        store,
        reviews.PlacementReview(
            placement_id=ids.placements[1],
            held_on=D(2026, 8, 3),
            standards=(
                reviews.StandardEvidence(QualityStandard.HEALTH, StandardRating.MET, "GP seen"),
                reviews.StandardEvidence(QualityStandard.EDUCATION),
            ),
            summary="Good start.",
        ),
    )
    reviews.update_review(store, dataclasses.replace(review, summary="Good start; PEP due."))
    plan = plans.create_plan(
        store, plans.ChildPlan(child_id=ash, kind=PlanKind.PEP, plan_date=D(2026, 9, 1))
    )
    plans.update_plan(store, dataclasses.replace(plan, next_review=D(2027, 3, 1)))
    plans.delete_plan(store, plan.id)
    plans.restore_plan(store, plan.id)
    held = plans.create_lac_review(
        store, plans.LookedAfterReview(child_id=rowan, held_on=D(2026, 2, 2), notes="")
    )
    plans.update_lac_review(store, dataclasses.replace(held, notes="Chaired by the IRO."))


def _provider_records(store: Store, ids: Ids) -> None:
    first, second = ids.providers
    home, foster = ids.settings
    ash, rowan = ids.children
    person = contacts.create_contact(
        store, contacts.Contact(name="Kim Hale", provider_id=first, role="Registered manager")
    )
    contacts.update_contact(store, dataclasses.replace(person, provider_id=None, phone="07700"))
    contacts.delete_contact(store, person.id)
    contacts.restore_contact(store, person.id)
    report = provider_records.create_report(
        store,
        provider_records.ProviderReport(
            setting_id=home,
            kind=ProviderReportKind.REG44,
            received_on=D(2026, 10, 20),
            period_start=D(2026, 9, 1),
            period_end=D(2026, 9, 30),
            summary="Visit in September.",
        ),
    )
    provider_records.update_report(store, dataclasses.replace(report, concerns="Rota gaps."))
    provider_records.create_report(
        store,
        provider_records.ProviderReport(
            setting_id=home, kind=ProviderReportKind.REG45, received_on=D(2026, 4, 1), summary="QoC"
        ),
    )
    visit = provider_records.create_visit(
        store,
        provider_records.MonitoringVisit(
            setting_id=home,
            visited_on=D(2026, 11, 2),
            documents_seen=("Staff rota", "Complaints log"),
            risk=RiskRating.AMBER,
            risk_reason="Two agency staff on nights.",
        ),
    )
    provider_records.update_visit(store, dataclasses.replace(visit, documents_seen=()))
    provider_records.delete_visit(store, visit.id)
    provider_records.restore_visit(store, visit.id)
    doc = setting_documents.create_document(
        store,
        setting_documents.SettingDocument(
            setting_id=home, kind=SettingDocumentKind.INSURANCE, expires=D(2027, 1, 31)
        ),
    )
    setting_documents.update_document(store, dataclasses.replace(doc, title="Public liability"))
    setting_documents.delete_document(store, doc.id)
    note = reg40.create_notification(
        store,
        reg40.Reg40Notification(
            setting_id=home,
            received_on=D(2026, 11, 10),
            event_kind=reg40.EVENT_KINDS[4],
            summary="Police called after a missing episode.",
            child_ids=(ash,),
        ),
    )
    reg40.mark_reviewed(store, note.id, "Discussed with the manager.")
    reg40.update_notification(
        store, dataclasses.replace(reg40.get_notification(store, note.id), child_ids=(ash, rowan))
    )
    reg40.delete_notification(store, note.id)
    reg40.restore_notification(store, note.id)
    _ = (second, foster)
