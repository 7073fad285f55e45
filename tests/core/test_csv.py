"""CSV export of each list, and CSV import of children and providers (fuzzed)."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relcom_desktop.core import demo, errors
from relcom_desktop.core.child_list import count_children
from relcom_desktop.core.children import get_child
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop import csv_export, csv_import
from relcom_desktop.core.interop.import_run import RowStatus
from relcom_desktop.core.interop.ssda903 import LegalStatus
from relcom_desktop.core.providers import count_providers
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store, open_store
from tests.core.factories import a_child


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_every_list_exports_with_plain_headings(store: Store, tmp_path: Path) -> None:
    demo.build_demo(store, "tiny", seed=2)
    for key in csv_export.LIST_KEYS:
        summary = csv_export.export_csv(store, key, tmp_path / f"{key}.csv")
        rows = _read(summary.path)
        assert rows[0][0] == "Id" and len(rows) == summary.rows + 1, key
    placements = _read(tmp_path / "placements.csv")
    header = placements[0]
    assert {"Weekly fee (£)", "Child name", "Setting name", "Start date"} <= set(header)
    fee = placements[1][header.index("Weekly fee (£)")]
    assert fee.replace(".", "").isdigit() and "." in fee
    kinds = {e.kind for e in audit.recent_events(store)}
    assert AuditKind.EXPORT in kinds


def test_csv_guards_against_spreadsheet_formulas(store: Store, tmp_path: Path) -> None:
    a_child(store, "=HYPERLINK(1)", la_reference="-5")
    rows = _read(csv_export.export_csv(store, "children", tmp_path / "c.csv").path)
    assert rows[1][rows[0].index("Preferred name")] == "'=HYPERLINK(1)"


def test_children_export_reimports(store: Store, tmp_path: Path) -> None:
    a_child(store, "Robin", la_reference="R-1", legal_status=LegalStatus.V2)
    path = csv_export.export_csv(store, "children", tmp_path / "c.csv").path
    other = open_store(tmp_path / "other")
    assert csv_import.import_csv(other, "children", path).count(RowStatus.NEW) == 1
    robin = get_child(other, 1)
    assert robin.legal_status is LegalStatus.V2 and robin.date_of_birth == dt.date(2012, 5, 1)
    other.close()


def test_a_spreadsheet_with_labels_and_uk_dates_imports(store: Store) -> None:
    text = (
        "Preferred name,Date of birth,Legal status,LA reference\n"
        "Sky,31/03/2013,Full care order (s31),A1\n"
        "Jo,2014-01-02,V2,A2\n"
    )
    assert csv_import.import_csv_text(store, "children", text).count(RowStatus.NEW) == 2
    assert count_children(store) == 2
    again = csv_import.import_csv_text(store, "children", text)
    assert again.count(RowStatus.UNCHANGED) == 2 and count_children(store) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("Favourite colour\nblue\n", "No column holds .* not recognise: 'Favourite colour'"),
        ("Preferred name,Date of birth\nSky,31/02/2013\n", "Row 2: Date of birth"),
        ("Preferred name\nSky\n\n  \n", None),
        ("Preferred name,Legal status\nSky,Z9\n", "Legal status"),
        ("Preferred name,LA reference\nSky,A\nJo,A\n", "Row 3: .*same child as row 2"),
        ("Preferred name\n\n,\n", None),
        ("Preferred name\n \n", None),
        ("Full name\nSky Blue\n", "No column holds the Preferred name"),
        ("Preferred name\nSky,extra\n", "more cells"),
        ("Preferred name,preferred NAME\nA,B\n", "appears twice"),
    ],
)
def test_bad_csv_is_refused_and_nothing_is_written(
    store: Store, text: str, message: str | None
) -> None:
    if message is None:
        csv_import.import_csv_text(store, "children", text)
        return
    with pytest.raises(errors.TransferError, match=message):
        csv_import.import_csv_text(store, "children", text)
    assert count_children(store) == 0


def test_only_children_and_providers_import(store: Store) -> None:
    with pytest.raises(errors.ValidationError, match="Only these lists can be imported"):
        csv_import.import_csv_text(store, "journal", "Summary\nx\n")
    with pytest.raises(errors.ValidationError, match="no list called"):
        csv_import.import_csv_text(store, "spaceships", "x\n")


@pytest.fixture(scope="module")
def fuzz_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = open_store(tmp_path_factory.mktemp("fuzz"))
    yield store
    store.close()


HEADINGS = ["Preferred name", "Date of birth", "Legal status", "LA reference", "Sex", "Name"]
CELLS = st.text(max_size=12) | st.sampled_from(["C2", "V2", "2013-01-01", "31/12/2012", "", "1"])


@settings(
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.text(max_size=200)
    | st.lists(st.lists(CELLS, min_size=1, max_size=5), min_size=1, max_size=6).map(
        lambda rows: "\n".join(",".join(r) for r in rows)
    ),
    st.lists(st.sampled_from(HEADINGS), min_size=1, max_size=4),
    st.sampled_from(["children", "providers"]),
    st.booleans(),
)
def test_fuzz_csv_import(
    fuzz_store: Store, body: str, headings: list[str], key: str, with_heading: bool
) -> None:
    text = (",".join(headings) + "\n" + body) if with_heading else body
    before = (count_children(fuzz_store), count_providers(fuzz_store))
    try:
        done = csv_import.import_csv_text(fuzz_store, key, text)
    except errors.RelcomError as err:
        assert str(err)
        assert (count_children(fuzz_store), count_providers(fuzz_store)) == before
    else:
        now = (count_children(fuzz_store), count_providers(fuzz_store))
        assert sum(now) - sum(before) == done.count(RowStatus.NEW)
