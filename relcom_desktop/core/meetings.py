"""Meetings: when, who, what was discussed and decided."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.actions import Action, as_action
from relcom_desktop.core.crud import (
    Crud,
    clean_text,
    editable_values,
    like_pattern,
    require_text,
    to_record,
)
from relcom_desktop.core.enums import MeetingKind, PanelOutcome
from relcom_desktop.core.meeting_actions import save_actions
from relcom_desktop.core.placements import MAX_WEEKLY_FEE_PENCE
from relcom_desktop.core.store.db import Store


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
    if len(clean_text(mt.location)) > 300:
        raise errors.ValidationError("The location or link is too long (at most 300).")
    if mt.previous_meeting_id is not None and mt.previous_meeting_id == mt.id:
        raise errors.ValidationError("A meeting cannot follow on from itself.")
    return dataclasses.replace(
        mt, title=title, location=clean_text(mt.location), notes=clean_text(mt.notes)
    )


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
        return _detail_in(session, meeting_id)


def meeting_details(store: Store, meeting_ids: list[int]) -> list[MeetingDetail]:
    """Several whole meetings (in the order asked, missing ones left out) in six queries."""
    with store.read() as session:
        return _details_in(session, meeting_ids)


def _detail_in(session: Session, meeting_id: int) -> MeetingDetail:
    _crud.get_in(session, meeting_id)  # says so plainly if it is gone
    return _details_in(session, [meeting_id])[0]


def _by_meeting(session: Session, model: Any, ids: list[int], *order: Any) -> dict[int, list[Any]]:
    found: dict[int, list[Any]] = {i: [] for i in ids}
    for row in session.scalars(select(model).where(model.meeting_id.in_(ids)).order_by(*order)):
        found[row.meeting_id].append(row)
    return found


def _links(session: Session, column: Any, ids: list[int]) -> dict[int, tuple[int, ...]]:
    table = column.table
    found: dict[int, list[int]] = {i: [] for i in ids}
    stmt = select(table.c.meeting_id, column).where(table.c.meeting_id.in_(ids)).order_by(column)
    for meeting_id, other in session.execute(stmt):
        found[meeting_id].append(other)
    return {i: tuple(v) for i, v in found.items()}


def _details_in(session: Session, meeting_ids: list[int]) -> list[MeetingDetail]:
    ids = list(dict.fromkeys(meeting_ids))
    rows = session.scalars(
        select(m.Meeting).where(m.Meeting.id.in_(ids), m.Meeting.deleted_at.is_(None))
    )
    meetings = {row.id: _crud.as_record(row) for row in rows}
    people = _by_meeting(session, m.MeetingAttendee, ids, m.MeetingAttendee.id)
    agenda = _by_meeting(session, m.AgendaItem, ids, m.AgendaItem.position, m.AgendaItem.id)
    decisions = _by_meeting(session, m.Decision, ids, m.Decision.id)
    agreed = _by_meeting(session, m.Action, ids, m.Action.id)
    children = _links(session, m.meeting_child.c.child_id, ids)
    providers = _links(session, m.meeting_provider.c.provider_id, ids)
    return [
        MeetingDetail(
            meeting=meetings[i],
            attendees=tuple(to_record(Attendee, a) for a in people[i]),
            agenda=tuple(to_record(AgendaItem, a) for a in agenda[i]),
            decisions=tuple(to_record(Decision, d) for d in decisions[i]),
            actions=tuple(as_action(a) for a in agreed[i] if a.deleted_at is None),
            child_ids=children[i],
            provider_ids=providers[i],
        )
        for i in ids
        if i in meetings
    ]


# ---- saving the whole meeting in one transaction -----------------------------------------


def save_meeting(store: Store, detail: MeetingDetail) -> MeetingDetail:
    """Create or update a meeting with everything in it; all or nothing.

    New agenda items may carry a negative placeholder ``id`` so that a decision can point at
    them (``agenda_item_id``) before they are saved. Actions keep their ids; an action left out
    is moved to the Trash. A new action carried forward from an earlier meeting closes the
    original (cancelled, with a note); removing the carried copy reopens the original.
    """
    with store.write() as session:
        meeting = detail.meeting
        saved = (
            _crud.update_in(session, meeting) if meeting.id else _crud.create_in(session, meeting)
        )
        meeting_id = saved.id
        assert meeting_id is not None
        child_ids = _save_links(session, meeting_id, detail.child_ids, detail.provider_ids)
        _save_attendees(session, meeting_id, detail.attendees)
        items = _save_agenda(session, meeting_id, detail.agenda)
        _save_decisions(session, meeting_id, detail.decisions, items)
        save_actions(session, meeting_id, detail.actions, child_ids, detail.provider_ids)
        session.flush()
        return _detail_in(session, meeting_id)


def _known(session: Session, model: Any, ids: tuple[int, ...], what: str) -> tuple[int, ...]:
    ids = tuple(dict.fromkeys(ids))
    found = set(
        session.scalars(select(model.id).where(model.id.in_(ids), model.deleted_at.is_(None)))
    )
    if len(found) != len(ids):
        raise errors.ValidationError(f"One of the {what} chosen is no longer in your records.")
    return ids


def _save_links(
    session: Session, meeting_id: int, child_ids: tuple[int, ...], provider_ids: tuple[int, ...]
) -> tuple[int, ...]:
    children = _known(session, m.Child, child_ids, "children")
    providers = _known(session, m.Provider, provider_ids, "providers")
    for table, column, ids in (
        (m.meeting_child, "child_id", children),
        (m.meeting_provider, "provider_id", providers),
    ):
        session.execute(delete(table).where(table.c.meeting_id == meeting_id))
        if ids:
            session.execute(insert(table), [{"meeting_id": meeting_id, column: i} for i in ids])
    return children


def _save_attendees(session: Session, meeting_id: int, people: tuple[Attendee, ...]) -> None:
    session.execute(delete(m.MeetingAttendee).where(m.MeetingAttendee.meeting_id == meeting_id))
    for person in people:
        name = require_text(person.name, "each attendee's name", 160)
        if (
            person.contact_id is not None
            and session.get(m.ContactPerson, person.contact_id) is None
        ):
            person = dataclasses.replace(person, contact_id=None)
        session.add(
            m.MeetingAttendee(
                meeting_id=meeting_id,
                contact_id=person.contact_id,
                name=name,
                role=clean_text(person.role)[:120],
                organisation=clean_text(person.organisation)[:200],
                attended=person.attended,
            )
        )


def _save_agenda(
    session: Session, meeting_id: int, items: tuple[AgendaItem, ...]
) -> dict[int, int]:
    """Save the agenda in order; returns each given id (placeholder or real) -> saved id."""
    existing = {
        row.id: row
        for row in session.scalars(
            select(m.AgendaItem).where(m.AgendaItem.meeting_id == meeting_id)
        )
    }
    saved: dict[int, int] = {}
    for position, item in enumerate(items):
        title = require_text(item.title, "a title for each agenda item", 300)
        row = existing.pop(item.id, None) if item.id is not None else None
        if row is None:
            row = m.AgendaItem(meeting_id=meeting_id)
            session.add(row)
        row.position, row.title, row.notes = position, title, clean_text(item.notes)
        session.flush()
        if item.id is not None:
            saved[item.id] = row.id
    for row in existing.values():
        session.delete(row)
    return saved


def _check_decision(d: Decision) -> Decision:
    text = require_text(d.text, "what was decided", 4000)
    budget = d.weekly_budget_pence
    if budget is not None and not 0 <= budget <= MAX_WEEKLY_FEE_PENCE:
        raise errors.ValidationError("The weekly budget must be between £0 and £100,000.")
    if budget is not None and d.panel_outcome in (PanelOutcome.DEFER, PanelOutcome.DECLINE):
        raise errors.ValidationError(
            "A weekly budget is agreed only when the panel approves; clear it or change the "
            "outcome."
        )
    return dataclasses.replace(
        d,
        text=text,
        agreed_by=clean_text(d.agreed_by),
        dissent=clean_text(d.dissent),
        conditions=clean_text(d.conditions),
    )


def _save_decisions(
    session: Session, meeting_id: int, decisions: tuple[Decision, ...], items: dict[int, int]
) -> None:
    session.execute(delete(m.Decision).where(m.Decision.meeting_id == meeting_id))
    for decision in decisions:
        d = _check_decision(decision)
        item = items.get(d.agenda_item_id) if d.agenda_item_id is not None else None
        values = editable_values(dataclasses.replace(d, agenda_item_id=item), m.Decision)
        session.add(m.Decision(meeting_id=meeting_id, **values))


# ---- choosing people and naming links ----------------------------------------------------


def attendee_choices(store: Store, text: str = "", *, limit: int = 30) -> list[Attendee]:
    """Contacts whose name, role or organisation contains ``text``, as attendees."""
    stmt = (
        select(m.ContactPerson, m.Provider.name)
        .outerjoin(m.Provider, m.Provider.id == m.ContactPerson.provider_id)
        .where(m.ContactPerson.deleted_at.is_(None))
    )
    if text.strip():
        like = like_pattern(text.strip())
        stmt = stmt.where(
            or_(
                m.ContactPerson.name.ilike(like, escape="\\"),
                m.ContactPerson.role.ilike(like, escape="\\"),
                m.ContactPerson.organisation.ilike(like, escape="\\"),
                m.Provider.name.ilike(like, escape="\\"),
            )
        )
    stmt = stmt.order_by(func.lower(m.ContactPerson.name), m.ContactPerson.id).limit(limit)
    with store.read() as session:
        return [
            Attendee(c.name, c.role, c.organisation or provider or "", True, c.id)
            for c, provider in session.execute(stmt)
        ]


def link_names(
    store: Store, child_ids: tuple[int, ...], provider_ids: tuple[int, ...]
) -> tuple[dict[int, str], dict[int, str]]:
    """The preferred names of children and the names of providers, by id."""
    with store.read() as session:
        children = dict(
            session.execute(
                select(m.Child.id, m.Child.preferred_name).where(m.Child.id.in_(child_ids))
            ).all()
        )
        providers = dict(
            session.execute(
                select(m.Provider.id, m.Provider.name).where(m.Provider.id.in_(provider_ids))
            ).all()
        )
    return children, providers
