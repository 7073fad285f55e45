"""Choosing the children a journal entry or a notification concerns, by keyboard or mouse.

Type part of a name and press Enter to tick the first match (the search clears, ready for the
next name); or move into the list with Down and tick with Space. Children placed with the
provider are listed first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from relcom_desktop.core.journal import ChildChoice
from relcom_desktop.ui.widgets import quiet_label

PLACED_HERE = " — placed here"
ID_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 6


class ChildPicker(QWidget):
    changed = Signal()

    def __init__(
        self,
        choices: list[ChildChoice],
        chosen: Iterable[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices = choices
        self._placed: set[int] = set()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Type a name, then Enter to tick it")
        self.search.setAccessibleName("Find a child")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Children this concerns")
        self.list.setMinimumHeight(self.list.fontMetrics().lineSpacing() * VISIBLE_ROWS + 16)
        self.summary = quiet_label("No children chosen", self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.list.itemChanged.connect(self._on_item_changed)
        self._fill(set(chosen))
        self.setFocusProxy(self.search)

    # ---- what is chosen ------------------------------------------------------------------

    def chosen(self) -> tuple[int, ...]:
        return tuple(
            self.list.item(i).data(ID_ROLE)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_chosen(self, child_ids: Iterable[int], placed: Iterable[int] | None = None) -> None:
        """Tick these children (and, if given, mark those placed with the provider)."""
        if placed is not None:
            self._placed = set(placed)
        self._fill(set(child_ids))

    def set_placed_here(self, child_ids: Iterable[int]) -> None:
        """Mark (and list first) the children living with the entry's provider."""
        self.set_chosen(self.chosen(), child_ids)

    # ---- building and filtering ----------------------------------------------------------

    def _fill(self, chosen: set[int]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        ordered = sorted(self._choices, key=lambda c: c.id not in self._placed)
        for choice in ordered:
            text = choice.label + (PLACED_HERE if choice.id in self._placed else "")
            item = QListWidgetItem(text, self.list)
            item.setData(ID_ROLE, choice.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = choice.id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._filter(self.search.text())
        self._show_summary()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def _first_visible(self) -> QListWidgetItem | None:
        items = (self.list.item(i) for i in range(self.list.count()))
        return next((item for item in items if not item.isHidden()), None)

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        names = [
            self.list.item(i).text().removesuffix(PLACED_HERE).split(" · ")[0]
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.summary.setText(f"Chosen: {', '.join(names)}" if names else "No children chosen")

    # ---- keyboard --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                return self._tick_first_match()
            if event.key() == Qt.Key.Key_Down:
                first = self._first_visible()
                if first is not None:
                    self.list.setCurrentItem(first)
                    self.list.setFocus(Qt.FocusReason.TabFocusReason)
                    return True
        return super().eventFilter(watched, event)

    def _tick_first_match(self) -> bool:
        """Enter in the search ticks the first match; with no search it does nothing."""
        if not self.search.text().strip():
            return False  # let Enter reach the dialog
        first = self._first_visible()
        if first is not None:
            first.setCheckState(Qt.CheckState.Checked)
            self.search.clear()
        return True
