"""The start page. "Today": what needs attention now; "System overview": the whole system.

Each Today item opens its record with Enter or a double-click. The page refreshes when any
record changes (at once if it is showing, else when next shown), off the GUI thread.

At start-up the page is made before the data file is open, showing Today as read on a plain
connection (:meth:`TodayPage.show_view`); :meth:`TodayPage.attach` then connects it to the
open file. So this module loads no database layer until it is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from relcom_desktop.core.today_items import TodaySection, TodayView
from relcom_desktop.ui.background import run_in_background
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.pages.today_cards import FirstSteps, SectionCard
from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING, heading, quiet_label

if TYPE_CHECKING:
    import datetime as dt

    from relcom_desktop.core.store.db import Store
    from relcom_desktop.ui.pages.overview_view import OverviewView

TWO_COLUMNS_CHARS = 120  # the page width, in average characters, that holds two columns


class TodayPage(QWidget):
    """The start page, with the Today list and the System overview as two tabs."""

    def __init__(self, store: Store | None, parent: QWidget | None = None) -> None:
        """The page; with ``store=None`` it waits for :meth:`attach` (start-up)."""
        super().__init__(parent)
        self._store: Store | None = None
        self.overview: OverviewView | None = None
        self._stale = True
        self._generation = 0
        self.view: TodayView | None = None
        self.loaded = False
        self.cards: list[SectionCard] = []
        self._columns = 2
        self.tabs = QTabWidget(self)
        self.today_tab = QWidget()
        self.first_steps = FirstSteps(self.today_tab)
        self.boxes = [QVBoxLayout(), QVBoxLayout()]  # the columns of cards
        self.row = QHBoxLayout()
        self.row.setSpacing(PAGE_SPACING)
        for box in self.boxes:
            box.setSpacing(PAGE_SPACING)
            self.row.addLayout(box, 1)
        self.outer = QVBoxLayout(self.today_tab)
        self.outer.setSpacing(PAGE_SPACING)
        self.outer.setContentsMargins(0, PAGE_SPACING, PAGE_SPACING, 0)
        self.outer.addWidget(self.first_steps)
        self.outer.addLayout(self.row, 1)
        self.status = quiet_label("Gathering what needs your attention…", self)
        scroll = QScrollArea(self)
        scroll.setAccessibleName("What needs your attention")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.today_tab)
        self.tabs.addTab(scroll, "&Today")
        self.tabs.addTab(QWidget(), "&System overview")  # made by attach()
        self.tabs.currentChanged.connect(lambda _i: self._refresh_if_stale())
        self.heading = heading("Today", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 4, PAGE_MARGIN, PAGE_MARGIN - 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        if store is not None:
            self.attach(store)

    @property
    def attached(self) -> bool:
        return self._store is not None

    def attach(self, store: Store) -> None:
        """Connect the page to the open data file. A view already shown (read at start-up)
        stays; only its provider flags, which need the database layer, are gathered."""
        from relcom_desktop.ui.pages.overview_view import OverviewView

        self._store = store
        self.overview = OverviewView(store, self)
        placeholder = self.tabs.widget(1)
        self.tabs.blockSignals(True)  # the current tab does not change: nothing to refresh
        self.tabs.removeTab(1)
        self.tabs.insertTab(1, self.overview, "&System overview")
        self.tabs.blockSignals(False)
        placeholder.deleteLater()
        bus().changed.connect(self._records_changed)
        if self.view is not None and self.view.section("providers").pending:
            self._gather_providers(self.view, self._generation)
        elif self.isVisible():
            self._refresh_if_stale()

    def show_view(self, view: TodayView) -> None:
        """Show Today as already read (at start-up, before the data file is open)."""
        self._stale = False
        self._generation += 1
        self._show(view, self._generation)

    def _records_changed(self, _kind: str) -> None:
        self._stale = True
        if self.overview is not None:
            self.overview.stale = True
        if self.isVisible():
            self._refresh_if_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        if self._store is None:
            return  # start-up: attach() follows
        if self.overview is not None and self.tabs.currentWidget() is self.overview:
            if self.overview.stale:
                self.overview.refresh()
        elif self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Gather Today off the GUI thread: everything but the provider flags first."""
        from relcom_desktop.core.today import today_view

        store = self._store
        assert store is not None
        self._stale = False
        self.loaded = False
        self._generation += 1
        generation = self._generation
        run_in_background(
            self,
            lambda: today_view(store, providers=False),
            lambda view: self._show(view, generation),
            self._failed,
        )

    def _fill_providers(self, section: TodaySection, generation: int) -> None:
        if generation != self._generation or self.view is None:
            return
        self.view = self.view.with_section(section)
        index = [c.section.key for c in self.cards].index(section.key)
        old = self.cards[index]
        self.cards[index] = self._card(section, self.view.today)
        self.outer.replaceWidget(old, self.cards[index])
        old.deleteLater()
        self.loaded = True

    def _failed(self, message: str) -> None:
        self.status.setText(message)
        self.loaded = True

    def _show(self, view: TodayView, generation: int) -> None:
        if generation != self._generation:
            return  # a newer refresh is under way
        self.view = view
        for card in self.cards:
            card.deleteLater()
        self.cards = [self._card(section, view.today) for section in view.sections]
        self.first_steps.show_steps(view.first_steps)
        self._place_cards()
        self.status.setText(f"{view.today:%A} {view.today.day} {view.today:%B %Y}")
        self.update()  # painted again with its lists
        if self._store is not None:
            self._gather_providers(view, generation)

    def _gather_providers(self, view: TodayView, generation: int) -> None:
        from relcom_desktop.core.today import provider_section

        store = self._store
        assert store is not None
        run_in_background(
            self,
            lambda: provider_section(store, view.today),
            lambda section: self._fill_providers(section, generation),
            self._failed,
        )

    def _card(self, section: TodaySection, today: dt.date) -> SectionCard:
        card = SectionCard(section, today, self.today_tab)
        if section.key == "lac_reviews" and section.total:
            card.add_button("Show all &reviews due…", self.show_reviews_due)
        return card

    def show_reviews_due(self) -> None:
        """The sortable list of every looked-after and plan review due (a dialog)."""
        from relcom_desktop.ui.pages.reviews_due_dialog import ReviewsDueDialog

        if self._store is None:
            return  # start-up: the data file is still opening
        today = self.view.today if self.view is not None else None
        self.reviews_dialog = ReviewsDueDialog(self._store, self, today)
        self.reviews_dialog.open()

    def columns(self) -> int:
        """Two columns of cards when each can hold a line of about 55 characters."""
        wide = self.width() >= self.fontMetrics().averageCharWidth() * TWO_COLUMNS_CHARS
        return 2 if wide else 1

    def _place_cards(self) -> None:
        """Each card in turn goes to the shorter column, so the columns stay even and a
        short card never stretches to match its neighbour."""
        self._columns = self.columns()
        for box in self.boxes:
            while box.takeAt(0) is not None:
                pass  # the cards stay children of the tab, and are placed again below
        heights = [0] * self._columns
        for card in self.cards:
            column = heights.index(min(heights))
            self.boxes[column].addWidget(card)
            heights[column] += card.sizeHint().height() + PAGE_SPACING
        for number, box in enumerate(self.boxes):
            self.row.setStretch(number, 1 if number < self._columns else 0)
            if number < self._columns:
                box.addStretch(1)

    def column_of(self, card: SectionCard) -> int:
        """Which column a card is in (0 is the left)."""
        return next(n for n, box in enumerate(self.boxes) if box.indexOf(card) >= 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.cards and self.columns() != self._columns:
            self._place_cards()

    def card(self, key: str) -> SectionCard:
        return next(c for c in self.cards if c.section.key == key)
