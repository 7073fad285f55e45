"""One meeting: when and where, who came, the agenda with notes, decisions and actions.

The editor works on a copy and saves it whole (Ctrl+S) through ``save_meeting``: one
transaction, so nothing is half-saved; a refusal is shown and the typing is kept.
Ctrl+Shift+A adds an attendee, Ctrl+Shift+D a decision, Ctrl+Shift+T an action.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.actions import Action
from relcom_desktop.core.enums import MeetingKind
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import money, short_date
from relcom_desktop.core.meetings import (
    Attendee,
    Decision,
    MeetingDetail,
    delete_meeting,
    get_meeting_detail,
    link_names,
    restore_meeting,
    save_meeting,
)
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.pages.action_dialogs import ActionDialog, error_label
from relcom_desktop.ui.pages.meeting_dialogs import AttendeeDialog, DecisionDialog, datetime_edit
from relcom_desktop.ui.pages.meeting_parts import AgendaTab, LinksBox, RowsTab
from relcom_desktop.ui.print_flow import print_record
from relcom_desktop.ui.undo import record_done
from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING, heading


def decision_cells(d: Decision) -> tuple[str, ...]:
    """A decision as the Decisions tab shows it, one cell under each of its headings."""
    budget = money(d.weekly_budget_pence) if d.weekly_budget_pence is not None else ""
    outcome = d.panel_outcome.label if d.panel_outcome else ""
    return (d.text, outcome, d.conditions, budget, d.agreed_by, d.dissent)


class MeetingEditor(QWidget):
    """Shows and edits one meeting; ``closed`` asks the page to go back to the list."""

    closed = Signal()
    saved = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self.detail = MeetingDetail(meeting=None)  # type: ignore[arg-type]
        self._baseline: MeetingDetail | None = None
        self.heading = heading("Meeting", self)
        self.error = error_label(self)
        self.title = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in MeetingKind:
            self.kind.addItem(kind.label, kind)
        self.when = datetime_edit(QDateTime.currentDateTime().toPython(), self)
        self.duration = QSpinBox(self)
        self.duration.setRange(1, 24 * 60)
        self.duration.setSuffix(" minutes")
        self.location = QLineEdit(self)
        self.location.setPlaceholderText("A room, an address or a video-call link")
        self.children = LinksBox("Children", "child", store, self)
        self.providers = LinksBox("Providers", "provider", store, self)
        self.tabs = QTabWidget(self)
        self.attendees = RowsTab(
            ("Name", "Role", "Organisation"),
            ("Add attendee…", self._add_attendee, self._edit_attendee, self._remover("attendees")),
            self,
        )
        self.agenda = AgendaTab(self)
        self.decisions = RowsTab(
            ("Decided", "Outcome", "Conditions", "Weekly budget", "Agreed by", "Dissent"),
            ("Add decision…", self._add_decision, self._edit_decision, self._remover("decisions")),
            self,
        )
        self.actions = RowsTab(
            ("What", "Who", "By when", "State"),
            ("Add action…", self._add_action, self._edit_action, self._remover("actions")),
            self,
        )
        for rows, name in ((self.attendees, "Attendees"), (self.decisions, "Decisions")):
            rows.table.setAccessibleName(name)
        self.actions.table.setAccessibleName("Actions agreed")
        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName("General notes")
        self.notes.setTabChangesFocus(True)
        for widget, label in (
            (self.attendees, "Attendees"),
            (self.agenda, "Agenda and notes"),
            (self.decisions, "Decisions"),
            (self.actions, "Actions"),
            (self.notes, "General notes"),
        ):
            self.tabs.addTab(widget, label)
        self._lay_out()
        self._shortcuts()
        bus().changed.connect(self._changed_elsewhere)

    # ---- building ----------------------------------------------------------------------

    def _lay_out(self) -> None:
        self.save_button = QPushButton("&Save", self)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.print_button = QPushButton("Print minutes…", self)
        self.print_button.setToolTip("Save the meeting first; the minutes show what is saved")
        self.print_button.clicked.connect(self._print_minutes)
        self.close_button = QPushButton("Back to meetings", self)
        self.close_button.setToolTip("Esc")
        self.close_button.clicked.connect(self.request_close)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.close_button)
        top.addWidget(self.save_button)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Kind", self.kind)
        form.addRow("&When", self.when)
        form.addRow("&Duration", self.duration)
        form.addRow("&Location or link", self.location)
        links = QVBoxLayout()
        links.addWidget(self.children)
        links.addWidget(self.providers)
        middle = QHBoxLayout()
        middle.addLayout(form, 3)
        middle.addSpacing(PAGE_SPACING)
        middle.addLayout(links, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 4, PAGE_MARGIN, PAGE_MARGIN - 8)
        layout.setSpacing(PAGE_SPACING)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addLayout(middle)
        layout.addWidget(self.tabs, 1)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot, what in (
            ("Ctrl+S", self.save, "Save the meeting"),
            ("Esc", self.request_close, "Close the meeting"),
            ("Ctrl+Shift+A", self._add_attendee, "Add an attendee"),
            ("Ctrl+Shift+D", self._add_decision, "Add a decision"),
            ("Ctrl+Shift+T", self._add_action, "Add an action"),
        ):
            QShortcut(QKeySequence(keys), self, slot, context=context).setWhatsThis(what)

    # ---- showing a meeting -------------------------------------------------------------

    def show_meeting(self, detail: MeetingDetail) -> None:
        self.detail = detail
        mt = detail.meeting
        self.heading.setText(mt.title if mt.id else f"New meeting: {mt.title}")
        self.error.hide()
        self.title.setText(mt.title)
        self.kind.setCurrentIndex(self.kind.findData(mt.kind))
        self.when.setDateTime(QDateTime(mt.starts_at))
        self.duration.setValue(mt.duration_minutes)
        self.location.setText(mt.location)
        self.notes.setPlainText(mt.notes)
        children, providers = link_names(self._store, detail.child_ids, detail.provider_ids)
        self.children.set_links([(i, children.get(i, "?")) for i in detail.child_ids])
        self.providers.set_links([(i, providers.get(i, "?")) for i in detail.provider_ids])
        self.agenda.set_items(detail.agenda)
        self._show_rows()
        self._baseline = self.edited()
        self.title.setFocus()

    def _show_rows(self) -> None:
        d = self.detail
        self.attendees.set_rows([(a.name, a.role, a.organisation) for a in d.attendees])
        self.decisions.set_rows([decision_cells(x) for x in d.decisions])
        self.actions.set_rows(
            [
                (
                    a.title,
                    a.owner or "You",
                    short_date(a.due_on) if a.due_on else "No date",
                    a.status.label + (" (carried forward)" if a.carried_from_id else ""),
                )
                for a in d.actions
            ]
        )
        self.tabs.setTabText(0, f"Attendees ({len(d.attendees)})")
        self.tabs.setTabText(2, f"Decisions ({len(d.decisions)})")
        self.tabs.setTabText(3, f"Actions ({len(d.actions)})")

    def edited(self) -> MeetingDetail:
        """The meeting as it stands on screen (not yet saved)."""
        meeting = dataclasses.replace(
            self.detail.meeting,
            title=self.title.text(),
            kind=MeetingKind(self.kind.currentData()),
            starts_at=self.when.dateTime().toPython(),
            duration_minutes=self.duration.value(),
            location=self.location.text(),
            notes=self.notes.toPlainText(),
        )
        return dataclasses.replace(
            self.detail,
            meeting=meeting,
            agenda=self.agenda.items(),
            child_ids=self.children.ids(),
            provider_ids=self.providers.ids(),
        )

    def _keep(self, **changes: object) -> None:
        self.detail = dataclasses.replace(self.edited(), **changes)
        self._show_rows()

    # ---- saving and leaving ------------------------------------------------------------

    def _print_minutes(self) -> None:
        """Save what is on screen (if anything changed), then prepare the minutes."""
        if self.has_changes() and not self.save():
            return
        meeting = self.detail.meeting
        if meeting is not None and meeting.id is not None:
            print_record(self._store, "meeting", meeting.id, self)

    def has_changes(self) -> bool:
        return self._baseline is not None and self.edited() != self._baseline

    def request_close(self) -> None:
        """Back to the list; unsaved changes are saved, discarded or kept as the user says."""
        if self.has_changes():
            buttons = QMessageBox.StandardButton
            answer = QMessageBox.question(
                self,
                "Unsaved changes",
                "Save the changes to this meeting before going back?",
                buttons.Save | buttons.Discard | buttons.Cancel,
                buttons.Save,
            )
            if answer == buttons.Cancel or (answer == buttons.Save and not self.save()):
                return
        self.closed.emit()

    def save(self) -> bool:
        before = self._baseline
        try:
            saved = save_meeting(self._store, self.edited())
        except RelcomError as error:
            self.error.setText(str(error))
            self.error.show()
            return False
        self.show_meeting(saved)
        self._make_undoable(before, saved)
        self.saved.emit(saved.meeting.id)
        return True

    def _make_undoable(self, before: MeetingDetail | None, saved: MeetingDetail) -> None:
        """Edit → Undo takes the meeting back to how it was before this save (one step)."""
        store, meeting_id, title = self._store, saved.meeting.id, saved.meeting.title
        if before is None or before.meeting.id is None:
            record_done(
                f"Add meeting “{title}”",
                lambda: delete_meeting(store, meeting_id),  # type: ignore[arg-type]
                lambda: restore_meeting(store, meeting_id),  # type: ignore[arg-type]
                "meeting",
                "action",
            )
            return
        record_done(
            f"Edit meeting “{title}”",
            lambda: save_meeting(store, before),
            lambda: save_meeting(store, saved),
            "meeting",
            "action",
        )

    def _changed_elsewhere(self, kind: str) -> None:
        """Show an undo or redo of this meeting (unless there is typing here to keep)."""
        meeting = self.detail.meeting
        if kind != "meeting" or meeting is None or meeting.id is None or self.has_changes():
            return
        try:
            fresh = get_meeting_detail(self._store, meeting.id)
        except RelcomError:  # moved to the Trash: back to the list
            self.closed.emit()
            return
        if fresh != self._baseline:
            self.show_meeting(fresh)

    # ---- attendees, decisions, actions -------------------------------------------------

    def _add_attendee(self) -> None:
        self._open_attendee(Attendee(""), None)

    def _edit_attendee(self, row: int) -> None:
        self._open_attendee(self.detail.attendees[row], row)

    def _open_attendee(self, person: Attendee, row: int | None) -> None:
        self.tabs.setCurrentWidget(self.attendees)
        AttendeeDialog(
            self._store,
            person,
            lambda p: self._keep(attendees=_put(self.detail.attendees, row, p)),
            self,
        ).open()

    def _panel(self) -> bool:
        return MeetingKind(self.kind.currentData()) is MeetingKind.PLACEMENT_PANEL

    def _add_decision(self) -> None:
        self._open_decision(Decision(""), None)

    def _edit_decision(self, row: int) -> None:
        self._open_decision(self.detail.decisions[row], row)

    def _open_decision(self, decision: Decision, row: int | None) -> None:
        self.tabs.setCurrentWidget(self.decisions)
        agenda = self.agenda.items()
        DecisionDialog(
            decision,
            agenda,
            self._panel(),
            lambda d: self._keep(decisions=_put(self.detail.decisions, row, d)),
            self,
        ).open()

    def _add_action(self) -> None:
        self._open_action(Action(""), None)

    def _edit_action(self, row: int) -> None:
        self._open_action(self.detail.actions[row], row)

    def _open_action(self, action: Action, row: int | None) -> None:
        self.tabs.setCurrentWidget(self.actions)
        ActionDialog(
            action, lambda a: self._keep(actions=_put(self.detail.actions, row, a)), self
        ).open()

    def _remover(self, field: str) -> Callable[[int], None]:
        def remove(row: int) -> None:
            rows = list(getattr(self.detail, field))
            if 0 <= row < len(rows):
                del rows[row]
                self._keep(**{field: tuple(rows)})

        return remove


def _put(rows: tuple, row: int | None, value: object) -> tuple:
    """``rows`` with ``value`` added (``row`` None) or replacing row ``row``."""
    items = list(rows)
    if row is None:
        items.append(value)
    else:
        items[row] = value
    return tuple(items)
