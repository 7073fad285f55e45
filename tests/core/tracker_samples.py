"""A placement tracker built the way local authority teams keep them (issue 17): a sheet of
instructions first, a merged title row above the headings, tracker wording rather than
SSDA903 codes, money as numbers and as text, a hidden row, a blank row, formulas Excel never
worked out, a totals row, and a sheet of look-up lists after it."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

D = dt.datetime
TITLE = "Placements tracker – Children Looked After – updated 31/03/2025"
HEADINGS = ["Child ID", "Child name", "Gender", "DOB", "Legal status", "Home / setting",
            "Provider", "Placement type", "Start date", "End date", "Weekly cost",
            "Social worker", "RAG", "Days in placement"]  # fmt: skip
ROWS = [
    ["LA1001", "Sky", "M", D(2010, 3, 1), "S20", "Oak House", "Harbour Homes Ltd",
     "Residential", D(2024, 1, 9), None, 4250.5, "A. Social Worker", "Green"],
    ["LA1002", "Jo", "F", "04/07/2011", "ICO", "Beta Fostering – Smith", "Beta Fostering Ltd",
     "IFA", D(2023, 5, 1), None, "£1,050.00", "B. Worker", "Amber"],
    ["LA1003", "Ash", "Male", D(2008, 11, 30), "Full care order", "Willow Lodge",
     "Stepping Stones 16+", "Semi-independent", "01/09/2024", None, "1234.5", "", ""],
    ["LA1004", "Bo", "Female", D(2013, 2, 14), "Placement order", "The Smith family",
     None, "In-house fostering", D(2022, 6, 30), None, 450, "C. Worker", "Green"],
    ["LA1005", "Cy", "F", D(2009, 8, 8), "Full care order (s31)", "Meadow View",
     "Harbour Homes Ltd", "K2 - Children's Home", D(2024, 2, 1), None, 5100, "", "Red"],
    ["LA1006", "Di", "male", D(2012, 1, 20), "Section 20", "Ivy carers", "Northern IFA",
     "Independent foster agency", "2024-03-04", None, "£980", "", ""],
    ["LA1007", "Ed", "FEMALE", D(2007, 12, 1), "s20", "Harbour Flat 2",
     "Stepping Stones 16+", "16+ accommodation", D(2024, 4, 15), None, "1,100.00", "", ""],
    ["LA1008", "Fi", "F", D(2011, 5, 5), "Interim care order", "The Patel family", None,
     "Foster care - in house", D(2023, 9, 1), D(2024, 3, 31), 420.75, "", ""],
    ["LA1008", "Fi", "F", D(2011, 5, 5), "Full care order", "Oak House",
     "Harbour Homes Ltd", "Residential home", D(2024, 3, 31), None, 4300, "", ""],
    ["LA1009", "Gus", "M", D(2014, 7, 7), "C2", "Ivy carers", "Northern IFA", "U6",
     D(2021, 10, 10), None, 1000, "", ""],
]  # fmt: skip
HIDDEN = ["LA1010", "Hal", "M", D(2009, 9, 9), "V2", "Supported lodgings – Jones",
          "Stepping Stones 16+", "Supported accommodation", D(2024, 5, 20), None, 700, "",
          ""]  # fmt: skip
REAL_ROWS = len(ROWS) + 1  # with the hidden one
CHILDREN = 10


def build_tracker(path: Path) -> Path:
    """The tracker as an .xlsx file; the heading row is row 3 of the second sheet."""
    book = Workbook()
    notes = book.active
    notes.title = "Read me"
    notes.append(["How to fill in this tracker"])
    notes.append(["Update the weekly cost when the provider's invoice changes."])
    sheet = book.create_sheet("Placements")
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADINGS))
    sheet.append([])
    sheet.append(HEADINGS)
    for row in ROWS[:5]:
        _append(sheet, row)
    sheet.append([])  # a blank row in the middle
    _append(sheet, HIDDEN)
    sheet.row_dimensions[sheet.max_row].hidden = True
    for row in ROWS[5:]:
        _append(sheet, row)
    last = sheet.max_row
    sheet.append([None] * 9 + ["Total weekly", f"=SUM(K4:K{last})"])
    lists = book.create_sheet("Lookups")
    lists.append(["Placement types", "Legal statuses"])
    for kind, status in [("Residential", "S20"), ("IFA", "ICO"), ("In-house fostering", "")]:
        lists.append([kind, status])
    book.save(path)
    return path


def _append(sheet, row: list) -> None:  # type: ignore[no-untyped-def]
    number = sheet.max_row + 1
    sheet.append([*row, f"=TODAY()-I{number}"])


def with_cached_value(path: Path, cell: str, value: str) -> Path:
    """The workbook as Excel would save it: the formula in ``cell`` keeps its worked-out
    value (openpyxl writes formulas without one)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name, data in parts.items():
        if name.startswith("xl/worksheets/") and f'r="{cell}"'.encode() in data:
            text = data.decode()
            pattern = rf'(<c r="{cell}"[^>]*>\s*<f>[^<]*</f>)\s*(<v\s*/>|<v>\s*</v>)?'
            parts[name] = re.sub(pattern, rf"\1<v>{value}</v>", text, count=1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path
