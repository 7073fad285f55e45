"""Importing the authority's SSDA903 return: children and their placements from episodes.

* A child is found by their 903 CHILD id, kept as the LA reference; one not yet in RelCom
  Desktop is added, known by that id until the commissioner adds their name. Sex, date of
  birth, ethnicity, UPN, legal status and the date they became looked after come from the
  return; a blank in the file never clears what is recorded. Nothing the commissioner wrote
  themselves — names, the child's voice, family links, check-ins, the journal — is touched.
* Consecutive episodes in the same placement that differ only in legal status become one
  placement, and the child's legal-status history records each status. A placement is
  matched to one already recorded by its start date, so importing the same return again
  changes nothing.
* The URN links a placement to the setting register; a URN the register does not have
  becomes a stub setting under "Provider not yet known". DEC and REC end a placement with
  the reason; REASON_PLACE_CHANGE says why the placement changed.

A child goes in with all their episodes, or not at all: one rejected row holds the child
back. :func:`preview_return` says what would happen; :func:`commit_return` does it in one
transaction (see :mod:`relcom_desktop.core.interop.import_run`).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core.interop.import_register import ChildFinder
from relcom_desktop.core.interop.import_run import (
    ImportPreview,
    PreviewLine,
    Unit,
    run_import,
)
from relcom_desktop.core.interop.ofsted_csv import Cancelled, Progress
from relcom_desktop.core.interop.ssda903_bulk import Pending
from relcom_desktop.core.interop.ssda903_child import ChildWork
from relcom_desktop.core.interop.ssda903_files import Ssda903Return, read_return
from relcom_desktop.core.interop.ssda903_rows import HEADER, Episode
from relcom_desktop.core.store.db import Store

TITLE = "Looked-after children return (SSDA903)"


def preview_return(
    store: Store,
    ret: Ssda903Return,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """What importing the return would do, record by record; changes nothing."""
    return run_import(
        store, TITLE, _units(ret), commit=False, notes=[*ret.notes, *_unmatched(store)],
        progress=progress, cancelled=cancelled,
    )  # fmt: skip


def _unmatched(store: Store) -> list[str]:
    """A warning when children on record cannot be matched to the return's CHILD ids."""
    with store.read() as session:
        count = session.scalar(
            select(func.count(m.Child.id)).where(
                m.Child.deleted_at.is_(None), m.Child.la_reference.is_(None)
            )
        )
    if not count:
        return []
    who = "1 child has" if count == 1 else f"{count:,} children have"
    return [
        f"{who} no LA reference in RelCom Desktop, so the return cannot be matched to them: "
        "if they are in it, add their LA reference (the 903 CHILD id) first, or they will be "
        "added again."
    ]


def commit_return(
    store: Store,
    ret: Ssda903Return,
    expected: ImportPreview | None = None,
    *,
    skip_rejected: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """Import the return in one transaction; nothing if a row is rejected (unless
    ``skip_rejected``: then the children with rejected rows are left out)."""
    return run_import(
        store, TITLE, _units(ret), commit=True, expected=expected,
        skip_rejected=skip_rejected, notes=ret.notes, audit_kind="child",
        progress=progress, cancelled=cancelled,
    )  # fmt: skip


def import_return(
    store: Store,
    first: Path,
    second: Path,
    *,
    skip_rejected: bool = False,
    year: int | None = None,
) -> ImportPreview:
    """Read and import the Header and Episodes files (for the command line); ``year`` is
    the collection year to check codes against (by default the file's)."""
    ret = read_return(first, second, year=year)
    return commit_return(store, ret, skip_rejected=skip_rejected)


# ---- units: one child with all their rows ------------------------------------------------------


def _units(ret: Ssda903Return) -> list[Unit]:
    register = ChildFinder()
    headers = {row.child: row for row in ret.header}
    episodes: dict[str, list[Episode]] = {}
    for episode in ret.episodes:
        episodes.setdefault(episode.child, []).append(episode)
    problems: dict[str, list[tuple[str, int, str]]] = {}
    units = []
    for p in ret.problems:
        if p.child:
            problems.setdefault(p.child, []).append((p.source, p.row, p.reason))
        else:
            units.append(
                Unit(p.source, p.row, "No CHILD id", _nothing, [(p.source, p.row, p.reason)])
            )
    pending = Pending()
    for child in dict.fromkeys([*headers, *episodes, *problems]):
        work = ChildWork(child, headers.get(child), episodes.get(child, []), register, pending)
        source, row = work.first_row()
        units.append(
            Unit(source, row, f"Child {child}", work.apply, problems.get(child, []), work.quiet)
        )
    units.append(Unit(HEADER, 0, "New children", pending.write))
    return units


def _nothing(_session: Session, _lines: list[PreviewLine]) -> None:
    """A unit made only of rejected rows does nothing."""
