"""The Children page: search by keyboard, filters, sorting in the database, opening a child."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from relcom_desktop.core.child_list import ChildSort
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementType
from relcom_desktop.ui.pages.children_page import COLUMNS, ChildrenPage


@pytest.fixture
def page(qtbot, caseload) -> ChildrenPage:
    widget = ChildrenPage(caseload.store)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(page: ChildrenPage) -> list[str]:
    model = page.model
    assert model is not None
    return [model.row_at(i).preferred_name for i in range(model.rowCount())]


def headers() -> list[str]:
    return [c.header.replace("\n", " ") for c in COLUMNS]


def column(title: str) -> int:
    return headers().index(title)


def click_header(qtbot, page: ChildrenPage, title: str) -> None:
    header = page.table.horizontalHeader()
    section = column(title)
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_lists_the_caseload_by_name(page: ChildrenPage) -> None:
    assert names(page) == ["Amy", "Ben", "Cara", "Dev"]
    assert page.count_label.text() == "4 children"
    assert headers() == [
        "Name",
        "LA ref",
        "Age",
        "Legal status",
        "Current setting",
        "Days in placement",
        "Placements (12 months)",
        "Last check-in",
    ]
    assert page.table.alternatingRowColors()
    assert not page.table.verticalHeader().isVisible()


def test_cells_read_in_plain_english(page: ChildrenPage) -> None:
    model = page.model
    assert model is not None
    amy = [model.index(0, c).data() for c in range(model.columnCount())]
    assert amy == [
        "Amy",
        "LA-1001",
        "14",
        "Full care order (s31)",
        "Oak House",
        "100",
        "1",
        "None yet",
    ]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Full name: Amy Example"
    dev = [model.index(3, c).data() for c in range(model.columnCount())]
    assert dev[4:7] == ["—", "—", "0"]


def test_typing_in_the_search_box_filters_after_a_pause(qtbot, page: ChildrenPage) -> None:
    assert page.search.placeholderText() == "Search by name or LA reference"
    page.search.setFocus()
    qtbot.keyClicks(page.search, "ben")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 child", timeout=2000)
    assert names(page) == ["Ben"]  # found by full name "Benjamin" too, but only once


def test_search_finds_la_references(qtbot, page: ChildrenPage) -> None:
    qtbot.keyClicks(page.search, "LA-200")
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=2000)
    assert names(page) == ["Cara", "Dev"]
    assert page.count_label.text() == "2 children"


def test_no_match_says_so(qtbot, page: ChildrenPage) -> None:
    qtbot.keyClicks(page.search, "zebedee")
    qtbot.waitUntil(lambda: page.model.total == 0, timeout=2000)
    assert page.count_label.text() == "No children match the search and filters"


def test_search_waits_for_typing_to_pause(qtbot, page: ChildrenPage) -> None:
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))
    qtbot.keyClicks(page.search, "car")
    assert resets == []  # nothing queried while the keys are still coming
    qtbot.waitUntil(lambda: resets == [1], timeout=2000)
    qtbot.wait(250)
    assert resets == [1]


def test_filters_narrow_the_list(qtbot, page: ChildrenPage) -> None:
    combo = page.placement_type
    combo.setCurrentIndex(combo.findData(PlacementType.K2))
    assert names(page) == ["Amy", "Cara"]
    combo.setCurrentIndex(0)
    status = page.legal_status
    status.setCurrentIndex(status.findData(LegalStatus.C2))
    assert names(page) == ["Amy", "Dev"]
    status.setCurrentIndex(0)
    page.show_archived.setChecked(True)
    assert names(page) == ["Amy", "Ben", "Cara", "Dev", "Eli"]
    assert page.model.index(4, 0).data() == "Eli (archived)"
    page.show_archived.setChecked(False)
    page.no_check_in.setChecked(True)
    assert page.count_label.text() == "4 children"  # nobody has had a check-in yet
    page.ending_soon.setChecked(True)
    assert page.count_label.text() == "No children match the search and filters"


def test_clicking_age_sorts_in_the_database(qtbot, page: ChildrenPage, monkeypatch) -> None:
    asked = []
    original = page.fetch

    def spy(offset: int, limit: int):
        asked.append((page._sort, page._descending))
        return original(offset, limit)

    monkeypatch.setattr(page.model, "_fetch", spy)
    click_header(qtbot, page, "Age")
    assert asked[-1] == (ChildSort.AGE, False)
    ages = [page.model.row_at(i).age for i in range(page.model.rowCount())]
    assert ages == [9, 11, 14, 16]
    click_header(qtbot, page, "Age")
    assert asked[-1] == (ChildSort.AGE, True)
    assert names(page) == ["Cara", "Amy", "Dev", "Ben"]


def test_columns_the_database_cannot_sort_keep_the_order(qtbot, page: ChildrenPage) -> None:
    click_header(qtbot, page, "Age")
    header = page.table.horizontalHeader()
    click_header(qtbot, page, "LA ref")
    assert header.sortIndicatorSection() == column("Age")
    assert names(page) == ["Ben", "Dev", "Amy", "Cara"]


def test_enter_on_a_row_opens_the_child(qtbot, page: ChildrenPage, caseload) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    with qtbot.waitSignal(page.child_opened, timeout=1000) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert signal.args == [caseload.children["Cara"]]


def test_double_click_opens_the_child(qtbot, page: ChildrenPage, caseload) -> None:
    viewport = page.table.viewport()
    where = page.table.visualRect(page.model.index(1, 0)).center()
    with qtbot.waitSignal(page.child_opened, timeout=1000) as signal:
        # Qt's item views act on a double click only after the press that began it.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    assert signal.args == [caseload.children["Ben"]]


def test_an_empty_caseload_says_so(qtbot, store) -> None:
    empty = ChildrenPage(store)
    qtbot.addWidget(empty)
    assert empty.count_label.text() == "No children yet"


def test_an_empty_list_says_how_to_add_the_first_child(qtbot, store) -> None:
    empty = ChildrenPage(store)
    qtbot.addWidget(empty)
    empty.show()
    qtbot.waitExposed(empty)
    assert empty.empty.isVisible()
    assert "New child… (Ctrl+N)" in empty.empty.text() and "File → Import" in empty.empty.text()


def test_a_search_that_finds_nobody_says_so_in_the_table(qtbot, page: ChildrenPage) -> None:
    assert not page.empty.isVisible()
    page.search.setText("zzz-nobody")
    qtbot.waitUntil(lambda: page.empty.isVisible())
    assert page.empty.text().startswith("No children match the search and filters.")
    page.search.clear()
    qtbot.waitUntil(lambda: not page.empty.isVisible())
