"""Self-assessment charts for the PDF, drawn with ReportLab's graphics.

Eight small charts, one per from → to shift, share a date axis (colour is not needed to tell
them apart); a radar shows the latest self-assessment (solid, filled dots) against the one
the period started from (dashed, open squares).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit

from relcom_desktop.core.enums import SHIFT_SCALE_MAX, PracticeShift
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.reflection import SelfAssessment, ShiftHistory, shift_poles
from relcom_desktop.reports import styles as st
from relcom_desktop.reports.charts import GRID, LABEL_SIZE, _date_steps, _month_label, _style_axes

PANEL_HEIGHT = 24 * mm
TITLE_ROOM = 10 * mm
PANEL_GAP = 8 * mm
AXIS_ROOM = 14
EARLIER = colors.HexColor("#6b7280")
SHIFTS = list(PracticeShift)


def _text(x: float, y: float, text: str, *, size: float = LABEL_SIZE, **kw: object) -> String:
    values: dict = {"fontName": st.FONT, "fontSize": size, "fillColor": st.INK, **kw}
    return String(x, y, text, **values)


def shift_panels(history: list[ShiftHistory], width: float) -> Drawing:
    """One small chart per shift, 0 (the "from" pole) to 10 (the "to" pole), over time."""
    days = [p.on for h in history for p in h.points]
    first, last = min(days), max(days)
    panel_width = (width - PANEL_GAP) / 2
    rows = math.ceil(len(history) / 2)
    row_height = PANEL_HEIGHT + TITLE_ROOM + 5 * mm
    drawing = Drawing(width, rows * row_height)
    for index, h in enumerate(history):
        x = (index % 2) * (panel_width + PANEL_GAP)
        y = drawing.height - (index // 2 + 1) * row_height + 5 * mm
        title = f"{SHIFTS.index(h.shift) + 1}. {h.shift.label}"
        lines = simpleSplit(title, st.FONT_BOLD, LABEL_SIZE + 0.5, panel_width)[:2]
        for n, line in enumerate(lines):
            top = y + PANEL_HEIGHT + TITLE_ROOM - (n + 1) * (LABEL_SIZE + 2.5)
            drawing.add(_text(x, top, line, size=LABEL_SIZE + 0.5, fontName=st.FONT_BOLD))
        drawing.add(_panel(h, x, y, panel_width, (first, last)))
    return drawing


def _panel(
    h: ShiftHistory, x: float, y: float, width: float, span: tuple[dt.date, dt.date]
) -> LinePlot | String:
    if not h.points:
        return _text(x + AXIS_ROOM, y + PANEL_HEIGHT / 2, "Not placed", fontName=st.FONT_ITALIC)
    plot = LinePlot()
    plot.x, plot.y = x + AXIS_ROOM, y + 4 * mm
    plot.width, plot.height = width - AXIS_ROOM - 4 * mm, PANEL_HEIGHT - 4 * mm
    plot.data = [[(p.on.toordinal(), p.position) for p in h.points]]
    plot.lines[0].strokeColor = st.ACCENT
    plot.lines[0].strokeWidth = 1.2
    plot.lines[0].symbol = makeMarker("FilledCircle", size=2.6, fillColor=st.ACCENT)
    _style_axes(plot)
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = -0.5, SHIFT_SCALE_MAX + 0.5
    plot.yValueAxis.valueSteps = [0, SHIFT_SCALE_MAX // 2, SHIFT_SCALE_MAX]
    plot.yValueAxis.labelTextFormat = "%d"
    steps = _date_steps(*span, 3) if span[0] < span[1] else [span[0].toordinal()]
    plot.xValueAxis.valueMin = steps[0] - 20
    plot.xValueAxis.valueMax = steps[-1] + 20
    plot.xValueAxis.valueSteps = steps
    plot.xValueAxis.labelTextFormat = _month_label
    return plot


def radar(latest: SelfAssessment, earlier: SelfAssessment | None, width: float) -> Drawing:
    """The latest self-assessment against an earlier one, one spoke per shift."""
    height = 84 * mm
    drawing = Drawing(width, height)
    centre_x, centre_y, radius = width / 2, (height - 10 * mm) / 2, 30 * mm

    def point(index: float, position: float) -> tuple[float, float]:
        angle = math.pi / 2 - index * 2 * math.pi / len(SHIFTS)
        r = radius * position / SHIFT_SCALE_MAX
        return centre_x + r * math.cos(angle), centre_y + r * math.sin(angle)

    for tick in range(2, SHIFT_SCALE_MAX + 1, 2):
        ring = [c for i in range(len(SHIFTS)) for c in point(i, tick)]
        drawing.add(Polygon(ring, strokeColor=GRID, strokeWidth=0.6, fillColor=None))
    for i, shift in enumerate(SHIFTS):
        drawing.add(Line(centre_x, centre_y, *point(i, SHIFT_SCALE_MAX), strokeColor=GRID))
        _spoke_label(drawing, point(i, SHIFT_SCALE_MAX + 0.9), i, shift, centre_x)
    for tick in (0, SHIFT_SCALE_MAX // 2, SHIFT_SCALE_MAX):
        x, y = point(0.5, tick)
        drawing.add(_text(x + 2, y - 2, str(tick), fillColor=st.MUTED))
    if earlier is not None:
        _strand(drawing, earlier, point, solid=False)
    _strand(drawing, latest, point, solid=True)
    _radar_legend(drawing, latest, earlier, height)
    return drawing


def _spoke_label(
    drawing: Drawing, at: tuple[float, float], index: int, shift: PracticeShift, centre_x: float
) -> None:
    x, y = at
    anchor = "middle" if abs(x - centre_x) < 1 else ("start" if x > centre_x else "end")
    lines = simpleSplit(f"{index + 1}. {shift_poles(shift)[1]}", st.FONT, LABEL_SIZE, 38 * mm)
    top = y + (len(lines) - 1) * (LABEL_SIZE + 1) / 2 - LABEL_SIZE / 3
    for n, line in enumerate(lines):
        drawing.add(_text(x, top - n * (LABEL_SIZE + 1), line, textAnchor=anchor))


def _strand(
    drawing: Drawing,
    a: SelfAssessment,
    point: Callable[[float, float], tuple[float, float]],
    *,
    solid: bool,
) -> None:
    colour = st.ACCENT if solid else EARLIER
    placed = [point(i, p.position) for i, shift in enumerate(SHIFTS) if (p := a.position_of(shift))]
    fill = colors.Color(colour.red, colour.green, colour.blue, alpha=0.15) if solid else None
    drawing.add(
        Polygon(
            [c for xy in placed for c in xy],
            strokeColor=colour,
            strokeWidth=1.6 if solid else 1.2,
            strokeDashArray=None if solid else [3, 2],
            fillColor=fill,
        )
    )
    for x, y in placed:
        if solid:
            drawing.add(makeMarker("FilledCircle", x=x, y=y, size=4, fillColor=colour))
        else:
            drawing.add(Rect(x - 2, y - 2, 4, 4, strokeColor=colour, fillColor=colors.white))


def _radar_legend(
    drawing: Drawing, latest: SelfAssessment, earlier: SelfAssessment | None, height: float
) -> None:
    y = height - 4 * mm
    entries = [(latest, True)] + ([(earlier, False)] if earlier is not None else [])
    x = 0.0
    for a, solid in entries:
        colour = st.ACCENT if solid else EARLIER
        dash = None if solid else [3, 2]
        sample = Line(x, y + 3, x + 8 * mm, y + 3, strokeColor=colour, strokeWidth=1.6)
        sample.strokeDashArray = dash
        drawing.add(sample)
        label = f"{short_date(a.assessed_on)} ({'latest' if solid else 'earlier'})"
        drawing.add(_text(x + 10 * mm, y, label, size=LABEL_SIZE + 0.5))
        x += 60 * mm
