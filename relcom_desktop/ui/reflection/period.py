"""Choosing the period the learning log, its counts and the indicators cover: a few usual
periods, or any two dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from relcom_desktop.core import clock
from relcom_desktop.core.formatting import short_date
from relcom_desktop.ui.provider.forms import date_edit, date_of

EARLIEST = dt.date(1990, 1, 1)
CUSTOM = "Custom dates"
PRESETS: tuple[tuple[str, int | None], ...] = (
    ("Last 3 months", 91),
    ("Last 12 months", 365),
    ("Last 3 years", 3 * 365 + 1),
    ("All time", None),
)
DEFAULT = "Last 12 months"


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date
    name: str  # "Last 12 months", "All time" or "Custom dates"

    @property
    def words(self) -> str:
        """How the period reads in a heading: "all time" or "1 Dec 2025 to 30 Nov 2026"."""
        if self.name == "All time":
            return "all time"
        return f"{short_date(self.first)} to {short_date(self.last)}"


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preset = QComboBox(self)
        self.preset.setAccessibleName("Period")
        for name, _days in PRESETS:
            self.preset.addItem(name)
        self.preset.addItem(CUSTOM)
        self.date_from = date_edit(latest=clock.today())
        self.date_to = date_edit(latest=clock.today())
        self.date_from.setMinimumDate(QDate(EARLIEST))
        self.date_from.setAccessibleName("From")
        self.date_to.setAccessibleName("To")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preset)
        row.addWidget(self.date_from)
        row.addWidget(QLabel("to", self))
        row.addWidget(self.date_to)
        row.addStretch(1)
        self._setting = False
        self.preset.setCurrentText(DEFAULT)
        self._apply_preset()
        self.preset.currentIndexChanged.connect(lambda _i: self._apply_preset())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._dates_edited())
        self.setFocusProxy(self.preset)

    def period(self) -> Period:
        first, last = date_of(self.date_from), date_of(self.date_to)
        return Period(min(first, last), max(first, last), self.preset.currentText())

    def _apply_preset(self) -> None:
        days = dict(PRESETS).get(self.preset.currentText(), -1)
        if days == -1:
            return  # custom: the dates stay as they are
        today = clock.today()
        self._setting = True
        self.date_to.setDate(QDate(today))
        self.date_from.setDate(QDate(EARLIEST if days is None else today - dt.timedelta(days)))
        self._setting = False
        self.changed.emit()

    def _dates_edited(self) -> None:
        if self._setting:
            return
        self.preset.blockSignals(True)
        self.preset.setCurrentText(CUSTOM)
        self.preset.blockSignals(False)
        self.changed.emit()
