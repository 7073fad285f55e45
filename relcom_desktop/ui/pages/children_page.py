"""The Children page: the caseload, searched, filtered and sorted by the database."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from relcom_desktop.core.child_list import (
    ChildFilter,
    ChildListRow,
    ChildSort,
    count_children,
    list_children,
)
from relcom_desktop.core.formatting import MISSING, number, short_date
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementType
from relcom_desktop.core.placements import settings_with_children
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.lazy_model import ALIGN_RIGHT, Column
from relcom_desktop.ui.pages.list_page import ListPage
from relcom_desktop.ui.widgets import choice_combo, chosen, enum_combo

NO_CHECK_IN_DAYS = 90
ENDING_WITHIN_DAYS = 60


def _name(row: ChildListRow) -> str:
    return row.preferred_name + (" (archived)" if row.archived else "")


def _name_tip(row: ChildListRow) -> str:
    return f"Full name: {row.full_name}" if row.full_name else ""


def _legal_status(row: ChildListRow) -> str:
    return row.legal_status.label if row.legal_status else MISSING


def _legal_status_tip(row: ChildListRow) -> str:
    status = row.legal_status
    return f"{status.label} (SSDA903 legal status {status.value})" if status else ""


def _setting_tip(row: ChildListRow) -> str:
    kind = row.placement_type
    if not (row.setting_name and kind):
        return row.setting_name or ""
    return f"{row.setting_name}\n{kind.label} (SSDA903 placement type {kind.value})"


def _check_in(row: ChildListRow) -> str:
    return short_date(row.last_check_in) if row.last_check_in else "None yet"


COLUMNS = [
    Column("Name", _name, ChildSort.NAME, tooltip=_name_tip),
    Column("LA ref", lambda r: r.la_reference or MISSING),
    Column("Age", lambda r: number(r.age), ChildSort.AGE, ALIGN_RIGHT),
    Column("Legal status", _legal_status, tooltip=_legal_status_tip),
    Column(
        "Current setting",
        lambda r: r.setting_name or MISSING,
        ChildSort.SETTING,
        tooltip=_setting_tip,
    ),
    Column(
        "Days in\nplacement",
        lambda r: number(r.days_in_placement),
        ChildSort.DAYS_IN_PLACEMENT,
        ALIGN_RIGHT,
    ),
    Column(
        "Placements\n(12 months)",
        lambda r: number(r.placements_12m),
        ChildSort.MOVES_12M,
        ALIGN_RIGHT,
    ),
    Column("Last check-in", _check_in, ChildSort.LAST_CHECK_IN),
]
SAMPLES = [
    "Alexandra-Rose",
    "DEMO-000000",
    "17",
    "Interim care order (s38)",
    "",
    "1,000",
    "10",
    "28 Sep 2026",
]
STRETCH_COLUMNS = (3, 4)  # Legal status and Current setting share the spare width


class ChildrenPage(ListPage):
    """Every child on the caseload; Enter or double-click opens a child."""

    empty_hint = (
        "No children yet. Add a child with New child… (Ctrl+N), or bring them in from your "
        "placement tracker or the 903 return with File → Import."
    )

    child_opened = Signal(int)
    new_requested = Signal()
    trash_requested = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(
            "Children", "Search by name or LA reference", ("child", "children"), parent
        )
        self.use_service(store, list_children, count_children, ChildSort, ChildSort.NAME)
        self.placement_type = enum_combo("All placement types", PlacementType, with_code=True)
        self.legal_status = enum_combo("All legal statuses", LegalStatus, with_code=True)
        self.setting = choice_combo("All settings", [])
        self.setting.setToolTip("Settings where a child on the caseload lives now")
        self.reload_settings()
        self.new_button = QPushButton("&New child…")
        self.new_button.setToolTip("Add a child to the caseload (Ctrl+N)")
        self.trash_button = QPushButton("&Trash…")
        self.trash_button.setToolTip("Children moved to the Trash, to restore")
        self.no_check_in = QCheckBox(f"No check-in for {NO_CHECK_IN_DAYS} days")
        self.ending_soon = QCheckBox(f"Placement ending within {ENDING_WITHIN_DAYS} days")
        self.show_archived = QCheckBox("Show archived")
        self._add_filters()
        self.set_columns(COLUMNS, samples=SAMPLES, stretch=STRETCH_COLUMNS, sortable=True)
        self.row_activated.connect(lambda row: self.child_opened.emit(row.id))

    def _add_filters(self) -> None:
        for combo in (self.placement_type, self.legal_status, self.setting):
            self.filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for box in (self.no_check_in, self.ending_soon, self.show_archived):
            self.toggles.addWidget(box)
            box.toggled.connect(lambda _on: self.refresh())
        self.finish_filters()
        self.toggles.addWidget(self.trash_button)
        self.toggles.addWidget(self.new_button)
        self.new_button.clicked.connect(self.new_requested)
        self.trash_button.clicked.connect(self.trash_requested)
        chain = (self.show_archived, self.trash_button, self.new_button, self.table)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def reload_settings(self) -> None:
        """Offer the settings where children live now, keeping the one chosen if it remains."""
        keep = self.setting.currentData()
        self.setting.blockSignals(True)
        while self.setting.count() > 1:
            self.setting.removeItem(1)
        metrics = self.setting.fontMetrics()
        widest = 0
        for choice in settings_with_children(self._store):
            self.setting.addItem(choice.label, choice.id)
            widest = max(widest, metrics.horizontalAdvance(choice.label))
        self.setting.view().setMinimumWidth(widest + 40)
        self.setting.setCurrentIndex(max(0, self.setting.findData(keep)))
        self.setting.blockSignals(False)
        if keep is not None and self.setting.currentData() != keep:
            self.refresh()

    def current_filter(self) -> ChildFilter:
        return ChildFilter(
            text=self.search.text().strip(),
            placement_type=chosen(self.placement_type, PlacementType),
            legal_status=chosen(self.legal_status, LegalStatus),
            setting_id=self.setting.currentData(),
            no_check_in_days=NO_CHECK_IN_DAYS if self.no_check_in.isChecked() else None,
            ending_within_days=ENDING_WITHIN_DAYS if self.ending_soon.isChecked() else None,
            include_archived=self.show_archived.isChecked(),
        )

    def filters_active(self) -> bool:
        f = self.current_filter()
        return f != ChildFilter(include_archived=f.include_archived)
