"""The system overview as CSV: one line per figure, category and measure; safe in Excel."""

from __future__ import annotations

import csv
import datetime as dt
import io

from relcom_desktop.core import preferences
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.overview import system_overview
from relcom_desktop.core.overview_export import export_overview_csv, overview_csv
from relcom_desktop.core.store import audit
from tests.core.factories import a_child, a_placement, a_provider, a_setting

T = dt.date(2025, 6, 11)


def test_csv_lines_for_every_figure(store, tmp_path) -> None:
    preferences.put(store, preferences.USER_LA, "Demoshire")
    provider = a_provider(store, "=Harbour Homes")  # looks like a formula to a spreadsheet
    setting = a_setting(store, provider.id, "Oak House", local_authority="Demoshire")
    a_placement(store, a_child(store, "Ash").id, setting.id, T - dt.timedelta(days=20), fee=425_050)
    text = overview_csv(system_overview(store, T))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["As of", "Figure", "Category", "Measure", "Value"]
    by_key = {(r[1], r[2], r[3]): r[4] for r in rows[1:]}
    assert (
        by_key[("Placements and weekly spend by provider", "'=Harbour Homes", "Weekly spend (£)")]
        == "4250.50"
    )
    assert by_key[("Placements and weekly spend by provider", "'=Harbour Homes", "Children")] == "1"
    assert by_key[("Children by their setting's Ofsted judgement", "Good", "Share (%)")] == "100.0"
    assert {r[0] for r in rows[1:]} == {"2025-06-11"}
    assert len({r[1] for r in rows[1:]}) == 7
    path = tmp_path / "overview.csv"
    export_overview_csv(store, system_overview(store, T), path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfAs of")
    assert [e.kind for e in audit.recent_events(store)] == [AuditKind.EXPORT]
