"""What a reflection is about, in words: its journal entry, meeting, provider and child.

Read for many reflections at once (one query per kind of link), so a page of the learning log
or a printed summary never asks once per reflection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core.store.db import Store

LINK_FIELDS = ("journal_entry_id", "meeting_id", "provider_id", "child_id")


class Linked(Protocol):
    id: int | None
    child_id: int | None
    provider_id: int | None
    meeting_id: int | None
    journal_entry_id: int | None


@dataclass(frozen=True)
class Links:
    """The records a reflection is about, each as a short line (None when not linked)."""

    journal_entry: str | None = None
    meeting: str | None = None
    provider: str | None = None
    child: str | None = None

    @property
    def labelled(self) -> list[tuple[str, str]]:
        """("Journal entry", "Call about Ash (concern, 3 Mar 2026)") pairs, for the links
        there are."""
        named = (
            ("Journal entry", self.journal_entry),
            ("Meeting", self.meeting),
            ("Provider", self.provider),
            ("Child", self.child),
        )
        return [(label, text) for label, text in named if text]

    @property
    def text(self) -> str:
        """All links on one line, e.g. "Journal entry: Call about Ash (call, 3 Mar 2026) ·
        Willowbank Care · Ash"."""
        return " · ".join(
            f"{label}: {text}" if label in ("Journal entry", "Meeting") else text
            for label, text in self.labelled
        )


def _day(day: dt.date | dt.datetime) -> str:
    return f"{day.day} {day:%b %Y}"


def _names(session: Session, columns: Sequence[Any], ids: set[int]) -> dict[int, tuple]:
    if not ids:
        return {}
    key = columns[0]
    return {row[0]: tuple(row[1:]) for row in session.execute(select(*columns).where(key.in_(ids)))}


def links_of(session: Session, records: Sequence[Linked]) -> list[Links]:
    """The links of each record, in order: four queries at most, whatever the count."""
    wanted = {f: {getattr(r, f) for r in records} - {None} for f in LINK_FIELDS}
    e, mt, p, c = m.JournalEntry, m.Meeting, m.Provider, m.Child
    entries = _names(session, [e.id, e.occurred_on, e.kind, e.summary], wanted["journal_entry_id"])
    meetings = _names(session, [mt.id, mt.starts_at, mt.title], wanted["meeting_id"])
    providers = _names(session, [p.id, p.name], wanted["provider_id"])
    children = _names(session, [c.id, c.preferred_name], wanted["child_id"])
    found = []
    for r in records:
        entry = entries.get(r.journal_entry_id)  # type: ignore[arg-type]
        meeting = meetings.get(r.meeting_id)  # type: ignore[arg-type]
        found.append(
            Links(
                journal_entry=f"{entry[2]} ({entry[1].label.lower()}, {_day(entry[0])})"
                if entry
                else None,
                meeting=f"{meeting[1]} ({_day(meeting[0])})" if meeting else None,
                provider=providers.get(r.provider_id, (None,))[0],  # type: ignore[arg-type]
                child=children.get(r.child_id, (None,))[0],  # type: ignore[arg-type]
            )
        )
    return found


def links_for(store: Store, record: Linked) -> Links:
    """The links of one reflection (saved or not yet), e.g. for the form's "About" line."""
    with store.read() as session:
        return links_of(session, [record])[0]
