"""A return's episodes as it gave them: RNE, boundaries, a corrected DECOM, care that began
before the return, the collection year's code lists."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from relcom_desktop.core import models as m
from relcom_desktop.core.interop.import_run import RowStatus
from relcom_desktop.core.interop.ssda903_export import export_ssda903
from relcom_desktop.core.interop.ssda903_files import read_return
from relcom_desktop.core.interop.ssda903_import import import_return
from relcom_desktop.core.store.db import Store
from tests.core.ssda903_samples import write_return

D = dt.date
HEADER = [["5001", "F", "01/02/2010", "WBRI", "", "", ""],
          ["5002", "m", "03/04/2011", "WBRI", "", "", ""]]  # fmt: skip
# 5001's care began before this return (first RNE P); a move with the same carer (T); a
# change of legal status and placement with the same carer (U). 5002 comes into care (S).
EPISODES = [
    ["5001", "10/05/2023", "P", "C2", "N1", "U4", "PR1", "01/06/2024", "X1", "CARPL", "",
     "AB1 2CD", "SC500001"],
    ["5001", "01/06/2024", "T", "C2", "N1", "U5", "PR1", "01/09/2024", "X1", "", "",
     "AB1 2CD", "SC500001"],
    ["5001", "01/09/2024", "U", "E1", "N1", "A5", "PR1", "", "", "", "", "AB1 2CD",
     "SC500001"],
    ["5002", "01/07/2024", "S", "V2", "N2", "K3", "PR4", "", "", "", "", "EF3 4GH",
     "SC500002"],
]  # fmt: skip
KEPT = ("CHILD", "DECOM", "RNE", "LS", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "PL_POST", "URN")  # fmt: skip


def _written(store: Store, folder: Path) -> list[tuple[str, ...]]:
    written = export_ssda903(store, folder)
    with written.episodes_path.open(newline="") as fh:
        return [tuple(row[c] for c in KEPT) for row in csv.DictReader(fh)]


def _placements(store: Store, ref: str) -> list[tuple]:
    stmt = (
        select(m.Placement.start_date, m.Placement.end_date, m.Placement.placement_type)
        .join(m.Child, m.Child.id == m.Placement.child_id)
        .where(m.Child.la_reference == ref, m.Placement.deleted_at.is_(None))
        .order_by(m.Placement.start_date)
    )
    with store.read() as session:
        return [tuple(row) for row in session.execute(stmt)]


def test_episodes_come_back_as_the_return_gave_them(store: Store, tmp_path: Path) -> None:
    import_return(store, *write_return(tmp_path / "in", HEADER, EPISODES))
    given = [tuple(row[i] for i in (0, 1, 2, 3, 5, 6, 7, 8, 9, 11, 12)) for row in EPISODES]
    assert _written(store, tmp_path / "out") == given


def test_care_begun_before_the_return_leaves_looked_after_since_alone(
    store: Store, tmp_path: Path
) -> None:
    import_return(store, *write_return(tmp_path, HEADER, EPISODES))
    with store.read() as session:
        stmt = select(m.Child.la_reference, m.Child.looked_after_since)
        since = {ref: day for ref, day in session.execute(stmt)}
    assert since == {"5001": None, "5002": D(2024, 7, 1)}


def test_a_corrected_decom_moves_the_placement(store: Store, tmp_path: Path) -> None:
    import_return(store, *write_return(tmp_path / "first", HEADER, EPISODES))
    corrected = [row[:] for row in EPISODES]
    corrected[0][7] = corrected[1][1] = "28/05/2024"  # the move was three days earlier
    corrected[3][1] = "03/07/2024"  # 5002 came into care two days later
    result = import_return(store, *write_return(tmp_path / "later", HEADER, corrected))
    assert result.rejected == 0 and result.count(RowStatus.NEW, "placement") == 0
    assert result.count(RowStatus.CHANGED, "placement") == 3
    assert _placements(store, "5001")[:2] == [
        (D(2023, 5, 10), D(2024, 5, 28), "U4"),
        (D(2024, 5, 28), D(2024, 9, 1), "U5"),
    ]
    assert _placements(store, "5002") == [(D(2024, 7, 3), None, "K3")]
    assert import_return(store, *write_return(tmp_path / "again", HEADER, corrected)).changes == 0


def test_codes_are_checked_against_the_returns_year(tmp_path: Path) -> None:
    ret = read_return(*write_return(tmp_path, HEADER, EPISODES))
    assert ret.year == 2025 and not ret.problems  # K3 is a 2024-25 code
    earlier = read_return(*write_return(tmp_path, HEADER, EPISODES), year=2024)
    assert [p.reason for p in earlier.problems] == [
        "PLACE 'K3' is not a placement type code in the 2023-24 903 code lists "
        "(valid from 2024-25)."
    ]


def test_unused_columns_are_listed_once(tmp_path: Path) -> None:
    header = [[*row, "x"] for row in HEADER]
    episodes = [[*row, "x"] for row in EPISODES]
    files = write_return(
        tmp_path, header, episodes,
        header_columns=["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB", "LA"],
        episode_columns=["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC",
                         "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN", "LA"],
    )  # fmt: skip
    notes = [n for n in read_return(*files).notes if n.startswith("Columns not used")]
    assert notes == ["Columns not used: LA."]
