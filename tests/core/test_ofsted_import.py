"""Importing Ofsted's provider list: reading real-world variants, previewing, all-or-nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from relcom_desktop.core import clock, errors, providers
from relcom_desktop.core.enums import AuditKind, OfstedJudgement, SettingType
from relcom_desktop.core.interop.ofsted_csv import ImportCancelled, read_ofsted_csv
from relcom_desktop.core.interop.ofsted_import import (
    ImportOptions,
    LineStatus,
    commit_import,
    preview_import,
)
from relcom_desktop.core.interop.ssda903 import PlacementProvider
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_provider, a_setting

SAMPLE = Path(__file__).parent / "data" / "ofsted_providers_sample.csv"
HEADER = "URN,Setting name,Provider name,Provider type,Local authority,Places,"
HEADER += "Overall effectiveness,Inspection date"
ALL = ImportOptions(add_all=True)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "list.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def settings_by_urn(store: Store) -> dict[str, providers.Setting]:
    found = {}
    for row in providers.list_providers(store, limit=None):
        for s in providers.settings_of(store, row.id):
            found[s.urn] = s
    return found


def test_the_sample_list_imports_then_reimports_unchanged(store: Store) -> None:
    file = read_ofsted_csv(SAMPLE)
    assert file.encoding == "utf-8-sig"
    assert file.rejected == [] and len(file.rows) == 6
    assert file.rows[0].line == 5  # three preamble lines and the header before it
    assert "Registration status" in file.ignored_columns
    assert preview_import(store, file).count(LineStatus.LEFT_OUT) == 6  # none on the register
    preview = preview_import(store, file, ALL)
    assert [line.status for line in preview.lines] == [LineStatus.NEW] * 6
    assert len(preview.new_providers) == 5
    result = commit_import(store, preview)
    assert (result.created, result.updated, result.providers_created) == (6, 0, 5)

    got = settings_by_urn(store)
    larkspur = got["SC900001"]
    assert larkspur.name == "Larkspur House (Sample)"
    assert larkspur.setting_type is SettingType.CHILDRENS_HOME
    assert larkspur.registered_places == 4
    assert larkspur.ofsted_judgement is OfstedJudgement.GOOD
    assert larkspur.ofsted_date == dt.date(2026, 1, 12)
    assert larkspur.local_authority == "Demoshire" and larkspur.region == "South East"
    assert got["SC900003"].setting_type is SettingType.SECURE_HOME
    assert got["SC900004"].setting_type is SettingType.FOSTERING_AGENCY
    assert got["SC900005"].ofsted_judgement is OfstedJudgement.INADEQUATE
    assert got["SC900006"].ofsted_judgement is OfstedJudgement.NOT_YET_INSPECTED
    owners = {r.name: r for r in providers.list_providers(store, limit=None)}
    assert owners["Bramblewood Care (Sample) Ltd"].settings == 2
    assert owners["Northmere Council (Sample)"].kind is PlacementProvider.PR2
    assert owners["Open Doors Children's Trust (Sample)"].kind is PlacementProvider.PR5
    assert audit.recent_events(store)[0].kind is AuditKind.IMPORT

    again = preview_import(store, read_ofsted_csv(SAMPLE))
    assert again.count(LineStatus.UNCHANGED) == 6 and again.changes == 0


def test_changes_are_shown_then_made_and_existing_owners_are_kept(
    store: Store, tmp_path: Path
) -> None:
    mine = a_provider(store, "Harbour Homes")
    a_setting(store, mine.id, "Oak House", urn="SC100001", judgement=OfstedJudgement.GOOD)
    old = providers.update_setting(
        store, replace(settings_by_urn(store)["SC100001"], ofsted_date=dt.date(2025, 6, 1))
    )
    rows = [
        "SC100001,Oak House,Someone Else Ltd,Children's home,Demoshire,5,Inadequate,01/02/2026",
        "SC100002,Elm Lodge,harbour homes,Children's home,Demoshire,3,Good,01/02/2026",
    ]
    file = read_ofsted_csv(write(tmp_path, "\n".join([HEADER, *rows])))
    assert [ln.status for ln in preview_import(store, file).lines] == [
        LineStatus.CHANGED,
        LineStatus.LEFT_OUT,
    ]
    preview = preview_import(store, file, ALL)
    changed, new = preview.lines
    assert changed.status is LineStatus.CHANGED
    assert "Judgement: Good → Inadequate" in changed.detail
    assert (
        "Places: 4 → 5" in changed.detail and "Inspected: 1 Jun 2025 → 1 Feb 2026" in changed.detail
    )
    assert new.status is LineStatus.NEW and new.detail == "Adds a setting to Harbour Homes."
    assert preview.new_providers == ()
    commit_import(store, preview)
    got = settings_by_urn(store)
    assert got["SC100001"].ofsted_judgement is OfstedJudgement.INADEQUATE
    assert got["SC100001"].provider_id == old.provider_id == got["SC100002"].provider_id

    stale = "SC100001,Oak House,,Children's home,Demoshire,5,Good,01/01/2024"
    preview = preview_import(store, read_ofsted_csv(write(tmp_path, f"{HEADER}\n{stale}")))
    assert preview.lines[0].status is LineStatus.UNCHANGED  # an older inspection never wins


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Urn;Provider name;Owner name;Latest overall effectiveness;Latest inspection date;"
            "Notes\nsc 200001;Pear Tree House;Orchard Care;Requires improvement;2025-10-03;x\n",
            "utf-8",
        ),
        (
            "\ufeffURN\tProvider name\tOverall experiences and progress of children and young "
            "people\tDate of last inspection\nSC200001\tPear Tree House\t3\t3 Oct 2025\n",
            "utf-8",
        ),
        (
            "Ofsted list – children’s homes\r\nURN,Setting name,Organisation,Provider type,"
            "Overall judgement,Inspection date\r\nSC200001,Pear Tree House,Orchard Care,"
            "Children’s home,Requires improvement to be good,03/10/2025\r\n",
            "cp1252",
        ),
    ],
)
def test_header_variants_encodings_and_delimiters(
    store: Store, tmp_path: Path, text: str, encoding: str
) -> None:
    file = read_ofsted_csv(write(tmp_path, text, encoding))
    [row] = file.rows
    assert row.urn == "SC200001" and row.setting_name == "Pear Tree House"
    assert row.judgement is OfstedJudgement.REQUIRES_IMPROVEMENT
    assert row.inspected_on == dt.date(2025, 10, 3)
    commit_import(store, preview_import(store, file, ALL))
    assert settings_by_urn(store)["SC200001"].ofsted_judgement is (
        OfstedJudgement.REQUIRES_IMPROVEMENT
    )


def test_without_an_owner_column_each_setting_gets_its_own_provider(
    store: Store, tmp_path: Path
) -> None:
    file = read_ofsted_csv(write(tmp_path, "URN,Provider name\nSC300001,Birch View\n"))
    assert any("organisation that owns" in note for note in file.notes)
    commit_import(store, preview_import(store, file, ALL))
    assert [r.name for r in providers.list_providers(store)] == ["Birch View"]
    assert settings_by_urn(store)["SC300001"].setting_type is SettingType.OTHER


def test_malformed_rows_are_rejected_with_line_and_reason(store: Store, tmp_path: Path) -> None:
    rows = [
        "SC400001,Good Row,Owner,Children's home,Demoshire,4,Good,01/02/2025",
        "NOT-A-URN,Bad Urn,Owner,Children's home,Demoshire,4,Good,01/02/2025",
        ",No Urn,Owner,Children's home,Demoshire,4,Good,01/02/2025",
        "SC400002,,Owner,Children's home,Demoshire,4,Good,01/02/2025",
        "SC400003,Bad Date,Owner,Children's home,Demoshire,4,Good,31/31/2025",
        "SC400004,Bad Judgement,Owner,Children's home,Demoshire,4,Very good,01/02/2025",
        "SC400005,Bad Places,Owner,Children's home,Demoshire,four,Good,01/02/2025",
        f"SC400006,Future,Owner,Children's home,Demoshire,4,Good,01/01/{clock.today().year + 2}",
        "SC400007,Short row",
    ]
    file = read_ofsted_csv(write(tmp_path, "\n".join([HEADER, *rows])))
    reasons = {r.line: r.reason for r in file.rejected}
    assert reasons == {
        3: "“NOT-A-URN” is not an Ofsted URN.",
        4: "There is no URN.",
        6: "“31/31/2025” is not a date (write it as 31/03/2025).",
        7: "“Very good” is not an Ofsted judgement.",
        8: "“four” is not a number of places.",
        9: f"The inspection date 01/01/{clock.today().year + 2} is in the future.",
    }
    assert [r.urn for r in file.rows] == ["SC400001", "SC400002", "SC400007"]
    assert file.rows[1].setting_name is None  # no name: one is made from the file
    # Updating only the settings on the register, unreadable rows for others are left out.
    assert preview_import(store, file).count(LineStatus.LEFT_OUT) == 9
    preview = preview_import(store, file, ALL)
    assert preview.count(LineStatus.REJECTED) == 6
    with pytest.raises(errors.ValidationError, match="6 rows were rejected, so nothing"):
        commit_import(store, preview)
    assert providers.count_providers(store) == 0
    result = commit_import(store, preview, skip_rejected=True)
    assert (result.created, result.skipped) == (3, 6)
    assert settings_by_urn(store)["SC400002"].name == "Children's home in Demoshire (URN SC400002)"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "The file is empty."),
        (b"  \r\n\r\n", "The file is empty."),
        (b"PK\x03\x04\x14\x00\x06\x00rest-of-a-workbook", "Excel workbook"),
        (b"%PDF-1.7\n%binary", "PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        (b'{"providers": []}', "does not look like an Ofsted provider list"),
        (b"Name,Address\nOak,1 Lane\n", "“URN” column"),
        (HEADER.encode() + b"\n", "column headings but no rows"),
        (HEADER.encode() + b"\n,,,,,,,\nSource: Ofsted\n", "column headings but no rows"),
    ],
)
def test_a_file_that_is_not_a_provider_list_is_refused_and_changes_nothing(
    store: Store, tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "upload.csv"
    path.write_bytes(data)
    with pytest.raises(errors.ValidationError, match=message):
        read_ofsted_csv(path)
    assert providers.count_providers(store) == 0


def test_a_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(errors.ValidationError, match="could not be read"):
        read_ofsted_csv(tmp_path / "gone.csv")


def test_one_row_per_inspection_takes_the_latest_inspection_of_each_urn(
    store: Store, tmp_path: Path
) -> None:
    header = "URN,Provider name,Inspection date,Outcome,Places"
    rows = [
        "SC500001,Oak House,01/03/2024,Good,4",
        "SC500002,Elm Lodge,02/03/2024,Outstanding,3",
        "sc500001,Oak House,05/09/2025,Inadequate,",
        "SC500001,Oak House,01/07/2023,Requires improvement to be good,4",
        "SC500002,Elm Lodge,10/10/2025,Sustained effectiveness,3",
    ]
    file = read_ofsted_csv(write(tmp_path, "\n".join([header, *rows])))
    assert file.rejected == []
    oak, elm = file.rows
    assert (oak.line, oak.judgement, oak.inspected_on) == (
        4,
        OfstedJudgement.INADEQUATE,
        dt.date(2025, 9, 5),
    )
    assert oak.places == 4  # the latest row is blank: an earlier one says
    # A visit that grades nothing keeps the latest graded judgement and its date.
    assert (elm.judgement, elm.inspected_on) == (OfstedJudgement.OUTSTANDING, dt.date(2024, 3, 2))
    preview = preview_import(store, file, ALL)
    left = {ln.line: ln.detail for ln in preview.lines if ln.status is LineStatus.LEFT_OUT}
    assert left == {
        2: "An earlier inspection: line 4 is this setting's latest.",
        3: "An earlier inspection: line 6 is this setting's latest.",
        5: "An earlier inspection: line 4 is this setting's latest.",
    }
    assert preview.count(LineStatus.NEW) == 2


def test_a_urn_in_the_trash_is_rejected_when_adding_all(store: Store, tmp_path: Path) -> None:
    p = a_provider(store)
    s = a_setting(store, p.id, "Old Home", urn="SC600001")
    providers.delete_setting(store, s.id)
    file = read_ofsted_csv(write(tmp_path, "URN,Setting name\nSC600001,Old Home\n"))
    [line] = preview_import(store, file, ALL).lines
    assert line.status is LineStatus.REJECTED and "in the Trash" in line.detail
    [line] = preview_import(store, file).lines
    assert line.status is LineStatus.LEFT_OUT and "in the Trash" in line.detail


def test_a_changed_register_or_a_cancel_changes_nothing(store: Store, tmp_path: Path) -> None:
    file = read_ofsted_csv(write(tmp_path, "URN,Setting name,Provider name\nSC700001,A,Own\n"))
    preview = preview_import(store, file, ALL)
    with pytest.raises(ImportCancelled):
        commit_import(store, preview, cancelled=lambda: True)
    assert providers.count_providers(store) == 0
    a_setting(store, a_provider(store, "Own").id, "A", urn="SC700001")
    with pytest.raises(errors.ValidationError, match="Preview the file again"):
        commit_import(store, preview)


def test_a_five_thousand_row_list(store: Store, tmp_path: Path) -> None:
    judgements = ["Outstanding", "Good", "Requires improvement to be good", "Inadequate"]
    rows = [
        f"SC{800000 + i},Home {i},Owner {i % 700} Ltd,Children's home,LA {i % 150},"
        f"{1 + i % 6},{judgements[i % 4]},{1 + i % 28:02d}/{1 + i % 12:02d}/2025"
        for i in range(5000)
    ]
    seen: list[int] = []
    file = read_ofsted_csv(
        write(tmp_path, "\n".join([HEADER, *rows])), progress=lambda d, t, _l: seen.append(d)
    )
    assert len(file.rows) == 5000 and seen[-1] == 5000
    preview = preview_import(store, file, ALL)
    assert preview.count(LineStatus.NEW) == 5000 and len(preview.new_providers) == 700
    result = commit_import(store, preview)
    assert (result.created, result.providers_created) == (5000, 700)
    assert providers.count_providers(store) == 700
    assert preview_import(store, file).count(LineStatus.UNCHANGED) == 5000
