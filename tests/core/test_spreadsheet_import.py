"""Importing a placement tracker (Excel or CSV) with a column mapping, preview and commit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.children import get_child
from relcom_desktop.core.interop import csv_import
from relcom_desktop.core.interop.import_run import RowStatus
from relcom_desktop.core.interop.sheet_files import read_sheet
from relcom_desktop.core.interop.spreadsheet import sheet_from_text
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementType
from relcom_desktop.core.placements import placements_for_child
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_provider, a_setting

D = dt.date
TRACKER = [
    ["Child name", "LA ref", "DOB", "Home", "Provider", "URN", "Type", "Start date",
     "End date", "Weekly cost", "Social worker notes"],
    ["Sky", "A100", dt.datetime(2012, 3, 1), "Oak House", "Harbour Homes", "SC111111", "K2",
     dt.datetime(2023, 1, 9), None, 4250.5, "settled"],
    ["Jo", "A101", dt.datetime(2010, 7, 4), "Willow carers", "Willow Fostering", None,
     "IFA", dt.datetime(2022, 5, 1),
     dt.datetime(2023, 6, 30), "£1,050.00", ""],
    ["Jo", "A101", dt.datetime(2010, 7, 4), "Oak House", "Harbour Homes", "SC111111", "K2",
     dt.datetime(2023, 6, 30), None, 4400, ""],
    [None] * 11,
]  # fmt: skip


def _workbook(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Placements 2024"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _count(store: Store, model: type) -> int:
    with store.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_placement_tracker_in_excel_imports_with_a_guessed_mapping(
    store: Store, tmp_path: Path
) -> None:
    sheet = read_sheet(_workbook(tmp_path / "tracker.xlsx", TRACKER))
    assert sheet.headers[0] == "Child name" and len(sheet.rows) == 3
    assert sheet.rows[0][1][2] == "2012-03-01" and sheet.rows[0][1][9] == "4250.5"
    key = csv_import.guess_target(sheet.headers)
    assert key == "placements"
    mapping = csv_import.guess_mapping(key, sheet.headers)
    assert mapping == (
        "preferred_name", "la_reference", "date_of_birth", "setting_name", "provider_name",
        "setting_urn", "placement_type", "start_date", "end_date", "weekly_fee_pence", None,
    )  # fmt: skip
    preview = csv_import.preview_sheet(store, sheet, key, mapping)
    assert preview.rejected == 0 and _count(store, m.Child) == 0
    assert preview.count(RowStatus.NEW, "child") == 2
    assert preview.count(RowStatus.NEW, "placement") == 3
    assert preview.count(RowStatus.NEW, "provider") == 2
    done = csv_import.commit_sheet(store, sheet, key, mapping, preview)
    assert done.signature() == preview.signature()
    with store.read() as session:
        jo = session.scalar(select(m.Child.id).where(m.Child.la_reference == "A101"))
    history = list(reversed(placements_for_child(store, jo)))
    assert [(v.setting_name, v.placement.start_date, v.placement.end_date) for v in history] == [
        ("Willow carers", D(2022, 5, 1), D(2023, 6, 30)),
        ("Oak House", D(2023, 6, 30), None),
    ]
    assert history[0].placement.placement_type is PlacementType.U6
    assert history[0].placement.weekly_fee_pence == 105_000
    assert get_child(store, jo).date_of_birth == D(2010, 7, 4)
    again = csv_import.preview_sheet(store, sheet, key, mapping)
    assert again.changes == 0 and again.count(RowStatus.UNCHANGED, "placement") == 3


def test_rows_find_what_is_already_recorded(store: Store, tmp_path: Path) -> None:
    provider = a_provider(store, "Harbour Homes")
    oak = a_setting(store, provider.id, "Oak House", urn="SC111111")
    sky = a_child(store, "Sky", la_reference=None, date_of_birth=D(2012, 3, 1))
    text = "Name,DOB,URN,Start\nSky,01/03/2012,sc111111,2023-01-09\n"
    sheet = sheet_from_text(text, "tracker.csv")
    mapping = csv_import.guess_mapping("placements", sheet.headers)
    csv_import.commit_sheet(store, sheet, "placements", mapping)
    placed = placements_for_child(store, sky.id)
    assert placed[0].placement.setting_id == oak.id
    assert placed[0].placement.placement_type is PlacementType.K2  # from the setting's kind
    assert _count(store, m.Child) == 1 and _count(store, m.Provider) == 1


@pytest.mark.parametrize(
    "written",
    ["01/03/2012", "1/3/12", "2012-03-01", "1 Mar 2012", "1 March 2012", "01-Mar-12",
     "2012-03-01 00:00", "40969"],  # the last: a date cell Excel saved as its serial number
)  # fmt: skip
def test_dates_as_trackers_write_them(store: Store, written: str) -> None:
    sheet = sheet_from_text(f"Name,DOB\nSky,{written}\n", "children.csv")
    mapping = csv_import.guess_mapping("children", sheet.headers)
    csv_import.commit_sheet(store, sheet, "children", mapping)
    with store.read() as session:
        born = session.scalar(select(m.Child.date_of_birth))
    assert born == D(2012, 3, 1)


def test_bad_rows_are_rejected_by_row_and_nothing_is_written(store: Store) -> None:
    text = (
        "Child name;Start date;Home;Type;Weekly cost;Legal status\n"
        "Sky;01/02/2023;Oak House;K2;4250;C2\n"
        "Jo;31/02/2023;Oak House;K2;4250;C2\n"
        "Ash;01/02/2023;;K2;4250;C2\n"
        "Bo;01/02/2023;Oak House;Spaceship;4250;C2\n"
        "Cy;01/02/2023;Oak House;K2;lots;C2\n"
        "Di;01/02/2023;Oak House;K2;4250;Z9\n"
        ";01/02/2023;Oak House;K2;4250;C2\n"
        "Ed;01/02/2020;Oak House;K2;4250;C2\n"
        "Ed;01/02/2021;Oak House;K2;4250;C2\n"
    )
    sheet = sheet_from_text(text, "tracker.csv")
    mapping = csv_import.guess_mapping("placements", sheet.headers)
    assert mapping[-1] == "legal_status"
    preview = csv_import.preview_sheet(store, sheet, "placements", mapping)
    reasons = {ln.row: ln.detail for ln in preview.lines if ln.status is RowStatus.REJECTED}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 10]
    assert "Start date" in reasons[3] and "not a date" in reasons[3]
    assert "names no setting" in reasons[4]
    assert "Placement type" in reasons[5] and "Weekly fee" in reasons[6]
    assert "legal status" in reasons[7] and "no child's name" in reasons[8]
    assert "overlaps the placement at Oak House" in reasons[10]
    with pytest.raises(errors.ValidationError, match="7 rows were rejected"):
        csv_import.commit_sheet(store, sheet, "placements", mapping, preview)
    assert _count(store, m.Child) == 0 and _count(store, m.Setting) == 0
    done = csv_import.commit_sheet(store, sheet, "placements", mapping, skip_rejected=True)
    assert _count(store, m.Placement) == done.count(RowStatus.NEW, "placement") == 2


def test_the_confirmed_mapping_is_remembered(store: Store) -> None:
    headers = ("Young person", "Kid ref", "Started", "Where", "Favourite colour")
    guessed = csv_import.guess_mapping("placements", headers)
    assert guessed == ("preferred_name", None, None, None, None)
    mine = ("preferred_name", "la_reference", "start_date", "setting_name", None)
    csv_import.remember_mapping(store, "placements", headers, mine)
    remembered = csv_import.remembered_mapping(store, "placements")
    assert csv_import.guess_mapping("placements", headers, remembered) == mine
    reordered = ("where ", "STARTED", "Kid Ref")
    assert csv_import.guess_mapping("placements", reordered, remembered) == (
        "setting_name", "start_date", "la_reference"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        (("preferred_name", "preferred_name"), "same field"),
        (("preferred_name", None), "No column holds the Start date"),
    ],
)
def test_a_mapping_without_what_rows_need_is_refused(mapping: tuple, message: str) -> None:
    with pytest.raises(errors.ValidationError, match=message):
        csv_import.check_mapping("placements", mapping)


@pytest.mark.parametrize(
    ("heading", "field"),
    [("Name of child", "preferred_name"), ("Forename", "preferred_name"),
     ("Placement start date", "start_date"), ("Date placed", "start_date"),
     ("Cost per week", "weekly_fee_pence"), ("Weekly fee (£)", "weekly_fee_pence"),
     ("Home name", "setting_name"), ("Ofsted URN", "setting_urn"),
     ("Reason for ending", "end_reason")],
)  # fmt: skip
def test_tracker_headings_are_recognised(heading: str, field: str) -> None:
    assert csv_import.guess_mapping("placements", ("LA ref", heading))[1] == field


def test_children_and_providers_guess_their_lists() -> None:
    assert csv_import.guess_target(["Name", "DOB", "LA reference", "Legal status"]) == "children"
    assert csv_import.guess_target(["Provider name", "Kind", "Phone", "Email"]) == "providers"


def test_the_command_line_form_reads_workbooks_and_updates(store: Store, tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "children.xlsx",
        [["Preferred name", "LA reference", "Legal status"], ["Sky", "A1", "C1"]],
    )
    assert csv_import.import_csv(store, "children", path).count(RowStatus.NEW) == 1
    _workbook(path, [["Preferred name", "LA reference", "Legal status"], ["Sky", "A1", "C2"]])
    result = csv_import.import_csv(store, "children", path)
    assert result.count(RowStatus.CHANGED) == 1
    with store.read() as session:
        status = session.scalar(select(m.Child.legal_status))
    assert status is LegalStatus.C2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xd0\xcf\x11\xe0old excel", "Excel 97"),
        (b"PK\x03\x04not really a workbook", "could not be read as an Excel workbook"),
        (b"%PDF-1.4", "not a CSV file"),
    ],
)
def test_files_that_are_not_spreadsheets_are_refused(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "file.xlsx"
    path.write_bytes(content)
    with pytest.raises(errors.TransferError, match=message):
        read_sheet(path)


def test_csv_in_windows_encoding_with_semicolons_reads(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("Name;Notes\r\nZoë;café\r\n;\r\n".encode("cp1252"))
    sheet = read_sheet(path)
    assert sheet.headers == ("Name", "Notes") and sheet.rows == ((2, ("Zoë", "café")),)
    assert sheet.read_as == "Windows (cp1252)"


def test_after_a_rejected_row_the_preview_names_the_setting_that_is_saved(store: Store) -> None:
    text = (
        "Child name,Ref,Home,Type,Start date,End date\n"
        "Sky,A1,Alpha Home,K2,01/02/2023,01/01/2023\n"  # ends before it starts: rejected
        "Jo,A2,Beta Fostering – Smith,K2,01/02/2023,01/03/2023\n"
        "Jo,A2,Beta Fostering – Smith,K2,01/03/2023,\n"
    )
    sheet = sheet_from_text(text, "tracker.csv")
    mapping = csv_import.guess_mapping("placements", sheet.headers)
    preview = csv_import.preview_sheet(store, sheet, "placements", mapping)
    assert [ln.row for ln in preview.lines if ln.status is RowStatus.REJECTED] == [2]
    placed = [ln.detail for ln in preview.lines if ln.kind == "placement"]
    beta = "At Beta Fostering – Smith, Children's home (Children's Homes Regulations), "
    assert placed == [f"{beta}ended 1 Mar 2023, private provision.", f"{beta}private provision."]
    assert [(ln.status, ln.record) for ln in preview.lines if ln.kind == "child"] == [
        (RowStatus.NEW, "Jo")
    ]
    done = csv_import.commit_sheet(store, sheet, "placements", mapping, skip_rejected=True)
    assert [ln.detail for ln in done.lines if ln.kind == "placement"] == placed
    with store.read() as session:
        assert session.scalars(select(m.Setting.name)).all() == ["Beta Fostering – Smith"]
