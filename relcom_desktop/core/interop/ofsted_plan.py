"""What importing an Ofsted list would do to the register, row by row (the plan that both
the preview and the commit follow, so the commit does exactly what the preview showed)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.interop.ofsted_csv import OfstedFile
from relcom_desktop.core.interop.ofsted_headers import normalise_header
from relcom_desktop.core.interop.ofsted_values import RowValues, is_placeholder, placeholder_name
from relcom_desktop.core.labels import LabelledStr
from relcom_desktop.core.providers import UNKNOWN_PROVIDER

CHUNK = 500
# RowValues field -> (Setting column, what the preview calls it)
FIELDS = (
    ("setting_type", "setting_type", "Type"),
    ("places", "registered_places", "Places"),
    ("judgement", "ofsted_judgement", "Judgement"),
    ("inspected_on", "ofsted_date", "Inspected"),
    ("local_authority", "local_authority", "Local authority"),
    ("region", "region", "Region"),
    ("postcode", "postcode", "Postcode"),
    ("address", "address", "Address"),
)
COMPANY_NUMBER = re.compile(r" (?:sc|ni|oc|fc)?\d{6,8}$")


class LineStatus(LabelledStr):
    NEW = ("new", "New")
    CHANGED = ("changed", "Changed")
    UNCHANGED = ("unchanged", "Unchanged")
    LEFT_OUT = ("left_out", "Left out")
    REJECTED = ("rejected", "Rejected")


@dataclass(frozen=True)
class ImportOptions:
    """Which rows the commissioner wants: by default only settings already on the register
    are updated; ``add_all`` adds the rest. Empty filters let every row through; filter
    values are compared without regard to case."""

    add_all: bool = False
    local_authorities: frozenset[str] = frozenset()
    provision_types: frozenset[str] = frozenset()

    def outside(self, local_authority: str | None, provision_type: str | None) -> str | None:
        """Why a row falls outside the chosen filters, or None when it is inside them."""
        if self.local_authorities and not _among(local_authority, self.local_authorities):
            return "Outside the chosen local authorities."
        if self.provision_types and not _among(provision_type, self.provision_types):
            return "Outside the chosen provision types."
        return None


def _among(value: str | None, chosen: frozenset[str]) -> bool:
    return bool(value) and value.casefold() in {c.casefold() for c in chosen}  # type: ignore[union-attr]


@dataclass(frozen=True)
class PreviewLine:
    line: int
    status: LineStatus
    urn: str
    setting_name: str  # as it will be after the import
    provider_name: str
    detail: str  # what changes, or why the row is left out or rejected


@dataclass(frozen=True)
class Write:
    row: RowValues
    setting_id: int | None  # None: a new setting
    values: dict[str, Any]
    provider_key: str | None  # the owner to link the setting to (new, or relinked)


@dataclass
class Plan:
    lines: list[PreviewLine] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    new_providers: dict[str, str] = field(default_factory=dict)  # key -> name as written


def owner_key(name: str) -> str:
    """Names of one organisation written differently match: "The Acme Care Limited 0123456"
    and "Acme Care Ltd"."""
    key = COMPANY_NUMBER.sub("", normalise_header(name))
    key = re.sub(r"\blimited\b", "ltd", key).removeprefix("the ")
    return key.strip()


def shown(value: Any) -> str:
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


def _newer_on_record(row: RowValues, setting: Any) -> bool:
    """True when the register holds a later (or a dated) inspection the file would undo."""
    if row.judgement is OfstedJudgement.NOT_YET_INSPECTED and setting.ofsted_date:
        return True
    return bool(row.inspected_on and setting.ofsted_date and setting.ofsted_date > row.inspected_on)


class Planner:
    """Builds the plan inside one session (read for the preview, write for the commit)."""

    def __init__(self, session: Session, file: OfstedFile, options: ImportOptions) -> None:
        self.session, self.file, self.options = session, file, options
        urns = [r.urn for r in file.rows] + [r.urn for r in file.rejected if r.urn]
        self.existing = self._settings_by_urn(urns)
        live = session.execute(
            select(m.Provider.id, m.Provider.name)
            .where(m.Provider.deleted_at.is_(None))
            .order_by(m.Provider.id.desc())  # the oldest wins when two names match
        ).all()
        self.provider_names = {pid: name for pid, name in live}
        self.owners = {owner_key(name): name for _pid, name in live}
        self.unknown_ids = {pid for pid, name in live if name == UNKNOWN_PROVIDER}
        self.plan = Plan()

    def _settings_by_urn(self, urns: list[str]) -> dict[str, Any]:
        found = {}
        for chunk in _chunks(urns):
            for s in self.session.scalars(select(m.Setting).where(m.Setting.urn.in_(chunk))):
                found[s.urn] = s
        return found

    def run(self) -> Plan:
        lines = self.plan.lines
        for s in self.file.superseded:
            why = f"An earlier inspection: line {s.kept_line} is this setting's latest."
            lines.append(PreviewLine(s.line, LineStatus.LEFT_OUT, s.urn, s.name, "", why))
        for r in self.file.rejected:
            self._rejected(r.line, r.urn, r.name, r.reason, (r.local_authority, r.provision_type))
        for row in self.file.rows:
            self._row(row)
        lines.sort(key=lambda line: line.line)
        return self.plan

    def _add(
        self, line: int, status: LineStatus, urn: str, names: tuple[str, str], why: str
    ) -> None:
        self.plan.lines.append(PreviewLine(line, status, urn, names[0], names[1], why))

    def _rejected(
        self, line: int, urn: str, name: str, reason: str, where: tuple[str, str]
    ) -> None:
        setting = self.existing.get(urn)
        outside = self.options.outside(*where)
        if not self.options.add_all and (setting is None or setting.deleted_at is not None):
            why = f"Not on your register (and the row cannot be read: {reason})"
            self._add(line, LineStatus.LEFT_OUT, urn, (name, ""), why)
        elif outside:
            self._add(line, LineStatus.LEFT_OUT, urn, (name, ""), f"{outside} ({reason})")
        else:
            self._add(line, LineStatus.REJECTED, urn, (name, ""), reason)

    def _row(self, row: RowValues) -> None:
        setting = self.existing.get(row.urn)
        file_names = (row.setting_name or placeholder_name(row), row.provider_name or "")
        outside = self.options.outside(row.local_authority, row.provision_type)
        if outside:
            self._add(row.line, LineStatus.LEFT_OUT, row.urn, file_names, outside)
        elif setting is not None and setting.deleted_at is not None:
            why = f"URN {row.urn} belongs to {setting.name}, which is in the Trash."
            status = LineStatus.REJECTED if self.options.add_all else LineStatus.LEFT_OUT
            self._add(row.line, status, row.urn, (setting.name, file_names[1]), why)
        elif setting is not None:
            self._update(row, setting)
        elif self.options.add_all:
            self._new(row)
        else:
            why = "Not on your register (choose to add all settings to add it)."
            self._add(row.line, LineStatus.LEFT_OUT, row.urn, file_names, why)

    # ---- a setting on the register -----------------------------------------------------------

    def _update(self, row: RowValues, setting: Any) -> None:
        changes = self._changes(row, setting)
        provider_key = None
        owner = self.provider_names.get(setting.provider_id, "")
        if setting.provider_id in self.unknown_ids and row.provider_name:
            provider_key, after = self._owner(row.provider_name)
            changes["provider_id"] = ("Provider", owner, after)
            owner = after
        detail = "; ".join(f"{lbl}: {shown(b)} → {shown(a)}" for lbl, b, a in changes.values())
        status = LineStatus.CHANGED if changes else LineStatus.UNCHANGED
        name = changes.get("name", ("", "", setting.name))[2]
        self._add(row.line, status, row.urn, (name, owner), detail)
        if changes:
            values = {
                col: after for col, (_l, _b, after) in changes.items() if col != "provider_id"
            }
            self.plan.writes.append(Write(row, setting.id, values, provider_key))

    def _changes(self, row: RowValues, setting: Any) -> dict[str, tuple[str, Any, Any]]:
        """column -> (label, before, after) for what the file would change."""
        changes = {}
        name = row.setting_name
        if name is None and is_placeholder(setting.name, setting.urn):
            name = placeholder_name(row)  # Ofsted withholds it; the made-up one is refreshed
        if name and name != setting.name:
            changes["name"] = ("Name", setting.name, name)
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

    # ---- a new setting -----------------------------------------------------------------------

    def _owner(self, name: str) -> tuple[str, str]:
        """(key, name) of the provider ``name`` means, noting it as new when it is."""
        key = owner_key(name) or name.casefold()
        if key in self.owners:
            return key, self.owners[key]
        self.plan.new_providers.setdefault(key, name)
        return key, self.plan.new_providers[key]

    def _new(self, row: RowValues) -> None:
        name = row.setting_name or placeholder_name(row)
        wanted = row.provider_name or name
        key = owner_key(wanted) or wanted.casefold()
        if key in self.owners:
            detail = f"Adds a setting to {self.owners[key]}."
        elif key in self.plan.new_providers:
            detail = f"Adds a setting to {self.plan.new_providers[key]} (a new provider)."
        else:
            detail = "Adds the setting and its provider (new to the register)."
        key, owner = self._owner(wanted)
        if row.setting_name is None:
            detail += (
                " Ofsted withholds its name, so it is named from the file until you rename it."
            )
        self._add(row.line, LineStatus.NEW, row.urn, (name, owner), detail)
        values = {column: getattr(row, attr) for attr, column, _label in FIELDS}
        values["setting_type"] = row.setting_type or SettingType.OTHER
        values["name"] = name
        values = {k: v for k, v in values.items() if v is not None}
        self.plan.writes.append(Write(row, None, values, key))
