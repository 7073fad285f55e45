"""The self-assessment chart, drawn with QPainter: one line per shift over time, or a radar
of one self-assessment against an earlier one.

Lines differ by marker shape and carry their shift's number at the end; the radar's two dates
differ by line style (solid, dashed) and marker; the chart describes itself in words for
screen readers. Sizes follow the font, so it stays readable at large text sizes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from relcom_desktop.core.enums import SHIFT_SCALE_MAX, PracticeShift
from relcom_desktop.core.formatting import short_date
from relcom_desktop.core.reflection import SelfAssessment, ShiftHistory, shift_poles
from relcom_desktop.ui import theme
from relcom_desktop.ui.reflection import markers

LINES, RADAR = "lines", "radar"
CHOSEN_COLOUR = QColor("#1d4e89")
EARLIER_COLOUR = QColor("#6b7280")
EMPTY = "No self-assessments yet. Choose “New self-assessment…” to place yourself on the shifts."
TICKS = range(0, SHIFT_SCALE_MAX + 1, 2)


def _month(day: dt.date) -> str:
    return f"{day:%b %Y}"


class PracticeChart(QWidget):
    """Where the commissioner placed themselves on the eight shifts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history: list[ShiftHistory] = []
        self.mode = LINES
        self.highlight: PracticeShift | None = None
        self.chosen: SelfAssessment | None = None
        self.earlier: SelfAssessment | None = None
        self.compact = False  # the radar names its axes by number only
        self.setMinimumSize(320, 280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Self-assessment chart")

    def sizeHint(self) -> QSize:
        return QSize(640, 380)

    # ---- data --------------------------------------------------------------------------

    def set_history(self, history: list[ShiftHistory]) -> None:
        self.history = history
        self._changed()

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._changed()

    def set_highlight(self, shift: PracticeShift | None) -> None:
        self.highlight = shift
        self._changed()

    def set_comparison(self, chosen: SelfAssessment | None, earlier: SelfAssessment | None) -> None:
        self.chosen, self.earlier = chosen, earlier
        self._changed()

    def _changed(self) -> None:
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words (also what a screen reader says)."""
        if self.mode == RADAR:
            if self.chosen is None:
                return EMPTY
            return _describe_radar(self.chosen, self.earlier)
        if not any(h.points for h in self.history):
            return EMPTY
        return "; ".join(
            f"{h.shift.label}: "
            + ", ".join(f"{p.position} on {short_date(p.on)}" for p in h.points)
            for h in self.history
            if h.points
        )

    # ---- drawing -----------------------------------------------------------------------

    def _pen(self, quiet: bool = False) -> QPen:
        role = QPalette.ColorRole.PlaceholderText if quiet else QPalette.ColorRole.WindowText
        return QPen(self.palette().color(role))

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.mode == RADAR:
            self._paint_radar(p)
        else:
            self._paint_lines(p)
        p.end()

    def _empty(self, p: QPainter) -> None:
        p.setPen(self._pen(quiet=True))
        box = QRectF(self.rect()).adjusted(20, 20, -20, -20)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, EMPTY)

    # ---- one line per shift ------------------------------------------------------------

    def _plot_area(self) -> QRectF:
        fm = self.fontMetrics()
        left = max(fm.horizontalAdvance(text) for text in ("0 (from)", "10 (to)")) + 14
        right = fm.horizontalAdvance("8") + 26
        top = fm.height() // 2 + 6
        bottom = fm.height() + 14
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def _paint_lines(self, p: QPainter) -> None:
        dates = sorted({point.on for h in self.history for point in h.points})
        if not dates:
            self._empty(p)
            return
        area = self._plot_area()
        first, last = dates[0].toordinal(), dates[-1].toordinal()
        pad = max(1, (last - first) * 0.04)

        def x(day: dt.date) -> float:
            if first == last:
                return area.center().x()
            share = (day.toordinal() - first + pad) / (last - first + 2 * pad)
            return area.left() + area.width() * share

        def y(position: float) -> float:
            return area.bottom() - area.height() * position / SHIFT_SCALE_MAX

        self._grid(p, area, y)
        self._date_labels(p, area, [(x(day), _month(day)) for day in dates])
        ordered = sorted(self.history, key=lambda h: h.shift is self.highlight)
        ends: list[tuple[float, float, PracticeShift]] = []
        size = max(3.5, self.fontMetrics().height() * 0.24)
        for h in ordered:
            if not h.points:
                continue
            quiet = self.highlight is not None and h.shift is not self.highlight
            offset = (markers.number(h.shift) - 4.5) * 2.2  # markers at one date side by side
            at = [QPointF(x(pt.on) + offset, y(pt.position)) for pt in h.points]
            colour = QColor("#c9ced6") if quiet else markers.colour(h.shift)
            p.setPen(QPen(colour, 1.2 if quiet else 2.2))
            p.drawPolyline(QPolygonF(at))
            for point in at:
                markers.draw_marker(p, h.shift, point, size, quiet=quiet)
            ends.append((at[-1].x(), at[-1].y(), h.shift))
        self._end_labels(p, area, ends)

    def _grid(self, p: QPainter, area: QRectF, y: Callable[[float], float]) -> None:
        fm = self.fontMetrics()
        for tick in TICKS:
            at = y(tick)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Midlight), 1))
            p.drawLine(QPointF(area.left(), at), QPointF(area.right(), at))
            label = {0: "0 (from)", SHIFT_SCALE_MAX: f"{SHIFT_SCALE_MAX} (to)"}.get(tick, str(tick))
            p.setPen(self._pen(quiet=tick not in (0, SHIFT_SCALE_MAX)))
            box = QRectF(0, at - fm.height() / 2, area.left() - 8, fm.height())
            p.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)

    def _date_labels(self, p: QPainter, area: QRectF, labels: list[tuple[float, str]]) -> None:
        fm = self.fontMetrics()
        p.setPen(self._pen(quiet=True))
        drawn_until = -math.inf
        for at, text in labels:
            width = fm.horizontalAdvance(text) + 4
            left = min(max(at - width / 2, 0), self.width() - width)
            if left < drawn_until + 8:
                continue  # would overlap the previous label
            p.drawText(QRectF(left, area.bottom() + 6, width, fm.height()), text)
            drawn_until = left + width

    def _end_labels(
        self, p: QPainter, area: QRectF, ends: list[tuple[float, float, PracticeShift]]
    ) -> None:
        """Each line's number beside its last point, nudged apart where they would touch."""
        fm = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        gap = fm.height() * 0.85
        placed: list[tuple[float, float, PracticeShift]] = []
        for x, y, shift in sorted(ends, key=lambda e: e[1]):
            if placed and y < placed[-1][1] + gap:
                y = placed[-1][1] + gap
            placed.append((x, y, shift))
        overflow = placed[-1][1] - area.bottom() if placed else 0
        for _x, y, shift in placed:
            quiet = self.highlight is not None and shift is not self.highlight
            p.setPen(QPen(QColor("#9aa1ab") if quiet else markers.colour(shift).darker(120)))
            y -= max(0.0, overflow)
            p.drawText(QRectF(area.right() + 10, y - gap / 2, 24, gap), str(markers.number(shift)))
        p.setFont(self.font())

    # ---- the radar ---------------------------------------------------------------------

    def _paint_radar(self, p: QPainter) -> None:
        if self.chosen is None:
            self._empty(p)
            return
        fm = self.fontMetrics()
        height = self.height() - fm.height() - 12  # below the legend
        label_w = min(max(110.0, self.width() * 0.2), fm.horizontalAdvance("M") * 13.0)
        label_h = fm.height() * 3.0
        radius = min(self.width() / 2 - label_w - 10, height / 2 - label_h - 6)
        self.compact = radius < fm.height() * 4.5  # too small for names: numbers only
        if self.compact:
            label_w, label_h = fm.horizontalAdvance("88") + 4.0, float(fm.height())
            radius = min(self.width() / 2 - label_w - 10, height / 2 - label_h - 6)
        radius = max(radius, 30.0)
        legend_h = self._radar_legend(p)
        centre = QPointF(self.width() / 2, legend_h + height / 2)
        shifts = markers.SHIFTS

        def point(index: float, position: float) -> QPointF:
            angle = -math.pi / 2 + index * 2 * math.pi / len(shifts)
            r = radius * position / SHIFT_SCALE_MAX
            return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

        grid = QPen(self.palette().color(QPalette.ColorRole.Midlight), 1)
        for tick in TICKS[1:]:
            p.setPen(grid)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPolygon(QPolygonF([point(i, tick) for i in range(len(shifts))]))
        for i, shift in enumerate(shifts):
            p.setPen(grid)
            p.drawLine(centre, point(i, SHIFT_SCALE_MAX))
            text = str(markers.number(shift))
            if not self.compact:
                text += f". {shift_poles(shift)[1]}"
            box = (max(label_w, radius * 1.4 - 16), label_w, label_h)  # above/below, beside
            self._axis_label(p, point(i, SHIFT_SCALE_MAX), text, box, centre)
        p.setPen(self._pen(quiet=True))
        for tick in (0, SHIFT_SCALE_MAX // 2, SHIFT_SCALE_MAX):
            at = point(0.5, tick)  # between the first two axes, clear of their labels
            p.drawText(QRectF(at.x() + 3, at.y() - fm.height() / 2, 40, fm.height()), str(tick))
        if self.earlier is not None:
            self._radar_series(p, self.earlier, point, solid=False)
        self._radar_series(p, self.chosen, point, solid=True)

    def _radar_series(
        self,
        p: QPainter,
        a: SelfAssessment,
        point: Callable[[float, float], QPointF],
        *,
        solid: bool,
    ) -> None:
        colour = theme.visible(CHOSEN_COLOUR if solid else EARLIER_COLOUR)
        pen = QPen(colour, 2.4 if solid else 2.0)
        if not solid:
            pen.setStyle(Qt.PenStyle.DashLine)
        placed = [
            point(i, position.position)
            for i, shift in enumerate(markers.SHIFTS)
            if (position := a.position_of(shift)) is not None
        ]
        fill = QColor(colour)
        fill.setAlpha(40 if solid else 0)
        p.setPen(pen)
        p.setBrush(QBrush(fill))
        p.drawPolygon(QPolygonF(placed))
        size = max(3.5, self.fontMetrics().height() * 0.22)
        p.setPen(QPen(colour, 1.6))
        p.setBrush(QBrush(colour if solid else self.palette().color(QPalette.ColorRole.Base)))
        for at in placed:
            if solid:
                p.drawEllipse(at, size, size)
            else:
                p.drawRect(QRectF(at.x() - size, at.y() - size, size * 2, size * 2))

    def _axis_label(
        self,
        p: QPainter,
        end: QPointF,
        text: str,
        box: tuple[float, float, float],
        centre: QPointF,
    ) -> None:
        """A shift's label outside the end of its axis: labels above and
        below may be as wide as the gap between the diagonal axes; those beside it, taller;
        diagonal ones are centred on their axis's end, clear of their neighbours."""
        centred_width, width, height = box
        dx, dy = end.x() - centre.x(), end.y() - centre.y()
        length = math.hypot(dx, dy) or 1
        cos, sin = dx / length, dy / length
        if cos > 0.3:
            left, h_align = end.x() + 8, Qt.AlignmentFlag.AlignLeft
        elif cos < -0.3:
            left, h_align = end.x() - 8 - width, Qt.AlignmentFlag.AlignRight
        else:
            width = centred_width
            left, h_align = end.x() - width / 2, Qt.AlignmentFlag.AlignHCenter
        if abs(sin) < 0.3:
            height *= 5 / 3
        if sin < -0.9:
            top, v_align = end.y() - 4 - height, Qt.AlignmentFlag.AlignBottom
        elif sin > 0.9:
            top, v_align = end.y() + 4, Qt.AlignmentFlag.AlignTop
        else:
            top, v_align = end.y() - height / 2, Qt.AlignmentFlag.AlignVCenter
        p.setPen(self._pen())
        flags = h_align | v_align | Qt.TextFlag.TextWordWrap
        p.drawText(QRectF(left, top, width, height), flags, text)

    def _radar_legend(self, p: QPainter) -> float:
        """Which date is which, at the top: returns the height it takes."""
        fm = self.fontMetrics()
        entries = [(self.chosen, True)]
        if self.earlier is not None:
            entries.append((self.earlier, False))
        x = 8.0
        y = fm.height() / 2 + 6
        for a, solid in entries:
            assert a is not None
            colour = theme.visible(CHOSEN_COLOUR if solid else EARLIER_COLOUR)
            pen = QPen(colour, 2.4)
            if not solid:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.setPen(pen)
            p.drawLine(QPointF(x, y), QPointF(x + 28, y))
            text = f"{short_date(a.assessed_on)} ({'chosen' if solid else 'earlier'})"
            p.setPen(self._pen())
            width = fm.horizontalAdvance(text) + 4
            p.drawText(QRectF(x + 34, y - fm.height() / 2, width, fm.height()), text)
            x += 34 + width + 20
        if self.compact:  # in the bottom corner, which the radar leaves free
            p.setPen(self._pen(quiet=True))
            note = "1–8: the shifts as numbered beside the chart"
            box = QRectF(8, self.height() - 3 * fm.height() - 4, self.width() / 3, 3 * fm.height())
            p.drawText(box, Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap, note)
        return fm.height() + 12


def _describe_radar(chosen: SelfAssessment, earlier: SelfAssessment | None) -> str:
    head = f"Self-assessment of {short_date(chosen.assessed_on)}"
    if earlier is not None:
        head += f" against {short_date(earlier.assessed_on)}"
    parts = []
    for shift in markers.SHIFTS:
        now = chosen.position_of(shift)
        if now is None:
            continue
        was = earlier.position_of(shift) if earlier is not None else None
        parts.append(f"{shift.label}: {now.position}" + (f" (was {was.position})" if was else ""))
    return f"{head}. " + "; ".join(parts)
