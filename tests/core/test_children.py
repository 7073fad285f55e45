"""Children: validation, edits, archive and Trash, and the caseload list."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import child_list, clock, errors
from relcom_desktop.core import children as svc
from relcom_desktop.core.child_list import ChildFilter, ChildSort
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementType
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

TODAY = clock.today()


def test_create_and_get(store: Store) -> None:
    child = a_child(store, "  Robin  ", la_reference=" LA-1 ")
    got = svc.get_child(store, child.id)
    assert got.preferred_name == "Robin"
    assert got.la_reference == "LA-1"
    assert got.legal_status is LegalStatus.C2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"preferred_name": "  "}, "preferred name"),
        ({"date_of_birth": TODAY + dt.timedelta(days=1)}, "future"),
        ({"date_of_birth": dt.date(1950, 1, 1)}, "30 years"),
        ({"looked_after_since": dt.date(2000, 1, 1)}, "before they were born"),
    ],
)
def test_invalid_child_is_refused(store: Store, changes: dict, message: str) -> None:
    child = svc.Child(preferred_name="Robin", date_of_birth=dt.date(2012, 1, 1))
    with pytest.raises(errors.ValidationError, match=message):
        svc.create_child(store, dataclasses.replace(child, **changes))
    assert child_list.count_children(store) == 0


def test_duplicate_la_reference_is_refused(store: Store) -> None:
    a_child(store, "Robin", la_reference="LA-7")
    with pytest.raises(errors.ValidationError, match="LA-7"):
        a_child(store, "Sky", la_reference="LA-7")


def test_update_stamps_changed_voice_fields_only(store: Store) -> None:
    child = a_child(store, "Robin", about_me="I like drawing.")
    edited = svc.update_child(store, dataclasses.replace(child, wishes_and_feelings="Stay here."))
    assert edited.wishes_and_feelings_updated == TODAY
    assert edited.about_me_updated is None
    assert svc.get_child(store, child.id).wishes_and_feelings == "Stay here."


def test_update_unknown_child_says_not_found(store: Store) -> None:
    with pytest.raises(errors.NotFoundError, match="no child"):
        svc.update_child(store, svc.Child(preferred_name="Nobody", id=999))


def test_delete_goes_to_trash_and_restores(store: Store) -> None:
    child = a_child(store)
    svc.delete_child(store, child.id)
    with pytest.raises(errors.NotFoundError):
        svc.get_child(store, child.id)
    assert [c.id for c in svc.deleted_children(store)] == [child.id]
    assert child_list.count_children(store) == 0
    svc.restore_child(store, child.id)
    assert child_list.count_children(store) == 1


def test_archived_children_hidden_by_default(store: Store) -> None:
    child = a_child(store, "Robin")
    a_child(store, "Sky")
    svc.set_archived(store, child.id, True)
    assert [r.preferred_name for r in child_list.list_children(store)] == ["Sky"]
    shown = child_list.list_children(store, ChildFilter(include_archived=True))
    assert {r.preferred_name: r.archived for r in shown} == {"Robin": True, "Sky": False}
    svc.set_archived(store, child.id, False)
    assert child_list.count_children(store) == 2


def _caseload(store: Store) -> dict[str, int]:
    provider = a_provider(store)
    home = a_setting(store, provider.id, "Oak House", urn="SC000001")
    other = a_setting(store, provider.id, "Elm Lodge", urn="SC000002")
    ids = {}
    for name, dob in (("Ash", dt.date(2010, 1, 1)), ("Bea", dt.date(2014, 6, 1)), ("Cal", None)):
        ids[name] = a_child(store, name, date_of_birth=dob, la_reference=f"LA-{name}").id
    a_placement(
        store, ids["Ash"], home.id, TODAY - dt.timedelta(days=400), TODAY - dt.timedelta(days=100)
    )
    a_placement(store, ids["Ash"], other.id, TODAY - dt.timedelta(days=100))
    a_placement(store, ids["Bea"], home.id, TODAY - dt.timedelta(days=30))
    ids["home"], ids["other"] = home.id, other.id
    return ids


def test_list_shows_current_placement_and_stability(store: Store) -> None:
    _caseload(store)
    rows = {r.preferred_name: r for r in child_list.list_children(store)}
    assert rows["Ash"].setting_name == "Elm Lodge"
    assert rows["Ash"].days_in_placement == 100
    assert rows["Ash"].placements_12m == 2
    assert rows["Bea"].placement_type is PlacementType.K2
    assert rows["Cal"].setting_name is None and rows["Cal"].age is None


def test_list_filters(store: Store) -> None:
    ids = _caseload(store)

    def names(**kw: object) -> list[str]:
        return [r.preferred_name for r in child_list.list_children(store, ChildFilter(**kw))]

    assert names(text="la-b") == ["Bea"]
    assert names(text="bracken") == ["Ash", "Bea", "Cal"]
    assert names(text="100%") == []
    assert names(setting_id=ids["home"]) == ["Bea"]
    assert names(placement_type=PlacementType.K2) == ["Ash", "Bea"]
    assert names(legal_status=LegalStatus.V2) == []
    assert names(no_check_in_days=90) == ["Ash", "Bea", "Cal"]
    assert child_list.count_children(store, ChildFilter(text="a")) == 3


def test_list_sorts_in_sql(store: Store) -> None:
    _caseload(store)

    def order(sort: ChildSort, descending: bool = False) -> list[str]:
        rows = child_list.list_children(store, sort=sort, descending=descending)
        return [r.preferred_name for r in rows]

    assert order(ChildSort.AGE) == ["Bea", "Ash", "Cal"]
    assert order(ChildSort.AGE, descending=True) == ["Ash", "Bea", "Cal"]
    assert order(ChildSort.DAYS_IN_PLACEMENT, descending=True) == ["Ash", "Bea", "Cal"]
    assert order(ChildSort.SETTING) == ["Ash", "Bea", "Cal"]
    assert order(ChildSort.MOVES_12M, descending=True)[0] == "Ash"
    assert order(ChildSort.LA_REFERENCE, descending=True) == ["Cal", "Bea", "Ash"]


def test_list_pages(store: Store) -> None:
    for i in range(25):
        a_child(store, f"Child {i:02d}")
    first = child_list.list_children(store, offset=0, limit=10)
    second = child_list.list_children(store, offset=10, limit=10)
    assert len(first) == 10 and len(second) == 10
    assert {r.id for r in first}.isdisjoint({r.id for r in second})


def test_placement_ending_filter(store: Store) -> None:
    from relcom_desktop.core import placements

    ids = _caseload(store)
    bea = placements.placements_for_child(store, ids["Bea"])[0].placement
    placements.update_placement(
        store, dataclasses.replace(bea, planned_end_date=TODAY + dt.timedelta(days=20))
    )
    found = child_list.list_children(store, ChildFilter(ending_within_days=60))
    assert [r.preferred_name for r in found] == ["Bea"]


def test_long_fields_are_refused_with_a_limit(store: Store) -> None:
    child = svc.Child(preferred_name="Robin", social_worker="x" * 121)
    with pytest.raises(errors.ValidationError, match="social worker's name is too long"):
        svc.create_child(store, child)
    with pytest.raises(errors.ValidationError, match="in the future"):
        svc.create_child(
            store,
            svc.Child(preferred_name="Robin", looked_after_since=TODAY + dt.timedelta(days=1)),
        )
    saved = svc.create_child(store, dataclasses.replace(child, social_worker="  Sam Oduya "))
    assert saved.social_worker == "Sam Oduya"


def test_revert_child_puts_back_an_earlier_version_exactly(store: Store) -> None:
    """Undoing an edit restores the text and its "last updated" date."""
    child = a_child(store, "Robin", about_me="I like drawing.")
    before = svc.get_child(store, child.id)
    after = svc.update_child(store, dataclasses.replace(before, about_me="I like football."))
    assert after.about_me_updated == TODAY
    undone = svc.revert_child(store, before)
    assert undone.about_me == "I like drawing."
    assert undone.about_me_updated is None
    redone = svc.revert_child(store, after)
    assert redone.about_me == "I like football." and redone.about_me_updated == TODAY


def test_archive_twice_keeps_the_first_date_and_undo_returns_the_child(store: Store) -> None:
    child = a_child(store, "Robin")
    first = svc.set_archived(store, child.id, True)
    assert first.archived
    again = svc.set_archived(store, child.id, True)
    assert again.archived_at == first.archived_at
    assert child_list.count_children(store) == 0
    assert not svc.set_archived(store, child.id, False).archived
    assert child_list.count_children(store) == 1


def test_deleted_child_is_in_the_trash_with_its_date(store: Store) -> None:
    child = a_child(store, "Robin")
    svc.delete_child(store, child.id)
    [trashed] = svc.deleted_children(store)
    assert trashed.preferred_name == "Robin" and trashed.deleted_at is not None
    with pytest.raises(errors.NotFoundError):
        svc.update_child(store, dataclasses.replace(child, about_me="lost?"))


def test_an_la_reference_held_by_a_child_in_the_trash_says_so(store: Store) -> None:
    child = a_child(store, "Robin", la_reference="LA-9")
    svc.delete_child(store, child.id)
    with pytest.raises(
        errors.ValidationError, match="Robin in the Trash already has the LA reference LA-9"
    ):
        a_child(store, "Sky", la_reference="LA-9")
    assert svc.restore_child(store, child.id).la_reference == "LA-9"


def test_purge_only_from_the_trash_and_it_is_audited(store: Store) -> None:
    from relcom_desktop.core import checkins, family
    from relcom_desktop.core.enums import AuditKind, Outcome, OutcomeRating
    from relcom_desktop.core.store import audit

    ids = _caseload(store)
    ash = ids["Ash"]
    family.create_link(store, family.FamilyLink(child_id=ash, name="Nan"))
    checkins.create_check_in(
        store,
        checkins.CheckIn(
            ash, TODAY, (checkins.OutcomeScore(Outcome.SAFE, OutcomeRating.GOING_WELL),)
        ),
    )
    with pytest.raises(errors.ValidationError, match="Trash first"):
        svc.purge_child(store, ash)
    svc.delete_child(store, ash)
    svc.purge_child(store, ash)
    assert svc.deleted_children(store) == []
    with pytest.raises(errors.NotFoundError):
        svc.restore_child(store, ash)
    event = audit.recent_events(store)[0]
    assert (event.kind, event.record_kind, event.record_id) == (AuditKind.HARD_DELETE, "child", ash)
    assert "Ash" not in event.detail
    assert [r.preferred_name for r in child_list.list_children(store)] == ["Bea", "Cal"]


def test_date_of_birth_limit_works_on_a_leap_day(store: Store, monkeypatch) -> None:
    class LeapDay(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2028, 2, 29)

    monkeypatch.setattr(svc.dt, "date", LeapDay)
    child = svc.create_child(store, svc.Child("Robin", date_of_birth=dt.date(2015, 3, 1)))
    assert child.id is not None
