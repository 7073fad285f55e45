"""The preview of a built report: read it, then Save as… or Print…, both audited."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPointF, QSettings, QSize, QStandardPaths, Qt
from PySide6.QtPdf import QPdfBookmarkModel, QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from relcom_desktop.core import clock
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import plural
from relcom_desktop.core.store.db import Store
from relcom_desktop.reports import ReportResult, copy_file, record_export, record_print
from relcom_desktop.ui.printing import load_image_plugins, print_pdf
from relcom_desktop.ui.workers import Worker

FOLDER_KEY = "reports/last_folder"
ZOOM_STEP = 1.25
PREFERRED_SIZE = QSize(1100, 860)
NOTE = "Marked OFFICIAL-SENSITIVE. Saving and printing are recorded in the audit trail."


def suggested_name(result: ReportResult, today: dt.date) -> str:
    """A file name with no personal details in it: kind, record number and date."""
    kind = result.kind.label.lower().replace(" ", "-")
    redacted = "-redacted" if result.redacted else ""
    return f"{kind}-{result.record_id}{redacted}-{today.isoformat()}.pdf"


class PdfPreview(QDialog):
    """Pages of the built PDF with its bookmarks, and Save as… / Print… / Close."""

    def __init__(
        self,
        store: Store,
        result: ReportResult,
        title: str,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.result = result
        self.saved_to: Path | None = None
        self.printed_pages = 0
        self._settings = settings if settings is not None else QSettings()
        self.print_job: Worker | None = None
        self.setWindowTitle(f"Preview — {title}")
        self.document = QPdfDocument(self)
        self.document.load(result.path)
        self.view = QPdfView(self)
        self.view.setAccessibleName(f"Preview of {title}")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.bookmarks = QTreeView(self)
        self.bookmark_model = QPdfBookmarkModel(self)
        self.bookmark_model.setDocument(self.document)
        self.bookmarks.setModel(self.bookmark_model)
        self.bookmarks.setHeaderHidden(True)
        self.bookmarks.setAccessibleName("Bookmarks")
        self.bookmarks.activated.connect(self._jump)
        self.bookmarks.clicked.connect(self._jump)
        self.page_label = QLabel(self)
        self.save_button = QPushButton("&Save as…", self)
        self.print_button = QPushButton("&Print…", self)
        self.close_button = QPushButton("Close", self)
        self._lay_out()
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self._show_page(0)
        self._fit_to(parent)

    def _fit_to(self, parent: QWidget | None) -> None:
        """Most of the main window, but not more than a comfortable reading size."""
        if parent is None:
            self.resize(PREFERRED_SIZE)
            return
        room = parent.size()
        self.resize(
            min(PREFERRED_SIZE.width(), round(room.width() * 0.92)),
            min(PREFERRED_SIZE.height(), round(room.height() * 0.95)),
        )

    def _lay_out(self) -> None:
        fit_width = QPushButton("Fit &width", self)
        fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        whole = QPushButton("&Whole page", self)
        whole.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        zoom_in = QPushButton("Zoom in", self)
        zoom_in.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        zoom_out = QPushButton("Zoom out", self)
        zoom_out.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        self.save_button.clicked.connect(self.save_as)
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.accept)
        self.save_button.setDefault(True)
        top = QHBoxLayout()
        for button in (fit_width, whole, zoom_out, zoom_in):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.page_label)
        splitter = QSplitter(self)
        splitter.addWidget(self.bookmarks)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 860])
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(NOTE, self))
        bottom.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # ---- reading -----------------------------------------------------------------------

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(6.0, self.view.zoomFactor() * factor)))

    def _jump(self, index: QModelIndex) -> None:
        page = index.data(int(QPdfBookmarkModel.Role.Page))
        location = index.data(int(QPdfBookmarkModel.Role.Location)) or QPointF()
        if page is not None:
            self.view.pageNavigator().jump(int(page), location, 0)

    def _show_page(self, page: int) -> None:
        self.page_label.setText(f"Page {page + 1} of {self.document.pageCount()}")

    # ---- saving and printing -------------------------------------------------------------

    def save_as(self) -> Path | None:
        """Ask where to save a copy; the copy is written safely and audited."""
        folder = self._settings.value(FOLDER_KEY) or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        suggested = str(Path(folder) / suggested_name(self.result, clock.today()))
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the PDF as", suggested, "PDF documents (*.pdf)"
        )
        if not chosen:
            return None
        target = Path(chosen if chosen.lower().endswith(".pdf") else f"{chosen}.pdf")
        try:
            copy_file(self.result.path, target)
            record_export(self.store, self.result)
        except RelcomError as err:
            QMessageBox.warning(self, "Could not save", str(err))
            return None
        self._settings.setValue(FOLDER_KEY, str(target.parent))
        self.saved_to = target
        self.page_label.setText(f"Saved to {target}")
        return target

    def print_document(self) -> None:
        """Show the print dialog, then print off the GUI thread with progress and cancel."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.document.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        load_image_plugins()  # here, not on the worker: see its note
        self.print_job = Worker(
            lambda progress, cancelled: print_pdf(self.result.path, printer, progress, cancelled)
        )
        self._printer = printer  # kept alive while the job runs
        self._busy = QProgressDialog("Printing…", "Cancel", 0, 100, self)
        self._busy.setWindowModality(Qt.WindowModality.WindowModal)
        self._busy.canceled.connect(self.print_job.cancel)
        signals = self.print_job.signals
        signals.progress.connect(self._print_progress)
        signals.finished.connect(self._printed)
        signals.failed.connect(
            lambda message: QMessageBox.warning(self, "Could not print", message)
        )
        signals.done.connect(self._print_done)
        self.print_button.setEnabled(False)
        self.print_job.start()

    def _print_progress(self, done: int, total: int, label: str) -> None:
        self._busy.setMaximum(total)
        self._busy.setValue(done)
        self._busy.setLabelText(label)

    def _print_done(self) -> None:
        self._busy.close()
        self.print_button.setEnabled(True)

    def _printed(self, pages: int) -> None:
        if not pages:
            return
        record_print(self.store, self.result)
        self.printed_pages = pages
        self.page_label.setText(f"Sent {plural(pages, 'page')} to the printer")
