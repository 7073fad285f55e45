"""Today's cards: one per section, its items as two-line rows that open their record.

Imports only Qt and plain data, so the cards can paint before the database layer loads.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.today_items import TodayItem, TodaySection
from relcom_desktop.ui import theme
from relcom_desktop.ui.bus import RowTarget, bus
from relcom_desktop.ui.widgets import quiet_label

RECORD_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
WHEN_ROLE = Qt.ItemDataRole.UserRole + 2
URGENT_ROLE = Qt.ItemDataRole.UserRole + 3
PAD = 6


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
