"""Starting a meeting: agenda templates per kind, and the next meeting of a series.

A follow-up meeting copies the previous one's title, kind, place, attendees, agenda and the
children and providers it concerns, and carries forward every action still open. Nothing is
saved until :func:`relcom_desktop.core.meetings.save_meeting` is called with the draft.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from relcom_desktop.core import clock
from relcom_desktop.core.actions import Action
from relcom_desktop.core.enums import ActionSource, ActionStatus, MeetingKind
from relcom_desktop.core.meetings import (
    AgendaItem,
    Meeting,
    MeetingDetail,
    get_meeting_detail,
)
from relcom_desktop.core.store.db import Store

MK = MeetingKind
AGENDA_TEMPLATES: dict[MeetingKind, tuple[str, ...]] = {
    MK.PLACEMENT_PLANNING: (
        "Introductions and purpose of the meeting",
        "The child's wishes and feelings",
        "Needs, strengths and risks",
        "Matching: why this home or carer",
        "Education, health and transport",
        "Family time and important relationships",
        "Moving-in plan and support",
        "Actions and date of the first review",
    ),
    MK.PLACEMENT_REVIEW: (
        "Welcome and apologies",
        "Actions from last time",
        "What is going well",
        "What worries us",
        "The child's views",
        "Evidence against the Quality Standards",
        "Family time and links",
        "Fees and support package",
        "Actions and date of the next review",
    ),
    MK.PLACEMENT_PANEL: (
        "Case summary and the child's views",
        "Options considered",
        "Proposed placement and matching",
        "Cost, value and weekly budget",
        "Panel questions",
        "Decision: approve, defer or decline",
        "Conditions and review date",
    ),
    MK.PROVIDER: (
        "Actions from last time",
        "Children placed: how each is doing",
        "Workforce and staffing",
        "Ofsted, Regulation 44 and 45 findings",
        "Notifications and concerns",
        "Fees and contract",
        "Support we can offer",
        "Any other business",
    ),
    MK.STRATEGIC: (
        "Actions from last time",
        "Sufficiency data: needs and placements",
        "Gaps and pressures",
        "What providers are telling us",
        "Priorities and how to allocate resources",
        "Joint work and training",
        "Any other business",
    ),
    MK.PROFESSIONALS: (
        "Introductions and purpose",
        "What we know: risks and strengths",
        "Health and CAMHS",
        "Education",
        "Family network",
        "The child's views",
        "Plan and contingency",
        "Actions",
    ),
    MK.OTHER: ("Welcome", "Discussion", "Any other business"),
}
DURATION_MINUTES: dict[MeetingKind, int] = {MK.PLACEMENT_PANEL: 45, MK.STRATEGIC: 120}
SERIES_GAP = dt.timedelta(days=28)


def agenda_for(kind: MeetingKind) -> tuple[AgendaItem, ...]:
    """The template agenda for a kind of meeting, with placeholder ids for new items."""
    return tuple(AgendaItem(title, id=-n) for n, title in enumerate(AGENDA_TEMPLATES[kind], 1))


def meeting_from_template(
    kind: MeetingKind,
    starts_at: dt.datetime,
    *,
    title: str = "",
    child_ids: tuple[int, ...] = (),
    provider_ids: tuple[int, ...] = (),
) -> MeetingDetail:
    """A new, unsaved meeting of ``kind`` with its template agenda."""
    meeting = Meeting(
        title=title.strip() or kind.label,
        starts_at=starts_at,
        kind=kind,
        duration_minutes=DURATION_MINUTES.get(kind, 60),
    )
    return MeetingDetail(
        meeting, agenda=agenda_for(kind), child_ids=child_ids, provider_ids=provider_ids
    )


def next_in_series(previous: dt.datetime, today: dt.date) -> dt.datetime:
    """Four weeks after the previous meeting, or the same weekday and time after today."""
    when = previous + SERIES_GAP
    while when.date() <= today:
        when += dt.timedelta(days=7)
    return when


def follow_up_draft(
    store: Store,
    previous_id: int,
    starts_at: dt.datetime | None = None,
    *,
    today: dt.date | None = None,
) -> MeetingDetail:
    """The next meeting of a series, copied from ``previous_id`` with its open actions."""
    before = get_meeting_detail(store, previous_id)
    old = before.meeting
    when = starts_at or next_in_series(old.starts_at, today or clock.today())
    meeting = dataclasses.replace(
        old, id=None, starts_at=when, notes="", previous_meeting_id=old.id
    )
    return MeetingDetail(
        meeting=meeting,
        attendees=tuple(dataclasses.replace(a, attended=True) for a in before.attendees),
        agenda=tuple(
            AgendaItem(item.title, id=-n) for n, item in enumerate(before.agenda, start=1)
        ),
        actions=tuple(_carried(a) for a in before.actions if a.status is ActionStatus.OPEN),
        child_ids=before.child_ids,
        provider_ids=before.provider_ids,
    )


def _carried(action: Action) -> Action:
    return Action(
        title=action.title,
        owner=action.owner,
        due_on=action.due_on,
        notes=action.notes,
        source=ActionSource.MEETING,
        child_id=action.child_id,
        provider_id=action.provider_id,
        carried_from_id=action.id,
    )
