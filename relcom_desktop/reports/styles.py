"""The one look every RelCom PDF shares: type, colours, headings, tables, page geometry.

Body text is 10 pt DejaVu Sans (bundled, so every name prints correctly whatever its
alphabet); headings step up in size and weight; tables have a shaded header row that is
repeated whenever a table continues on the next page.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from relcom_desktop.reports.options import Paper

FONT_DIR = Path(__file__).with_name("fonts")
FONT = "RelcomSans"
FONT_BOLD = "RelcomSans-Bold"
FONT_ITALIC = "RelcomSans-Oblique"

BODY_SIZE = 10
SMALL_SIZE = 8.5

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#5f6b7a")
ACCENT = colors.HexColor("#1d4e89")
RULE = colors.HexColor("#c5ccd6")
SHADE = colors.HexColor("#e8eef5")
STRIPE = colors.HexColor("#f6f8fb")
MARKING_RED = colors.HexColor("#9b1c1c")

PAGE_SIZES = {Paper.A4: A4, Paper.LETTER: LETTER}
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
HEADER_Y = 13 * mm  # distance of the header baseline below the top edge
FOOTER_Y = 10 * mm  # distance of the footer baseline above the bottom edge


@cache
def register_fonts() -> None:
    """Register the bundled fonts with ReportLab (once per process)."""
    for name, file in (
        (FONT, "DejaVuSans.ttf"),
        (FONT_BOLD, "DejaVuSans-Bold.ttf"),
        (FONT_ITALIC, "DejaVuSans-Oblique.ttf"),
    ):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD
    )


def page_size(paper: Paper) -> tuple[float, float]:
    return PAGE_SIZES[paper]


def frame_width(paper: Paper) -> float:
    return page_size(paper)[0] - 2 * MARGIN_X


@dataclass(frozen=True)
class Styles:
    """Paragraph styles by role."""

    body: ParagraphStyle
    quote: ParagraphStyle
    muted: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    header_cell: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    headings: tuple[ParagraphStyle, ...]
    contents: tuple[ParagraphStyle, ...]
    cover_title: ParagraphStyle
    cover_marking: ParagraphStyle
    notice: ParagraphStyle
    excerpt_head: ParagraphStyle
    excerpt_body: ParagraphStyle


@cache
def styles() -> Styles:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName=FONT, fontSize=BODY_SIZE, leading=14, textColor=INK, spaceAfter=5
    )
    cell = ParagraphStyle("cell", parent=body, spaceAfter=0, leading=13)
    return Styles(
        body=body,
        quote=ParagraphStyle(
            "quote", parent=body, fontName=FONT_ITALIC, leftIndent=8, borderPadding=0
        ),
        muted=ParagraphStyle("muted", parent=body, textColor=MUTED, fontName=FONT_ITALIC),
        label=ParagraphStyle(
            "label", parent=body, fontName=FONT_BOLD, textColor=ACCENT, spaceBefore=6, spaceAfter=2
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        header_cell=ParagraphStyle("header_cell", parent=cell, fontName=FONT_BOLD, textColor=INK),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=20,
            leading=25,
            textColor=ACCENT,
            spaceAfter=4,
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=15, textColor=MUTED, spaceAfter=12
        ),
        headings=(
            ParagraphStyle(
                "h1",
                parent=body,
                fontName=FONT_BOLD,
                fontSize=17,
                leading=22,
                textColor=ACCENT,
                spaceBefore=4,
                spaceAfter=8,
            ),
            ParagraphStyle(
                "h2",
                parent=body,
                fontName=FONT_BOLD,
                fontSize=13.5,
                leading=18,
                textColor=ACCENT,
                spaceBefore=14,
                spaceAfter=6,
            ),
            ParagraphStyle(
                "h3",
                parent=body,
                fontName=FONT_BOLD,
                fontSize=11.5,
                leading=15,
                textColor=INK,
                spaceBefore=10,
                spaceAfter=4,
            ),
        ),
        contents=(
            ParagraphStyle("toc1", parent=body, fontName=FONT_BOLD, spaceBefore=6, spaceAfter=0),
            ParagraphStyle("toc2", parent=body, leftIndent=14, spaceAfter=0),
        ),
        cover_title=ParagraphStyle(
            "cover_title",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=28,
            leading=34,
            textColor=ACCENT,
            spaceAfter=10,
        ),
        cover_marking=ParagraphStyle(
            "cover_marking",
            parent=body,
            fontName=FONT_BOLD,
            fontSize=16,
            leading=20,
            textColor=MARKING_RED,
            alignment=TA_CENTER,
        ),
        notice=ParagraphStyle(
            "notice",
            parent=body,
            alignment=TA_LEFT,
            backColor=SHADE,
            borderColor=RULE,
            borderWidth=0.75,
            borderPadding=8,
            spaceBefore=14,
            spaceAfter=14,
        ),
        excerpt_head=ParagraphStyle(
            "excerpt_head", parent=body, spaceBefore=7, spaceAfter=2, keepWithNext=1
        ),
        excerpt_body=ParagraphStyle("excerpt_body", parent=body, leftIndent=10, spaceAfter=3),
    )


def heading_style(level: int) -> ParagraphStyle:
    headings = styles().headings
    return headings[min(level, len(headings) - 1)]


TABLE_PADDING = 4


def table_commands(rows: int, *, header: bool = True) -> list[tuple]:
    """Grid lines, a shaded repeated header row and light stripes for a data table."""
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), TABLE_PADDING + 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), TABLE_PADDING + 1),
        ("TOPPADDING", (0, 0), (-1, -1), TABLE_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), TABLE_PADDING + 1),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("ROWBACKGROUNDS", (0, 1 if header else 0), (-1, -1), [colors.white, STRIPE]),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ]
    return commands


def fields_commands() -> list[tuple]:
    """A two-column "label: value" block (key facts), without a header row."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ]
