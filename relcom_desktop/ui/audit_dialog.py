"""The audit log: when each export, print, backup, restore, passphrase change and permanent
deletion happened, and to what kind of record. Read-only: it cannot be edited here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.lazy_model import Column, LazyTableModel
from relcom_desktop.ui.widgets import heading, quiet_label

COLUMNS = [
    Column("When (UTC)", lambda e: f"{e.at:%d %b %Y %H:%M}"),
    Column("What", lambda e: e.kind.label),
    Column("Record", lambda e: e.record_kind + (f" {e.record_id}" if e.record_id else "")),
    Column("Detail", lambda e: e.detail),
]


class AuditDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Audit log")
        total = audit.count_events(store)
        self.model = LazyTableModel(
            COLUMNS,
            lambda offset, limit: audit.list_events(store, offset=offset, limit=limit),
            lambda: total,
            parent=self,
        )
        self.model.reset()
        self.table = QTableView(self)
        self.table.setAccessibleName("Audit log")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading("Audit log", self))
        layout.addWidget(
            quiet_label(
                f"{total:,} events, newest first. The log records what kind of record was "
                "exported, printed or deleted, never its content, and cannot be edited.",
                self,
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(760, 480)
