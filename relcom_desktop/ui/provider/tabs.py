"""What every provider page tab shares: the provider shown, reloading when records change,
and — for the simple tabs — one list of records with Add / Edit / Delete."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QVBoxLayout, QWidget

from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.provider.record_list import RecordList
from relcom_desktop.ui.undo import RecordService
from relcom_desktop.ui.widgets import PAGE_SPACING

CARD_STYLE = """
QFrame#card { border: 1px solid palette(midlight); border-radius: 6px; background: palette(base); }
"""


class ProviderTab(QWidget):
    """One tab of the provider page. ``kinds`` are the bus notices that make it reload."""

    title = ""
    kinds: tuple[str, ...] = ()
    row_kinds: tuple[str, ...] = ()  # the records whose rows this tab lists (search opens them)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.provider_id: int | None = None

    def show_provider(self, provider_id: int) -> None:
        self.provider_id = provider_id
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    def select_row(self, kind: str, record_id: int, setting_id: int | None) -> bool:
        """Select the row of one record of ``kind`` (filed against ``setting_id``)."""
        return False


class RecordTab(ProviderTab):
    """A tab holding one :class:`RecordList` of a :class:`RecordService`'s records."""

    service: RecordService
    columns: Sequence[Column]
    samples: Sequence[str] | None = None
    stretch = -1
    empty = ""
    add_text = "Add…"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.kinds = (self.service.kind,)
        self.list = RecordList(
            self.title,
            self.columns,
            self.load,
            empty=self.empty,
            samples=self.samples,
            stretch=self.stretch,
            parent=self,
        )
        self.list.title.hide()  # the tab already names the list
        self.add_button = self.list.add_button(self.add_text, lambda: self.open_form(None))
        self.list.add_button("Edit…", self._edit_current, needs_row=True)
        self.list.add_button("Delete", self._delete_current, needs_row=True)
        self.list.edit_requested.connect(self.open_form)
        self.list.delete_requested.connect(self.delete)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, PAGE_SPACING, 0, 0)
        layout.addWidget(self.list)

    def load(self) -> Sequence[Any]:
        raise NotImplementedError

    def form(self, row: Any | None) -> QDialog:
        raise NotImplementedError

    def record_of(self, row: Any) -> Any:
        """The record behind a list row (rows may carry names alongside the record)."""
        return row

    def reload(self) -> None:
        self.list.reload()

    def select_row(self, kind: str, record_id: int, setting_id: int | None) -> bool:
        return self.list.select(lambda row: self.record_of(row).id == record_id)

    def open_form(self, row: Any | None) -> None:
        self.form(row).open()

    def delete(self, row: Any) -> None:
        self.service.remove(self.store, self.record_of(row).id)

    def _edit_current(self) -> None:
        if (row := self.list.current()) is not None:
            self.open_form(row)

    def _delete_current(self) -> None:
        if (row := self.list.current()) is not None:
            self.delete(row)


def card(caption: str, parent: QWidget | None = None) -> tuple[QFrame, QLabel, QLabel]:
    """A small figure with its caption: (frame, value label, note label)."""
    frame = QFrame(parent)
    frame.setObjectName("card")
    frame.setStyleSheet(CARD_STYLE)
    value = QLabel("—", frame)
    font = value.font()
    font.setPointSizeF(font.pointSizeF() * 1.45)
    font.setBold(True)
    value.setFont(font)
    title = QLabel(caption, frame)
    note = QLabel("", frame)
    note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(2)
    layout.addWidget(title)
    layout.addWidget(value)
    layout.addWidget(note)
    frame.setAccessibleName(caption)
    return frame, value, note
