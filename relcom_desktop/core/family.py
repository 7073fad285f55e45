"""Family and community links (Quality Standards principle #6: outward-facing care)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, require_text
from relcom_desktop.core.enums import ContactArrangement, LinkImportance, LinkKind
from relcom_desktop.core.store.db import Store

RELATIONSHIP_MAX = 120


@dataclass(frozen=True)
class FamilyLink:
    child_id: int
    name: str
    kind: LinkKind = LinkKind.OTHER
    relationship_text: str = ""
    contact_arrangement: ContactArrangement = ContactArrangement.OTHER
    importance: LinkImportance = LinkImportance.MEDIUM
    last_contact: dt.date | None = None
    notes: str = ""
    id: int | None = None


def _validate(session: Session, link: FamilyLink) -> FamilyLink:
    name = require_text(link.name, "the person's or community's name", 160)
    child = session.get(m.Child, link.child_id)
    if child is None or child.deleted_at is not None:
        raise errors.ValidationError("Choose the child this link belongs to.")
    if link.last_contact and link.last_contact > clock.today():
        raise errors.ValidationError("The last contact date cannot be in the future.")
    relationship = clean_text(link.relationship_text)
    if len(relationship) > RELATIONSHIP_MAX:
        raise errors.ValidationError(
            f"The relationship is too long (at most {RELATIONSHIP_MAX}); use the notes."
        )
    try:
        kind = LinkKind(link.kind)
        arrangement = ContactArrangement(link.contact_arrangement)
        importance = LinkImportance(link.importance)
    except ValueError:
        raise errors.ValidationError(
            "Choose the kind of link, the contact arrangement and how important it is."
        ) from None
    return dataclasses.replace(
        link,
        name=name,
        kind=kind,
        contact_arrangement=arrangement,
        importance=importance,
        relationship_text=relationship,
        notes=clean_text(link.notes),
    )


_crud: Crud[FamilyLink] = Crud(m.FamilyLink, FamilyLink, "family link", _validate)

get_link = _crud.get
create_link = _crud.create
update_link = _crud.update
delete_link = _crud.delete
restore_link = _crud.restore


def links_of(store: Store, child_id: int) -> list[FamilyLink]:
    """The child's links, most important first."""
    return _crud.list_where(
        store,
        m.FamilyLink.child_id == child_id,
        order_by=[m.FamilyLink.importance.desc(), m.FamilyLink.name],
    )


def links_needing_contact(
    links: list[FamilyLink],
    today: dt.date,
    days: int = 42,
    at_least: LinkImportance = LinkImportance.MEDIUM,
) -> list[FamilyLink]:
    """Links at least this important, where contact is expected, with no recorded contact
    for ``days`` — longest without contact first (a reminder, not a rule)."""
    cutoff = today - dt.timedelta(days=days)
    due = [
        link
        for link in links
        if link.importance >= at_least
        and link.contact_arrangement is not ContactArrangement.NONE
        and (link.last_contact is None or link.last_contact < cutoff)
    ]
    return sorted(due, key=lambda link: (link.last_contact or dt.date.min, link.name))
