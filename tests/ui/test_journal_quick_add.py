"""Ctrl+J from anywhere: a journal entry typed by keyboard alone, linked to two children, then
seen on the provider page and for both children; drafts that survive a crash."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from relcom_desktop.core import clock
from relcom_desktop.core import journal_drafts as drafts
from relcom_desktop.core.enums import JournalKind, TrustLevel
from relcom_desktop.core.journal import JournalFilter, entry_view, list_entries
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.pages.journal_page import JournalPage
from relcom_desktop.ui.provider import journal_dialog
from relcom_desktop.ui.provider.journal_dialog import JournalEntryDialog


@pytest.fixture(autouse=True)
def discard_when_asked(monkeypatch) -> None:
    """A form still open when a test ends is closed; never block on the "Discard?" question."""
    answer = QMessageBox.StandardButton.Discard
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answer))


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


def focused():
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def open_quick_add(qtbot, window: MainWindow) -> JournalEntryDialog:
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), JournalEntryDialog))
    dialog = QApplication.activeModalWidget()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
    return dialog


def test_keyboard_only_quick_add_linked_to_two_children(qtbot, window, caseload) -> None:
    store = caseload.store
    harbour = caseload.providers["Harbour Homes"]
    window.open_record("provider", harbour)  # the provider page is open: Ctrl+J starts there
    dialog = open_quick_add(qtbot, window)
    assert dialog.provider.value() == harbour
    assert focused() is dialog.kind
    press(qtbot, Qt.Key.Key_C)  # "Call"
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Call about Amy and Cara's weekend")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Manager offered extra staffing on Saturdays.")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.children.search
    type_text(qtbot, "amy")
    press(qtbot, Qt.Key.Key_Return)  # ticks Amy, clears the search
    type_text(qtbot, "cara")
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter in the search ticks a child, it does not save
    assert dialog.children.summary.text() == "Chosen: Amy, Cara"
    press(qtbot, Qt.Key.Key_Tab)  # the list of children
    press(qtbot, Qt.Key.Key_Tab)  # the trust scale
    press(qtbot, Qt.Key.Key_Right)  # Not recorded -> Strained
    press(qtbot, Qt.Key.Key_Right)  # -> Uneasy
    press(qtbot, Qt.Key.Key_Right)  # -> Steady
    press(qtbot, Qt.Key.Key_Right)  # -> Growing
    press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    [entry] = list_entries(store, JournalFilter(provider_id=harbour))
    assert entry.summary == "Call about Amy and Cara's weekend"
    assert entry.kind is JournalKind.CALL and entry.trust is TrustLevel.GROWING
    assert entry_view(store, entry.id).children == ("Amy", "Cara")
    assert drafts.load_draft(store) is None

    # The provider page's Journal tab shows it straight away.
    page = window.page("providers").page
    page.show_tab("Journal")
    journal = page.tab_pages[2].journal
    qtbot.waitUntil(lambda: journal.model.total == 1)
    assert journal.model.row_at(0).summary == entry.summary

    # Both children's pages list it: the child page (issue 4) reads this query; here the
    # journal view filtered by each child shows the same.
    view = window.page("journal")
    assert isinstance(view, JournalPage)
    for name in ("Amy", "Cara"):
        child_id = caseload.children[name]
        mentions = list_entries(store, JournalFilter(child_id=child_id))
        assert [m.id for m in mentions] == [entry.id]
        view.child.set_value(child_id)
        qtbot.waitUntil(lambda: view.model.total == 1)
        assert view.model.row_at(0).id == entry.id
    other = caseload.children["Ben"]
    assert list_entries(store, JournalFilter(child_id=other)) == []


def test_quick_add_from_a_child_starts_with_their_provider(qtbot, window, caseload) -> None:
    journal = window.page("journal")
    journal.child.set_value(caseload.children["Ben"])  # the view is about Ben now
    window.show_section("journal")
    dialog = open_quick_add(qtbot, window)
    assert dialog.provider.value() == caseload.providers["Willow Fostering"]
    assert dialog.children.chosen() == (caseload.children["Ben"],)
    first = dialog.children.list.item(0)
    assert first.text().endswith("placed here")
    assert dialog.setting.currentText() == "Willow carers"  # where Ben lives


def test_an_entry_about_one_home_of_the_provider(qtbot, caseload) -> None:
    store = caseload.store
    dialog = JournalEntryDialog(store, provider_id=caseload.providers["Harbour Homes"])
    qtbot.addWidget(dialog)
    assert dialog.setting.currentText() == "The provider as a whole"
    dialog.setting.setCurrentIndex(dialog.setting.findText("Oak House"))
    dialog.summary.setText("Visit to Oak House")
    dialog.try_save()
    [entry] = list_entries(store)
    assert entry_view(store, entry.id).setting_name == "Oak House"
    dialog.provider.set_value(caseload.providers["Willow Fostering"])  # Oak House is not theirs
    assert [dialog.setting.itemText(i) for i in range(dialog.setting.count())] == [
        "The provider as a whole",
        "Willow carers",
    ]
    assert dialog.setting.currentData() is None


def test_a_refused_save_keeps_everything_typed(qtbot, caseload) -> None:
    dialog = JournalEntryDialog(caseload.store, provider_id=caseload.providers["Harbour Homes"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()
    assert dialog.hint.text() == "Still needed: a short summary"
    dialog.summary.setText("Visit to Oak House")
    assert dialog.save_button.isEnabled() and dialog.hint.text() == ""
    dialog.occurred.setDate(clock.today() - dt.timedelta(days=3))
    dialog.follow_up.set_value(clock.today() - dt.timedelta(days=10))
    dialog.try_save()
    assert dialog.isVisible()
    assert "follow-up date cannot be before" in dialog.error.text()
    assert dialog.summary.text() == "Visit to Oak House"
    assert list_entries(caseload.store) == []


def test_a_draft_is_autosaved_and_restored_after_a_crash(qtbot, caseload, monkeypatch) -> None:
    monkeypatch.setattr(journal_dialog, "AUTOSAVE_MS", 20)
    store = caseload.store
    first = JournalEntryDialog(store, provider_id=caseload.providers["Willow Fostering"])
    qtbot.addWidget(first)
    first.show()
    qtbot.keyClicks(first.summary, "Half-written note about Ben")
    first.children.set_chosen([caseload.children["Ben"]])
    first.children.changed.emit()
    qtbot.waitUntil(lambda: (d := drafts.load_draft(store)) is not None and d.child_ids != ())
    first.hide()  # the app dies here: no save, no cancel
    first.deleteLater()

    again = JournalEntryDialog(store)
    qtbot.addWidget(again)
    again.show()
    assert again.summary.text() == "Half-written note about Ben"
    assert again.provider.value() == caseload.providers["Willow Fostering"]
    assert again.children.chosen() == (caseload.children["Ben"],)
    assert again.restored.isVisible() and "not saved yet" in again.restored.text()
    again.try_save()
    assert drafts.load_draft(store) is None
    assert [e.summary for e in list_entries(store)] == ["Half-written note about Ben"]


def test_cancelling_asks_before_discarding_writing(qtbot, caseload, monkeypatch) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: answers.pop(0)))
    dialog = JournalEntryDialog(caseload.store, provider_id=caseload.providers["Harbour Homes"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.summary.setText("Something worth keeping")
    dialog.save_draft()
    dialog.reject()
    assert dialog.isVisible()  # "Cancel" in the question keeps the form open
    dialog.reject()
    assert not dialog.isVisible()
    assert drafts.load_draft(caseload.store) is None


def test_saving_is_undoable(qtbot, window, caseload) -> None:
    dialog = JournalEntryDialog(caseload.store, provider_id=caseload.providers["Harbour Homes"])
    qtbot.addWidget(dialog)
    dialog.summary.setText("To be undone")
    dialog.try_save()
    assert len(list_entries(caseload.store)) == 1
    window.undo_action.trigger()
    assert list_entries(caseload.store) == []
    window.redo_action.trigger()
    assert len(list_entries(caseload.store)) == 1


def test_the_provider_box_starts_empty_with_a_placeholder(qtbot, window, caseload) -> None:
    window.show_section("today")
    dialog = open_quick_add(qtbot, window)
    box = dialog.provider
    assert box.value() is None
    assert box.currentText() == "" and box.lineEdit().placeholderText() == "Choose a provider…"
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() in (box, box.lineEdit()))
    type_text(qtbot, "Harb")
    assert box.currentText().startswith("Harb")  # typed, not appended to a prompt
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    popup = QApplication.activePopupWidget()  # the matches, where the keys now go
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.currentText() == "Harbour Homes")
    assert box.value() == caseload.providers["Harbour Homes"]
    dialog.reject()
