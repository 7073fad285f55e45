"""The app-wide notice board that lets pages talk without reaching into each other.

- ``changed(kind)``: one notice after a user action changed records of ``kind`` ("child",
  "placement", "journal_entry", "meeting", "action", ...); each view decides whether to refresh.
- ``open_record(kind, id)``: ask the main window to show a record wherever it lives.
- ``open_row(kind, id, RowTarget)``: the same, then select one row on that record's page (a
  search hit: the child's page on Family & links with that link selected). The row's kind
  chooses the tab.
- ``undo_stack``: every undoable user action pushes one ``QUndoCommand`` here; Edit → Undo
  (Ctrl+Z) and Redo act on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack


@dataclass(frozen=True)
class RowTarget:
    """A row to select on the page a record opens on: ``kind`` picks the tab."""

    kind: str
    record_id: int


class AppBus(QObject):
    changed = Signal(str)
    open_record = Signal(str, int)
    open_row = Signal(str, int, object)  # the record, then a RowTarget on its page

    def __init__(self) -> None:
        super().__init__()
        self.undo_stack = QUndoStack(self)


_bus: AppBus | None = None


def bus() -> AppBus:
    """The process's bus (created on first use, after the QApplication exists)."""
    global _bus
    if _bus is None:
        _bus = AppBus()
    return _bus


def reset_bus() -> AppBus:
    """A fresh bus (for tests, and when a different data file is opened)."""
    global _bus
    if _bus is not None:
        _bus.deleteLater()
    _bus = AppBus()
    return _bus


# Which section shows each kind of record. A page shows a record through its
# ``open_record(kind, record_id)`` method.
RECORD_SECTIONS: dict[str, str] = {
    "child": "children",
    "placement": "children",
    "check_in": "children",
    "placement_review": "children",
    "provider": "providers",
    "setting": "providers",
    "journal_entry": "journal",
    "meeting": "meetings",
    "action": "actions",
    "reflection": "reflection",
    "self_assessment": "reflection",
    # Preparing a report about a record: "report:<ReportKind value>" opens the Reports page.
    "report:child": "reports",
    "report:child_pack": "reports",
    "report:provider": "reports",
    "report:provider_pack": "reports",
    "report:meeting": "reports",
}
