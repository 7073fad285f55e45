"""The lazy table model as a plain object: no window, rows from a fake source."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QModelIndex, Qt

from relcom_desktop.ui.lazy_model import ALIGN_RIGHT, Column, LazyTableModel


@dataclass(frozen=True)
class Thing:
    id: int
    name: str


@dataclass
class FakeSource:
    """Stands in for a service: records every fetch and sort request."""

    size: int = 450
    descending: bool = False
    key: str = "name"
    fetches: list[tuple[int, int]] = field(default_factory=list)
    sorts: list[tuple[str, bool]] = field(default_factory=list)

    def rows(self) -> list[Thing]:
        things = [Thing(i, f"thing {i:04d}") for i in range(self.size)]
        return list(reversed(things)) if self.descending else things

    def fetch(self, offset: int, limit: int) -> list[Thing]:
        self.fetches.append((offset, limit))
        return self.rows()[offset : offset + limit]

    def count(self) -> int:
        return self.size

    def on_sort(self, key: str, descending: bool) -> None:
        self.sorts.append((key, descending))
        self.key, self.descending = key, descending


COLUMNS = [
    Column("Name", lambda t: t.name, "name", tooltip=lambda t: f"Thing number {t.id}"),
    Column("Number", lambda t: str(t.id), None, ALIGN_RIGHT),
]


def make_model(source: FakeSource, page_size: int = 200) -> LazyTableModel:
    model = LazyTableModel(
        COLUMNS, source.fetch, source.count, on_sort=source.on_sort, page_size=page_size
    )
    model.reset()
    return model


def test_reset_loads_only_the_first_page() -> None:
    source = FakeSource()
    model = make_model(source)
    assert model.rowCount() == 200
    assert model.total == 450
    assert model.canFetchMore(QModelIndex())
    assert source.fetches == [(0, 200)]


def test_fetch_more_loads_page_by_page_until_the_end() -> None:
    source = FakeSource()
    model = make_model(source)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())  # nothing more to do
    assert source.fetches == [(0, 200), (200, 200), (400, 200)]
    assert model.row_at(449) == Thing(449, "thing 0449")


def test_fetch_more_announces_inserted_rows(qtbot) -> None:
    model = make_model(FakeSource())
    with qtbot.waitSignal(model.rowsInserted) as signal:
        model.fetchMore(QModelIndex())
    assert signal.args[1:] == [200, 399]


def test_sort_asks_the_source_and_reloads_from_the_top() -> None:
    source = FakeSource()
    model = make_model(source)
    model.fetchMore(QModelIndex())
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert source.sorts == [("name", True)]
    assert source.fetches[-1] == (0, 200)
    assert model.rowCount() == 200
    assert model.data(model.index(0, 0)) == "thing 0449"


def test_a_column_without_a_sort_key_is_not_sorted() -> None:
    source = FakeSource()
    model = make_model(source)
    assert not model.is_sortable(1)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert source.sorts == []
    assert source.fetches == [(0, 200)]


def test_a_model_without_a_sort_callback_never_sorts() -> None:
    source = FakeSource()
    model = LazyTableModel(COLUMNS, source.fetch, source.count)
    model.reset()
    assert not model.is_sortable(0)
    model.sort(0)
    assert source.fetches == [(0, 200)]


def test_reset_after_the_source_changes() -> None:
    source = FakeSource()
    model = make_model(source)
    source.size = 3
    with_reset = []
    model.modelReset.connect(lambda: with_reset.append(True))
    model.reset()
    assert with_reset == [True]
    assert model.rowCount() == 3
    assert model.total == 3
    assert not model.canFetchMore(QModelIndex())


def test_empty_source_fetches_nothing() -> None:
    source = FakeSource(size=0)
    model = make_model(source)
    assert model.rowCount() == 0
    assert source.fetches == []


def test_rows_that_vanish_between_count_and_fetch_end_the_list() -> None:
    source = FakeSource()
    model = make_model(source)
    source.size = 250  # someone archived children meanwhile
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 250
    assert model.total == 250
    assert not model.canFetchMore(QModelIndex())


def test_display_tooltip_alignment_and_headers() -> None:
    model = make_model(FakeSource())
    first = model.index(0, 0)
    assert model.data(first) == "thing 0000"
    assert model.data(first, Qt.ItemDataRole.ToolTipRole) == "Thing number 0"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) is None
    align = model.data(model.index(0, 1), Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight.value
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Name"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Number"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.columnCount() == 2


def test_row_at_gives_the_record_or_none() -> None:
    model = make_model(FakeSource(size=5))
    assert model.row_at(model.index(2, 1)) == Thing(2, "thing 0002")
    assert model.row_at(QModelIndex()) is None
    assert model.row_at(99) is None


@pytest.mark.parametrize("size", [0, 5, 450])
def test_the_model_keeps_qts_rules(qtmodeltester, size: int) -> None:
    model = make_model(FakeSource(size=size))
    qtmodeltester.check(model, force_py=True)
