"""The start page. "Today": what needs attention now; "System overview": the whole system.

Each Today item opens its record with Enter or a double-click. The page refreshes when any
record changes (at once if it is showing, else when next shown), off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.today import provider_section, today_view
from relcom_desktop.core.today_items import TodayItem, TodaySection, TodayView
from relcom_desktop.ui import theme
from relcom_desktop.ui.background import run_in_background
from relcom_desktop.ui.bus import RowTarget, bus
from relcom_desktop.ui.pages.overview_view import OverviewView
from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING, heading, quiet_label

RECORD_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
WHEN_ROLE = Qt.ItemDataRole.UserRole + 2
URGENT_ROLE = Qt.ItemDataRole.UserRole + 3
PAD = 6
TWO_COLUMNS_CHARS = 120  # the page width, in average characters, that holds two columns


def when_text(section: str, item: TodayItem, today: dt.date) -> str:
    """The words on the right of an item: how late, or when."""
    day = item.day
    if day is None:
        return ""
    if section == "overdue":
        return f"{how_long((today - day).days)} overdue"
    if section == "due_this_week":
        return "Due today" if day == today else f"Due {day:%a} {day.day} {day:%b}"
    if section == "meetings":
        return "Today" if day == today else f"{day:%a} {day.day} {day:%b}"
    return short_date(day)


def how_long(days: int) -> str:
    """ "1 day", "45 days", "3 months", "2 years"."""
    if days < 60:
        return f"{days} day{'s' if days != 1 else ''}"
    if days < 730:
        return f"{days // 30} months"
    return f"{days // 365} years"


def item_height(list_widget: QListWidget) -> int:
    return 2 * list_widget.fontMetrics().height() + 3 * PAD


class TwoLineDelegate(QStyledItemDelegate):
    """Title over a quieter detail line, with the when-text on the right."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(200, 2 * option.fontMetrics.height() + 3 * PAD)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = main if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = option.fontMetrics
        rect = option.rect.adjusted(PAD * 2, PAD, -PAD * 2, -PAD)
        when = index.data(WHEN_ROLE) or ""
        urgent = bool(index.data(URGENT_ROLE))
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        strong = QFontMetrics(bold)  # the top line is bold: measure it in bold
        when_width = strong.horizontalAdvance(when) + PAD * 2 if when else 0
        painter.save()
        painter.setFont(bold)
        painter.setPen(main)
        top = QRect(rect.left(), rect.top(), rect.width() - when_width, strong.height())
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft,
            strong.elidedText(text, Qt.TextElideMode.ElideRight, top.width()),
        )
        if when:
            painter.setPen(main if selected or not urgent else theme.colour("urgent"))
            right = QRect(rect.right() - when_width, rect.top(), when_width, metrics.height())
            painter.drawText(right, Qt.AlignmentFlag.AlignRight, when)
        painter.setFont(option.font)
        painter.setPen(quiet)
        bottom = QRect(
            rect.left(), rect.top() + metrics.height() + PAD, rect.width(), metrics.height()
        )
        detail = metrics.elidedText(
            index.data(DETAIL_ROLE) or "", Qt.TextElideMode.ElideRight, bottom.width()
        )
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft, detail)
        painter.restore()


class SectionCard(QFrame):
    """One Today section: a heading with its count, and its items (or a calm empty line)."""

    def __init__(
        self, section: TodaySection, today: dt.date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.section = section
        self.setFrameShape(QFrame.Shape.StyledPanel)
        count = f" ({section.total:,})" if section.total else ""
        title = QLabel(f"<b>{section.title}</b>{count}", self)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        self.list = QListWidget(self)
        self.list.setAccessibleName(section.title)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        for entry in section.items:
            item = QListWidgetItem(entry.title, self.list)
            item.setData(RECORD_ROLE, (entry.kind, entry.record_id, entry.row_kind, entry.row_id))
            item.setData(DETAIL_ROLE, entry.detail)
            item.setData(WHEN_ROLE, when_text(section.key, entry, today))
            item.setData(URGENT_ROLE, entry.urgent)
            item.setToolTip(f"{entry.title}\n{entry.detail}\nEnter or double-click to open")
        self.list.activated.connect(self._open)
        # Sized to what it holds: an empty card stays short beside a full one.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        if section.items:
            self.list.setFixedHeight(item_height(self.list) * len(section.items) + 2)
            self.list.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
            layout.addWidget(self.list)
        else:
            self.list.hide()
            layout.addWidget(quiet_label(section.empty_text, self))
        if section.total > len(section.items):
            more = f"Showing {len(section.items)} of {section.total:,}."
            if section.key in ("overdue", "due_this_week"):
                more += " The Actions page (Ctrl+6) lists them all."
            layout.addWidget(quiet_label(more, self))

    def add_button(self, text: str, on_click: Callable[[], None]) -> QPushButton:
        """A button under the items (e.g. "Show all reviews due…")."""
        button = QPushButton(text, self)
        button.clicked.connect(lambda _checked=False: on_click())
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(row)
        return button

    def _open(self, index: QModelIndex) -> None:
        kind, record_id, row_kind, row_id = index.data(RECORD_ROLE)
        if row_kind:
            bus().open_row.emit(kind, record_id, RowTarget(row_kind, row_id))
        else:
            bus().open_record.emit(kind, record_id)


class FirstSteps(QFrame):
    """What to do first, shown above the cards while the caseload is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        self.hide()

    def show_steps(self, steps: tuple[str, ...]) -> None:
        items = "".join(f"<li>{html.escape(step)}</li>" for step in steps)
        self.text.setText(
            "<b>Your caseload is empty: start here</b>"
            f"<ol style='margin-left: 0; -qt-list-indent: 1'>{items}</ol>"
        )
        self.text.setAccessibleName(" ".join(steps))
        self.setVisible(bool(steps))


class TodayPage(QWidget):
    """The start page, with the Today list and the System overview as two tabs."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
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
        self.overview = OverviewView(store, self)
        self.tabs.addTab(scroll, "&Today")
        self.tabs.addTab(self.overview, "&System overview")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_if_stale())
        self.heading = heading("Today", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 4, PAGE_MARGIN, PAGE_MARGIN - 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        bus().changed.connect(self._records_changed)

    def _records_changed(self, _kind: str) -> None:
        self._stale = True
        self.overview.stale = True
        if self.isVisible():
            self._refresh_if_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_if_stale()

    def _refresh_if_stale(self) -> None:
        if self.tabs.currentWidget() is self.overview:
            if self.overview.stale:
                self.overview.refresh()
        elif self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Gather Today off the GUI thread: everything but the provider flags first."""
        self._stale = False
        self.loaded = False
        self._generation += 1
        generation = self._generation
        run_in_background(
            self,
            lambda: today_view(self._store, providers=False),
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
        run_in_background(
            self,
            lambda: provider_section(self._store, view.today),
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
