"""The Providers section: the register list, and a provider's page opened from it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.providers import get_setting
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import RowTarget
from relcom_desktop.ui.pages.providers_page import ProvidersPage
from relcom_desktop.ui.provider.ofsted_dialog import choose_and_import
from relcom_desktop.ui.provider.page import ProviderPage


class ProvidersSection(QStackedWidget):
    """The list first; Enter on a provider shows its page; Alt+Left goes back."""

    provider_opened = Signal(int)
    selects_rows = True  # open_record takes a RowTarget (main window routing)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.list = ProvidersPage(store, self)
        self.page = ProviderPage(store, self)
        self.addWidget(self.list)
        self.addWidget(self.page)
        self.list.provider_opened.connect(self.show_provider)
        self.list.import_button.clicked.connect(lambda: choose_and_import(store, self))
        self.page.back_requested.connect(self.show_list)
        self.page.deleted.connect(lambda _id: self.show_list())

    def show_provider(self, provider_id: int) -> None:
        try:
            self.page.show_provider(provider_id)
        except RelcomError as err:
            self.show_list()
            self.list.count_label.setText(str(err))  # until the list next changes
            return
        self.setCurrentWidget(self.page)
        self.page.tabs.setFocus()
        self.provider_opened.emit(provider_id)

    def show_list(self) -> None:
        self.setCurrentWidget(self.list)
        self.list.refresh()
        self.list.table.setFocus()

    def focus_search(self) -> None:
        self.show_list()
        self.list.focus_search()

    def open_record(self, kind: str, record_id: int, row: RowTarget | None = None) -> None:
        """Show a provider's page (for a provider or one of its settings); with ``row``, on
        the tab listing that row, selected."""
        setting_id = None
        if kind == "provider":
            self.show_provider(record_id)
        elif kind == "setting":
            try:
                setting = get_setting(self.store, record_id)
            except RelcomError as err:
                self.list.count_label.setText(str(err))
                return
            setting_id = record_id
            self.show_provider(setting.provider_id)
        if row is not None and self.currentWidget() is self.page:
            self.page.select_row(row.kind, row.record_id, setting_id)

    def current_context(self) -> tuple[str, int] | None:
        """What Ctrl+J starts from: the provider whose page is open."""
        if self.currentWidget() is self.page:
            return self.page.current_context()
        return None
