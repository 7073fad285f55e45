"""Calendar files (.ics, RFC 5545) for meetings and action due dates, built with ``icalendar``.

Outlook, Apple Calendar, Google Calendar and Thunderbird import these files. Meeting times are
local UK times (Europe/London, with its VTIMEZONE); action due dates are all-day events. Each
event's UID is stable for a record of this data file, so importing again updates the event.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from relcom_desktop import APP_NAME
from relcom_desktop.core import preferences
from relcom_desktop.core.actions import ActionFilter, ActionListRow, list_actions
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.meeting_list import MeetingFilter, When, list_meetings
from relcom_desktop.core.meetings import MeetingDetail, meeting_details
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.store.files import write_atomically

LOCAL_TIME = ZoneInfo("Europe/London")
PRODID = f"-//{APP_NAME}//Meetings and actions//EN"
UID_DOMAIN = "relcom-desktop"
MAX_EVENTS = 5000


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    return cal


def _file_id(store: Store) -> str:
    known = str(preferences.get(store, preferences.CALENDAR_ID) or "")
    if not known:
        known = uuid.uuid4().hex[:12]
        preferences.put(store, preferences.CALENDAR_ID, known)
    return known


def _description(detail: MeetingDetail) -> str:
    parts = [detail.meeting.kind.label]
    if detail.attendees:
        people = [
            ", ".join(p for p in (a.name, a.role, a.organisation) if p) for a in detail.attendees
        ]
        parts.append("Attendees:\n" + "\n".join(f"- {p}" for p in people))
    if detail.agenda:
        items = [f"{n}. {item.title}" for n, item in enumerate(detail.agenda, start=1)]
        parts.append("Agenda:\n" + "\n".join(items))
    return "\n\n".join(parts)


def meeting_event(detail: MeetingDetail, file_id: str, stamp: dt.datetime) -> Event:
    mt = detail.meeting
    start = mt.starts_at.replace(tzinfo=LOCAL_TIME)
    event = Event()
    event.add("uid", f"meeting-{mt.id}-{file_id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + dt.timedelta(minutes=mt.duration_minutes))
    event.add("summary", mt.title)
    if mt.location:
        event.add("location", mt.location)
        if mt.location.startswith(("https://", "http://")):
            event.add("url", mt.location)
    event.add("description", _description(detail))
    event.add("categories", [mt.kind.label])
    event.add("class", "PRIVATE")
    return event


def action_event(row: ActionListRow, file_id: str, stamp: dt.datetime) -> Event:
    assert row.due_on is not None
    event = Event()
    event.add("uid", f"action-{row.id}-{file_id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", row.due_on)
    event.add("dtend", row.due_on + dt.timedelta(days=1))
    event.add("summary", f"Action due: {row.title}")
    who = row.owner or "No one named"
    about = row.child_name or row.provider_name
    lines = [f"Who: {who}", f"From: {row.source_title}"] + ([f"About: {about}"] if about else [])
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")
    event.add("class", "PRIVATE")
    return event


def _finish(cal: Calendar) -> bytes:
    cal.add_missing_timezones()
    return cal.to_ical()


def meetings_ics(details: Iterable[MeetingDetail], file_id: str, name: str) -> bytes:
    stamp = dt.datetime.now(dt.UTC)
    cal = _calendar(name)
    for detail in details:
        cal.add_component(meeting_event(detail, file_id, stamp))
    return _finish(cal)


def upcoming_meeting_ids(store: Store, now: dt.datetime | None = None) -> list[int]:
    rows = list_meetings(
        store, MeetingFilter(when=When.UPCOMING), descending=False, limit=MAX_EVENTS, now=now
    )
    return [r.id for r in rows]


def export_meetings(store: Store, meeting_ids: list[int], path: Path, name: str) -> int:
    """Write the meetings to an .ics file; returns how many events it holds."""
    details = meeting_details(store, meeting_ids)
    write_atomically(path, meetings_ics(details, _file_id(store), name))
    one = len(details) == 1
    audit.record(
        store,
        AuditKind.EXPORT,
        "meeting" if one else "",
        details[0].meeting.id if one else None,
        f"Calendar file with {len(details)} meeting(s)",
    )
    return len(details)


def action_rows_with_due_dates(
    store: Store, filt: ActionFilter | None = None, today: dt.date | None = None
) -> list[ActionListRow]:
    """Actions matching ``filt`` (open ones by default) that have a due date."""
    rows = list_actions(store, filt or ActionFilter(), limit=MAX_EVENTS, today=today)
    return [r for r in rows if r.due_on is not None]


def actions_ics(rows: Iterable[ActionListRow], file_id: str) -> bytes:
    stamp = dt.datetime.now(dt.UTC)
    cal = _calendar("Action due dates")
    for row in rows:
        if row.due_on is not None:
            cal.add_component(action_event(row, file_id, stamp))
    return _finish(cal)


def export_action_due_dates(
    store: Store, path: Path, filt: ActionFilter | None = None, today: dt.date | None = None
) -> int:
    """Write the due dates of the actions matching ``filt`` to an .ics file."""
    rows = action_rows_with_due_dates(store, filt, today)
    write_atomically(path, actions_ics(rows, _file_id(store)))
    audit.record(
        store, AuditKind.EXPORT, "action", None, f"Calendar file with {len(rows)} due dates"
    )
    return len(rows)
