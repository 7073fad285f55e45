"""The one way report builders put words on the page.

Every piece of text goes through :meth:`Writer.clean`, which escapes it for ReportLab and, in
redaction mode, replaces children's names with initials — so a builder cannot forget to
redact. The writer also numbers headings and remembers them for a pack's contents page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from relcom_desktop.core.children import age_on
from relcom_desktop.core.formatting import MISSING, short_date
from relcom_desktop.reports import styles as st
from relcom_desktop.reports.flowables import Heading
from relcom_desktop.reports.options import Paper
from relcom_desktop.reports.redaction import Redactor

Cell = str | Flowable | None
NOT_RECORDED = "Not recorded"
MAX_WORD_SHARE = 0.35  # a long word (an email address, say) may wrap beyond this share
CONTENTS_LEVELS = 2  # headings of level 0 and 1 are listed on a pack's contents page


@dataclass(frozen=True)
class ContentsLine:
    key: str
    level: int
    text: str


class Writer:
    """Paragraphs, headings, tables and key facts in the shared style, redacted if asked."""

    def __init__(self, *, paper: Paper, today: dt.date, redactor: Redactor | None) -> None:
        self.styles = st.styles()
        self.width = st.frame_width(paper)
        self.today = today
        self.redactor = redactor
        self.contents: list[ContentsLine] = []
        self._keys = count(1)

    @property
    def redacted(self) -> bool:
        return self.redactor is not None

    # ---- text ------------------------------------------------------------------------

    def plain(self, text: str | None) -> str:
        """``text`` as it may appear in the PDF (redacted when asked), not yet escaped."""
        text = (text or "").strip()
        return self.redactor.scrub(text) if self.redactor else text

    def clean(self, text: str | None) -> str:
        """``text`` escaped for a paragraph, redacted when asked, line breaks kept."""
        return escape(self.plain(text)).replace("\n", "<br/>")

    def para(self, text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(self.clean(text), style or self.styles.body)

    def markup(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph from markup whose values were already passed through :meth:`clean`."""
        return Paragraph(markup, style or self.styles.body)

    def missing(self, text: str) -> Paragraph:
        return Paragraph(escape(text), self.styles.muted)

    def text_or_missing(self, text: str | None, style: ParagraphStyle | None = None) -> Paragraph:
        return self.para(text, style) if (text or "").strip() else self.missing(NOT_RECORDED)

    def space(self, points: float = 6) -> Spacer:
        return Spacer(1, points)

    # ---- people ----------------------------------------------------------------------

    def child(self, preferred_name: str, full_name: str = "") -> str:
        """How a child is named: initials when redacted, else the preferred name."""
        if self.redactor:
            return self.redactor.child(preferred_name, full_name)
        return preferred_name

    def child_full(self, preferred_name: str, full_name: str = "") -> str:
        if self.redactor:
            return self.redactor.child(preferred_name, full_name)
        if full_name and full_name != preferred_name:
            return f"{preferred_name} ({full_name})"
        return preferred_name

    def person(self, name: str) -> str:
        """Someone in a child's family or community: initials when redacted."""
        return self.redactor.family(name) if self.redactor else name

    def professional(self, name: str, role: str) -> str:
        """A professional in a field labelled with their role: withheld when redacted."""
        if not name.strip():
            return NOT_RECORDED
        return self.redactor.professional(name, role) if self.redactor else name

    def author(self, name: str | None) -> str | None:
        """Who prepared the document ("Sam Demo (commissioner)"): by role when redacted
        and they are named elsewhere as a professional."""
        if not name or not self.redactor:
            return name
        bare = name.split("(")[0].strip()
        shown = self.plain(bare)
        return shown if shown != bare else name

    def introduce(
        self,
        children: Sequence[tuple[str, str]] = (),
        family: Sequence[str] = (),
        professionals: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Tell the redactor who a section is about before its free text is written."""
        if self.redactor:
            self.redactor.introduce(children, family, professionals)

    def date_of_birth(self, dob: dt.date | None) -> str:
        if dob is None:
            return NOT_RECORDED
        age = age_on(dob, self.today)
        return f"Age {age}" if self.redacted else f"{short_date(dob)} (age {age})"

    def address(self, *parts: str) -> str | None:
        """An address, or None when redacting (addresses are removed)."""
        if self.redacted:
            return None
        return ", ".join(p.strip() for p in parts if p and p.strip()) or NOT_RECORDED

    # ---- structure -------------------------------------------------------------------

    def heading(self, text: str, level: int, *, contents: bool = True) -> Heading:
        plain = self.plain(text)
        key = f"h{next(self._keys)}"
        if contents and level < CONTENTS_LEVELS:
            self.contents.append(ContentsLine(key, level, plain))
        return Heading(escape(plain), plain, level, key, st.heading_style(level))

    def fields(self, rows: Sequence[tuple[str, str | None]]) -> Table:
        """Key facts as "label  value" rows; rows whose value is None are left out."""
        data = [
            [Paragraph(escape(label), self.styles.cell_bold), self._cell(value)]
            for label, value in rows
            if value is not None
        ]
        widths = [self.width * 0.3, self.width * 0.7]
        table = Table(data, colWidths=widths, hAlign="LEFT", splitInRow=1)
        table.setStyle(TableStyle(st.fields_commands()))
        return table

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        empty: str = "None recorded.",
    ) -> Flowable:
        """A data table: ``widths`` are shares of the page width; the header row repeats
        on every page the table continues onto; rows never overflow the page."""
        if not rows:
            return self.missing(empty)
        data = [[Paragraph(escape(h), self.styles.header_cell) for h in headers]]
        data += [[self._cell(value) for value in row] for row in rows]
        table = Table(
            data,
            colWidths=self._column_widths(headers, rows, widths),
            repeatRows=1,
            hAlign="LEFT",
            splitByRow=1,
            splitInRow=1,  # a very long cell continues on the next page
        )
        table.setStyle(TableStyle(st.table_commands(len(data))))
        return table

    def _column_widths(
        self, headers: Sequence[str], rows: Sequence[Sequence[Cell]], shares: Sequence[float]
    ) -> list[float]:
        """Widths in proportion to ``shares``, but never so narrow that a word (in the
        header or a cell) has to break in the middle."""
        floors = [_word_width(h, st.FONT_BOLD) for h in headers]
        for row in rows:
            for i, value in enumerate(row):
                if isinstance(value, str):
                    floors[i] = max(floors[i], _word_width(value, st.FONT))
        floors = [min(f + 2 * st.TABLE_PADDING + 3, self.width * MAX_WORD_SHARE) for f in floors]
        return fit_widths(self.width, shares, floors)

    def _cell(self, value: Cell) -> Flowable:
        if isinstance(value, Flowable):
            return value
        if value is None or not str(value).strip() or value == MISSING:
            return Paragraph(MISSING, self.styles.cell)
        return Paragraph(self.clean(str(value)), self.styles.cell)


def _word_width(text: str, font: str) -> float:
    longest = max(text.split(), key=len, default="")
    return stringWidth(longest, font, st.BODY_SIZE)


def fit_widths(total: float, shares: Sequence[float], floors: Sequence[float]) -> list[float]:
    """Column widths adding up to ``total``, in proportion to ``shares`` where possible and
    at least ``floors`` (the room a column's longest word needs) where that fits."""
    if sum(floors) >= total:
        return [total * f / sum(floors) for f in floors]
    fixed: dict[int, float] = {}
    while True:
        free = total - sum(fixed.values())
        rest = [i for i in range(len(shares)) if i not in fixed]
        weight = sum(shares[i] for i in rest)
        widths = {i: free * shares[i] / weight for i in rest}
        short = {i: floors[i] for i, w in widths.items() if w < floors[i]}
        if not short:
            return [fixed.get(i, widths.get(i, 0.0)) for i in range(len(shares))]
        fixed.update(short)
