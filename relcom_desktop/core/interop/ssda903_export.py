"""The caseload as an SSDA903-shaped Header and Episodes pair, for reconciling with the
authority's own data (and for the 903 validators the sector uses).

Each placement becomes one episode, split where the child's legal status changed during it
(the later parts start with RNE ``L``). A placement's first episode keeps the RNE its return
gave (``T``, ``U``, or a ``P`` that continues care begun before the child's first placement on
record) while the records agree with it; otherwise a placement that follows another on the
same day starts with ``P`` (``B`` if the legal status changed too), one after a gap in care
with ``S``. PL_POST is the postcode the return gave a placement it made, else the setting's.
An episode that ends with another starting the same day ends with REC ``X1``; a placement
whose end has no reason recorded ends with ``E8`` (ceased for any other reason).
REASON_PLACE_CHANGE goes on the placement's last episode. A setting without an Ofsted URN
is written as ``XXXXXXX``. Children without an LA reference have no 903 CHILD id, so they
are left out (and counted). Dates are dd/mm/yyyy; the files are plain UTF-8; the folder is
made if it is missing.

Not held, so written blank: CIN, HOME_POST, MOTHER, MC_DOB. Written in the 903's own form:
SEX as 1 or 2 (``U`` was recorded as not known: blank), a blank URN as ``XXXXXXX``, and REC
``X1`` given on an episode with no DEC (read as still open) as blank. Import → export gives
back every other field of every imported episode (``tests/core/test_ssda903_sample.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop.ofsted_csv import Progress
from relcom_desktop.core.interop.spreadsheet import guard_formula, write_csv
from relcom_desktop.core.interop.ssda903 import LegalStatus
from relcom_desktop.core.interop.ssda903_rows import EPISODE_COLUMNS, HEADER_COLUMNS, NO_URN
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store

HEADER_FILE = "header.csv"
EPISODES_FILE = "episodes.csv"
OTHER_REASON = "E8"


@dataclass(frozen=True)
class Ssda903Export:
    header_path: Path
    episodes_path: Path
    children: int
    episodes: int
    left_out: int  # children with no LA reference


@dataclass(frozen=True)
class _Stay:
    start: dt.date
    end: dt.date | None
    place: str
    provider: str
    end_reason: str
    change_reason: str
    urn: str
    postcode: str
    reason_new: str  # the RNE an imported return gave its first episode, or ""


Period = tuple[LegalStatus, dt.date, dt.date | None]


def export_ssda903(
    store: Store, folder: Path, *, progress: Progress | None = None
) -> Ssda903Export:
    """Write ``header.csv`` and ``episodes.csv`` into ``folder``; audited."""
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise errors.TransferError(
            f"The folder {folder} cannot be made here. Choose another folder."
        ) from None
    with store.read() as session:
        kids = session.scalars(
            select(m.Child)
            .where(m.Child.deleted_at.is_(None), m.Child.la_reference.is_not(None))
            .order_by(m.Child.la_reference)
        ).all()
        stays, periods = _stays(session), _periods(session)
        left_out = session.scalar(
            select(func.count(m.Child.id)).where(
                m.Child.deleted_at.is_(None), m.Child.la_reference.is_(None)
            )
        )
        header = [_header_row(child) for child in kids]
        episodes = []
        for done, child in enumerate(kids):
            if progress is not None and done % 200 == 0:
                progress(done, len(kids), "Writing episodes")
            rows = child_episodes(
                stays.get(child.id, []), periods.get(child.id, []), child.legal_status
            )
            episodes += [[child.la_reference, *row] for row in rows]
    header_path, episodes_path = folder / HEADER_FILE, folder / EPISODES_FILE
    write_csv(header_path, HEADER_COLUMNS, _guarded(header), bom=False)
    write_csv(episodes_path, EPISODE_COLUMNS, _guarded(episodes), bom=False)
    audit.record(store, AuditKind.EXPORT, "child", detail=f"SSDA903 return, {len(kids)} children")
    return Ssda903Export(header_path, episodes_path, len(kids), len(episodes), left_out or 0)


def _guarded(rows: list[list[str]]) -> Iterator[list[str]]:
    """Rows whose typed-in text (LA reference, UPN, postcode...) a spreadsheet will not run."""
    return ([guard_formula(cell) for cell in row] for row in rows)


def _header_row(child: Any) -> list[str]:
    sex = child.sex.value if child.sex else ""
    return [child.la_reference, sex, _day(child.date_of_birth), child.ethnicity, child.upn, "", ""]


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _stays(session: Any) -> dict[int, list[_Stay]]:
    stmt = (
        select(m.Placement, m.Setting.urn, m.Setting.postcode)
        .join(m.Setting, m.Setting.id == m.Placement.setting_id)
        .join(m.Child, m.Child.id == m.Placement.child_id)
        .where(
            m.Placement.deleted_at.is_(None),
            m.Child.deleted_at.is_(None),
            m.Child.la_reference.is_not(None),
        )
        .order_by(m.Placement.child_id, m.Placement.start_date, m.Placement.id)
    )
    found: dict[int, list[_Stay]] = defaultdict(list)
    for p, urn, postcode in session.execute(stmt):
        found[p.child_id].append(
            _Stay(
                p.start_date,
                p.end_date,
                p.placement_type.value,
                p.provider_kind.value if p.provider_kind else "",
                p.end_reason.value if p.end_reason else "",
                p.change_reason.value if p.change_reason else "",
                urn or NO_URN,
                p.postcode if p.reason_new else (postcode or ""),
                p.reason_new.value if p.reason_new else "",
            )
        )
    return found


def _periods(session: Any) -> dict[int, list[Period]]:
    stmt = select(m.LegalStatusPeriod).order_by(
        m.LegalStatusPeriod.child_id, m.LegalStatusPeriod.start_date
    )
    found: dict[int, list[Period]] = defaultdict(list)
    for p in session.scalars(stmt):
        found[p.child_id].append((p.legal_status, p.start_date, p.end_date))
    return found


def _status_on(day: dt.date, periods: list[Period], fallback: LegalStatus | None) -> str:
    current = [s for s, start, end in periods if start <= day and (end is None or day < end)]
    status = current[-1] if current else fallback
    return status.value if status else ""


def _first_reason(stay: _Stay, before: tuple[dt.date | None, str] | None, status: str) -> str:
    """RNE of a placement's first episode: the one its return gave, while the records still
    agree with it; else S after a gap in care, P (B if the legal status changed too) after
    another placement ending that day."""
    follows = before is not None and before[0] == stay.start
    stored = stay.reason_new
    if stored == "S" and not follows:
        return stored
    if stored and stored != "S" and (follows or before is None):
        return stored
    if follows:
        return "P" if before[1] == status else "B"  # type: ignore[index]
    return "S"


def child_episodes(
    stays: list[_Stay], periods: list[Period], fallback: LegalStatus | None
) -> Iterator[list[str]]:
    """One child's episodes, as Episodes rows without the CHILD column."""
    before: tuple[dt.date | None, str] | None = None  # (end, legal status) of the last one
    for index, stay in enumerate(stays):
        after = stays[index + 1].start if index + 1 < len(stays) else None
        cuts = sorted(
            {start for _s, start, _e in periods if stay.start < start < (stay.end or dt.date.max)}
        )
        starts = [stay.start, *cuts]
        for part, start in enumerate(starts):
            last = part == len(starts) - 1
            end = stay.end if last else starts[part + 1]
            status = _status_on(start, periods, fallback)
            reason_new = "L" if part else _first_reason(stay, before, status)
            ceased, change = ("", stay.change_reason) if last else ("X1", "")
            if last and stay.end is not None:
                ceased = stay.end_reason or ("X1" if after == stay.end else OTHER_REASON)
            yield [
                _day(start), reason_new, status, "", stay.place, stay.provider, _day(end),
                ceased, change, "", stay.postcode, stay.urn,
            ]  # fmt: skip
            before = (end, status)
