"""Two small charts of a relationship, drawn with QPainter: trust over time, and concerns
against praise per quarter. Every mark is labelled or patterned: colour is never the only cue,
and each chart describes itself in words for screen readers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from relcom_desktop.core.enums import TrustLevel
from relcom_desktop.core.quarters import Quarter
from relcom_desktop.core.relationship import QuarterTally, QuarterTrust, TrustPoint
from relcom_desktop.ui import theme

LEFT, RIGHT, TOP, BOTTOM = 78, 16, 30, 42
ENTRY_COLOUR = QColor("#8a94a6")
AVERAGE_COLOUR = QColor("#1f5fa8")
CONCERN_COLOUR = QColor("#b3261e")
PRAISE_COLOUR = QColor("#2e7d32")  # each drawn through theme.visible (3:1 on either theme)
MANY_QUARTERS = 12
BAR_HEADROOM = 0.88  # beyond this, only each year's first quarter is labelled


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.quarters: list[Quarter] = []
        self.setMinimumSize(260, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def sizeHint(self) -> QSize:
        return QSize(520, 240)

    def plot(self) -> QRectF:
        return QRectF(LEFT, TOP, self.width() - LEFT - RIGHT, self.height() - TOP - BOTTOM)

    def _text_pen(self, quiet: bool = False) -> QPen:
        role = QPalette.ColorRole.PlaceholderText if quiet else QPalette.ColorRole.WindowText
        return QPen(self.palette().color(role))

    def _frame(self, p: QPainter, legend: list[tuple[str, QPen, QBrush, str]]) -> QRectF:
        """Title, legend and the quarter axis; returns the plotting area."""
        area = self.plot()
        bold = QFont(self.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(self._text_pen())
        p.drawText(QRectF(8, 4, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        p.setFont(self.font())
        x = self.width() - RIGHT
        for text, pen, brush, shape in reversed(legend):
            width = self.fontMetrics().horizontalAdvance(text)
            x -= width
            p.setPen(self._text_pen())
            p.drawText(QRectF(x, 4, width, 20), Qt.AlignmentFlag.AlignLeft, text)
            x -= 18
            p.setPen(pen)
            p.setBrush(brush)
            _marker(p, QPointF(x + 7, 14), shape)
            x -= 14
        self._quarter_axis(p, area)
        return area

    def _quarter_axis(self, p: QPainter, area: QRectF) -> None:
        p.setPen(self._text_pen(quiet=True))
        many = len(self.quarters) > MANY_QUARTERS
        step = area.width() / max(1, len(self.quarters))
        for i, q in enumerate(self.quarters):
            centre = area.left() + step * (i + 0.5)
            if many and q.number != 1 and i != 0:
                continue
            label = str(q.year) if many else q.months
            box = QRectF(centre - step * 2, area.bottom() + 4, step * 4, 16)
            p.drawText(box, Qt.AlignmentFlag.AlignHCenter, label)
            if not many and (q.number == 1 or i == 0):
                year = QRectF(centre - step * 2, area.bottom() + 20, step * 4, 16)
                p.drawText(year, Qt.AlignmentFlag.AlignHCenter, str(q.year))

    def _empty(self, p: QPainter, area: QRectF, message: str) -> None:
        p.setPen(self._text_pen(quiet=True))
        p.drawText(area, Qt.AlignmentFlag.AlignCenter, message)


def _marker(p: QPainter, at: QPointF, shape: str, size: float = 4.0) -> None:
    if shape == "square":
        p.drawRect(QRectF(at.x() - size, at.y() - size, size * 2, size * 2))
    elif shape == "bar":
        p.drawRect(QRectF(at.x() - 6, at.y() - 5, 12, 10))
    else:
        p.drawEllipse(at, size * 0.75, size * 0.75)


class TrustChart(_Chart):
    """Each entry's trust as a dot, and the quarterly average as a line with squares."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Trust over time", parent)
        self.points: list[TrustPoint] = []
        self.averages: list[QuarterTrust] = []

    def set_data(self, points: list[TrustPoint], averages: list[QuarterTrust]) -> None:
        self.points = points
        self.averages = averages
        self.quarters = [a.quarter for a in averages]
        self.setAccessibleDescription(describe_trust(points, averages))
        self.update()

    def _x(self, area: QRectF, day: dt.date) -> float:
        start = self.quarters[0].start
        end = self.quarters[-1].following().start
        return area.left() + area.width() * (day - start).days / max(1, (end - start).days)

    def _y(self, area: QRectF, level: float) -> float:
        return area.bottom() - area.height() * (level - 1) / 4

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        entry, average = theme.visible(ENTRY_COLOUR), theme.visible(AVERAGE_COLOUR)
        legend = [
            ("each entry", QPen(entry), QBrush(entry), "dot"),
            ("quarter's average", QPen(average, 2), QBrush(average), "square"),
        ]
        area = self._frame(p, legend)
        for level in TrustLevel:
            y = self._y(area, level)
            p.setPen(QPen(self.palette().color(QPalette.ColorRole.Midlight), 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(self._text_pen())
            p.drawText(QRectF(0, y - 9, LEFT - 8, 18), Qt.AlignmentFlag.AlignRight, level.label)
        if not self.points:
            self._empty(p, area, "No trust recorded in this period")
            return
        p.setPen(QPen(entry))
        p.setBrush(QBrush(entry))
        for point in self.points:
            _marker(p, QPointF(self._x(area, point.day), self._y(area, point.level)), "dot")
        self._average_line(p, area, average)

    def _average_line(self, p: QPainter, area: QRectF, colour: QColor) -> None:
        p.setPen(QPen(colour, 2))
        p.setBrush(QBrush(colour))
        previous: QPointF | None = None
        for average in self.averages:
            if average.mean is None:
                continue
            middle = average.quarter.start + dt.timedelta(days=45)
            at = QPointF(self._x(area, middle), self._y(area, average.mean))
            if previous is not None:
                p.drawLine(previous, at)
            _marker(p, at, "square", 3.5)
            previous = at


class TallyChart(_Chart):
    """Concerns (hatched) and praise (solid) side by side each quarter, with their counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Concerns and praise each quarter", parent)
        self.tallies: list[QuarterTally] = []

    def set_data(self, tallies: list[QuarterTally]) -> None:
        self.tallies = tallies
        self.quarters = [t.quarter for t in tallies]
        self.setAccessibleDescription(describe_tallies(tallies))
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        concerns, praise = theme.visible(CONCERN_COLOUR), theme.visible(PRAISE_COLOUR)
        concern = QBrush(concerns, Qt.BrushStyle.BDiagPattern)
        legend = [
            ("concerns", QPen(concerns), concern, "bar"),
            ("praise", QPen(praise), QBrush(praise), "bar"),
        ]
        area = self._frame(p, legend)
        top = max([1, *(max(t.concerns, t.praise) for t in self.tallies)])
        scale = top / BAR_HEADROOM  # room above the tallest bar for its count
        top_y = area.bottom() - area.height() * BAR_HEADROOM
        p.setPen(self._text_pen(quiet=True))
        p.drawText(QRectF(0, top_y - 9, LEFT - 8, 18), Qt.AlignmentFlag.AlignRight, str(top))
        p.drawText(QRectF(0, area.bottom() - 9, LEFT - 8, 18), Qt.AlignmentFlag.AlignRight, "0")
        p.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))
        if not any(t.concerns or t.praise for t in self.tallies):
            self._empty(p, area, "No concerns or praise recorded in this period")
            return
        step = area.width() / max(1, len(self.tallies))
        bar = min(28.0, step * 0.34)
        for i, tally in enumerate(self.tallies):
            centre = area.left() + step * (i + 0.5)
            self._bar(
                p, area, centre - bar - 1, bar, tally.concerns / scale, tally.concerns, concern
            )
            self._bar(p, area, centre + 1, bar, tally.praise / scale, tally.praise, QBrush(praise))

    def _bar(
        self,
        p: QPainter,
        area: QRectF,
        x: float,
        width: float,
        share: float,
        count: int,
        brush: QBrush,
    ):
        if not count:
            return
        height = max(2.0, area.height() * share)
        colour = brush.color()
        p.setPen(QPen(colour, 1.5))
        p.setBrush(brush)
        p.drawRect(QRectF(x, area.bottom() - height, width, height))
        p.setPen(self._text_pen())
        label = QRectF(x - 8, area.bottom() - height - 17, width + 16, 16)
        p.drawText(label, Qt.AlignmentFlag.AlignHCenter, str(count))


def describe_trust(points: list[TrustPoint], averages: list[QuarterTrust]) -> str:
    if not points:
        return "No trust recorded in this period."
    rated = [a for a in averages if a.mean is not None]
    first, last = rated[0], rated[-1]
    return (
        f"{len(points)} entries recorded trust. Latest: {points[-1].level.label}. "
        f"Quarterly average {first.mean:.1f} in {first.quarter.label}, "
        f"{last.mean:.1f} in {last.quarter.label} (1 strained to 5 strong)."
    )


def describe_tallies(tallies: list[QuarterTally]) -> str:
    concerns = sum(t.concerns for t in tallies)
    praise = sum(t.praise for t in tallies)
    parts = [
        f"{t.quarter.label}: {t.concerns} concerns, {t.praise} praise"
        for t in tallies
        if t.concerns or t.praise
    ]
    return f"{concerns} concerns and {praise} praise in this period. " + "; ".join(parts)
