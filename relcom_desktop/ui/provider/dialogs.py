"""Forms for the register: a provider, a setting, a contact, a Reg 44/45 report."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from relcom_desktop.core import clock, contacts, provider_records, providers
from relcom_desktop.core.enums import OfstedJudgement, ProviderReportKind, SettingType
from relcom_desktop.core.interop.ssda903 import PlacementProvider
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.provider.forms import (
    FormDialog,
    OptionalDate,
    date_edit,
    date_of,
    enum_picker,
    line_edit,
    number_of,
    number_picker,
    text_box,
)
from relcom_desktop.ui.undo import RecordService
from relcom_desktop.ui.widgets import chosen

PROVIDERS = RecordService.of(providers, "provider", "provider", "provider")
SETTINGS = RecordService.of(providers, "setting", "setting", "setting")
CONTACTS = RecordService.of(contacts, "contact", "contact", "contact")
REPORTS = RecordService.of(provider_records, "report", "provider_report", "Reg 44/45 report")
PROVIDER_KINDS = [k for k in PlacementProvider if k is not PlacementProvider.PR0]


def setting_picker(settings: list[providers.Setting], current: int | None) -> QComboBox:
    combo = QComboBox()
    for s in settings:
        combo.addItem(s.name, s.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class RecordDialog(FormDialog):
    """A form for one record of a :class:`RecordService`: new when ``original`` is None."""

    service: RecordService

    def __init__(self, store: Store, original: Any | None, parent: QWidget | None) -> None:
        verb = "New" if original is None else "Edit"
        super().__init__(f"{verb} {self.service.what}", "Save", parent)
        self.store = store
        self.original = original

    @property
    def original_id(self) -> int | None:
        return self.original.id if self.original is not None else None

    def record(self) -> Any:
        raise NotImplementedError

    def save(self) -> Any:
        return self.service.save(self.store, self.original, self.record())


class ProviderDialog(RecordDialog):
    service = PROVIDERS

    def __init__(
        self,
        store: Store,
        original: providers.Provider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, original, parent)
        p = original or providers.Provider(name="")
        self.name = self.add_row("&Name", line_edit(p.name))
        self.kind = self.add_row("&Kind", QComboBox())
        for kind in PROVIDER_KINDS:
            self.kind.addItem(f"{kind.label} ({kind.value})", kind)
        self.kind.setCurrentIndex(self.kind.findData(p.kind))
        self.phone = self.add_row("&Phone", line_edit(p.phone, max_length=60))
        self.email = self.add_row("&Email", line_edit(p.email))
        self.website = self.add_row("&Website", line_edit(p.website))
        self.address = self.add_row("&Address", text_box(p.address, lines=3))
        self.notes = self.add_row("N&otes", text_box(p.notes, lines=3))
        self.need(
            lambda: bool(self.name.text().strip()), "the provider's name", self.name.textChanged
        )

    def record(self) -> providers.Provider:
        return providers.Provider(
            name=self.name.text(),
            kind=chosen(self.kind, PlacementProvider),
            phone=self.phone.text(),
            email=self.email.text().strip(),
            website=self.website.text().strip(),
            address=self.address.toPlainText().strip(),
            notes=self.notes.toPlainText().strip(),
            id=self.original_id,
        )


class SettingDialog(RecordDialog):
    service = SETTINGS

    def __init__(
        self,
        store: Store,
        provider_id: int,
        original: providers.Setting | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, original, parent)
        s = original or providers.Setting(provider_id=provider_id, name="")
        self.provider_id = s.provider_id
        self.name = self.add_row("&Name", line_edit(s.name))
        self.urn = self.add_row("Ofsted &URN", line_edit(s.urn or "", max_length=20))
        self.type = self.add_row("&Type", enum_picker(SettingType, s.setting_type))
        self.places = self.add_row(
            "Registered &places",
            number_picker(
                s.registered_places, low=0, high=providers.MAX_PLACES, none_text="Not known"
            ),
        )
        self.judgement = self.add_row(
            "Latest &judgement",
            enum_picker(OfstedJudgement, s.ofsted_judgement, none_text="Not known"),
        )
        self.inspected = self.add_row("Inspected", OptionalDate("Inspected on", s.ofsted_date))
        self.inspected.edit.setMaximumDate(clock.today())
        self.address = self.add_row("&Address", text_box(s.address, lines=2))
        self.postcode = self.add_row("P&ostcode", line_edit(s.postcode, max_length=12))
        self.local_authority = self.add_row(
            "&Local authority", line_edit(s.local_authority, max_length=120)
        )
        self.region = self.add_row("&Region", line_edit(s.region, max_length=120))
        self.notes = self.add_row("No&tes", text_box(s.notes, lines=2))
        self.need(
            lambda: bool(self.name.text().strip()), "the setting's name", self.name.textChanged
        )

    def record(self) -> providers.Setting:
        return providers.Setting(
            provider_id=self.provider_id,
            name=self.name.text(),
            urn=self.urn.text(),
            setting_type=chosen(self.type, SettingType),
            registered_places=number_of(self.places),
            ofsted_judgement=chosen(self.judgement, OfstedJudgement),
            ofsted_date=self.inspected.value(),
            address=self.address.toPlainText().strip(),
            postcode=self.postcode.text(),
            local_authority=self.local_authority.text().strip(),
            region=self.region.text().strip(),
            notes=self.notes.toPlainText().strip(),
            id=self.original_id,
        )


class ContactDialog(RecordDialog):
    service = CONTACTS

    def __init__(
        self,
        store: Store,
        provider_id: int,
        original: contacts.Contact | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, original, parent)
        c = original or contacts.Contact(name="", provider_id=provider_id)
        self.provider_id = c.provider_id
        self.organisation = c.organisation
        self.name = self.add_row("&Name", line_edit(c.name, max_length=160))
        self.role = self.add_row(
            "&Role", line_edit(c.role, max_length=120, placeholder="e.g. Registered manager")
        )
        self.phone = self.add_row("&Phone", line_edit(c.phone, max_length=60))
        self.email = self.add_row("&Email", line_edit(c.email))
        self.notes = self.add_row("N&otes", text_box(c.notes, lines=3))
        self.need(
            lambda: bool(self.name.text().strip()), "the contact's name", self.name.textChanged
        )

    def record(self) -> contacts.Contact:
        return contacts.Contact(
            name=self.name.text(),
            provider_id=self.provider_id,
            role=self.role.text(),
            organisation=self.organisation,
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            notes=self.notes.toPlainText().strip(),
            id=self.original_id,
        )


class ReportDialog(RecordDialog):
    service = REPORTS

    def __init__(
        self,
        store: Store,
        settings: list[providers.Setting],
        original: provider_records.ProviderReport | None = None,
        *,
        setting_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, original, parent)
        r = original
        today = clock.today()
        self.setting = self.add_row(
            "&Setting", setting_picker(settings, r.setting_id if r else setting_id)
        )
        self.kind = self.add_row("&Report", enum_picker(ProviderReportKind, r.kind if r else None))
        self.received = self.add_row(
            "&Received", date_edit(r.received_on if r else today, latest=today)
        )
        self.period_start = self.add_row(
            "Period &from", OptionalDate("From", r.period_start if r else None)
        )
        self.period_end = self.add_row(
            "Period &to", OptionalDate("To", r.period_end if r else None)
        )
        self.summary = self.add_row("S&ummary", text_box(r.summary if r else "", lines=3))
        self.concerns = self.add_row("&Concerns raised", text_box(r.concerns if r else "", lines=3))
        self.follow_up = self.add_row("&Follow-up", text_box(r.follow_up if r else "", lines=2))
        self.need(lambda: self.setting.count() > 0, "a setting (add one first)")
        self.need(
            lambda: bool(self.summary.toPlainText().strip()), "a summary", self.summary.textChanged
        )

    def record(self) -> provider_records.ProviderReport:
        return provider_records.ProviderReport(
            setting_id=self.setting.currentData(),
            kind=chosen(self.kind, ProviderReportKind),
            received_on=date_of(self.received),
            period_start=self.period_start.value(),
            period_end=self.period_end.value(),
            summary=self.summary.toPlainText(),
            concerns=self.concerns.toPlainText(),
            follow_up=self.follow_up.toPlainText(),
            id=self.original_id,
        )
