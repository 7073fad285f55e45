"""Print… from a child's, provider's or meeting's page, without leaving it.

Each print asks, in a small dialog over the page, what to print (the summary or a review
pack, with its sections) and whether to make a **redacted copy** — ticked or not as the
preferences say, every time, so a choice made for one print never carries into the next.
The document is built off the GUI thread with progress and cancel, and its preview opens
over the same page; closing the preview leaves the user where they were.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop import reports
from relcom_desktop.core import preferences
from relcom_desktop.core.children import get_child
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.meetings import get_meeting
from relcom_desktop.core.providers import get_provider
from relcom_desktop.core.store.db import Store
from relcom_desktop.reports import DEFAULT_SECTIONS, PackSection, Paper, ReportKind, ReportOptions
from relcom_desktop.reports.options import Cancelled, Progress, ReportResult
from relcom_desktop.ui.background import run_with_progress
from relcom_desktop.ui.pdf_preview import PdfPreview
from relcom_desktop.ui.preview_files import preview_path

CHOICES = {
    "child": [(ReportKind.CHILD, "&Child summary"), (ReportKind.CHILD_PACK, "Review &pack")],
    "provider": [
        (ReportKind.PROVIDER, "Relationship &summary"),
        (ReportKind.PROVIDER_PACK, "Review &pack"),
    ],
    "meeting": [(ReportKind.MEETING, "&Minutes")],
}
REDACT_TEXT = "&Redacted copy"
REDACT_NOTE = (
    "Children and family members by initials, professionals by role, ages instead of "
    "dates of birth, no addresses. The default is set in Preferences."
)
SECTION_TEXT = {
    PackSection.CHILDREN: "Children's summaries",
    PackSection.PROVIDERS: "Provider relationship summary",
    PackSection.MEETINGS: "Meeting minutes",
    PackSection.REFLECTIONS: "Reflections",
    PackSection.PRACTICE: "My practice: self-assessment and indicators",
}


def subject_of(store: Store, record_kind: str, record_id: int) -> str:
    """Whom or what the print is about, for the dialog's and the preview's titles."""
    if record_kind == "child":
        return get_child(store, record_id).preferred_name
    if record_kind == "provider":
        return get_provider(store, record_id).name
    return get_meeting(store, record_id).title


class PrintDialog(QDialog):
    """What to print about one record, and whether to redact it (asked every time)."""

    def __init__(
        self, store: Store, kind: ReportKind, subject: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Print — {subject}")
        self.store = store
        self.group = QButtonGroup(self)
        self.kind_buttons: dict[ReportKind, QRadioButton] = {}
        self.sections_box = QGroupBox("Sections of the pack", self)
        self.section_boxes: dict[PackSection, QCheckBox] = {}
        self.redact = QCheckBox(REDACT_TEXT, self)
        self.redact.setChecked(bool(preferences.get(store, preferences.REPORT_REDACT)))
        self._lay_out(kind)

    def _lay_out(self, chosen: ReportKind) -> None:
        layout = QVBoxLayout(self)
        what = QGroupBox("What to print", self)
        what_layout = QVBoxLayout(what)
        for kind, text in CHOICES[chosen.record_kind]:
            button = QRadioButton(text, what)
            button.setChecked(kind is chosen)
            button.toggled.connect(self._kind_changed)
            self.group.addButton(button)
            self.kind_buttons[kind] = button
            what_layout.addWidget(button)
        sections = QVBoxLayout(self.sections_box)
        for section in PackSection:
            box = QCheckBox(SECTION_TEXT[section], self.sections_box)
            box.setChecked(section in DEFAULT_SECTIONS)
            self.section_boxes[section] = box
            sections.addWidget(box)
        note = QLabel(REDACT_NOTE, self)
        note.setWordWrap(True)
        self.redact.setAccessibleDescription(REDACT_NOTE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.build_button = buttons.addButton(
            "&Build and preview", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.build_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for widget in (what, self.sections_box, self.redact, note, buttons):
            layout.addWidget(widget)
        self._kind_changed()
        self.kind_buttons[chosen].setFocus()

    def _kind_changed(self) -> None:
        self.sections_box.setVisible(self.kind().is_pack)
        self.adjustSize()

    def kind(self) -> ReportKind:
        return next(k for k, button in self.kind_buttons.items() if button.isChecked())

    def options(self) -> ReportOptions:
        sections = tuple(s for s, box in self.section_boxes.items() if box.isChecked())
        paper = preferences.get(self.store, preferences.REPORT_PAPER)
        return ReportOptions(
            redact=self.redact.isChecked(),
            paper=Paper(paper) if paper else Paper.A4,
            sections=sections if self.kind().is_pack else DEFAULT_SECTIONS,
        )


def print_record(
    store: Store, kind: ReportKind | str, record_id: int, parent: QWidget
) -> PrintDialog:
    """Ask what to print about the record, then build and preview it over ``parent``."""
    kind = ReportKind(kind)
    window = parent.window()
    subject = subject_of(store, kind.record_kind, record_id)
    dialog = PrintDialog(store, kind, subject, window)

    def build() -> None:
        build_and_preview(store, dialog.kind(), record_id, dialog.options(), subject, window)

    dialog.accepted.connect(build)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def build_and_preview(
    store: Store,
    kind: ReportKind,
    record_id: int,
    options: ReportOptions,
    subject: str,
    window: QWidget,
) -> PdfPreview | None:
    """Build the document with progress and cancel, then open its preview over ``window``."""
    out = preview_path()

    def job(progress: Progress, cancelled: Cancelled) -> ReportResult:
        return reports.build_report(
            store, kind, record_id, out, options,
            progress=progress, cancelled=cancelled, audit_export=False,
        )  # fmt: skip

    try:
        result = run_with_progress(window, f"Building the {kind.label.lower()}", job)
    except RelcomError as err:
        out.unlink(missing_ok=True)
        QMessageBox.warning(window, "Print", str(err))
        return None
    title = f"{kind.label} (redacted)" if result.redacted else f"{kind.label} · {subject}"
    preview = PdfPreview(store, result, title, window)
    preview.finished.connect(lambda _code: _discard(preview, result.path))
    preview.open()
    return preview


def _discard(preview: PdfPreview, path: str) -> None:
    """The preview's temporary file goes when it closes (saved copies stay)."""
    preview.document.close()
    with contextlib.suppress(OSError):
        Path(path).unlink(missing_ok=True)
    preview.deleteLater()
