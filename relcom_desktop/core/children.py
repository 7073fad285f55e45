"""Children: the record, validation, edits, archive and Trash (the list is in child_list)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, require_text, to_record
from relcom_desktop.core.dates import add_months
from relcom_desktop.core.enums import AuditKind, Sex
from relcom_desktop.core.interop.ssda903 import LegalStatus
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store

VOICE_FIELDS = ("about_me", "wishes_and_feelings", "what_matters", "strengths", "needs")
OLDEST_AGE = 30  # a date of birth further back is surely a typing slip
SHORT_FIELDS = {
    "full_name": "the full name",
    "ethnicity": "the ethnicity code",
    "upn": "the UPN",
    "la_reference": "the LA reference",
    "social_worker": "the social worker's name",
    "iro": "the IRO's name",
}


@dataclass(frozen=True)
class Child:
    preferred_name: str
    full_name: str = ""
    date_of_birth: dt.date | None = None
    sex: Sex | None = None
    ethnicity: str = ""
    upn: str = ""
    la_reference: str | None = None
    legal_status: LegalStatus | None = None
    looked_after_since: dt.date | None = None
    social_worker: str = ""
    iro: str = ""
    about_me: str = ""
    about_me_updated: dt.date | None = None
    wishes_and_feelings: str = ""
    wishes_and_feelings_updated: dt.date | None = None
    what_matters: str = ""
    what_matters_updated: dt.date | None = None
    strengths: str = ""
    strengths_updated: dt.date | None = None
    needs: str = ""
    needs_updated: dt.date | None = None
    notes: str = ""
    archived_at: dt.datetime | None = None
    retain_until: dt.date | None = None
    id: int | None = None
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    deleted_at: dt.datetime | None = None

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    def age_on(self, day: dt.date) -> int | None:
        return age_on(self.date_of_birth, day)


def age_on(dob: dt.date | None, day: dt.date) -> int | None:
    if dob is None:
        return None
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


@functools.cache
def _limits() -> dict[str, tuple[str, int]]:
    """Each short field, what it is called and its column's length (read once)."""
    return {f: (what, m.Child.__table__.c[f].type.length) for f, what in SHORT_FIELDS.items()}


def _check_lengths(child: Child) -> dict[str, Any]:
    """The short fields, trimmed; refuses one longer than its column."""
    short: dict[str, Any] = {}
    for field, (what, limit) in _limits().items():
        short[field] = text = clean_text(getattr(child, field))
        if len(text) > limit:
            raise errors.ValidationError(f"{what.capitalize()} is too long (at most {limit}).")
    return short


def _validate(session: Session, child: Child) -> Child:
    child = check_fields(child)
    ref = child.la_reference
    if ref is not None:
        clash = session.execute(
            select(m.Child.preferred_name, m.Child.deleted_at).where(
                m.Child.la_reference == ref, m.Child.id != child.id
            )
        ).first()
        if clash is not None:
            where = " in the Trash" if clash.deleted_at else ""
            raise errors.ValidationError(
                f"{clash.preferred_name}{where} already has the LA reference {ref}."
            )
    return child


def check_fields(child: Child) -> Child:
    """Every rule of :func:`_validate` that needs no query (all but a clashing LA
    reference), returning the cleaned record; for bulk imports that know the reference is
    new."""
    today = clock.today()
    name = require_text(child.preferred_name, "the child's preferred name", 120)
    short = _check_lengths(child)
    short["la_reference"] = short["la_reference"] or None
    short["preferred_name"] = name
    if child.date_of_birth and child.date_of_birth > today:
        raise errors.ValidationError("The date of birth cannot be in the future.")
    if child.date_of_birth and child.date_of_birth < add_months(today, -12 * OLDEST_AGE):
        raise errors.ValidationError("The date of birth is more than 30 years ago; check it.")
    since, dob = child.looked_after_since, child.date_of_birth
    if since and dob and since < dob:
        raise errors.ValidationError("A child cannot be looked after before they were born.")
    if since and since > today:
        raise errors.ValidationError("The date the child became looked after is in the future.")
    if all(getattr(child, field) == value for field, value in short.items()):
        return child  # already clean (most imported rows): the same record
    return dataclasses.replace(child, **short)


_crud: Crud[Child] = Crud(m.Child, Child, "child", _validate)


def get_child(store: Store, child_id: int) -> Child:
    return _crud.get(store, child_id)


def create_child(store: Store, child: Child) -> Child:
    return _crud.create(store, child)


create_child_in = _crud.create_in  # inside a caller's transaction (e.g. an import)
insert_child_in = _crud.insert_in  # the same, for bulk imports: returns the new id


def update_child(store: Store, child: Child) -> Child:
    """Save edits; a changed voice field gets today's date as its "last updated"."""
    with store.write() as session:
        return update_child_in(session, child)


def update_child_in(session: Session, child: Child) -> Child:
    """:func:`update_child` inside a caller's transaction (e.g. an import)."""
    before = _crud.load(session, child.id) if child.id else None
    if before is None:
        raise errors.not_found("child", child.id)
    stamps = {
        f"{name}_updated": clock.today()
        for name in VOICE_FIELDS
        if getattr(before, name) != getattr(child, name)
    }
    return _crud.update_in(session, dataclasses.replace(child, **stamps))


def revert_child(store: Store, child: Child) -> Child:
    """Put back an earlier version exactly, "last updated" dates included (for undo)."""
    return _crud.update(store, child)


def delete_child(store: Store, child_id: int) -> None:
    """Move the child (and so everything about them) to the Trash."""
    _crud.delete(store, child_id)


def restore_child(store: Store, child_id: int) -> Child:
    return _crud.restore(store, child_id)


def deleted_children(store: Store) -> list[Child]:
    """Children in the Trash, most recently deleted first."""
    return _crud.trash(store)


def purge_child(store: Store, child_id: int) -> None:
    """Delete a child in the Trash for good, with everything recorded about them.

    Links from journal entries, meetings and actions are removed; those records stay. The
    audit trail notes the deletion (kind and id only).
    """
    with store.write() as session:
        row = _crud.load(session, child_id, include_deleted=True)
        if row.deleted_at is None:
            raise errors.ValidationError(
                "Only a child in the Trash can be deleted permanently. "
                "Move them to the Trash first."
            )
        session.execute(delete(m.Child).where(m.Child.id == child_id))
        audit.record_in(session, AuditKind.HARD_DELETE, "child", child_id)


def set_archived(store: Store, child_id: int, archived: bool) -> Child:
    """Archive a child who has left the caseload (hidden from the list by default), or undo."""
    with store.write() as session:
        row = _crud.load(session, child_id)
        if (row.archived_at is not None) != archived:
            row.archived_at = m.utcnow() if archived else None
        session.flush()
        return to_record(Child, row)
