"""A small chart of each principle-#1 outcome over time: one labelled strip per outcome.

Each strip runs from "Serious concern" (bottom) to "Going well" (top); the latest rating is
written in words at the right, so the chart never relies on colour.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from relcom_desktop.core.enums import Outcome, OutcomeRating

Series = dict[Outcome, list[tuple[dt.date, int]]]
STRIP = 30
MIN_STRIP = 14
GAP = 6
TOP = 6
LABEL_WIDTH = 150
LATEST_WIDTH = 150
AXIS = 22
LEVELS = len(OutcomeRating)


class OutcomeChart(QWidget):
    """Seven strips, one per outcome, sharing a time axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: Series = {o: [] for o in Outcome}
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Outcomes over time")

    def sizeHint(self) -> QSize:
        return QSize(600, TOP + len(Outcome) * (STRIP + GAP) + AXIS)

    def minimumSizeHint(self) -> QSize:
        return QSize(
            LABEL_WIDTH + LATEST_WIDTH + 120, TOP + len(Outcome) * (MIN_STRIP + GAP) + AXIS
        )

    def _strip(self) -> float:
        """How tall each outcome's strip is, sharing the height the widget has."""
        return max(MIN_STRIP, (self.height() - TOP - AXIS) / len(Outcome) - GAP)

    def set_series(self, series: Series, first: dt.date, last: dt.date) -> None:
        """Show the points between ``first`` and ``last``."""
        self.series = {o: [p for p in pts if first <= p[0] <= last] for o, pts in series.items()}
        self.first, self.last = first, max(last, first + dt.timedelta(days=1))
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The latest rating of each outcome, for screen readers and tooltips."""
        parts = []
        for outcome, points in self.series.items():
            latest = OutcomeRating(points[-1][1]).label if points else "not rated"
            parts.append(f"{outcome.label}: {latest}")
        return "; ".join(parts)

    # ---- drawing ---------------------------------------------------------------------------

    def _x(self, day: dt.date, left: float, width: float) -> float:
        assert self.first is not None and self.last is not None
        span = (self.last - self.first).days
        return left + width * (day - self.first).days / span

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        grid = palette.color(QPalette.ColorRole.Midlight)
        accent = palette.color(QPalette.ColorRole.Highlight)
        left = LABEL_WIDTH
        width = max(40.0, self.width() - LABEL_WIDTH - LATEST_WIDTH - 12)
        strip = self._strip()
        for row, outcome in enumerate(Outcome):
            top = TOP + row * (strip + GAP)
            band = QRectF(left, top, width, strip)
            painter.setPen(QPen(grid, 1))
            for level in range(LEVELS):
                y = band.bottom() - level * strip / (LEVELS - 1)
                painter.drawLine(QPointF(band.left(), y), QPointF(band.right(), y))
            painter.setPen(text)
            label = QRectF(0, top, LABEL_WIDTH - 12, strip)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, outcome.label
            )
            self._draw_points(painter, self.series[outcome], band, accent)
            latest = self.series[outcome][-1][1] if self.series[outcome] else None
            words = OutcomeRating(latest).label if latest else "Not rated"
            painter.setPen(text if latest else quiet)
            right = QRectF(band.right() + 12, top, LATEST_WIDTH, strip)
            painter.drawText(
                right, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words
            )
        self._draw_axis(painter, left, width, TOP + len(Outcome) * (strip + GAP), quiet)
        painter.end()

    def _draw_points(
        self, painter: QPainter, points: list[tuple[dt.date, int]], band: QRectF, accent: object
    ) -> None:
        if not points or self.first is None:
            return
        coords = [
            QPointF(
                self._x(day, band.left(), band.width()),
                band.bottom() - (rating - 1) * band.height() / (LEVELS - 1),
            )
            for day, rating in points
        ]
        painter.setPen(QPen(accent, 2))
        painter.drawPolyline(coords)
        painter.setBrush(accent)  # type: ignore[arg-type]
        radius = 3.0 if len(coords) < 60 else 2.0
        for point in coords:
            painter.drawEllipse(point, radius, radius)

    def _draw_axis(self, painter: QPainter, left: float, width: float, top: float, colour: object):
        if self.first is None or self.last is None:
            return
        painter.setPen(colour)  # type: ignore[arg-type]
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        for day in ticks(self.first, self.last):
            x = self._x(day, left, width)
            label = f"{day:%b %Y}" if day.month != 1 else f"{day.year}"
            box = QRectF(x - 40, top, 80, AXIS)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)


def ticks(first: dt.date, last: dt.date, most: int = 7) -> list[dt.date]:
    """First-of-month dates to label the axis: every 1, 3, 6 or 12 months, at most ``most``."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = next((s for s in (1, 3, 6, 12, 24, 60) if months / s <= most), 120)
    day = dt.date(first.year, first.month, 1)
    found = []
    while day <= last:
        index = day.year * 12 + day.month - 1
        if day >= first and index % step == 0:
            found.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return found
