"""The Meetings list: filtered, sorted and paged by the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, exists, func, or_, select

from relcom_desktop.core import models as m
from relcom_desktop.core.crud import like_pattern
from relcom_desktop.core.enums import ActionStatus, MeetingKind
from relcom_desktop.core.store.db import Store


class When(StrEnum):
    ALL = "all"
    UPCOMING = "upcoming"
    PAST = "past"


class MeetingSort(StrEnum):
    DATE = "date"
    TITLE = "title"
    KIND = "kind"


@dataclass(frozen=True)
class MeetingFilter:
    text: str = ""
    kind: MeetingKind | None = None
    when: When = When.ALL
    child_id: int | None = None
    provider_id: int | None = None


@dataclass(frozen=True)
class MeetingListRow:
    id: int
    title: str
    kind: MeetingKind
    starts_at: dt.datetime
    duration_minutes: int
    location: str
    children: str
    """The preferred names of the children it concerns, comma-separated."""
    open_actions: int

    @property
    def ends_at(self) -> dt.datetime:
        return self.starts_at + dt.timedelta(minutes=self.duration_minutes)


def _names() -> Any:
    link = m.meeting_child
    return (
        select(func.group_concat(m.Child.preferred_name, ", "))
        .join(link, link.c.child_id == m.Child.id)
        .where(link.c.meeting_id == m.Meeting.id, m.Child.deleted_at.is_(None))
        .correlate(m.Meeting)
        .scalar_subquery()
    )


def _open_actions() -> Any:
    return (
        select(func.count(m.Action.id))
        .where(
            m.Action.meeting_id == m.Meeting.id,
            m.Action.status == ActionStatus.OPEN,
            m.Action.deleted_at.is_(None),
        )
        .correlate(m.Meeting)
        .scalar_subquery()
    )


def _where(stmt: Select, f: MeetingFilter, now: dt.datetime) -> Select:
    stmt = stmt.where(m.Meeting.deleted_at.is_(None))
    if f.text.strip():
        like = like_pattern(f.text.strip())
        stmt = stmt.where(
            or_(
                m.Meeting.title.ilike(like, escape="\\"),
                m.Meeting.location.ilike(like, escape="\\"),
            )
        )
    if f.kind is not None:
        stmt = stmt.where(m.Meeting.kind == f.kind)
    # Today's meetings count as upcoming all day: their notes are written after them.
    today = dt.datetime.combine(now.date(), dt.time())
    if f.when is When.UPCOMING:
        stmt = stmt.where(m.Meeting.starts_at >= today)
    elif f.when is When.PAST:
        stmt = stmt.where(m.Meeting.starts_at < today)
    for table, column, value in (
        (m.meeting_child, "child_id", f.child_id),
        (m.meeting_provider, "provider_id", f.provider_id),
    ):
        if value is not None:
            stmt = stmt.where(
                exists().where(table.c.meeting_id == m.Meeting.id, table.c[column] == value)
            )
    return stmt


def list_meetings(
    store: Store,
    filt: MeetingFilter = MeetingFilter(),
    *,
    sort: MeetingSort = MeetingSort.DATE,
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 200,
    now: dt.datetime | None = None,
) -> list[MeetingListRow]:
    """One page of meetings (newest first unless asked otherwise)."""
    now = now or dt.datetime.now()
    key = {
        MeetingSort.DATE: m.Meeting.starts_at,
        MeetingSort.TITLE: func.lower(m.Meeting.title),
        MeetingSort.KIND: m.Meeting.kind,
    }[sort]
    order = [key.desc() if descending else key.asc(), m.Meeting.starts_at.desc(), m.Meeting.id]
    stmt = select(m.Meeting, _names(), _open_actions())
    stmt = _where(stmt, filt, now).order_by(*order).offset(offset).limit(limit)
    with store.read() as session:
        return [
            MeetingListRow(
                mt.id,
                mt.title,
                mt.kind,
                mt.starts_at,
                mt.duration_minutes,
                mt.location,
                names or "",
                open_actions or 0,
            )
            for mt, names, open_actions in session.execute(stmt)
        ]


def count_meetings(
    store: Store, filt: MeetingFilter = MeetingFilter(), *, now: dt.datetime | None = None
) -> int:
    stmt = _where(select(m.Meeting.id), filt, now or dt.datetime.now()).subquery()
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(stmt)) or 0


def matching_meeting_ids(_session: Any, filt: MeetingFilter) -> Select:
    """The ids of the meetings the Meetings list shows for ``filt`` (for exports)."""
    return _where(select(m.Meeting.id), filt, dt.datetime.now())
