"""Choosing one child, provider or meeting by typing part of its name."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from relcom_desktop.core.child_list import ChildFilter, list_children
from relcom_desktop.core.children import get_child
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.meetings import get_meeting
from relcom_desktop.core.providers import ProviderFilter, get_provider, list_providers
from relcom_desktop.core.report_data import meeting_choices
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.widgets import SearchBox, quiet_label

MATCHES = 50
PLACEHOLDERS = {
    "child": "Type a child's name or LA reference",
    "provider": "Type a provider's name",
    "meeting": "Type words from the meeting's title",
}


def _child_label(name: str, full: str, reference: str | None) -> str:
    details = ", ".join(x for x in (full if full != name else "", reference or "") if x)
    return f"{name} ({details})" if details else name


class RecordPicker(QWidget):
    """A search box over a short list of matching records; ``chosen`` carries the id."""

    chosen = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._kind = "child"
        self.search = SearchBox(PLACEHOLDERS["child"], self)
        self.matches = QListWidget(self)
        self.matches.setAccessibleName("Matching records")
        self.matches.setMinimumHeight(160)
        self.hint = quiet_label("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.hint)
        self.search.search_changed.connect(lambda _text: self.refresh())
        self.search.returnPressed.connect(self._choose_first)
        self.matches.currentItemChanged.connect(self._on_current)
        self.setFocusProxy(self.search)

    def showEvent(self, event: QShowEvent) -> None:
        """The first time it is seen, list the first records (the list is never blank)."""
        super().showEvent(event)
        if not self.matches.count() and not self.search.text():
            self.refresh()

    @property
    def kind(self) -> str:
        return self._kind

    def set_kind(self, kind: str) -> None:
        """Pick children, providers or meetings ("child", "provider", "meeting")."""
        if kind == self._kind:
            return
        self._kind = kind
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.search.setPlaceholderText(PLACEHOLDERS[kind])
        self.search.setAccessibleName(PLACEHOLDERS[kind])
        self.refresh()

    def chosen_id(self) -> int | None:
        item = self.matches.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def chosen_label(self) -> str:
        item = self.matches.currentItem()
        return "" if item is None else item.text()

    def select(self, record_id: int) -> None:
        """Show and choose one record (raises NotFoundError if there is none)."""
        self.matches.clear()
        self._add(record_id, self._label_of(record_id))
        self.matches.setCurrentRow(0)
        self.hint.setText("")

    def refresh(self) -> None:
        text = self.search.text().strip()
        self.matches.clear()
        for record_id, label in self._find(text):
            self._add(record_id, label)
        count = self.matches.count()
        self.hint.setText(
            "No matches"
            if not count
            else f"Showing the first {MATCHES}"
            if count >= MATCHES
            else ""
        )
        if count:
            self.matches.setCurrentRow(0)

    def _add(self, record_id: int, label: str) -> None:
        item = QListWidgetItem(label, self.matches)
        item.setData(Qt.ItemDataRole.UserRole, record_id)

    def _find(self, text: str) -> list[tuple[int, str]]:
        store = self._store
        if self._kind == "child":
            rows = list_children(
                store, ChildFilter(text=text, include_archived=True), limit=MATCHES
            )
            return [
                (r.id, _child_label(r.preferred_name, r.full_name, r.la_reference)) for r in rows
            ]
        if self._kind == "provider":
            return [
                (r.id, r.name)
                for r in list_providers(store, ProviderFilter(text=text), limit=MATCHES)
            ]
        return [
            (m.id, f"{short_date(m.starts_at.date())} · {m.title}")
            for m in meeting_choices(store, text, limit=MATCHES)
        ]

    def _label_of(self, record_id: int) -> str:
        if self._kind == "child":
            child = get_child(self._store, record_id)
            return _child_label(child.preferred_name, child.full_name, child.la_reference)
        if self._kind == "provider":
            return get_provider(self._store, record_id).name
        meeting = get_meeting(self._store, record_id)
        return f"{short_date(meeting.starts_at.date())} · {meeting.title}"

    def _choose_first(self) -> None:
        if self.matches.count():
            self.matches.setCurrentRow(0)
            self.matches.setFocus()

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
