"""Printing a finished PDF through a QPrinter, page by page, off the GUI thread.

Each page is rendered by QtPdf at up to 300 dpi and drawn to fit the printer's page, so a
long pack prints in bounded memory.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImageReader, QImageWriter, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.ui.workers import Cancelled, Progress

MAX_DPI = 300
POINTS_PER_INCH = 72


def load_image_plugins() -> None:
    """Call on the GUI thread before printing starts: loads Qt's image-format plugins.

    The print engine looks them up the first time it draws a page image. Done on the worker,
    that first lookup takes a Qt lock while the worker holds Python's lock; if the GUI thread
    is meanwhile inside Qt holding that lock and waiting for Python's (as PySide does when a
    signal is disconnected), both wait for ever. It hung a test run once; loading the plugins
    here first leaves the worker nothing to set up.
    """
    QImageWriter.supportedImageFormats()
    QImageReader.supportedImageFormats()


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages the user chose in the print dialog (all of them by default)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return list(range(page_count))
    return list(range(first - 1, min(last, page_count)))


def print_pdf(path: str, printer: QPrinter, progress: Progress, cancelled: Cancelled) -> int:
    """Print the PDF at ``path``; returns how many pages were sent to the printer (0 when
    the user cancelled and the job was withdrawn)."""
    document = QPdfDocument()
    if document.load(path) != QPdfDocument.Error.None_:
        raise RelcomError("The PDF to print could not be read. Build it again and retry.")
    pages = pages_to_print(printer, document.pageCount())
    painter = QPainter()
    if not painter.begin(printer):
        raise RelcomError("The printer could not be started. Check it is connected and ready.")
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for index in pages:
            if cancelled():
                printer.abort()
                return 0
            if printed:
                printer.newPage()
            _draw_page(painter, document, index, dpi)
            printed += 1
            progress(printed, len(pages), f"Printing page {index + 1}")
    finally:
        painter.end()
        document.close()
    return printed


def _draw_page(painter: QPainter, document: QPdfDocument, index: int, dpi: int) -> None:
    points = document.pagePointSize(index)
    scale = dpi / POINTS_PER_INCH
    image = document.render(
        index, QSize(round(points.width() * scale), round(points.height() * scale))
    )
    area = QRectF(painter.viewport())
    fit = min(area.width() / points.width(), area.height() / points.height())
    width, height = points.width() * fit, points.height() * fit
    target = QRectF(
        area.x() + (area.width() - width) / 2,
        area.y() + (area.height() - height) / 2,
        width,
        height,
    )
    painter.drawImage(target, image)
