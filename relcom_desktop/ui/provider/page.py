"""The provider page: who they are, what needs attention, and the tabs of everything kept
about the relationship. Tabs load when first shown and reload when their records change."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import providers
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.relationship import ProviderFlag, providers_needing_attention
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui import theme
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.pages.journal_page import JournalPage
from relcom_desktop.ui.print_flow import print_record
from relcom_desktop.ui.provider.dialogs import PROVIDERS, ProviderDialog
from relcom_desktop.ui.provider.health_tab import HealthTab
from relcom_desktop.ui.provider.journal_dialog import quick_add
from relcom_desktop.ui.provider.monitoring_tab import MonitoringTab
from relcom_desktop.ui.provider.overview_tab import OverviewTab
from relcom_desktop.ui.provider.records_tabs import ActionsTab, ContactsTab, Reg40Tab, ReportsTab
from relcom_desktop.ui.provider.tabs import ProviderTab
from relcom_desktop.ui.widgets import (
    PAGE_MARGIN,
    PAGE_SPACING,
    heading,
    print_menu_button,
    quiet_label,
)

FLAG_KINDS = ("journal_entry", "reg40_notification", "setting", "placement")


class JournalTab(ProviderTab):
    title = "Journal"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.journal = JournalPage(store, one_provider=True, parent=self)
        self.journal.layout().setContentsMargins(0, PAGE_SPACING, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.journal)

    def reload(self) -> None:
        if self.provider_id is not None:
            self.journal.show_provider(self.provider_id)


def flag_text(flags: list[ProviderFlag]) -> str:
    lines = []
    for f in flags:
        since = f" (since {short_date(f.since)})" if f.since else ""
        lines.append(f"⚠ <b>{html.escape(f.reason.label)}</b>: {html.escape(f.detail)}{since}")
    return "<br>".join(lines)


class ProviderPage(QWidget):
    back_requested = Signal()
    deleted = Signal(int)
    print_requested = Signal(str)  # a report kind: "provider" or "provider_pack"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.provider: providers.Provider | None = None
        self.back_button = QPushButton("← All providers", self)
        self.back_button.setToolTip("Back to the provider list (Alt+Left)")
        self.back_button.setShortcut("Alt+Left")
        self.title = heading("", self)
        self.details = quiet_label("", self)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.flags = QLabel(self)
        self.flags.setObjectName("flags")
        theme.set_tone(self.flags, "flag")
        self.flags.setWordWrap(True)
        self.journal_button = QPushButton("New journal entry…", self)
        self.journal_button.setToolTip("Add a journal entry about this provider (Ctrl+J)")
        self.print_button = print_menu_button(
            self,
            self.print_requested,
            [("Relationship summary…", "provider"), ("Review pack…", "provider_pack")],
        )
        self.edit_button = QPushButton("Edit provider…", self)
        self.delete_button = QPushButton("Delete provider", self)
        self.tabs = QTabWidget(self)
        self.tab_pages: list[ProviderTab] = [
            cls(store, self)
            for cls in (
                OverviewTab, HealthTab, JournalTab, ContactsTab, ReportsTab,
                MonitoringTab, Reg40Tab, ActionsTab,
            )
        ]  # fmt: skip
        for tab in self.tab_pages:
            self.tabs.addTab(tab, tab.title)
        self._stale: set[int] = set()
        self._lay_out()
        self.back_button.clicked.connect(self.back_requested)
        self.journal_button.clicked.connect(self._new_entry)
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)
        self.print_requested.connect(
            lambda kind: print_record(self.store, kind, self.provider_id, self)
        )
        self.tabs.currentChanged.connect(self._load_current)
        bus().changed.connect(self._on_changed)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        for button in (
            self.journal_button, self.print_button, self.edit_button, self.delete_button
        ):  # fmt: skip
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 8, PAGE_MARGIN, PAGE_MARGIN - 8)
        layout.setSpacing(PAGE_SPACING - 4)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.flags)
        layout.addWidget(self.tabs, 1)

    # ---- showing a provider ----------------------------------------------------------------

    @property
    def provider_id(self) -> int | None:
        return self.provider.id if self.provider else None

    def show_provider(self, provider_id: int) -> None:
        """Show a provider (raises NotFoundError if it is not on the register)."""
        self.provider = providers.get_provider(self.store, provider_id)
        self._show_header()
        self._stale = set(range(len(self.tab_pages)))
        for tab in self.tab_pages:
            tab.provider_id = provider_id
        self._load_current()

    def show_tab(self, title: str) -> None:
        titles = [t.title for t in self.tab_pages]
        self.tabs.setCurrentIndex(titles.index(title))

    def select_row(self, kind: str, record_id: int, setting_id: int | None = None) -> bool:
        """Show the tab listing records of ``kind`` and select that record's row there."""
        for index, tab in enumerate(self.tab_pages):
            if kind in tab.row_kinds:
                self.tabs.setCurrentIndex(index)
                self._load_current()
                return tab.select_row(kind, record_id, setting_id)
        return False

    def current_context(self) -> tuple[str, int] | None:
        return ("provider", self.provider_id) if self.provider_id is not None else None

    def _show_header(self) -> None:
        p = self.provider
        assert p is not None
        self.title.setText(p.name)
        self.title.setAccessibleName(p.name)
        contact = [x for x in (p.phone, p.email, p.website) if x]
        self.details.setText(" · ".join([p.kind.label, *contact]))
        self._show_flags()

    def _show_flags(self) -> None:
        assert self.provider_id is not None
        flags = providers_needing_attention(self.store, provider_id=self.provider_id)
        self.flags.setText(flag_text(flags))
        self.flags.setAccessibleName(" ".join(f"{f.reason.label}: {f.detail}" for f in flags))
        self.flags.setVisible(bool(flags))

    def _load_current(self, *_args: object) -> None:
        index = self.tabs.currentIndex()
        if index in self._stale and self.provider_id is not None:
            self._stale.discard(index)
            self.tab_pages[index].show_provider(self.provider_id)

    def _on_changed(self, kind: str) -> None:
        if self.provider_id is None:
            return
        if kind == "provider":
            try:
                self.provider = providers.get_provider(self.store, self.provider_id)
            except RelcomError:  # deleted: the section goes back to the list
                return
            self._show_header()
        elif kind in FLAG_KINDS:
            self._show_flags()
        for index, tab in enumerate(self.tab_pages):
            if kind in tab.kinds:
                self._stale.add(index)
        self._load_current()

    # ---- acting ----------------------------------------------------------------------------

    def _new_entry(self) -> None:
        quick_add(self.store, self.current_context(), self)

    def _edit(self) -> None:
        if self.provider is not None:
            ProviderDialog(self.store, self.provider, parent=self).open()

    def _delete(self) -> None:
        if self.provider_id is not None:
            provider_id = self.provider_id
            PROVIDERS.remove(self.store, provider_id)
            self.deleted.emit(provider_id)
