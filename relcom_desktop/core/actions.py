"""Actions: something someone agreed to do by a date, from any source."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, require_text
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import ActionSource, ActionStatus


@dataclass(frozen=True)
class Action:
    title: str
    owner: str = ""
    due_on: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    done_on: dt.date | None = None
    snoozed_until: dt.date | None = None
    notes: str = ""
    source: ActionSource = ActionSource.MANUAL
    meeting_id: int | None = None
    journal_entry_id: int | None = None
    check_in_id: int | None = None
    placement_review_id: int | None = None
    child_id: int | None = None
    provider_id: int | None = None
    carried_from_id: int | None = None
    id: int | None = None


def _validate(session: Session, a: Action) -> Action:
    title = require_text(a.title, "what needs doing", 300)
    if a.status is ActionStatus.DONE and a.done_on is None:
        a = dataclasses.replace(a, done_on=dt.date.today())
    if a.status is not ActionStatus.DONE:
        a = dataclasses.replace(a, done_on=None)
    for field, model, what in (
        ("child_id", m.Child, "child"),
        ("provider_id", m.Provider, "provider"),
        ("meeting_id", m.Meeting, "meeting"),
    ):
        ref = getattr(a, field)
        if ref is not None and session.get(model, ref) is None:
            raise errors.ValidationError(f"The {what} this action is linked to no longer exists.")
    return dataclasses.replace(a, title=title, owner=clean_text(a.owner))


_crud: Crud[Action] = Crud(m.Action, Action, "action", _validate)

get_action = _crud.get
create_action = _crud.create
update_action = _crud.update
delete_action = _crud.delete
restore_action = _crud.restore


def complete_action(store: Store, action_id: int, on: dt.date | None = None) -> Action:
    with store.write() as session:
        action = _crud.get_in(session, action_id)
        done = dataclasses.replace(action, status=ActionStatus.DONE, done_on=on or dt.date.today())
        return _crud.update_in(session, done)


def actions_of_meeting(session: Session, meeting_id: int) -> list[Action]:
    """The actions agreed at a meeting, in the order they were recorded."""
    stmt = (
        select(m.Action)
        .where(m.Action.meeting_id == meeting_id, m.Action.deleted_at.is_(None))
        .order_by(m.Action.id)
    )
    return [_crud.as_record(row) for row in session.scalars(stmt)]


def open_actions(store: Store, *, child_id: int | None = None) -> list[Action]:
    """Open actions, soonest due first (undated last)."""
    criteria = [m.Action.status == ActionStatus.OPEN]
    if child_id is not None:
        criteria.append(m.Action.child_id == child_id)
    return _crud.list_where(
        store, *criteria, order_by=[m.Action.due_on.is_(None), m.Action.due_on, m.Action.id]
    )
