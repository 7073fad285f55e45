"""The relationship journal: one interaction with a provider per entry."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, cast

from sqlalchemy import Select, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import (
    Crud,
    clean_text,
    fetch_page,
    like_pattern,
    paged,
    require_text,
    to_record,
)
from relcom_desktop.core.enums import ActionSource, ActionStatus, JournalKind, TrustLevel
from relcom_desktop.core.models import utcnow
from relcom_desktop.core.provider_records import live_child_ids
from relcom_desktop.core.store.db import Store


@dataclass(frozen=True)
class JournalEntry:
    provider_id: int
    occurred_on: dt.date
    kind: JournalKind
    summary: str
    body: str = ""
    trust: TrustLevel | None = None
    follow_up_on: dt.date | None = None
    setting_id: int | None = None
    child_ids: tuple[int, ...] = ()
    id: int | None = None


def _validate(session: Session, e: JournalEntry) -> JournalEntry:
    summary = require_text(e.summary, "a short summary", 300)
    provider = session.get(m.Provider, e.provider_id)
    if provider is None or provider.deleted_at is not None:
        raise errors.ValidationError("Choose the provider this entry is about.")
    if e.occurred_on is None:
        raise errors.ValidationError("Please enter the date of the interaction.")
    if e.occurred_on > clock.today():
        raise errors.ValidationError("A journal entry records something that has happened.")
    if e.follow_up_on is not None and e.follow_up_on < e.occurred_on:
        raise errors.ValidationError("The follow-up date cannot be before the entry's date.")
    if e.setting_id is not None:
        setting = session.get(m.Setting, e.setting_id)
        if setting is None or setting.provider_id != e.provider_id:
            raise errors.ValidationError("That setting does not belong to this provider.")
    child_ids = live_child_ids(session, e.child_ids)
    return dataclasses.replace(e, summary=summary, body=clean_text(e.body), child_ids=child_ids)


class _JournalCrud(Crud[JournalEntry]):
    def as_record(self, row: Any) -> JournalEntry:
        return to_record(JournalEntry, row, child_ids=tuple(c.id for c in row.children))


_crud = _JournalCrud(m.JournalEntry, JournalEntry, "journal entry", _validate)


def _set_children(session: Session, entry_id: int, child_ids: tuple[int, ...]) -> None:
    link = m.journal_entry_child
    session.execute(delete(link).where(link.c.entry_id == entry_id))
    if child_ids:
        session.execute(insert(link), [{"entry_id": entry_id, "child_id": c} for c in child_ids])


def _sync_follow_up(session: Session, e: JournalEntry) -> None:
    """Keep one open follow-up action in step with the entry's follow-up date."""
    action = session.scalar(
        select(m.Action).where(
            m.Action.journal_entry_id == e.id,
            m.Action.source == ActionSource.JOURNAL,
            m.Action.status == ActionStatus.OPEN,
            m.Action.deleted_at.is_(None),
        )
    )
    if e.follow_up_on is None:
        if action is not None:
            action.status = ActionStatus.CANCELLED
        return
    if action is None:
        action = m.Action(source=ActionSource.JOURNAL, journal_entry_id=e.id)
        session.add(action)
    action.title = f"Follow up: {e.summary}"[:300]
    action.due_on = e.follow_up_on
    action.provider_id = e.provider_id
    action.child_id = e.child_ids[0] if len(e.child_ids) == 1 else None


def _save(session: Session, e: JournalEntry, *, new: bool) -> JournalEntry:
    saved = _crud.create_in(session, e) if new else _crud.update_in(session, e)
    saved = dataclasses.replace(saved, child_ids=tuple(dict.fromkeys(e.child_ids)))
    _set_children(session, saved.id, saved.child_ids)  # type: ignore[arg-type]
    _sync_follow_up(session, saved)
    return saved


def create_entry(store: Store, entry: JournalEntry) -> JournalEntry:
    with store.write() as session:
        return _save(session, entry, new=True)


def update_entry(store: Store, entry: JournalEntry) -> JournalEntry:
    with store.write() as session:
        return _save(session, entry, new=False)


def get_entry(store: Store, entry_id: int) -> JournalEntry:
    with store.read() as session:
        return _crud.as_record(_crud.load(session, entry_id))


def _open_follow_ups(entry_id: int) -> Any:
    return select(m.Action).where(
        m.Action.journal_entry_id == entry_id,
        m.Action.source == ActionSource.JOURNAL,
        m.Action.status == ActionStatus.OPEN,
    )


def delete_entry(store: Store, entry_id: int) -> None:
    """Move the entry to the Trash, with its open follow-up action."""
    with store.write() as session:
        row = _crud.load(session, entry_id)
        row.deleted_at = utcnow()
        for action in session.scalars(
            _open_follow_ups(entry_id).where(m.Action.deleted_at.is_(None))
        ):
            action.deleted_at = row.deleted_at


def restore_entry(store: Store, entry_id: int) -> JournalEntry:
    """Bring the entry back from the Trash, with the follow-up action deleted along with it."""
    with store.write() as session:
        row = _crud.load(session, entry_id, include_deleted=True)
        when = row.deleted_at
        _crud.validate(session, _crud.as_record(row))
        row.deleted_at = None
        if when is not None:
            for action in session.scalars(
                _open_follow_ups(entry_id).where(m.Action.deleted_at == when)
            ):
                action.deleted_at = None
        session.flush()
        return _crud.as_record(row)


# ---- the journal view -------------------------------------------------------------------


@dataclass(frozen=True)
class JournalFilter:
    provider_id: int | None = None
    kind: JournalKind | None = None
    child_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""


class JournalListRow(Protocol):
    """One line of the journal view: a read-only database row with these named fields.

    (Rows are returned as they come from the database, without copying, because the
    journal view pages through up to 100,000 entries.)
    """

    id: int
    occurred_on: dt.date
    provider_id: int
    provider_name: str
    kind: JournalKind
    summary: str
    trust: TrustLevel | None
    follow_up_on: dt.date | None
    children: str  # the preferred names of the children it concerns, "Ash, Bea"


_E = m.JournalEntry
_LINK = m.journal_entry_child
_names = (
    select(m.Child.preferred_name.label("name"))
    .join(_LINK, _LINK.c.child_id == m.Child.id)
    .where(_LINK.c.entry_id == _E.id, m.Child.deleted_at.is_(None))
    .order_by(m.Child.preferred_name)
    .correlate(_E)
    .subquery()
)
_CHILDREN_NAMED = (
    select(func.coalesce(func.group_concat(_names.c.name, ", "), ""))
    .scalar_subquery()
    .label("children")
)
# Built once: list views call this for every page they show.
_JOURNAL_ROWS = (
    select(
        _E.id,
        _E.occurred_on,
        _E.provider_id,
        m.Provider.name.label("provider_name"),
        _E.kind,
        _E.summary,
        _E.trust,
        _E.follow_up_on,
        _CHILDREN_NAMED,
    )
    .join(m.Provider, m.Provider.id == _E.provider_id)
    .where(_E.deleted_at.is_(None))
)
_NEWEST_FIRST = (_E.occurred_on.desc(), _E.id.desc())


def _journal_query(f: JournalFilter) -> Select:
    stmt = _JOURNAL_ROWS
    if f.provider_id is not None:
        stmt = stmt.where(m.JournalEntry.provider_id == f.provider_id)
    if f.kind is not None:
        stmt = stmt.where(m.JournalEntry.kind == f.kind)
    if f.child_id is not None:
        # Start from the child's links (indexed) rather than testing every entry.
        mentions = select(_LINK.c.entry_id).where(_LINK.c.child_id == f.child_id)
        stmt = stmt.where(m.JournalEntry.id.in_(mentions))
    if f.date_from is not None:
        stmt = stmt.where(m.JournalEntry.occurred_on >= f.date_from)
    if f.date_to is not None:
        stmt = stmt.where(m.JournalEntry.occurred_on <= f.date_to)
    if f.text.strip():
        like = like_pattern(f.text.strip())
        stmt = stmt.where(
            or_(
                m.JournalEntry.summary.ilike(like, escape="\\"),
                m.JournalEntry.body.ilike(like, escape="\\"),
            )
        )
    return stmt


def list_entries(
    store: Store, filt: JournalFilter = JournalFilter(), *, offset: int = 0, limit: int | None = 200
) -> list[JournalListRow]:
    """One page of the journal, newest first, with the children each entry concerns."""
    return cast(list[JournalListRow], fetch_page(store, _newest_first(filt), offset, limit))


@lru_cache(maxsize=32)
def _newest_first(filt: JournalFilter) -> Select:
    # The same statement object for the same filter lets SQLAlchemy reuse its cache key
    # while the user scrolls page after page.
    return paged(_journal_query(filt).order_by(*_NEWEST_FIRST))


def count_entries(store: Store, filt: JournalFilter = JournalFilter()) -> int:
    stmt = _journal_query(filt).subquery()
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(stmt)) or 0


@dataclass(frozen=True)
class JournalEntryView:
    """One entry as read in full: names beside ids (children by name)."""

    entry: JournalEntry
    provider_name: str
    setting_name: str | None
    children: tuple[str, ...]
    child_ids: tuple[int, ...]  # in the same order as ``children``


def entry_view(store: Store, entry_id: int) -> JournalEntryView:
    link = m.journal_entry_child
    with store.read() as session:
        row = _crud.load(session, entry_id)
        setting = session.get(m.Setting, row.setting_id) if row.setting_id else None
        linked = session.execute(
            select(m.Child.id, m.Child.preferred_name)
            .join(link, link.c.child_id == m.Child.id)
            .where(link.c.entry_id == entry_id)
            .order_by(m.Child.preferred_name, m.Child.id)
        ).all()
        return JournalEntryView(
            _crud.as_record(row),
            session.get(m.Provider, row.provider_id).name,
            setting.name if setting else None,
            tuple(name for _id, name in linked),
            tuple(cid for cid, _name in linked),
        )


@dataclass(frozen=True)
class ChildChoice:
    """A child as offered when linking an entry (or a notification) to children."""

    id: int
    preferred_name: str
    la_reference: str | None
    archived: bool

    @property
    def label(self) -> str:
        ref = f" · {self.la_reference}" if self.la_reference else ""
        return f"{self.preferred_name}{ref}" + (" (archived)" if self.archived else "")


def child_choices(store: Store, include: tuple[int, ...] = ()) -> list[ChildChoice]:
    """Children on the caseload by name, with any archived ones in ``include``."""
    c = m.Child
    stmt = (
        select(c.id, c.preferred_name, c.la_reference, c.archived_at)
        .where(c.deleted_at.is_(None), or_(c.archived_at.is_(None), c.id.in_(include)))
        .order_by(func.lower(c.preferred_name), c.id)
    )
    with store.read() as session:
        return [
            ChildChoice(cid, name, ref, archived is not None)
            for cid, name, ref, archived in session.execute(stmt)
        ]


def matching_entry_ids(_session: Session, filt: JournalFilter) -> Select:
    """The ids of the journal entries the journal view shows for ``filt`` (for exports)."""
    return select(_journal_query(filt).subquery().c.id)
