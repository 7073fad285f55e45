"""Find anything (Ctrl+K): results as you type, grouped by kind, Enter opens the record."""

from __future__ import annotations

import html
import itertools

from PySide6.QtCore import QModelIndex, QObject, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.search import SearchHit, search
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import RowTarget, bus
from relcom_desktop.ui.widgets import SearchBox
from relcom_desktop.ui.workers import Worker

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_LIMIT = 60


def hit_html(hit: SearchHit, quiet_colour: str = "gray") -> str:
    """Title with the matched words highlighted, then a quiet line with date and snippet."""

    def marked(field: str) -> str:
        return "".join(
            f"<b><u>{html.escape(t)}</u></b>" if on else html.escape(t)
            for t, on in hit.segments(field)
        )

    day = f"{short_date(hit.on_date)} · " if hit.on_date else ""
    snippet = " ".join(marked("snippet").split())
    return f"{marked('title')}<br><span style='color:{quiet_colour}'>{day}{snippet}</span>"


class HtmlDelegate(QStyledItemDelegate):
    """Draws an item's text as simple HTML (for highlighted search terms)."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex, selected: bool = False
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(3)
        hit = index.data(HIT_ROLE)
        if isinstance(hit, SearchHit):
            role = (
                QPalette.ColorRole.HighlightedText
                if selected
                else QPalette.ColorRole.PlaceholderText
            )
            doc.setHtml(hit_html(hit, option.palette.color(role).name()))
        else:
            doc.setHtml(index.data(Qt.ItemDataRole.DisplayRole) or "")
        view = self.parent()
        width = view.viewport().width() - 24 if isinstance(view, QTreeWidget) else 400
        doc.setTextWidth(max(width, 200))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        doc = self._document(opt, index, selected)
        opt.text = ""
        opt.widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter)
        context = QAbstractTextDocumentLayout.PaintContext()
        if selected:
            context.palette.setColor(
                context.palette.ColorRole.Text, opt.palette.highlightedText().color()
            )
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRect(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        doc = self._document(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()))


class SearchDialog(QDialog):
    """A palette over the main window: type, move with the arrow keys, press Enter."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find anything")
        self.resize(720, 520)
        self._store = store
        self._numbers = itertools.count(1)
        self._latest = 0
        self._running: set[Worker] = set()
        self.box = SearchBox("Search children, providers, journal, meetings, actions…", self)
        self.box.search_changed.connect(self.run_search)
        self.box.installEventFilter(self)
        self.status = QLabel("Type to search everything in this file.", self)
        self.results = QTreeWidget(self)
        self.results.setAccessibleName("Search results")
        self.results.setHeaderHidden(True)
        self.results.setRootIsDecorated(False)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.setUniformRowHeights(False)
        self.results.setIndentation(12)
        self.results.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        for widget in (self.box, self.status, self.results):
            layout.addWidget(widget)

    def run_search(self, text: str) -> None:
        self._latest = next(self._numbers)
        if not text:
            self.results.clear()
            self.status.setText("Type to search everything in this file.")
            return
        self.status.setText("Searching…")
        number = self._latest
        worker = Worker(lambda _progress, _cancelled: search(self._store, text, limit=SEARCH_LIMIT))
        worker.signals.finished.connect(lambda hits: self._show(number, hits))
        worker.signals.failed.connect(lambda _message: self._show(number, []))
        worker.signals.done.connect(lambda: self._running.discard(worker))
        self._running.add(worker)
        worker.start()

    def _show(self, number: int, hits: list[SearchHit]) -> None:
        if number != self._latest:
            return  # an older search finished after a newer one started
        self.results.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for hit in hits:
            group = groups.get(hit.kind_label)
            if group is None:
                group = QTreeWidgetItem(self.results, [f"<b>{html.escape(hit.kind_label)}</b>"])
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[hit.kind_label] = group
            item = QTreeWidgetItem(group, [hit.plain("title")])
            item.setData(0, HIT_ROLE, hit)
            item.setToolTip(0, hit.plain("snippet"))
        self.results.expandAll()
        self.status.setText(f"{len(hits)} found" if hits else "Nothing matches those words.")
        first = self._hit_items()
        if first:
            self.results.setCurrentItem(first[0])

    def _hit_items(self) -> list[QTreeWidgetItem]:
        items = []
        for i in range(self.results.topLevelItemCount()):
            group = self.results.topLevelItem(i)
            items.extend(group.child(j) for j in range(group.childCount()))
        return items

    def eventFilter(self, watched: QObject, event: object) -> bool:
        if (
            watched is self.box
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.results.setFocus()
                self.results.keyPressEvent(event)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.currentItem():
                self._open(self.results.currentItem())
                return True
        return super().eventFilter(watched, event)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        hit = item.data(0, HIT_ROLE) if item is not None else None
        if not isinstance(hit, SearchHit):
            return
        if hit.open_id <= 0:
            self.status.setText(f"{hit.plain('title')} is not filed under a provider.")
            return
        self.accept()
        if (hit.row_kind, hit.row_id) == (hit.open_kind, hit.open_id):
            bus().open_record.emit(hit.open_kind, hit.open_id)
        else:
            bus().open_row.emit(hit.open_kind, hit.open_id, RowTarget(hit.row_kind, hit.row_id))
