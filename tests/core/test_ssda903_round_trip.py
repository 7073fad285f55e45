"""The caseload as a 903 return and back: export, then import into an empty store."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select

from relcom_desktop.core import demo, errors
from relcom_desktop.core import models as m
from relcom_desktop.core.interop.ssda903_export import export_ssda903
from relcom_desktop.core.interop.ssda903_import import import_return
from relcom_desktop.core.store.db import Store, open_store
from tests.core.factories import a_child
from tests.core.ssda903_samples import write_return


def _children(store: Store) -> set[tuple]:
    with store.read() as session:
        return {
            (c.la_reference, c.sex, c.date_of_birth, c.ethnicity, c.upn)
            for c in session.scalars(select(m.Child).where(m.Child.la_reference.is_not(None)))
        }


def _placements(store: Store, *, with_endings: bool = True) -> set[tuple]:
    stmt = (
        select(m.Child.la_reference, m.Placement, m.Setting.urn)
        .join(m.Child, m.Child.id == m.Placement.child_id)
        .join(m.Setting, m.Setting.id == m.Placement.setting_id)
        .where(m.Placement.deleted_at.is_(None), m.Child.la_reference.is_not(None))
    )
    with store.read() as session:
        return {
            (
                ref,
                p.start_date,
                p.end_date,
                p.placement_type,
                p.provider_kind,
                urn,
                p.change_reason,
                p.end_reason if with_endings else None,
            )
            for ref, p, urn in session.execute(stmt)
        }


def _statuses(store: Store) -> set[tuple]:
    stmt = select(m.Child.la_reference, m.LegalStatusPeriod).join(
        m.Child, m.Child.id == m.LegalStatusPeriod.child_id
    )
    with store.read() as session:
        return {(ref, p.legal_status, p.start_date, p.end_date) for ref, p in session.execute(stmt)}


def test_a_903_caseload_round_trips(store: Store, tmp_path: Path) -> None:
    import_return(store, *write_return(tmp_path / "in"))
    out = tmp_path / "out"
    out.mkdir()
    written = export_ssda903(store, out)
    assert written.children == 4 and written.left_out == 0
    empty = open_store(tmp_path / "empty")
    try:
        import_return(empty, written.header_path, written.episodes_path)
        assert _children(empty) == _children(store)
        assert _placements(empty) == _placements(store)
        assert _statuses(empty) == _statuses(store)
        # and the export, imported where it came from, changes nothing
        assert import_return(store, written.header_path, written.episodes_path).changes == 0
    finally:
        empty.close()


def test_the_demo_caseload_round_trips(store: Store, tmp_path: Path) -> None:
    demo.build_demo(store, "tiny", seed=7)
    written = export_ssda903(store, tmp_path)
    empty = open_store(tmp_path / "empty")
    try:
        result = import_return(empty, written.header_path, written.episodes_path)
        assert result.rejected == 0
        assert _children(empty) == _children(store)
        assert _placements(empty, with_endings=False) == _placements(store, with_endings=False)
        assert import_return(store, written.header_path, written.episodes_path).changes == 0
    finally:
        empty.close()


def test_the_export_is_shaped_like_the_return(store: Store, tmp_path: Path) -> None:
    import_return(store, *write_return(tmp_path / "in"))
    a_child(store, "No reference")
    written = export_ssda903(store, tmp_path)
    assert written.left_out == 1
    with written.episodes_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [
        "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN",
    ]  # fmt: skip
    first = [r for r in rows if r["CHILD"] == "1001"]
    assert [(r["DECOM"], r["RNE"], r["LS"], r["REC"]) for r in first] == [
        ("01/04/2021", "S", "V2", "X1"),
        ("15/06/2021", "L", "C1", "X1"),
        ("01/09/2021", "P", "C1", "X1"),
        ("10/01/2022", "L", "C2", ""),
    ]
    assert first[1]["REASON_PLACE_CHANGE"] == "CARPL" and first[0]["URN"] == "1234567"
    parents = [r for r in rows if r["PLACE"] == "P1"]
    assert parents[0]["URN"] == "XXXXXXX" and parents[0]["PLACE_PROVIDER"] == "PR0"
    assert not written.header_path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_exporting_to_a_missing_folder_makes_it(store: Store, tmp_path: Path) -> None:
    written = export_ssda903(store, tmp_path / "new" / "return")
    assert written.episodes_path.read_text().startswith("CHILD,DECOM,RNE")
    (tmp_path / "file").write_text("")
    with pytest.raises(errors.RelcomError, match="cannot be made"):
        export_ssda903(store, tmp_path / "file" / "return")
