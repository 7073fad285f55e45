"""Importing Ofsted's provider list: settings created or updated by URN, previewed first.

1. :func:`relcom_desktop.core.ofsted_csv.read_ofsted_csv` reads the file (refusing one that
   cannot be a provider list);
2. :func:`preview_import` says, row by row, what would happen: a new setting (and perhaps a new
   provider), a change (which fields, from what to what), no change, or a rejection and why;
3. :func:`commit_import` makes every change in one transaction, or none. While rows are
   rejected nothing is imported unless the commissioner explicitly chooses to skip them.

A setting already on the register keeps its provider: the register, not the file, says who
owns it. A file whose inspection is older than the one on record does not overwrite it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import audit, errors, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import AuditKind, SettingType
from relcom_desktop.core.labels import LabelledStr
from relcom_desktop.core.ofsted_csv import Cancelled, ImportCancelled, OfstedFile, Progress
from relcom_desktop.core.ofsted_values import RowValues
from relcom_desktop.core.ssda903 import PlacementProvider

CHUNK = 500
PROGRESS_EVERY = 250

# RowValues field -> (Setting column, what the preview calls it)
FIELDS = (
    ("setting_name", "name", "Name"),
    ("setting_type", "setting_type", "Type"),
    ("places", "registered_places", "Places"),
    ("judgement", "ofsted_judgement", "Judgement"),
    ("inspected_on", "ofsted_date", "Inspected"),
    ("local_authority", "local_authority", "Local authority"),
    ("region", "region", "Region"),
    ("postcode", "postcode", "Postcode"),
    ("address", "address", "Address"),
)


class RowStatus(LabelledStr):
    NEW = ("new", "New")
    CHANGED = ("changed", "Changed")
    UNCHANGED = ("unchanged", "Unchanged")
    REJECTED = ("rejected", "Rejected")


@dataclass(frozen=True)
class PreviewLine:
    line: int
    status: RowStatus
    urn: str
    setting_name: str
    provider_name: str
    detail: str  # what changes, or why the row is rejected


@dataclass(frozen=True)
class _Write:
    row: RowValues
    setting_id: int | None  # None: a new setting
    values: dict[str, Any]


@dataclass(frozen=True)
class ImportPreview:
    file: OfstedFile
    lines: list[PreviewLine]
    new_providers: tuple[str, ...]

    def count(self, status: RowStatus) -> int:
        return sum(line.status is status for line in self.lines)

    @property
    def changes(self) -> int:
        return self.count(RowStatus.NEW) + self.count(RowStatus.CHANGED)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int
    providers_created: int


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "blank"
    if isinstance(value, Enum) and hasattr(value, "label"):
        return str(value.label)
    if isinstance(value, dt.date):
        return f"{value.day} {value:%b %Y}"
    return str(value)


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def _settings_by_urn(session: Session, urns: list[str]) -> dict[str, Any]:
    found = {}
    for chunk in _chunks(urns):
        for setting in session.scalars(select(m.Setting).where(m.Setting.urn.in_(chunk))):
            found[setting.urn] = setting
    return found


def _newer_on_record(row: RowValues, setting: Any) -> bool:
    """True when the register holds a later inspection than the file."""
    return bool(row.inspected_on and setting.ofsted_date and setting.ofsted_date > row.inspected_on)


def _changes(row: RowValues, setting: Any) -> dict[str, tuple[str, Any, Any]]:
    """column -> (label, before, after) for what the file would change."""
    changes = {}
    for attr, column, label in FIELDS:
        after, before = getattr(row, attr), getattr(setting, column)
        if after is None or after == before:
            continue
        if attr == "setting_type" and after is SettingType.OTHER:
            continue  # an unrecognised type never replaces a known one
        if attr in ("judgement", "inspected_on") and _newer_on_record(row, setting):
            continue
        changes[column] = (label, before, after)
    return changes


def _new_values(row: RowValues) -> dict[str, Any]:
    values = {column: getattr(row, attr) for attr, column, _label in FIELDS}
    values["setting_type"] = row.setting_type or SettingType.OTHER
    return {k: v for k, v in values.items() if v is not None}


@dataclass(frozen=True)
class _Plan:
    lines: list[PreviewLine]
    writes: list[_Write]
    new_providers: dict[str, str]  # casefolded name -> name as first written


def _plan(session: Session, file: OfstedFile) -> _Plan:
    existing = _settings_by_urn(session, [row.urn for row in file.rows])
    providers = {
        name.casefold(): name
        for name in session.scalars(select(m.Provider.name).where(m.Provider.deleted_at.is_(None)))
    }
    lines = [
        PreviewLine(r.line, RowStatus.REJECTED, r.urn, r.name, "", r.reason) for r in file.rejected
    ]
    writes: list[_Write] = []
    new_providers: dict[str, str] = {}
    for row in file.rows:
        setting = existing.get(row.urn)
        base = (row.line, row.urn, row.setting_name, row.provider_name)
        if setting is not None and setting.deleted_at is not None:
            reason = f"URN {row.urn} belongs to {setting.name}, which is in the Trash."
            lines.append(_line(base, RowStatus.REJECTED, reason))
        elif setting is not None:
            changes = _changes(row, setting)
            detail = "; ".join(
                f"{lbl}: {_shown(b)} → {_shown(a)}" for lbl, b, a in changes.values()
            )
            status = RowStatus.CHANGED if changes else RowStatus.UNCHANGED
            lines.append(_line(base, status, detail))
            if changes:
                values = {column: after for column, (_l, _b, after) in changes.items()}
                writes.append(_Write(row, setting.id, values))
        else:
            key = row.provider_name.casefold()
            if key in providers:
                detail = f"Adds a setting to {providers[key]}."
            else:
                new_providers.setdefault(key, row.provider_name)
                detail = "Adds the setting and its provider (new to the register)."
            lines.append(_line(base, RowStatus.NEW, detail))
            writes.append(_Write(row, None, _new_values(row)))
    lines.sort(key=lambda line: line.line)
    return _Plan(lines, writes, new_providers)


def _line(base: tuple[int, str, str, str], status: RowStatus, detail: str) -> PreviewLine:
    line, urn, name, provider = base
    return PreviewLine(line, status, urn, name, provider, detail)


def preview_import(store: Store, file: OfstedFile) -> ImportPreview:
    """What importing ``file`` would do, row by row; changes nothing."""
    with store.read() as session:
        plan = _plan(session, file)
    return ImportPreview(file, plan.lines, tuple(plan.new_providers.values()))


def _provider_kind(store_la: str, name: str, rows: list[RowValues]) -> PlacementProvider:
    kind = next((r.provider_kind for r in rows if r.provider_kind), None) or PlacementProvider.PR4
    if kind is PlacementProvider.PR2 and store_la and store_la.casefold() in name.casefold():
        return PlacementProvider.PR1  # the commissioner's own authority
    return kind


def _create_providers(session: Session, plan: _Plan, own_la: str) -> dict[str, int]:
    ids = {
        name.casefold(): pid
        for pid, name in session.execute(
            select(m.Provider.id, m.Provider.name).where(m.Provider.deleted_at.is_(None))
        )
    }
    rows_of: dict[str, list[RowValues]] = {}
    for write in plan.writes:
        rows_of.setdefault(write.row.provider_name.casefold(), []).append(write.row)
    for key, name in plan.new_providers.items():
        provider = m.Provider(name=name, kind=_provider_kind(own_la, name, rows_of[key]))
        session.add(provider)
        session.flush()
        ids[key] = provider.id
    return ids


def commit_import(
    store: Store,
    preview: ImportPreview,
    *,
    skip_rejected: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportResult:
    """Make every change the preview showed, in one transaction; nothing if anything fails."""
    rejected = preview.count(RowStatus.REJECTED)
    if rejected and not skip_rejected:
        raise errors.ValidationError(
            f"{rejected:,} rows were rejected, so nothing has been imported. Correct them "
            "in the file and import it again, or choose to skip the rejected rows."
        )
    own_la = str(preferences.get(store, preferences.USER_LA) or "")
    with store.write() as session:
        plan = _plan(session, preview.file)
        if [(ln.line, ln.status) for ln in plan.lines] != [
            (ln.line, ln.status) for ln in preview.lines
        ]:
            raise errors.ValidationError(
                "The register changed after the preview was made. Preview the file again."
            )
        provider_ids = _create_providers(session, plan, own_la)
        for done, write in enumerate(plan.writes):
            if done % PROGRESS_EVERY == 0:
                if cancelled is not None and cancelled():
                    raise ImportCancelled("The import was stopped; nothing was changed.")
                if progress is not None:
                    progress(done, len(plan.writes), "Saving settings")
            _apply(session, write, provider_ids)
        created = sum(w.setting_id is None for w in plan.writes)
        updated = len(plan.writes) - created
        audit.record_in(
            session,
            AuditKind.IMPORT,
            "setting",
            detail=f"Ofsted provider list: {created} new, {updated} updated",
        )
    return ImportResult(
        created, updated, preview.count(RowStatus.UNCHANGED), rejected, len(plan.new_providers)
    )


def _apply(session: Session, write: _Write, provider_ids: dict[str, int]) -> None:
    if write.setting_id is None:
        provider_id = provider_ids[write.row.provider_name.casefold()]
        session.add(m.Setting(provider_id=provider_id, urn=write.row.urn, **write.values))
        return
    setting = session.get(m.Setting, write.setting_id)
    for column, value in write.values.items():
        setattr(setting, column, value)
