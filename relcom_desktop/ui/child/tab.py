"""What every tab of the child page shares: lazy loading, the record table, dialogs, undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from relcom_desktop.core.children import Child
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.tables import RecordTable
from relcom_desktop.ui.undo import RecordService
from relcom_desktop.ui.widgets import PAGE_SPACING


class ChildTab(QWidget):
    """One tab: it loads its records the first time it is shown, and again after a change.

    ``kinds`` lists the bus change notices (e.g. "family_link") that make it reload.
    """

    kinds: tuple[str, ...] = ()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.child: Child | None = None
        self.stale = True
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, PAGE_SPACING, 0, 0)
        self.body.setSpacing(PAGE_SPACING)

    def show_child(self, child: Child) -> None:
        """Remember which child to show; the records load when the tab is next refreshed."""
        self.child = child
        self.stale = True

    def refresh(self) -> None:
        if self.child is not None:
            self.stale = False
            self.reload()

    def reload(self) -> None:
        """Load this tab's records for ``self.child`` (subclasses)."""
        raise NotImplementedError

    def select_row(self, kind: str, record_id: int) -> bool:
        """Select one of this tab's rows (e.g. a family link found by search)."""
        table = self.table_for(kind)
        return table is not None and table.select_id(record_id)

    def table_for(self, kind: str) -> RecordTable | None:
        """The table listing records of ``kind`` (most tabs have one, called ``table``)."""
        table = getattr(self, "table", None)
        return table if isinstance(table, RecordTable) else None

    # ---- helpers for subclasses ----------------------------------------------------------

    @property
    def child_id(self) -> int:
        assert self.child is not None and self.child.id is not None
        return self.child.id

    def run_dialog(self, dialog: QDialog) -> Any:
        """Show a record dialog; what it saved, or None if cancelled."""
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        self.window().activateWindow()  # give the keyboard back even without a window manager
        return dialog.saved if accepted else None  # type: ignore[attr-defined]

    def delete_with_undo(self, service: RecordService, record: Any, what: str) -> None:
        """Move a record to the Trash in one step that Ctrl+Z brings back."""
        try:
            service.remove(self._store, record.id, what)
        except RelcomError as err:
            QMessageBox.warning(self, "Could not delete", str(err))
