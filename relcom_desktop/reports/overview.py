"""The system overview as a PDF section: for each figure a headline, a chart and a table.

:func:`overview_flowables` returns ReportLab flowables that a larger document (a review pack)
can include; :func:`write_overview_pdf` makes a stand-alone document of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from relcom_desktop.core.overview import Figure, Measure, SystemOverview
from relcom_desktop.core.store.files import atomic_path
from relcom_desktop.reports import styles as st
from relcom_desktop.reports.document import ReportDocument
from relcom_desktop.reports.options import Paper

TITLE = "System overview"
CHART_ROWS = 12
TABLE_ROWS = 20
WIDTH = st.frame_width(Paper.A4)  # the narrower paper, so a section fits A4 and Letter
BAR_COLOURS = (colors.HexColor("#3b6ea8"), colors.HexColor("#c0504d"), colors.HexColor("#8c8c8c"))
NUMBER = ParagraphStyle("overview_number", parent=st.styles().cell, alignment=TA_RIGHT)


def _text(value: float, measure: Measure) -> str:
    if measure is Measure.MONEY:
        return f"£{value / 100:,.0f}"
    if measure is Measure.SHARE:
        return f"{value:.0%}"
    return f"{value:,.0f}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(label: str, most: int = 34) -> str:
    return label if len(label) <= most else label[: most - 1].rstrip() + "…"


def _chart(figure: Figure) -> Drawing | None:
    rows = figure.rows[:CHART_ROWS]
    if not rows or not any(row.cells[i].value for row in rows for i in figure.chart_columns):
        return None
    stacked = len(figure.chart_columns) > 1
    height = len(rows) * 16 + (28 if stacked else 12)
    drawing = Drawing(WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 8
    chart.width, chart.height = WIDTH - 210, len(rows) * 16
    chart.data = [tuple(row.cells[i].value for row in reversed(rows)) for i in figure.chart_columns]
    chart.categoryAxis.categoryNames = [_short(r.label) for r in reversed(rows)]
    for labels in (chart.categoryAxis.labels, chart.valueAxis.labels, chart.barLabels):
        labels.fontName = st.FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleLabels = 0
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    measure = figure.columns[figure.chart_columns[0]].measure
    chart.barLabelFormat = (lambda v: _text(v, measure)) if not stacked else None
    if stacked:
        chart.categoryAxis.style = "stacked"
    for i in range(len(figure.chart_columns)):
        chart.bars[i].fillColor = BAR_COLOURS[i % len(BAR_COLOURS)]
        chart.bars[i].strokeColor = colors.white
    drawing.add(chart)
    if stacked:
        legend = Legend()
        legend.x, legend.y = 150, height - 6
        legend.fontName, legend.fontSize, legend.alignment = st.FONT, 7, "right"
        legend.columnMaximum, legend.deltax = 1, 90
        legend.colorNamePairs = [
            (BAR_COLOURS[n % len(BAR_COLOURS)], figure.columns[i].header)
            for n, i in enumerate(figure.chart_columns)
        ]
        drawing.add(legend)
    return drawing


def _table(figure: Figure) -> Table:
    cell = st.styles().cell
    header = [Paragraph(_escape(figure.label_header), st.styles().header_cell)] + [
        Paragraph(f"<b>{_escape(c.header)}</b>", NUMBER) for c in figure.columns
    ]
    body: list[list[Any]] = [
        [Paragraph(_escape(row.label), cell)]
        + [_text(c.value, col.measure) for c, col in zip(row.cells, figure.columns, strict=True)]
        for row in figure.rows[:TABLE_ROWS]
    ]
    if len(figure.rows) > TABLE_ROWS:
        rest = len(figure.rows) - TABLE_ROWS
        body.append([Paragraph(f"<i>and {rest:,} more (see the CSV export)</i>", cell)])
    other = (WIDTH * 0.45) / max(1, len(figure.columns))
    table = Table(
        [header, *body], colWidths=[WIDTH * 0.55] + [other] * len(figure.columns), repeatRows=1
    )
    table.setStyle(
        TableStyle([*st.table_commands(len(body) + 1), ("ALIGN", (1, 0), (-1, -1), "RIGHT")])
    )
    return table


def overview_flowables(overview: SystemOverview) -> list[Flowable]:
    """The overview's figures as flowables: heading, headline, chart and table for each."""
    styles = st.styles()
    day = f"{overview.today.day} {overview.today:%B %Y}"
    story: list[Flowable] = [
        Paragraph(TITLE, styles.title),
        Paragraph(
            f"The whole caseload on {day}: {overview.children_placed:,} children in placement. "
            "Material for strategic and sufficiency meetings.",
            styles.body,
        ),
    ]
    for figure in overview.figures:
        block: list[Flowable] = [
            Paragraph(_escape(figure.title), styles.headings[1]),
            Paragraph(_escape(figure.headline), styles.body),
            Spacer(1, 2 * mm),
        ]
        chart = _chart(figure)
        if chart is not None:
            block.append(chart)
        story.append(KeepTogether([*block, Spacer(1, 2 * mm), _table(figure)]))
    return story


def write_overview_pdf(overview: SystemOverview, path: Path, *, paper: Paper = Paper.A4) -> None:
    """A stand-alone PDF of the overview, written to a temporary file and then renamed."""
    with atomic_path(Path(path)) as temp:
        document = ReportDocument(
            str(temp),
            title=TITLE,
            subject="Figures across the whole caseload",
            paper=paper,
            redacted=False,
            generated=overview.today,
        )
        document.render(overview_flowables(overview))
