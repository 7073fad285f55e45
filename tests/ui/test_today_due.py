"""Today: reviews due and family contact gaps open the child where they are; the Reviews due
list sorts and opens; an empty caseload says what to do first; cards size to their content;
a new data file opens on Today."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from relcom_desktop.core import clock
from relcom_desktop.core.children import get_child, update_child
from relcom_desktop.core.enums import ContactArrangement, PlanKind
from relcom_desktop.core.family import FamilyLink, create_link
from relcom_desktop.core.plans import ChildPlan, create_plan
from relcom_desktop.core.store.db import open_store
from relcom_desktop.ui.background import wait_for_background
from relcom_desktop.ui.child.section import ChildrenSection
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.pages.reviews_due_dialog import ReviewsDueDialog
from relcom_desktop.ui.pages.today_page import TodayPage
from tests.ui.keyboard import dialog_of, key, open_window, tab_to

TODAY = clock.today()


def _due(caseload) -> int:
    """Amy became looked after long ago and has had no review; Ben's care plan is due."""
    store = caseload.store
    amy = get_child(store, caseload.children["Amy"])
    update_child(store, dataclasses.replace(amy, looked_after_since=TODAY - dt.timedelta(200)))
    plan = create_plan(
        store,
        ChildPlan(
            caseload.children["Ben"], PlanKind.CARE_PLAN, TODAY - dt.timedelta(100),
            next_review=TODAY + dt.timedelta(days=5),
        ),
    )  # fmt: skip
    create_link(
        store,
        FamilyLink(
            caseload.children["Cara"], "Grandad Ivo",
            contact_arrangement=ContactArrangement.WEEKLY_SUPERVISED,
        ),
    )  # fmt: skip
    assert plan.id is not None
    return plan.id


def _today(qtbot, caseload, settings: QSettings) -> tuple[MainWindow, TodayPage]:
    window = open_window(qtbot, caseload.store, settings)
    window.resize(1400, 900)
    page = window.page("today")
    assert isinstance(page, TodayPage)
    qtbot.waitUntil(lambda: page.loaded)
    return window, page


def _tab_label(window: MainWindow) -> str:
    section = window.current_page()
    assert isinstance(section, ChildrenSection)
    tabs = section.child_page.tabs
    return tabs.tabText(tabs.currentIndex())


def test_reviews_due_and_contact_gaps_open_the_child_on_the_right_tab(
    qtbot, caseload, settings: QSettings
) -> None:
    _due(caseload)
    window, page = _today(qtbot, caseload, settings)
    reviews = page.card("lac_reviews")
    assert [i.title for i in reviews.section.items] == ["Amy", "Ben"]
    assert reviews.section.items[0].urgent and "overdue" in reviews.section.items[0].detail
    tab_to(qtbot, reviews.list)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_section() == "children")
    assert _tab_label(window) == "Plans && reviews"

    window.show_section("today")
    gaps = page.card("contact_gaps")
    [gap] = gaps.section.items
    assert gap.title == "Cara" and "Grandad Ivo (none recorded)" in gap.detail
    tab_to(qtbot, gaps.list)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_section() == "children")
    assert _tab_label(window) == "Family && links"
    table = window.current_page().child_page.tabs.currentWidget().table
    assert table.current_record().name == "Grandad Ivo"


def test_the_reviews_due_list_sorts_and_opens_plans_and_reviews(
    qtbot, caseload, settings: QSettings
) -> None:
    plan_id = _due(caseload)
    window, page = _today(qtbot, caseload, settings)
    button = page.card("lac_reviews").findChild(QPushButton)
    assert button is not None and "reviews due" in button.text()
    tab_to(qtbot, button)
    key(qtbot, Qt.Key.Key_Space)
    dialog = dialog_of(qtbot, ReviewsDueDialog)
    qtbot.waitUntil(lambda: dialog.loaded)
    assert [r.child_name for r in dialog.rows()] == ["Amy", "Ben"]  # soonest due first
    headers = [dialog.table.horizontalHeaderItem(n).text() for n in range(4)]
    assert headers == ["Child", "Review", "Due", "Days over"]
    assert dialog.table.item(0, 3).text().endswith("days over")
    dialog.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)  # days over, fewest first
    assert [r.child_name for r in dialog.rows()] == ["Ben", "Amy"]
    assert dialog.table.item(0, 3).text() == "In 5 days"
    if out := os.environ.get("RELCOM_SHOTS"):
        dialog.grab().save(str(Path(out) / "reviews-due.png"))
    dialog.table.selectRow(0)
    assert QApplication.focusWidget() is dialog.table
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_section() == "children")
    assert _tab_label(window) == "Plans && reviews"
    plans = window.current_page().child_page.tabs.currentWidget().plans
    assert plans.current_record().id == plan_id


def test_an_empty_caseload_says_what_to_do_first(qtbot, store, settings: QSettings) -> None:
    window = open_window(qtbot, store, settings)
    page = window.page("today")
    qtbot.waitUntil(lambda: page.loaded)
    assert page.first_steps.isVisible()
    assert "start here" in page.first_steps.text.text()
    assert "Add the children" in page.first_steps.text.text()
    words = [label.text() for c in page.cards for label in c.findChildren(QLabel)]
    assert "Every child has had a recent check-in." not in words
    assert "check_ins" not in [c.section.key for c in page.cards]
    out = os.environ.get("RELCOM_SHOTS")
    if out:
        window.resize(1280, 800)
        qtbot.wait(100)
        window.grab().save(str(Path(out) / "today-empty.png"))


def test_cards_size_to_their_content(qtbot, caseload, settings: QSettings) -> None:
    _due(caseload)
    window, page = _today(qtbot, caseload, settings)
    assert page.columns() == 2
    empty = page.card("meetings")  # no meetings this week
    full = page.card("check_ins")  # three children never checked in
    assert not empty.section.items and len(full.section.items) == 3
    qtbot.waitUntil(lambda: empty.height() > 0)
    assert empty.height() < full.height() * 0.6
    out = os.environ.get("RELCOM_SHOTS")
    if out:
        window.resize(1280, 900)
        qtbot.wait(100)
        window.grab().save(str(Path(out) / "today-data.png"))


def test_a_new_data_file_opens_on_today_not_another_files_last_section(
    qtbot, caseload, settings: QSettings, tmp_path: Path
) -> None:
    first = open_window(qtbot, caseload.store, settings)
    first.show_section("providers")
    first.close()
    again = MainWindow(caseload.store, settings=settings)  # the same file: where it was left
    qtbot.addWidget(again)
    assert again.current_section() == "providers"
    again.close()
    fresh = open_store(tmp_path / "new-data")  # as the first-run wizard makes it
    try:
        window = MainWindow(fresh, settings=settings)
        qtbot.addWidget(window)
        assert window.current_section() == "today"
        window.close()
    finally:
        wait_for_background()
        fresh.close()
