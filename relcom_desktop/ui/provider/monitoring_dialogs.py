"""Forms for monitoring: a visit with its checklist, a checklist document, a Reg 40
notification, the visit checklist template, and when a provider needs attention."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QListWidget, QListWidgetItem, QSpinBox, QWidget

from relcom_desktop.core import clock, preferences, reg40, setting_documents
from relcom_desktop.core import provider_records as records
from relcom_desktop.core.enums import RiskRating, SettingDocumentKind
from relcom_desktop.core.journal import child_choices
from relcom_desktop.core.providers import Setting
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.provider.child_picker import ChildPicker
from relcom_desktop.ui.provider.dialogs import RecordDialog, setting_picker
from relcom_desktop.ui.provider.forms import (
    FormDialog,
    OptionalDate,
    date_edit,
    date_of,
    enum_picker,
    line_edit,
    text_box,
)
from relcom_desktop.ui.undo import RecordService
from relcom_desktop.ui.widgets import chosen

VISITS = RecordService.of(records, "visit", "monitoring_visit", "monitoring visit")
DOCUMENTS = RecordService.of(setting_documents, "document", "setting_document", "document")
NOTIFICATIONS = RecordService.of(reg40, "notification", "reg40_notification", "Reg 40 notification")


def checklist(items: list[str], ticked: tuple[str, ...]) -> QListWidget:
    """The template's documents (and any others seen before), ticked where seen."""
    box = QListWidget()
    for text in [*items, *(t for t in ticked if t not in items)]:
        item = QListWidgetItem(text, box)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if text in ticked else Qt.CheckState.Unchecked)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * 6 + 16)
    return box


def ticked(box: QListWidget) -> tuple[str, ...]:
    return tuple(
        box.item(i).text()
        for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    )


class VisitDialog(RecordDialog):
    service = VISITS

    def __init__(
        self,
        store: Store,
        settings: list[Setting],
        original: records.MonitoringVisit | None = None,
        *,
        setting_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, original, parent)
        v = original
        today = clock.today()
        self.setting = self.add_row(
            "&Setting", setting_picker(settings, v.setting_id if v else setting_id)
        )
        self.visited = self.add_row(
            "&Visited on", date_edit(v.visited_on if v else today, latest=today)
        )
        seen = v.documents_seen if v else ()
        self.documents = self.add_row(
            "&Documents seen", checklist(records.visit_checklist(store), seen)
        )
        self.findings = self.add_row("&Findings", text_box(v.findings if v else "", lines=4))
        self.risk = self.add_row(
            "&Risk rating", enum_picker(RiskRating, v.risk if v else None, none_text="Not rated")
        )
        self.reason = self.add_row(
            "Re&ason for the rating", text_box(v.risk_reason if v else "", lines=2)
        )
        self.need(lambda: self.setting.count() > 0, "a setting (add one first)")
        self.need(
            lambda: (
                chosen(self.risk, RiskRating) in (None, RiskRating.GREEN)
                or bool(self.reason.toPlainText().strip())
            ),
            "the reason for the rating",
            self.risk.currentIndexChanged,
            self.reason.textChanged,
        )

    def record(self) -> records.MonitoringVisit:
        return records.MonitoringVisit(
            setting_id=self.setting.currentData(),
            visited_on=date_of(self.visited),
            documents_seen=ticked(self.documents),
            findings=self.findings.toPlainText(),
            risk=chosen(self.risk, RiskRating),
            risk_reason=self.reason.toPlainText(),
            id=self.original_id,
        )


class DocumentDialog(RecordDialog):
    service = DOCUMENTS

    def __init__(
        self,
        store: Store,
        settings: list[Setting],
        original: setting_documents.SettingDocument | None = None,
        *,
        setting_id: int | None = None,
        kind: SettingDocumentKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, original, parent)
        d = original
        self.setting = self.add_row(
            "&Setting", setting_picker(settings, d.setting_id if d else setting_id)
        )
        self.kind = self.add_row(
            "&Document", enum_picker(SettingDocumentKind, d.kind if d else kind)
        )
        self.title = self.add_row(
            "&Title", line_edit(d.title if d else "", placeholder="As the document is named")
        )
        self.dated = self.add_row("Dat&ed", OptionalDate("Dated", d.dated if d else clock.today()))
        self.dated.edit.setMaximumDate(clock.today())
        self.expires = self.add_row(
            "E&xpires", OptionalDate("Expires on", d.expires if d else None)
        )
        self.notes = self.add_row("&Notes", text_box(d.notes if d else "", lines=2))
        self.need(lambda: self.setting.count() > 0, "a setting (add one first)")

    def record(self) -> setting_documents.SettingDocument:
        return setting_documents.SettingDocument(
            setting_id=self.setting.currentData(),
            kind=chosen(self.kind, SettingDocumentKind),
            title=self.title.text(),
            dated=self.dated.value(),
            expires=self.expires.value(),
            notes=self.notes.toPlainText(),
            id=self.original_id,
        )


class Reg40Dialog(RecordDialog):
    service = NOTIFICATIONS

    def __init__(
        self,
        store: Store,
        settings: list[Setting],
        original: reg40.Reg40Notification | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, original, parent)
        n = original
        today = clock.today()
        self.setting = self.add_row(
            "&Setting", setting_picker(settings, n.setting_id if n else None)
        )
        self.received = self.add_row(
            "&Received", date_edit(n.received_on if n else today, latest=today)
        )
        self.event = self.add_row("&Event", QComboBox())
        self.event.setEditable(True)
        self.event.addItems(list(reg40.EVENT_KINDS))
        self.event.setCurrentText(n.event_kind if n else "")
        self.event.lineEdit().setPlaceholderText("Choose or type the kind of event")
        self.summary = self.add_row("S&ummary", text_box(n.summary if n else "", lines=3))
        self.children = self.add_row(
            "&Children concerned",
            ChildPicker(child_choices(store, n.child_ids if n else ()), n.child_ids if n else ()),
        )
        self.response = self.add_row("Your res&ponse", text_box(n.response if n else "", lines=3))
        self.reviewed = self.add_row("", QCheckBox("Reviewed: take it off Today"))
        self.reviewed.setChecked(bool(n and n.reviewed))
        self.need(lambda: self.setting.count() > 0, "a setting (add one first)")
        self.need(
            lambda: bool(self.event.currentText().strip()),
            "the kind of event",
            self.event.currentTextChanged,
        )
        self.need(
            lambda: not self.reviewed.isChecked() or bool(self.response.toPlainText().strip()),
            "your response (before marking it reviewed)",
            self.reviewed.toggled,
            self.response.textChanged,
        )

    def record(self) -> reg40.Reg40Notification:
        return reg40.Reg40Notification(
            setting_id=self.setting.currentData(),
            received_on=date_of(self.received),
            event_kind=self.event.currentText(),
            summary=self.summary.toPlainText(),
            response=self.response.toPlainText(),
            reviewed=self.reviewed.isChecked(),
            child_ids=self.children.chosen(),
            id=self.original_id,
        )


class ChecklistDialog(FormDialog):
    """The documents a monitoring visit looks for, one per line."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("Visit checklist", "Save checklist", parent)
        self.store = store
        self.lines = self.add_row(
            "Documents to look for\n(one per line)",
            text_box("\n".join(records.visit_checklist(store)), lines=12),
        )

    def save(self) -> list[str]:
        return records.set_visit_checklist(self.store, self.lines.toPlainText().splitlines())


class AttentionRulesDialog(FormDialog):
    """When a provider is flagged on Today for silence or a run of concerns."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("When a provider needs attention", "Save", parent)
        self.store = store
        self.days = self.add_row("Flag after no contact for", QSpinBox())
        self.days.setRange(7, 730)
        self.days.setSuffix(" days")
        self.days.setValue(int(preferences.get(store, preferences.PROVIDER_NO_CONTACT_DAYS)))
        self.run = self.add_row("Flag after a run of", QSpinBox())
        self.run.setRange(2, 10)
        self.run.setSuffix(" concerns in a row")
        self.run.setValue(int(preferences.get(store, preferences.PROVIDER_CONCERN_RUN)))

    def save(self) -> None:
        preferences.put(self.store, preferences.PROVIDER_NO_CONTACT_DAYS, self.days.value())
        preferences.put(self.store, preferences.PROVIDER_CONCERN_RUN, self.run.value())
