"""Choosing a setting from the register: type part of a name, provider or URN, pick a match."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from relcom_desktop.core.providers import SettingChoice, find_settings
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.widgets import SearchBox, quiet_label

VISIBLE_ROWS = 6
MOVE_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)


class SettingPicker(QWidget):
    """A search box over the register with the matches below; the highlighted one is chosen.

    Up and Down move through the matches without leaving the search box.
    """

    chosen_changed = Signal(object)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.search = SearchBox("Search the register: setting, provider or URN", self)
        self.matches = QListWidget(self)
        self.matches.setAccessibleName("Matching settings")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.matches.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        self.matches.setFixedHeight((self.fontMetrics().height() + 8) * VISIBLE_ROWS + 4)
        self.summary = quiet_label("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        layout.addWidget(self.summary)
        self.search.search_changed.connect(self._find)
        self.matches.currentItemChanged.connect(lambda *_a: self.chosen_changed.emit(self.chosen()))
        self.search.installEventFilter(self)
        self.setFocusProxy(self.search)
        self._find("")

    def _find(self, text: str) -> None:
        found = find_settings(self._store, text)
        self.matches.clear()
        for choice in found:
            item = QListWidgetItem(choice.label, self.matches)
            item.setData(Qt.ItemDataRole.UserRole, choice)
            item.setToolTip(f"{choice.label}\n{choice.setting_type.label}")
        if found:
            self.matches.setCurrentRow(0)
        many = len(found) >= 50
        self.summary.setText(
            "No settings match; check the spelling, or add the setting on the Providers page."
            if not found
            else "Showing the first 50 matches; type more to narrow them."
            if many
            else ""
        )
        self.summary.setVisible(not found or many)
        self.chosen_changed.emit(self.chosen())

    def chosen(self) -> SettingChoice | None:
        item = self.matches.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def problem(self) -> str | None:
        return None if self.chosen() else "Choose a setting from the register."

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in MOVE_KEYS
        ):
            self.matches.keyPressEvent(event)  # move the highlight; focus stays in the search
            return True
        return super().eventFilter(watched, event)
