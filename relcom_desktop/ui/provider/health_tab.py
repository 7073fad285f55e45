"""The Relationship tab: how the relationship with a provider is going over time."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from relcom_desktop.core import clock
from relcom_desktop.core.actions import Action
from relcom_desktop.core.formatting import plural, short_date
from relcom_desktop.core.relationship import RelationshipHealth, relationship_health
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.provider.charts import TallyChart, TrustChart
from relcom_desktop.ui.provider.monitoring_dialogs import AttentionRulesDialog
from relcom_desktop.ui.provider.record_list import RecordList
from relcom_desktop.ui.provider.records_tabs import (
    ACTION_COLUMNS,
    ACTION_SAMPLES,
    complete_undoably,
)
from relcom_desktop.ui.provider.tabs import ProviderTab, card
from relcom_desktop.ui.widgets import PAGE_SPACING

PERIODS = (("Last 2 years", 8), ("Last 5 years", 20), ("All time", None))


class HealthTab(ProviderTab):
    title = "Relationship"
    kinds = ("journal_entry", "action")

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(store, parent)
        self.health: RelationshipHealth | None = None
        self.period = QComboBox(self)
        self.period.setAccessibleName("Period shown")
        for text, quarters in PERIODS:
            self.period.addItem(text, quarters)
        self.contact_card, self.contact_value, self.contact_note = card("Since last contact")
        self.trust_card, self.trust_value, self.trust_note = card("Latest trust")
        self.follow_card, self.follow_value, self.follow_note = card("Open follow-ups")
        self.rules_button = QPushButton("Attention rules…", self)
        self.rules_button.setToolTip("When a provider is flagged on Today and on this page")
        self.rules_button.clicked.connect(lambda: AttentionRulesDialog(store, self).open())
        self.trust_chart = TrustChart(self)
        self.tally_chart = TallyChart(self)
        self.follow_ups = RecordList(
            "Open follow-ups",
            ACTION_COLUMNS,
            self._follow_ups,
            empty="No follow-ups waiting.",
            samples=ACTION_SAMPLES,
            stretch=1,
            parent=self,
        )
        self.follow_ups.add_button("Mark done", self._complete, needs_row=True)
        self._lay_out()
        self.period.currentIndexChanged.connect(lambda _i: self.reload())

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(PAGE_SPACING)
        for frame in (self.contact_card, self.trust_card, self.follow_card):
            top.addWidget(frame, 1)
        period = QHBoxLayout()
        period.addStretch(1)
        period.addWidget(QLabel("Show:", self))
        period.addWidget(self.period)
        period.addWidget(self.rules_button)
        charts = QHBoxLayout()
        charts.setSpacing(PAGE_SPACING)
        charts.addWidget(self.trust_chart, 1)
        charts.addWidget(self.tally_chart, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, PAGE_SPACING, 0, 0)
        layout.setSpacing(PAGE_SPACING)
        layout.addLayout(top)
        layout.addLayout(period)
        layout.addLayout(charts, 3)
        layout.addWidget(self.follow_ups, 2)

    def reload(self) -> None:
        if self.provider_id is None:
            return
        h = self.health = relationship_health(
            self.store, self.provider_id, quarters=self.period.currentData()
        )
        self.trust_chart.set_data(h.trust, h.trust_by_quarter)
        self.tally_chart.set_data(h.concerns_and_praise)
        self.follow_ups.reload()
        if h.days_since_contact is None:
            self.contact_value.setText("No contact yet")
            self.contact_note.setText("Add a journal entry after a call or visit")
        else:
            self.contact_value.setText(plural(h.days_since_contact, "day"))
            self.contact_note.setText(f"last on {short_date(h.last_contact)}")
        latest = h.latest_trust
        self.trust_value.setText(latest.label if latest else "Not recorded")
        self.trust_note.setText(f"{int(latest)} of 5" if latest else "in this period")
        overdue = sum(1 for a in h.open_follow_ups if a.due_on and a.due_on < clock.today())
        self.follow_value.setText(str(len(h.open_follow_ups)))
        self.follow_note.setText(f"⚠ {overdue} overdue" if overdue else "none overdue")

    def _follow_ups(self) -> list[Action]:
        return self.health.open_follow_ups if self.health else []

    def _complete(self) -> None:
        action = self.follow_ups.current()
        if action is not None:
            complete_undoably(self.store, action)
