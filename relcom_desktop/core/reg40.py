"""Regulation 40 notifications: serious events a children's home must notify.

A notification stays *to review* — and puts its setting at the top of Today — until the
commissioner records a response and marks it reviewed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, require_text, to_record
from relcom_desktop.core.provider_records import check_past_date, check_setting, live_child_ids
from relcom_desktop.core.store.db import Store

# Offered in the form; the commissioner may type another (Children's Homes Regulations 2015,
# regulation 40(4), and events homes commonly notify).
EVENT_KINDS = (
    "Death of a child",
    "Allegation against staff",
    "Child protection enquiry (s47)",
    "Child sexual exploitation concern",
    "Police called to the home",
    "Serious injury",
    "Serious illness",
    "Restraint leading to injury",
    "Missing from care",
    "Other serious incident",
)


@dataclass(frozen=True)
class Reg40Notification:
    setting_id: int
    received_on: dt.date
    event_kind: str
    summary: str = ""
    response: str = ""
    reviewed: bool = False
    child_ids: tuple[int, ...] = ()
    id: int | None = None


def _validate(session: Session, n: Reg40Notification) -> Reg40Notification:
    check_setting(session, n.setting_id)
    check_past_date(n.received_on, "the date the notification was received")
    event = require_text(n.event_kind, "what kind of event was notified", 120)
    response = clean_text(n.response)
    if n.reviewed and not response:
        raise errors.ValidationError(
            "Record your response before marking the notification reviewed."
        )
    return dataclasses.replace(
        n,
        event_kind=event,
        summary=clean_text(n.summary),
        response=response,
        child_ids=live_child_ids(session, n.child_ids),
    )


def _child_ids(session: Session, notification_id: int) -> tuple[int, ...]:
    link = m.reg40_child
    return tuple(
        session.scalars(
            select(link.c.child_id)
            .where(link.c.notification_id == notification_id)
            .order_by(link.c.child_id)
        )
    )


class _Reg40Crud(Crud[Reg40Notification]):
    def as_record(self, row: Any) -> Reg40Notification:
        session = Session.object_session(row)
        ids = _child_ids(session, row.id) if session is not None and row.id else ()
        return to_record(Reg40Notification, row, child_ids=ids)

    def fill_extra(self, session: Session, row: Any, record: Reg40Notification) -> None:
        session.flush()  # the new row needs its id before its children are linked
        link = m.reg40_child
        session.execute(delete(link).where(link.c.notification_id == row.id))
        if record.child_ids:
            session.execute(
                insert(link),
                [{"notification_id": row.id, "child_id": c} for c in record.child_ids],
            )


_crud = _Reg40Crud(m.Reg40Notification, Reg40Notification, "Regulation 40 notification", _validate)

get_notification = _crud.get
create_notification = _crud.create
update_notification = _crud.update
delete_notification = _crud.delete
restore_notification = _crud.restore


def mark_reviewed(store: Store, notification_id: int, response: str) -> Reg40Notification:
    """Record the response and take the notification off Today's list."""
    with store.write() as session:
        current = _crud.get_in(session, notification_id)
        reviewed = dataclasses.replace(current, response=response, reviewed=True)
        return _crud.update_in(session, reviewed)


@dataclass(frozen=True)
class Reg40Row:
    notification: Reg40Notification
    setting_name: str
    children: tuple[str, ...]


def notifications_for_provider(store: Store, provider_id: int) -> list[Reg40Row]:
    """Notifications from the provider's settings: those to review first, then newest."""
    n = m.Reg40Notification
    stmt = (
        select(n, m.Setting.name)
        .join(m.Setting, m.Setting.id == n.setting_id)
        .where(
            n.deleted_at.is_(None),
            m.Setting.deleted_at.is_(None),
            m.Setting.provider_id == provider_id,
        )
        .order_by(n.reviewed, n.received_on.desc(), n.id.desc())
    )
    link = m.reg40_child
    with store.read() as session:
        rows = session.execute(stmt).all()
        linked = session.execute(
            select(link.c.notification_id, link.c.child_id, m.Child.preferred_name)
            .join(m.Child, m.Child.id == link.c.child_id)
            .where(link.c.notification_id.in_([row.id for row, _ in rows]))
            .order_by(m.Child.preferred_name)
        ).all()
        ids: dict[int, list[int]] = {}
        names: dict[int, list[str]] = {}
        for notification_id, child_id, name in linked:
            ids.setdefault(notification_id, []).append(child_id)
            names.setdefault(notification_id, []).append(name)
        return [
            Reg40Row(
                to_record(Reg40Notification, row, child_ids=tuple(ids.get(row.id, ()))),
                setting,
                tuple(names.get(row.id, ())),
            )
            for row, setting in rows
        ]
