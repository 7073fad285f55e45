"""Undo for a change already saved: Edit → Undo puts the record back as it was."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.ui.bus import bus


class SavedChange(QUndoCommand):
    """Pushed after a service call succeeded; undo/redo call the services again.

    The first ``redo`` (which ``QUndoStack.push`` runs) does nothing: the change is made.
    A refused undo or redo (the record was deleted meanwhile) is reported, not raised.
    """

    def __init__(
        self,
        text: str,
        kind: str,
        undo: Callable[[], object],
        redo: Callable[[], object],
        report: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(text)
        self._kind = kind
        self._undo = undo
        self._redo = redo
        self._report = report
        self._made = True

    def _run(self, step: Callable[[], object]) -> None:
        try:
            step()
        except RelcomError as error:
            if self._report is not None:
                self._report(str(error))
            self.setObsolete(True)
        bus().changed.emit(self._kind)

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._run(self._redo)

    def undo(self) -> None:
        self._run(self._undo)


def push_saved(
    text: str,
    kind: str,
    undo: Callable[[], object],
    redo: Callable[[], object],
    report: Callable[[str], None] | None = None,
) -> None:
    """Record a change that has just been saved, and tell every view it happened."""
    bus().undo_stack.push(SavedChange(text, kind, undo, redo, report))
    bus().changed.emit(kind)
