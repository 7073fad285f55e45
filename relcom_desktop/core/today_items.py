"""What the Today page shows, as plain frozen dataclasses: items, sections, the whole view."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

SHOWN = 8  # items shown per section; each section's ``total`` says how many there are


@dataclass(frozen=True)
class TodayItem:
    kind: str
    """The kind of record this item opens (``bus().open_record.emit(kind, record_id)``)."""
    record_id: int
    title: str
    detail: str = ""
    day: dt.date | None = None
    urgent: bool = False
    row_kind: str = ""
    """A row to select on the opened record's page (``bus().open_row``), e.g. a family link."""
    row_id: int = 0


@dataclass(frozen=True)
class TodaySection:
    key: str
    title: str
    items: tuple[TodayItem, ...]
    total: int
    empty_text: str
    pending: bool = False
    """True while the section is still being gathered (see :func:`provider_section`)."""


@dataclass(frozen=True)
class TodayView:
    today: dt.date
    sections: tuple[TodaySection, ...]
    first_steps: tuple[str, ...] = ()
    """What to do first, while the caseload is empty (else nothing)."""

    def section(self, key: str) -> TodaySection:
        return next(s for s in self.sections if s.key == key)

    def with_section(self, section: TodaySection) -> TodayView:
        """The view with the section of the same key replaced."""
        return dataclasses.replace(
            self, sections=tuple(section if s.key == section.key else s for s in self.sections)
        )
