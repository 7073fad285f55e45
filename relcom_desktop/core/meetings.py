"""Meetings: when, who, what was discussed and decided."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, require_text
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import MeetingKind


@dataclass(frozen=True)
class Meeting:
    title: str
    starts_at: dt.datetime
    kind: MeetingKind = MeetingKind.OTHER
    duration_minutes: int = 60
    location: str = ""
    notes: str = ""
    previous_meeting_id: int | None = None
    id: int | None = None


def _validate(session: Session, mt: Meeting) -> Meeting:
    title = require_text(mt.title, "a title for the meeting", 200)
    if mt.starts_at is None:
        raise errors.ValidationError("Enter the date and time of the meeting.")
    if not 0 < mt.duration_minutes <= 24 * 60:
        raise errors.ValidationError("A meeting lasts between 1 minute and 24 hours.")
    return dataclasses.replace(mt, title=title, location=clean_text(mt.location))


_crud: Crud[Meeting] = Crud(m.Meeting, Meeting, "meeting", _validate)

get_meeting = _crud.get
create_meeting = _crud.create
update_meeting = _crud.update
delete_meeting = _crud.delete
restore_meeting = _crud.restore


def meetings_between(store: Store, first: dt.datetime, last: dt.datetime) -> list[Meeting]:
    return _crud.list_where(
        store,
        m.Meeting.starts_at >= first,
        m.Meeting.starts_at < last,
        order_by=[m.Meeting.starts_at],
    )
