"""The Reflection section: the learning log and the from → to self-assessment.

Relational commissioning asks the commissioner to work differently; this page supports
that: reflections tagged with the nine changes (with the gaps visible), a self-assessment on
the eight shifts repeated over time, and indicators from the record beside each shift.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import clock
from relcom_desktop.core.reflection import Reflection
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.reflection.log_tab import LogTab
from relcom_desktop.ui.reflection.period import PeriodPicker
from relcom_desktop.ui.reflection.practice_tab import PracticeTab
from relcom_desktop.ui.reflection.reflection_dialog import open_reflection
from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING, heading, quiet_label

INTRO = (
    "Relational commissioning asks for different behaviours and for navigating uncertainty. "
    "Keep a learning log against the nine changes, and place yourself on the eight "
    "from → to shifts from time to time."
)
LOG, PRACTICE = 0, 1
# Changes to these records change the indicators from the record.
RECORD_KINDS = {"journal_entry", "meeting", "action", "check_in", "child", "provider"}


class ReflectionPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._stale = False
        self.new_reflection_button = QPushButton("&New reflection…", self)
        self.new_assessment_button = QPushButton("New self-&assessment…", self)
        self.period = PeriodPicker(self)
        self.log = LogTab(store, self)
        self.practice = PracticeTab(store, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.log, "Learning &log")
        self.tabs.addTab(self.practice, "From → &to")
        self._lay_out()
        self.new_reflection_button.clicked.connect(self.new_reflection)
        self.new_assessment_button.clicked.connect(self.new_assessment)
        self.period.changed.connect(self._period_changed)
        bus().changed.connect(self._on_changed)
        self.practice.reload()
        self._period_changed()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(heading("Reflection", self))
        top.addStretch(1)
        top.addWidget(self.new_reflection_button)
        top.addWidget(self.new_assessment_button)
        intro = quiet_label(INTRO, self)
        intro.setWordWrap(True)
        period_row = QHBoxLayout()
        label = QLabel("Pe&riod", self)
        label.setBuddy(self.period.preset)
        period_row.addWidget(label)
        period_row.addWidget(self.period, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 4, PAGE_MARGIN, PAGE_MARGIN - 8)
        layout.setSpacing(PAGE_SPACING)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addLayout(period_row)
        layout.addWidget(self.tabs, 1)
        # The log's own margins sit inside the tab.
        self.log.layout().setContentsMargins(0, 8, 0, 0)

    # ---- acting ------------------------------------------------------------------------

    def new_reflection(self) -> None:
        open_reflection(self.store, Reflection(written_on=clock.today()), self)

    def new_assessment(self) -> None:
        self.practice.new_assessment()

    def open_record(self, kind: str, record_id: int) -> None:
        """Show a reflection or a self-assessment (e.g. from Find anything)."""
        if kind == "reflection":
            self.tabs.setCurrentIndex(LOG)
            self.log.show_reflection(record_id)
        elif kind == "self_assessment":
            self.tabs.setCurrentIndex(PRACTICE)
            self.practice.choose(record_id)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(LOG)
        self.log.focus_search()

    # ---- keeping up to date ------------------------------------------------------------

    def _period_changed(self) -> None:
        period = self.period.period()
        self.log.set_period(period)
        self.practice.set_period(period)

    def _on_changed(self, kind: str) -> None:
        if kind == "reflection":
            self.log.refresh()
        elif kind == "self_assessment":
            self.practice.reload()
        elif kind in RECORD_KINDS:
            self._stale = True  # counted again when the page is next shown
            if self.isVisible():
                self._recount()

    def _recount(self) -> None:
        self._stale = False
        self.practice.set_period(self.period.period())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._recount()
