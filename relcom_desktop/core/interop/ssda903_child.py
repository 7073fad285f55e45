"""One child of an SSDA903 return: their record, placements and legal-status history.

A :class:`ChildWork` is one unit of the import (:mod:`.ssda903_import`): a child new to
RelCom Desktop goes by the fast path (:mod:`.ssda903_bulk`); one already recorded is updated
record by record, their placements matched by start date.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from relcom_desktop.core import errors, placements, providers
from relcom_desktop.core import models as m
from relcom_desktop.core.crud import to_record
from relcom_desktop.core.interop.import_register import (
    ChildFinder,
    Origin,
    setting_type_for,
)
from relcom_desktop.core.interop.import_run import (
    PreviewLine,
    RowStatus,
    changes_text,
    day,
    rejected_as,
)
from relcom_desktop.core.interop.ssda903_bulk import Pending
from relcom_desktop.core.interop.ssda903_episodes import (
    describe,
    latest_period_of_care,
    match_placements,
    overlapping,
    placement_groups,
    shrinks_first,
    status_runs,
)
from relcom_desktop.core.interop.ssda903_rows import (
    EPISODES,
    HEADER,
    Episode,
    HeaderRow,
    in_order,
)

PLACEMENT_FIELDS = {
    "setting_id": "Setting",
    "placement_type": "Placement type",
    "provider_kind": "Placement provider",
    "end_date": "End date",
    "end_reason": "Reason the episode ceased",
    "change_reason": "Reason for placement change",
    "reason_new": "Reason for new episode",
    "postcode": "Placement postcode",
    "start_date": "Start date",
}


def new_child_detail(in_header: bool) -> str:
    if in_header:
        return "New child, known by their 903 CHILD id until you add their name."
    return (
        "New child, known by their 903 CHILD id until you add their name. Not in the Header "
        "file, so their sex, date of birth and ethnicity are not known yet."
    )


class ChildWork:
    """A child's Header row and episodes, applied as one unit of the import."""

    def __init__(
        self,
        child: str,
        header: HeaderRow | None,
        episodes: list[Episode],
        register: ChildFinder,
        pending: Pending,
    ) -> None:
        self.child = child
        self.header = header
        self.episodes = sorted(episodes, key=in_order)
        self.register = register
        self.pending = pending
        self._new: bool | None = None  # whether it goes by the fast path, if quiet() knows

    def _is_new(self, session: Session) -> bool:
        """A child with a Header row, no record yet, and every episode's provider given
        goes by the fast path (:mod:`relcom_desktop.core.interop.ssda903_bulk`)."""
        if any(e.provider is None for e in self.episodes):
            return False
        with rejected_as(*self.first_row()):
            return self.register.find_child(session, {"la_reference": self.child}) is None

    @functools.cached_property
    def groups(self) -> list[list[Episode]]:
        """The child's episodes gathered into placements (worked out once)."""
        return list(placement_groups(self.episodes))

    def quiet(self, session: Session) -> bool:
        """True when applying the unit writes nothing to the data file: the child goes by
        the fast path and every setting their placements are in is on the register already,
        or can be held in the batch (the provider of new settings is known), so all they add
        waits in the batch (and a rejected unit needs no savepoint). A unit that is not
        quiet writes the settings held so far first, outside its savepoint, so they stay
        if it is refused."""
        try:
            self._new = self._is_new(session)
            if not self._new:
                self.pending.write_settings(session)
            held = self.register.has_unknown_provider()
            return self._new and all(
                held or self.register.has_setting(session, first.urn, _no_urn_name(first))
                for first, *_rest in self.groups
            )
        except errors.ValidationError:  # refused: the unit says so when it is applied
            return False

    def first_row(self) -> tuple[str, int]:
        if self.header is not None:
            return HEADER, self.header.row
        return EPISODES, min((e.row for e in self.episodes), default=0)

    def apply(self, session: Session, lines: list[PreviewLine]) -> None:
        with self.register.unit():
            fast = self._is_new(session) if self._new is None else self._new
            self._new = None  # as quiet() found it, just before
            if fast:
                source, row = self.first_row()
                values = {"la_reference": self.child, **self._values()}
                groups = self.groups
                runs = status_runs(self.episodes)
                origin = Origin(source, row)
                detail = new_child_detail(self.header is not None)
                held = functools.partial(self._setting, held=True)
                self.pending.add_child(session, values, origin, detail, groups, runs, held, lines)
                return
            self.pending.write_settings(session)  # held settings go first (if quiet() did not)
            child_id, new = self._save_child(session, lines)
            # Held for the unit, so the placement rules find the child without a query.
            held = [session.get(m.Child, child_id)]
            if not new:
                held += session.scalars(
                    select(m.Placement).where(
                        m.Placement.child_id == child_id, m.Placement.deleted_at.is_(None)
                    )
                ).all()
            groups = self.groups
            matched = match_placements(groups, held[1:])
            for group, placement in sorted(zip(groups, matched, strict=True), key=shrinks_first):
                self._save_placement(session, child_id, group, placement, lines)
            _save_legal_statuses(session, child_id, self.episodes, new=new)

    # ---- the child ---------------------------------------------------------------------------

    def _values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        if self.header is not None:
            h = self.header
            values.update(
                sex=h.sex, date_of_birth=h.date_of_birth, ethnicity=h.ethnicity, upn=h.upn
            )
        if self.episodes:
            values["legal_status"] = self.episodes[-1].legal_status
            values["looked_after_since"] = latest_period_of_care(self.episodes)
        return {k: v for k, v in values.items() if v not in (None, "")}

    def _save_child(self, session: Session, lines: list[PreviewLine]) -> tuple[int, bool]:
        source, row = self.first_row()
        with rejected_as(source, row):
            values = {"la_reference": self.child, **self._values()}
            return self.register.save_child(
                session, values, lines, Origin(source, row), new_name=f"Child {self.child}",
                new_detail=new_child_detail(self.header is not None),
            )  # fmt: skip

    # ---- placements -------------------------------------------------------------------------

    def _save_placement(
        self,
        session: Session,
        child_id: int,
        group: list[Episode],
        recorded: m.Placement | None,
        lines: list[PreviewLine],
    ) -> None:
        first, last = group[0], group[-1]
        origin = Origin(EPISODES, first.row)
        record = f"Child {self.child}, from {day(first.start)}"
        with rejected_as(EPISODES, first.row):
            wanted = {
                "start_date": first.start,
                "placement_type": first.placement_type,
                "provider_kind": first.provider,
                "end_date": last.end,
                "end_reason": last.reason_ceased,
                "change_reason": last.place_change,
                "reason_new": first.reason_new,
                "postcode": first.postcode or None,
            }
            wanted = {k: v for k, v in wanted.items() if v is not None}
            if recorded is not None and recorded.reason_new is None:
                # recorded in RelCom Desktop, not made by a return: no episode fields
                wanted.pop("reason_new", None)
                wanted.pop("postcode", None)
            if recorded is None or first.urn is not None:  # else the setting chosen stays
                wanted["setting_id"] = self._setting(session, first, lines, origin)
            if recorded is None:
                new = placements.Placement(child_id=child_id, **wanted)
                placements.insert_placement_in(session, new)
                line = PreviewLine(
                    EPISODES, first.row, "placement", RowStatus.NEW, record, describe(group)
                )
                lines.append(line)
                return
            before = to_record(placements.Placement, recorded)
            changes = {
                PLACEMENT_FIELDS[k]: _named(session, k, getattr(before, k), v)
                for k, v in wanted.items()
                if getattr(before, k) != v
            }
            if changes:
                placements.update_placement_in(session, dataclasses.replace(before, **wanted))
            status = RowStatus.CHANGED if changes else RowStatus.UNCHANGED
            lines.append(
                PreviewLine(EPISODES, first.row, "placement", status, record, changes_text(changes))
            )

    def _setting(
        self,
        session: Session,
        episode: Episode,
        lines: list[PreviewLine],
        origin: Origin,
        *,
        held: bool = False,
    ) -> int:
        """The setting of the placement ``episode`` starts, added (or, if ``held``, held in
        the batch) when the register has none."""
        reg = self.register
        if episode.urn is not None:
            found = reg.setting_by_urn(session, episode.urn)
            if found is not None:
                return found
            name, urn = f"Setting {episode.urn}", episode.urn
        else:
            name, urn = _no_urn_name(episode), None
            provider_id = reg.unknown_provider(session, lines, origin)
            found = reg.setting_by_name(session, name, provider_id)
            if found is not None:
                return int(found)
        stub = providers.Setting(
            provider_id=reg.unknown_provider(session, lines, origin),
            name=name,
            urn=urn,
            setting_type=setting_type_for(episode.placement_type, episode.provider),
            postcode=episode.postcode if urn else "",
        )
        # a URN here was just looked up and not found: no need to look again
        insert = self.pending.hold_setting if held else None
        return reg.add_setting(
            session, stub, lines, origin, urn_unused=urn is not None, insert=insert
        )


def _no_urn_name(episode: Episode) -> str:
    """The setting a placement with no Ofsted URN is filed under."""
    return f"{episode.placement_type.label} (no Ofsted URN)"[:200]


def _named(session: Session, key: str, before: Any, after: Any) -> tuple[Any, Any]:
    """A change as the preview shows it: settings by name, not number."""
    if key != "setting_id":
        return before, after
    return session.get(m.Setting, before).name, session.get(m.Setting, after).name


def _save_legal_statuses(
    session: Session, child_id: int, episodes: list[Episode], *, new: bool
) -> None:
    """Record each run of one legal status (across placements) in the child's history."""
    stmt = select(m.LegalStatusPeriod).where(m.LegalStatusPeriod.child_id == child_id)
    existing = {(p.legal_status, p.start_date): p for p in ([] if new else session.scalars(stmt))}
    added = []
    runs = list(status_runs(episodes))
    unmatched = [p for p in existing.values() if (p.legal_status, p.start_date) not in
                 {(status, start) for status, start, _end in runs}]  # fmt: skip
    for status, start, end in runs:
        period = existing.get((status, start)) or overlapping(unmatched, status, start, end)
        if period is not None and period.start_date != start:  # a corrected DECOM
            unmatched.remove(period)
            period.start_date = start
        if period is None:
            added.append(
                {"child_id": child_id, "legal_status": status, "start_date": start, "end_date": end}
            )
        elif end is not None and period.end_date != end:
            period.end_date = end
    if added:
        session.connection().execute(insert(m.LegalStatusPeriod.__table__), added)
