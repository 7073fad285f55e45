"""What an import would do, shown before anything is changed: the shared preview panel.

Used by File → Import for the SSDA903 return and for spreadsheets. It shows the progress of
the background work, then a summary ("Children: 3 new, 1 updated · Placements: 5 new · 2
rows rejected"), notes about the file, and every record and rejected row with the file's
row number and the reason, filterable by what happens to it. While rows are rejected the
commissioner must tick "Skip …" to import the rest.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import plural
from relcom_desktop.core.interop.import_run import (
    ImportPreview,
    PreviewLine,
    RowStatus,
    summary_counts,
)
from relcom_desktop.ui.background_dialog import JobStatus
from relcom_desktop.ui.lazy_model import Column, LazyTableModel
from relcom_desktop.ui.pages.list_page import style_table
from relcom_desktop.ui.widgets import PAGE_SPACING, chosen, quiet_label

KINDS = {"child": "Child", "placement": "Placement", "setting": "Setting",
         "provider": "Provider", "row": "—"}  # fmt: skip
COLUMNS = (
    Column("Row", lambda ln: ln.where),
    Column(
        "What happens",
        lambda ln: ("⚠ " if ln.status is RowStatus.REJECTED else "") + ln.status.label,
    ),
    Column("Kind", lambda ln: KINDS.get(ln.kind, "")),
    Column("Record", lambda ln: ln.record, tooltip=lambda ln: ln.record),
    Column("Details", lambda ln: ln.detail or "—", tooltip=lambda ln: ln.detail),
)
WIDTHS = (128, 110, 84, 250)


class ImportPreviewPanel(QWidget):
    """Progress while working, then the preview; :meth:`show_result` after the import."""

    skip_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self._lines: list[PreviewLine] = []
        self.work = JobStatus(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.notes = quiet_label("", self)
        self.notes.setWordWrap(True)
        self.show_only = QComboBox(self)
        self.show_only.setAccessibleName("Show rows")
        self.show_only.addItem("Every row", None)
        for status in RowStatus:
            self.show_only.addItem(f"{status.label} only", status)
        self.table = QTableView(self)
        self.table.setAccessibleName("What the import would do")
        self.model = LazyTableModel(
            COLUMNS, lambda o, n: self._lines[o : o + n], lambda: len(self._lines), parent=self
        )
        self.table.setModel(self.model)
        style_table(self.table)
        for i, width in enumerate(WIDTHS):
            self.table.horizontalHeader().resizeSection(i, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.skip = QCheckBox(self)
        self.show_only.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.skip.toggled.connect(self.skip_toggled)
        self._lay_out()

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(PAGE_SPACING - 4)
        layout.addWidget(self.work.progress)
        layout.addWidget(self.work.status)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.show_only)
        layout.addLayout(row)
        for widget in (self.notes, self.work.error):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip)
        for widget in (self.skip, self.show_only, self.table, self.notes):
            widget.hide()

    # ---- the preview -----------------------------------------------------------------------

    def show_preview(self, preview: ImportPreview, held_back_note: str = "") -> None:
        self.preview = preview
        self.work.finished("Nothing has been changed yet.")
        self.summary.setText(summary_text(preview))
        notes = list(preview.notes)
        if preview.rejected and held_back_note:
            notes.append(held_back_note)
        self.notes.setText(" ".join(notes))
        self.notes.setVisible(bool(notes))
        if preview.rejected:
            self.skip.setText(
                f"Skip the {plural(preview.rejected, 'rejected row')} and import the rest"
            )
            self.show_only.setCurrentIndex(self.show_only.findData(RowStatus.REJECTED))
        self.skip.setVisible(bool(preview.rejected))
        self.show_only.show()
        self.table.show()
        self._show_rows()

    def ready(self) -> bool:
        """True when there is something to import and no rejected row stands in the way."""
        p = self.preview
        return p is not None and p.changes > 0 and (not p.rejected or self.skip.isChecked())

    def skip_rejected(self) -> bool:
        return self.skip.isVisible() and self.skip.isChecked()

    def show_result(self, result: ImportPreview) -> None:
        self.skip.setEnabled(False)
        self.work.finished("Imported. " + summary_text(result, bold=False))

    def _show_rows(self) -> None:
        status = chosen(self.show_only, RowStatus)
        lines = self.preview.lines if self.preview else ()
        self._lines = [ln for ln in lines if status is None or ln.status is status]
        self.model.reset()


def summary_text(preview: ImportPreview, *, bold: bool = True) -> str:
    """ "Children: 3 new, 1 updated · Placements: 5 new · 2 rows rejected"."""
    parts = []
    for kind, counts in summary_counts(preview):
        words = ", ".join(f"{n:,} {what}" for what, n in counts)
        if kind == "rows":
            parts.append(plural(preview.rejected, "row") + " rejected")
            continue
        name = kind.capitalize()
        parts.append(f"<b>{name}</b>: {words}" if bold else f"{name}: {words}")
    return " · ".join(parts) or "The file holds nothing to import."
