"""Search covers every text a user writes, and each hit says which row to select when opened."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String, Text

from relcom_desktop.core import children, search
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import Outcome, PlanKind, QualityStandard, SettingDocumentKind
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

DAY = dt.date(2026, 11, 2)

# Text columns nobody types words into, so nobody searches them. Keep this list short.
NOT_USER_TEXT = {
    ("child", "ethnicity"),  # an SSDA903 ethnicity code chosen from a list
    ("child", "upn"),  # the Unique Pupil Number: an identifier, not words
    ("audit_event", "record_kind"),  # written by the app, never personal content
    ("audit_event", "detail"),  # written by the app
    ("app_setting", "key"),  # the name of a stored preference
    ("placement", "postcode"),  # the 903 return's PL_POST, kept only to give it back
}


def _text_columns() -> list[tuple[str, str]]:
    found = []
    for table in m.Base.metadata.sorted_tables:
        for column in table.columns:
            # Enumerations are TypeDecorators (codes with labels), not String or Text.
            if type(column.type) in (String, Text) and not column.foreign_keys:
                found.append((table.name, column.name))
    return found


def test_every_user_written_text_column_is_indexed() -> None:
    sources = {s.table: f"{s.title} {s.body}" for s in search.SOURCES}
    missing = [
        f"{table}.{column}"
        for table, column in _text_columns()
        if (table, column) not in NOT_USER_TEXT and f"R.{column}" not in sources.get(table, "")
    ]
    assert missing == [], f"text columns the search index does not cover: {missing}"
    assert len(_text_columns()) > 60  # the walk really saw the models


def _records(store: Store) -> dict[str, int]:
    child = a_child(store, "Rowan")
    provider = a_provider(store, "Hazelmere Care (Demo) Ltd")
    setting = a_setting(store, provider.id, "Hazelmere House")
    placement = a_placement(store, child.id, setting.id, dt.date(2026, 1, 5))
    with store.write() as session:
        reg40 = m.Reg40Notification(
            setting_id=setting.id, received_on=DAY, event_kind="Police called",
            summary="Young person missing overnight", response="Strategy meeting held",
        )  # fmt: skip
        visit = m.MonitoringVisit(
            setting_id=setting.id, visited_on=DAY, findings="Manager notified us promptly"
        )
        document = m.SettingDocument(
            setting_id=setting.id, kind=SettingDocumentKind.STATEMENT_OF_PURPOSE,
            title="Statement", notes="Laminated copy in hallway",
        )  # fmt: skip
        review = m.PlacementReview(placement_id=placement.id, held_on=DAY, summary="Settled")
        review.standards.append(
            m.PlacementReviewStandard(
                standard=QualityStandard.QUALITY_AND_PURPOSE, evidence="Bedroom vacant for weeks"
            )
        )
        check_in = m.CheckIn(child_id=child.id, held_on=DAY, child_view="Fine")
        check_in.outcomes.append(m.CheckInOutcome(outcome=Outcome.HAPPY, evidence="Beaming at tea"))
        plan = m.ChildPlan(child_id=child.id, kind=PlanKind.PEP, notes="Tutor for phonics")
        lac = m.LookedAfterReview(child_id=child.id, held_on=DAY, notes="IRO praised fishing")
        contact = m.ContactPerson(provider_id=provider.id, name="Ottoline Grebe", role="RI")
        rows = [reg40, visit, document, review, check_in, plan, lac, contact]
        session.add_all(rows)
        session.flush()
        ids = {type(r).__tablename__: r.id for r in rows}
    return ids | {"child": child.id, "setting": setting.id, "provider": provider.id}


def test_issue_words_are_found_and_carry_the_row_to_select(store: Store) -> None:
    ids = _records(store)
    expected = {
        "police": ("setting", ids["setting"], "reg40_notification", ids["reg40_notification"]),
        "notified": ("setting", ids["setting"], "monitoring_visit", ids["monitoring_visit"]),
        "laminated": ("setting", ids["setting"], "setting_document", ids["setting_document"]),
        "vacant": ("child", ids["child"], "placement_review", ids["placement_review"]),
        "beaming": ("child", ids["child"], "check_in", ids["check_in"]),
        "phonics": ("child", ids["child"], "child_plan", ids["child_plan"]),
        "fishing": ("child", ids["child"], "looked_after_review", ids["looked_after_review"]),
        "ottoline": ("provider", ids["provider"], "contact_person", ids["contact_person"]),
    }
    for word, target in expected.items():
        hits = search.search(store, word)
        assert [(h.open_kind, h.open_id, h.row_kind, h.row_id) for h in hits] == [target], word
    assert search.search(store, "phonics")[0].title == "Personal education plan"


def test_deleting_a_grandparent_hides_deep_records_and_restoring_brings_them_back(
    store: Store,
) -> None:
    ids = _records(store)
    children.delete_child(store, ids["child"])
    assert search.search(store, "vacant") == []
    assert search.search(store, "beaming") == []
    children.restore_child(store, ids["child"])
    assert len(search.search(store, "vacant")) == 1
    assert len(search.search(store, "beaming")) == 1


def test_existing_records_are_indexed_by_the_upgrade(store: Store) -> None:
    _records(store)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM search_fts")
    assert search.search(store, "police") == []
    search.rebuild(store)  # what the 0003 migration runs on an older file
    assert len(search.search(store, "police")) == 1
