"""The reflection form: what happened, what I learned, what I'll do differently, tagged with
the nine changes and linked to what it is about. "Reflect on this…" on a journal entry or a
meeting opens it already linked (:func:`reflect_on`)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from relcom_desktop.core import clock, reflection
from relcom_desktop.core.enums import LearningChange
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.journal import child_choices
from relcom_desktop.core.meetings import get_meeting
from relcom_desktop.core.providers import provider_choices
from relcom_desktop.core.reflection import (
    Reflection,
    reflection_for,
)
from relcom_desktop.core.reflection_links import links_for
from relcom_desktop.core.report_data import meeting_choices
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.provider.forms import FormDialog, SearchCombo, date_edit, date_of, text_box
from relcom_desktop.ui.undo import RecordService

KIND = "reflection"
MEETING_CHOICES = 300  # the most recent meetings offered (type to find one)
REFLECTIONS = RecordService.of(reflection, "reflection", KIND, "reflection")
PROMPTS = {
    "what_happened": "What &happened",
    "what_learned": "What I &learned",
    "do_differently": "What I'll do &differently",
}


class ChangePicker(QWidget):
    """The nine changes as check boxes, two columns, in the NCERCC order."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[LearningChange, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        half = (len(LearningChange) + 1) // 2
        for index, change in enumerate(LearningChange):
            box = QCheckBox(change.label, self)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes[change] = box
            grid.addWidget(box, index % half, index // half)
        self.setFocusProxy(self.boxes[LearningChange.PRODUCT_TO_LEARNING])

    def chosen(self) -> tuple[LearningChange, ...]:
        return tuple(change for change, box in self.boxes.items() if box.isChecked())

    def set_chosen(self, changes: tuple[LearningChange, ...]) -> None:
        for change, box in self.boxes.items():
            box.setChecked(change in changes)


class ReflectionDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        reflection: Reflection,
        parent: QWidget | None = None,
    ) -> None:
        new = reflection.id is None
        super().__init__("New reflection" if new else "Edit reflection", "Save reflection", parent)
        self.store = store
        self.original = None if new else reflection
        self._start = reflection
        self._unlinked = False
        self.written = date_edit(reflection.written_on, latest=clock.today())
        self.changes = ChangePicker(self)
        self.texts = {field: text_box(getattr(reflection, field), lines=3) for field in PROMPTS}
        self.child = SearchCombo(
            [(c.id, c.label) for c in child_choices(store, _ids(reflection.child_id))],
            none_text="No particular child",
        )
        self.provider = SearchCombo(provider_choices(store), none_text="No particular provider")
        self.meeting = SearchCombo(
            _meeting_choices(store, reflection.meeting_id), none_text="No particular meeting"
        )
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unlink = QPushButton("Remove link", self)
        self.unlink.clicked.connect(self._unlink)
        self._lay_out()
        self.changes.set_chosen(reflection.changes)
        self.child.set_value(reflection.child_id)
        self.provider.set_value(reflection.provider_id)
        self.meeting.set_value(reflection.meeting_id)
        self._show_about()
        self.need(
            lambda: bool(self.changes.chosen()), "one of the nine changes", self.changes.changed
        )
        self.need(
            lambda: any(box.toPlainText().strip() for box in self.texts.values()),
            "a few words about what happened",
            *(box.textChanged for box in self.texts.values()),
        )
        first = self.texts["what_happened"] if new else self.changes
        first.setFocus()

    def _lay_out(self) -> None:
        about = QWidget(self)
        row = QHBoxLayout(about)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.about, 1)
        row.addWidget(self.unlink, 0, Qt.AlignmentFlag.AlignTop)
        self.about_row = about
        self.add_row("Journal entry", about)
        self.add_row("D&ate", self.written)
        for field, label in PROMPTS.items():
            self.add_row(label, self.texts[field])
        self.add_row("The &nine changes", self.changes)
        self.add_row("C&hild", self.child)
        self.add_row("&Provider", self.provider)
        self.add_row("&Meeting", self.meeting)
        order = [
            self.written,
            *self.texts.values(),
            *self.changes.boxes.values(),
            self.child,
            self.provider,
            self.meeting,
        ]
        for before, after in pairwise(order):
            QWidget.setTabOrder(before, after)

    # ---- what it is about ------------------------------------------------------------------

    def _journal_entry(self) -> int | None:
        """The journal entry it is about, set by "Reflect on this…" (the rest are combos)."""
        return None if self._unlinked else self._start.journal_entry_id

    def _show_about(self) -> None:
        entry = Reflection(self._start.written_on, journal_entry_id=self._journal_entry())
        text = links_for(self.store, entry).journal_entry or ""
        self.form.setRowVisible(self.about_row, bool(text))  # its label too
        self.about.setText(text)
        self.about.setAccessibleName(f"Journal entry: {text}")

    def _unlink(self) -> None:
        self._unlinked = True
        self._show_about()
        self.texts["what_happened"].setFocus()

    # ---- saving ----------------------------------------------------------------------------

    def reflection(self) -> Reflection:
        return dataclasses.replace(
            self._start,
            written_on=date_of(self.written),
            changes=self.changes.chosen(),
            child_id=self.child.value(),
            provider_id=self.provider.value(),
            meeting_id=self.meeting.value(),
            journal_entry_id=self._journal_entry(),
            **{field: box.toPlainText() for field, box in self.texts.items()},
        )

    def save(self) -> Reflection:
        return REFLECTIONS.save(self.store, self.original, self.reflection())

    def reject(self) -> None:
        changed = self.reflection() != self._start and self.reflection().has_writing
        if not changed or may_discard(
            self, "Discard this reflection? What you wrote will not be kept."
        ):
            super().reject()


def may_discard(dialog: QWidget, question: str) -> bool:
    """Ask before a form with unsaved writing is closed; True to let it go."""
    answer = QMessageBox.question(
        dialog,
        dialog.windowTitle(),
        question,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def _ids(record_id: int | None) -> tuple[int, ...]:
    return () if record_id is None else (record_id,)


def _meeting_choices(store: Store, current: int | None) -> list[tuple[int, str]]:
    """The most recent meetings, and the one already linked however old it is."""
    recent = meeting_choices(store, limit=MEETING_CHOICES)
    found = [(m.id, _meeting_label(m.starts_at, m.title)) for m in recent]
    if current is not None and current not in {m.id for m in recent}:
        with contextlib.suppress(RelcomError):
            meeting = get_meeting(store, current)
            found.insert(0, (current, _meeting_label(meeting.starts_at, meeting.title)))
    return found


def _meeting_label(starts_at: dt.datetime, title: str) -> str:
    return f"{short_date(starts_at.date())} · {title}"


def open_reflection(store: Store, reflection: Reflection, parent: QWidget) -> ReflectionDialog:
    """Open the form (not blocking) for a new or saved reflection."""
    dialog = ReflectionDialog(store, reflection, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def reflect_on(store: Store, kind: str, record_id: int, parent: QWidget) -> ReflectionDialog:
    """ "Reflect on this…": a new reflection about a journal entry or meeting, already linked
    to it (and its provider and child). Raises RelcomError if the record has gone."""
    draft = reflection_for(store, kind, record_id, clock.today())
    return open_reflection(store, draft, parent)
