"""From → to: the self-assessment chart (over time, or one date against an earlier one), and
beside it, for each shift, where you placed yourself, your evidence, and indicators from the
record — clearly labelled as indicators, not scores."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.enums import SHIFT_SCALE_MAX, PracticeShift
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.practice_indicators import LABEL, Indicator, by_shift, practice_indicators
from relcom_desktop.core.reflection import SelfAssessment, list_assessments, shift_history
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.background import run_in_background
from relcom_desktop.ui.reflection import markers
from relcom_desktop.ui.reflection.assessment_dialog import ASSESSMENTS, open_assessment
from relcom_desktop.ui.reflection.period import Period
from relcom_desktop.ui.reflection.practice_chart import LINES, RADAR, PracticeChart

NOTHING = "Nothing"
NOTE = (
    "Beside each shift: where you placed yourself, and indicators counted from your own "
    "records in the period ({period}) — prompts to weigh against what you know, not scores "
    "of your practice."
)
PICK_OUT_CHARS = 16


def _assessment_label(a: SelfAssessment) -> str:
    return short_date(a.assessed_on)


class PracticeTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._period: Period | None = None
        self._assessments: list[SelfAssessment] = []
        self._indicators: dict[PracticeShift, list[Indicator]] | None = None
        self.over_time = QRadioButton("&Over time", self)
        self.compare = QRadioButton("&Compare two dates", self)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.over_time)
        self.modes.addButton(self.compare)
        self.over_time.setChecked(True)
        self.chosen = self._combo("Self-assessment")
        self.earlier = self._combo("Compared with")
        self.highlight = self._combo("Pick out")
        self.highlight.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.highlight.setMinimumContentsLength(PICK_OUT_CHARS)
        self.highlight.addItem("All shifts", None)
        for shift in PracticeShift:
            self.highlight.addItem(f"{markers.number(shift)}. {shift.label}", shift)
        self.edit_button = QPushButton("Edit…", self)
        self.delete_button = QPushButton("Delete", self)
        self.chart = PracticeChart(self)
        self.details = QTextBrowser(self)
        self.details.setAccessibleName("Each shift: your place, your evidence, indicators")
        self.details.setOpenLinks(False)
        self._lay_out()
        self._connect()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _lay_out(self) -> None:
        modes = QHBoxLayout()  # two short rows, so the page fits at large text sizes
        modes.addWidget(self.over_time)
        modes.addWidget(self.compare)
        modes.addSpacing(12)
        modes.addWidget(self._buddy("&Pick out", self.highlight))
        modes.addWidget(self.highlight)
        modes.addStretch(1)
        choices = QHBoxLayout()
        choices.addWidget(self._buddy("&Self-assessment of", self.chosen))
        choices.addWidget(self.chosen)
        choices.addWidget(self._buddy("&against", self.earlier))
        choices.addWidget(self.earlier)
        choices.addStretch(1)
        choices.addWidget(self.edit_button)
        choices.addWidget(self.delete_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(modes)
        layout.addLayout(choices)
        layout.addWidget(splitter, 1)

    def _buddy(self, text: str, combo: QComboBox) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(combo)
        return label

    def _connect(self) -> None:
        self.modes.buttonToggled.connect(lambda *_a: self._show_mode())
        self.chosen.currentIndexChanged.connect(lambda _i: self._fill_earlier())
        self.earlier.currentIndexChanged.connect(lambda _i: self._show_comparison())
        self.highlight.currentIndexChanged.connect(
            lambda _i: self.chart.set_highlight(self.highlight.currentData())
        )
        self.edit_button.clicked.connect(self.edit_chosen)
        self.delete_button.clicked.connect(self.delete_chosen)

    # ---- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the self-assessments again (after a change), keeping the chosen one."""
        keep = self.chosen.currentData()
        self._assessments = list_assessments(self._store)
        self.chart.set_history(shift_history(self._store))
        self.chosen.blockSignals(True)
        self.chosen.clear()
        for a in reversed(self._assessments):  # newest first
            self.chosen.addItem(_assessment_label(a), a.id)
        index = self.chosen.findData(keep)
        self.chosen.setCurrentIndex(index if index >= 0 else 0)
        self.chosen.blockSignals(False)
        for widget in (self.edit_button, self.delete_button, self.chosen, self.earlier):
            widget.setEnabled(bool(self._assessments))
        self._fill_earlier()
        self._show_mode()

    def set_period(self, period: Period) -> None:
        """Count the indicators for ``period`` off the GUI thread."""
        self._period = period
        self._indicators = None
        self._show_details()
        store = self._store
        run_in_background(
            self,
            lambda: practice_indicators(store, period.first, period.last),
            lambda found, p=period: self._got_indicators(p, found),
            self._indicators_failed,
        )

    def _got_indicators(self, period: Period, found: list[Indicator]) -> None:
        if period == self._period:  # not a late answer for a period no longer chosen
            self._indicators = by_shift(found)
            self._show_details()

    def _indicators_failed(self, message: str) -> None:
        self._indicators = {}
        self._show_details(problem=message)

    # ---- what is shown ---------------------------------------------------------------------

    def assessment(self, assessment_id: int | None) -> SelfAssessment | None:
        return next((a for a in self._assessments if a.id == assessment_id), None)

    def choose(self, assessment_id: int) -> None:
        """Show one self-assessment (e.g. opened from a search)."""
        index = self.chosen.findData(assessment_id)
        if index >= 0:
            self.chosen.setCurrentIndex(index)

    def _fill_earlier(self) -> None:
        chosen = self.assessment(self.chosen.currentData())
        self.earlier.blockSignals(True)
        self.earlier.clear()
        self.earlier.addItem(NOTHING, None)
        older = [a for a in reversed(self._assessments) if chosen and a.id != chosen.id]
        older = [a for a in older if a.assessed_on <= chosen.assessed_on] if chosen else []
        for a in older:
            self.earlier.addItem(_assessment_label(a), a.id)
        self.earlier.setCurrentIndex(1 if older else 0)  # the one before, by default
        self.earlier.blockSignals(False)
        self._show_comparison()

    def _show_mode(self) -> None:
        radar = self.compare.isChecked()
        self.chart.set_mode(RADAR if radar else LINES)
        self.highlight.setEnabled(not radar)

    def _show_comparison(self) -> None:
        chosen = self.assessment(self.chosen.currentData())
        earlier = self.assessment(self.earlier.currentData())
        self.chart.set_comparison(chosen, earlier)
        self._show_details()

    def _show_details(self, problem: str = "") -> None:
        chosen = self.assessment(self.chosen.currentData())
        earlier = self.assessment(self.earlier.currentData())
        document = self.details.document()
        height = self.fontMetrics().height()
        for shift in PracticeShift:
            url = QUrl(f"swatch:{markers.number(shift)}")
            pixmap = markers.swatch(shift, height)
            document.addResource(QTextDocument.ResourceType.ImageResource, url, pixmap)
        period = self._period.words if self._period else "not chosen"
        parts = [f"<p style='color:gray'>{html.escape(NOTE.format(period=period))}</p>"]
        if problem:
            parts.append(f"<p>{html.escape(problem)}</p>")
        for shift in PracticeShift:
            parts.append(self._shift_html(shift, chosen, earlier))
        self.details.setHtml("".join(parts))

    def _shift_html(
        self,
        shift: PracticeShift,
        chosen: SelfAssessment | None,
        earlier: SelfAssessment | None,
    ) -> str:
        esc = html.escape
        n = markers.number(shift)
        out = [f"<h4 style='margin-bottom:2px'><img src='swatch:{n}'> {n}. {esc(shift.label)}</h4>"]
        now = chosen.position_of(shift) if chosen else None
        if now is None:
            out.append("<p>Not placed yet.</p>")
        else:
            was = earlier.position_of(shift) if earlier else None
            line = f"You: <b>{now.position} of {SHIFT_SCALE_MAX}</b> on {_assessment_label(chosen)}"
            if was is not None and earlier is not None:
                line += f" (was {was.position} on {_assessment_label(earlier)})"
            out.append(f"<p style='margin:0'>{line}</p>")
            if now.evidence:
                out.append(f"<p style='margin:0'>Your evidence: <i>{esc(now.evidence)}</i></p>")
        out.append(f"<p style='margin-bottom:0;color:gray'>{esc(LABEL)}:</p>")
        if self._indicators is None:
            out.append("<p style='margin-top:0'>Counting…</p>")
            return "".join(out)
        items = "".join(
            f"<li>{esc(i.title)}: <b>{esc(i.figures)}</b></li>"
            for i in self._indicators.get(shift, [])
        )
        out.append(f"<ul style='margin-top:0'>{items}</ul>" if items else "<p>None.</p>")
        return "".join(out)

    # ---- acting on the chosen self-assessment ------------------------------------------------

    def new_assessment(self) -> None:
        latest = self._assessments[-1] if self._assessments else None
        open_assessment(self._store, self, previous=latest)

    def edit_chosen(self) -> None:
        chosen = self.assessment(self.chosen.currentData())
        if chosen is not None:
            open_assessment(self._store, self, assessment=chosen)

    def delete_chosen(self) -> None:
        chosen = self.assessment(self.chosen.currentData())
        if chosen is not None and chosen.id is not None:
            ASSESSMENTS.remove(self._store, chosen.id)
