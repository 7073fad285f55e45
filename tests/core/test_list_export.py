"""Each list exports to CSV and Excel, whole or as the list page's filters show it."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from relcom_desktop.core import clock, demo, errors
from relcom_desktop.core.actions import ActionFilter, count_actions
from relcom_desktop.core.child_list import ChildFilter, count_children
from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.interop import csv_export
from relcom_desktop.core.interop.ssda903 import LegalStatus
from relcom_desktop.core.journal import JournalFilter, count_entries
from relcom_desktop.core.meeting_list import MeetingFilter, When, count_meetings
from relcom_desktop.core.providers import ProviderFilter, count_providers
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

LISTS = ("children", "placements", "providers", "settings", "journal", "actions", "meetings")


@pytest.fixture
def demo_store(store: Store) -> Store:
    demo.build_demo(store, "tiny", seed=5)
    return store


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize("key", LISTS)
def test_each_list_exports_to_excel_like_csv(demo_store: Store, tmp_path: Path, key: str) -> None:
    as_csv = csv_export.export_csv(demo_store, key, tmp_path / f"{key}.csv")
    as_xlsx = csv_export.export_csv(demo_store, key, tmp_path / f"{key}.xlsx")
    assert as_csv.rows == as_xlsx.rows > 0
    book = load_workbook(as_xlsx.path)
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == _csv_rows(as_csv.path)[0]
    assert len(rows) == as_xlsx.rows + 1
    assert book["About"]["B4"].value.startswith("OFFICIAL-SENSITIVE")


def test_excel_cells_are_typed(store: Store, tmp_path: Path) -> None:
    child = a_child(store, "=cmd|' /C calc'!A0", legal_status=LegalStatus.C2)
    setting = a_setting(store, a_provider(store).id)
    a_placement(store, child.id, setting.id, dt.date(2024, 1, 2), fee=425_050)
    sheet = load_workbook(
        csv_export.export_csv(store, "placements", tmp_path / "p.xlsx").path
    ).worksheets[0]
    heads = [c.value for c in sheet[1]]
    row = [c for c in sheet[2]]
    fee = row[heads.index("Weekly fee (£)")]
    assert fee.value == 4250.5 and "£" in fee.number_format
    start = row[heads.index("Start date")]
    assert start.value == dt.datetime(2024, 1, 2) and start.number_format == "dd/mm/yyyy"
    assert row[heads.index("Placement type")].value.startswith("Children's home")
    named = load_workbook(csv_export.export_csv(store, "children", tmp_path / "c.xlsx").path)
    cell = named.worksheets[0]["B2"]
    assert cell.value == "=cmd|' /C calc'!A0" and cell.data_type == "s"  # text, not a formula


def test_filters_apply_to_every_list(demo_store: Store, tmp_path: Path) -> None:
    store = demo_store
    cases = [
        ("children", ChildFilter(legal_status=LegalStatus.C2), count_children),
        ("providers", ProviderFilter(setting_type=SettingType.CHILDRENS_HOME), count_providers),
        ("journal", JournalFilter(date_from=clock.today() - dt.timedelta(days=200)),
         count_entries),
        ("actions", ActionFilter(), count_actions),
        ("meetings", MeetingFilter(when=When.PAST), count_meetings),
    ]  # fmt: skip
    for key, filt, count in cases:
        total = csv_export.export_csv(store, key, tmp_path / f"{key}.csv").rows
        shown = csv_export.export_csv(store, key, tmp_path / f"{key}-f.xlsx", filt=filt).rows
        assert shown == count(store, filt), key
        assert shown <= total


def test_placements_and_settings_follow_their_pages_filters(store: Store, tmp_path: Path) -> None:
    good = a_setting(store, a_provider(store, "Good Ltd").id, "Good home", urn="SC1")
    poor = a_setting(
        store, a_provider(store, "Poor Ltd").id, "Poor home", "SC2", OfstedJudgement.INADEQUATE
    )
    for name, status, setting in (("Amy", LegalStatus.C2, good), ("Ben", LegalStatus.V2, poor)):
        child = a_child(store, name, legal_status=status)
        a_placement(store, child.id, setting.id, dt.date(2024, 1, 1))
    placements = csv_export.export_csv(
        store, "placements", tmp_path / "p.csv", filt=ChildFilter(legal_status=LegalStatus.C2)
    )
    rows = _csv_rows(placements.path)
    assert placements.rows == 1 and rows[1][rows[0].index("Child name")] == "Amy"
    settings = csv_export.export_csv(
        store,
        "settings",
        tmp_path / "s.csv",
        filt=ProviderFilter(judgement=OfstedJudgement.INADEQUATE),
    )
    rows = _csv_rows(settings.path)
    assert settings.rows == 1 and rows[1][rows[0].index("Name")] == "Poor home"
    assert csv_export.filter_type("settings") is ProviderFilter
    with pytest.raises(errors.ValidationError, match="cannot be filtered that way"):
        csv_export.export_csv(store, "journal", tmp_path / "j.csv", filt=ChildFilter())


def test_an_export_reports_progress_and_can_be_stopped(demo_store: Store, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    done = csv_export.export_csv(
        demo_store, "journal", tmp_path / "j.csv", progress=lambda d, t, _l: seen.append((d, t))
    )
    assert all(total == done.rows for _d, total in seen)
    stopped = tmp_path / "stopped.xlsx"
    with pytest.raises(errors.TransferError, match="stopped; nothing was written"):
        csv_export.export_csv(demo_store, "journal", stopped, cancelled=lambda: True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "j.csv"]  # no half file
