"""Each setting's document checklist: statement of purpose, Ofsted report, registration
certificate, insurance and key policies, with their dates and expiry.

A document is *expired* once its expiry date has passed and no later copy of the same document
has been filed; a later copy *supersedes* it. A checklist kind with nothing filed is *missing*.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text
from relcom_desktop.core.enums import SettingDocumentKind
from relcom_desktop.core.labels import LabelledStr
from relcom_desktop.core.provider_records import check_past_date, check_setting
from relcom_desktop.core.store.db import Store

EXPIRING_WITHIN_DAYS = 30


class DocumentStatus(LabelledStr):
    EXPIRED = ("expired", "Expired")
    MISSING = ("missing", "Missing")
    EXPIRING = ("expiring", "Expires soon")
    CURRENT = ("current", "Current")
    SUPERSEDED = ("superseded", "Replaced by a later copy")


@dataclass(frozen=True)
class SettingDocument:
    setting_id: int
    kind: SettingDocumentKind
    title: str = ""
    dated: dt.date | None = None
    expires: dt.date | None = None
    notes: str = ""
    id: int | None = None


def _validate(session: Session, d: SettingDocument) -> SettingDocument:
    check_setting(session, d.setting_id)
    if d.kind is None:
        raise errors.ValidationError("Choose which document this is.")
    if d.dated is not None:
        check_past_date(d.dated, "the document's date")
    if d.dated and d.expires and d.expires < d.dated:
        raise errors.ValidationError("The document cannot expire before it is dated.")
    title = clean_text(d.title) or d.kind.label
    if len(title) > 200:
        raise errors.ValidationError("The document's title is too long (at most 200).")
    return dataclasses.replace(d, title=title, notes=clean_text(d.notes))


_crud: Crud[SettingDocument] = Crud(m.SettingDocument, SettingDocument, "document", _validate)

get_document = _crud.get
create_document = _crud.create
update_document = _crud.update
delete_document = _crud.delete
restore_document = _crud.restore


@dataclass(frozen=True)
class ChecklistLine:
    """One line of a setting's checklist: a filed document, or a kind with none filed."""

    kind: SettingDocumentKind
    status: DocumentStatus
    document: SettingDocument | None = None

    @property
    def needs_attention(self) -> bool:
        return self.status in (DocumentStatus.EXPIRED, DocumentStatus.MISSING)


def _same_document(a: SettingDocument, b: SettingDocument) -> bool:
    """Policies are told apart by title; every other kind is one document per setting."""
    if a.kind is not b.kind:
        return False
    return a.kind is not SettingDocumentKind.OTHER_POLICY or a.title.casefold() == (
        b.title.casefold()
    )


def _status(doc: SettingDocument, newer: bool, today: dt.date) -> DocumentStatus:
    if newer:
        return DocumentStatus.SUPERSEDED
    if doc.expires is None:
        return DocumentStatus.CURRENT
    if doc.expires < today:
        return DocumentStatus.EXPIRED
    if doc.expires <= today + dt.timedelta(days=EXPIRING_WITHIN_DAYS):
        return DocumentStatus.EXPIRING
    return DocumentStatus.CURRENT


def _is_newer(other: SettingDocument, doc: SettingDocument) -> bool:
    return other.id != doc.id and (other.dated or dt.date.min, other.id or 0) > (
        doc.dated or dt.date.min,
        doc.id or 0,
    )


def checklist_lines(docs: list[SettingDocument], today: dt.date) -> list[ChecklistLine]:
    """The checklist for one setting's documents: every kind in order, newest copy first."""
    lines = []
    for kind in SettingDocumentKind:
        of_kind = sorted(
            (d for d in docs if d.kind is kind),
            key=lambda d: (d.dated or dt.date.min, d.id or 0),
            reverse=True,
        )
        if not of_kind:
            lines.append(ChecklistLine(kind, DocumentStatus.MISSING))
        for doc in of_kind:
            newer = any(_same_document(o, doc) and _is_newer(o, doc) for o in of_kind)
            lines.append(ChecklistLine(kind, _status(doc, newer, today), doc))
    return lines


def document_checklist(
    store: Store, setting_id: int, today: dt.date | None = None
) -> list[ChecklistLine]:
    docs = _crud.list_where(store, m.SettingDocument.setting_id == setting_id)
    return checklist_lines(docs, today or clock.today())


def documents_needing_attention(
    store: Store, provider_id: int, today: dt.date | None = None
) -> dict[int, int]:
    """How many documents need attention (expired or missing) at each of the provider's
    settings: one query for the provider, checked in Python per setting."""
    today = today or clock.today()
    with store.read() as session:
        setting_ids = list(
            session.scalars(
                select(m.Setting.id).where(
                    m.Setting.provider_id == provider_id, m.Setting.deleted_at.is_(None)
                )
            )
        )
        rows = session.scalars(
            select(m.SettingDocument).where(
                m.SettingDocument.setting_id.in_(setting_ids),
                m.SettingDocument.deleted_at.is_(None),
            )
        ).all()
        docs = [_crud.as_record(row) for row in rows]
    return {
        sid: sum(
            line.needs_attention
            for line in checklist_lines([d for d in docs if d.setting_id == sid], today)
        )
        for sid in setting_ids
    }
