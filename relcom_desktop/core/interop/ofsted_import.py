"""Importing Ofsted's provider lists: settings updated (or added) by URN, previewed first.

1. :func:`relcom_desktop.core.interop.ofsted_csv.read_ofsted_csv` reads the file (refusing one that
   cannot be a provider list; one row per URN, its latest inspection);
2. :func:`preview_import` says, row by row, what would happen under the commissioner's
   :class:`ImportOptions` — by default only settings already on the register are updated,
   optionally every setting in the file is added, narrowed by local authority and provision
   type: a new setting (and perhaps a new provider), a change (which fields, from what to
   what), no change, left out (and why), or a rejection and why;
3. :func:`commit_import` makes every change in one transaction, or none. While rows are
   rejected nothing is imported unless the commissioner explicitly chooses to skip them.

A setting already on the register keeps its provider (the register, not the file, says who
owns it) unless an earlier import filed it under "provider not yet known": then the file's
owning organisation takes it. A name, address or postcode Ofsted withholds ("REDACTED")
never replaces what the register holds, and a new setting whose name is withheld is named
from what the file does say. An inspection older than the one on record changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop.ofsted_csv import Cancelled, ImportCancelled, OfstedFile, Progress
from relcom_desktop.core.interop.ofsted_plan import (
    ImportOptions,
    LineStatus,
    Plan,
    Planner,
    PreviewLine,
    Write,
    owner_key,
)
from relcom_desktop.core.interop.ofsted_values import RowValues
from relcom_desktop.core.interop.ssda903 import PlacementProvider
from relcom_desktop.core.labels import LabelledStr
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store

__all__ = ["ImportOptions", "LineStatus", "PreviewLine", "commit_import", "preview_import"]

PROGRESS_EVERY = 250


class RowStatus(LabelledStr):
    """What happens to one row of any import (shared with ``import_run``)."""

    NEW = ("new", "New")
    CHANGED = ("changed", "Changed")
    UNCHANGED = ("unchanged", "Unchanged")
    REJECTED = ("rejected", "Rejected")


@dataclass(frozen=True)
class ImportPreview:
    file: OfstedFile
    options: ImportOptions
    lines: list[PreviewLine]
    new_providers: tuple[str, ...]

    def count(self, status: LineStatus) -> int:
        return sum(line.status is status for line in self.lines)

    @property
    def changes(self) -> int:
        return self.count(LineStatus.NEW) + self.count(LineStatus.CHANGED)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    left_out: int
    skipped: int
    providers_created: int


def preview_import(
    store: Store, file: OfstedFile, options: ImportOptions | None = None
) -> ImportPreview:
    """What importing ``file`` would do, row by row; changes nothing."""
    options = options or ImportOptions()
    with store.read() as session:
        plan = Planner(session, file, options).run()
    return ImportPreview(file, options, plan.lines, tuple(plan.new_providers.values()))


def _provider_kind(own_la: str, name: str, rows: list[RowValues]) -> PlacementProvider:
    kind = next((r.provider_kind for r in rows if r.provider_kind), None) or PlacementProvider.PR4
    if kind is PlacementProvider.PR2 and own_la and own_la.casefold() in name.casefold():
        return PlacementProvider.PR1  # the commissioner's own authority
    return kind


def _create_providers(session: Session, plan: Plan, own_la: str) -> dict[str, int]:
    ids = {
        owner_key(name): pid
        for pid, name in session.execute(
            select(m.Provider.id, m.Provider.name)
            .where(m.Provider.deleted_at.is_(None))
            .order_by(m.Provider.id.desc())  # the oldest wins when two names match
        )
    }
    rows_of: dict[str, list[RowValues]] = {}
    for write in plan.writes:
        if write.provider_key is not None:
            rows_of.setdefault(write.provider_key, []).append(write.row)
    for key, name in plan.new_providers.items():
        provider = m.Provider(name=name, kind=_provider_kind(own_la, name, rows_of.get(key, [])))
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
    rejected = preview.count(LineStatus.REJECTED)
    if rejected and not skip_rejected:
        raise errors.ValidationError(
            f"{rejected:,} rows were rejected, so nothing has been imported. Correct them "
            "in the file and import it again, or choose to skip the rejected rows."
        )
    own_la = str(preferences.get(store, preferences.USER_LA) or "")
    with store.write() as session:
        plan = Planner(session, preview.file, preview.options).run()
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
        created,
        updated,
        preview.count(LineStatus.UNCHANGED),
        preview.count(LineStatus.LEFT_OUT),
        rejected,
        len(plan.new_providers),
    )


def _apply(session: Session, write: Write, provider_ids: dict[str, int]) -> None:
    if write.setting_id is None:
        provider_id = provider_ids[write.provider_key or ""]
        session.add(m.Setting(provider_id=provider_id, urn=write.row.urn, **write.values))
        return
    setting = session.get(m.Setting, write.setting_id)
    for column, value in write.values.items():
        setattr(setting, column, value)
    if write.provider_key is not None:
        setting.provider_id = provider_ids[write.provider_key]  # type: ignore[union-attr]
