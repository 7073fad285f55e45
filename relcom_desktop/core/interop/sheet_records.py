"""Saving one spreadsheet row: a child, a provider, or a placement from a tracker.

Each kind of row has a saver made fresh for every run of an import (preview or commit), so
what one run found or added is never carried into the next. A saver's ``apply_row`` gives
the function :mod:`relcom_desktop.core.interop.import_run` calls inside the row's savepoint.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors, placements, providers
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import to_record
from relcom_desktop.core.interop.csv_export import header_for
from relcom_desktop.core.interop.import_register import (
    FOSTERING,
    ChildFinder,
    Lines,
    Origin,
    preview_line,
    setting_type_for,
)
from relcom_desktop.core.interop.import_run import RowStatus, changes_text, day, rejected_as
from relcom_desktop.core.interop.ssda903 import PlacementProvider

RowValues = dict[str, Any]
Apply = Callable[[Session, Lines], None]
TRACKER_CHILD = ("preferred_name", "full_name", "la_reference", "date_of_birth", "sex",
                 "ethnicity", "upn", "legal_status", "social_worker")  # fmt: skip
IN_HOUSE = "In-house (your authority's own provision)"
IN_HOUSE_FOSTERING = "In-house fostering service"
PLACEMENT_KEYS = {f.name for f in dataclasses.fields(placements.Placement)} - {"id", "child_id"}


class _RowSaver:
    def __init__(self) -> None:
        self.register = ChildFinder()

    def nothing(self, _session: Session, _lines: Lines) -> None:
        """A row rejected while it was read does nothing."""

    def describe(self, values: RowValues) -> str:
        raise NotImplementedError

    def save(self, session: Session, values: RowValues, lines: Lines, origin: Origin) -> None:
        raise NotImplementedError

    def apply_row(self, number: int, values: RowValues) -> Apply:
        def apply(session: Session, lines: Lines) -> None:
            with self.register.unit(), rejected_as("", number):
                self.save(session, values, lines, Origin("", number))

        return apply


class ChildRows(_RowSaver):
    def __init__(self) -> None:
        super().__init__()
        self.seen: dict[int, int] = {}  # child id -> the row that saved them

    def describe(self, values: RowValues) -> str:
        return str(values.get("preferred_name") or values.get("la_reference") or "—")

    def save(self, session: Session, values: RowValues, lines: Lines, origin: Origin) -> None:
        child = self.register.find_child(session, values)
        if child is not None and child.id in self.seen:
            raise errors.ValidationError(
                f"This row is about the same child as row {self.seen[child.id]} "
                f"({child.preferred_name}). Keep one row for each child."
            )
        self.seen[self.register.save_child(session, values, lines, origin)[0]] = origin.row


class ProviderRows(_RowSaver):
    def describe(self, values: RowValues) -> str:
        return str(values.get("name") or "—")

    def save(self, session: Session, values: RowValues, lines: Lines, origin: Origin) -> None:
        name = values.get("name")
        if not name:
            raise errors.ValidationError("The row has no provider name.")
        row = session.scalar(
            select(m.Provider).where(
                func.lower(m.Provider.name) == name.casefold(), m.Provider.deleted_at.is_(None)
            )
        )
        if row is None:
            created = providers.create_provider_in(session, providers.Provider(**values))
            lines.append(
                preview_line(origin, "provider", RowStatus.NEW, created.name, "A new provider.")
            )
            return
        before = to_record(providers.Provider, row)
        values = {**values, "name": before.name}  # the register's spelling stays
        changes = _changes(before, values)
        if changes:
            providers.update_provider_in(session, dataclasses.replace(before, **values))
        status = RowStatus.CHANGED if changes else RowStatus.UNCHANGED
        lines.append(preview_line(origin, "provider", status, before.name, changes_text(changes)))


class PlacementRows(_RowSaver):
    """A row of a placement tracker: the child, the setting (and its provider), and the
    placement, each found on the register or added."""

    def describe(self, values: RowValues) -> str:
        who = values.get("preferred_name") or values.get("la_reference") or "—"
        start = values.get("start_date")
        return f"{who}, from {day(start)}" if start else str(who)

    def save(self, session: Session, values: RowValues, lines: Lines, origin: Origin) -> None:
        if values.get("start_date") is None:
            raise errors.ValidationError("The row has no start date for the placement.")
        child = {k: v for k, v in values.items() if k in TRACKER_CHILD}
        child_id, _new = self.register.save_child(
            session, child, lines, origin, unchanged_line=False
        )
        setting = session.get(m.Setting, self._setting(session, values, lines, origin))
        wanted = {k: v for k, v in values.items() if k in PLACEMENT_KEYS}
        wanted["setting_id"] = setting.id
        if "placement_type" not in wanted:
            usual = placements.usual_placement_type(setting.setting_type)
            if usual is None:
                raise errors.ValidationError(
                    f"The row has no placement type, and {setting.name} is not a kind of "
                    "setting that suggests one. Add a column with the placement type."
                )
            wanted["placement_type"] = usual
        existing = session.scalar(
            select(m.Placement).where(
                m.Placement.child_id == child_id,
                m.Placement.start_date == wanted["start_date"],
                m.Placement.deleted_at.is_(None),
            )
        )
        record = self.describe(values)
        if existing is None:
            placements.create_placement_in(
                session, placements.Placement(child_id=child_id, **wanted)
            )
            kind = (
                wanted.get("provider_kind") or session.get(m.Provider, setting.provider_id).kind
            )  # what the placement is saved with
            detail = _new_placement(setting.name, {**wanted, "provider_kind": kind})
            lines.append(preview_line(origin, "placement", RowStatus.NEW, record, detail))
            return
        before = to_record(placements.Placement, existing)
        changes = _changes(before, wanted)
        if "Setting" in changes:
            changes["Setting"] = (session.get(m.Setting, before.setting_id).name, setting.name)
        if changes:
            placements.update_placement_in(session, dataclasses.replace(before, **wanted))
        status = RowStatus.CHANGED if changes else RowStatus.UNCHANGED
        lines.append(preview_line(origin, "placement", status, record, changes_text(changes)))

    def _setting(self, session: Session, values: RowValues, lines: Lines, origin: Origin) -> int:
        reg = self.register
        urn = str(values.get("setting_urn") or "").upper() or None
        name = values.get("setting_name") or (None if urn else _fostering_service(values))
        found = reg.setting_by_urn(session, urn) if urn else None
        if found is None and name:
            found = reg.setting_by_name(session, name)
        if found is not None:
            return found
        if not (urn or name):
            raise errors.ValidationError(
                "The row names no setting (no setting name or URN; for fostering, no agency)."
            )
        provider_name = values.get("provider_name")
        provider_kind = values.get("provider_kind")
        if provider_name:
            provider_kind = provider_kind or _provider_kind(session, provider_name)
            _check_whose_carers(values, provider_kind, name or urn or "")
            provider_id = reg.provider(session, provider_name, lines, origin, provider_kind)
        elif provider_kind is PlacementProvider.PR1:
            provider_id = reg.provider(session, IN_HOUSE, lines, origin, provider_kind)
        else:
            provider_id = reg.unknown_provider(session, lines, origin)
        _check_whose_carers(values, provider_kind, name or urn or "")
        kind = setting_type_for(values.get("placement_type"), provider_kind)
        stub = providers.Setting(provider_id, name or f"Setting {urn}", urn, kind)
        return reg.add_setting(session, stub, lines, origin)


def _fostering_service(values: RowValues) -> str | None:
    """For a fostering row that names no carers' setting: the fostering service, which is
    the setting Ofsted registers — the agency named, or the authority's own service."""
    if values.get("placement_type") not in FOSTERING:
        return None
    if values.get("provider_name"):
        return str(values["provider_name"])
    own = values.get("provider_kind") is PlacementProvider.PR1
    return IN_HOUSE_FOSTERING if own else None


def _new_placement(setting: str, wanted: RowValues) -> str:
    """ "At Oak House, Children's home (...), ended 3 Mar 2024, £4,250.50 a week, private
    provision." — what the new placement will hold."""
    parts = [f"At {setting}", wanted["placement_type"].label]
    if wanted.get("end_date"):
        parts.append(f"ended {day(wanted['end_date'])}")
    if wanted.get("weekly_fee_pence"):
        parts.append(f"£{wanted['weekly_fee_pence'] / 100:,.2f} a week")
    if wanted.get("provider_kind"):
        parts.append(wanted["provider_kind"].label.lower())
    return ", ".join(parts) + "."


def _provider_kind(session: Session, name: str) -> PlacementProvider | None:
    """The kind of the provider called ``name`` on the register, if there is one."""
    return session.scalar(
        select(m.Provider.kind).where(
            func.lower(m.Provider.name) == name.casefold(), m.Provider.deleted_at.is_(None)
        )
    )


def _check_whose_carers(values: RowValues, provider_kind: Any, setting: str) -> None:
    """A new fostering setting is the authority's own or an agency's: never guessed."""
    if values.get("placement_type") in FOSTERING and provider_kind is None:
        raise errors.ValidationError(
            f"{setting} is new, and the row does not say whether these foster carers are your "
            "authority's own (in-house) or an independent agency's. Say which for the "
            "placement type's wording (e.g. 'In-house fostering' or 'IFA'), or add a column "
            "with the kind of provider."
        )


def _changes(before: Any, wanted: RowValues) -> dict[str, tuple[Any, Any]]:
    return {
        _label(k): (getattr(before, k), v) for k, v in wanted.items() if getattr(before, k) != v
    }


def _label(key: str) -> str:
    return "Setting" if key == "setting_id" else header_for(key)


ROW_SAVERS: dict[str, Callable[[], _RowSaver]] = {
    "children": ChildRows,
    "providers": ProviderRows,
    "placements": PlacementRows,
}
