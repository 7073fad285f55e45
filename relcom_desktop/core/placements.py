"""Placements: a child living in a setting from a start date to an end date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import clock, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import Crud, clean_text
from relcom_desktop.core.enums import SettingType
from relcom_desktop.core.interop.ssda903 import (
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
)
from relcom_desktop.core.providers import SettingChoice
from relcom_desktop.core.store.db import Store

MAX_WEEKLY_FEE_PENCE = 10_000_000  # £100,000 a week: anything above is surely a typing slip
ONE_DAY = dt.timedelta(days=1)
USUAL_TYPE = {
    SettingType.CHILDRENS_HOME: PlacementType.K2,
    SettingType.FOSTERING_AGENCY: PlacementType.U6,
    SettingType.LA_FOSTERING: PlacementType.U6,
    SettingType.SUPPORTED_ACCOMMODATION: PlacementType.H5,
    SettingType.RESIDENTIAL_SCHOOL: PlacementType.S1,
    SettingType.SECURE_HOME: PlacementType.K1,
    SettingType.FAMILY_CENTRE: PlacementType.R3,
}


@dataclass(frozen=True)
class Placement:
    child_id: int
    setting_id: int
    placement_type: PlacementType
    start_date: dt.date
    provider_kind: PlacementProvider | None = None
    planned_end_date: dt.date | None = None
    end_date: dt.date | None = None
    weekly_fee_pence: int = 0
    ending_planned: bool | None = None
    end_reason: ReasonEpisodeCeased | None = None
    change_reason: ReasonPlaceChange | None = None
    ending_notes: str = ""
    notes: str = ""
    id: int | None = None
    reason_new: ReasonNewEpisode | None = None  # from a 903 return (RNE of its first episode)
    postcode: str = ""  # from a 903 return (PL_POST)


@dataclass(frozen=True)
class PlacementView:
    """A placement with its setting and provider names, for timelines and reports."""

    placement: Placement
    setting_name: str
    provider_id: int
    provider_name: str
    setting_urn: str | None

    def days(self, today: dt.date) -> int:
        end = self.placement.end_date or today
        return max(0, (end - self.placement.start_date).days)


@dataclass(frozen=True)
class Stability:
    placements_last_12_months: int
    current_placement_days: int | None
    total_placements: int


def _span(start: dt.date, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """Half-open [start, end): a child moving on day D leaves one and starts another on D."""
    return start, (max(end, start + ONE_DAY) if end else dt.date.max)


def _check_dates_and_fee(p: Placement) -> None:
    if p.start_date is None:
        raise errors.ValidationError("Please enter the date the placement started.")
    if p.end_date is not None and p.end_date < p.start_date:
        raise errors.ValidationError("The placement cannot end before it starts.")
    if p.planned_end_date is not None and p.planned_end_date < p.start_date:
        raise errors.ValidationError("The planned end date cannot be before the start.")
    if p.weekly_fee_pence is None or p.weekly_fee_pence < 0:
        raise errors.ValidationError("The weekly fee cannot be negative.")
    if p.weekly_fee_pence > MAX_WEEKLY_FEE_PENCE:
        raise errors.ValidationError("The weekly fee is over £100,000; check it.")


_OTHER_PLACEMENTS = (
    select(m.Placement.start_date, m.Placement.end_date, m.Setting.name)
    .join(m.Setting, m.Setting.id == m.Placement.setting_id)
    .where(
        m.Placement.child_id == bindparam("child"),
        m.Placement.deleted_at.is_(None),
        m.Placement.id != bindparam("own"),
    )
)


def _check_overlap(session: Session, p: Placement) -> None:
    start, end = _span(p.start_date, p.end_date)
    session.flush()  # the query below goes to the connection, past the ORM's autoflush
    others = session.connection().execute(
        _OTHER_PLACEMENTS, {"child": p.child_id, "own": p.id or -1}
    )
    for o_start, o_end, name in others:
        other_start, other_end = _span(o_start, o_end)
        if start < other_end and other_start < end:
            other = dataclasses.replace(p, start_date=o_start, end_date=o_end)
            raise errors.ValidationError(overlap_message(name, other))


def check_fields(p: Placement, born: dt.date | None) -> None:
    """The rules of :func:`_validate` that need no query (dates, fee, type), for a child
    born on ``born``; for bulk imports that know the child, setting and other placements."""
    _check_dates_and_fee(p)
    if born and p.start_date < born:
        raise errors.ValidationError("The placement cannot start before the child was born.")
    if p.placement_type is None:
        raise errors.ValidationError("Choose the placement type.")


def first_overlap(records: list[Placement]) -> tuple[Placement, Placement] | None:
    """Two of one child's placements that overlap, by the rule :func:`_validate` applies
    (the earlier one first); None if none do."""
    ordered = sorted(records, key=lambda p: _span(p.start_date, p.end_date))
    latest: Placement | None = None
    for p in ordered:
        if latest is not None:
            if p.start_date < _span(latest.start_date, latest.end_date)[1]:
                return latest, p
            if _span(p.start_date, p.end_date)[1] <= _span(latest.start_date, latest.end_date)[1]:
                continue
        latest = p
    return None


def overlap_message(setting_name: str, other: Placement) -> str:
    until = other.end_date.strftime("%d %b %Y") if other.end_date else "now"
    return (
        f"This overlaps the placement at {setting_name} "
        f"({other.start_date.strftime('%d %b %Y')} to {until}). "
        "End that placement first, or change the dates."
    )


def _validate(session: Session, p: Placement) -> Placement:
    child = session.get(m.Child, p.child_id)
    if child is None or child.deleted_at is not None:
        _check_dates_and_fee(p)
        raise errors.ValidationError("Choose a child for this placement.")
    check_fields(p, child.date_of_birth)
    setting = session.get(m.Setting, p.setting_id)
    if setting is None or setting.deleted_at is not None:
        raise errors.ValidationError("Choose a setting from the register for this placement.")
    _check_overlap(session, p)
    provider_kind = p.provider_kind or session.scalar(
        select(m.Provider.kind).where(m.Provider.id == setting.provider_id)
    )
    return dataclasses.replace(
        p,
        provider_kind=provider_kind,
        notes=clean_text(p.notes),
        ending_notes=clean_text(p.ending_notes),
    )


def usual_placement_type(setting_type: SettingType) -> PlacementType | None:
    """The SSDA903 placement type most placements in this kind of setting have."""
    return USUAL_TYPE.get(setting_type)


_crud: Crud[Placement] = Crud(m.Placement, Placement, "placement", _validate)


def get_placement(store: Store, placement_id: int) -> Placement:
    return _crud.get(store, placement_id)


def start_placement(store: Store, placement: Placement) -> Placement:
    return _crud.create(store, placement)


create_placement_in = _crud.create_in  # inside a caller's transaction (e.g. an import)
insert_placement_in = _crud.insert_in  # the same, for bulk imports: returns the new id
update_placement_in = _crud.update_in


def update_placement(store: Store, placement: Placement) -> Placement:
    return _crud.update(store, placement)


def delete_placement(store: Store, placement_id: int) -> None:
    _crud.delete(store, placement_id)


def restore_placement(store: Store, placement_id: int) -> Placement:
    return _crud.restore(store, placement_id)


def end_placement(
    store: Store,
    placement_id: int,
    end_date: dt.date,
    *,
    planned: bool,
    reason: ReasonEpisodeCeased | None = None,
    change_reason: ReasonPlaceChange | None = None,
    notes: str = "",
) -> Placement:
    """Record that a placement ended, whether it was planned, and why."""
    with store.write() as session:
        current = _crud.get_in(session, placement_id)
        return _crud.update_in(
            session, _ended(current, end_date, planned, reason, change_reason, notes)
        )


def _ended(
    p: Placement,
    end_date: dt.date,
    planned: bool,
    reason: ReasonEpisodeCeased | None,
    change_reason: ReasonPlaceChange | None,
    notes: str,
) -> Placement:
    return dataclasses.replace(
        p,
        end_date=end_date,
        ending_planned=planned,
        end_reason=reason,
        change_reason=change_reason,
        ending_notes=notes,
    )


def move_child(
    store: Store,
    new: Placement,
    *,
    planned: bool,
    change_reason: ReasonPlaceChange | None = None,
    notes: str = "",
) -> Placement:
    """End the child's open placement on the new start date and start the new one together."""
    with store.write() as session:
        open_id = session.scalar(
            select(m.Placement.id).where(
                m.Placement.child_id == new.child_id,
                m.Placement.deleted_at.is_(None),
                m.Placement.end_date.is_(None),
            )
        )
        if open_id is not None:
            current = _crud.get_in(session, open_id)
            ended = _ended(
                current, new.start_date, planned, ReasonEpisodeCeased.X1, change_reason, notes
            )
            _crud.update_in(session, ended)
        return _crud.create_in(session, new)


def revert_move(store: Store, new_placement_id: int, previous: Placement) -> Placement:
    """Undo a move in one transaction: the new placement goes to the Trash and the one it
    ended is put back as it was."""
    with store.write() as session:
        _crud.load(session, new_placement_id).deleted_at = m.utcnow()
        session.flush()
        return _crud.update_in(session, previous)


def replay_move(store: Store, new_placement_id: int, ended: Placement) -> Placement:
    """Redo an undone move in one transaction: end the earlier placement again, then bring
    the new one back from the Trash."""
    with store.write() as session:
        _crud.update_in(session, ended)
        row = _crud.load(session, new_placement_id, include_deleted=True)
        _crud.validate(session, _crud.as_record(row))
        row.deleted_at = None
        session.flush()
        return _crud.as_record(row)


def placements_for_child(store: Store, child_id: int) -> list[PlacementView]:
    """The child's placement history, newest first, in one query."""
    stmt = (
        select(m.Placement, m.Setting.name, m.Setting.urn, m.Provider.id, m.Provider.name)
        .join(m.Setting, m.Setting.id == m.Placement.setting_id)
        .join(m.Provider, m.Provider.id == m.Setting.provider_id)
        .where(m.Placement.child_id == child_id, m.Placement.deleted_at.is_(None))
        .order_by(m.Placement.start_date.desc(), m.Placement.id.desc())
    )
    with store.read() as session:
        return [
            PlacementView(
                placement=_crud.as_record(row),
                setting_name=s_name,
                setting_urn=urn,
                provider_id=prov_id,
                provider_name=prov_name,
            )
            for row, s_name, urn, prov_id, prov_name in session.execute(stmt)
        ]


def was_active_between(p: Placement, first: dt.date, last: dt.date) -> bool:
    """True if the child lived in this placement on any day from ``first`` to ``last``."""
    return p.start_date <= last and (p.end_date is None or p.end_date >= first)


def stability(history: list[PlacementView], today: dt.date) -> Stability:
    """How settled the child is: moves in the last year and the length of the current stay."""
    year_ago = today - dt.timedelta(days=365)
    recent = [v for v in history if was_active_between(v.placement, year_ago, today)]
    current = current_placement(history, today)
    return Stability(
        placements_last_12_months=len(recent),
        current_placement_days=current.days(today) if current else None,
        total_placements=len(history),
    )


def current_placement(history: list[PlacementView], today: dt.date) -> PlacementView | None:
    """The placement the child lives in on ``today``, as the caseload list counts it: the
    latest one started by then and not ended before then (``history`` is newest first)."""
    return next(
        (
            v
            for v in history
            if v.placement.start_date <= today
            and (v.placement.end_date is None or v.placement.end_date >= today)
        ),
        None,
    )


def settings_with_children(store: Store, today: dt.date | None = None) -> list[SettingChoice]:
    """Settings where at least one child on the caseload lives now, by name (for filters)."""
    today = today or clock.today()
    placed = (
        select(m.Placement.setting_id)
        .join(m.Child, m.Child.id == m.Placement.child_id)
        .where(
            m.Placement.deleted_at.is_(None),
            m.Child.deleted_at.is_(None),
            m.Placement.start_date <= today,
            or_(m.Placement.end_date.is_(None), m.Placement.end_date >= today),
        )
    )
    s = m.Setting
    stmt = (
        select(s.id, s.name, s.provider_id, m.Provider.name, s.urn, s.setting_type)
        .join(m.Provider, m.Provider.id == s.provider_id)
        .where(s.id.in_(placed), s.deleted_at.is_(None))
        .order_by(func.lower(s.name), s.id)
    )
    with store.read() as session:
        return [SettingChoice(*row) for row in session.execute(stmt)]


@dataclass(frozen=True)
class PlacedChild:
    """A child living at one of a provider's settings now."""

    child_id: int
    preferred_name: str
    full_name: str
    setting_id: int
    setting_name: str
    placement: Placement


def children_placed_with(
    store: Store, provider_id: int, today: dt.date | None = None
) -> list[PlacedChild]:
    """Children living at any of the provider's settings on ``today``, by setting and name."""
    today = today or clock.today()
    stmt = (
        select(m.Placement, m.Child.preferred_name, m.Child.full_name, m.Setting.name)
        .join(m.Child, m.Child.id == m.Placement.child_id)
        .join(m.Setting, m.Setting.id == m.Placement.setting_id)
        .where(
            m.Setting.provider_id == provider_id,
            m.Placement.deleted_at.is_(None),
            m.Child.deleted_at.is_(None),
            m.Placement.start_date <= today,
            or_(m.Placement.end_date.is_(None), m.Placement.end_date > today),
        )
        .order_by(m.Setting.name, m.Child.preferred_name)
    )
    with store.read() as session:
        return [
            PlacedChild(p.child_id, name, full, p.setting_id, s_name, _crud.as_record(p))
            for p, name, full, s_name in session.execute(stmt)
        ]
