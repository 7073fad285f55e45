"""Undo for actions already done: each user action leaves one command on the bus's stack.

The action itself has already run (one service call, one transaction) when the command is
pushed; undo and redo are service calls too, so each is again one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus

Step = Callable[[], Any]
VERBS = ("create", "update", "delete", "restore")


class DoneCommand(QUndoCommand):
    """An action that has already been done; ``undo``/``redo`` reverse and repeat it."""

    def __init__(self, text: str, undo: Step, redo: Step, kinds: tuple[str, ...]) -> None:
        super().__init__(text)
        self._undo = undo
        self._redo = redo
        self._kinds = kinds
        self._done_already = True

    def redo(self) -> None:
        if self._done_already:  # QUndoStack.push() calls redo(); the action already ran
            self._done_already = False
            return
        self._run(self._redo, "redo")

    def undo(self) -> None:
        self._run(self._undo, "undo")

    def _run(self, step: Step, verb: str) -> None:
        try:
            step()
        except RelcomError as err:
            # The records changed since (e.g. a restored placement would now overlap):
            # say why, and drop this step from the history rather than pretend it worked.
            self.setObsolete(True)
            QMessageBox.warning(
                QApplication.activeWindow(),
                f"Could not {verb}",
                f"“{self.text()}” could not be {verb}ne.\n\n{err}",
            )
        for kind in self._kinds:
            bus().changed.emit(kind)


def record_done(text: str, undo: Step, redo: Step, *kinds: str) -> None:
    """Put a finished action on the undo stack and tell every view what changed."""
    bus().undo_stack.push(DoneCommand(text, undo, redo, kinds))
    for kind in kinds:
        bus().changed.emit(kind)


@dataclass(frozen=True)
class RecordService:
    """The service calls for one kind of record, so that saving and deleting can be undone."""

    create: Callable[[Store, Any], Any]
    update: Callable[[Store, Any], Any]
    delete: Callable[[Store, int], Any]
    restore: Callable[[Store, int], Any]
    kind: str
    """The change notice sent on the bus (e.g. "family_link")."""
    what: str = "record"
    """How the Edit menu names one of them ("Undo Add journal entry")."""

    @classmethod
    def of(cls, service: ModuleType, noun: str, kind: str, what: str = "record") -> RecordService:
        """The service module's ``create_<noun>``, ``update_<noun>``, ``delete_<noun>`` and
        ``restore_<noun>``, as every core service names them."""
        calls = (getattr(service, f"{verb}_{noun}") for verb in VERBS)
        return cls(*calls, kind=kind, what=what)

    def save(self, store: Store, before: Any | None, edited: Any, what: str = "") -> Any:
        """Create (``before`` is None or unsaved) or update, as one undoable step."""
        what = what or self.what
        if before is None or before.id is None:
            saved = self.create(store, edited)
            record_done(
                f"Add {what}",
                lambda: self.delete(store, saved.id),
                lambda: self.restore(store, saved.id),
                self.kind,
            )
        else:
            saved = self.update(store, edited)
            record_done(
                f"Edit {what}",
                lambda: self.update(store, before),
                lambda: self.update(store, saved),
                self.kind,
            )
        return saved

    def remove(self, store: Store, record_id: int, what: str = "") -> None:
        """Move to the Trash, as one undoable step (raises RelcomError if refused)."""
        self.delete(store, record_id)
        record_done(
            f"Delete {what or self.what}",
            lambda: self.restore(store, record_id),
            lambda: self.delete(store, record_id),
            self.kind,
        )
