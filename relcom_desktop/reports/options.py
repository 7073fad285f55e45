"""What a report is about and how it is printed. No ReportLab here, so screens can import it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from relcom_desktop.core import clock
from relcom_desktop.core.labels import LabelledStr

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
MARKING = "OFFICIAL-SENSITIVE"
DEFAULT_PERIOD_DAYS = 365


def no_progress(done: int, total: int, label: str) -> None:
    """A progress callback that shows nothing."""


def never_cancelled() -> bool:
    return False


class BuildCancelled(Exception):
    """The user cancelled while a report was being built; nothing was written."""


class Paper(LabelledStr):
    A4 = ("a4", "A4")
    LETTER = ("letter", "US Letter")


class ReportKind(LabelledStr):
    CHILD = ("child", "Child summary")
    PROVIDER = ("provider", "Provider relationship summary")
    MEETING = ("meeting", "Meeting minutes")
    CHILD_PACK = ("child_pack", "Review pack for a child")
    PROVIDER_PACK = ("provider_pack", "Review pack for a provider")
    PRACTICE = ("practice", "Reflective practice summary")

    @property
    def record_kind(self) -> str:
        """The kind of record the report is about: "child", "provider" or "meeting" ("" for
        the practice summary, which is about the commissioner's own practice)."""
        kinds = {"child_pack": "child", "provider_pack": "provider", "practice": ""}
        return kinds.get(self.value, self.value)

    @property
    def needs_record(self) -> bool:
        return bool(self.record_kind)

    @property
    def is_pack(self) -> bool:
        return self in (ReportKind.CHILD_PACK, ReportKind.PROVIDER_PACK)


class PackSection(LabelledStr):
    """What a review pack can hold, for a child or for a provider."""

    CHILDREN = ("children", "Child summaries")
    PROVIDERS = ("providers", "Provider relationship summaries")
    MEETINGS = ("meetings", "Meeting minutes")
    REFLECTIONS = ("reflections", "Reflections")
    PRACTICE = ("practice", "My practice")


ALL_SECTIONS = tuple(PackSection)
# A pack is shared with others: the commissioner's own practice goes in only when chosen.
DEFAULT_SECTIONS = tuple(s for s in PackSection if s is not PackSection.PRACTICE)


@dataclass(frozen=True)
class ReportOptions:
    """How to print: redaction, paper, and the period journal excerpts and meetings cover."""

    redact: bool = False
    paper: Paper = Paper.A4
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sections: tuple[PackSection, ...] = DEFAULT_SECTIONS
    today: dt.date = field(default_factory=lambda: clock.today())

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen period, by default the twelve months up to today."""
        last = self.date_to or self.today
        first = self.date_from or last - dt.timedelta(days=DEFAULT_PERIOD_DAYS)
        return first, last


@dataclass(frozen=True)
class ReportResult:
    """A PDF that was written, and what it holds (no personal content)."""

    path: str
    kind: ReportKind
    record_id: int | None  # None for the practice summary
    pages: int
    redacted: bool
    paper: Paper

    @property
    def audit_detail(self) -> str:
        redacted = ", redacted" if self.redacted else ""
        return f"{self.kind.label} PDF, {self.pages} pages, {self.paper.label}{redacted}"
