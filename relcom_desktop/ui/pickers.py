"""Choosing a record by typing part of its name: children, providers, contacts.

``PickerDialog`` shows a search box over a short list; Down moves into the list, Enter picks.
The search callables ask the core services (filtered and capped in SQL).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.child_list import ChildFilter, list_children
from relcom_desktop.core.providers import ProviderFilter, list_providers
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.widgets import SEARCH_DELAY_MS

Search = Callable[[str], list[tuple[Any, str]]]
SHOWN = 30


def child_search(store: Store) -> Search:
    def search(text: str) -> list[tuple[Any, str]]:
        rows = list_children(store, ChildFilter(text=text), limit=SHOWN)
        return [
            (r.id, r.preferred_name + (f" ({r.la_reference})" if r.la_reference else ""))
            for r in rows
        ]

    return search


def provider_search(store: Store) -> Search:
    def search(text: str) -> list[tuple[Any, str]]:
        return [
            (r.id, r.name) for r in list_providers(store, ProviderFilter(text=text), limit=SHOWN)
        ]

    return search


class PickerDialog(QDialog):
    """Type to narrow the list; Enter (or a double-click) picks the highlighted entry."""

    def __init__(self, title: str, search: Search, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._search = search
        self.chosen: tuple[Any, str] | None = None
        self.text = QLineEdit(self)
        self.text.setPlaceholderText("Type part of the name")
        self.text.setAccessibleName(title)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Matches")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.text.textChanged.connect(lambda _t: self._timer.start())
        self.text.installEventFilter(self)
        self.list.activated.connect(lambda _i: self.accept())
        self.resize(420, 360)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self.list.clear()
        for value, label in self._search(self.text.text().strip()):
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, value)
        if self.list.count():
            self.list.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and isinstance(event, QKeyEvent):
            key = event.key() if event.type() == QEvent.Type.KeyPress else None
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.list.setFocus()
                return False
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.refresh()
                self.accept()
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = (item.data(Qt.ItemDataRole.UserRole), item.text())
        super().accept()


def pick(parent: QWidget, title: str, search: Search) -> tuple[Any, str] | None:
    dialog = PickerDialog(title, search, parent)
    return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else None
