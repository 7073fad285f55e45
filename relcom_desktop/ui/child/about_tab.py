"""About me: the child's own words first, then their details; edited in place and saved once."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.children import Child, revert_child, update_child
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.child.details import ChildDetails
from relcom_desktop.ui.child.fields import TextArea
from relcom_desktop.ui.child.form import CheckedForm, problem_label, show_problem
from relcom_desktop.ui.child.look import section_title
from relcom_desktop.ui.undo import record_done
from relcom_desktop.ui.widgets import PAGE_SPACING, quiet_label

VOICE = (
    ("about_me", "About me", "Who the child is, in their own words"),
    ("wishes_and_feelings", "Wishes and feelings", "What they want, and how they feel about it"),
    ("what_matters", "What matters to me", "People, places, routines and things that matter"),
    ("strengths", "Strengths", "What they are good at and proud of"),
    ("needs", "Needs", "What helps them, and what they need from the adults around them"),
)


class VoiceField:
    """One of the child's voice fields: heading, "last updated" date and the text itself."""

    def __init__(self, name: str, title: str, hint: str, layout: QVBoxLayout) -> None:
        self.name = name
        self.text = TextArea(title, lines=5)
        self.text.setPlaceholderText(f"{hint}. Paste or type what the child said or wrote.")
        self.updated = quiet_label()
        heading = QLabel(f"<b>{title}</b>")
        heading.setBuddy(self.text)
        row = QHBoxLayout()
        row.addWidget(heading)
        row.addStretch(1)
        row.addWidget(self.updated)
        layout.addLayout(row)
        layout.addWidget(self.text)
        layout.addSpacing(PAGE_SPACING // 2)

    def load(self, child: Child) -> None:
        self.text.set_value(getattr(child, self.name))
        day = getattr(child, f"{self.name}_updated")
        self.updated.setText(f"Last updated {short_date(day)}" if day else "Not updated yet")


class AboutTab(QWidget):
    """The child's voice and details, with Save (Ctrl+S) and Revert; tracks unsaved edits."""

    dirty_changed = Signal(bool)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.child: Child | None = None
        self._loaded: tuple[str, ...] = ()
        self._dirty = False
        self.form = CheckedForm(on_change=self._check_dirty)
        self.details = ChildDetails(self.form)
        self.notes = TextArea("Notes", lines=4)
        self.form.add("&Notes", self.notes)
        self.voice: list[VoiceField] = []
        self.problem = problem_label(self)
        self.state = quiet_label()
        self.revert_button = QPushButton("&Revert")
        self.save_button = QPushButton("&Save changes")
        self.save_button.setToolTip("Save changes (Ctrl+S)")
        self._lay_out()
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setWhatsThis("Save what you changed about the child")
        self._show_dirty()

    def _lay_out(self) -> None:
        voice_box = QVBoxLayout()
        voice_box.setSpacing(6)
        voice_box.addWidget(section_title("In their own words"))
        for name, title, hint in VOICE:
            field = VoiceField(name, title, hint, voice_box)
            field.text.textChanged.connect(self._check_dirty)
            self.voice.append(field)
        voice_box.addStretch(1)
        details_box = QVBoxLayout()
        details_box.setSpacing(6)  # not the wide gap between the two columns
        details_box.addWidget(section_title("Details"))
        details_box.addLayout(self.form)
        details_box.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(PAGE_SPACING * 3)
        columns.addLayout(voice_box, 3)
        columns.addLayout(details_box, 2)
        content = QWidget()
        content.setLayout(columns)
        scroll = QScrollArea(self)
        scroll.setAccessibleName("About the child")
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        bar = QHBoxLayout()
        bar.addWidget(self.state, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, PAGE_SPACING, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addLayout(bar)

    # ---- loading and dirty state ---------------------------------------------------------

    def load(self, child: Child) -> None:
        """Show ``child`` (discarding unsaved edits: callers ask first)."""
        self.child = child
        self.details.load(child)
        self.notes.set_value(child.notes)
        for field in self.voice:
            field.load(child)
        self.form.clear_problems()
        show_problem(self.problem, None)
        self._loaded = self._snapshot()
        self._check_dirty()

    def _snapshot(self) -> tuple[str, ...]:
        voice = [f.text.toPlainText() for f in self.voice]
        return (*self.details.snapshot(), *voice, self.notes.toPlainText())

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _check_dirty(self) -> None:
        dirty = self.child is not None and self._snapshot() != self._loaded
        if dirty != self._dirty:
            self._dirty = dirty
            self._show_dirty()
            self.dirty_changed.emit(dirty)

    def _show_dirty(self) -> None:
        self.state.setText("Unsaved changes" if self._dirty else "All changes saved")
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)
        self.save_button.setDefault(self._dirty)

    # ---- saving --------------------------------------------------------------------------

    def edited(self) -> Child:
        assert self.child is not None
        voice = {f.name: f.text.value() for f in self.voice}
        return dataclasses.replace(
            self.details.apply(self.child), notes=self.notes.value(), **voice
        )

    def save(self) -> bool:
        """Save the edits in one transaction; False (with the reason shown) if refused."""
        if self.child is None or not self._dirty:
            return True
        problem = self.form.first_problem()
        if problem is None:
            try:
                before, after = self.child, update_child(self._store, self.edited())
            except RelcomError as err:
                problem = str(err)
        show_problem(self.problem, problem)
        if problem is not None:
            return False
        self.load(after)
        record_done(
            f"Edit {after.preferred_name}'s details",
            lambda: revert_child(self._store, before),
            lambda: revert_child(self._store, after),
            "child",
        )
        return True

    def revert(self) -> None:
        if self.child is not None:
            self.load(self.child)
