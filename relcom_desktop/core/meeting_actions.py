"""The actions agreed at a meeting, saved with it in its transaction.

An action left out of the meeting moves to the Trash; one that comes back (undoing an edit)
returns from it. A new action carried forward from an earlier meeting closes the original
(cancelled, with a note); removing the carried copy reopens the original.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.actions import Action, as_action, save_in
from relcom_desktop.core.enums import ActionSource, ActionStatus

CARRIED_NOTE = "Carried forward to the next meeting."


def actions_of_meeting(session: Session, meeting_id: int) -> list[Action]:
    """The actions agreed at a meeting, in the order they were recorded."""
    stmt = (
        select(m.Action)
        .where(m.Action.meeting_id == meeting_id, m.Action.deleted_at.is_(None))
        .order_by(m.Action.id)
    )
    return [as_action(row) for row in session.scalars(stmt)]


def save_actions(
    session: Session,
    meeting_id: int,
    agreed: tuple[Action, ...],
    child_ids: tuple[int, ...],
    provider_ids: tuple[int, ...],
) -> None:
    before = {a.id: a for a in actions_of_meeting(session, meeting_id)}
    only_child = child_ids[0] if len(child_ids) == 1 else None
    only_provider = provider_ids[0] if len(provider_ids) == 1 else None
    for action in agreed:
        action = dataclasses.replace(
            action,
            meeting_id=meeting_id,
            source=ActionSource.MEETING,
            child_id=action.child_id or only_child,
            provider_id=action.provider_id or only_provider,
        )
        if action.id is None:
            save_in(session, action)
            _close_carried(session, action.carried_from_id)
        elif before.pop(action.id, None) is not None or _untrash(session, action.id, meeting_id):
            save_in(session, action)
        else:
            raise errors.ValidationError(f"The action “{action.title}” belongs to another meeting.")
    for gone in before.values():
        session.get(m.Action, gone.id).deleted_at = m.utcnow()  # type: ignore[union-attr]
        _reopen_carried(session, gone.carried_from_id)


def _untrash(session: Session, action_id: int, meeting_id: int) -> bool:
    """Bring an action of this meeting back from the Trash; False if there is none."""
    row = session.get(m.Action, action_id)
    if row is None or row.meeting_id != meeting_id or row.deleted_at is None:
        return False
    row.deleted_at = None
    return True


def _close_carried(session: Session, original_id: int | None) -> None:
    row = session.get(m.Action, original_id) if original_id is not None else None
    if row is not None and row.status is ActionStatus.OPEN:
        row.status = ActionStatus.CANCELLED
        row.notes = "\n".join(n for n in (row.notes, CARRIED_NOTE) if n)


def _reopen_carried(session: Session, original_id: int | None) -> None:
    row = session.get(m.Action, original_id) if original_id is not None else None
    if row is not None and row.status is ActionStatus.CANCELLED and CARRIED_NOTE in row.notes:
        row.status = ActionStatus.OPEN
        row.notes = "\n".join(n for n in row.notes.splitlines() if n != CARRIED_NOTE)
