"""A labelled horizontal bar chart drawn with QPainter.

Every bar carries its label and its value in words, and stacked parts differ by pattern as well
as colour (with a legend), so colour is never the only signal. Clicking a bar part reports
which row and part it was, for drilling down to the records behind it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from relcom_desktop.ui import theme

ROW_HEIGHT = 24
BAR_HEIGHT = 14
GAP = 10
LEGEND_HEIGHT = 24
SWATCH = 12
COLOURS = ("#3b6ea8", "#c0504d", "#8c8c8c", "#6b9e4a")
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.Dense5Pattern,
    Qt.BrushStyle.CrossPattern,
)


@dataclass(frozen=True)
class Bar:
    label: str
    parts: tuple[float, ...]
    text: str
    """The value in words, drawn after the bar (e.g. "432 · 31%")."""


class BarChart(QWidget):
    """Horizontal bars, one row each; several parts are stacked left to right."""

    part_clicked = Signal(int, int)  # row, part

    def __init__(
        self,
        series: tuple[str, ...] = (),
        parent: QWidget | None = None,
        *,
        click_hint: str = "Click to see the children",
    ) -> None:
        super().__init__(parent)
        self._series = series
        self._click_hint = click_hint
        self._bars: list[Bar] = []
        self._hit: list[tuple[QRectF, int, int]] = []
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the table beside it is the keyboard way
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_bars(self, bars: list[Bar]) -> None:
        self._bars = list(bars)
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in bars))
        self.setFixedHeight(self._height())
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def _legend(self) -> bool:
        return len(self._series) > 1

    def _height(self) -> int:
        return len(self._bars) * self._row_height() + (LEGEND_HEIGHT if self._legend() else 0) + 4

    def _row_height(self) -> int:
        """Rows grow with the text size, so labels never overlap at large fonts."""
        return max(ROW_HEIGHT, self.fontMetrics().height() + 8)

    def sizeHint(self) -> QSize:
        return QSize(480, self._height())

    # ---- drawing -----------------------------------------------------------------------

    def _brush(self, part: int) -> QBrush:
        return QBrush(theme.visible(COLOURS[part % len(COLOURS)]), PATTERNS[part % len(PATTERNS)])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        top = 0
        if self._legend():
            self._draw_legend(painter, text)
            top = LEGEND_HEIGHT
        metrics = self.fontMetrics()
        label_width = min(int(self.width() * 0.38), 320)
        value_width = max((metrics.horizontalAdvance(b.text) for b in self._bars), default=0) + GAP
        bar_space = max(10, self.width() - label_width - value_width - 2 * GAP)
        biggest = max((sum(b.parts) for b in self._bars), default=0) or 1
        self._hit = []
        for row, bar in enumerate(self._bars):
            row_height = self._row_height()
            y = top + row * row_height
            painter.setPen(text)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, label_width)
            label_rect = QRectF(0, y, label_width, row_height)
            painter.drawText(
                label_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, label
            )
            x = label_width + GAP
            for part, value in enumerate(bar.parts):
                width = bar_space * value / biggest
                rect = QRectF(x, y + (row_height - BAR_HEIGHT) / 2, width, BAR_HEIGHT)
                if width > 0:
                    painter.setPen(QPen(theme.visible(COLOURS[part % len(COLOURS)]), 1))
                    painter.setBrush(self._brush(part))
                    painter.drawRect(rect)
                    self._hit.append((rect, row, part))
                x += width
            painter.setPen(text)
            value_rect = QRectF(x + GAP / 2, y, value_width + GAP, row_height)
            painter.drawText(
                value_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, bar.text
            )
        painter.end()

    def _draw_legend(self, painter: QPainter, text: QColor) -> None:
        x = 0.0
        metrics = self.fontMetrics()
        for part, name in enumerate(self._series):
            swatch = QRectF(x, (LEGEND_HEIGHT - SWATCH) / 2, SWATCH, SWATCH)
            painter.setPen(QPen(theme.visible(COLOURS[part % len(COLOURS)]), 1))
            painter.setBrush(self._brush(part))
            painter.drawRect(swatch)
            painter.setPen(text)
            painter.drawText(
                QPointF(x + SWATCH + 6, LEGEND_HEIGHT / 2 + metrics.ascent() / 2 - 1), name
            )
            x += SWATCH + 6 + metrics.horizontalAdvance(name) + 2 * GAP

    # ---- clicking ----------------------------------------------------------------------

    def _part_at(self, point: QPointF) -> tuple[int, int] | None:
        for rect, row, part in self._hit:
            if rect.adjusted(0, -3, 0, 3).contains(point):
                return row, part
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._part_at(event.position())
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        if hit:
            bar = self._bars[hit[0]]
            value = (
                f"{self._series[hit[1]]}: {bar.parts[hit[1]]:,.0f}" if self._legend() else bar.text
            )
            self.setToolTip(f"{bar.label}\n{value}\n{self._click_hint}")
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        hit = self._part_at(event.position())
        if hit and event.button() == Qt.MouseButton.LeftButton:
            self.part_clicked.emit(*hit)
        super().mouseReleaseEvent(event)
