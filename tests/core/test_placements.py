"""Placement rules: dates, fees, overlaps, moves, endings and stability."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relcom_desktop.core import errors
from relcom_desktop.core import placements as svc
from relcom_desktop.core.interop.ssda903 import (
    PlacementType,
    ReasonEpisodeCeased,
    ReasonPlaceChange,
)
from relcom_desktop.core.placements import Placement
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

D = dt.date


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    provider = a_provider(store)
    return {
        "child": a_child(store).id,
        "home": a_setting(store, provider.id, "Oak House").id,
        "other": a_setting(store, provider.id, "Elm Lodge").id,
    }


def test_start_and_read_back_with_names(store: Store, ids: dict[str, int]) -> None:
    a_placement(store, ids["child"], ids["home"], D(2024, 1, 1), fee=512_550)
    [view] = svc.placements_for_child(store, ids["child"])
    assert view.setting_name == "Oak House"
    assert view.provider_name == "Willowbank Care (Demo) Ltd"
    assert view.placement.weekly_fee_pence == 512_550


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_date": D(2023, 12, 31)}, "end before it starts"),
        ({"planned_end_date": D(2023, 1, 1)}, "planned end date"),
        ({"weekly_fee_pence": -1}, "negative"),
        ({"weekly_fee_pence": 20_000_000}, "check it"),
        ({"setting_id": 999}, "setting from the register"),
        ({"child_id": 999}, "Choose a child"),
    ],
)
def test_bad_placements_are_refused(
    store: Store, ids: dict[str, int], changes: dict, message: str
) -> None:
    p = Placement(ids["child"], ids["home"], PlacementType.K2, D(2024, 1, 1))
    with pytest.raises(errors.ValidationError, match=message):
        svc.start_placement(store, dataclasses.replace(p, **changes))
    assert svc.placements_for_child(store, ids["child"]) == []


def test_overlap_is_refused_with_the_other_setting_named(store: Store, ids: dict[str, int]) -> None:
    a_placement(store, ids["child"], ids["home"], D(2024, 1, 1), D(2024, 6, 1))
    with pytest.raises(errors.ValidationError, match="overlaps the placement at Oak House"):
        a_placement(store, ids["child"], ids["other"], D(2024, 5, 1))


def test_open_placement_blocks_a_later_one(store: Store, ids: dict[str, int]) -> None:
    a_placement(store, ids["child"], ids["home"], D(2024, 1, 1))
    with pytest.raises(errors.ValidationError, match="End that placement first"):
        a_placement(store, ids["child"], ids["other"], D(2025, 1, 1))


def test_same_day_move_is_allowed(store: Store, ids: dict[str, int]) -> None:
    a_placement(store, ids["child"], ids["home"], D(2024, 1, 1), D(2024, 6, 1))
    a_placement(store, ids["child"], ids["other"], D(2024, 6, 1))
    assert len(svc.placements_for_child(store, ids["child"])) == 2


def test_deleted_placement_no_longer_blocks(store: Store, ids: dict[str, int]) -> None:
    first = a_placement(store, ids["child"], ids["home"], D(2024, 1, 1))
    svc.delete_placement(store, first.id)
    a_placement(store, ids["child"], ids["other"], D(2024, 2, 1))
    with pytest.raises(errors.ValidationError, match="overlaps the placement at Elm Lodge"):
        svc.restore_placement(store, first.id)


def test_end_placement_records_why(store: Store, ids: dict[str, int]) -> None:
    p = a_placement(store, ids["child"], ids["home"], D(2024, 1, 1))
    ended = svc.end_placement(
        store,
        p.id,
        D(2024, 9, 1),
        planned=False,
        change_reason=ReasonPlaceChange.STAND,
        notes="Concerns about supervision at night.",
    )
    assert ended.end_date == D(2024, 9, 1)
    assert ended.ending_planned is False
    assert ended.change_reason is ReasonPlaceChange.STAND
    with pytest.raises(errors.ValidationError, match="end before it starts"):
        svc.end_placement(store, p.id, D(2023, 1, 1), planned=True)


def test_move_child_ends_current_and_starts_new_together(store: Store, ids: dict[str, int]) -> None:
    a_placement(store, ids["child"], ids["home"], D(2024, 1, 1))
    new = Placement(ids["child"], ids["other"], PlacementType.U4, D(2024, 7, 1))
    svc.move_child(store, new, planned=True, change_reason=ReasonPlaceChange.CARPL)
    newest, older = svc.placements_for_child(store, ids["child"])
    assert newest.setting_name == "Elm Lodge" and newest.placement.end_date is None
    assert older.placement.end_date == D(2024, 7, 1)
    assert older.placement.end_reason is ReasonEpisodeCeased.X1


def test_failed_move_changes_nothing(store: Store, ids: dict[str, int]) -> None:
    a_placement(store, ids["child"], ids["home"], D(2024, 1, 1))
    bad = Placement(
        ids["child"], ids["other"], PlacementType.U4, D(2024, 7, 1), weekly_fee_pence=-5
    )
    with pytest.raises(errors.ValidationError):
        svc.move_child(store, bad, planned=True)
    [only] = svc.placements_for_child(store, ids["child"])
    assert only.placement.end_date is None


def test_stability(store: Store, ids: dict[str, int]) -> None:
    today = D(2025, 1, 1)
    a_placement(store, ids["child"], ids["home"], D(2023, 1, 1), D(2024, 3, 1))
    a_placement(store, ids["child"], ids["other"], D(2024, 3, 1), D(2024, 9, 1))
    a_placement(store, ids["child"], ids["home"], D(2024, 9, 1))
    s = svc.stability(svc.placements_for_child(store, ids["child"]), today)
    assert s.placements_last_12_months == 3
    assert s.current_placement_days == (today - D(2024, 9, 1)).days
    assert s.total_placements == 3


dates = st.dates(min_value=D(2015, 1, 1), max_value=D(2030, 12, 31))
spans = st.tuples(dates, st.one_of(st.none(), dates))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(attempts=st.lists(spans, min_size=1, max_size=6))
def test_accepted_placements_never_overlap(
    store: Store, ids: dict[str, int], attempts: list
) -> None:
    """Whatever dates are tried, what the store accepts is a set of non-overlapping stays."""
    child = a_child(store, "Fuzz").id
    for start, end in attempts:
        try:
            a_placement(store, child, ids["home"], start, end)
        except errors.ValidationError as exc:
            assert str(exc)  # refused with a message, never a crash
    saved = [v.placement for v in svc.placements_for_child(store, child)]
    for p in saved:
        assert p.end_date is None or p.end_date >= p.start_date
    spans_ = sorted((p.start_date, p.end_date or D.max) for p in saved)
    for (_, end_a), (start_b, _) in itertools.pairwise(spans_):
        assert end_a <= start_b
    assert sum(p.end_date is None for p in saved) <= 1


def test_children_placed_with_provider_now(store: Store, ids: dict[str, int]) -> None:
    a_placement(store, ids["child"], ids["home"], D(2024, 1, 1), D(2024, 6, 1))
    other = a_child(store, "Bea").id
    a_placement(store, other, ids["other"], D(2024, 1, 1))
    from relcom_desktop.core.providers import get_setting

    owner = get_setting(store, ids["home"]).provider_id
    placed = svc.children_placed_with(store, owner, D(2024, 7, 1))
    assert [(p.preferred_name, p.setting_name) for p in placed] == [("Bea", "Elm Lodge")]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=dates, end=st.one_of(st.none(), dates), fee=st.integers(-10_000, 11_000_000))
def test_a_placement_is_refused_exactly_when_its_own_rules_are_broken(
    store: Store, ids: dict[str, int], start: dt.date, end: dt.date | None, fee: int
) -> None:
    """End before start, a negative fee and an absurd fee are refused; nothing else is."""
    child = a_child(store, "Fuzz").id
    broken = (end is not None and end < start) or fee < 0 or fee > svc.MAX_WEEKLY_FEE_PENCE
    try:
        saved = a_placement(store, child, ids["home"], start, end, fee=fee)
    except errors.ValidationError as exc:
        assert broken, str(exc)
        assert svc.placements_for_child(store, child) == []  # nothing half-written
    else:
        assert not broken
        assert (saved.start_date, saved.end_date, saved.weekly_fee_pence) == (start, end, fee)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(start=dates, end=dates)
def test_ending_a_placement_accepts_any_end_on_or_after_its_start(
    store: Store, ids: dict[str, int], start: dt.date, end: dt.date
) -> None:
    child = a_child(store, "Fuzz").id
    p = a_placement(store, child, ids["home"], start)
    try:
        ended = svc.end_placement(store, p.id, end, planned=True)
    except errors.ValidationError as exc:
        assert end < start and "end before it starts" in str(exc)
        assert svc.get_placement(store, p.id).end_date is None
    else:
        assert end >= start and ended.end_date == end


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(gaps=st.lists(st.integers(min_value=-30, max_value=400), min_size=1, max_size=6))
def test_moves_keep_one_open_placement_and_no_overlaps(
    store: Store, ids: dict[str, int], gaps: list[int]
) -> None:
    """A run of moves (some dated before the current start) never leaves overlapping stays."""
    child = a_child(store, "Fuzz").id
    day = D(2020, 1, 1)
    a_placement(store, child, ids["home"], day)
    for gap in gaps:
        day += dt.timedelta(days=gap)
        new = Placement(child, ids["other"], PlacementType.U4, day)
        try:
            svc.move_child(store, new, planned=True)
        except errors.ValidationError:
            day -= dt.timedelta(days=gap)
    saved = sorted(
        (v.placement for v in svc.placements_for_child(store, child)), key=lambda p: p.start_date
    )
    assert sum(p.end_date is None for p in saved) == 1
    for before, after in itertools.pairwise(saved):
        assert before.end_date == after.start_date


def test_revert_move_undoes_a_move_in_one_step(store: Store, ids: dict[str, int]) -> None:
    first = a_placement(store, ids["child"], ids["home"], D(2024, 1, 1))
    new = svc.move_child(
        store, Placement(ids["child"], ids["other"], PlacementType.U4, D(2024, 7, 1)), planned=True
    )
    ended = svc.get_placement(store, first.id)
    svc.revert_move(store, new.id, first)
    [only] = svc.placements_for_child(store, ids["child"])
    assert only.placement == first
    svc.replay_move(store, new.id, ended)
    newest, older = svc.placements_for_child(store, ids["child"])
    assert (newest.placement.id, older.placement) == (new.id, ended)


def test_a_placement_cannot_start_before_the_child_was_born(
    store: Store, ids: dict[str, int]
) -> None:
    with pytest.raises(errors.ValidationError, match="before the child was born"):
        a_placement(store, ids["child"], ids["home"], D(2011, 1, 1))  # born 1 May 2012


def test_provider_kind_comes_from_the_provider(store: Store, ids: dict[str, int]) -> None:
    from relcom_desktop.core.interop.ssda903 import PlacementProvider

    p = a_placement(store, ids["child"], ids["home"], D(2024, 1, 1))
    assert p.provider_kind is PlacementProvider.PR4


def test_usual_placement_type_for_a_setting() -> None:
    from relcom_desktop.core.enums import SettingType

    assert svc.usual_placement_type(SettingType.CHILDRENS_HOME) is PlacementType.K2
    assert svc.usual_placement_type(SettingType.FOSTERING_AGENCY) is PlacementType.U6
    assert svc.usual_placement_type(SettingType.OTHER) is None


def test_current_placement_and_settings_with_children(store: Store, ids: dict[str, int]) -> None:
    today = D(2025, 1, 1)
    a_placement(store, ids["child"], ids["home"], D(2024, 1, 1), D(2024, 6, 1))
    a_placement(store, ids["child"], ids["other"], D(2024, 6, 1))
    history = svc.placements_for_child(store, ids["child"])
    current = svc.current_placement(history, today)
    assert current is not None and current.setting_name == "Elm Lodge"
    assert svc.current_placement(history, D(2023, 1, 1)) is None
    assert svc.stability(history, today).current_placement_days == (today - D(2024, 6, 1)).days
    choices = svc.settings_with_children(store, today)
    assert [c.name for c in choices] == ["Elm Lodge"]
    assert choices[0].label == "Elm Lodge — Willowbank Care (Demo) Ltd"
    assert [c.name for c in svc.settings_with_children(store, D(2024, 3, 1))] == ["Oak House"]
