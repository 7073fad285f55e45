"""The page every RelCom PDF is printed on, laid out in a single pass.

- :class:`ReportCanvas` draws "late text": text whose value is known only when the document
  is finished ("Page 3 of 212", the page numbers in a contents list). Each is a PDF form
  drawn where it belongs and defined when the canvas is saved, so no second layout pass
  and no buffering of finished pages are needed.
- :class:`ReportDocument` puts the protective marking, the title, "Page X of Y", the
  generation date and the app version on every page, reports progress and honours cancel.
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFPage, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, LayoutError, PageTemplate

from relcom_desktop import APP_NAME, __version__
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.formatting import short_date
from relcom_desktop.reports import styles as st
from relcom_desktop.reports.options import (
    MARKING,
    BuildCancelled,
    Cancelled,
    Paper,
    Progress,
    never_cancelled,
    no_progress,
)

LATE_TEXT_REACH = 400  # how far (pt) right-aligned late text may extend left of its anchor
PAGE_NUMBER = "page-number-{}"
PROGRESS_STEPS = 100
TOO_LARGE = (
    "The report could not be laid out: one part of the record is too large to fit on a page. "
    "Nothing was written."
)


class ReportCanvas(Canvas):
    """A canvas that can place text now and decide what it says when the document ends."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._late_style: dict[str, tuple[str, float, Color]] = {}
        self._late_text: dict[str, str] = {}

    def draw_late_text(
        self, name: str, x: float, y: float, *, font: str, size: float, color: Color
    ) -> None:
        """Draw the late text ``name`` right-aligned at (x, y); its value comes later."""
        self._late_style[name] = (font, size, color)
        self.saveState()
        self.translate(x, y)
        self.doForm(name)
        self.restoreState()

    def showPage(self) -> None:
        super().showPage()
        if self._pageCompression:
            _compress_now(self._doc.Pages.pages[-1])

    def set_late_text(self, name: str, text: str) -> None:
        self._late_text[name] = text

    def save(self) -> None:
        if self._code:
            self.showPage()
        pages = self.getPageNumber() - 1
        for number in range(1, pages + 1):
            self._late_text[PAGE_NUMBER.format(number)] = f"Page {number} of {pages}"
        # A few bytes each: stored as they are, not compressed in a burst (see _compress_now).
        self._pageCompression = 0
        for name, (font, size, color) in self._late_style.items():
            self.beginForm(name, lowerx=-LATE_TEXT_REACH, lowery=-size, upperx=2, uppery=size * 2)
            self.setFont(font, size)
            self.setFillColor(color)
            self.drawRightString(0, 0, self._late_text.get(name, ""))
            self.endForm()
        super().save()


def _compress_now(page: PDFPage) -> None:
    """Give a finished page its compressed content stream now rather than when saving.

    Saving otherwise compresses every page in a burst of short calls that each let go of
    Python's lock; a thread waiting for the lock (the GUI) is woken by each and can be kept
    waiting for the whole burst (40-60 ms on a 280-page pack). Spread over the layout, the
    same work leaves the GUI free. ReportLab writes a stream whose filter is set as is.
    """
    if not page.stream:
        return
    stream = PDFStream(content=PDFZCompress.encode(page.stream))
    stream.dictionary["Filter"] = PDFArray([PDFName(PDFZCompress.pdfname)])
    stream.__Comment__ = "page stream"
    page.Contents = stream
    page.stream = None


def is_report_canvas(canvas: Any) -> bool:
    return isinstance(canvas, ReportCanvas)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit ``width``."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class ReportDocument(BaseDocTemplate):
    """A4 or Letter pages with the shared header and footer, progress and cancel."""

    def __init__(
        self,
        file: str | IO[bytes],
        *,
        title: str,
        subject: str,
        paper: Paper,
        redacted: bool,
        generated: dt.date,
        progress: Progress = no_progress,
        cancelled: Cancelled = never_cancelled,
    ) -> None:
        st.register_fonts()
        width, height = st.page_size(paper)
        super().__init__(
            file,
            pagesize=(width, height),
            leftMargin=st.MARGIN_X,
            rightMargin=st.MARGIN_X,
            topMargin=st.MARGIN_TOP,
            bottomMargin=st.MARGIN_BOTTOM,
            title=title,
            subject=subject,
            author=APP_NAME,
            creator=f"{APP_NAME} {__version__}",
            lang="en-GB",
            initialFontName=st.FONT,
            displayDocTitle=True,
        )
        self.report_title = title
        self.redacted = redacted
        self.generated = generated
        self._progress = progress
        self._cancelled = cancelled
        self._story: list = []
        self._total = 0
        self._done = 0
        self._reported = -1
        frame = Frame(
            st.MARGIN_X,
            st.MARGIN_BOTTOM,
            width - 2 * st.MARGIN_X,
            height - st.MARGIN_TOP - st.MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    def render(self, story: list) -> int:
        """Lay out and write the story; returns the number of pages."""
        self._story = story
        self._total = max(1, len(story))
        try:
            self.build(story, canvasmaker=ReportCanvas)
        except LayoutError as exc:
            raise RelcomError(TOO_LARGE) from exc
        return self.page

    def handle_flowable(self, flowables: list) -> None:
        if flowables is self._story:  # not the page-start flowables ReportLab handles itself
            if self._cancelled():
                raise BuildCancelled
            # A split flowable puts its rest back on the story: never report going backwards.
            done = max(self._done, self._total - len(flowables))
            self._done = done
            step = done * PROGRESS_STEPS // self._total
            if step != self._reported:
                self._reported = step
                self._progress(done, self._total, "Laying out pages")
        super().handle_flowable(flowables)

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The header and footer of every page."""
        width, height = self.pagesize
        left, right = st.MARGIN_X, width - st.MARGIN_X
        canvas.saveState()
        canvas.setFont(st.FONT_BOLD, 9)
        canvas.setFillColor(st.MARKING_RED)
        canvas.drawCentredString(width / 2, height - 9 * mm, MARKING)
        canvas.drawCentredString(width / 2, 5.5 * mm, MARKING)
        canvas.setFont(st.FONT, st.SMALL_SIZE)
        canvas.setFillColor(st.MUTED)
        top = height - st.HEADER_Y - 2.5 * mm
        note = "Redacted copy" if self.redacted else ""
        room = right - left - (canvas.stringWidth(note, st.FONT, st.SMALL_SIZE) + 12)
        canvas.drawString(left, top, _fit(canvas, self.report_title, st.FONT, st.SMALL_SIZE, room))
        if note:
            canvas.setFont(st.FONT_BOLD, st.SMALL_SIZE)
            canvas.drawRightString(right, top, note)
            canvas.setFont(st.FONT, st.SMALL_SIZE)
        canvas.setStrokeColor(st.RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
        bottom = st.FOOTER_Y + 1.5 * mm
        canvas.line(left, bottom + 4 * mm, right, bottom + 4 * mm)
        stamp = f"Generated {short_date(self.generated)} · {APP_NAME} {__version__}"
        canvas.drawString(left, bottom, stamp)
        if is_report_canvas(canvas):
            canvas.draw_late_text(
                PAGE_NUMBER.format(canvas.getPageNumber()),
                right,
                bottom,
                font=st.FONT,
                size=st.SMALL_SIZE,
                color=st.MUTED,
            )
        canvas.restoreState()
