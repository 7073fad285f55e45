"""The Reports page: choose what to print and for whom, build it off the GUI thread with
progress and cancel, then preview it before saving or printing.

Other pages print through :meth:`ReportsPage.prepare`, e.g. ``prepare("child", 12)``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop import reports
from relcom_desktop.core import clock, preferences
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.reports import (
    DEFAULT_SECTIONS,
    PackSection,
    Paper,
    ReportKind,
    ReportOptions,
    ReportResult,
)
from relcom_desktop.reports.options import Cancelled, Progress
from relcom_desktop.ui import theme
from relcom_desktop.ui.pdf_preview import PdfPreview
from relcom_desktop.ui.preview_files import preview_path
from relcom_desktop.ui.record_picker import RecordPicker
from relcom_desktop.ui.widgets import PAGE_MARGIN, PAGE_SPACING, heading, quiet_label
from relcom_desktop.ui.workers import Worker

INTRO = (
    "Print a child summary, a provider relationship summary, meeting minutes, a review "
    "pack or your reflective practice summary. Every page is marked OFFICIAL-SENSITIVE; "
    "you see a preview before anything is saved or printed."
)
REDACT_TEXT = "&Redacted copy (names hidden, no addresses)"
REDACT_NOTE = (
    "Children and family members by initials, professionals by role, ages instead of "
    "dates of birth, no addresses. Asked for each print; the default is set in Preferences."
)
SECTION_LABELS = {
    ReportKind.CHILD_PACK: [
        (PackSection.CHILDREN, "The child's summary"),
        (PackSection.PROVIDERS, "Their current provider's relationship summary"),
        (PackSection.MEETINGS, "Minutes of meetings about the child"),
        (PackSection.REFLECTIONS, "Reflections about the child"),
        (PackSection.PRACTICE, "My practice: self-assessment and indicators"),
    ],
    ReportKind.PROVIDER_PACK: [
        (PackSection.PROVIDERS, "The provider's relationship summary"),
        (PackSection.CHILDREN, "A summary for each child placed"),
        (PackSection.MEETINGS, "Minutes of meetings with the provider"),
        (PackSection.REFLECTIONS, "Reflections about the provider"),
        (PackSection.PRACTICE, "My practice: self-assessment and indicators"),
    ],
}
WITH_PERIOD = (
    ReportKind.PROVIDER,
    ReportKind.CHILD_PACK,
    ReportKind.PROVIDER_PACK,
    ReportKind.PRACTICE,
)
FORM_WIDTH = 460


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReportsPage(QWidget):
    """Choose a report, build it with progress and cancel, and preview it."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.job: Worker | None = None
        self.preview: PdfPreview | None = None
        self.last_result: ReportResult | None = None
        self.kind = QComboBox(self)
        self.kind.setAccessibleName("What to print")
        for kind in ReportKind:
            self.kind.addItem(kind.label, kind.value)
        self.picker = RecordPicker(store, self)
        self.sections_box = QGroupBox("Sections", self)
        self.section_boxes: dict[PackSection, QCheckBox] = {}
        self.date_from = self._date_edit("From")
        self.date_to = self._date_edit("To")
        self.redact = QCheckBox(REDACT_TEXT, self)
        self.redact.setToolTip(REDACT_NOTE)
        self.redact.setAccessibleDescription(REDACT_NOTE)
        self.paper = QComboBox(self)
        self.paper.setAccessibleName("Paper size")
        for paper in Paper:
            self.paper.addItem(paper.label, paper.value)
        self.build_button = QPushButton("&Build and preview", self)
        self.cancel_button = QPushButton("Cancel", self)
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self._lay_out()
        self._load_choices()
        self._connect()
        self._kind_changed()

    # ---- building the page -------------------------------------------------------------

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        return edit

    def _lay_out(self) -> None:
        self._sections_layout = QVBoxLayout(self.sections_box)
        for section in PackSection:
            box = QCheckBox(section.label, self.sections_box)
            box.setChecked(section in DEFAULT_SECTIONS)
            self.section_boxes[section] = box
            self._sections_layout.addWidget(box)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&What to print", self.kind)
        form.addRow("F&or", self.picker)  # Alt+F opens the File menu
        self.for_label = form.labelForField(self.picker)
        options = QFormLayout()
        options.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("to", self))
        period.addWidget(self.date_to)
        period.addStretch(1)
        self.period_label = QLabel("&Period", self)
        self.period_label.setBuddy(self.date_from)
        options.addRow(self.period_label, period)
        options.addRow("Pa&per", self.paper)
        options.addRow("", self.redact)
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(PAGE_SPACING)
        right.addWidget(self.sections_box)
        right.addLayout(options)
        right.addLayout(buttons)
        right.addWidget(self.progress)
        right.addWidget(self.status)
        right.addStretch(1)
        left = QWidget(self)
        left.setMaximumWidth(max(FORM_WIDTH, self.fontMetrics().horizontalAdvance("M") * 34))
        left.setLayout(form)
        columns = QHBoxLayout()
        columns.setSpacing(PAGE_MARGIN * 2)
        columns.addWidget(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN - 4, PAGE_MARGIN, PAGE_MARGIN)
        layout.setSpacing(PAGE_SPACING)
        layout.addWidget(heading("Reports", self))
        intro = quiet_label(INTRO, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.build_button.setDefault(True)
        chain = [
            self.kind,
            self.picker.search,
            self.picker.matches,
            *self.section_boxes.values(),
            self.date_from,
            self.date_to,
            self.paper,
            self.redact,
            self.build_button,
            self.cancel_button,
        ]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _load_choices(self) -> None:
        today = clock.today()
        self.date_to.setDate(_qdate(today))
        self.date_from.setDate(_qdate(today - dt.timedelta(days=365)))
        paper = preferences.get(self.store, preferences.REPORT_PAPER)
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        self.reset_redaction()

    def reset_redaction(self) -> None:
        """Redaction is chosen per print: each visit starts from the preference, so a
        redacted copy asked for once never carries into a later print unasked."""
        self.redact.setChecked(bool(preferences.get(self.store, preferences.REPORT_REDACT)))

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.reset_redaction()
        super().showEvent(event)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.build_button.clicked.connect(self.build)
        self.cancel_button.clicked.connect(self.cancel)
        self.paper.currentIndexChanged.connect(self._remember)

    def _remember(self) -> None:
        preferences.put(self.store, preferences.REPORT_PAPER, self.paper.currentData())

    def _kind_changed(self) -> None:
        kind = self.current_kind()
        for widget in (self.for_label, self.picker):
            widget.setVisible(kind.needs_record)  # the practice summary is about you
        if kind.needs_record:
            self.picker.set_kind(kind.record_kind)
        pack = kind.is_pack
        self.sections_box.setVisible(pack)
        for position, (section, label) in enumerate(SECTION_LABELS.get(kind, [])):
            box = self.section_boxes[section]
            box.setText(label)
            self._sections_layout.insertWidget(position, box)  # in the pack's order
        for widget in (self.period_label, self.date_from, self.date_to):
            widget.setEnabled(kind in WITH_PERIOD)

    # ---- what the user chose -----------------------------------------------------------

    def current_kind(self) -> ReportKind:
        return ReportKind(self.kind.currentData())

    def options(self) -> ReportOptions:
        kind = self.current_kind()
        order = [section for section, _label in SECTION_LABELS.get(kind, [])]
        return ReportOptions(
            redact=self.redact.isChecked(),
            paper=Paper(self.paper.currentData()),
            date_from=self.date_from.date().toPython(),
            date_to=self.date_to.date().toPython(),
            sections=tuple(s for s in order if self.section_boxes[s].isChecked()),
        )

    # ---- building ----------------------------------------------------------------------

    def open_record(self, kind: str, record_id: int) -> None:
        """From another page's Print… button ("report:child", "report:child_pack", ...).

        A single document is built straight away for preview; a pack waits for the user
        to choose its sections.
        """
        report = ReportKind(kind.removeprefix("report:"))
        self.prepare(report, record_id, build=not report.is_pack)

    def prepare(self, kind: ReportKind | str, record_id: int, *, build: bool = True) -> None:
        """Choose a report about one record (e.g. from a child's page) and build it."""
        self.kind.setCurrentIndex(self.kind.findData(ReportKind(kind).value))
        self.reset_redaction()
        try:
            self.picker.select(record_id)
        except RelcomError as err:
            self._say(str(err), error=True)
            return
        if build:
            self.build()

    def build(self) -> None:
        if self.job is not None and self.job.running:
            return
        record_id = self.picker.chosen_id() if self.current_kind().needs_record else None
        if record_id is None and self.current_kind().needs_record:
            self._say(f"Choose the {self.current_kind().record_kind} to print first.", error=True)
            self.picker.setFocus()
            return
        kind, options = self.current_kind(), self.options()
        out = preview_path()

        def job(progress: Progress, cancelled: Cancelled) -> ReportResult:
            return reports.build_report(
                self.store, kind, record_id, out, options,
                progress=progress, cancelled=cancelled, audit_export=False,
            )  # fmt: skip

        self.job = Worker(job)
        self.job.signals.progress.connect(self._show_progress)
        self.job.signals.finished.connect(self._built)
        self.job.signals.failed.connect(lambda message: self._say(message, error=True))
        self.job.signals.cancelled.connect(lambda: self._say("Cancelled. Nothing was saved."))
        self.job.signals.done.connect(lambda: self._set_busy(False))
        self._set_busy(True)
        self._say(f"Building the {kind.label.lower()}: {self._subject()}…")
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self._say("Cancelling…")

    def _set_busy(self, busy: bool) -> None:
        self.build_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)  # busy until the first report arrives

    def _show_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{label} — %p%")

    def _built(self, result: ReportResult) -> None:
        self.last_result = result
        if self.job is not None and self.job.is_cancelled():
            Path(result.path).unlink(missing_ok=True)
            return
        self._say(f"Built {result.pages} pages. Save or print it from the preview.")
        title = f"{result.kind.label} · {self._subject()}"
        if result.redacted:
            title = f"{result.kind.label} (redacted)"
        self.preview = PdfPreview(self.store, result, title, self.window())
        self.preview.finished.connect(lambda _code, path=result.path: self._discard(path))
        self.preview.open()

    def _subject(self) -> str:
        """Whom or what the report is about, for messages and the preview's title."""
        if self.current_kind().needs_record:
            return self.picker.chosen_label()
        first, last = self.options().period
        return f"{short_date(first)} to {short_date(last)}"

    def _discard(self, path: str) -> None:
        """A preview's temporary file goes when the preview closes (saved copies stay)."""
        if self.preview is not None:
            self.preview.document.close()
        with contextlib.suppress(OSError):
            Path(path).unlink(missing_ok=True)

    def _say(self, message: str, *, error: bool = False) -> None:
        self.status.setText(message)
        theme.set_tone(self.status, "error" if error else "")
        self.status.setAccessibleDescription(message)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
