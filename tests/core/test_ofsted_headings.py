"""The heading families of Ofsted's published lists are recognised generically (normalised
text and synonyms), not one file's exact headings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.interop.ofsted_csv import read_ofsted_csv
from relcom_desktop.core.interop.ofsted_headers import match_columns, normalise_header
from relcom_desktop.core.interop.ssda903 import PlacementProvider

IN_YEAR = [
    "Children's social care in England: in-year inspections and outcomes",
    "Inspections published between 1 April and 30 September",
    "",
    "URN,Provider type,Provider subtype,Sector,Local authority,Region,Ownership,"
    "Organisation which owns the provider,Provider name,Inspection start date,"
    "Inspection end date,Publication date,Event type,"
    "Overall experiences and progress of children and young people,"
    "How well children and young people are helped and protected,"
    "Number of registered places,Postcode",
]


def write(tmp_path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path = tmp_path / "list.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_the_in_year_inspections_shape(tmp_path: Path, encoding: str) -> None:
    rows = [
        "SC111111,Children's home,Secure children's home,Local Authority,Leeds,"
        "Yorkshire and The Humber,Local authority,Leeds City Council,Eastmoor House,"
        "12/02/2025,14/02/2025,20/03/2025,Full inspection,Good,Good,12,LS1 1AA",
        "SC111111,Children's home,Secure children's home,Local Authority,Leeds,"
        "Yorkshire and The Humber,Local authority,Leeds City Council,Eastmoor House,"
        "01/07/2025,01/07/2025,05/08/2025,Monitoring visit,Sufficient,,12,LS1 1AA",
        "2655555,Children's home,,Private,Kent,South East,Private,Kent Care Ltd,REDACTED,"
        "03/03/2025,05/03/2025,01/04/2025,Full inspection,Requires improvement to be good,"
        "Good,4,REDACTED",
    ]
    file = read_ofsted_csv(write(tmp_path, [*IN_YEAR, *rows], encoding))
    assert file.columns["setting_name"] == "Provider name"
    assert file.columns["provider_name"] == "Organisation which owns the provider"
    assert file.columns["inspected_on"] == "Inspection start date"
    assert file.columns["places"] == "Number of registered places"
    assert file.columns["sector"] == "Sector"
    assert file.rejected == []
    secure, kent = file.rows
    assert secure.setting_type is SettingType.SECURE_HOME  # the subtype says more
    assert (secure.judgement, secure.inspected_on) == (
        OfstedJudgement.GOOD,
        dt.date(2025, 2, 12),
    )
    assert secure.provider_kind is PlacementProvider.PR2 and secure.places == 12
    assert [s.line for s in file.superseded] == [5]
    assert kent.setting_name is None and kent.postcode is None
    assert kent.provider_name == "Kent Care Ltd"


@pytest.mark.parametrize(
    ("headings", "expected"),
    [
        (
            "Urn|Setting Name|Registered Provider Name|Type of provision|LA name|"
            "Ofsted Region|Max places|Latest overall effectiveness|Date of last inspection",
            {
                "urn": 0,
                "setting_name": 1,
                "provider_name": 2,
                "setting_type": 3,
                "local_authority": 4,
                "region": 5,
                "places": 6,
                "judgement": 7,
                "inspected_on": 8,
            },
        ),
        (
            "Web link|URN|Linked Education URN|Provision type|Name|Address 1|Town|Postcode|"
            "Government Office Region|Ofsted region|Local authority|Places|"
            "Short-break-only children's home|Organisation which owns the provider|"
            "Latest full inspection date|Latest full inspection publication date|Outcome",
            {
                "urn": 1,
                "setting_type": 3,
                "setting_name": 4,
                "postcode": 7,
                "region": 9,
                "local_authority": 10,
                "places": 11,
                "provider_name": 13,
                "inspected_on": 14,
                "published_on": 15,
                "judgement": 16,
            },
        ),
        (
            "URN|Provider name|Owner|Provider type|Registered places|Inspection date|Grade",
            {
                "urn": 0,
                "setting_name": 1,
                "provider_name": 2,
                "setting_type": 3,
                "places": 4,
                "inspected_on": 5,
                "judgement": 6,
            },
        ),
    ],
)
def test_heading_families(headings: str, expected: dict[str, int]) -> None:
    columns = match_columns([normalise_header(h) for h in headings.split("|")])
    assert {k: v for k, v in columns.fields.items() if k in expected} == expected


def test_the_provider_level_address_columns_make_one_address() -> None:
    names = ["URN", "Name", "Address 1", "Address 2", "Town", "County", "Postcode"]
    columns = match_columns([normalise_header(n) for n in names])
    assert columns.address == [2, 3, 4, 5]


@pytest.mark.parametrize(
    ("cell", "judgement"),
    [
        ("1", OfstedJudgement.OUTSTANDING),
        ("2", OfstedJudgement.GOOD),
        ("3", OfstedJudgement.REQUIRES_IMPROVEMENT),
        ("4", OfstedJudgement.INADEQUATE),
        ("Requires Improvement To Be Good", OfstedJudgement.REQUIRES_IMPROVEMENT),
        ("Not yet judged", OfstedJudgement.NOT_YET_INSPECTED),
        ("Met", None),
        ("Sufficient", None),
        ("Improved effectiveness", None),
    ],
)
def test_judgements_as_words_or_numbers(tmp_path: Path, cell: str, judgement: object) -> None:
    path = write(tmp_path, ["URN,Name,Overall effectiveness", f"SC222222,Oak,{cell}"])
    [row] = read_ofsted_csv(path).rows
    assert row.judgement is judgement
