"""Placement trackers as local authority teams really keep them (issue 17): title rows, the
sheet with the headings, tracker wording for codes, money and formulas, totals rows, and
never guessing whose foster carers they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import SettingType, Sex
from relcom_desktop.core.interop import csv_import, sheet_values
from relcom_desktop.core.interop.import_run import RowStatus
from relcom_desktop.core.interop.spreadsheet import sheet_from_text
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementProvider, PlacementType
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_provider
from tests.core.tracker_samples import CHILDREN, REAL_ROWS, build_tracker, with_cached_value

K = csv_import.KNOWN


def _placed(store: Store, ref: str) -> list[tuple[str, SettingType, PlacementProvider, int]]:
    with store.read() as session:
        rows = session.execute(
            select(m.Setting.name, m.Setting.setting_type, m.Placement.provider_kind,
                   m.Placement.weekly_fee_pence)
            .join(m.Placement, m.Placement.setting_id == m.Setting.id)
            .join(m.Child, m.Child.id == m.Placement.child_id)
            .where(m.Child.la_reference == ref)
            .order_by(m.Placement.start_date)
        )  # fmt: skip
        return [tuple(r) for r in rows]


def test_a_tracker_as_teams_keep_it_imports_every_real_row(store: Store, tmp_path: Path) -> None:
    sheet = csv_import.read_spreadsheet(build_tracker(tmp_path / "tracker.xlsx"))
    assert sheet.name == "tracker.xlsx (Placements)"
    assert sheet.headers[:3] == ("Child ID", "Child name", "Gender")
    plan = csv_import.plan_import(store, "placements", sheet)
    assert plan.ignored == ["RAG", "Days in placement"]
    preview = csv_import.preview_sheet(store, sheet, "placements", plan.mapping)
    assert preview.rejected == 0, preview.problems()
    assert preview.count(RowStatus.NEW, "placement") == REAL_ROWS
    assert preview.count(RowStatus.NEW, "child") == CHILDREN
    notes = " ".join(preview.notes)
    assert "headings are on row 3" in notes and "row 16 (a totals row ('Total weekly'))" in notes
    done = csv_import.commit_plan(store, plan)
    assert done.count(RowStatus.NEW, "placement") == REAL_ROWS
    with store.read() as session:
        sky = session.scalar(select(m.Child).where(m.Child.la_reference == "LA1001"))
        assert (sky.sex, sky.legal_status, sky.social_worker) == (
            Sex.MALE, LegalStatus.V2, "A. Social Worker"
        )  # fmt: skip
    assert _placed(store, "LA1002") == [
        ("Beta Fostering – Smith", SettingType.FOSTERING_AGENCY, PlacementProvider.PR4, 105_000)
    ]
    assert _placed(store, "LA1004") == [
        ("The Smith family", SettingType.LA_FOSTERING, PlacementProvider.PR1, 45_000)
    ]
    assert [p[:2] for p in _placed(store, "LA1008")] == [
        ("The Patel family", SettingType.LA_FOSTERING), ("Oak House", SettingType.CHILDRENS_HOME)
    ]  # fmt: skip
    assert _placed(store, "LA1010")[0][0] == "Supported lodgings – Jones"  # a hidden row


def test_formulas_read_the_value_excel_worked_out(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "fees.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Child name", "Home", "Type", "Start date", "Daily rate", "Weekly cost"])
    sheet.append(["Sky", "Oak House", "K2", dt.datetime(2024, 1, 9), 600, "=E2*7"])
    sheet.append(["Jo", "Oak House", "K2", dt.datetime(2024, 1, 9), 500, "=($E$3 + 10) * 7"])
    sheet.append(["Ash", "Oak House", "K2", dt.datetime(2024, 1, 9), 500, "=ROUND(E4*7,0)"])
    sheet.append(["Bo", "=VLOOKUP(A5,Homes!A:B,2)", "K2", dt.datetime(2024, 1, 9)])
    sheet.append(["Cy", "Oak House", "K2", dt.datetime(2024, 1, 9), None, None, "see invoice"])
    book.save(path)
    with_cached_value(path, "F2", "4100")  # Excel's own value wins over working it out
    read = csv_import.read_spreadsheet(path)
    assert [cells[5] for _n, cells in read.rows[:3]] == ["4100", "3570", "=ROUND(E4*7,0)"]
    assert "1 simple formula (like =E5*7)" in " ".join(read.notes)
    assert read.headers[-1] == ""  # a note right of the table: a column with no heading
    plan = csv_import.plan_import(store, "placements", read)
    assert plan.ignored == ["Daily rate", "column 7"]
    preview = csv_import.preview_sheet(store, read, "placements", plan.mapping)
    rejected = [ln for ln in preview.lines if ln.status is RowStatus.REJECTED]
    assert [ln.row for ln in rejected] == [5]  # the setting is needed: Excel must work it out
    assert "Setting: '=VLOOKUP" in rejected[0].detail
    assert "formula Excel has not worked out" in rejected[0].detail
    assert "Weekly fee (£) in row 4 held a formula" in " ".join(preview.notes)
    done = csv_import.commit_sheet(store, read, "placements", plan.mapping, skip_rejected=True)
    with store.read() as session:
        fees = session.scalars(select(m.Placement.weekly_fee_pence).order_by(m.Placement.id))
        assert list(fees) == [410_000, 357_000, 0, 0]
    assert done.count(RowStatus.NEW, "placement") == 4


@pytest.mark.parametrize(
    ("field", "wording", "code"),
    [("placement_type", "K2 - Children's Home", "K2"),
     ("placement_type", "k2 – childrens home", "K2"),
     ("placement_type", "Children's home (K2)", "K2"),
     ("placement_type", "Residential home", "K2"),
     ("placement_type", "RESIDENTIAL", "K2"), ("placement_type", "Semi-independent", "H5"),
     ("placement_type", "Supported accommodation", "H5"),
     ("placement_type", "16+ accommodation", "H5"),
     ("placement_type", "Foster care - in house", "U6+PR1"),
     ("placement_type", "Foster care – In-House", "U6+PR1"),
     ("placement_type", "In-house fostering", "U6+PR1"),
     ("placement_type", "Local authority foster care", "U6+PR1"),
     ("placement_type", "Independent foster agency", "U6+PR4"), ("placement_type", "IFA", "U6+PR4"),
     ("placement_type", "Long term fostering (IFA)", "U4+PR4"),
     ("placement_type", "Foster care", "U6"), ("placement_type", "H5", "H5"),
     ("placement_type", "U6 Foster placement with other carers, other", "U6"),
     ("legal_status", "S20", "V2"), ("legal_status", "s.20", "V2"),
     ("legal_status", "Section 20", "V2"), ("legal_status", "Section 20 (voluntary)", "V2"),
     ("legal_status", "(s31)", "C2"), ("legal_status", "Full care order (s31)", "C2"),
     ("legal_status", "Full Care Order", "C2"), ("legal_status", "ICO", "C1"),
     ("legal_status", "Interim care order", "C1"), ("legal_status", "Placement order", "E1"),
     ("legal_status", "C2 - Full care order", "C2"), ("legal_status", "v2", "V2"),
     ("sex", "M", "1"), ("sex", "f", "2"), ("sex", "Male", "1"), ("sex", "Female", "2"),
     ("sex", "2", "2"), ("provider_kind", "In-house", "PR1"), ("provider_kind", "IFA", "PR4"),
     ("provider_kind", "Voluntary", "PR5"), ("provider_kind", "PR2", "PR2"),
     ("legal_status", "N/A", ""), ("placement_type", "Spaceship", None)],
)  # fmt: skip
def test_tracker_wording_reads_as_codes(field: str, wording: str, code: str | None) -> None:
    assert sheet_values.read(field, wording).code == code


def test_every_choice_in_the_table_reads_back() -> None:
    for field in sheet_values.CODED:
        for code, label in sheet_values.choices(field):
            assert label and (not code or sheet_values.values_for(field, code))


def test_a_csv_tracker_with_a_title_and_a_totals_row(store: Store) -> None:
    text = (
        "Placements tracker, updated 31/03/2025\n"
        ",,,,\n"
        "Child name,Home / setting,Placement type,Start date,Weekly cost,Provider\n"
        'Sky,Oak House,Residential,09/01/2024,"£4,250.50",Total Care Ltd\n'
        "Jo,Elm House,K2,10/01/2024,1234.5 pw,Total Care Ltd\n"
        "Ash,Elm House,K2,11/01/2024,TBC,Total Care Ltd\n"
        ",Total weekly,,,=SUM(E4:E6),\n"
    )
    sheet = sheet_from_text(text, "tracker.csv", known=K)
    assert sheet.headers[0] == "Child name" and [n for n, _c in sheet.rows] == [4, 5, 6, 7]
    mapping = csv_import.guess_mapping("placements", sheet.headers)
    done = csv_import.commit_sheet(store, sheet, "placements", mapping)
    assert done.rejected == 0 and done.count(RowStatus.NEW, "placement") == 3
    assert "row 7 (a totals row ('Total weekly'))" in " ".join(done.notes)
    with store.read() as session:
        fees = session.scalars(select(m.Placement.weekly_fee_pence).order_by(m.Placement.id))
        assert list(fees) == [425_050, 123_450, 0]


def test_fostering_is_never_guessed_to_be_an_agency(store: Store) -> None:
    text = (
        "Child name,Home,Provider,Type,Start date\n"
        "Sky,The Lee family,Kin Carers,Foster care,09/01/2024\n"
    )
    sheet = sheet_from_text(text, "tracker.csv", known=K)
    mapping = csv_import.guess_mapping("placements", sheet.headers)
    preview = csv_import.preview_sheet(store, sheet, "placements", mapping)
    assert preview.rejected == 1 and "in-house" in preview.lines[0].detail
    table = csv_import.wordings(sheet, "placements", mapping, {})
    assert [(w.wording, w.code) for w in table] == [("Foster care", "U6")]
    assert "in-house" in table[0].asks
    chosen = {"placement_type": {table[0].key: "U6+PR1"}}
    done = csv_import.commit_sheet(store, sheet, "placements", mapping, chosen=chosen)
    assert done.rejected == 0
    with store.read() as session:
        assert session.scalar(select(m.Setting.setting_type)) is SettingType.LA_FOSTERING
    csv_import.remember_wordings(store, chosen)
    assert csv_import.remembered_wordings(store)["placement_type"] == {"FOSTERCARE": "U6+PR1"}


def test_fostering_with_no_carers_named_is_at_the_fostering_service(store: Store) -> None:
    text = (
        "Child name,Home,Provider,Type,Start date\n"
        "Sky,,Beta Fostering Ltd,IFA,09/01/2024\n"
        "Jo,,,In-house fostering,10/01/2024\n"
        "Ash,,Harbour Homes,Residential,11/01/2024\n"
    )
    sheet = sheet_from_text(text, "tracker.csv", known=K)
    mapping = csv_import.guess_mapping("placements", sheet.headers)
    preview = csv_import.preview_sheet(store, sheet, "placements", mapping)
    settings = [(ln.record, ln.detail) for ln in preview.lines if ln.kind == "setting"]
    assert [name for name, _d in settings] == ["Beta Fostering Ltd", "In-house fostering service"]
    assert "(Independent fostering agency)" in settings[0][1]
    assert "(Local authority fostering service)" in settings[1][1]
    rejected = [ln for ln in preview.lines if ln.status is RowStatus.REJECTED]
    assert [ln.row for ln in rejected] == [4] and "names no setting" in rejected[0].detail


def test_fostering_with_a_provider_on_the_register_takes_its_kind(store: Store) -> None:
    own = a_provider(store, "Shire County Council fostering")
    with store.write() as session:
        session.get(m.Provider, own.id).kind = PlacementProvider.PR1
    text = (
        "Child name,Home,Provider,Type,Start date\n"
        "Sky,The Lee family,Shire County Council fostering,U4,09/01/2024\n"
    )
    sheet = sheet_from_text(text, "tracker.csv", known=K)
    mapping = csv_import.guess_mapping("placements", sheet.headers)
    done = csv_import.commit_sheet(store, sheet, "placements", mapping)
    assert done.rejected == 0
    with store.read() as session:
        assert session.scalar(select(m.Setting.setting_type)) is SettingType.LA_FOSTERING
        assert session.scalar(select(m.Placement.placement_type)) is PlacementType.U4


def test_a_column_headed_placement_holding_types_is_read_as_the_type() -> None:
    headers = ("Name", "Placement", "Start date", "Home")
    columns = [["Sky", "Jo"], ["Residential", "IFA"], ["1/1/2024", "2/1/2024"], ["Oak", "Elm"]]
    mapping = csv_import.guess_mapping("placements", headers, None, columns)
    assert mapping == ("preferred_name", "placement_type", "start_date", "setting_name")


def test_the_command_line_form_refuses_only_a_missing_needed_column(store: Store) -> None:
    text = "Child name,Favourite colour,Home,Type\nSky,blue,Oak,K2\n"
    with pytest.raises(errors.TransferError, match=r"No column holds the Start date.*colour"):
        csv_import.import_csv_text(store, "placements", text)
    text = "Child name,Favourite colour,Home,Type,Start date\nSky,blue,Oak,K2,01/01/2024\n"
    done = csv_import.import_csv_text(store, "placements", text)
    assert done.count(RowStatus.NEW, "placement") == 1


def test_a_name_merged_down_beside_each_placement_counts_for_each(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "merged.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["Child name", "Home", "Type", "Start date", "End date"])
    sheet.append(["Sky", "Oak House", "K2", dt.datetime(2023, 1, 9), dt.datetime(2024, 1, 9)])
    sheet.append([None, "Elm House", "K2", dt.datetime(2024, 1, 9), None])
    sheet.merge_cells("A2:A3")
    book.save(path)
    read = csv_import.read_spreadsheet(path)
    assert [cells[0] for _n, cells in read.rows] == ["Sky", "Sky"]
    mapping = csv_import.guess_mapping("placements", read.headers)
    done = csv_import.commit_sheet(store, read, "placements", mapping)
    assert done.count(RowStatus.NEW, "placement") == 2 and done.count(RowStatus.NEW, "child") == 1


def test_section_headings_repeated_headings_and_lone_totals_are_left_out(store: Store) -> None:
    text = (
        "Child name,Gender,Home,Type,Start date,Weekly cost\n"
        "Residential placements,,,,,\n"
        "Sky,Non-binary,Oak House,Residential,09/01/2024,4250\n"
        ",,,,,4250\n"
        "Child name,Gender,Home,Type,Start date,Weekly cost\n"
        "Fostering,,,,,\n"
        "Jo,F,The Lee family,IFA,10/01/2024,900\n"
    )
    sheet = sheet_from_text(text, "tracker.csv", known=K)
    mapping = csv_import.guess_mapping("placements", sheet.headers)
    done = csv_import.commit_sheet(store, sheet, "placements", mapping)
    assert done.rejected == 0 and done.count(RowStatus.NEW, "placement") == 2
    notes = " ".join(done.notes)
    assert "rows 2, 4, 6 (one cell only" in notes and "row 5 (the headings again)" in notes
    with store.read() as session:
        assert session.scalars(select(m.Child.sex).order_by(m.Child.id)).all() == [None, Sex.FEMALE]


def test_a_wording_whose_parts_disagree_is_asked_not_guessed() -> None:
    assert sheet_values.read("legal_status", "Care order - S20").code is None
    assert sheet_values.read("legal_status", "Care order - interim").code == "C1"
    assert sheet_values.read("placement_type", "Residential - secure").code is None
    assert sheet_values.read("placement_type", "Long term fostering (IFA)").code == "U4+PR4"
