"""The journal entry form: quick-add (Ctrl+J from anywhere) and edit.

A new entry's draft is kept in the data file every couple of seconds while typing and comes
back the next time the form opens — after a crash, nothing typed is lost.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QMessageBox,
    QRadioButton,
    QWidget,
)

from relcom_desktop.core import clock, journal
from relcom_desktop.core import journal_drafts as drafts
from relcom_desktop.core.enums import JournalKind, TrustLevel
from relcom_desktop.core.journal import (
    JournalEntry,
    child_choices,
)
from relcom_desktop.core.placements import children_placed_with, placements_for_child
from relcom_desktop.core.providers import provider_choices, settings_of
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.provider.child_picker import ChildPicker
from relcom_desktop.ui.provider.forms import (
    FormDialog,
    OptionalDate,
    SearchCombo,
    date_edit,
    date_of,
    enum_picker,
    line_edit,
    text_box,
)
from relcom_desktop.ui.undo import RecordService
from relcom_desktop.ui.widgets import chosen, quiet_label

AUTOSAVE_MS = 2000
KIND = "journal_entry"
JOURNAL = RecordService.of(journal, "entry", KIND, "journal entry")


def entry_from_draft(d: drafts.JournalDraft, original: JournalEntry | None = None) -> JournalEntry:
    """The entry the form's contents describe (the service checks it when saved)."""
    return JournalEntry(
        provider_id=d.provider_id or 0,
        occurred_on=d.occurred_on or clock.today(),
        kind=d.kind or JournalKind.VISIT,
        summary=d.summary,
        body=d.body,
        trust=d.trust,
        follow_up_on=d.follow_up_on,
        setting_id=d.setting_id,
        child_ids=d.child_ids,
        id=original.id if original else None,
    )


class TrustScale(QWidget):
    """How trust felt after the interaction: the five named levels, or not recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for value, text in [(0, "Not recorded"), *TrustLevel.choices()]:
            button = QRadioButton(text, self)
            button.setToolTip(f"{value} of 5" if value else "Trust not recorded this time")
            self.group.addButton(button, value)
            row.addWidget(button)
        row.addStretch(1)
        self.set_value(None)

    def value(self) -> TrustLevel | None:
        checked = self.group.checkedId()
        return TrustLevel(checked) if checked > 0 else None

    def set_value(self, level: TrustLevel | None) -> None:
        self.group.button(int(level) if level else 0).setChecked(True)


class JournalEntryDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        *,
        entry: JournalEntry | None = None,
        provider_id: int | None = None,
        setting_id: int | None = None,
        child_ids: tuple[int, ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        new = entry is None
        super().__init__("New journal entry" if new else "Edit journal entry", "Save entry", parent)
        self.store = store
        self.original = entry
        today = clock.today()
        self.provider = SearchCombo(provider_choices(store), none_text="Choose a provider…")
        self.setting = QComboBox()
        self.setting.setToolTip("The home or service this was about, if it was about one")
        self.occurred = date_edit(latest=today)
        self.kind = enum_picker(JournalKind, JournalKind.VISIT)
        self.summary = line_edit(max_length=300, placeholder="What happened, in a line")
        self.notes = text_box(lines=5)
        self.children = ChildPicker(child_choices(store, entry.child_ids if entry else ()))
        self.trust = TrustScale()
        self.follow_up = OptionalDate("Ask me to follow up on")
        self.restored = quiet_label("", self)
        self.restored.setWordWrap(True)
        self.restored.hide()
        self._lay_out()
        self.need(
            lambda: self.provider.value() is not None,
            "the provider",
            self.provider.currentIndexChanged,
        )
        self.need(
            lambda: bool(self.summary.text().strip()), "a short summary", self.summary.textChanged
        )
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self._fill(entry, provider_id, child_ids, setting_id)
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        if new:
            self._restore_draft()
            self._autosave.timeout.connect(self.save_draft)
            for signal in self._change_signals():
                signal.connect(lambda *_a: self._autosave.start())
        self.kind.setFocus()

    def _lay_out(self) -> None:
        self.form.addRow(self.restored)
        self.add_row("&Provider", self.provider)
        self.add_row("S&etting", self.setting)
        self.add_row("&Date", self.occurred)
        self.add_row("&Kind", self.kind)
        self.add_row("&Summary", self.summary)
        self.add_row("&Notes", self.notes)
        self.add_row("C&hildren", self.children)
        self.add_row("&Trust after it", self.trust)
        self.add_row("&Follow-up", self.follow_up)

    def _change_signals(self) -> list:  # type: ignore[type-arg]
        return [
            self.provider.currentIndexChanged,
            self.setting.currentIndexChanged,
            self.occurred.dateChanged,
            self.kind.currentIndexChanged,
            self.summary.textChanged,
            self.notes.textChanged,
            self.children.changed,
            self.trust.group.idToggled,
            self.follow_up.changed,
        ]

    # ---- filling and reading ---------------------------------------------------------------

    def _fill(
        self,
        e: JournalEntry | None,
        provider_id: int | None,
        child_ids: tuple[int, ...],
        setting_id: int | None = None,
    ) -> None:
        if e is not None:
            provider_id, child_ids, setting_id = e.provider_id, e.child_ids, e.setting_id
            self.occurred.setDate(e.occurred_on)
            self.kind.setCurrentIndex(self.kind.findData(e.kind))
            self.summary.setText(e.summary)
            self.notes.setPlainText(e.body)
            self.trust.set_value(e.trust)
            self.follow_up.set_value(e.follow_up_on)
        self.provider.set_value(provider_id)
        self._provider_changed()
        self.setting.setCurrentIndex(max(0, self.setting.findData(setting_id)))
        self.children.set_chosen(child_ids, self._placed_children())

    def _provider_changed(self, *_args: object) -> None:
        """Offer the chosen provider's settings (keeping the one chosen if it is theirs)."""
        kept = self.setting.currentData()
        provider_id = self.provider.value()
        self.setting.blockSignals(True)
        self.setting.clear()
        self.setting.addItem("The provider as a whole", None)
        for setting in settings_of(self.store, provider_id) if provider_id else []:
            self.setting.addItem(setting.name, setting.id)
        self.setting.setCurrentIndex(max(0, self.setting.findData(kept)))
        self.setting.setEnabled(self.setting.count() > 1)
        self.setting.blockSignals(False)
        self.children.set_placed_here(self._placed_children())

    def _placed_children(self) -> list[int]:
        provider_id = self.provider.value()
        placed = children_placed_with(self.store, provider_id) if provider_id else []
        return [c.child_id for c in placed]

    def draft(self) -> drafts.JournalDraft:
        return drafts.JournalDraft(
            provider_id=self.provider.value(),
            setting_id=self.setting.currentData(),
            occurred_on=date_of(self.occurred),
            kind=chosen(self.kind, JournalKind),
            summary=self.summary.text(),
            body=self.notes.toPlainText(),
            trust=self.trust.value(),
            follow_up_on=self.follow_up.value(),
            child_ids=self.children.chosen(),
        )

    def entry(self) -> JournalEntry:
        return entry_from_draft(self.draft(), self.original)

    # ---- drafts ------------------------------------------------------------------------------

    def save_draft(self) -> None:
        drafts.save_draft(self.store, self.draft())

    def _restore_draft(self) -> None:
        draft = drafts.load_draft(self.store)
        if draft is None:
            return
        self._fill(entry_from_draft(draft), None, ())
        when = draft.saved_at.replace(tzinfo=dt.UTC).astimezone() if draft.saved_at else None
        stamp = f" at {when:%H:%M} on {when.day} {when:%b}" if when else ""
        self.restored.setText(
            f"Restored the entry you were writing{stamp}. It is not saved yet: save it, or "
            "Cancel to discard it."
        )
        self.restored.show()

    # ---- saving and leaving --------------------------------------------------------------------

    def save(self) -> JournalEntry:
        self._autosave.stop()
        saved = JOURNAL.save(self.store, self.original, self.entry())
        if self.original is None:
            drafts.clear_draft(self.store)
        return saved

    def _has_unsaved_writing(self) -> bool:
        if self.original is None:
            return self.draft().has_writing
        return self.entry() != self.original

    def reject(self) -> None:
        if self._has_unsaved_writing():
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                "Discard this journal entry? What you typed will not be kept.",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self._autosave.stop()
        if self.original is None:
            drafts.clear_draft(self.store)
        super().reject()


def current_placement_of_child(store: Store, child_id: int) -> tuple[int | None, int | None]:
    """The provider and setting the child lives with today (None, None if not placed)."""
    today = clock.today()
    for view in placements_for_child(store, child_id):
        p = view.placement
        if p.start_date <= today and (p.end_date is None or p.end_date > today):
            return view.provider_id, p.setting_id
    return None, None


def quick_add(store: Store, context: tuple[str, int] | None, parent: QWidget) -> JournalEntryDialog:
    """Open the quick-add form for the provider or child currently open (if any)."""
    provider_id: int | None = None
    setting_id: int | None = None
    child_ids: tuple[int, ...] = ()
    if context is not None:
        kind, record_id = context
        if kind == "provider":
            provider_id = record_id
        elif kind == "child":
            child_ids = (record_id,)
            provider_id, setting_id = current_placement_of_child(store, record_id)
    dialog = JournalEntryDialog(
        store, provider_id=provider_id, setting_id=setting_id, child_ids=child_ids, parent=parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
