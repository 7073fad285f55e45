"""How each of the eight shifts is marked in charts: a number, a shape and a colour, so that
colour is never the only way to tell the lines apart."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform

from relcom_desktop.core.enums import PracticeShift
from relcom_desktop.ui import theme

SHIFTS = list(PracticeShift)
# Okabe–Ito colours (distinguishable with the common colour-vision differences), darkened
# where a light one would vanish on a white page.
COLOURS = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#B07800",
    "#3F8FC4",
    "#6B4C9A",
    "#555555",
)
SHAPES = ("circle", "square", "triangle", "diamond", "down", "cross", "plus", "star")


def number(shift: PracticeShift) -> int:
    """1 to 8, the shift's place in the King's Fund list."""
    return SHIFTS.index(shift) + 1


def colour(shift: PracticeShift) -> QColor:
    return theme.visible(COLOURS[SHIFTS.index(shift)])


def _polygon(at: QPointF, size: float, corners: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(at + QPointF(corners[0][0] * size, corners[0][1] * size))
    for x, y in corners[1:]:
        path.lineTo(at + QPointF(x * size, y * size))
    path.closeSubpath()
    return path


def _star(at: QPointF, size: float) -> QPainterPath:
    corners = []
    for i in range(10):
        radius = 1.25 if i % 2 == 0 else 0.55
        angle = -math.pi / 2 + i * math.pi / 5
        corners.append((radius * math.cos(angle), radius * math.sin(angle)))
    return _polygon(at, size, corners)


def shape_path(shape: str, at: QPointF, size: float) -> QPainterPath:
    """A marker of ``shape`` centred on ``at``, about ``2 * size`` across."""
    if shape == "circle":
        path = QPainterPath()
        path.addEllipse(at, size, size)
        return path
    if shape == "square":
        path = QPainterPath()
        path.addRect(QRectF(at.x() - size * 0.9, at.y() - size * 0.9, size * 1.8, size * 1.8))
        return path
    if shape == "triangle":
        return _polygon(at, size, [(0, -1.2), (1.1, 0.9), (-1.1, 0.9)])
    if shape == "down":
        return _polygon(at, size, [(0, 1.2), (1.1, -0.9), (-1.1, -0.9)])
    if shape == "diamond":
        return _polygon(at, size, [(0, -1.25), (1.1, 0), (0, 1.25), (-1.1, 0)])
    if shape == "star":
        return _star(at, size)
    bar = 0.38
    if shape == "plus":
        return _polygon(at, size, [
            (-bar, -1.1), (bar, -1.1), (bar, -bar), (1.1, -bar), (1.1, bar), (bar, bar),
            (bar, 1.1), (-bar, 1.1), (-bar, bar), (-1.1, bar), (-1.1, -bar), (-bar, -bar),
        ])  # fmt: skip
    path = shape_path("plus", QPointF(0, 0), size)  # a cross is a plus turned by 45°
    return QTransform().translate(at.x(), at.y()).rotate(45).map(path)


def draw_marker(
    painter: QPainter, shift: PracticeShift, at: QPointF, size: float, *, quiet: bool = False
) -> None:
    """The shift's marker; ``quiet`` draws it pale (when another shift is picked out)."""
    fill = QColor("#c9ced6") if quiet else colour(shift)
    painter.setPen(QPen(fill.darker(125), 1))
    painter.setBrush(QBrush(fill))
    painter.drawPath(shape_path(SHAPES[SHIFTS.index(shift)], at, size))


def swatch(shift: PracticeShift, height: int) -> QPixmap:
    """A small picture for legends: the shift's marker on a short line."""
    pixmap = QPixmap(int(height * 1.4), height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    middle = height / 2
    painter.setPen(QPen(colour(shift), 2))
    painter.drawLine(QPointF(1, middle), QPointF(height * 1.3, middle))
    draw_marker(painter, shift, QPointF(height * 0.65, middle), height * 0.22)
    painter.end()
    return pixmap
