"""A child's placements as a timeline: newest at the top, one card per placement on a rail."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from relcom_desktop.core.formatting import money, plural, short_date
from relcom_desktop.core.legal_status import LegalStatusSpan, during
from relcom_desktop.core.placements import PlacementView
from relcom_desktop.ui.child.look import html_text

RAIL_WIDTH = 28
DOT = 6.0
CARD_STYLE = "QFrame#placementCard { border: 1px solid palette(midlight); border-radius: 6px;"
CARD_STYLE += " background: palette(base); }"


def dates_text(view: PlacementView, today: dt.date) -> str:
    p = view.placement
    end = short_date(p.end_date) if p.end_date else "now"
    length = plural(view.days(today), "day")
    planned = f" · planned to end {short_date(p.planned_end_date)}" if p.planned_end_date else ""
    return f"{short_date(p.start_date)} → {end} · {length}{planned}"


def legal_status_text(spans: list[LegalStatusSpan]) -> str:
    """ "C2 · Full care order (4 Jan 2025 → 9 Mar 2025); V2 · … (9 Mar 2025 → now)"."""
    return "; ".join(
        f"{s.legal_status.value} · {s.legal_status.label} "
        f"({short_date(s.start_date)} → {short_date(s.end_date) if s.end_date else 'now'})"
        for s in spans
    )


def ending_text(view: PlacementView) -> str:
    """ "Unplanned ending: Standards of care concern — notes" (empty while it goes on)."""
    p = view.placement
    if p.end_date is None:
        return ""
    kind = {True: "Planned ending", False: "Unplanned ending", None: "Ending"}[p.ending_planned]
    reasons = [r.label for r in (p.change_reason, p.end_reason) if r is not None]
    if p.end_reason is not None and p.end_reason.value == "X1":
        reasons = [r.label for r in (p.change_reason,) if r is not None] or ["moved on"]
    text = f"<b>{kind}</b>" + (f": {html_text('; '.join(reasons))}" if reasons else "")
    if p.ending_notes:
        text += f" — {html_text(p.ending_notes)}"
    return text


class PlacementCard(QFrame):
    """One placement: where, what kind, when, the fee, and how it ended."""

    edit_requested = Signal(object)
    ending_requested = Signal(object)

    def __init__(
        self,
        view: PlacementView,
        today: dt.date,
        legal: list[LegalStatusSpan] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.view = view
        p = view.placement
        self.legal_status = QLabel(
            "Legal status: " + legal_status_text(legal) if legal else "", self
        )
        self.legal_status.setWordWrap(True)
        self.legal_status.setVisible(bool(legal))
        self.setObjectName("placementCard")
        self.setStyleSheet(CARD_STYLE)
        p = view.placement
        current = p.end_date is None or p.end_date >= today
        title = QLabel(
            f"<b>{html_text(view.setting_name)}</b> — {html_text(view.provider_name)}"
            + ("  <i>(current)</i>" if current and p.start_date <= today else "")
        )
        title.setWordWrap(True)
        fee = QLabel(f"{money(p.weekly_fee_pence)} a week" if p.weekly_fee_pence else "No fee")
        fee.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        kind = QLabel(f"{p.placement_type.value} · {html_text(p.placement_type.label)}")
        when = QLabel(dates_text(view, today))
        self.edit = QPushButton("Edit…")
        self.edit.setAccessibleName(f"Edit the placement at {view.setting_name}")
        self.edit.clicked.connect(lambda: self.edit_requested.emit(view))
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(fee)
        bottom = QHBoxLayout()
        bottom.addWidget(when, 1)
        if p.end_date is not None:
            ending = QPushButton("Ending…")
            ending.setAccessibleName(f"How the placement at {view.setting_name} ended")
            ending.clicked.connect(lambda: self.ending_requested.emit(view))
            bottom.addWidget(ending)
        bottom.addWidget(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(kind)
        layout.addWidget(self.legal_status)
        layout.addLayout(bottom)
        ending = ending_text(view)
        if ending:
            label = QLabel(ending)
            label.setWordWrap(True)
            layout.addWidget(label)
        if p.notes:
            notes = QLabel(html_text(p.notes))
            notes.setWordWrap(True)
            notes.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            layout.addWidget(notes)
        for label in self.findChildren(QLabel):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)


class Timeline(QWidget):
    """Cards down the right of a rail; a filled dot marks the current placement."""

    edit_requested = Signal(object)
    ending_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards: list[PlacementCard] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(RAIL_WIDTH, 0, 0, 0)
        self._layout.setSpacing(10)
        self._layout.addStretch(1)

    def show_history(
        self,
        history: list[PlacementView],
        today: dt.date,
        legal: list[LegalStatusSpan] | None = None,
    ) -> None:
        """One card per placement, each with the legal status periods in force during it."""
        for card in self.cards:
            self._layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for i, view in enumerate(history):
            p = view.placement
            card = PlacementCard(view, today, during(legal or [], p.start_date, p.end_date), self)
            card.edit_requested.connect(self.edit_requested)
            card.ending_requested.connect(self.ending_requested)
            self._layout.insertWidget(i, card)
            self.cards.append(card)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.cards:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = self.palette().color(QPalette.ColorRole.Mid)
        x = RAIL_WIDTH / 2
        first, last = self.cards[0].geometry(), self.cards[-1].geometry()
        painter.setPen(QPen(colour, 2))
        painter.drawLine(QPointF(x, first.top() + 18), QPointF(x, last.top() + 18))
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        for card in self.cards:
            y = card.geometry().top() + 18
            ended = card.view.placement.end_date is not None
            painter.setPen(QPen(accent, 2))
            painter.setBrush(
                QBrush(self.palette().color(QPalette.ColorRole.Base) if ended else accent)
            )
            painter.drawEllipse(QPointF(x, y), DOT, DOT)
        painter.end()
