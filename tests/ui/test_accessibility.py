"""Every page, tab and dialog a user can reach: each focusable widget has a spoken name."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication, QWizard

from relcom_desktop.core import meetings
from relcom_desktop.ui.background import wait_for_background
from relcom_desktop.ui.first_run import FirstRunWizard
from relcom_desktop.ui.main_window import SECTION_KEYS
from tests.ui.accessibility import (
    DialogWatcher,
    about_box_closes,
    dialog_openers,
    each_tab,
    no_file_dialogs,
    unnamed,
)

MENU_DIALOGS = [
    "Preferences…",
    "Keyboard shortcuts",
    "User guide",
    "Find anything…",
    "New journal entry…",
    "Restore from backup…",
    "Export everything about a child…",
    "Encrypt data file…",
    "Audit log…",
    "Records retention…",
    "Lock after idle time…",
]


def settle(qtbot) -> None:
    wait_for_background()
    qtbot.wait(30)  # results of background loads arrive on the GUI thread


@pytest.fixture
def walker(qtbot, main_window, monkeypatch):
    no_file_dialogs(monkeypatch)
    about_box_closes(monkeypatch)
    problems: list[str] = []
    return main_window, DialogWatcher(qtbot, problems), problems


def visit_page(qtbot, window, watcher: DialogWatcher, problems: list[str], label: str) -> None:
    """Every tab of the page on show, and every dialog its "…" buttons open."""
    page = window.current_page()

    def look() -> None:
        settle(qtbot)
        problems.extend(f"{label}: {p}" for p in unnamed(window))
        for button in dialog_openers(page):
            if button.isVisible() and button.isEnabled():
                watcher.run(f"{label} → {button.text()}", button.click)
                settle(qtbot)

    each_tab(page, look)


def test_every_page_and_tab_names_its_controls(qtbot, walker, caseload) -> None:
    window, watcher, problems = walker
    meetings.save_meeting(
        caseload.store,
        meetings.MeetingDetail(
            meetings.Meeting("Placement review", dt.datetime.now().replace(microsecond=0))
        ),
    )
    for key in SECTION_KEYS:
        window.show_section(key)
        visit_page(qtbot, window, watcher, problems, key)
    window.open_record("child", caseload.children["Amy"])
    visit_page(qtbot, window, watcher, problems, "child page")
    window.open_record("provider", caseload.providers["Harbour Homes"])
    visit_page(qtbot, window, watcher, problems, "provider page")
    window.show_section("meetings")
    page = window.current_page()
    page.open_record(
        "meeting",
        meetings.meetings_between(caseload.store, dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1))[
            0
        ].id,
    )
    visit_page(qtbot, window, watcher, problems, "meeting editor")
    assert not sorted(set(problems)), "\n".join(sorted(set(problems)))


def test_every_menu_dialog_names_its_controls(qtbot, walker) -> None:
    window, watcher, problems = walker
    actions = {a.text().replace("&", ""): a for a in window.findChildren(type(window.quit_action))}
    for text in MENU_DIALOGS:
        opened = watcher.run(text, actions[text].trigger)
        settle(qtbot)
        assert opened, f"{text} opened no window"
    assert not problems, "\n".join(problems)


def test_first_run_wizard_names_its_controls(qtbot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    problems = []
    for _page in range(3):
        problems += unnamed(wizard)
        wizard.button(QWizard.WizardButton.NextButton).click()
    assert not problems, "\n".join(problems)
    assert QApplication.activeModalWidget() is None


def test_the_walker_notices_an_unnamed_field_and_accepts_a_buddy(qtbot) -> None:
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

    form = QWidget()
    qtbot.addWidget(form)
    layout = QFormLayout(form)
    layout.addRow(QLineEdit(form))
    layout.addRow("&Name:", QLineEdit(form))
    form.show()
    assert [p.split(" ")[0] for p in unnamed(form)] == ["QLineEdit"]


def test_unlock_dialog_names_its_controls(qtbot, tmp_path) -> None:
    from relcom_desktop.ui.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(tmp_path / "relcom.sqlite3", lambda _secret: None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not unnamed(dialog)
