"""Every system-overview figure on fixed data with known answers, and its drill-down."""

from __future__ import annotations

import datetime as dt

import pytest

from relcom_desktop.core import preferences
from relcom_desktop.core.children import delete_child, set_archived
from relcom_desktop.core.enums import OfstedJudgement
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementType
from relcom_desktop.core.overview import (
    Drill,
    FigureKey,
    children_behind,
    system_overview,
)
from relcom_desktop.core.overview_drill import quarter_label, quarters
from relcom_desktop.core.placements import Placement, start_placement
from tests.core.factories import a_child, a_provider, a_setting

T = dt.date(2025, 6, 11)
D = dt.timedelta
OWN = "Demoshire County Council"
K2, U4, H5 = PlacementType.K2, PlacementType.U4, PlacementType.H5


def _place(store, child, setting, kind, start, end=None, fee=0, planned=None) -> None:
    start_placement(
        store,
        Placement(
            child.id,
            setting.id,
            kind,
            start,
            end_date=end,
            weekly_fee_pence=fee,
            ending_planned=planned,
        ),
    )


@pytest.fixture
def world(store):
    """Four children in placement on T, one archived, one who left, one deleted."""
    preferences.put(store, preferences.USER_LA, OWN)
    oak = a_provider(store, "Oak Care")
    good = a_setting(store, oak.id, "Oak House", local_authority=OWN)
    star = a_setting(
        store,
        oak.id,
        "Star Carers",
        judgement=OfstedJudgement.OUTSTANDING,
        local_authority="Exampleton City Council",
    )
    elm = a_provider(store, "Elm Homes")
    poor = a_setting(
        store,
        elm.id,
        "Elm Lodge",
        judgement=OfstedJudgement.INADEQUATE,
        local_authority=" demoshire county council ",
    )
    unknown = a_setting(store, elm.id, "Elm Flat", judgement=None, local_authority="")
    ash = a_child(store, "Ash", legal_status=LegalStatus.C2)
    _place(store, ash, good, K2, T - D(300), T - D(200), planned=True)  # ends Nov 2024
    _place(store, ash, poor, K2, T - D(200), T - D(100), planned=False)  # ends Mar 2025
    _place(store, ash, good, K2, T - D(100), fee=400_000)
    bea = a_child(store, "Bea", legal_status=LegalStatus.C1)
    _place(store, bea, star, U4, T - D(400), fee=100_000)
    cal = a_child(store, "Cal", legal_status=LegalStatus.V2)
    _place(store, cal, good, K2, T - D(500), T - D(30), planned=False)  # ends May 2025
    _place(store, cal, poor, K2, T - D(30), fee=500_000)
    dee = a_child(store, "Dee", legal_status=None)
    _place(store, dee, unknown, H5, T - D(10), fee=200_000)
    eve = a_child(store, "Eve")  # archived: not counted
    _place(store, eve, good, K2, T - D(50), fee=999_999)
    set_archived(store, eve.id, True)
    fay = a_child(store, "Fay")  # left care five days ago, ending not recorded
    _place(store, fay, good, U4, T - D(90), T - D(5))
    gus = a_child(store, "Gus")  # deleted: never counted
    _place(store, gus, good, K2, T - D(50), fee=999_999)
    delete_child(store, gus.id)
    return store, {"oak": oak.id, "elm": elm.id}


def _table(figure) -> list[tuple]:
    return [(row.label, *[cell.value for cell in row.cells]) for row in figure.rows]


def _names(store, drill: Drill) -> list[str]:
    return [c.preferred_name for c in children_behind(store, drill, T)]


def test_children_by_placement_type(world) -> None:
    store, _ = world
    overview = system_overview(store, T)
    assert overview.children_placed == 4
    figure = overview.figure(FigureKey.PLACEMENT_TYPE)
    assert _table(figure) == [
        ("K2 · Children's home (Children's Homes Regulations)", 2, 0.5),
        ("H5 · Semi-independent living, not subject to Children's Homes Regulations", 1, 0.25),
        ("U4 · Foster placement with other carers, long term", 1, 0.25),
    ]
    assert figure.headline == "4 children in placement on 11 June 2025"
    assert _names(store, figure.rows[0].cells[0].drill) == ["Ash", "Cal"]


def test_children_by_legal_status(world) -> None:
    store, _ = world
    figure = system_overview(store, T).figure(FigureKey.LEGAL_STATUS)
    assert [(label[:2], n) for label, n, _ in _table(figure)] == [
        ("C1", 1),
        ("C2", 1),
        ("V2", 1),
        ("No", 1),
    ]
    assert figure.rows[-1].label == "Not recorded"
    assert _names(store, figure.rows[-1].cells[0].drill) == ["Dee"]


def test_placements_and_weekly_spend_by_provider(world) -> None:
    store, ids = world
    figure = system_overview(store, T).figure(FigureKey.PROVIDER)
    assert _table(figure) == [("Elm Homes", 2, 700_000), ("Oak Care", 2, 500_000)]
    assert figure.headline == "£12,000 a week across 2 providers"
    assert _names(store, Drill(FigureKey.PROVIDER, str(ids["oak"]))) == ["Ash", "Bea"]


def test_stability_three_or_more_placements_in_twelve_months(world) -> None:
    store, _ = world
    figure = system_overview(store, T).figure(FigureKey.STABILITY)
    assert _table(figure) == [
        ("1", 2, 0.5),
        ("2", 1, 0.25),
        ("3", 1, 0.25),
        ("4", 0, 0.0),
        ("5 or more", 0, 0.0),
    ]
    assert figure.headline.startswith("1 of 4 children (25%) had three or more placements")
    assert _names(store, figure.headline_drill) == ["Ash"]
    assert _names(store, figure.rows[0].cells[0].drill) == ["Bea", "Dee"]


def test_share_in_good_or_outstanding_settings(world) -> None:
    store, _ = world
    figure = system_overview(store, T).figure(FigureKey.JUDGEMENT)
    assert [(label, n) for label, n, _ in _table(figure)] == [
        ("Outstanding", 1),
        ("Good", 1),
        ("Requires improvement to be good", 0),
        ("Inadequate", 1),
        ("Not yet inspected", 0),
        ("Not recorded", 1),
    ]
    assert figure.headline.startswith("50% of children (2 of 4) live in settings judged Good")
    assert _names(store, figure.headline_drill) == ["Ash", "Bea"]


def test_placements_outside_the_own_local_authority(world) -> None:
    store, _ = world
    figure = system_overview(store, T).figure(FigureKey.LOCATION)
    assert figure.headline == f"1 of 4 children (25%) live outside {OWN}"
    labels = [row.label for row in figure.rows]
    assert f"{OWN} (your authority)" in labels
    assert "demoshire county council (your authority)" in labels  # spacing and case ignored
    assert "Not recorded" in labels
    assert _names(store, figure.headline_drill) == ["Bea"]


def test_without_an_own_local_authority_the_overview_says_so(world) -> None:
    store, _ = world
    preferences.put(store, preferences.USER_LA, "")
    figure = system_overview(store, T).figure(FigureKey.LOCATION)
    assert "Set your own local authority" in figure.headline
    assert figure.headline_drill is None


def test_planned_and_unplanned_endings_per_quarter(world) -> None:
    store, _ = world
    figure = system_overview(store, T).figure(FigureKey.ENDINGS)
    assert [row.label for row in figure.rows][-3:] == [
        "Oct–Dec 2024",
        "Jan–Mar 2025",
        "Apr–Jun 2025",
    ]
    table = {label: rest for label, *rest in _table(figure)}
    assert table["Oct–Dec 2024"] == [1, 0, 0, 0.0]
    assert table["Jan–Mar 2025"] == [0, 1, 0, 1.0]
    assert table["Apr–Jun 2025"] == [0, 1, 1, 0.5]
    assert table["Jul–Sep 2023"] == [0, 0, 0, 0.0]
    assert figure.headline.startswith("2 of 4 placement endings (50%)")
    last = figure.rows[-1].cells
    assert _names(store, last[1].drill) == ["Cal"]
    assert _names(store, last[2].drill) == ["Fay"]


def test_quarters_run_back_from_this_one() -> None:
    starts = quarters(T)
    assert len(starts) == 8
    assert (starts[0], starts[-1]) == (dt.date(2023, 7, 1), dt.date(2025, 4, 1))
    assert quarter_label(dt.date(2024, 10, 1)) == "Oct–Dec 2024"


def test_an_empty_file_has_an_overview_of_zeros(store) -> None:
    overview = system_overview(store, T)
    assert overview.children_placed == 0
    assert overview.figure(FigureKey.STABILITY).headline.startswith("0 of 0 children (0%)")
    assert overview.figure(FigureKey.PROVIDER).rows == ()
