"""Actions: something someone agreed to do by a date, from any source.

One list across every source (meeting, journal follow-up, check-in, placement review, added by
hand), filtered, sorted and paged by the database; quick complete, snooze and reassign.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, and_, func, not_, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.action_words import source_text
from relcom_desktop.core.crud import Crud, clean_text, like_pattern, require_text
from relcom_desktop.core.dates import end_of_week
from relcom_desktop.core.enums import ActionSource, ActionStatus
from relcom_desktop.core.store.db import Store


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
        a = dataclasses.replace(a, done_on=clock.today())
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
    owner = clean_text(a.owner)
    if len(owner) > 160:
        raise errors.ValidationError("The name of who does it is too long (at most 160).")
    return dataclasses.replace(a, title=title, owner=owner)


_crud: Crud[Action] = Crud(m.Action, Action, "action", _validate)

get_action = _crud.get
create_action = _crud.create
update_action = _crud.update
delete_action = _crud.delete
restore_action = _crud.restore


def _change(store: Store, action_id: int, **changes: Any) -> Action:
    with store.write() as session:
        action = _crud.get_in(session, action_id)
        return _crud.update_in(session, dataclasses.replace(action, **changes))


def complete_action(store: Store, action_id: int, on: dt.date | None = None) -> Action:
    return _change(store, action_id, status=ActionStatus.DONE, done_on=on or clock.today())


def reopen_action(store: Store, action_id: int) -> Action:
    return _change(store, action_id, status=ActionStatus.OPEN, done_on=None)


def snooze_action(
    store: Store, action_id: int, until: dt.date | None, *, today: dt.date | None = None
) -> Action:
    """Put an open action out of sight until ``until`` (None wakes it now)."""
    today = today or clock.today()
    if until is not None and until <= today:
        raise errors.ValidationError("Snooze until a day after today.")
    if until is not None and until > today + dt.timedelta(days=366):
        raise errors.ValidationError("An action can be snoozed for a year at most.")
    return _change(store, action_id, snoozed_until=until)


def reassign_action(store: Store, action_id: int, owner: str) -> Action:
    """Give the action to someone else (blank means nobody in particular: it is yours)."""
    return _change(store, action_id, owner=owner)


def as_action(row: m.Action) -> Action:
    return _crud.as_record(row)


def save_in(session: Session, action: Action) -> Action:
    """Create or update inside a caller's transaction (e.g. saving a whole meeting)."""
    return _crud.update_in(session, action) if action.id else _crud.create_in(session, action)


def open_actions(store: Store, *, child_id: int | None = None) -> list[Action]:
    """Open actions, soonest due first (undated last)."""
    criteria = [m.Action.status == ActionStatus.OPEN]
    if child_id is not None:
        criteria.append(m.Action.child_id == child_id)
    return _crud.list_where(
        store, *criteria, order_by=[m.Action.due_on.is_(None), m.Action.due_on, m.Action.id]
    )


# ---- dates and owners ------------------------------------------------------------------


def my_names(user_name: str) -> tuple[str, ...]:
    """Ways an owner field may name the user: "Sam Demo (commissioner)" is also "Sam Demo"."""
    name = " ".join(user_name.split()).casefold()
    if not name:
        return ()
    short = name.split(" (", 1)[0].strip()
    return tuple(dict.fromkeys(n for n in (name, short) if n))


def is_mine(owner: str, names: tuple[str, ...]) -> bool:
    return not owner.strip() or " ".join(owner.split()).casefold() in names


def _user_names(session: Session) -> tuple[str, ...]:
    row = session.get(m.AppSetting, preferences.USER_NAME)
    value = row.value if row is not None else preferences.DEFAULTS[preferences.USER_NAME]
    return my_names(str(value or ""))


# ---- the Actions list ------------------------------------------------------------------


class Whose(StrEnum):
    ANYONE = "anyone"
    MINE = "mine"
    OTHERS = "others"


class Due(StrEnum):
    ANY = "any"
    OVERDUE = "overdue"
    THIS_WEEK = "this_week"


class ActionSort(StrEnum):
    DUE = "due"
    TITLE = "title"
    OWNER = "owner"
    CHILD = "child"
    PROVIDER = "provider"
    SOURCE = "source"


@dataclass(frozen=True)
class ActionFilter:
    """Which actions to list. ``status`` None means open and done alike (not cancelled)."""

    text: str = ""
    whose: Whose = Whose.ANYONE
    due: Due = Due.ANY
    status: ActionStatus | None = ActionStatus.OPEN
    child_id: int | None = None
    provider_id: int | None = None
    source: ActionSource | None = None
    include_snoozed: bool = True


@dataclass(frozen=True)
class ActionListRow:
    id: int
    title: str
    owner: str
    due_on: dt.date | None
    status: ActionStatus
    done_on: dt.date | None
    snoozed_until: dt.date | None
    source: ActionSource
    source_title: str
    """What the action came from, e.g. the meeting's title or the journal entry's summary."""
    source_date: dt.date | None
    source_record: tuple[str, int] | None
    """(kind, id) of the record the action links back to, for ``open_record``."""
    child_id: int | None
    child_name: str | None
    provider_id: int | None
    provider_name: str | None
    carried_from_id: int | None
    mine: bool

    def overdue_on(self, today: dt.date) -> bool:
        return self.status is ActionStatus.OPEN and self.due_on is not None and self.due_on < today

    def snoozed_on(self, today: dt.date) -> bool:
        return self.snoozed_until is not None and self.snoozed_until > today


def _asleep(today: dt.date) -> Any:
    return and_(m.Action.snoozed_until.is_not(None), m.Action.snoozed_until > today)


def _mine(names: tuple[str, ...]) -> Any:
    owner = func.lower(func.trim(m.Action.owner))
    return or_(owner == "", owner.in_(names)) if names else owner == ""


def _list_query() -> Select:
    return (
        select(
            m.Action,
            m.Child.preferred_name,
            m.Provider.name,
            m.Meeting.title,
            m.Meeting.starts_at,
            m.JournalEntry.summary,
            m.JournalEntry.occurred_on,
            m.CheckIn.held_on,
            m.PlacementReview.held_on,
            m.PlacementReview.placement_id,
        )
        .outerjoin(m.Child, m.Child.id == m.Action.child_id)
        .outerjoin(m.Provider, m.Provider.id == m.Action.provider_id)
        .outerjoin(m.Meeting, m.Meeting.id == m.Action.meeting_id)
        .outerjoin(m.JournalEntry, m.JournalEntry.id == m.Action.journal_entry_id)
        .outerjoin(m.CheckIn, m.CheckIn.id == m.Action.check_in_id)
        .outerjoin(m.PlacementReview, m.PlacementReview.id == m.Action.placement_review_id)
        .where(m.Action.deleted_at.is_(None))
    )


def _apply(stmt: Select, f: ActionFilter, today: dt.date, names: tuple[str, ...]) -> Select:
    a = m.Action
    if f.status is None:
        stmt = stmt.where(a.status != ActionStatus.CANCELLED)
    else:
        stmt = stmt.where(a.status == f.status)
    if f.whose is not Whose.ANYONE:
        mine = _mine(names)
        stmt = stmt.where(mine if f.whose is Whose.MINE else not_(mine))
    if f.due is not Due.ANY:
        stmt = stmt.where(
            a.status == ActionStatus.OPEN, a.due_on.is_not(None), not_(_asleep(today))
        )
        if f.due is Due.OVERDUE:
            stmt = stmt.where(a.due_on < today)
        else:
            stmt = stmt.where(a.due_on >= today, a.due_on <= end_of_week(today))
    if not f.include_snoozed:
        stmt = stmt.where(not_(_asleep(today)))
    for column, value in ((a.child_id, f.child_id), (a.provider_id, f.provider_id)):
        if value is not None:
            stmt = stmt.where(column == value)
    if f.source is not None:
        stmt = stmt.where(a.source == f.source)
    if f.text.strip():
        like = like_pattern(f.text.strip())
        stmt = stmt.where(or_(a.title.ilike(like, escape="\\"), a.owner.ilike(like, escape="\\")))
    return stmt


def _order(stmt: Select, sort: ActionSort, descending: bool) -> Select:
    key = {
        ActionSort.DUE: m.Action.due_on,
        ActionSort.TITLE: func.lower(m.Action.title),
        ActionSort.OWNER: func.lower(m.Action.owner),
        ActionSort.CHILD: func.lower(m.Child.preferred_name),
        ActionSort.PROVIDER: func.lower(m.Provider.name),
        ActionSort.SOURCE: m.Action.source,
    }[sort]
    return stmt.order_by(
        key.is_(None), key.desc() if descending else key.asc(), m.Action.due_on, m.Action.id
    )


def list_actions(
    store: Store,
    filt: ActionFilter = ActionFilter(),
    *,
    sort: ActionSort = ActionSort.DUE,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
    today: dt.date | None = None,
) -> list[ActionListRow]:
    """One page of actions, filtered and sorted by the database."""
    today = today or clock.today()
    with store.read() as session:
        names = _user_names(session)
        stmt = _order(_apply(_list_query(), filt, today, names), sort, descending)
        return [_row(r, names) for r in session.execute(stmt.offset(offset).limit(limit))]


def count_actions(
    store: Store, filt: ActionFilter = ActionFilter(), *, today: dt.date | None = None
) -> int:
    """How many actions match (the filter needs no joined table, so none is joined)."""
    today = today or clock.today()
    base = select(m.Action.id).where(m.Action.deleted_at.is_(None))
    with store.read() as session:
        stmt = _apply(base, filt, today, _user_names(session)).subquery()
        return session.scalar(select(func.count()).select_from(stmt)) or 0


def _source_of(a: m.Action, review_placement: int | None) -> tuple[str, int] | None:
    link = {
        ActionSource.MEETING: ("meeting", a.meeting_id),
        ActionSource.JOURNAL: ("journal_entry", a.journal_entry_id),
        ActionSource.CHECK_IN: ("check_in", a.check_in_id),
        ActionSource.REVIEW: ("placement", review_placement),
    }.get(a.source)
    if link is not None and link[1] is not None:
        return link[0], link[1]
    if a.child_id is not None:
        return "child", a.child_id
    if a.provider_id is not None:
        return "provider", a.provider_id
    return None


def _row(r: Any, names: tuple[str, ...]) -> ActionListRow:
    a: m.Action = r[0]
    title, day = source_text(a.source, *r[3:9])
    return ActionListRow(
        id=a.id,
        title=a.title,
        owner=a.owner,
        due_on=a.due_on,
        status=a.status,
        done_on=a.done_on,
        snoozed_until=a.snoozed_until,
        source=a.source,
        source_title=title,
        source_date=day,
        source_record=_source_of(a, r[9]),
        child_id=a.child_id,
        child_name=r[1],
        provider_id=a.provider_id,
        provider_name=r[2],
        carried_from_id=a.carried_from_id,
        mine=is_mine(a.owner, names),
    )


def matching_action_ids(session: Session, filt: ActionFilter) -> Select:
    """The ids of the actions the Actions list shows for ``filt`` (for exports)."""
    base = select(m.Action.id).where(m.Action.deleted_at.is_(None))
    return _apply(base, filt, clock.today(), _user_names(session))
