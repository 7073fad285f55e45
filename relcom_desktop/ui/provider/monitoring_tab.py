"""The Monitoring tab: contract-monitoring visits and the document checklist, per setting."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import clock
from relcom_desktop.core import provider_records as records
from relcom_desktop.core import setting_documents as documents
from relcom_desktop.core.formatting import MISSING, short_date
from relcom_desktop.core.providers import Setting, settings_of
from relcom_desktop.core.setting_documents import ChecklistLine, DocumentStatus
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.lazy_model import Column
from relcom_desktop.ui.provider.monitoring_dialogs import (
    DOCUMENTS,
    VISITS,
    ChecklistDialog,
    DocumentDialog,
    VisitDialog,
)
from relcom_desktop.ui.provider.record_list import RecordList, share_by_rows, stacked
from relcom_desktop.ui.provider.tabs import ProviderTab
from relcom_desktop.ui.widgets import PAGE_SPACING


def _risk(f: records.Filed) -> str:
    v = f.record
    return v.risk.label if v.risk else "Not rated"


VISIT_COLUMNS = (
    Column("Visited", lambda f: short_date(f.record.visited_on)),
    Column("Risk", _risk, tooltip=lambda f: f.record.risk_reason),
    Column(
        "Why", lambda f: f.record.risk_reason or MISSING, tooltip=lambda f: f.record.risk_reason
    ),
    Column("Findings", lambda f: f.record.findings or MISSING, tooltip=lambda f: f.record.findings),
    Column(
        "Documents seen",
        lambda f: ", ".join(f.record.documents_seen) or "None",
        tooltip=lambda f: "\n".join(f.record.documents_seen),
    ),
)
VISIT_SAMPLES = ("28 Sep 2026", "Amber — some risk", "See findings; action plan agreed.", "")
VISIT_SAMPLES += ("Statement of purpose, Staff rota",)


def _status(line: ChecklistLine) -> str:
    doc = line.document
    if line.status is DocumentStatus.EXPIRED and doc and doc.expires:
        return f"⚠ Expired {short_date(doc.expires)}"
    if line.status is DocumentStatus.MISSING:
        return "⚠ Missing"
    if line.status is DocumentStatus.EXPIRING and doc and doc.expires:
        days = (doc.expires - clock.today()).days
        return f"Expires in {days} day{'s' if days != 1 else ''}"
    return line.status.label


DOCUMENT_COLUMNS = (
    Column("Document", lambda line: line.kind.label),
    Column("Title", lambda line: line.document.title if line.document else MISSING),
    Column("Dated", lambda line: short_date(line.document.dated) if line.document else MISSING),
    Column("Expires", lambda line: short_date(line.document.expires) if line.document else MISSING),
    Column("Status", _status),
)
DOCUMENT_SAMPLES = (
    "Safeguarding policy",
    "",
    "28 Sep 2026",
    "28 Sep 2026",
    "⚠ Expired 28 Sep 2026",
)


class MonitoringTab(ProviderTab):
    title = "Monitoring"
    kinds = ("monitoring_visit", "setting_document", "setting")
    row_kinds = ("monitoring_visit", "setting_document")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self._settings: list[Setting] = []
        self.setting = QComboBox(self)
        self.setting.setAccessibleName("Setting")
        self.setting.setMinimumContentsLength(24)
        self.checklist_button = QPushButton("Visit checklist…", self)
        self.checklist_button.setToolTip("The documents a monitoring visit looks for")
        self.visits = RecordList(
            "Monitoring visits",
            VISIT_COLUMNS,
            self._load_visits,
            empty="No monitoring visits recorded for this setting.",
            samples=VISIT_SAMPLES,
            stretch=3,
            parent=self,
        )
        self.documents = RecordList(
            "Document checklist",
            DOCUMENT_COLUMNS,
            self._load_documents,
            empty="Choose a setting to see its documents.",
            samples=DOCUMENT_SAMPLES,
            stretch=1,
            parent=self,
        )
        self._buttons()
        self._lay_out()
        self.setting.currentIndexChanged.connect(lambda _i: self._reload_lists())
        self.checklist_button.clicked.connect(lambda: ChecklistDialog(self.store, self).open())

    def _buttons(self) -> None:
        self.visits.add_button("Record a visit…", lambda: self._visit(None))
        self.visits.add_button("Edit…", lambda: self._visit(self.visits.current()), needs_row=True)
        self.visits.add_button(
            "Delete", lambda: self._delete_visit(self.visits.current()), needs_row=True
        )
        self.visits.edit_requested.connect(self._visit)
        self.visits.delete_requested.connect(self._delete_visit)
        self.documents.add_button("Add document…", lambda: self._document(None))
        self.documents.add_button(
            "Edit…", lambda: self._document(self.documents.current()), needs_row=True
        )
        self.documents.add_button(
            "Delete", lambda: self._delete_document(self.documents.current()), needs_row=True
        )
        self.documents.edit_requested.connect(self._document)
        self.documents.delete_requested.connect(self._delete_document)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Setting:", self))
        top.addWidget(self.setting)
        top.addStretch(1)
        top.addWidget(self.checklist_button)
        self.split = stacked(self, self.visits, self.documents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, PAGE_SPACING, 0, 0)
        layout.setSpacing(PAGE_SPACING)
        layout.addLayout(top)
        layout.addWidget(self.split, 1)

    # ---- loading -----------------------------------------------------------------------------

    def reload(self) -> None:
        chosen = self.setting.currentData()
        self._settings = settings_of(self.store, self.provider_id) if self.provider_id else []
        self.setting.blockSignals(True)
        self.setting.clear()
        for s in self._settings:
            self.setting.addItem(s.name + (f" ({s.urn})" if s.urn else ""), s.id)
        self.setting.setCurrentIndex(max(0, self.setting.findData(chosen)))
        self.setting.blockSignals(False)
        self._reload_lists()

    def select_row(self, kind: str, record_id: int, setting_id: int | None) -> bool:
        """Choose the record's setting, then select its visit or document."""
        index = self.setting.findData(setting_id)
        if index >= 0:
            self.setting.setCurrentIndex(index)  # reloads the lists
        if kind == "monitoring_visit":
            return self.visits.select(lambda row: row.record.id == record_id)
        return self.documents.select(
            lambda line: line.document is not None and line.document.id == record_id
        )

    def _reload_lists(self) -> None:
        self.visits.reload()
        self.documents.reload()
        share_by_rows(self.split, [self.visits, self.documents])

    def _load_visits(self) -> list[records.Filed]:
        setting_id = self.setting.currentData()
        if self.provider_id is None or setting_id is None:
            return []
        return records.visits_for_provider(self.store, self.provider_id, setting_id)

    def _load_documents(self) -> list[ChecklistLine]:
        setting_id = self.setting.currentData()
        return documents.document_checklist(self.store, setting_id) if setting_id else []

    # ---- acting --------------------------------------------------------------------------------

    def _visit(self, row: records.Filed | None) -> None:
        original = row.record if row else None
        VisitDialog(
            self.store, self._settings, original, setting_id=self.setting.currentData(), parent=self
        ).open()

    def _delete_visit(self, row: records.Filed | None) -> None:
        if row is not None:
            VISITS.remove(self.store, row.record.id)

    def _document(self, line: ChecklistLine | None) -> None:
        DocumentDialog(
            self.store,
            self._settings,
            line.document if line else None,
            setting_id=self.setting.currentData(),
            kind=line.kind if line else None,
            parent=self,
        ).open()

    def _delete_document(self, line: ChecklistLine | None) -> None:
        if line is not None and line.document is not None:
            DOCUMENTS.remove(self.store, line.document.id)  # type: ignore[arg-type]
