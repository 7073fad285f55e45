"""Flowables of our own: headings that bookmark themselves, and clickable contents lines."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from relcom_desktop.reports import styles as st
from relcom_desktop.reports.document import is_report_canvas

NUMBER_ROOM = 40  # points kept free on the right of a contents line for its page number
ORPHAN_GUARD = 32 * mm  # a heading needs this much room below it, or it starts a new page


def contents_name(key: str) -> str:
    return f"contents-{key}"


class Heading(Paragraph):
    """A heading that becomes a PDF bookmark and outline entry, and tells the contents
    its page number. It never splits; :func:`keep_headings_with_text` keeps it off the
    foot of a page."""

    def __init__(self, markup: str, plain: str, level: int, key: str, style: ParagraphStyle):
        super().__init__(markup, style)
        self.plain = plain
        self.level = level
        self.key = key

    def split(self, avail_width: float, avail_height: float) -> list:
        return []

    def draw(self) -> None:
        canvas = self.canv
        canvas.bookmarkHorizontal(self.key, 0, self.height + self.style.fontSize)
        canvas.addOutlineEntry(self.plain, self.key, level=self.level, closed=self.level > 0)
        if is_report_canvas(canvas):
            canvas.set_late_text(contents_name(self.key), str(canvas.getPageNumber()))
        super().draw()


class ContentsEntry(Flowable):
    """One line of the table of contents: the heading's text, its page number on the right,
    and a link to the heading over the whole line."""

    def __init__(self, markup: str, key: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.key = key
        self.style = style
        self.para = Paragraph(markup, style)
        self.spaceBefore = style.spaceBefore

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _w, self.height = self.para.wrap(avail_width - NUMBER_ROOM, avail_height)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list:
        return []

    def draw(self) -> None:
        canvas = self.canv
        self.para.drawOn(canvas, 0, 0)
        lines = len(getattr(self.para.blPara, "lines", [])) or 1
        baseline = self.height - self.style.fontSize - (lines - 1) * self.style.leading
        if is_report_canvas(canvas):
            canvas.draw_late_text(
                contents_name(self.key),
                self.width,
                baseline,
                font=self.style.fontName,
                size=self.style.fontSize,
                color=st.INK,
            )
        canvas.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def keep_headings_with_text(story: list[Flowable]) -> list[Flowable]:
    """The story with a conditional page break before each heading, so that no heading is
    left at the foot of a page (cheaper and less gappy than keeping it with a whole table)."""
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, Heading):
            out.append(CondPageBreak(ORPHAN_GUARD))
        out.append(flowable)
    return out
