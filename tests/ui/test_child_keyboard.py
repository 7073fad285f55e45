"""From the keyboard alone: add a child, a family link, a placement and a check-in, then find
the child again from the list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from relcom_desktop.core import checkins, family, placements
from relcom_desktop.core.enums import ContactArrangement, Outcome, OutcomeRating
from relcom_desktop.core.interop.ssda903 import PlacementType
from relcom_desktop.ui.child.section import ChildrenSection
from relcom_desktop.ui.main_window import MainWindow
from tests.ui.helpers import in_dialog, press, shown_main_window, tab, type_in

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, caseload, settings) -> MainWindow:
    return shown_main_window(qtbot, caseload.store, settings)


def test_a_child_from_first_key_to_finding_them_again(qtbot, window: MainWindow, caseload):
    store = caseload.store
    press(qtbot, Qt.Key.Key_2, CTRL)  # Children, search box focused
    section = window.page("children")
    assert isinstance(section, ChildrenSection)
    qtbot.waitUntil(section.list.search.hasFocus)

    def new_child(dialog: QDialog) -> None:
        type_in(qtbot, "Zara")  # preferred name has the focus
        tab(qtbot)
        type_in(qtbot, "Zara Keyboard")
        tab(qtbot)
        type_in(qtbot, "14/2/2013")
        press(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, new_child, lambda: press(qtbot, Qt.Key.Key_N, CTRL))
    page = section.child_page
    assert section.currentWidget() is page
    assert page.header.name.text() == "Zara"
    child_id = page.child_id
    assert child_id is not None

    # The child's own words, then Ctrl+S.
    type_in(qtbot, "I like drawing dragons.")
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert not page.about.dirty

    # Family & links: Ctrl+Tab to the tab, Alt+A to add a link.
    page.tabs.tabBar().setFocus()
    press(qtbot, Qt.Key.Key_Right)
    assert page.tabs.currentWidget() is page.lazy_tabs[0]

    def add_link(dialog: QDialog) -> None:
        type_in(qtbot, "Nan Thistle")  # name
        tab(qtbot, 2)  # kind, relationship
        type_in(qtbot, "Nan")
        tab(qtbot)  # contact arrangement: M picks "Monthly, supervised", Down the next one
        type_in(qtbot, "M")
        press(qtbot, Qt.Key.Key_Down)
        tab(qtbot)  # importance
        type_in(qtbot, "Very")
        tab(qtbot)
        type_in(qtbot, "1/11/2026")
        press(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, add_link, lambda: press(qtbot, Qt.Key.Key_A, ALT))
    [link] = family.links_of(store, child_id)
    assert (link.name, link.relationship_text) == ("Nan Thistle", "Nan")
    assert link.contact_arrangement is ContactArrangement.MONTHLY_UNSUPERVISED

    # Placements: start one in an existing setting, found by typing part of its name.
    page.tabs.tabBar().setFocus()
    press(qtbot, Qt.Key.Key_Right)

    def start_placement(dialog: QDialog) -> None:
        type_in(qtbot, "oak")
        qtbot.waitUntil(lambda: dialog.setting.matches.count() == 1, timeout=2000)
        tab(qtbot, 2)  # type (suggested from the setting), start date (today)
        press(qtbot, Qt.Key.Key_End)
        tab(qtbot, 2)  # planned end, weekly fee
        type_in(qtbot, "4,100")
        press(qtbot, Qt.Key.Key_Return)

    in_dialog(qtbot, start_placement, lambda: press(qtbot, Qt.Key.Key_S, ALT))
    [placed] = placements.placements_for_child(store, child_id)
    assert placed.setting_name == "Oak House"
    assert placed.placement.placement_type is PlacementType.K2
    assert placed.placement.weekly_fee_pence == 410_000
    assert "Lives at Oak House" in page.header.home.text()

    # Check-ins: rate two outcomes and give the child's view.
    page.tabs.tabBar().setFocus()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    assert page.tabs.currentWidget() is page.lazy_tabs[3]

    def check_in(dialog: QDialog) -> None:
        tab(qtbot)  # date (today) -> Loved: rating
        type_in(qtbot, "G")
        tab(qtbot)
        type_in(qtbot, "Hugs with Nan at contact.")
        tab(qtbot)  # Happy: rating
        type_in(qtbot, "S")
        tab(qtbot, 12)  # past the other outcomes to the child's own view
        type_in(qtbot, "It's fine here, I miss Nan.")
        press(qtbot, Qt.Key.Key_Return, CTRL)

    in_dialog(qtbot, check_in, lambda: press(qtbot, Qt.Key.Key_R, ALT))
    [saved] = checkins.check_ins_of(store, child_id)
    assert saved.score(Outcome.LOVED).rating is OutcomeRating.GOING_WELL
    assert saved.score(Outcome.LOVED).evidence == "Hugs with Nan at contact."
    assert saved.score(Outcome.HAPPY).rating is OutcomeRating.SERIOUS_CONCERN
    assert saved.child_view == "It's fine here, I miss Nan."

    # Back to the list (Alt+Left) and find her again by the setting filter and by name.
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert section.currentWidget() is section.list
    children = section.list
    children.setting.setFocus()
    type_in(qtbot, "Oak")
    qtbot.waitUntil(lambda: "Zara" in names(children), timeout=2000)
    assert names(children) == ["Amy", "Cara", "Zara"]
    children.search.setFocus()
    type_in(qtbot, "zara")
    qtbot.waitUntil(lambda: names(children) == ["Zara"], timeout=2000)
    children.table.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert section.currentWidget() is page and page.child_id == child_id


def names(children) -> list[str]:
    model = children.model
    return [model.row_at(i).preferred_name for i in range(model.rowCount())]
