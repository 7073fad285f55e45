"""The journal view: newest first, filtered by provider, kind, child, dates and text, loaded
page by page; the chosen entry read in full; Delete with undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from relcom_desktop.core import clock
from relcom_desktop.core.enums import JournalKind, TrustLevel
from relcom_desktop.core.journal import JournalEntry, create_entry, list_entries
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.lazy_model import PAGE_SIZE
from relcom_desktop.ui.pages.journal_page import JournalPage

TODAY = clock.today()


def add(caseload, provider: str, days_ago: int, kind: JournalKind, summary: str, *children):
    return create_entry(
        caseload.store,
        JournalEntry(
            provider_id=caseload.providers[provider],
            occurred_on=TODAY - dt.timedelta(days=days_ago),
            kind=kind,
            summary=summary,
            body=f"Notes for {summary.lower()}",
            trust=TrustLevel.STEADY,
            child_ids=tuple(caseload.children[c] for c in children),
        ),
    )


@pytest.fixture
def page(qtbot, caseload) -> JournalPage:
    add(caseload, "Harbour Homes", 40, JournalKind.VISIT, "Visit to Oak House", "Amy", "Cara")
    add(caseload, "Harbour Homes", 10, JournalKind.CONCERN, "Night staffing concern", "Amy")
    add(caseload, "Willow Fostering", 5, JournalKind.PRAISE, "Praise for Ben's carers", "Ben")
    add(caseload, "Quiet Lane Care", 1, JournalKind.CALL, "Vacancy call")
    widget = JournalPage(caseload.store)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def summaries(page: JournalPage) -> list[str]:
    return [page.model.row_at(i).summary for i in range(page.model.rowCount())]


def test_newest_first_with_children_named(page: JournalPage) -> None:
    assert summaries(page) == [
        "Vacancy call",
        "Praise for Ben's carers",
        "Night staffing concern",
        "Visit to Oak House",
    ]
    assert page.count_label.text() == "4 entries"
    assert [page.model.index(3, c).data() for c in (1, 2, 4, 5)] == [
        "Harbour Homes",
        "Visit",
        "Amy, Cara",
        "Steady",
    ]


def test_filters(qtbot, page: JournalPage, caseload) -> None:
    page.provider.set_value(caseload.providers["Harbour Homes"])
    assert summaries(page) == ["Night staffing concern", "Visit to Oak House"]
    page.kind.setCurrentIndex(page.kind.findData(JournalKind.CONCERN))
    assert summaries(page) == ["Night staffing concern"]
    page.provider.set_value(None)
    page.kind.setCurrentIndex(0)
    page.child.set_value(caseload.children["Amy"])
    assert summaries(page) == ["Night staffing concern", "Visit to Oak House"]
    assert page.current_context() == ("child", caseload.children["Amy"])
    page.child.set_value(None)
    page.date_from.set_value(TODAY - dt.timedelta(days=12))
    page.date_to.set_value(TODAY - dt.timedelta(days=3))
    assert summaries(page) == ["Praise for Ben's carers", "Night staffing concern"]
    page.date_from.set_value(None)
    page.date_to.set_value(None)
    qtbot.keyClicks(page.search, "oak house")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 entry", timeout=2000)
    assert summaries(page) == ["Visit to Oak House"]
    page.search.clear()
    qtbot.keyClicks(page.search, "nothing like this")
    qtbot.waitUntil(lambda: "No entries match" in page.count_label.text(), timeout=2000)


def test_typing_in_the_provider_filter_finds_a_provider(qtbot, page: JournalPage) -> None:
    page.provider.setFocus()
    page.provider.lineEdit().selectAll()
    qtbot.keyClicks(page.provider.lineEdit(), "Willow Fostering")
    qtbot.keyClick(page.provider.lineEdit(), Qt.Key.Key_Return)
    assert summaries(page) == ["Praise for Ben's carers"]
    page.provider.lineEdit().setText("no such provider")
    page.provider.lineEdit().editingFinished.emit()
    assert page.provider.currentText() == "Willow Fostering"  # unknown text falls back


def test_choosing_an_entry_reads_it_in_full(qtbot, page: JournalPage) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(3, 0))
    text = page.view.text.toPlainText()
    assert "Visit to Oak House" in text and "Notes for visit to oak house" in text
    assert "Amy, Cara" in text and "Steady (3 of 5)" in text
    assert page.view.edit_button.isEnabled()


def test_delete_key_moves_to_trash_and_undo_brings_it_back(qtbot, page, caseload) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert summaries(page)[0] == "Praise for Ben's carers"
    bus().undo_stack.undo()
    assert summaries(page)[0] == "Vacancy call"
    assert len(list_entries(caseload.store)) == 4


def test_long_journals_load_as_you_scroll(qtbot, caseload) -> None:
    for n in range(PAGE_SIZE + 50):
        add(caseload, "Harbour Homes", n % 300, JournalKind.EMAIL, f"Email {n}")
    page = JournalPage(caseload.store)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    assert page.model.total == PAGE_SIZE + 50
    assert page.model.rowCount() == PAGE_SIZE  # only the first page is loaded
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE_SIZE + 50)
