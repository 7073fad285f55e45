"""Ofsted's lists as Ofsted publishes them: the real provider-level list at 31 August 2024
(tests/core/data/SOURCES.md), withheld names, owners, places above 500, the two import modes
and the filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from relcom_desktop.core import providers
from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.interop.ofsted_csv import OfstedFile, read_ofsted_csv
from relcom_desktop.core.interop.ofsted_import import (
    ImportOptions,
    LineStatus,
    commit_import,
    preview_import,
)
from relcom_desktop.core.providers import UNKNOWN_PROVIDER
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_provider, a_setting

OFSTED_2024 = Path(__file__).parent / "data" / "Provider_level_at_31_Aug_2024.csv"
ALL = ImportOptions(add_all=True)


@pytest.fixture(scope="module")
def list_2024() -> OfstedFile:
    return read_ofsted_csv(OFSTED_2024)


def all_settings(store: Store) -> dict[str, providers.Setting]:
    found = {}
    for row in providers.list_providers(store, limit=None):
        for s in providers.settings_of(store, row.id):
            found[s.urn] = s
    return found


def test_the_2024_list_is_read_with_ofsteds_own_headings(list_2024: OfstedFile) -> None:
    assert list_2024.columns["setting_name"] == "Name"
    assert list_2024.columns["provider_name"] == "Organisation which owns the provider"
    assert list_2024.columns["setting_type"] == "Provision type"
    assert len(list_2024.rows) == 3876 and list_2024.rejected == []
    assert max(r.places or 0 for r in list_2024.rows) == 724  # a residential college
    assert sum(r.setting_name is None for r in list_2024.rows) == 3220  # REDACTED
    assert all(r.postcode != "REDACTED" and r.address != "REDACTED" for r in list_2024.rows)
    types = dict(list_2024.provision_types())
    assert types["Children's home"] == 3151  # "Children's Home" too: case does not split it
    assert dict(list_2024.local_authorities())["Lancashire"] == 253


def test_adding_all_of_the_2024_list_never_names_a_setting_redacted(
    store: Store, list_2024: OfstedFile
) -> None:
    preview = preview_import(store, list_2024, ALL)
    assert preview.count(LineStatus.NEW) == 3876 and preview.count(LineStatus.REJECTED) == 0
    result = commit_import(store, preview)
    assert (result.created, result.updated) == (3876, 0)
    assert result.providers_created == len(preview.new_providers) == 1479
    got = all_settings(store)
    assert len(got) == 3876
    assert not [s for s in got.values() if "REDACTED" in f"{s.name}{s.address}{s.postcode}"]
    home = got["2587047"]
    assert home.name == "Children's home in Cheshire East (URN 2587047)"
    assert home.setting_type is SettingType.CHILDRENS_HOME and home.registered_places == 7
    owner = providers.get_provider(store, home.provider_id)
    assert owner.name == "Compass Children's Homes Limited"
    assert max(s.registered_places or 0 for s in got.values()) == 724
    again = preview_import(store, list_2024, ALL)
    assert again.count(LineStatus.UNCHANGED) == 3876


def test_by_default_only_settings_on_the_register_are_updated(
    store: Store, list_2024: OfstedFile
) -> None:
    mine = a_provider(store, "Compass Children's Homes Ltd")
    held = a_setting(store, mine.id, "Brook House", urn="2587047", judgement=OfstedJudgement.GOOD)
    held = providers.update_setting(
        store, replace(held, address="1 Brook Lane, Crewe", postcode="CW1 1AA")
    )
    fostering = a_setting(store, mine.id, "Affinity", urn="SC469688")
    same = next(r for r in list_2024.rows if r.urn == "SC457688")
    a_setting(store, mine.id, "Little Acorns Fostering", urn="SC457688")
    providers.update_setting(
        store,
        replace(
            all_settings(store)["SC457688"],
            setting_type=same.setting_type,
            registered_places=same.places,
            ofsted_judgement=same.judgement,
            ofsted_date=same.inspected_on,
            local_authority=same.local_authority or "",
            region=same.region or "",
            postcode=same.postcode or "",
            address=same.address or "",
        ),
    )
    preview = preview_import(store, list_2024)
    counts = {status: preview.count(status) for status in LineStatus}
    assert counts == {
        LineStatus.NEW: 0,
        LineStatus.CHANGED: 2,
        LineStatus.UNCHANGED: 1,
        LineStatus.LEFT_OUT: 3873,
        LineStatus.REJECTED: 0,
    }
    brook = next(ln for ln in preview.lines if ln.urn == "2587047")
    assert brook.setting_name == "Brook House" and "Name" not in brook.detail
    assert "Judgement: Good → Outstanding" in brook.detail
    result = commit_import(store, preview)
    assert (result.created, result.updated, result.left_out) == (0, 2, 3873)
    got = all_settings(store)
    assert (got["2587047"].name, got["2587047"].postcode) == ("Brook House", "CW1 1AA")
    assert got["2587047"].address == "1 Brook Lane, Crewe"
    assert got["2587047"].ofsted_judgement is OfstedJudgement.OUTSTANDING
    assert got["SC469688"].name == "Affinity Fostering"  # the file names it: it is taken
    assert got["SC469688"].provider_id == fostering.provider_id
    assert providers.count_providers(store) == 1


def test_filters_narrow_the_rows_by_local_authority_and_provision_type(
    store: Store, list_2024: OfstedFile
) -> None:
    only = ImportOptions(
        add_all=True,
        local_authorities=frozenset({"cheshire east"}),
        provision_types=frozenset({"Independent Fostering Agency"}),
    )
    preview = preview_import(store, list_2024, only)
    new = [ln for ln in preview.lines if ln.status is LineStatus.NEW]
    expected = [
        r.urn
        for r in list_2024.rows
        if r.local_authority == "Cheshire East"
        and r.provision_type == "Independent Fostering Agency"
    ]
    assert [ln.urn for ln in new] == expected and expected
    outside = {ln.detail for ln in preview.lines if ln.status is LineStatus.LEFT_OUT}
    assert outside == {
        "Outside the chosen local authorities.",
        "Outside the chosen provision types.",
    }
    commit_import(store, preview)
    assert sorted(all_settings(store)) == sorted(expected)


def test_a_setting_an_import_left_without_a_provider_gets_its_owner_and_a_name(
    store: Store, tmp_path: Path
) -> None:
    stub_owner = a_provider(store, UNKNOWN_PROVIDER)
    a_setting(store, stub_owner.id, "Setting 2587047", urn="2587047")
    head = OFSTED_2024.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "two.csv"
    path.write_text("\n".join(head[:1] + [ln for ln in head if ",2587047," in ln]) + "\n")
    preview = preview_import(store, read_ofsted_csv(path))
    [line] = preview.lines
    assert line.status is LineStatus.CHANGED
    assert f"Provider: {UNKNOWN_PROVIDER} → Compass Children's Homes Limited" in line.detail
    commit_import(store, preview)
    home = all_settings(store)["2587047"]
    assert home.name == "Children's home in Cheshire East (URN 2587047)"
    assert providers.get_provider(store, home.provider_id).name == (
        "Compass Children's Homes Limited"
    )


def test_places_above_five_hundred_are_kept(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "colleges.csv"
    path.write_text(
        "URN,Name,Provision type,Places\n"
        "SC900100,Big College,Further Education College with Residential Accommodation,808\n"
    )
    commit_import(store, preview_import(store, read_ofsted_csv(path), ALL))
    college = all_settings(store)["SC900100"]
    assert college.registered_places == 808 and college.setting_type is SettingType.OTHER
    edited = providers.update_setting(store, replace(college, ofsted_date=dt.date(2024, 1, 2)))
    assert edited.registered_places == 808  # the setting form accepts what the import saved
