"""The Providers page: the register listed, searched, filtered, and a provider opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.ui.pages.providers_page import COLUMNS, ProvidersPage


@pytest.fixture
def page(qtbot, caseload) -> ProvidersPage:
    widget = ProvidersPage(caseload.store)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(page: ProvidersPage) -> list[str]:
    model = page.model
    assert model is not None
    return [model.row_at(i).name for i in range(model.rowCount())]


def test_lists_the_register_with_spend_in_pounds(page: ProvidersPage) -> None:
    assert [c.header for c in COLUMNS] == [
        "Provider",
        "Kind",
        "Settings",
        "Children placed",
        "Weekly spend",
        "Last contact",
    ]
    assert names(page) == ["Harbour Homes", "Quiet Lane Care", "Willow Fostering"]
    assert page.count_label.text() == "3 providers"
    model = page.model
    harbour = [model.index(0, c).data() for c in range(model.columnCount())]
    assert harbour == ["Harbour Homes", "Private provision", "1", "2", "£8,350", "None yet"]
    assert model.index(2, 4).data() == "£950.50"


def test_search_by_keyboard(qtbot, page: ProvidersPage) -> None:
    qtbot.keyClicks(page.search, "willow")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 provider", timeout=2000)
    assert names(page) == ["Willow Fostering"]


def test_filters(page: ProvidersPage) -> None:
    page.judgement.setCurrentIndex(page.judgement.findData(OfstedJudgement.OUTSTANDING))
    assert names(page) == ["Willow Fostering"]
    page.judgement.setCurrentIndex(0)
    page.setting_type.setCurrentIndex(page.setting_type.findData(SettingType.CHILDRENS_HOME))
    assert names(page) == ["Harbour Homes", "Quiet Lane Care"]
    page.setting_type.setCurrentIndex(0)
    las = [page.local_authority.itemText(i) for i in range(page.local_authority.count())]
    assert las == ["All local authorities", "Essex", "Kent"]
    page.local_authority.setCurrentIndex(2)
    assert names(page) == ["Harbour Homes", "Quiet Lane Care"]
    page.has_children.setChecked(True)
    assert names(page) == ["Harbour Homes"]
    page.local_authority.setCurrentIndex(1)
    assert names(page) == ["Willow Fostering"]


def test_clicking_a_header_sorts_in_the_database(qtbot, page: ProvidersPage) -> None:
    header = page.table.horizontalHeader()
    assert header.sectionsClickable() and page.table.isSortingEnabled()
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # children placed
    assert names(page)[0] == "Harbour Homes"
    page.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # weekly spend
    assert names(page) == ["Quiet Lane Care", "Willow Fostering", "Harbour Homes"]
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["Willow Fostering", "Quiet Lane Care", "Harbour Homes"]


def test_enter_opens_the_provider(qtbot, page: ProvidersPage, caseload) -> None:
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    with qtbot.waitSignal(page.provider_opened, timeout=1000) as signal:
        qtbot.keyClick(page.table, Qt.Key.Key_Enter)
    assert signal.args == [caseload.providers["Willow Fostering"]]
