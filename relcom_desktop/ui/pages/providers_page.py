"""The Providers page: the provider register, searched and filtered by the database."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.formatting import money, number, short_date
from relcom_desktop.core.providers import (
    ProviderFilter,
    ProviderListRow,
    ProviderSort,
    count_providers,
    list_providers,
    local_authorities,
)
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.lazy_model import ALIGN_RIGHT, Column
from relcom_desktop.ui.pages.list_page import ListPage
from relcom_desktop.ui.provider.dialogs import ProviderDialog
from relcom_desktop.ui.widgets import choice_combo, chosen, enum_combo


def _kind_tip(row: ProviderListRow) -> str:
    return f"SSDA903 provider code {row.kind.value}"


def _last_contact(row: ProviderListRow) -> str:
    return short_date(row.last_contact) if row.last_contact else "None yet"


COLUMNS = [
    Column("Provider", lambda r: r.name, ProviderSort.NAME),
    Column("Kind", lambda r: r.kind.label, ProviderSort.KIND, tooltip=_kind_tip),
    Column("Settings", lambda r: number(r.settings), ProviderSort.SETTINGS, ALIGN_RIGHT),
    Column(
        "Children placed",
        lambda r: number(r.children_placed),
        ProviderSort.CHILDREN_PLACED,
        ALIGN_RIGHT,
    ),
    Column(
        "Weekly spend",
        lambda r: money(r.weekly_spend_pence),
        ProviderSort.WEEKLY_SPEND,
        ALIGN_RIGHT,
    ),
    Column("Last contact", _last_contact, ProviderSort.LAST_CONTACT),
]
SAMPLES = ["", "Voluntary or third sector provision", "10", "10", "£100,000", "28 Sep 2026"]
STRETCH_COLUMNS = (0,)  # Provider
REFRESH_ON = ("provider", "setting", "placement", "journal_entry")


class ProvidersPage(ListPage):
    """Every provider on the register; Enter or double-click opens a provider."""

    empty_hint = (
        "No providers yet. Add one with New provider…, or bring in the settings you use from "
        "Ofsted's list with Import Ofsted list…"
    )

    provider_opened = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Providers", "Search by provider name", ("provider", "providers"), parent)
        self.use_service(store, list_providers, count_providers, ProviderSort, ProviderSort.NAME)
        self.judgement = enum_combo("Any Ofsted judgement", OfstedJudgement)
        self.setting_type = enum_combo("All setting types", SettingType)
        self.local_authority = choice_combo(
            "All local authorities", [(la, la) for la in local_authorities(store)]
        )
        self.has_children = QCheckBox("Has children placed")
        self.new_button = QPushButton("New provider…", self)
        self.import_button = QPushButton("Import Ofsted list…", self)
        self.import_button.setToolTip("Create or update settings from Ofsted's provider list (CSV)")
        self._add_filters()
        self.set_columns(COLUMNS, samples=SAMPLES, stretch=STRETCH_COLUMNS, sortable=True)
        self.row_activated.connect(lambda row: self.provider_opened.emit(row.id))
        self.new_button.clicked.connect(self._new_provider)
        bus().changed.connect(self._on_changed)

    def _add_filters(self) -> None:
        for combo in (self.judgement, self.setting_type, self.local_authority):
            self.filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.toggles.addWidget(self.has_children)
        self.has_children.toggled.connect(lambda _on: self.refresh())
        self.finish_filters()
        for button in (self.import_button, self.new_button):
            self.toggles.addWidget(button)

    def current_filter(self) -> ProviderFilter:
        return ProviderFilter(
            text=self.search.text().strip(),
            judgement=chosen(self.judgement, OfstedJudgement),
            setting_type=chosen(self.setting_type, SettingType),
            local_authority=self.local_authority.currentData() or "",
            has_children_placed=self.has_children.isChecked(),
        )

    def filters_active(self) -> bool:
        return self.current_filter() != ProviderFilter()

    def _new_provider(self) -> None:
        dialog = ProviderDialog(self._store, parent=self)
        dialog.accepted.connect(lambda: self.provider_opened.emit(dialog.saved.id))
        dialog.open()

    def _on_changed(self, kind: str) -> None:
        if kind in REFRESH_ON:
            self._refresh_local_authorities()
            self.refresh()

    def _refresh_local_authorities(self) -> None:
        chosen = self.local_authority.currentData()
        self.local_authority.blockSignals(True)
        while self.local_authority.count() > 1:
            self.local_authority.removeItem(1)
        for la in local_authorities(self._store):
            self.local_authority.addItem(la, la)
        self.local_authority.setCurrentIndex(max(0, self.local_authority.findData(chosen)))
        self.local_authority.blockSignals(False)
