"""Calendar files: meetings and action due dates survive a round trip through icalendar."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from relcom_desktop.core.actions import Action, ActionFilter, Whose, create_action
from relcom_desktop.core.enums import AuditKind, MeetingKind
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.interop.calendar_export import (
    export_action_due_dates,
    export_meetings,
    upcoming_meeting_ids,
)
from relcom_desktop.core.meeting_templates import meeting_from_template
from relcom_desktop.core.meetings import Attendee, save_meeting
from relcom_desktop.core.store import audit

LONDON = ZoneInfo("Europe/London")


def _read(path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def _meeting(store, title: str, at: dt.datetime, location: str = "County Hall"):
    draft = meeting_from_template(MeetingKind.PLACEMENT_REVIEW, at, title=title)
    meeting = dataclasses.replace(draft.meeting, location=location, duration_minutes=90)
    return save_meeting(
        store,
        dataclasses.replace(
            draft, meeting=meeting, attendees=(Attendee("Jo Reed", "IRO", "Demoshire"),)
        ),
    )


def test_one_meeting_round_trips(store, tmp_path) -> None:
    saved = _meeting(store, "Review: Ash at Oak House", dt.datetime(2026, 7, 2, 14, 30))
    path = tmp_path / "meeting.ics"
    assert export_meetings(store, [saved.meeting.id], path, "Meeting") == 1
    cal = _read(path)
    assert str(cal["version"]) == "2.0" and "RelCom Desktop" in str(cal["prodid"])
    [event] = cal.events
    assert str(event["summary"]) == "Review: Ash at Oak House"
    assert str(event["location"]) == "County Hall"
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == dt.datetime(2026, 7, 2, 14, 30, tzinfo=LONDON)
    assert start.utcoffset() == dt.timedelta(hours=1)  # British Summer Time
    assert end - start == dt.timedelta(minutes=90)
    description = str(event["description"])
    assert "Jo Reed, IRO, Demoshire" in description
    assert "1. Welcome and apologies" in description
    assert str(event["class"]) == "PRIVATE"
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]
    [event_kind] = [e for e in audit.recent_events(store) if e.kind is AuditKind.EXPORT]
    assert (event_kind.record_kind, event_kind.record_id) == ("meeting", saved.meeting.id)


def test_uids_are_stable_so_a_second_import_updates(store, tmp_path) -> None:
    saved = _meeting(store, "Panel", dt.datetime(2026, 1, 12, 9, 0), "https://meet.example/x")
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    export_meetings(store, [saved.meeting.id], first, "Meeting")
    export_meetings(store, [saved.meeting.id], second, "Meeting")
    [a], [b] = _read(first).events, _read(second).events
    assert str(a["uid"]) == str(b["uid"])
    assert str(a["url"]) == "https://meet.example/x"
    assert a.decoded("dtstart").utcoffset() == dt.timedelta(0)  # GMT in January


def test_all_upcoming_meetings(store, tmp_path) -> None:
    now = dt.datetime(2026, 3, 1, 12, 0)
    for n, day in enumerate((-3, 2, 9)):
        _meeting(store, f"M{n}", now + dt.timedelta(days=day))
    ids = upcoming_meeting_ids(store, now)
    path = tmp_path / "upcoming.ics"
    assert export_meetings(store, ids, path, "Upcoming meetings") == 2
    assert [str(e["summary"]) for e in _read(path).events] == ["M1", "M2"]


def test_action_due_dates_are_all_day_events(store, tmp_path) -> None:
    due = dt.date(2026, 4, 14)
    create_action(store, Action("Chase PEP", owner="", due_on=due))
    create_action(store, Action("Theirs", owner="Jo Reed", due_on=due))
    create_action(store, Action("No date"))
    path = tmp_path / "actions.ics"
    assert export_action_due_dates(store, path, ActionFilter(whose=Whose.MINE)) == 1
    [event] = _read(path).events
    assert str(event["summary"]) == "Action due: Chase PEP"
    assert event.decoded("dtstart") == due
    assert event.decoded("dtend") == due + dt.timedelta(days=1)
    assert str(event["transp"]) == "TRANSPARENT"


def test_a_failed_write_leaves_no_half_file(store, tmp_path) -> None:
    saved = _meeting(store, "Panel", dt.datetime(2026, 1, 12, 9, 0))
    target = tmp_path / "missing-folder" / "x.ics"
    with pytest.raises(RelcomError, match=r"Could not save .*does not exist"):
        export_meetings(store, [saved.meeting.id], target, "Meeting")
    assert not target.parent.exists()
