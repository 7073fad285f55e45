"""Undo for actions that have already happened: one command per user action on the bus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox

from relcom_desktop import APP_NAME
from relcom_desktop.core.db import Store
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.ui.bus import bus

Step = Callable[[], object]


class DoneCommand(QUndoCommand):
    """An action already carried out: the first redo (on push) does nothing."""

    def __init__(self, text: str, undo: Step, redo: Step, kind: str) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._kind = kind
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)

    def _run(self, step: Step) -> None:
        try:
            step()
        except RelcomError as err:
            QMessageBox.warning(None, APP_NAME, str(err))
        bus().changed.emit(self._kind)


def push_done(text: str, *, undo: Step, redo: Step, kind: str) -> None:
    """Record a finished action on the shared undo stack and tell the views it happened."""
    bus().undo_stack.push(DoneCommand(text, undo, redo, kind))
    bus().changed.emit(kind)


@dataclass(frozen=True)
class Service:
    """The four calls that save, and undo, one kind of record."""

    create: Callable[[Store, Any], Any]
    update: Callable[[Store, Any], Any]
    delete: Callable[[Store, int], Any]
    restore: Callable[[Store, int], Any]
    what: str  # "contact", "journal entry"...
    kind: str  # the bus kind: "contact", "journal_entry"...


def save_undoably(store: Store, service: Service, record: Any, original: Any | None) -> Any:
    """Create or update ``record`` (one service call) and make it undoable."""
    if original is None:
        saved = service.create(store, record)
        push_done(
            f"Add {service.what}",
            undo=lambda: service.delete(store, saved.id),
            redo=lambda: service.restore(store, saved.id),
            kind=service.kind,
        )
        return saved
    saved = service.update(store, record)
    push_done(
        f"Edit {service.what}",
        undo=lambda: service.update(store, original),
        redo=lambda: service.update(store, saved),
        kind=service.kind,
    )
    return saved


def delete_undoably(store: Store, service: Service, record_id: int) -> None:
    """Move a record to the Trash; Edit → Undo brings it back."""
    service.delete(store, record_id)
    push_done(
        f"Delete {service.what}",
        undo=lambda: service.restore(store, record_id),
        redo=lambda: service.delete(store, record_id),
        kind=service.kind,
    )
