"""The tabs of a child's page: links, plans and reviews, check-ins, Quality Standards reviews,
journal mentions and actions."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from relcom_desktop.core import actions, checkins, clock, family, journal, plans, reviews
from relcom_desktop.core.checkins import CheckIn, OutcomeScore
from relcom_desktop.core.children import get_child, update_child
from relcom_desktop.core.enums import (
    ContactArrangement,
    JournalKind,
    LinkImportance,
    Outcome,
    OutcomeRating,
    QualityStandard,
    StandardRating,
)
from relcom_desktop.core.placements import placements_for_child
from relcom_desktop.core.reviews import PlacementReview, StandardEvidence
from relcom_desktop.ui.bus import bus, reset_bus
from relcom_desktop.ui.child.page import ChildPage
from tests.ui.helpers import in_dialog

TODAY = clock.today()


@pytest.fixture
def page(qtbot, caseload) -> ChildPage:
    reset_bus()
    widget = ChildPage(caseload.store)
    qtbot.addWidget(widget)
    widget.resize(1100, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def show_tab(page: ChildPage, caseload, name: str, index: int):
    page.show_child(caseload.children[name])
    page.tabs.setCurrentIndex(index)
    return page.tabs.currentWidget()


def test_family_reminder_names_links_without_recent_contact(qtbot, page, caseload):
    store, amy = caseload.store, caseload.children["Amy"]
    for name, importance, days in (
        ("Mum", LinkImportance.HIGH, 80),
        ("Cousin Jo", LinkImportance.LOW, 200),
        ("Nan", LinkImportance.MEDIUM, 3),
    ):
        family.create_link(
            store,
            family.FamilyLink(
                amy,
                name,
                contact_arrangement=ContactArrangement.MONTHLY_SUPERVISED,
                importance=importance,
                last_contact=TODAY - dt.timedelta(days=days),
            ),
        )
    tab = show_tab(page, caseload, "Amy", 1)
    assert tab.table.record_count() == 3
    assert tab.reminder.isVisibleTo(page)
    assert "No contact recorded in the last 42 days with: <b>Mum</b>" in tab.reminder.text()
    assert "Cousin Jo" not in tab.reminder.text()  # matters less to Amy
    tab.period.setValue(100)
    tab.period.editingFinished.emit()
    assert not tab.reminder.isVisibleTo(page)


def test_deleting_a_link_can_be_undone(qtbot, page, caseload):
    store, amy = caseload.store, caseload.children["Amy"]
    family.create_link(store, family.FamilyLink(amy, "Mum"))
    tab = show_tab(page, caseload, "Amy", 1)
    tab.table.setCurrentIndex(tab.table.records.index(0, 0))
    tab.delete()
    assert family.links_of(store, amy) == [] and tab.empty.isVisibleTo(page)
    bus().undo_stack.undo()
    assert [link.name for link in family.links_of(store, amy)] == ["Mum"]
    assert tab.table.record_count() == 1


def test_plans_tab_flags_an_overdue_review_and_clears_when_one_is_recorded(qtbot, page, caseload):
    store, amy = caseload.store, caseload.children["Amy"]
    child = get_child(store, amy)
    update_child(store, dataclasses.replace(child, looked_after_since=TODAY - dt.timedelta(60)))
    tab = show_tab(page, caseload, "Amy", 3)
    assert tab.due_chip.text().startswith("Looked-after review overdue since")
    assert "This will be the first review" in tab.schedule.text()
    assert page.header.review.text() == tab.due_chip.text()

    def fill(dialog: QDialog) -> None:
        dialog.held_on.setText("today")
        dialog.notes.setPlainText("Amy chaired part of it.")
        dialog.accept()

    in_dialog(qtbot, fill, tab.add_review.click)
    assert tab.reviews.record_count() == 1
    assert tab.due_chip.text().startswith("Next looked-after review")
    assert "This will be the second review" in tab.schedule.text()
    assert page.header.review.text() == tab.due_chip.text()


def test_a_plan_records_where_the_document_lives(qtbot, page, caseload):
    tab = show_tab(page, caseload, "Amy", 3)

    def fill(dialog: QDialog) -> None:
        assert dialog.kind.currentText() == "Care plan"
        dialog.plan_date.setText("today")
        dialog.location.setText("LCS > Documents > Care plan")
        dialog.accept()

    in_dialog(qtbot, fill, tab.add_plan.click)
    [plan] = plans.plans_of(caseload.store, caseload.children["Amy"])
    assert plan.location == "LCS > Documents > Care plan"
    assert tab.plans.records.index(0, 3).data() == "LCS > Documents > Care plan"


def add_check_ins(store, child_id: int) -> None:
    for days, rating, view in ((90, 2, "Not great."), (30, 3, "Better."), (2, 4, "Good now.")):
        checkins.create_check_in(
            store,
            CheckIn(
                child_id,
                TODAY - dt.timedelta(days=days),
                tuple(
                    OutcomeScore(o, OutcomeRating(rating), f"{o.label} evidence") for o in Outcome
                ),
                view,
            ),
        )


def test_check_ins_chart_and_detail(qtbot, page, caseload):
    add_check_ins(caseload.store, caseload.children["Amy"])
    tab = show_tab(page, caseload, "Amy", 4)
    assert tab.table.record_count() == 3
    assert tab.table.records.index(0, 1).data() == "Going well (loved)"
    assert "In the child's words</b><br>Good now." in tab.detail.text()
    assert [len(points) for points in tab.chart.series.values()] == [3] * 7
    assert tab.chart.describe().startswith("Loved: Going well; Happy: Going well")
    tab.table.setCurrentIndex(tab.table.records.index(2, 0))
    assert "Not great." in tab.detail.text()
    assert page.header.check_in.text().startswith("Last check-in")
    tab.chart.grab()  # paints without error


def test_editing_a_check_in_keeps_the_other_ratings(qtbot, page, caseload):
    add_check_ins(caseload.store, caseload.children["Amy"])
    tab = show_tab(page, caseload, "Amy", 4)

    def fill(dialog: QDialog) -> None:
        safe = dialog.rows[3]
        assert safe.outcome is Outcome.SAFE and safe.rating.currentText() == "Going well"
        safe.rating.setCurrentIndex(safe.rating.findData(OutcomeRating.SOME_CONCERN))
        safe.evidence.setText("Missing overnight once.")
        dialog.accept()

    in_dialog(qtbot, fill, tab.edit)
    latest = checkins.check_ins_of(caseload.store, caseload.children["Amy"])[0]
    assert latest.score(Outcome.SAFE).rating is OutcomeRating.SOME_CONCERN
    assert latest.score(Outcome.LOVED).rating is OutcomeRating.GOING_WELL
    assert bus().undo_stack.undoText() == "Edit check-in"


def test_a_new_review_shows_the_previous_one_beside_it(qtbot, page, caseload):
    store, amy = caseload.store, caseload.children["Amy"]
    [view] = placements_for_child(store, amy)
    reviews.create_review(
        store,
        PlacementReview(
            view.placement.id,
            TODAY - dt.timedelta(days=40),
            (StandardEvidence(QualityStandard.EDUCATION, StandardRating.PARTLY_MET, "PEP late"),),
            "Settling in.",
        ),
    )
    tab = show_tab(page, caseload, "Amy", 5)
    assert tab.table.record_count() == 1
    assert "Oak House" in tab.intro.text()

    def fill(dialog: QDialog) -> None:
        education = dialog.rows[2]
        assert education.standard is QualityStandard.EDUCATION
        texts = [w.text() for w in dialog.findChildren(type(dialog.problem))]
        assert "<b>Partly met</b><br>PEP late" in texts
        assert any(t.startswith("<b>Previous review, ") for t in texts)
        education.rating.setCurrentIndex(education.rating.findData(StandardRating.MET))
        education.evidence.setPlainText("PEP now up to date.")
        dialog.accept()

    in_dialog(qtbot, fill, tab.add_button.click)
    newest = reviews.reviews_of_child(store, amy)[0]
    assert newest.held_on == TODAY
    assert newest.for_standard(QualityStandard.EDUCATION).evidence == "PEP now up to date."
    assert tab.table.records.index(0, 2).data() == "1 of 9 met"


def test_journal_mentions_and_actions_open_their_records(qtbot, page, caseload):
    store, amy = caseload.store, caseload.children["Amy"]
    entry = journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=caseload.providers["Harbour Homes"],
            occurred_on=TODAY,
            kind=JournalKind.VISIT,
            summary="Visited Oak House",
            child_ids=(amy,),
        ),
    )
    action = actions.create_action(
        store, actions.Action("Chase the PEP", due_on=TODAY - dt.timedelta(1), child_id=amy)
    )
    opened: list[tuple[str, int]] = []
    bus().open_record.connect(lambda kind, record_id: opened.append((kind, record_id)))
    mentions = show_tab(page, caseload, "Amy", 6)
    assert mentions.count.text() == "1 journal entry names this child · press Enter to open one"
    mentions.table.setFocus()
    mentions.table.setCurrentIndex(mentions.table.records.index(0, 0))
    qtbot.keyClick(mentions.table, Qt.Key.Key_Return)
    todo = show_tab(page, caseload, "Amy", 7)
    assert todo.table.records.index(0, 0).data().endswith("· overdue")
    todo.table.setFocus()
    todo.table.setCurrentIndex(todo.table.records.index(0, 0))
    qtbot.keyClick(todo.table, Qt.Key.Key_Return)
    assert opened == [("journal_entry", entry.id), ("action", action.id)]


def test_tabs_load_only_when_shown(qtbot, page, caseload, monkeypatch):
    loads: list[str] = []
    for tab in page.lazy_tabs:
        original = tab.reload
        monkeypatch.setattr(
            tab, "reload", lambda t=tab, o=original: (loads.append(type(t).__name__), o())
        )
    page.show_child(caseload.children["Amy"])
    assert loads == []
    page.tabs.setCurrentIndex(4)
    page.tabs.setCurrentIndex(0)
    page.tabs.setCurrentIndex(4)
    assert loads == ["CheckInsTab"]  # loaded once, and again only after a change
    bus().changed.emit("check_in")
    assert loads == ["CheckInsTab", "CheckInsTab"]


def test_a_wrongly_entered_placement_can_be_deleted_and_brought_back(qtbot, page, caseload):
    store, ben = caseload.store, caseload.children["Ben"]
    tab = show_tab(page, caseload, "Ben", 2)
    [card] = tab.timeline.cards

    def fill(dialog: QDialog) -> None:
        [delete] = [b for b in dialog.buttons.buttons() if b.text() == "&Delete"]
        delete.click()

    in_dialog(qtbot, fill, card.edit.click)
    assert placements_for_child(store, ben) == [] and tab.timeline.cards == []
    assert page.header.home.text() == "No current placement"
    bus().undo_stack.undo()
    assert len(placements_for_child(store, ben)) == 1
    assert page.header.home.text().startswith("Lives at Willow carers")


def test_each_placement_shows_the_legal_status_periods_during_it(qtbot, page, caseload):
    from relcom_desktop.core import models as m
    from relcom_desktop.core.interop.ssda903 import LegalStatus

    store, ben = caseload.store, caseload.children["Ben"]
    [view] = placements_for_child(store, ben)
    start, day = view.placement.start_date, dt.timedelta(days=1)
    with store.write() as session:
        session.add_all(
            [
                m.LegalStatusPeriod(
                    child_id=ben, legal_status=LegalStatus.V2,
                    start_date=start - day * 400, end_date=start - day * 200,
                ),  # before this placement: not shown
                m.LegalStatusPeriod(
                    child_id=ben, legal_status=LegalStatus.C1,
                    start_date=start - day * 200, end_date=start + day * 5,
                ),
                m.LegalStatusPeriod(
                    child_id=ben, legal_status=LegalStatus.C2,
                    start_date=start + day * 5, end_date=None,
                ),
            ]
        )  # fmt: skip
    tab = show_tab(page, caseload, "Ben", 2)
    [card] = tab.timeline.cards
    shown = card.legal_status.text()
    assert not card.legal_status.isHidden()
    assert "C1 · " in shown and "C2 · " in shown and "V2" not in shown
    assert shown.index("C1") < shown.index("C2")  # in the order they came

    def read(dialog: QDialog) -> None:
        text = dialog.legal_status.text()
        assert "C1 · " in text and "C2 · " in text and "V2" not in text
        dialog.reject()

    in_dialog(qtbot, read, card.edit.click)
