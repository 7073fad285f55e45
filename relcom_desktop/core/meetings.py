"""Meetings: when, who, what was discussed and decided."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.actions import Action, actions_of_meeting
from relcom_desktop.core.crud import Crud, clean_text, require_text, to_record
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import MeetingKind, PanelOutcome


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


# ---- the whole meeting: who came, what was discussed, decided and agreed -----------------


@dataclass(frozen=True)
class Attendee:
    name: str
    role: str = ""
    organisation: str = ""
    attended: bool = True
    contact_id: int | None = None


@dataclass(frozen=True)
class AgendaItem:
    title: str
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Decision:
    text: str
    agreed_by: str = ""
    dissent: str = ""
    panel_outcome: PanelOutcome | None = None
    conditions: str = ""
    weekly_budget_pence: int | None = None
    agenda_item_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class MeetingDetail:
    """A meeting with everything recorded in it, as screens and minutes show it."""

    meeting: Meeting
    attendees: tuple[Attendee, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    child_ids: tuple[int, ...] = ()
    provider_ids: tuple[int, ...] = ()


def get_meeting_detail(store: Store, meeting_id: int) -> MeetingDetail:
    """The meeting and all its parts, in a fixed small number of queries."""
    with store.read() as session:
        meeting = _crud.get_in(session, meeting_id)
        return MeetingDetail(
            meeting=meeting,
            attendees=tuple(
                to_record(Attendee, a)
                for a in session.scalars(
                    select(m.MeetingAttendee)
                    .where(m.MeetingAttendee.meeting_id == meeting_id)
                    .order_by(m.MeetingAttendee.id)
                )
            ),
            agenda=tuple(
                to_record(AgendaItem, a)
                for a in session.scalars(
                    select(m.AgendaItem)
                    .where(m.AgendaItem.meeting_id == meeting_id)
                    .order_by(m.AgendaItem.position, m.AgendaItem.id)
                )
            ),
            decisions=tuple(
                to_record(Decision, d)
                for d in session.scalars(
                    select(m.Decision)
                    .where(m.Decision.meeting_id == meeting_id)
                    .order_by(m.Decision.id)
                )
            ),
            actions=tuple(actions_of_meeting(session, meeting_id)),
            child_ids=_linked(session, m.meeting_child.c.child_id, meeting_id),
            provider_ids=_linked(session, m.meeting_provider.c.provider_id, meeting_id),
        )


def _linked(session: Session, column: Any, meeting_id: int) -> tuple[int, ...]:
    table = column.table
    stmt = select(column).where(table.c.meeting_id == meeting_id).order_by(column)
    return tuple(session.scalars(stmt))
