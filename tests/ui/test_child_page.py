"""A child's page: editing in place, unsaved edits, undo, archive, Trash and opening records."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from relcom_desktop.core import children, clock, placements
from relcom_desktop.ui.bus import bus, reset_bus
from relcom_desktop.ui.child.section import ChildrenSection
from relcom_desktop.ui.child.trash_dialog import ChildrenTrashDialog
from tests.ui.helpers import in_dialog

TODAY = clock.today()


@pytest.fixture
def section(qtbot, caseload) -> Iterator[ChildrenSection]:
    reset_bus()
    window = QMainWindow()  # for the status bar messages
    widget = ChildrenSection(caseload.store)
    window.setCentralWidget(widget)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield widget  # the window lives until the test ends


def answer(monkeypatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make the next questions answer ``button``; returns the questions asked."""
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kw):
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def open_child(section: ChildrenSection, caseload, name: str) -> None:
    section.open_record("child", caseload.children[name])
    assert section.currentWidget() is section.child_page


def test_opening_a_child_shows_who_they_are_and_where_they_live(section, caseload):
    open_child(section, caseload, "Amy")
    header = section.child_page.header
    assert header.name.text() == "Amy"
    assert header.facts.text().startswith("Amy Example · Age 14 · Full care order (s31)")
    assert header.home.text() == "Lives at Oak House · 100 days"
    assert header.moves.text() == "1 placement in the last 12 months"
    assert header.check_in.text() == "No check-in yet"
    assert section.current_context() == ("child", caseload.children["Amy"])
    section.show_list()
    assert section.current_context() is None


def test_a_refused_save_keeps_what_was_typed(qtbot, section, caseload):
    open_child(section, caseload, "Amy")
    about = section.child_page.about
    about.voice[0].text.setPlainText("I like my room.\nAnd the dog.")
    about.details.la_reference.setText("LA-1002")  # Ben's reference
    assert about.dirty and about.save_button.isEnabled()
    assert not about.save()
    assert "Ben already has the LA reference LA-1002" in about.problem.text()
    assert about.voice[0].text.toPlainText() == "I like my room.\nAnd the dog."
    assert children.get_child(caseload.store, caseload.children["Amy"]).about_me == ""


def test_the_preferred_name_is_checked_as_it_is_typed(qtbot, section, caseload):
    open_child(section, caseload, "Amy")
    about = section.child_page.about
    about.details.preferred_name.clear()
    about.details.preferred_name.editingFinished.emit()  # shown once the user moves on
    problems = [lbl.text() for lbl in about.findChildren(type(about.problem)) if lbl.isVisible()]
    assert "⚠ Please enter a preferred name." in problems
    assert not about.save()
    qtbot.keyClicks(about.details.preferred_name, "Aimee")
    assert about.save()
    assert section.child_page.header.name.text() == "Aimee"


def test_dates_are_checked_as_typed(qtbot, section, caseload):
    open_child(section, caseload, "Amy")
    about = section.child_page.about
    field = about.details.looked_after_since
    field.clear()
    qtbot.keyClicks(field, "31/2/2020")
    field.editingFinished.emit()
    assert field.problem() == "That date does not exist; check the day and month."
    field.clear()
    qtbot.keyClicks(field, "1/1/2005")
    assert about.details._since_problem() == "This is before the date of birth."


def test_saving_is_one_undoable_step(qtbot, section, caseload):
    open_child(section, caseload, "Amy")
    page = section.child_page
    page.about.voice[1].text.setPlainText("I want to stay at Oak House.")
    page.about.voice[1].text.setFocus()
    qtbot.keyClick(page.about.voice[1].text, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    amy = children.get_child(caseload.store, caseload.children["Amy"])
    assert amy.wishes_and_feelings == "I want to stay at Oak House."
    assert amy.wishes_and_feelings_updated == TODAY
    assert page.about.voice[1].updated.text() == f"Last updated {TODAY.day} {TODAY:%b %Y}"
    assert bus().undo_stack.undoText() == "Edit Amy's details"
    bus().undo_stack.undo()
    assert page.about.voice[1].text.toPlainText() == ""
    assert page.about.voice[1].updated.text() == "Not updated yet"
    bus().undo_stack.redo()
    assert page.about.voice[1].text.toPlainText() == "I want to stay at Oak House."


def test_unsaved_edits_prompt_before_leaving(qtbot, section, caseload, monkeypatch):
    open_child(section, caseload, "Amy")
    page = section.child_page
    page.about.voice[0].text.setPlainText("Half-written thought")
    assert page.tabs.tabText(0) == "About me •"
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not section.show_list()
    section.open_record("child", caseload.children["Ben"])
    assert page.header.name.text() == "Amy"  # stayed, nothing lost
    assert page.about.voice[0].text.toPlainText() == "Half-written thought"
    assert len(asked) == 2 and "Save your changes to Amy's page" in asked[0]
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    section.open_record("child", caseload.children["Ben"])
    assert page.header.name.text() == "Ben"
    assert children.get_child(caseload.store, caseload.children["Amy"]).about_me == ""
    page.about.voice[0].text.setPlainText("Ben's words")
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    assert section.show_list()
    assert children.get_child(caseload.store, caseload.children["Ben"]).about_me == "Ben's words"


def test_archive_hides_from_the_list_and_undo_returns(qtbot, section, caseload):
    open_child(section, caseload, "Dev")
    page = section.child_page
    page.header.archive_button.click()
    assert page.header.archived.isVisible()
    assert page.header.archive_button.text() == "Return to caseload"
    assert section.list.count_label.text() == "3 children"
    bus().undo_stack.undo()
    assert not page.header.archived.isVisible()
    assert section.list.count_label.text() == "4 children"


def test_trash_and_restore(qtbot, section, caseload, monkeypatch):
    open_child(section, caseload, "Dev")
    section.child_page.header.trash_button.click()
    assert section.currentWidget() is section.list
    assert section.list.count_label.text() == "3 children"
    assert "Dev was moved to the Trash" in section.window().statusBar().currentMessage()
    bus().undo_stack.undo()
    assert section.list.count_label.text() == "4 children"
    bus().undo_stack.redo()
    dialog = ChildrenTrashDialog(caseload.store, section)
    qtbot.addWidget(dialog)
    assert dialog.table.record_count() == 1
    dialog.restore()
    assert not dialog.empty.isHidden() and not dialog.restore_button.isEnabled()
    assert section.list.count_label.text() == "4 children"


def test_purge_asks_first_then_deletes_for_good(qtbot, section, caseload, monkeypatch):
    children.delete_child(caseload.store, caseload.children["Dev"])
    dialog = ChildrenTrashDialog(caseload.store, section)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a, **_k: QMessageBox.StandardButton.Cancel)
    dialog.purge()
    assert dialog.table.record_count() == 1
    monkeypatch.setattr(QMessageBox, "warning", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    dialog.purge()
    assert dialog.table.record_count() == 0
    assert children.deleted_children(caseload.store) == []


def test_an_overlapping_placement_is_refused_in_the_dialog(qtbot, section, caseload):
    open_child(section, caseload, "Amy")
    page = section.child_page
    page.tabs.setCurrentIndex(2)
    tab = page.tabs.currentWidget()
    checked: list[str] = []

    def fill(dialog: QDialog) -> None:
        dialog.move.setChecked(False)  # do not end the current placement
        dialog.fee.setText("3,000")
        dialog.accept()
        checked.append(dialog.problem.text())
        assert dialog.isVisible() and dialog.fee.text() == "3,000"
        dialog.reject()

    in_dialog(qtbot, fill, tab.start_button.click)
    assert "overlaps the placement at Oak House" in checked[0]
    assert len(placements.placements_for_child(caseload.store, caseload.children["Amy"])) == 1


def test_a_move_ends_the_current_placement_and_undo_puts_it_back(qtbot, section, caseload):
    store, amy = caseload.store, caseload.children["Amy"]
    open_child(section, caseload, "Amy")
    page = section.child_page
    page.tabs.setCurrentIndex(2)
    tab = page.tabs.currentWidget()

    def fill(dialog: QDialog) -> None:
        dialog.setting.search.setText("quiet")
        qtbot.waitUntil(lambda: dialog.setting.matches.count() == 1, timeout=2000)
        dialog.move_planned.setCurrentIndex(dialog.move_planned.findData(False))
        dialog.accept()

    in_dialog(qtbot, fill, tab.start_button.click)
    newest, older = placements.placements_for_child(store, amy)
    assert newest.setting_name == "Quiet Lane" and older.placement.end_date == TODAY
    assert older.placement.ending_planned is False
    assert page.header.home.text().startswith("Lives at Quiet Lane")
    assert [c.view.setting_name for c in tab.timeline.cards] == ["Quiet Lane", "Oak House"]
    bus().undo_stack.undo()
    [only] = placements.placements_for_child(store, amy)
    assert only.placement.end_date is None
    bus().undo_stack.redo()
    assert len(placements.placements_for_child(store, amy)) == 2


def test_open_record_for_a_placement_shows_the_placements_tab(section, caseload):
    [view] = placements.placements_for_child(caseload.store, caseload.children["Cara"])
    section.open_record("placement", view.placement.id)
    assert section.child_page.header.name.text() == "Cara"
    assert section.child_page.tabs.currentIndex() == 2


def test_open_record_for_a_missing_child_says_so(section, caseload):
    section.open_record("child", 999)
    assert section.currentWidget() is section.list
    assert "no child with id 999" in section.window().statusBar().currentMessage()


def test_the_window_asks_before_unsaved_edits_are_left(qtbot, caseload, settings, monkeypatch):
    from relcom_desktop.ui.main_window import MainWindow

    window = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.open_record("child", caseload.children["Amy"])
    page = window.page("children").child_page
    page.about.voice[0].text.setPlainText("Still typing")
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.show_section("providers")
    assert window.current_section() == "children" and window.nav.currentRow() == 1
    window.bus.open_record.emit("provider", caseload.providers["Harbour Homes"])
    assert window.current_section() == "children"
    assert not window.close() and window.isVisible()
    assert len(asked) == 3
    assert page.about.voice[0].text.toPlainText() == "Still typing"
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    window.show_section("providers")
    assert window.current_section() == "providers"


def test_undoing_the_new_child_while_on_their_page_returns_to_the_list(qtbot, section, caseload):
    from relcom_desktop.ui.undo import record_done

    store = caseload.store
    zed = children.create_child(store, children.Child("Zed"))
    record_done(
        "Add Zed",
        lambda: children.delete_child(store, zed.id),
        lambda: children.restore_child(store, zed.id),
        "child",
    )
    section.open_record("child", zed.id)
    bus().undo_stack.undo()
    assert section.currentWidget() is section.list
    assert section.child_page.child is None
    assert "Zed is no longer on the caseload" in section.window().statusBar().currentMessage()


def test_the_setting_filter_offers_settings_where_children_live(qtbot, section, caseload):
    offered = [section.list.setting.itemText(i) for i in range(section.list.setting.count())]
    assert offered == [
        "All settings",
        "Oak House — Harbour Homes (SC111111)",
        "Willow carers — Willow Fostering",
    ]
    [view] = placements.placements_for_child(caseload.store, caseload.children["Ben"])
    placements.delete_placement(caseload.store, view.placement.id)
    bus().changed.emit("placement")
    assert section.list.setting.count() == 2
