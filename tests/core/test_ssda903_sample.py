"""The 2024-25 sector sample (tests/core/data/SOURCES.md): read, imported and exported again.

Allowed differences between the episodes read and the episodes written (the fields
RelCom Desktop does not hold, or writes in the 903's own way):

* CIN and HOME_POST (Episodes), MOTHER and MC_DOB (Header) are not kept: written blank;
* REC ``X1`` on an episode with no DEC is read as "still open": written blank;
* a blank URN is written as ``XXXXXXX`` (the 903's "no Ofsted URN");
* a blank RNE, LS or PLACE_PROVIDER is written as RelCom Desktop works it out (the RNE from
  the episodes around it, LS from the legal-status history, the provider from the setting's);
* SEX is written in its numeric form (``M`` as ``1``, ``F`` as ``2``); ``U`` (not known) is
  recorded as not known and written blank.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from relcom_desktop.core import models as m
from relcom_desktop.core.interop.ssda903 import PlacementType
from relcom_desktop.core.interop.ssda903_export import export_ssda903
from relcom_desktop.core.interop.ssda903_files import read_return
from relcom_desktop.core.interop.ssda903_import import commit_return
from relcom_desktop.core.store.db import Store

DATA = Path(__file__).parent / "data"
FILES = (DATA / "ssda903_2025_header.csv", DATA / "ssda903_2025_episodes.csv")
TODAY = dt.date(2026, 11, 25)
NOT_HELD = {"CIN", "HOME_POST", "MOTHER", "MC_DOB"}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def _as_written(row: dict[str, str]) -> dict[str, str]:
    """An Episodes row as the export writes it back (the allowed differences)."""
    out = {k: ("" if k in NOT_HELD else v) for k, v in row.items()}
    if not out["DEC"] and out["REC"] == "X1":
        out["REC"] = ""
    out["URN"] = out["URN"] or "XXXXXXX"
    return out


def test_the_2024_25_sample_is_checked_against_its_own_year() -> None:
    ret = read_return(*FILES, today=TODAY)
    assert ret.year == 2025
    assert any("2024-25 903 code lists" in note for note in ret.notes)
    k3 = [e for e in ret.episodes if e.placement_type is PlacementType.K3]
    assert len(k3) == sum(r["PLACE"] == "K3" for r in _rows(FILES[1])) == 3
    assert not [p for p in ret.problems if "'K3'" in p.reason]
    # H5 and P2 left the lists in 2024-25: refused on episodes that began in 2024-25
    late_h5 = [p for p in ret.problems if "PLACE 'H5'" in p.reason]
    assert late_h5 and "valid until 2023-24" in late_h5[0].reason
    # but an earlier year's return still takes them, and refuses K3
    earlier = read_return(*FILES, today=TODAY, year=2024)
    assert not [p for p in earlier.problems if "PLACE 'H5'" in p.reason]
    assert [p for p in earlier.problems if "PLACE 'K3'" in p.reason]


def test_the_sample_round_trips_episode_for_episode(store: Store, tmp_path: Path) -> None:
    ret = read_return(*FILES, today=TODAY)
    done = commit_return(store, ret, skip_rejected=True)
    assert done.rejected > 0  # the sample is messy; children with a refused row stay out
    with store.read() as session:
        imported = set(session.scalars(select(m.Child.la_reference)))
    written = export_ssda903(store, tmp_path / "new" / "folder")
    episodes_in = [_as_written(r) for r in _rows(FILES[1]) if r["CHILD"] in imported]
    episodes_in = list({tuple(r.items()): r for r in episodes_in}.values())  # exact repeats
    key = lambda r: (r["CHILD"], r["DECOM"])  # noqa: E731
    episodes_out = sorted(_rows(written.episodes_path), key=key)
    assert len(episodes_out) > 2000
    assert [r["PLACE"] for r in episodes_out].count("K3") == 3  # every K3 row came in
    episodes_in.sort(key=key)
    assert [key(r) for r in episodes_in] == [key(r) for r in episodes_out]
    for given, out in zip(episodes_in, episodes_out, strict=True):
        worked_out = {c: out[c] for c in ("RNE", "LS", "PLACE_PROVIDER") if not given[c]}
        assert {**given, **worked_out} == out
    sexes = {"M": "1", "F": "2", "U": ""}
    header_in = {
        r["CHILD"]: {**r, "MOTHER": "", "MC_DOB": "", "SEX": sexes.get(r["SEX"], r["SEX"])}
        for r in _rows(FILES[0])
    }
    for row in _rows(written.header_path):  # a child only in Episodes: known by CHILD alone
        blank = {**dict.fromkeys(row, ""), "CHILD": row["CHILD"]}
        assert row == header_in.get(row["CHILD"], blank)
