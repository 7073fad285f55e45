"""Providers and their settings (the register), with the provider list for the UI."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, exists, func, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text, like_pattern, require_text
from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.interop.ssda903 import PlacementProvider
from relcom_desktop.core.store.db import Store

# Ofsted registers residential colleges with several hundred places; the cap only catches a
# slip of the keyboard.
# The provider a setting is filed under until an import learns its owner.
UNKNOWN_PROVIDER = "Provider not yet known (added by an import)"
MAX_PLACES = 9_999


@dataclass(frozen=True)
class Provider:
    name: str
    kind: PlacementProvider = PlacementProvider.PR4
    phone: str = ""
    email: str = ""
    website: str = ""
    address: str = ""
    notes: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Setting:
    provider_id: int
    name: str
    urn: str | None = None
    setting_type: SettingType = SettingType.CHILDRENS_HOME
    registered_places: int | None = None
    ofsted_judgement: OfstedJudgement | None = None
    ofsted_date: dt.date | None = None
    address: str = ""
    postcode: str = ""
    local_authority: str = ""
    region: str = ""
    notes: str = ""
    id: int | None = None


def _validate_provider(session: Session, p: Provider) -> Provider:
    name = require_text(p.name, "the provider's name", 200)
    email = clean_text(p.email)
    if email and "@" not in email:
        raise errors.ValidationError(f"{email} does not look like an email address.")
    return dataclasses.replace(p, name=name, email=email, phone=clean_text(p.phone))


def _validate_setting(session: Session, s: Setting, *, urn_unused: bool = False) -> Setting:
    """The setting, cleaned, or the rule it breaks. ``urn_unused`` says the caller knows no
    setting has its URN (an import that read them all), so the query for a clash is skipped."""
    name = require_text(s.name, "the setting's name", 200)
    provider = session.get(m.Provider, s.provider_id)
    if provider is None or provider.deleted_at is not None:
        raise errors.ValidationError("Choose the provider this setting belongs to.")
    urn = clean_text(s.urn).upper() or None
    if urn is not None and not urn_unused:
        clash = session.scalar(
            select(m.Setting.name).where(m.Setting.urn == urn, m.Setting.id != s.id)
        )
        if clash is not None:
            raise errors.ValidationError(f"The Ofsted URN {urn} is already used by {clash}.")
    if s.registered_places is not None and not 0 <= s.registered_places <= MAX_PLACES:
        raise errors.ValidationError(f"Registered places must be between 0 and {MAX_PLACES:,}.")
    if s.ofsted_date and s.ofsted_date > clock.today():
        raise errors.ValidationError("The Ofsted inspection date cannot be in the future.")
    postcode = " ".join(clean_text(s.postcode).upper().split())
    return dataclasses.replace(s, name=name, urn=urn, postcode=postcode)


_providers: Crud[Provider] = Crud(m.Provider, Provider, "provider", _validate_provider)
_settings: Crud[Setting] = Crud(m.Setting, Setting, "setting", _validate_setting)
# For an import that knows no setting has the URN yet (it read every URN, and added the rest)
check_setting_with_new_urn_in = functools.partial(_validate_setting, urn_unused=True)
_settings_new_urn: Crud[Setting] = Crud(
    m.Setting, Setting, "setting", check_setting_with_new_urn_in
)

get_provider = _providers.get
create_provider = _providers.create
create_provider_in = _providers.create_in  # inside a caller's transaction (e.g. an import)
update_provider = _providers.update
update_provider_in = _providers.update_in
delete_provider = _providers.delete
restore_provider = _providers.restore
deleted_providers = _providers.trash

get_setting = _settings.get
create_setting = _settings.create
create_setting_in = _settings.create_in
insert_setting_in = _settings.insert_in  # for bulk imports: returns the new id
insert_setting_with_new_urn_in = _settings_new_urn.insert_in
update_setting = _settings.update
delete_setting = _settings.delete
restore_setting = _settings.restore


def settings_of(store: Store, provider_id: int) -> list[Setting]:
    return _settings.list_where(
        store, m.Setting.provider_id == provider_id, order_by=[m.Setting.name]
    )


@dataclass(frozen=True)
class SettingChoice:
    """A setting as offered in pickers: "Setting name — Provider (URN)"."""

    id: int
    name: str
    provider_id: int
    provider_name: str
    urn: str | None
    setting_type: SettingType

    @property
    def label(self) -> str:
        urn = f" ({self.urn})" if self.urn else ""
        return f"{self.name} — {self.provider_name}{urn}"


def find_settings(store: Store, text: str = "", *, limit: int = 50) -> list[SettingChoice]:
    """Settings whose name, provider or URN contains ``text``, for pickers."""
    stmt = (
        select(m.Setting, m.Provider.name)
        .join(m.Provider, m.Provider.id == m.Setting.provider_id)
        .where(m.Setting.deleted_at.is_(None), m.Provider.deleted_at.is_(None))
    )
    if text.strip():
        like = like_pattern(text.strip())
        stmt = stmt.where(
            or_(
                m.Setting.name.ilike(like, escape="\\"),
                m.Provider.name.ilike(like, escape="\\"),
                m.Setting.urn.ilike(like, escape="\\"),
            )
        )
    stmt = stmt.order_by(func.lower(m.Setting.name)).limit(limit)
    with store.read() as session:
        return [
            SettingChoice(s.id, s.name, s.provider_id, p_name, s.urn, s.setting_type)
            for s, p_name in session.execute(stmt)
        ]


# ---- the provider register list -------------------------------------------------------


@dataclass(frozen=True)
class ProviderFilter:
    text: str = ""
    judgement: OfstedJudgement | None = None
    setting_type: SettingType | None = None
    local_authority: str = ""
    has_children_placed: bool = False


@dataclass(frozen=True)
class ProviderListRow:
    id: int
    name: str
    kind: PlacementProvider
    settings: int
    children_placed: int
    weekly_spend_pence: int
    last_contact: dt.date | None


def _current_placements(today: dt.date) -> Any:
    return (
        select(
            m.Setting.provider_id.label("provider_id"),
            func.count(m.Placement.id).label("children"),
            func.sum(m.Placement.weekly_fee_pence).label("spend"),
        )
        .join(m.Placement, m.Placement.setting_id == m.Setting.id)
        .where(
            m.Placement.deleted_at.is_(None),
            m.Placement.start_date <= today,
            or_(m.Placement.end_date.is_(None), m.Placement.end_date > today),
        )
        .group_by(m.Setting.provider_id)
        .subquery()
    )


def _provider_query(f: ProviderFilter, today: dt.date) -> Select:
    placed = _current_placements(today)
    settings = (
        select(func.count(m.Setting.id))
        .where(m.Setting.provider_id == m.Provider.id, m.Setting.deleted_at.is_(None))
        .scalar_subquery()
    )
    last_contact = (
        select(func.max(m.JournalEntry.occurred_on))
        .where(m.JournalEntry.provider_id == m.Provider.id, m.JournalEntry.deleted_at.is_(None))
        .scalar_subquery()
    )
    stmt = (
        select(
            m.Provider,
            settings.label("settings"),
            func.coalesce(placed.c.children, 0).label("children"),
            func.coalesce(placed.c.spend, 0).label("spend"),
            last_contact.label("last_contact"),
        )
        .outerjoin(placed, placed.c.provider_id == m.Provider.id)
        .where(m.Provider.deleted_at.is_(None))
    )
    return _filter_providers(stmt, f, placed)


def _filter_providers(stmt: Select, f: ProviderFilter, placed: Any) -> Select:
    if f.text.strip():
        stmt = stmt.where(m.Provider.name.ilike(like_pattern(f.text.strip()), escape="\\"))
    setting_rules = []
    if f.judgement is not None:
        setting_rules.append(m.Setting.ofsted_judgement == f.judgement)
    if f.setting_type is not None:
        setting_rules.append(m.Setting.setting_type == f.setting_type)
    if f.local_authority.strip():
        setting_rules.append(m.Setting.local_authority == f.local_authority.strip())
    if setting_rules:
        stmt = stmt.where(
            exists().where(
                m.Setting.provider_id == m.Provider.id,
                m.Setting.deleted_at.is_(None),
                *setting_rules,
            )
        )
    if f.has_children_placed:
        stmt = stmt.where(placed.c.children > 0)
    return stmt


class ProviderSort(StrEnum):
    NAME = "name"
    KIND = "kind"
    SETTINGS = "settings"
    CHILDREN_PLACED = "children"
    WEEKLY_SPEND = "spend"
    LAST_CONTACT = "last_contact"


def _order_providers(stmt: Select, sort: ProviderSort, descending: bool) -> Select:
    cols = stmt.selected_columns
    key = {
        ProviderSort.NAME: func.lower(m.Provider.name),
        ProviderSort.KIND: m.Provider.kind,
        ProviderSort.SETTINGS: cols.settings,
        ProviderSort.CHILDREN_PLACED: cols.children,
        ProviderSort.WEEKLY_SPEND: cols.spend,
        ProviderSort.LAST_CONTACT: cols.last_contact,
    }[sort]
    return stmt.order_by(key.is_(None), key.desc() if descending else key.asc(), m.Provider.id)


def list_providers(
    store: Store,
    filt: ProviderFilter = ProviderFilter(),
    *,
    sort: ProviderSort = ProviderSort.NAME,
    descending: bool = False,
    offset: int = 0,
    limit: int | None = 200,
    today: dt.date | None = None,
) -> list[ProviderListRow]:
    today = today or clock.today()
    stmt = _order_providers(_provider_query(filt, today), sort, descending)
    with store.read() as session:
        return [
            ProviderListRow(
                id=p.id,
                name=p.name,
                kind=p.kind,
                settings=n_settings or 0,
                children_placed=children,
                weekly_spend_pence=spend,
                last_contact=last,
            )
            for p, n_settings, children, spend, last in session.execute(
                stmt.offset(offset).limit(limit)
            )
        ]


def count_providers(store: Store, filt: ProviderFilter = ProviderFilter()) -> int:
    stmt = _provider_query(filt, clock.today()).subquery()
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(stmt)) or 0


def local_authorities(store: Store) -> list[str]:
    """Every local authority named on a setting, for filter choices."""
    stmt = (
        select(m.Setting.local_authority)
        .where(m.Setting.deleted_at.is_(None), m.Setting.local_authority != "")
        .distinct()
        .order_by(m.Setting.local_authority)
    )
    with store.read() as session:
        return list(session.scalars(stmt))


def provider_choices(store: Store) -> list[tuple[int, str]]:
    """(id, name) of every provider on the register, by name, for pickers."""
    stmt = (
        select(m.Provider.id, m.Provider.name)
        .where(m.Provider.deleted_at.is_(None))
        .order_by(func.lower(m.Provider.name), m.Provider.id)
    )
    with store.read() as session:
        return [(pid, name) for pid, name in session.execute(stmt)]


def matching_provider_ids(_session: Session, filt: ProviderFilter) -> Select:
    """The ids of the providers the register list shows for ``filt`` (for exports)."""
    listing = _provider_query(filt, clock.today()).subquery()
    return select(listing.c.id)
