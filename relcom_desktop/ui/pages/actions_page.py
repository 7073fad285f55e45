"""The Actions page: every action from every source, filtered and sorted by the database.

Space completes the highlighted action (or reopens a done one); S snoozes, R reassigns,
F2 edits, Enter opens the record it came from. Each change can be undone (Ctrl+Z).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from relcom_desktop.core import actions as svc
from relcom_desktop.core import clock
from relcom_desktop.core.actions import ActionFilter, ActionListRow, ActionSort, Due, Whose
from relcom_desktop.core.enums import ActionSource, ActionStatus
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import MISSING, short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui import exports
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.pages.action_dialogs import ActionDialog, ReassignDialog, SnoozeDialog
from relcom_desktop.ui.pages.list_page import ListPage
from relcom_desktop.ui.pickers import child_search, pick, provider_search
from relcom_desktop.ui.undo import record_done
from relcom_desktop.ui.widgets import choice_combo, chosen, enum_combo

STATUS_CHOICES = [(ActionStatus.DONE, "Done"), ("all", "Open and done")]


def _due(row: ActionListRow) -> str:
    today = clock.today()
    if row.status is ActionStatus.DONE:
        return f"Done {short_date(row.done_on)}"
    if row.due_on is None:
        return "No date"
    text = short_date(row.due_on)
    if row.snoozed_on(today):
        return f"{text} · snoozed"
    return f"{text} — overdue" if row.overdue_on(today) else text


def _due_tip(row: ActionListRow) -> str:
    if row.snoozed_until and row.snoozed_on(clock.today()):
        return f"Snoozed until {short_date(row.snoozed_until)}"
    return ""


def _source(row: ActionListRow) -> str:
    when = f" ({short_date(row.source_date)})" if row.source_date else ""
    if row.source_title == row.source.label:
        return row.source.label + when
    return f"{row.source.label}: {row.source_title}{when}"


COLUMNS = [
    Column("Due", _due, ActionSort.DUE, tooltip=_due_tip),
    Column(
        "What",
        lambda r: ("✓ " if r.status is ActionStatus.DONE else "") + r.title,
        ActionSort.TITLE,
    ),
    Column("Who", lambda r: r.owner or "You", ActionSort.OWNER),
    Column("About", lambda r: r.child_name or r.provider_name or MISSING, ActionSort.CHILD),
    Column("From", _source, ActionSort.SOURCE, tooltip=lambda r: "Enter opens where it came from"),
]
SAMPLES = ["28 Sep 2026 — overdue", "", "Kai Hawthornmere", "Alexandra-Rose", ""]
STRETCH = (1, 4)


class ActionsPage(ListPage):
    """Every action; the keyboard does everything."""

    empty_hint = (
        "No open actions. Actions agreed at meetings, journal follow-ups and check-ins "
        "gather here; New action… (Ctrl+N) adds one of your own."
    )

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Actions", "Search what and who", ("action", "actions"), parent)
        self.use_service(store, svc.list_actions, svc.count_actions, ActionSort, ActionSort.DUE)
        self.child: tuple[int, str] | None = None
        self.provider: tuple[int, str] | None = None
        self.whose = choice_combo("Anyone's", [(Whose.MINE, "Mine"), (Whose.OTHERS, "Others'")])
        self.due = choice_combo(
            "Any due date", [(Due.OVERDUE, "Overdue"), (Due.THIS_WEEK, "Due this week")]
        )
        self.status = choice_combo("Open", STATUS_CHOICES)
        self.source = enum_combo("From anywhere", ActionSource)
        self.child_button = QPushButton("Child…", self)
        self.provider_button = QPushButton("Provider…", self)
        self._add_filters()
        self._add_buttons()
        self.set_columns(COLUMNS, samples=SAMPLES, stretch=STRETCH, sortable=True)
        self.row_activated.connect(self.open_source)
        self._shortcuts()
        bus().changed.connect(self._records_changed)

    # ---- building ----------------------------------------------------------------------

    def _add_filters(self) -> None:
        for combo in (self.whose, self.due, self.status, self.source):
            self.filters.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.child_button.clicked.connect(lambda: self._pick_about("child"))
        self.provider_button.clicked.connect(lambda: self._pick_about("provider"))
        self.toggles.addWidget(self.child_button)
        self.toggles.addWidget(self.provider_button)

    def _add_buttons(self) -> None:
        row = QHBoxLayout()
        for text, tip, slot in (
            ("&New action…", "Ctrl+N", self.new_action),
            ("Done", "Space: complete, or reopen a done action", self.toggle_done),
            ("Snooze…", "S", self.snooze),
            ("Reassign…", "R", self.reassign),
            ("Edit…", "F2", self.edit),
            (
                "Export due dates (.ics)…",
                "",
                lambda: exports.export_actions_ics(self, self._store, self.current_filter()),
            ),
        ):
            button = QPushButton(text, self)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.toggles.addLayout(row)
        self.finish_filters()

    def _shortcuts(self) -> None:
        table = self.table
        for key, slot, what in (
            (Qt.Key.Key_Space, self.toggle_done, "Mark the chosen action done (or not)"),
            (Qt.Key.Key_S, self.snooze, "Snooze the chosen action"),
            (Qt.Key.Key_R, self.reassign, "Give the chosen action to someone else"),
            (Qt.Key.Key_F2, self.edit, "Edit the chosen action"),
        ):
            local = QShortcut(
                QKeySequence(key), table, slot, context=Qt.ShortcutContext.WidgetShortcut
            )
            local.setWhatsThis(what)
        QShortcut(
            QKeySequence.StandardKey.New,
            self,
            self.new_action,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        ).setWhatsThis("New action…")

    # ---- the list ----------------------------------------------------------------------

    def current_filter(self) -> ActionFilter:
        status = self.status.currentData()
        return ActionFilter(
            text=self.search.text().strip(),
            whose=Whose(self.whose.currentData() or Whose.ANYONE),
            due=Due(self.due.currentData() or Due.ANY),
            status=ActionStatus.OPEN
            if status is None
            else (None if status == "all" else ActionStatus(status)),
            child_id=self.child[0] if self.child else None,
            provider_id=self.provider[0] if self.provider else None,
            source=chosen(self.source, ActionSource),
        )

    def filters_active(self) -> bool:
        return self.current_filter() != ActionFilter()

    def _pick_about(self, what: str) -> None:
        current = self.child if what == "child" else self.provider
        if current is not None:
            chosen = None
        else:
            search = child_search(self._store) if what == "child" else provider_search(self._store)
            chosen = pick(self, f"Actions about which {what}?", search)
            if chosen is None:
                return
        button = self.child_button if what == "child" else self.provider_button
        button.setText(f"{what.capitalize()}: {chosen[1]} ✕" if chosen else f"{what.capitalize()}…")
        button.setToolTip("Click to show every " + what if chosen else "")
        setattr(self, what, chosen)
        self.refresh()

    def _records_changed(self, kind: str) -> None:
        if kind in ("action", "meeting", "journal_entry", "check_in", "placement_review"):
            self.refresh()

    def refresh(self) -> None:
        """Reload; the keyboard cursor stays on the same line (or the first) for Space."""
        row = self.table.currentIndex().row()
        super().refresh()
        if self.model is not None and self.model.rowCount():
            target = min(max(row, 0), self.model.rowCount() - 1)
            self.table.setCurrentIndex(self.model.index(target, 0))

    # ---- changing one action -----------------------------------------------------------

    def _apply(self, row: ActionListRow, text: str, make: Callable[[int], object]) -> None:
        """Make one change (a refusal raises), then make it undoable."""
        before = svc.get_action(self._store, row.id)
        make(row.id)
        after = svc.get_action(self._store, row.id)
        record_done(
            f"{text} “{row.title}”",
            lambda: svc.update_action(self._store, before),
            lambda: svc.update_action(self._store, after),
            "action",
        )

    def toggle_done(self) -> None:
        row = self.current_row()
        if row is None:
            return
        done = row.status is ActionStatus.DONE
        change = svc.reopen_action if done else svc.complete_action
        try:
            self._apply(row, "Reopen" if done else "Complete", lambda i: change(self._store, i))
        except RelcomError as error:
            QMessageBox.warning(self, "Action not changed", str(error))

    def snooze(self) -> None:
        row = self.current_row()
        if row is None or row.status is not ActionStatus.OPEN:
            return

        def save(day: dt.date) -> None:
            self._apply(row, "Snooze", lambda i: svc.snooze_action(self._store, i, day))

        SnoozeDialog(row.title, save, self).open()

    def reassign(self) -> None:
        row = self.current_row()
        if row is None:
            return

        def save(who: str) -> None:
            self._apply(row, "Reassign", lambda i: svc.reassign_action(self._store, i, who))

        ReassignDialog(row.title, row.owner, save, self).open()

    def edit(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_record("action", row.id)

    def new_action(self) -> None:
        about = ", ".join(name for _, name in filter(None, (self.child, self.provider)))
        draft = svc.Action(
            "",
            child_id=self.child[0] if self.child else None,
            provider_id=self.provider[0] if self.provider else None,
        )

        def save(action: svc.Action) -> None:
            made = svc.create_action(self._store, action)
            record_done(
                f"Add action “{made.title}”",
                lambda: svc.delete_action(self._store, made.id),
                lambda: svc.restore_action(self._store, made.id),
                "action",
            )

        ActionDialog(draft, save, self, about=about).open()

    def open_record(self, kind: str, record_id: int) -> None:
        """Show one action for editing (the bus routes ``("action", id)`` here)."""
        try:
            before = svc.get_action(self._store, record_id)
        except RelcomError as error:
            QMessageBox.information(self, "Action not found", str(error))
            return

        def save(action: svc.Action) -> None:
            after = svc.update_action(self._store, action)
            record_done(
                f"Edit action “{after.title}”",
                lambda: svc.update_action(self._store, before),
                lambda: svc.update_action(self._store, after),
                "action",
            )

        ActionDialog(before, save, self).open()

    def open_source(self, row: ActionListRow) -> None:
        if row.source_record is not None:
            bus().open_record.emit(*row.source_record)
        else:
            self.open_record("action", row.id)
