"""File → Export → a list as Excel or CSV (whole, or as its page's filters show it), and the
caseload as an SSDA903-shaped Header and Episodes pair.

Files are written off the GUI thread through a temporary file; the status bar says what was
saved, and a problem (a folder that cannot be written) is shown as a message.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import clock
from relcom_desktop.core.interop import csv_export
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.background import run_in_background
from relcom_desktop.ui.exports import ask_save_path
from relcom_desktop.ui.widgets import quiet_label
from relcom_desktop.ui.workers import Job, Worker

# Which section's page filters each list, and what that page is called.
LIST_SECTIONS = {
    "children": "children", "family-links": "children", "placements": "children",
    "check-ins": "children", "providers": "providers", "settings": "providers",
    "contacts": "providers", "journal": "journal", "actions": "actions", "meetings": "meetings",
}  # fmt: skip
FORMATS = (("Excel workbook (.xlsx)", "xlsx"), ("CSV, for any spreadsheet (.csv)", "csv"))
FILTERS = {"xlsx": "Excel workbooks (*.xlsx)", "csv": "CSV files (*.csv)"}
SHOW_AFTER_MS = 400  # a quick export shows no progress dialog at all
MESSAGE_MS = 8000
_running: set[Worker] = set()


def page_filter(page: QWidget | None, kind: type | None) -> Any:
    """The current filter of the list on ``page`` (a page or a section holding one)."""
    if page is None or kind is None:
        return None
    for widget in [page, *page.findChildren(QWidget)]:
        current = getattr(widget, "current_filter", None)
        if callable(current):
            value = current()
            if isinstance(value, kind):
                return value
    return None


class ListExportDialog(QDialog):
    """Choose the list, the format and whether to narrow it to what its page shows."""

    def __init__(
        self,
        store: Store,
        pages: Mapping[str, QWidget],
        section: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.pages = pages
        self.setWindowTitle("Export a list")
        self.which = QComboBox(self)
        for item in csv_export.LISTS:
            self.which.addItem(item.title, item.key)
        start = next((k for k, s in LIST_SECTIONS.items() if s == section), "children")
        self.which.setCurrentIndex(self.which.findData(start))
        self.format = QComboBox(self)
        for label, suffix in FORMATS:
            self.format.addItem(label, suffix)
        self.narrow = QCheckBox(self)
        self.note = quiet_label(
            "Exported files are not encrypted: keep them safe and delete them when done.", self
        )
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton("&Save as…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&List", self.which)
        form.addRow("&Format", self.format)
        form.addRow("", self.narrow)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.which.currentIndexChanged.connect(lambda _i: self._offer_narrowing())
        self._offer_narrowing()

    def key(self) -> str:
        return str(self.which.currentData())

    def current_filter(self) -> Any:
        key = self.key()
        page = self.pages.get(LIST_SECTIONS.get(key, ""))
        return page_filter(page, csv_export.filter_type(key))

    def _offer_narrowing(self) -> None:
        section = LIST_SECTIONS.get(self.key())
        available = self.current_filter() is not None
        page = section.capitalize() if section else "its"
        self.narrow.setText(f"Only what the {page} page shows now (its search and filters)")
        if not available:
            self.narrow.setToolTip("Open that page and choose its filters first")
        self.narrow.setEnabled(available)
        self.narrow.setChecked(available)

    def chosen(self) -> tuple[str, str, Any]:
        """(list key, file suffix, the filter to apply or None)."""
        filt = self.current_filter() if self.narrow.isChecked() else None
        return self.key(), str(self.format.currentData()), filt


def export_list(store: Store, parent: QWidget, pages: Mapping[str, QWidget], section: str) -> None:
    dialog = ListExportDialog(store, pages, section, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    key, suffix, filt = dialog.chosen()
    title = csv_export.find_list(key).title.lower().replace(" ", "-")
    name = f"{title}-{clock.today().isoformat()}.{suffix}"
    path = ask_save_path(parent, "Export a list", name, FILTERS[suffix])
    if path is None:
        return

    def job(progress, cancelled):  # type: ignore[no-untyped-def]
        return csv_export.export_csv(
            store, key, path, filt=filt, excel=suffix == "xlsx",
            progress=progress, cancelled=cancelled,
        )  # fmt: skip

    _with_progress(parent, f"Saving {path.name}…", job, f"Saved {{rows:,}} rows to {path}")


def _with_progress(parent: QWidget, title: str, job: Job, saved: str) -> Worker:
    """Run ``job`` off the GUI thread behind a progress dialog with Cancel; then say what
    was saved in the status bar, or show the problem."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    worker = Worker(job)
    _running.add(worker)  # kept alive until its job has finished

    def progressed(done: int, total: int, label: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(min(done, total))
        dialog.setLabelText(f"{label}: {done:,} of {total:,}")

    def finished(summary: Any) -> None:
        status = getattr(parent.window(), "statusBar", None)
        if callable(status):
            status().showMessage(saved.format(rows=summary.rows), MESSAGE_MS)

    worker.signals.progress.connect(progressed)
    worker.signals.finished.connect(finished)
    worker.signals.failed.connect(lambda message: QMessageBox.warning(parent, "Not saved", message))
    worker.signals.done.connect(dialog.close)
    worker.signals.done.connect(lambda: _running.discard(worker))
    dialog.canceled.connect(worker.cancel)
    worker.start()
    return worker


def export_ssda903(store: Store, parent: QWidget) -> None:
    """The caseload as header.csv and episodes.csv, into a folder the user chooses."""
    from relcom_desktop.core.interop.ssda903_export import export_ssda903 as write_return

    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = QFileDialog.getExistingDirectory(
        parent, "Choose a folder for the 903 Header and Episodes files", start
    )
    if not folder:
        return

    def done(written: Any) -> None:
        text = f"Wrote {written.episodes:,} episodes to {written.episodes_path.parent}."
        if written.left_out:
            text += (
                f" {written.left_out:,} children have no LA reference (the 903 CHILD id), so "
                "they were left out."
            )
        QMessageBox.information(parent, "SSDA903 return exported", text)

    def failed(message: str) -> None:
        QMessageBox.warning(parent, "Could not export", message)

    run_in_background(parent, lambda: write_return(store, Path(folder)), done, failed)
