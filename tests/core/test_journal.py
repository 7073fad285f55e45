"""Relationship journal: rules, linked children, follow-up actions, and the journal view."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import actions, clock, errors, preferences
from relcom_desktop.core import journal as svc
from relcom_desktop.core import journal_drafts as drafts
from relcom_desktop.core.enums import ActionStatus, JournalKind, TrustLevel
from relcom_desktop.core.journal import JournalEntry, JournalFilter
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_provider, a_setting

TODAY = clock.today()


@pytest.fixture
def ids(store: Store) -> dict[str, int]:
    p = a_provider(store)
    return {
        "provider": p.id,
        "setting": a_setting(store, p.id).id,
        "ash": a_child(store, "Ash").id,
        "bea": a_child(store, "Bea").id,
    }


def _entry(ids: dict[str, int], **kw: object) -> JournalEntry:
    values: dict = {
        "provider_id": ids["provider"],
        "occurred_on": TODAY - dt.timedelta(days=3),
        "kind": JournalKind.VISIT,
        "summary": "Visited Oak House; warm welcome",
        "trust": TrustLevel.GROWING,
    }
    values.update(kw)
    return JournalEntry(**values)


def test_entry_with_children_round_trips(store: Store, ids: dict[str, int]) -> None:
    e = svc.create_entry(store, _entry(ids, child_ids=(ids["ash"], ids["bea"], ids["ash"])))
    got = svc.get_entry(store, e.id)
    assert sorted(got.child_ids) == sorted([ids["ash"], ids["bea"]])
    assert got.trust is TrustLevel.GROWING
    edited = svc.update_entry(store, dataclasses.replace(got, child_ids=(ids["bea"],)))
    assert svc.get_entry(store, edited.id).child_ids == (ids["bea"],)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"summary": ""}, "short summary"),
        ({"provider_id": 999}, "Choose the provider"),
        ({"occurred_on": TODAY + dt.timedelta(days=1)}, "has happened"),
        ({"follow_up_on": TODAY - dt.timedelta(days=10)}, "follow-up date"),
        ({"setting_id": 999}, "does not belong"),
        ({"child_ids": (999,)}, "no longer on the caseload"),
    ],
)
def test_bad_entries_refused(
    store: Store, ids: dict[str, int], changes: dict, message: str
) -> None:
    with pytest.raises(errors.ValidationError, match=message):
        svc.create_entry(store, _entry(ids, **changes))
    assert svc.count_entries(store) == 0
    assert actions.open_actions(store) == []


def test_follow_up_creates_and_tracks_one_action(store: Store, ids: dict[str, int]) -> None:
    due = TODAY + dt.timedelta(days=7)
    e = svc.create_entry(store, _entry(ids, follow_up_on=due))
    [action] = actions.open_actions(store)
    assert action.due_on == due and action.journal_entry_id == e.id
    assert action.provider_id == ids["provider"]
    later = due + dt.timedelta(days=7)
    svc.update_entry(store, dataclasses.replace(e, follow_up_on=later))
    [action] = actions.open_actions(store)
    assert action.due_on == later
    svc.update_entry(store, dataclasses.replace(e, follow_up_on=None))
    assert actions.open_actions(store) == []
    assert actions.get_action(store, action.id).status is ActionStatus.CANCELLED


def test_journal_view_filters_and_order(store: Store, ids: dict[str, int]) -> None:
    svc.create_entry(
        store,
        _entry(
            ids,
            occurred_on=TODAY - dt.timedelta(days=30),
            kind=JournalKind.CONCERN,
            summary="Missing episode",
            child_ids=(ids["ash"],),
        ),
    )
    svc.create_entry(
        store,
        _entry(
            ids,
            summary="Praise for the new key worker",
            kind=JournalKind.PRAISE,
            body="Ash's key worker went far.",
        ),
    )
    rows = svc.list_entries(store)
    assert [r.summary for r in rows] == ["Praise for the new key worker", "Missing episode"]
    assert rows[0].provider_name == "Willowbank Care (Demo) Ltd"

    def summaries(**kw: object) -> list[str]:
        return [r.summary for r in svc.list_entries(store, JournalFilter(**kw))]

    assert summaries(kind=JournalKind.CONCERN) == ["Missing episode"]
    assert summaries(child_id=ids["ash"]) == ["Missing episode"]
    assert summaries(text="far") == ["Praise for the new key worker"]
    assert summaries(date_from=TODAY - dt.timedelta(days=5)) == ["Praise for the new key worker"]
    assert summaries(date_to=TODAY - dt.timedelta(days=5)) == ["Missing episode"]
    assert svc.count_entries(store, JournalFilter(provider_id=ids["provider"])) == 2


def test_delete_and_restore_entry(store: Store, ids: dict[str, int]) -> None:
    e = svc.create_entry(store, _entry(ids))
    svc.delete_entry(store, e.id)
    assert svc.count_entries(store) == 0
    svc.restore_entry(store, e.id)
    assert svc.count_entries(store) == 1


def test_deleting_an_entry_takes_its_follow_up_with_it(store: Store, ids: dict[str, int]) -> None:
    e = svc.create_entry(store, _entry(ids, follow_up_on=TODAY + dt.timedelta(days=7)))
    svc.delete_entry(store, e.id)
    assert actions.open_actions(store) == []
    svc.restore_entry(store, e.id)
    [action] = actions.open_actions(store)
    assert action.journal_entry_id == e.id


def test_a_follow_up_about_one_child_is_linked_to_that_child(
    store: Store, ids: dict[str, int]
) -> None:
    svc.create_entry(
        store, _entry(ids, follow_up_on=TODAY, child_ids=(ids["ash"],), summary="About Ash")
    )
    svc.create_entry(
        store,
        _entry(ids, follow_up_on=TODAY, child_ids=(ids["ash"], ids["bea"]), summary="Both"),
    )
    assert [a.title for a in actions.open_actions(store, child_id=ids["ash"])] == [
        "Follow up: About Ash"
    ]


def test_list_rows_and_the_full_view_name_the_children(store: Store, ids: dict[str, int]) -> None:
    e = svc.create_entry(
        store, _entry(ids, setting_id=ids["setting"], child_ids=(ids["bea"], ids["ash"]))
    )
    [row] = svc.list_entries(store, JournalFilter(child_id=ids["bea"]))
    assert row.children == "Ash, Bea"
    view = svc.entry_view(store, e.id)
    assert view.children == ("Ash", "Bea") and view.setting_name == "Willowbank House"
    assert view.provider_name == "Willowbank Care (Demo) Ltd"


def test_a_draft_survives_until_saved_or_discarded(store: Store, ids: dict[str, int]) -> None:
    assert drafts.load_draft(store) is None
    draft = drafts.JournalDraft(
        provider_id=ids["provider"],
        occurred_on=TODAY,
        kind=JournalKind.CALL,
        summary="Half-typed call note",
        body="They said",
        trust=TrustLevel.STEADY,
        child_ids=(ids["ash"], ids["bea"]),
    )
    drafts.save_draft(store, draft)
    got = drafts.load_draft(store)
    assert got is not None and got.saved_at is not None
    assert dataclasses.replace(got, saved_at=None) == draft
    drafts.save_draft(store, dataclasses.replace(draft, summary=" ", body=""))
    assert drafts.load_draft(store) is None  # nothing worth keeping
    drafts.save_draft(store, draft)
    drafts.clear_draft(store)
    assert drafts.load_draft(store) is None


def test_an_unreadable_draft_is_ignored(store: Store) -> None:
    preferences.put(store, preferences.JOURNAL_DRAFT, {"summary": "x", "kind": "nonsense"})
    assert drafts.load_draft(store) is None
    preferences.put(store, preferences.JOURNAL_DRAFT, "not a draft")
    assert drafts.load_draft(store) is None
