"""People the commissioner works with: provider staff and professionals around a child."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import func
from sqlalchemy.orm import Session

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, require_text
from relcom_desktop.core.store.db import Store


@dataclass(frozen=True)
class Contact:
    name: str
    provider_id: int | None = None
    role: str = ""
    organisation: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    id: int | None = None


def _validate(session: Session, c: Contact) -> Contact:
    name = require_text(c.name, "the contact's name", 160)
    email = clean_text(c.email)
    if email and "@" not in email:
        raise errors.ValidationError(f"{email} does not look like an email address.")
    if c.provider_id is not None:
        provider = session.get(m.Provider, c.provider_id)
        if provider is None or provider.deleted_at is not None:
            raise errors.ValidationError("That provider is no longer in the register.")
    return dataclasses.replace(c, name=name, email=email, role=clean_text(c.role))


_crud: Crud[Contact] = Crud(m.ContactPerson, Contact, "contact", _validate)

get_contact = _crud.get
create_contact = _crud.create
update_contact = _crud.update
delete_contact = _crud.delete
restore_contact = _crud.restore


def contacts_of(store: Store, provider_id: int) -> list[Contact]:
    return _crud.list_where(
        store, m.ContactPerson.provider_id == provider_id, order_by=[m.ContactPerson.name]
    )


def all_contacts(store: Store) -> list[Contact]:
    return _crud.list_where(store, order_by=[func.lower(m.ContactPerson.name)])
