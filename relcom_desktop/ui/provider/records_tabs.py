"""The provider page's list tabs: contacts, Reg 44/45 reports, Reg 40 notifications, actions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QVBoxLayout, QWidget

from relcom_desktop.core import actions, clock, contacts, provider_records, reg40
from relcom_desktop.core.actions import Action
from relcom_desktop.core.enums import ActionStatus
from relcom_desktop.core.formatting import MISSING, short_date
from relcom_desktop.core.providers import settings_of
from relcom_desktop.core.relationship import provider_actions
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.provider.dialogs import CONTACTS, REPORTS, ContactDialog, ReportDialog
from relcom_desktop.ui.provider.monitoring_dialogs import NOTIFICATIONS, Reg40Dialog
from relcom_desktop.ui.provider.record_list import RecordList
from relcom_desktop.ui.provider.tabs import ProviderTab, RecordTab
from relcom_desktop.ui.undo import record_done
from relcom_desktop.ui.widgets import PAGE_SPACING


class ContactsTab(RecordTab):
    title = "Contacts"
    service = CONTACTS
    row_kinds = ("contact_person",)
    columns = (
        Column("Name", lambda c: c.name),
        Column("Role", lambda c: c.role or MISSING),
        Column("Phone", lambda c: c.phone or MISSING),
        Column("Email", lambda c: c.email or MISSING, tooltip=lambda c: c.email),
    )
    samples = ("Alexandra Whitfield", "Responsible individual", "07700 900000", "")
    empty = "No contacts yet. Add the registered manager and the responsible individual."
    add_text = "Add contact…"

    def load(self) -> Sequence[contacts.Contact]:
        return contacts.contacts_of(self.store, self.provider_id) if self.provider_id else []

    def form(self, row: contacts.Contact | None) -> QDialog:
        assert self.provider_id is not None
        return ContactDialog(self.store, self.provider_id, row, parent=self)


def _period(f: provider_records.Filed) -> str:
    r = f.record
    if r.period_start and r.period_end:
        return f"{short_date(r.period_start)} – {short_date(r.period_end)}"
    return (
        short_date(r.period_start or r.period_end) if (r.period_start or r.period_end) else MISSING
    )


class ReportsTab(RecordTab):
    title = "Reg 44/45 reports"
    service = REPORTS
    row_kinds = ("provider_report",)
    columns = (
        Column("Received", lambda f: short_date(f.record.received_on)),
        Column(
            "Report",
            lambda f: "Reg 44" if f.record.kind.value == "reg44" else "Reg 45",
            tooltip=lambda f: f.record.kind.label,
        ),
        Column("Setting", lambda f: f.setting_name),
        Column("Period", _period),
        Column("Summary", lambda f: f.record.summary, tooltip=lambda f: f.record.summary),
        Column(
            "Concerns raised",
            lambda f: f.record.concerns or "None",
            tooltip=lambda f: f.record.concerns,
        ),
        Column(
            "Follow-up",
            lambda f: f.record.follow_up or MISSING,
            tooltip=lambda f: f.record.follow_up,
        ),
    )
    samples = ("28 Sep 2026", "Reg 45", "Willowbank House", "1 Sep 2026 – 30 Sep 2026", "")
    samples += ("Night staffing below the plan", "Raised at the provider meeting")
    stretch = -1  # the columns fit what they show; the last (follow-up) takes the rest
    empty = "No Regulation 44 or 45 reports filed for this provider's settings."
    add_text = "File a report…"

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.kinds = (*self.kinds, "setting")
        self.setting = QComboBox(self)
        self.setting.setAccessibleName("Setting")
        self.list.top.insertWidget(1, self.setting)  # left of the buttons
        self.setting.currentIndexChanged.connect(lambda _i: self.list.reload())

    def reload(self) -> None:
        chosen = self.setting.currentData()
        self.setting.blockSignals(True)
        self.setting.clear()
        self.setting.addItem("All settings", None)
        for s in settings_of(self.store, self.provider_id) if self.provider_id else []:
            self.setting.addItem(s.name, s.id)
        self.setting.setCurrentIndex(max(0, self.setting.findData(chosen)))
        self.setting.blockSignals(False)
        super().reload()

    def load(self) -> Sequence[provider_records.Filed]:
        if self.provider_id is None:
            return []
        setting_id = self.setting.currentData()
        return provider_records.reports_for_provider(self.store, self.provider_id, setting_id)

    def record_of(self, row: provider_records.Filed) -> Any:
        return row.record

    def form(self, row: provider_records.Filed | None) -> QDialog:
        assert self.provider_id is not None
        settings = settings_of(self.store, self.provider_id)
        original = row.record if row else None
        setting_id = self.setting.currentData()
        return ReportDialog(self.store, settings, original, setting_id=setting_id, parent=self)


def _reviewed(row: reg40.Reg40Row) -> str:
    return "Reviewed" if row.notification.reviewed else "⚠ To review"


class Reg40Tab(RecordTab):
    title = "Reg 40"
    service = NOTIFICATIONS
    row_kinds = ("reg40_notification",)
    columns = (
        Column("Received", lambda r: short_date(r.notification.received_on)),
        Column("Status", _reviewed),
        Column("Setting", lambda r: r.setting_name),
        Column("Event", lambda r: r.notification.event_kind),
        Column("Children", lambda r: ", ".join(r.children) or MISSING),
        Column(
            "Summary",
            lambda r: r.notification.summary or MISSING,
            tooltip=lambda r: r.notification.summary,
        ),
        Column(
            "Your response",
            lambda r: r.notification.response or MISSING,
            tooltip=lambda r: r.notification.response,
        ),
    )
    samples = ("28 Sep 2026", "⚠ To review", "Willowbank House", "Restraint leading to injury")
    samples += ("Alex, Sam", "", "")
    stretch = 5
    empty = "No Regulation 40 notifications received."
    add_text = "Record a notification…"

    def load(self) -> Sequence[reg40.Reg40Row]:
        if self.provider_id is None:
            return []
        return reg40.notifications_for_provider(self.store, self.provider_id)

    def record_of(self, row: reg40.Reg40Row) -> Any:
        return row.notification

    def form(self, row: reg40.Reg40Row | None) -> QDialog:
        assert self.provider_id is not None
        settings = settings_of(self.store, self.provider_id)
        return Reg40Dialog(self.store, settings, row.notification if row else None, parent=self)


def _due(a: Action) -> str:
    if a.due_on is None:
        return MISSING
    late = a.status is ActionStatus.OPEN and a.due_on < clock.today()
    return short_date(a.due_on) + (" ⚠ overdue" if late else "")


ACTION_COLUMNS = (
    Column("Due", _due),
    Column("What", lambda a: a.title, tooltip=lambda a: a.title),
    Column("Who", lambda a: a.owner or MISSING),
    Column("From", lambda a: a.source.label),
    Column("Status", lambda a: a.status.label),
)
ACTION_SAMPLES = (
    "28 Sep 2026 ⚠ overdue",
    "",
    "Alexandra Whitfield",
    "Journal follow-up",
    "Cancelled",
)


def complete_undoably(store: Store, action: Action) -> None:
    done = actions.complete_action(store, action.id)  # type: ignore[arg-type]
    record_done(
        f"Mark done “{action.title[:40]}”",
        lambda: actions.update_action(store, action),
        lambda: actions.update_action(store, done),
        "action",
    )


class ActionsTab(ProviderTab):
    """Everything agreed with or about this provider, open first."""

    title = "Actions"
    kinds = ("action", "journal_entry")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.list = RecordList(
            "Actions",
            ACTION_COLUMNS,
            self._load,
            empty="No actions linked to this provider.",
            samples=ACTION_SAMPLES,
            stretch=1,
            parent=self,
        )
        self.list.title.hide()
        self.done_button = self.list.add_button("Mark done", self._complete, needs_row=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, PAGE_SPACING, 0, 0)
        layout.addWidget(self.list)

    def _load(self) -> list[Action]:
        return provider_actions(self.store, self.provider_id) if self.provider_id else []

    def reload(self) -> None:
        self.list.reload()

    def _complete(self) -> None:
        action = self.list.current()
        if action is not None and action.status is ActionStatus.OPEN:
            complete_undoably(self.store, action)
