"""The Trash for children: bring a child back, or (after a warning) delete them for good."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.children import (
    Child,
    delete_child,
    deleted_children,
    purge_child,
    restore_child,
)
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import MISSING, short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.child.look import empty_note
from relcom_desktop.ui.child.tables import RecordTable
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.undo import record_done
from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING, quiet_label


def deleted_on(child: Child) -> str:
    """The local date a child was moved to the Trash (stored in UTC)."""
    if child.deleted_at is None:
        return MISSING
    return short_date(child.deleted_at.replace(tzinfo=dt.UTC).astimezone().date())


INTRO = "A child in the Trash, with everything recorded about them, can be restored."
COLUMNS = [
    Column("Name", lambda c: c.preferred_name, tooltip=lambda c: c.full_name),
    Column("LA ref", lambda c: c.la_reference or MISSING),
    Column("Moved to the Trash", deleted_on),
]


class ChildrenTrashDialog(QDialog):
    """Children moved to the Trash, most recent first. Restoring can be undone with Ctrl+Z."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Trash: children")
        self._store = store
        self.restored: list[int] = []
        self.table = RecordTable(COLUMNS, widths=[220, 140], parent=self)
        self.empty = empty_note("The Trash is empty.", self)
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setDefault(True)
        self.purge_button = QPushButton("Delete &permanently…")
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN - 8)
        layout.setSpacing(PAGE_SPACING)
        layout.addWidget(
            quiet_label(
                "A child in the Trash, with everything recorded about them, can be restored."
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore)
        self.purge_button.clicked.connect(self.purge)
        self.table.record_activated.connect(lambda _c: self.restore())
        self.resize(620, 420)
        self.reload()

    def reload(self) -> None:
        self.table.set_rows(deleted_children(self._store))
        has = self.table.record_count() > 0
        self.table.setVisible(has)
        self.empty.setVisible(not has)
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)
        if has:
            self.table.setFocus()

    def restore(self) -> None:
        child = self.table.current_record()
        if child is None:
            return
        store, child_id = self._store, child.id
        try:
            restore_child(store, child_id)
        except RelcomError as err:
            QMessageBox.warning(self, "Could not restore", str(err))
            return
        record_done(
            f"Restore {child.preferred_name}",
            lambda: delete_child(store, child_id),
            lambda: restore_child(store, child_id),
            "child",
        )
        self.restored.append(child_id)
        self.reload()

    def purge(self) -> None:
        child = self.table.current_record()
        if child is None:
            return
        answer = QMessageBox.warning(
            self,
            "Delete permanently",
            f"Delete {child.preferred_name} and everything recorded about them for good?\n\n"
            "Their placements, check-ins, reviews, family links and plans are removed. "
            "Journal entries, meetings and actions stay, without the link to the child. "
            "This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            purge_child(self._store, child.id)
        except RelcomError as err:
            QMessageBox.warning(self, "Could not delete", str(err))
            return
        bus().changed.emit("child")
        self.reload()
