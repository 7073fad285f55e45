"""Parts of the meeting editor: linked children or providers, row lists, the agenda."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.meetings import AgendaItem
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.pickers import child_search, pick, provider_search

ID_ROLE = Qt.ItemDataRole.UserRole


def _local_shortcut(
    widget: QWidget, key: QKeySequence | Qt.Key, slot: Callable[[], None], what: str
) -> None:
    shortcut = QShortcut(QKeySequence(key), widget, slot, context=Qt.ShortcutContext.WidgetShortcut)
    shortcut.setWhatsThis(what)


class LinksBox(QGroupBox):
    """The children (or providers) a meeting concerns; Enter opens one, Delete removes it."""

    def __init__(self, title: str, kind: str, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._kind = kind
        self._search = child_search(store) if kind == "child" else provider_search(store)
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        self.list.setMaximumHeight(76)
        self.list.activated.connect(lambda index: bus().open_record.emit(kind, index.data(ID_ROLE)))
        _local_shortcut(self.list, Qt.Key.Key_Delete, self.remove_current, "Remove the chosen link")
        add = QPushButton(f"Add {kind}…", self)
        add.clicked.connect(self.add)
        remove = QPushButton("Remove", self)
        remove.clicked.connect(self.remove_current)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def set_links(self, links: Sequence[tuple[int, str]]) -> None:
        self.list.clear()
        for record_id, name in links:
            item = QListWidgetItem(name, self.list)
            item.setData(ID_ROLE, record_id)
            item.setToolTip(f"Enter opens this {self._kind}; Delete removes the link")

    def ids(self) -> tuple[int, ...]:
        return tuple(self.list.item(i).data(ID_ROLE) for i in range(self.list.count()))

    def add(self) -> None:
        chosen = pick(self, f"Add a {self._kind}", self._search)
        if chosen is not None and chosen[0] not in self.ids():
            self.set_links([*zip(self.ids(), self._names(), strict=True), chosen])

    def _names(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)


class RowsTab(QWidget):
    """A table of attendees, decisions or actions; Enter edits, Delete removes a row."""

    def __init__(
        self,
        headers: tuple[str, ...],
        verbs: tuple[str, Callable[[], None], Callable[[int], None], Callable[[int], None]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        add_text, add, edit, remove = verbs
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: edit(index.row()))
        _local_shortcut(
            self.table, Qt.Key.Key_Delete, lambda: self._remove(remove), "Remove the chosen row"
        )
        add_button = QPushButton(add_text, self)
        add_button.clicked.connect(add)
        edit_button = QPushButton("Edit…", self)
        edit_button.clicked.connect(
            lambda: self.table.currentRow() >= 0 and edit(self.table.currentRow())
        )
        remove_button = QPushButton("Remove", self)
        remove_button.clicked.connect(lambda: self._remove(remove))
        buttons = QHBoxLayout()
        for button in (add_button, edit_button, remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def _remove(self, remove: Callable[[int], None]) -> None:
        if self.table.currentRow() >= 0:
            remove(self.table.currentRow())

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class AgendaTab(QWidget):
    """Agenda items in order, and the notes taken against the highlighted one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[AgendaItem] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName("Agenda items")
        self.new_title = QLineEdit(self)
        self.new_title.setPlaceholderText("New agenda item, then Enter")
        self.new_title.setAccessibleName("New agenda item")
        self.new_title.returnPressed.connect(self.add)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Notes for the highlighted agenda item")
        self.notes.setAccessibleName("Notes for the agenda item")
        self.list.currentRowChanged.connect(self._show_notes)
        self.notes.textChanged.connect(self._keep_notes)
        _local_shortcut(self.list, Qt.Key.Key_Delete, self.remove, "Remove the agenda item")
        _local_shortcut(self.list, QKeySequence("Ctrl+Up"), lambda: self.move(-1), "Move item up")
        _local_shortcut(
            self.list, QKeySequence("Ctrl+Down"), lambda: self.move(1), "Move item down"
        )
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_title)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(self.notes, 3)

    def set_items(self, items: Sequence[AgendaItem]) -> None:
        self._items = list(items)
        self._refill(0)

    def items(self) -> tuple[AgendaItem, ...]:
        return tuple(self._items)

    def _refill(self, current: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for n, item in enumerate(self._items, start=1):
            QListWidgetItem(f"{n}. {item.title}", self.list)
        self.list.blockSignals(False)
        if self._items:
            self.list.setCurrentRow(min(max(current, 0), len(self._items) - 1))
        else:
            self._show_notes(-1)

    def _show_notes(self, row: int) -> None:
        self.notes.blockSignals(True)
        self.notes.setPlainText(self._items[row].notes if 0 <= row < len(self._items) else "")
        self.notes.setEnabled(0 <= row < len(self._items))
        self.notes.blockSignals(False)

    def _keep_notes(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._items):
            self._items[row] = dataclasses.replace(self._items[row], notes=self.notes.toPlainText())

    def add(self) -> None:
        title = self.new_title.text().strip()
        if not title:
            return
        placeholder = min([0, *(i.id or 0 for i in self._items)]) - 1
        self._items.append(AgendaItem(title, id=placeholder))
        self.new_title.clear()
        self._refill(len(self._items) - 1)

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._items):
            del self._items[row]
            self._refill(row)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self._items) and 0 <= target < len(self._items):
            self._items[row], self._items[target] = self._items[target], self._items[row]
            self._refill(target)
