"""Charts drawn with ReportLab's graphics: outcome trends, trust over time, concerns and praise.

Each function returns a :class:`Drawing` (a flowable) sized to the page width, with its axes
labelled in words and a legend where there is more than one series.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reportlab import rl_config
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm

from relcom_desktop.core.enums import Outcome, OutcomeRating, TrustLevel
from relcom_desktop.core.report_data import QuarterCount, TrustPoint
from relcom_desktop.reports import styles as st

LABEL_SIZE = 7.5
TITLE_SIZE = 9
CONCERN_COLOUR = colors.HexColor("#b7472a")
PRAISE_COLOUR = colors.HexColor("#2e7d4f")
GRID = colors.HexColor("#e3e7ec")
PANEL_HEIGHT = 30 * mm
PANEL_GAP = 8 * mm
AXIS_ROOM = 14  # points left of a small panel for its 1–4 labels

Series = list[tuple[dt.date, int]]

# ReportLab checks every attribute set on a chart against a schema; our charts are fixed,
# tested code, so skip the checks (a pack with hundreds of charts builds much faster).
rl_config.shapeChecking = 0


def _month_label(ordinal: float) -> str:
    return f"{dt.date.fromordinal(int(ordinal)):%b %y}"


def _date_steps(first: dt.date, last: dt.date, count: int) -> list[int]:
    if first >= last:
        return [first.toordinal()]
    span = last.toordinal() - first.toordinal()
    return [first.toordinal() + round(span * i / (count - 1)) for i in range(count)]


def _style_axes(plot: LinePlot) -> None:
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = st.FONT
        axis.labels.fontSize = LABEL_SIZE
        axis.labels.fillColor = st.MUTED
        axis.strokeColor = st.RULE
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = GRID
    plot.yValueAxis.gridStrokeWidth = 0.5


def _title(text: str, x: float, y: float, size: float = TITLE_SIZE) -> String:
    return String(x, y, text, fontName=st.FONT_BOLD, fontSize=size, fillColor=st.INK)


def outcome_trends(series: dict[Outcome, Series], width: float) -> Drawing:
    """Seven small charts, one per outcome word, rated 1 (serious concern) to 4 (going well),
    on a shared date axis; the eighth cell explains the scale."""
    dates = [day for points in series.values() for day, _rating in points]
    first, last = min(dates), max(dates)
    panel_width = (width - PANEL_GAP) / 2
    rows = 4
    height = rows * (PANEL_HEIGHT + 9 * mm)
    drawing = Drawing(width, height)
    for index, outcome in enumerate(Outcome):
        col, row = index % 2, index // 2
        x = col * (panel_width + PANEL_GAP)
        y = height - (row + 1) * (PANEL_HEIGHT + 9 * mm) + 5 * mm
        drawing.add(_title(outcome.label, x, y + PANEL_HEIGHT + 1.5 * mm))
        drawing.add(_outcome_panel(series[outcome], x, y, panel_width, (first, last)))
    scale_x = panel_width + PANEL_GAP
    scale_y = height - rows * (PANEL_HEIGHT + 9 * mm) + 5 * mm + PANEL_HEIGHT
    drawing.add(_title("Rating scale", scale_x, scale_y - 2 * mm))
    for i, rating in enumerate(reversed(OutcomeRating)):
        drawing.add(
            String(
                scale_x,
                scale_y - (7 + 4.2 * i) * mm,
                f"{int(rating)}  {rating.label}",
                fontName=st.FONT,
                fontSize=TITLE_SIZE,
                fillColor=st.INK,
            )
        )
    return drawing


def _outcome_panel(
    points: Series, x: float, y: float, width: float, span: tuple[dt.date, dt.date]
) -> LinePlot | String:
    if not points:
        return String(
            x + AXIS_ROOM,
            y + PANEL_HEIGHT / 2,
            "Not rated",
            fontName=st.FONT_ITALIC,
            fontSize=LABEL_SIZE,
            fillColor=st.MUTED,
        )
    plot = LinePlot()
    plot.x, plot.y = x + AXIS_ROOM, y + 4 * mm
    plot.width, plot.height = width - AXIS_ROOM - 4 * mm, PANEL_HEIGHT - 4 * mm
    plot.data = [[(day.toordinal(), rating) for day, rating in points]]
    plot.lines[0].strokeColor = st.ACCENT
    plot.lines[0].strokeWidth = 1.2
    plot.lines[0].symbol = makeMarker("FilledCircle", size=2.6, fillColor=st.ACCENT)
    _style_axes(plot)
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = 0.7, 4.3
    plot.yValueAxis.valueSteps = [1, 2, 3, 4]
    plot.yValueAxis.labelTextFormat = "%d"
    steps = _date_steps(*span, 3)
    plot.xValueAxis.valueMin = steps[0] - 5
    plot.xValueAxis.valueMax = steps[-1] + 5
    plot.xValueAxis.valueSteps = steps
    plot.xValueAxis.labelTextFormat = _month_label
    return plot


def trust_chart(points: Sequence[TrustPoint], width: float) -> Drawing:
    """Monthly average trust (Strained … Strong) across the period's journal entries."""
    height = 62 * mm
    left = 22 * mm
    drawing = Drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = left, 10 * mm
    plot.width, plot.height = width - left - 4 * mm, height - 18 * mm
    plot.data = [[(p.month.toordinal(), round(p.average, 2)) for p in points]]
    plot.lines[0].strokeColor = st.ACCENT
    plot.lines[0].strokeWidth = 1.4
    plot.lines[0].symbol = makeMarker("FilledCircle", size=3, fillColor=st.ACCENT)
    _style_axes(plot)
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = 0.8, 5.2
    plot.yValueAxis.valueSteps = [int(level) for level in TrustLevel]
    plot.yValueAxis.labelTextFormat = lambda v: TrustLevel(round(v)).label
    months = [p.month for p in points]
    steps = _date_steps(min(months), max(months), min(6, len(months)))
    plot.xValueAxis.valueMin = steps[0] - 10
    plot.xValueAxis.valueMax = steps[-1] + 10
    plot.xValueAxis.valueSteps = steps
    plot.xValueAxis.labelTextFormat = _month_label
    drawing.add(plot)
    drawing.add(_title("Trust, monthly average of journal entries", 0, height - 4 * mm))
    return drawing


def quarter_chart(quarters: Sequence[QuarterCount], width: float) -> Drawing:
    """Concerns (with escalations) and praise recorded in each quarter, side by side."""
    height = 62 * mm
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 12 * mm, 12 * mm
    chart.width, chart.height = width - 16 * mm, height - 24 * mm
    chart.data = [[q.concerns for q in quarters], [q.praise for q in quarters]]
    chart.bars[0].fillColor = CONCERN_COLOUR
    chart.bars[1].fillColor = PRAISE_COLOUR
    chart.bars.strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 6
    every = max(1, len(quarters) // 12)  # at most about a dozen labels along the axis
    chart.categoryAxis.categoryNames = [
        q.label if i % every == 0 else "" for i, q in enumerate(quarters)
    ]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(
        4, *(q.concerns for q in quarters), *(q.praise for q in quarters)
    )
    chart.valueAxis.valueStep = max(1, round(chart.valueAxis.valueMax / 4))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = st.FONT
        axis.labels.fontSize = LABEL_SIZE
        axis.labels.fillColor = st.MUTED
        axis.strokeColor = st.RULE
    drawing.add(chart)
    drawing.add(_title("Concerns and praise per quarter", 0, height - 4 * mm))
    drawing.add(_legend(width, height - 4 * mm))
    return drawing


def _legend(width: float, y: float) -> Legend:
    legend = Legend()
    legend.x, legend.y = width - 62 * mm, y + 2
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontName = st.FONT
    legend.fontSize = LABEL_SIZE
    legend.boxAnchor = "nw"
    legend.dx = legend.dy = 6
    legend.deltax = 30 * mm
    legend.colorNamePairs = [
        (CONCERN_COLOUR, "Concerns and escalations"),
        (PRAISE_COLOUR, "Praise"),
    ]
    return legend
