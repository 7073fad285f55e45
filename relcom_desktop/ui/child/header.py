"""The top of a child's page: who they are, where they live, and what needs attention."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget

from relcom_desktop.core.checkins import CheckInDue
from relcom_desktop.core.children import Child
from relcom_desktop.core.formatting import plural, short_date
from relcom_desktop.core.placements import PlacementView, Stability
from relcom_desktop.core.review_schedule import ReviewDue, ReviewStatus
from relcom_desktop.ui.child.flow import FlowLayout
from relcom_desktop.ui.child.look import chip, set_tone
from relcom_desktop.ui.widgets import PAGE_SPACING, heading, print_menu_button, quiet_label


def facts_line(child: Child, today: dt.date) -> str:
    """ "Age 14 · Full care order (s31) · LA ref LA-1001 · Looked after since 3 Mar 2020"."""
    age = child.age_on(today)
    parts = [f"Age {age}" if age is not None else "Age not recorded"]
    if child.legal_status:
        parts.append(child.legal_status.label)
    if child.la_reference:
        parts.append(f"LA ref {child.la_reference}")
    if child.looked_after_since:
        parts.append(f"Looked after since {short_date(child.looked_after_since)}")
    if child.full_name and child.full_name != child.preferred_name:
        parts.insert(0, child.full_name)
    return " · ".join(parts)


def home_text(current: PlacementView | None, stability: Stability) -> str:
    if current is None:
        return "No current placement"
    days = plural(stability.current_placement_days or 0, "day")
    return f"Lives at {current.setting_name} · {days}"


def moves_text(stability: Stability) -> tuple[str, str]:
    count = stability.placements_last_12_months
    tone = "alert" if count >= 3 else "warn" if count == 2 else "calm"
    return plural(count, "placement") + " in the last 12 months", tone


def review_text(due: ReviewDue) -> tuple[str, str]:
    if due.status is ReviewStatus.NOT_SCHEDULED or due.due_on is None:
        return "Looked-after review: add the date they became looked after", "calm"
    when = short_date(due.due_on)
    if due.status is ReviewStatus.OVERDUE:
        return f"Looked-after review overdue since {when}", "alert"
    if due.status is ReviewStatus.DUE:
        return f"Looked-after review due {when}", "warn"
    return f"Next looked-after review {when}", "calm"


def check_in_text(due: CheckInDue, today: dt.date) -> tuple[str, str]:
    if due.last is None:
        return "No check-in yet", "warn"
    text = f"Last check-in {short_date(due.last)}"
    if due.overdue(today):
        return f"{text} · a check-in is due", "warn"
    return text, "calm"


class ChildHeader(QWidget):
    """Name, facts, status chips, and the buttons that act on the whole child."""

    back_requested = Signal()
    archive_requested = Signal()
    trash_requested = Signal()
    print_requested = Signal(str)  # a ReportKind value: "child" or "child_pack"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.back = QToolButton(self)
        self.back.setText("← Children")
        self.back.setToolTip("Back to the list of children (Alt+Left)")
        self.back.setAutoRaise(True)
        self.name = heading("", self)
        self.facts = quiet_label("", self)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.home, self.moves, self.review, self.check_in = (chip() for _ in range(4))
        self.archived = chip("Archived: not on the caseload list", "warn")
        self.archive_button = QPushButton("Archive", self)
        self.trash_button = QPushButton("Move to Trash", self)
        self.print_button = print_menu_button(
            self,
            self.print_requested,
            [("Child summary…", "child"), ("Review pack…", "child_pack")],
        )
        self._lay_out()
        self.back.clicked.connect(self.back_requested)
        self.archive_button.clicked.connect(self.archive_requested)
        self.trash_button.clicked.connect(self.trash_requested)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.name)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.archive_button)
        top.addWidget(self.trash_button)
        chips = FlowLayout()
        for label in (self.archived, self.home, self.moves, self.review, self.check_in):
            chips.addWidget(label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(PAGE_SPACING // 2)
        back_row = QHBoxLayout()
        back_row.addWidget(self.back)
        back_row.addStretch(1)
        layout.addLayout(back_row)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addSpacing(4)
        layout.addLayout(chips)

    def show_child(self, child: Child, today: dt.date) -> None:
        self.name.setText(child.preferred_name)
        self.name.setAccessibleName(child.preferred_name)
        self.facts.setText(facts_line(child, today))
        self.archived.setVisible(child.archived)
        self.archive_button.setText("Return to caseload" if child.archived else "Archive")
        self.archive_button.setToolTip(
            "Show this child in the caseload list again"
            if child.archived
            else "Hide this child from the caseload list (they have left care or moved away)"
        )

    def show_status(
        self,
        current: PlacementView | None,
        stability: Stability,
        review: ReviewDue,
        check_in: CheckInDue,
        today: dt.date,
    ) -> None:
        self.home.setText(home_text(current, stability))
        for label, (text, tone) in (
            (self.moves, moves_text(stability)),
            (self.review, review_text(review)),
            (self.check_in, check_in_text(check_in, today)),
        ):
            label.setText(text)
            set_tone(label, tone)
