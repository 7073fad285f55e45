"""Evidence suggestions drawn from the record for the from → to self-assessment.

Each indicator is a plain count from the journal, meetings, decisions, actions or check-ins in
a period — "12 of 40 journal entries were praise or support offered" — shown beside the shift
it speaks to. They are **indicators, not scores**: prompts for reflection that a commissioner
weighs against what they know, never a rating of their practice.

Every count is one SQL aggregate over the period (no rows are loaded), so the page stays
quick on a ten-year record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, and_, case, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core.enums import (
    ActionStatus,
    JournalKind,
    MeetingKind,
    PracticeShift,
    TrustLevel,
)
from relcom_desktop.core.store.db import Store

LABEL = "Indicators from the record, not scores"
SEVERAL_ORGANISATIONS = 3  # the commissioner's own authority and at least two partners
COLLECTIVE_SEPARATORS = (",", ";", "&", "/", "+", " and ")
COLLECTIVE_WORDS = ("all", "everyone", "everybody", "panel", "jointly", "together", "group")


@dataclass(frozen=True)
class Indicator:
    """A share of records in a period, e.g. 12 of 40 journal entries."""

    shift: PracticeShift
    title: str  # what is counted, in words
    numerator: int
    denominator: int
    of_what: str  # the plural noun of the denominator: "journal entries"
    why: str  # how it may speak to the shift

    @property
    def share(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def figures(self) -> str:
        """ "30% (12 of 40 journal entries)", or why there is no figure."""
        if not self.denominator:
            return f"No {self.of_what} in the period"
        return f"{self.share:.0%} ({self.numerator:,} of {self.denominator:,} {self.of_what})"


@dataclass(frozen=True)
class _Count:
    """A count query, and the wording that goes with it."""

    shift: PracticeShift
    title: str
    of_what: str
    why: str
    query: Callable[[dt.date, dt.date], Any]  # (first, last) -> select(numerator, denominator)


def _between(column: Any, first: dt.date, last: dt.date) -> Any:
    return and_(column >= first, column <= last)


def _meetings_between(first: dt.date, last: dt.date) -> Any:
    mt = m.Meeting
    return and_(
        mt.deleted_at.is_(None),
        mt.starts_at >= dt.datetime.combine(first, dt.time.min),
        mt.starts_at <= dt.datetime.combine(last, dt.time.max),
    )


def _share(condition: Any) -> tuple[Any, Any]:
    """How many rows meet ``condition``, and how many rows there are."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0), func.count()


def _text(value: Any) -> Any:
    """Lower-cased, trimmed text (typed, so ``+`` joins strings and ``contains`` works)."""
    return func.lower(func.trim(value, type_=String), type_=String)


def _journal(condition: Any, among: Any = None) -> Callable[[dt.date, dt.date], Any]:
    def query(first: dt.date, last: dt.date) -> Any:
        e = m.JournalEntry
        where = [e.deleted_at.is_(None), _between(e.occurred_on, first, last)]
        if among is not None:
            where.append(among)
        return select(*_share(condition)).where(*where)

    return query


def _names_a_child() -> Any:
    link = m.journal_entry_child
    return exists().where(link.c.entry_id == m.JournalEntry.id)


def _several_organisations(first: dt.date, last: dt.date) -> Any:
    a = m.MeetingAttendee
    per_meeting = (
        select(
            m.Meeting.id,
            func.count(distinct(_text(a.organisation))).label("organisations"),
        )
        .outerjoin(a, and_(a.meeting_id == m.Meeting.id, a.attended, _text(a.organisation) != ""))
        .where(_meetings_between(first, last))
        .group_by(m.Meeting.id)
        .subquery()
    )
    return select(*_share(per_meeting.c.organisations >= SEVERAL_ORGANISATIONS))


def _system_meetings(first: dt.date, last: dt.date) -> Any:
    link = m.meeting_provider
    providers = select(func.count()).where(link.c.meeting_id == m.Meeting.id).scalar_subquery()
    wide = or_(
        m.Meeting.kind.in_([MeetingKind.STRATEGIC, MeetingKind.PROFESSIONALS]), providers >= 2
    )
    return select(*_share(wide)).where(_meetings_between(first, last))


def _strategic_meetings(first: dt.date, last: dt.date) -> Any:
    return select(*_share(m.Meeting.kind == MeetingKind.STRATEGIC)).where(
        _meetings_between(first, last)
    )


def agreed_collectively(agreed_by: Any) -> Any:
    """SQL: the decision names more than one person, or a group ("all", "the panel")."""
    text = _text(agreed_by)
    padded = " " + func.replace(text, ".", " ", type_=String) + " "
    return or_(
        *(text.contains(separator, autoescape=True) for separator in COLLECTIVE_SEPARATORS),
        *(padded.contains(f" {word} ", autoescape=True) for word in COLLECTIVE_WORDS),
    )


def _collective_decisions(first: dt.date, last: dt.date) -> Any:
    d = m.Decision
    return (
        select(*_share(agreed_collectively(d.agreed_by)))
        .join(m.Meeting, m.Meeting.id == d.meeting_id)
        .where(_meetings_between(first, last))
    )


def _actions_on_time(first: dt.date, last: dt.date) -> Any:
    a = m.Action
    on_time = and_(a.status == ActionStatus.DONE, a.done_on <= a.due_on)
    return select(*_share(on_time)).where(
        a.deleted_at.is_(None),
        a.status != ActionStatus.CANCELLED,
        _between(a.due_on, first, last),
    )


def _child_view(first: dt.date, last: dt.date) -> Any:
    c = m.CheckIn
    return select(*_share(_text(c.child_view) != "")).where(
        c.deleted_at.is_(None), _between(c.held_on, first, last)
    )


_E = m.JournalEntry
_WARM = (JournalKind.PRAISE, JournalKind.SUPPORT_OFFERED)
_HARD = (JournalKind.CONCERN, JournalKind.ESCALATION)
S = PracticeShift
COUNTS: tuple[_Count, ...] = (
    _Count(
        S.CHILD_FOCUS, "Journal entries that name a child", "journal entries",
        "Interactions with providers that are about particular children, not only the service.",
        _journal(_names_a_child()),
    ),
    _Count(
        S.CHILD_FOCUS, "Check-ins that record the child's own view", "check-ins",
        "How often the child's own words are part of how you know they are doing.",
        _child_view,
    ),
    _Count(
        S.SYSTEM_FOCUS, "Meetings about the wider system", "meetings",
        "Strategic and professionals' meetings, or meetings with two or more providers.",
        _system_meetings,
    ),
    _Count(
        S.ENABLER, "Support offered, rather than escalation", "support offers and escalations",
        "When something needed attention, how often you offered support instead of escalating.",
        _journal(_E.kind == JournalKind.SUPPORT_OFFERED,
                 _E.kind.in_([JournalKind.SUPPORT_OFFERED, JournalKind.ESCALATION])),
    ),
    _Count(
        S.RELATIONSHIPS, "Praise and support offered, against concerns and escalations",
        "praise, support, concern and escalation entries",
        "The balance of warm and hard moments recorded in the relationship journal.",
        _journal(_E.kind.in_(_WARM), _E.kind.in_(_WARM + _HARD)),
    ),
    _Count(
        S.CONVENOR, "Meetings attended by three or more organisations", "meetings",
        "Meetings where you brought several partners together.",
        _several_organisations,
    ),
    _Count(
        S.CONVENOR, "Decisions recorded as agreed collectively", "decisions",
        "Decisions whose \"agreed by\" names more than one person or a group.",
        _collective_decisions,
    ),
    _Count(
        S.HIGH_TRUST, "Journal entries where trust felt growing or strong",
        "entries with trust recorded",
        "How trust felt after interactions with providers, where you recorded it.",
        _journal(_E.trust >= TrustLevel.GROWING, _E.trust.is_not(None)),
    ),
    _Count(
        S.IMPROVEMENT, "Agreed actions done by their due date", "actions due",
        "Follow-through on what was agreed: support for improvement, not only monitoring.",
        _actions_on_time,
    ),
    _Count(
        S.LOCAL_SOLUTIONS, "Strategic and sufficiency meetings", "meetings",
        "Time spent with partners shaping local provision.",
        _strategic_meetings,
    ),
)  # fmt: skip


def practice_indicators(store: Store, first: dt.date, last: dt.date) -> list[Indicator]:
    """Every indicator for the period from ``first`` to ``last`` (inclusive), in shift order."""
    with store.read() as session:
        return [_measure(session, count, first, last) for count in COUNTS]


def _measure(session: Session, count: _Count, first: dt.date, last: dt.date) -> Indicator:
    numerator, denominator = session.execute(count.query(first, last)).one()
    return Indicator(
        count.shift,
        count.title,
        int(numerator or 0),
        int(denominator or 0),
        count.of_what,
        count.why,
    )


def by_shift(indicators: list[Indicator]) -> dict[PracticeShift, list[Indicator]]:
    """The indicators grouped under each of the eight shifts (some shifts may have none)."""
    grouped: dict[PracticeShift, list[Indicator]] = {shift: [] for shift in PracticeShift}
    for indicator in indicators:
        grouped[indicator.shift].append(indicator)
    return grouped
