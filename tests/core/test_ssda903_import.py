"""Importing the SSDA903 return: a clean file, every kind of bad row, re-imports, tolerance."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from relcom_desktop.core import checkins, errors, family, journal
from relcom_desktop.core import models as m
from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.children import get_child, update_child
from relcom_desktop.core.enums import AuditKind, JournalKind, Sex
from relcom_desktop.core.interop.import_run import RowStatus
from relcom_desktop.core.interop.ssda903 import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonPlaceChange,
)
from relcom_desktop.core.interop.ssda903_files import read_return
from relcom_desktop.core.interop.ssda903_import import commit_return, import_return, preview_return
from relcom_desktop.core.placements import placements_for_child, update_placement
from relcom_desktop.core.providers import UNKNOWN_PROVIDER
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting
from tests.core.ssda903_samples import (
    CLEAN_EPISODES,
    CLEAN_HEADER,
    EPISODES,
    write_return,
)

D = dt.date


def _child_id(store: Store, ref: str) -> int:
    with store.read() as session:
        return int(session.scalar(select(m.Child.id).where(m.Child.la_reference == ref)))


def _history(store: Store, ref: str) -> list[tuple]:
    views = placements_for_child(store, _child_id(store, ref))
    return [
        (
            v.placement.start_date,
            v.placement.end_date,
            v.placement.placement_type,
            v.setting_urn,
            v.placement.end_reason,
            v.placement.change_reason,
        )
        for v in reversed(views)
    ]


def _statuses(store: Store, ref: str) -> list[tuple]:
    with store.read() as session:
        rows = session.scalars(
            select(m.LegalStatusPeriod)
            .where(m.LegalStatusPeriod.child_id == _child_id(store, ref))
            .order_by(m.LegalStatusPeriod.start_date)
        )
        return [(p.legal_status, p.start_date, p.end_date) for p in rows]


def _counts(store: Store) -> tuple[int, ...]:
    with store.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (m.Child, m.Placement, m.Setting, m.Provider, m.LegalStatusPeriod)
        )


def test_a_clean_return_adds_children_placements_and_legal_status_history(
    store: Store, tmp_path: Path
) -> None:
    header, episodes = write_return(tmp_path)
    ret = read_return(header, episodes)
    preview = preview_return(store, ret)
    assert preview.rejected == 0
    assert preview.count(RowStatus.NEW, "child") == 4
    assert preview.count(RowStatus.NEW, "placement") == 8
    assert _counts(store) == (0, 0, 0, 0, 0)  # the preview changed nothing

    done = commit_return(store, ret, preview)
    assert done.signature() == preview.signature()
    assert count_children(store) == 4
    amy = get_child(store, _child_id(store, "1001"))
    assert amy.preferred_name == "Child 1001" and amy.la_reference == "1001"
    assert (amy.sex, amy.date_of_birth, amy.ethnicity) == (Sex.MALE, D(2012, 3, 15), "WBRI")
    assert amy.legal_status is LegalStatus.C2 and amy.looked_after_since == D(2021, 4, 1)
    # two episodes that differ only in legal status are one placement
    assert _history(store, "1001") == [
        (D(2021, 4, 1), D(2021, 9, 1), PlacementType.U6, "1234567", ReasonEpisodeCeased.X1,
         ReasonPlaceChange.CARPL),
        (D(2021, 9, 1), None, PlacementType.K2, "SC111111", None, None),
    ]  # fmt: skip
    assert _statuses(store, "1001") == [
        (LegalStatus.V2, D(2021, 4, 1), D(2021, 6, 15)),
        (LegalStatus.C1, D(2021, 6, 15), D(2022, 1, 10)),
        (LegalStatus.C2, D(2022, 1, 10), None),
    ]
    # an ending with its reason, and a second period of care placed with parents (no URN)
    assert _history(store, "1002") == [
        (D(2020, 5, 5), D(2023, 2, 20), PlacementType.K2, "SC222222", ReasonEpisodeCeased.E4A,
         None),
        (D(2023, 8, 1), None, PlacementType.P1, None, None, None),
    ]  # fmt: skip
    assert get_child(store, _child_id(store, "1002")).looked_after_since == D(2023, 8, 1)
    moves = _history(store, "1004")
    assert [h[5] for h in moves] == [ReasonPlaceChange.CARPL, ReasonPlaceChange.ALLEG, None]
    assert AuditKind.IMPORT in {e.kind for e in audit.recent_events(store)}


def test_unknown_urns_become_stub_settings_and_known_ones_link(
    store: Store, tmp_path: Path
) -> None:
    provider = a_provider(store)
    oak = a_setting(store, provider.id, "Oak House", urn="SC111111")
    import_return(store, *write_return(tmp_path))
    placed = placements_for_child(store, _child_id(store, "1001"))
    assert placed[0].placement.setting_id == oak.id and placed[0].provider_name == provider.name
    with store.read() as session:
        stubs = session.execute(
            select(m.Setting.name, m.Setting.urn, m.Setting.setting_type, m.Provider.name)
            .join(m.Provider)
            .where(m.Setting.urn == "SC444444")
        ).one()
        no_urn = session.scalar(select(m.Setting.name).where(m.Setting.urn.is_(None)))
    assert stubs.name == "Setting SC444444" and stubs[3] == UNKNOWN_PROVIDER
    assert no_urn.startswith("Placed with parents")
    placement = placements_for_child(store, _child_id(store, "1004"))[0].placement
    assert placement.provider_kind is PlacementProvider.PR5


def test_re_importing_the_same_return_changes_nothing(store: Store, tmp_path: Path) -> None:
    files = write_return(tmp_path)
    import_return(store, *files)
    before = _counts(store)
    again = import_return(store, *files)
    assert again.changes == 0 and again.rejected == 0
    assert again.count(RowStatus.UNCHANGED, "placement") == 8
    assert _counts(store) == before


def test_a_later_return_ends_placements_and_updates_children(store: Store, tmp_path: Path) -> None:
    import_return(store, *write_return(tmp_path / "first"))
    later = [row[:] for row in CLEAN_EPISODES]
    later[6][7:9] = ["01/12/2024", "E5"]  # 1003 left care to independent living
    header = [row[:] for row in CLEAN_HEADER]
    header[2][4] = "Z999999999999"  # a UPN recorded since
    result = import_return(store, *write_return(tmp_path / "later", header, later))
    assert result.count(RowStatus.CHANGED, "placement") == 1
    assert result.count(RowStatus.CHANGED, "child") == 1
    assert _history(store, "1003")[0][1:5:3] == (D(2024, 12, 1), ReasonEpisodeCeased.E5)
    assert get_child(store, _child_id(store, "1003")).upn == "Z999999999999"


def test_what_the_commissioner_wrote_is_never_overwritten(store: Store, tmp_path: Path) -> None:
    files = write_return(tmp_path)
    import_return(store, *files)
    child_id = _child_id(store, "1001")
    mine = dataclasses.replace(
        get_child(store, child_id),
        preferred_name="Amara",
        full_name="Amara Example",
        about_me="I like drawing and my dog Biscuit.",
        social_worker="Sam Jones",
    )
    update_child(store, mine)
    family.create_link(store, family.FamilyLink(child_id, "Nan", notes="Sundays"))
    checkins.create_check_in(store, checkins.CheckIn(child_id, D(2024, 1, 5), child_view="OK"))
    current = placements_for_child(store, child_id)[0]
    update_placement(
        store, dataclasses.replace(current.placement, weekly_fee_pence=425_000, notes="Good fit")
    )
    journal.create_entry(
        store,
        journal.JournalEntry(
            current.provider_id, D(2024, 2, 1), JournalKind.CALL, "Talked", child_ids=(child_id,)
        ),
    )
    again = import_return(store, *files)
    assert again.changes == 0
    after = get_child(store, child_id)
    assert (after.preferred_name, after.about_me, after.social_worker) == (
        "Amara",
        "I like drawing and my dog Biscuit.",
        "Sam Jones",
    )
    kept = placements_for_child(store, child_id)[0].placement
    assert (kept.weekly_fee_pence, kept.notes) == (425_000, "Good fit")
    assert len(family.links_of(store, child_id)) == 1
    assert len(checkins.check_ins_of(store, child_id)) == 1


BAD_EPISODES = [
    ["2001", "01/04/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", "SC1"],  # good
    ["2002", "31/02/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", ""],  # bad date
    ["2003", "01/04/2022", "S", "Q9", "", "K2", "PR4", "", "", "", "", "", ""],  # LS
    ["2004", "01/04/2022", "S", "C2", "", "ZZ", "PR4", "", "", "", "", "", ""],  # PLACE
    ["2005", "01/04/2022", "S", "C2", "", "K2", "PR4", "01/05/2022", "E99", "", "", "", ""],
    ["2006", "01/04/2022", "S", "C2", "", "K2", "PR4", "01/03/2022", "E4A", "", "", "", ""],
    ["2007", "01/04/2022", "S", "C2", "", "K2", "PR4", "01/05/2022", "", "", "", "", ""],
    ["2008", "01/04/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", ""],
    ["2008", "01/06/2022", "P", "C2", "", "K2", "PR4", "", "", "", "", "", ""],  # overlaps
    ["9999", "01/04/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", ""],  # no header
    ["", "01/04/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", ""],  # no CHILD
    ["2009", "01/04/2099", "S", "C2", "", "K2", "PR4", "", "", "", "", "", ""],  # future
    ["2010", "01/04/2022", "S", "C2", "", "K2", "PR9", "", "", "", "", "", ""],  # provider
    ["2011", "2022-04-01", "S", "C2", "", "K2", "PR4", "", "", "CHANGED", "", "", ""],
]
BAD_HEADER = [[ref, "1", "01/01/2012", "", "", "", ""] for ref in
              ("2001", "2002", "2003", "2004", "2005", "2006", "2007", "2008", "2009", "2010",
               "2011")] + [["2002", "2", "01/01/2013", "", "", "", ""],  # repeated child
                           ["2012", "3", "01/01/2012", "", "", "", ""],  # SEX
                           ["2013", "1", "01/01/2099", "", "", "", ""]]  # fmt: skip
EXPECTED_PROBLEMS = {
    ("Episodes", 3): "DECOM '31/02/2022' is not a date",
    ("Episodes", 4): "LS 'Q9' is not a legal status code",
    ("Episodes", 5): "PLACE 'ZZ' is not a placement type code",
    ("Episodes", 6): "REC 'E99' is not a reason the episode ceased code",
    ("Episodes", 7): "ends (DEC 1 Mar 2022) before it starts",
    ("Episodes", 8): "end date (DEC) but no reason it ceased (REC)",
    ("Episodes", 10): "before the episode on row 9 ends",
    ("Episodes", 12): "CHILD, the child's id, is missing",
    ("Episodes", 13): "DECOM '01/04/2099' is in the future",
    ("Episodes", 14): "PLACE_PROVIDER 'PR9' is not a placement provider code",
    ("Episodes", 15): "REASON_PLACE_CHANGE 'CHANGED' is not a reason for placement change",
    ("Header", 13): "CHILD 2002 is also on Header row 3",
    ("Header", 14): "SEX '3' is not 1 or M (male), 2 or F (female)",
    ("Header", 15): "DOB '01/01/2099' is in the future",
}


def test_every_kind_of_bad_row_is_rejected_with_its_row_and_reason(
    store: Store, tmp_path: Path
) -> None:
    ret = read_return(*write_return(tmp_path, BAD_HEADER, BAD_EPISODES))
    preview = preview_return(store, ret)
    rejected = {
        (line.source, line.row): line.detail
        for line in preview.lines
        if line.status is RowStatus.REJECTED
    }
    assert set(rejected) == set(EXPECTED_PROBLEMS)
    for where, reason in EXPECTED_PROBLEMS.items():
        assert reason in rejected[where], where
    new = {line.record: line.detail for line in preview.lines if line.status is RowStatus.NEW}
    assert "Child 2001" in new and "Not in the Header file" in new["Child 9999"]
    with pytest.raises(errors.ValidationError, match="rejected, so nothing was imported"):
        commit_return(store, ret, preview)
    assert _counts(store) == (0, 0, 0, 0, 0)  # all or nothing


def test_skipping_rejected_rows_leaves_out_each_child_with_a_bad_row_whole(
    store: Store, tmp_path: Path
) -> None:
    ret = read_return(*write_return(tmp_path, BAD_HEADER, BAD_EPISODES))
    commit_return(store, ret, preview_return(store, ret), skip_rejected=True)
    with store.read() as session:
        refs = set(session.scalars(select(m.Child.la_reference)))
    assert refs == {"2001", "9999"}  # 9999 has episodes but no Header row: still added
    assert _history(store, "2001") == [(D(2022, 4, 1), None, PlacementType.K2, "SC1", None, None)]


def test_rules_of_the_record_reject_rows_too(store: Store, tmp_path: Path) -> None:
    """Rows that break a rule of the placements themselves (checked by the same service as
    the forms): overlapping a placement the commissioner recorded, a setting in the Trash, a
    child in the Trash, a placement before the child was born."""
    provider = a_provider(store)
    home = a_setting(store, provider.id, "Home", urn="SC900001")
    binned = a_setting(store, provider.id, "Closed home", urn="SC900002")
    from relcom_desktop.core.children import delete_child
    from relcom_desktop.core.providers import delete_setting

    delete_setting(store, binned.id)
    mine = a_child(store, "Pat", la_reference="3001", date_of_birth=D(2010, 1, 1))
    a_placement(store, mine.id, home.id, D(2022, 1, 1))
    gone = a_child(store, "Gone", la_reference="3003")
    delete_child(store, gone.id)
    header = [["3002", "1", "01/01/2010", "", "", "", ""], ["3004", "2", "01/05/2022", "", "",
                                                             "", ""]]  # fmt: skip
    episodes = [
        ["3001", "01/06/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", "SC900001"],
        ["3002", "01/06/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", "SC900002"],
        ["3003", "01/06/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", ""],
        ["3004", "01/04/2022", "S", "C2", "", "K2", "PR4", "", "", "", "", "", ""],
    ]
    preview = preview_return(store, read_return(*write_return(tmp_path, header, episodes)))
    reasons = {
        (line.source, line.row): line.detail
        for line in preview.lines
        if line.status is RowStatus.REJECTED
    }
    assert "overlaps the placement at Home" in reasons["Episodes", 2]
    assert "Closed home, a setting in the Trash" in reasons["Episodes", 3]
    assert "Gone" in reasons["Episodes", 4] and "in the Trash" in reasons["Episodes", 4]
    assert "before they were born" in reasons["Header", 3]


def test_a_changed_store_after_the_preview_is_refused(store: Store, tmp_path: Path) -> None:
    ret = read_return(*write_return(tmp_path))
    preview = preview_return(store, ret)
    import_return(store, *write_return(tmp_path / "other", CLEAN_HEADER[:1], CLEAN_EPISODES[:4]))
    before = _counts(store)
    with pytest.raises(errors.ValidationError, match="Preview the file again"):
        commit_return(store, ret, preview)
    assert _counts(store) == before


def test_real_extract_variants_are_tolerated(store: Store, tmp_path: Path) -> None:
    """Header case and spacing, extra columns, a BOM or cp1252, blank trailing rows, ISO
    dates and dates with a time, the files in either order."""
    header_columns = [" child ", "Sex", "dob", "Ethnic", "upn", "Mother", "mc_dob", "Notes"]
    episode_columns = [c.lower().replace("_", " ") for c in EPISODES] + ["LA_NOTE"]
    header = [[*row, "café"] for row in CLEAN_HEADER] + [[""] * 8, [""] * 8]
    episodes = [[*row, ""] for row in CLEAN_EPISODES] + [[*CLEAN_EPISODES[4], ""]]  # a repeat
    episodes[0][1] = "2021-04-01"
    episodes[1][1] = "15/06/2021 00:00"
    episodes[0][7] = "2021-06-15T00:00:00"
    first, second = write_return(
        tmp_path,
        header,
        episodes,
        header_columns=header_columns,
        episode_columns=episode_columns,
        encoding="cp1252",
    )
    first.write_bytes(b"\xef\xbb\xbf" + first.read_bytes().decode("cp1252").encode("utf-8"))
    ret = read_return(second, first)  # the other way round
    assert not ret.problems
    assert any("Columns not used" in note for note in ret.notes)
    assert any("1 Episodes row repeats an earlier row" in note for note in ret.notes)
    done = commit_return(store, ret)
    assert done.count(RowStatus.NEW, "placement") == 8
    assert _history(store, "1001")[0][:2] == (D(2021, 4, 1), D(2021, 9, 1))


@pytest.mark.parametrize(
    ("header_text", "message"),
    [
        ("", "empty"),
        ("NAME,AGE\nSky,12\n", "does not look like the Header file"),
    ],
)
def test_files_that_are_not_a_return_are_refused(
    store: Store, tmp_path: Path, header_text: str, message: str
) -> None:
    _header, episodes = write_return(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(header_text)
    with pytest.raises(errors.RelcomError, match=message):
        read_return(bad, episodes)
    with pytest.raises(errors.RelcomError, match="There is no file"):
        read_return(tmp_path / "missing.csv", episodes)


def test_children_without_an_la_reference_are_warned_about(store: Store, tmp_path: Path) -> None:
    a_child(store, "Amy", la_reference=None)
    preview = preview_return(store, read_return(*write_return(tmp_path)))
    assert any("1 child has no LA reference" in note for note in preview.notes)


def test_a_child_only_in_the_store_gets_episodes(store: Store, tmp_path: Path) -> None:
    a_child(store, "Robin", la_reference="1001", legal_status=LegalStatus.V2)
    import_return(store, *write_return(tmp_path, [], CLEAN_EPISODES[:4]))
    robin = get_child(store, _child_id(store, "1001"))
    assert robin.preferred_name == "Robin" and robin.legal_status is LegalStatus.C2
    assert len(_history(store, "1001")) == 2
    # a child neither in the Header file nor on record is added, known by their CHILD id
    done = import_return(store, *write_return(tmp_path, [], CLEAN_EPISODES[4:5]))
    assert (
        done.count(RowStatus.NEW, "child") == 1
        and get_child(store, _child_id(store, "1002")).date_of_birth is None
    )
