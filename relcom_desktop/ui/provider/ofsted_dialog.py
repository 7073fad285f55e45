"""File → Import → Ofsted provider list (CSV)…: read the file in the background, let the
commissioner choose what to take (update only the settings on the register, or add all; one
local authority or provision type), show exactly what would be saved row by row, and import
all of it (or nothing) when they say so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core.formatting import plural
from relcom_desktop.core.interop.ofsted_csv import OfstedFile, read_ofsted_csv
from relcom_desktop.core.interop.ofsted_import import (
    ImportPreview,
    ImportResult,
    LineStatus,
    PreviewLine,
    commit_import,
    preview_import,
)
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.background_dialog import BackgroundDialog, JobStatus
from relcom_desktop.ui.bus import bus
from relcom_desktop.ui.lazy_model import ALIGN_RIGHT, Column, LazyTableModel
from relcom_desktop.ui.pages.list_page import style_table
from relcom_desktop.ui.provider.ofsted_options import OfstedOptions
from relcom_desktop.ui.widgets import PAGE_SPACING, quiet_label

FILE_FILTER = "CSV files (*.csv *.txt);;All files (*)"
COLUMNS = (
    Column("Line", lambda r: str(r.line), align=ALIGN_RIGHT),
    Column(
        "What happens", lambda r: ("⚠ " if r.status is LineStatus.REJECTED else "") + r.status.label
    ),
    Column("URN", lambda r: r.urn or "—"),
    Column("Setting", lambda r: r.setting_name or "—"),
    Column("Provider", lambda r: r.provider_name or "—"),
    Column("Details", lambda r: r.detail, tooltip=lambda r: r.detail),
)
WIDTHS = (56, 110, 100, 220, 220)
ENCODINGS = {"utf-8-sig": "UTF-8", "cp1252": "Windows", "utf-16": "UTF-16", "latin-1": "Latin-1"}
CHANGES = "changes"  # the "Show rows" choice of new and changed rows


def choose_and_import(store: Store, parent: QWidget) -> OfstedImportDialog | None:
    """Ask for the file, then open the import dialog on it."""
    path, _kind = QFileDialog.getOpenFileName(
        parent, "Import Ofsted provider list", str(Path.home()), FILE_FILTER
    )
    if not path:
        return None
    dialog = OfstedImportDialog(store, Path(path), parent)
    dialog.open()
    return dialog


class OfstedImportDialog(BackgroundDialog):
    def __init__(self, store: Store, path: Path, parent: QWidget | None = None) -> None:
        super().__init__("Import Ofsted provider list", parent)
        self.store = store
        self.path = path
        self.file: OfstedFile | None = None
        self.preview: ImportPreview | None = None
        self.outcome: ImportResult | None = None
        self._lines: list[PreviewLine] = []
        self.resize(1000, 620)
        self._build()
        self._read()

    def _build(self) -> None:
        self.file_label = QLabel(f"<b>{self.path.name}</b>", self)
        self.work = JobStatus(self, unit="lines")
        self.choices = OfstedOptions(self)
        self.choices.changed.connect(self._replan)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.notes = quiet_label("", self)
        self.notes.setWordWrap(True)
        self.show_only = QComboBox(self)
        self.show_only.setAccessibleName("Show rows")
        self.show_only.addItem("New and changed", CHANGES)
        self.show_only.addItem("All rows", None)
        for status in LineStatus:
            self.show_only.addItem(f"{status.label} only", status)
        self.table = QTableView(self)
        self.table.setAccessibleName("What the import does, row by row")
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
        self.skip.toggled.connect(lambda _on: self.update_buttons())
        self._lay_out()

    def _lay_out(self) -> None:
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.summary, 1)
        filter_row.addWidget(self.show_only)
        layout = QVBoxLayout(self)
        layout.setSpacing(PAGE_SPACING - 4)
        for widget in (self.file_label, self.choices, self.work.progress, self.work.status):
            layout.addWidget(widget)
        layout.addLayout(filter_row)
        layout.addWidget(self.notes)
        layout.addWidget(self.work.error)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.skip, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        for widget in (self.skip, self.show_only, self.table, self.choices):
            widget.hide()

    # ---- reading -----------------------------------------------------------------------------

    def _read(self) -> None:
        store, path, options = self.store, self.path, self.choices.options()

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            file = read_ofsted_csv(path, progress, cancelled)
            return file, preview_import(store, file, options)

        self.run(work, self._read_done, "Reading the file…")

    def _read_done(self, result: tuple[OfstedFile, ImportPreview]) -> None:
        self.file, preview = result
        self.choices.fill(self.file)
        self.choices.show()
        self._previewed(preview)

    def _replan(self) -> None:
        """The commissioner changed a choice: work out again what would be saved."""
        file, store, options = self.file, self.store, self.choices.options()
        if file is None or self.outcome is not None:
            return
        self.preview = None
        self.update_buttons()
        self.run(
            lambda _p, _c: preview_import(store, file, options),
            self._previewed,
            "Working out what would change…",
        )

    def _previewed(self, preview: ImportPreview) -> None:
        if preview.options != self.choices.options():
            return  # the choices changed while it was worked out; a newer one follows
        self.preview = preview
        encoding = ENCODINGS.get(preview.file.encoding, preview.file.encoding)
        self.work.finished(f"Read as {encoding} text. Nothing has been changed yet.")
        self.summary.setText(summary_text(preview))
        self.notes.setText(" ".join(preview.file.notes + _ignored(preview)))
        rejected = preview.count(LineStatus.REJECTED)
        self.skip.setVisible(bool(rejected))
        if rejected:
            self.skip.setText(f"Skip the {plural(rejected, 'rejected row')} and import the rest")
            self.show_only.setCurrentIndex(self.show_only.findData(LineStatus.REJECTED))
        elif self.show_only.currentData() == LineStatus.REJECTED:
            self.show_only.setCurrentIndex(self.show_only.findData(CHANGES))
        self.show_only.show()
        self.table.show()
        self._show_rows()
        self.update_buttons()

    def _show_rows(self) -> None:
        wanted = self.show_only.currentData()
        lines = self.preview.lines if self.preview else []
        if wanted == CHANGES:
            lines = [ln for ln in lines if ln.status in (LineStatus.NEW, LineStatus.CHANGED)]
        elif wanted is not None:
            lines = [ln for ln in lines if ln.status is LineStatus(wanted)]
        self._lines = lines
        self.model.reset()

    def update_buttons(self) -> None:
        p = self.preview
        ready = (
            p is not None
            and self.outcome is None
            and p.changes > 0
            and (not p.count(LineStatus.REJECTED) or self.skip.isChecked())
            and not self.running
        )
        self.import_button.setEnabled(ready)
        if p is not None and self.outcome is None:
            self.import_button.setText(f"Import {plural(p.changes, 'change')}")
        self.choices.setEnabled(self.outcome is None)

    # ---- committing ----------------------------------------------------------------------------

    def commit(self) -> None:
        preview, store, skip = self.preview, self.store, self.skip.isChecked()
        if preview is None:
            return

        def work(progress, cancelled):  # type: ignore[no-untyped-def]
            return commit_import(
                store, preview, skip_rejected=skip, progress=progress, cancelled=cancelled
            )

        self.run(work, self._committed, "Importing…")

    def _committed(self, result: ImportResult) -> None:
        self.outcome = result
        self.work.finished(result_text(result))
        self.imported()
        self.choices.setEnabled(False)
        for kind in ("provider", "setting"):
            bus().changed.emit(kind)


def summary_text(p: ImportPreview) -> str:
    parts = [f"{p.count(s):,} {s.label.lower()}" for s in LineStatus]
    text = f"<b>{plural(len(p.lines), 'row')}</b>: " + " · ".join(parts)
    if p.new_providers:
        text += f" · {plural(len(p.new_providers), 'new provider')}"
    return text


def _ignored(p: ImportPreview) -> list[str]:
    ignored = p.file.ignored_columns
    return [f"Columns not used: {', '.join(ignored)}."] if ignored else []


def result_text(r: ImportResult) -> str:
    text = f"Imported: {plural(r.created, 'new setting')}, {r.updated:,} updated"
    if r.left_out:
        text += f", {r.left_out:,} left out"
    if r.providers_created:
        text += f", {plural(r.providers_created, 'new provider')}"
    if r.skipped:
        text += f"; {plural(r.skipped, 'rejected row')} skipped"
    return text + "."
