"""The relationship journal across all providers: newest first, filtered by the database and
loaded page by page as you scroll, with the chosen entry read in full beside the list.

The same page, fixed to one provider, is the Journal tab of the provider page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QSplitter, QWidget

from relcom_desktop.core.enums import JournalKind
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import MISSING, short_date
from relcom_desktop.core.journal import (
    JournalFilter,
    JournalListRow,
    child_choices,
    count_entries,
    get_entry,
    list_entries,
)
from relcom_desktop.core.providers import provider_choices
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.pages.list_page import ListPage
from relcom_desktop.ui.provider.entry_view import EntryView
from relcom_desktop.ui.provider.forms import OptionalDate, SearchCombo
from relcom_desktop.ui.provider.journal_dialog import JOURNAL, KIND, JournalEntryDialog
from relcom_desktop.ui.widgets import chosen, enum_combo


def _children(row: JournalListRow) -> str:
    return row.children or MISSING


def _trust(row: JournalListRow) -> str:
    return row.trust.label if row.trust else MISSING


def _follow_up(row: JournalListRow) -> str:
    return short_date(row.follow_up_on) if row.follow_up_on else ""


DATE = Column("Date", lambda r: short_date(r.occurred_on))
KIND_COLUMN = Column("Kind", lambda r: r.kind.label)
PROVIDER = Column("Provider", lambda r: r.provider_name, tooltip=lambda r: r.provider_name)
SUMMARY = Column("Summary", lambda r: r.summary, tooltip=lambda r: r.summary)
CHILDREN = Column("Children", _children, tooltip=_children)
TRUST = Column("Trust after", _trust)
FOLLOW_UP = Column("Follow-up", _follow_up)
ALL_COLUMNS = [DATE, PROVIDER, KIND_COLUMN, SUMMARY, CHILDREN, TRUST]
ALL_SAMPLES = [
    "28 Sep 2026",
    "Willowbank Care Homes Ltd",
    "Support offered",
    "",
    "Alex, Sam",
    "Growing",
]
PROVIDER_COLUMNS = [DATE, KIND_COLUMN, SUMMARY, CHILDREN, TRUST, FOLLOW_UP]
PROVIDER_SAMPLES = ["28 Sep 2026", "Support offered", "", "Alex, Sam", "Growing", "28 Sep 2026"]
LIST_SHARE, ENTRY_SHARE = 3, 2  # of the height: the list above, the chosen entry below
NO_PROVIDER_YET = -1  # on the provider page, before a provider is shown


class JournalPage(ListPage):
    """Every journal entry (or one provider's), with filters and the chosen entry in full."""

    empty_hint = (
        "No journal entries yet. After a visit, a call or a conversation with a provider, "
        "Ctrl+J writes one from anywhere in the app."
    )

    def __init__(
        self, store: Store, *, one_provider: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__("Journal", "Search summaries and notes", ("entry", "entries"), parent)
        self._store = store
        self._one_provider = one_provider
        self._fixed_provider = NO_PROVIDER_YET
        self.provider = SearchCombo(provider_choices(store), none_text="All providers")
        self.kind = enum_combo("All kinds", JournalKind)
        self.child = SearchCombo(
            [(c.id, c.label) for c in child_choices(store)], none_text="All children"
        )
        self.date_from = OptionalDate("From")
        self.date_to = OptionalDate("To")
        self.new_button = QPushButton("New entry…", self)
        self.new_button.setToolTip("Add a journal entry (Ctrl+J)")
        self.view = EntryView(store, self)
        self._add_filters()
        columns, samples = (
            (PROVIDER_COLUMNS, PROVIDER_SAMPLES) if one_provider else (ALL_COLUMNS, ALL_SAMPLES)
        )
        self.set_columns(
            columns, samples=samples, stretch=(columns.index(SUMMARY),), sortable=False
        )
        self._split()
        if one_provider:  # the provider page has its own heading and New button
            self.findChild(QWidget, "pageHeading").hide()
            self.provider.hide()
            self.new_button.hide()
        self.row_activated.connect(lambda row: self.edit(row.id))
        self.view.edit_requested.connect(self.edit)
        self.view.delete_requested.connect(self.delete)
        self.new_button.clicked.connect(self.add)
        bus().changed.connect(self._on_changed)

    def _add_filters(self) -> None:
        for combo in (self.provider, self.kind, self.child):
            self.filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for date in (self.date_from, self.date_to):
            self.toggles.addWidget(date)
            date.changed.connect(self.refresh)
        self.finish_filters()
        self.actions.addWidget(self.new_button)

    def _split(self) -> None:
        """The list above, the chosen entry in full below: both get the page's whole width,
        so summaries are readable in the list and notes in long lines."""
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.layout().replaceWidget(self.table, splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, LIST_SHARE)
        splitter.setStretchFactor(1, ENTRY_SHARE)
        splitter.setSizes([LIST_SHARE * 1000, ENTRY_SHARE * 1000])
        splitter.setChildrenCollapsible(False)
        self.table.selectionModel().currentRowChanged.connect(self._show_current)
        self.table.setAccessibleName("Journal entries")
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._delete_current)
        delete.setWhatsThis("Delete the chosen journal entry")

    # ---- filters ---------------------------------------------------------------------------

    def current_filter(self) -> JournalFilter:
        return JournalFilter(
            provider_id=self._fixed_provider if self._one_provider else self.provider.value(),
            kind=chosen(self.kind, JournalKind),
            child_id=self.child.value(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            text=self.search.text().strip(),
        )

    def filters_active(self) -> bool:
        provider = self._fixed_provider if self._one_provider else None
        return self.current_filter() != JournalFilter(provider_id=provider)

    def fetch(self, offset: int, limit: int) -> Sequence[JournalListRow]:
        return list_entries(self._store, self.current_filter(), offset=offset, limit=limit)

    def count(self) -> int:
        return count_entries(self._store, self.current_filter())

    def show_provider(self, provider_id: int) -> None:
        """(On the provider page) show this provider's entries."""
        self._fixed_provider = provider_id
        self.refresh()
        self._show_current()

    def current_context(self) -> tuple[str, int] | None:
        """What Ctrl+J should start from: the provider or child the view is narrowed to."""
        f = self.current_filter()
        if f.provider_id is not None:
            return ("provider", f.provider_id)
        if f.child_id is not None:
            return ("child", f.child_id)
        return None

    def open_record(self, kind: str, record_id: int) -> None:
        if kind == "journal_entry":
            self.view.show_entry(record_id)

    # ---- acting on entries -------------------------------------------------------------------

    def _show_current(self, *_args: object) -> None:
        row = self.current_row()
        self.view.show_entry(row.id if row is not None else None)

    def _on_changed(self, kind: str) -> None:
        if kind == KIND:
            self.refresh()
            self._show_current()

    def add(self) -> None:
        context = self.current_context()
        from relcom_desktop.ui.provider.journal_dialog import quick_add

        quick_add(self._store, context, self)

    def edit(self, entry_id: int) -> None:
        try:
            entry = get_entry(self._store, entry_id)
        except RelcomError as err:
            self.view.show_message(str(err))
            return
        JournalEntryDialog(self._store, entry=entry, parent=self).open()

    def _delete_current(self) -> None:
        row = self.current_row()
        if row is not None:
            self.delete(row.id)

    def delete(self, entry_id: int) -> None:
        JOURNAL.remove(self._store, entry_id)
