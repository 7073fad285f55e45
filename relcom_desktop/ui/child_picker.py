"""A small dialog to choose one child by name or LA reference (archived children included)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.child_list import ChildFilter, list_children
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.widgets import SearchBox, quiet_label

SHOWN = 50


class ChildPicker(QDialog):
    """``child_id`` after it was accepted."""

    def __init__(self, store: Store, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.store = store
        self.child_id: int | None = None
        self.search = SearchBox("Type a name or LA reference", self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Children")
        self.hint = quiet_label("", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._accept())
        self.search.search_changed.connect(self.refresh)
        self.search.returnPressed.connect(self.list.setFocus)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(440, 460)
        self.refresh("")

    def refresh(self, text: str) -> None:
        rows = list_children(
            self.store, ChildFilter(text=text, include_archived=True), limit=SHOWN + 1
        )
        self.list.clear()
        for row in rows[:SHOWN]:
            ref = f"  ·  {row.la_reference}" if row.la_reference else ""
            archived = "  (archived)" if row.archived else ""
            item = QListWidgetItem(f"{row.preferred_name}  —  {row.full_name}{ref}{archived}")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        more = len(rows) > SHOWN
        self.hint.setText("More children match: type more of the name." if more else "")

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.child_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.accept()
