"""Full-text search: kept in step on every write, ranked, highlighted, never crashed by input."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relcom_desktop.core import (
    actions,
    checkins,
    children,
    clock,
    family,
    journal,
    meetings,
    providers,
    reflection,
    search,
)
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import JournalKind, LearningChange, ProviderReportKind
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_provider, a_setting

TODAY = clock.today()


def kinds_found(store: Store, query: str) -> set[tuple[str, int]]:
    return {(h.kind, h.record_id) for h in search.search(store, query)}


def test_child_found_after_create_edit_and_gone_after_delete(store: Store) -> None:
    child = a_child(store, "Zephyrine", about_me="I love trampolining.")
    assert ("child", child.id) in kinds_found(store, "zephyr")
    assert ("child", child.id) in kinds_found(store, "trampolining")
    children.update_child(store, dataclasses.replace(child, about_me="I love kayaking."))
    assert kinds_found(store, "trampolining") == set()
    assert ("child", child.id) in kinds_found(store, "kayak")
    children.delete_child(store, child.id)
    assert kinds_found(store, "zephyrine") == set()
    children.restore_child(store, child.id)
    assert ("child", child.id) in kinds_found(store, "zephyrine")


def test_every_kind_is_searchable(store: Store) -> None:
    child = a_child(store, "Robin")
    provider = a_provider(store, "Quillfeather Care (Demo) Ltd")
    setting = a_setting(store, provider.id, "Marigold House", urn="SC424242")
    link = family.create_link(
        store, family.FamilyLink(child_id=child.id, name="Nan Petunia", notes="bakes scones")
    )
    ci = checkins.create_check_in(
        store, checkins.CheckIn(child_id=child.id, held_on=TODAY, child_view="I feel wobbly")
    )
    entry = journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=provider.id,
            occurred_on=TODAY,
            kind=JournalKind.VISIT,
            summary="Negotiated respite",
            body="Agreed extra gymnastics sessions",
        ),
    )
    mt = meetings.create_meeting(
        store, meetings.Meeting(title="Sufficiency workshop", starts_at=dt.datetime(2026, 1, 5, 9))
    )
    with store.write() as session:
        session.add(m.AgendaItem(meeting_id=mt.id, title="Brambleford capacity", notes="x"))
        session.add(m.Decision(meeting_id=mt.id, text="Commission saxophone lessons"))
        session.add(
            m.ProviderReport(
                setting_id=setting.id,
                kind=ProviderReportKind.REG44,
                received_on=TODAY,
                summary="Reg44 visit: xylophone room",
            )
        )
    action = actions.create_action(store, actions.Action(title="Chase quokka referral"))
    refl = reflection.create_reflection(
        store,
        reflection.Reflection(
            written_on=TODAY,
            what_learned="Listening to carers",
            changes=(LearningChange.COLLEGIALITY,),
        ),
    )
    expected = {
        "petunia": ("family_link", link.id),
        "wobbly": ("check_in", ci.id),
        "quillfeather": ("provider", provider.id),
        "SC424242": ("setting", setting.id),
        "gymnastics": ("journal_entry", entry.id),
        "sufficiency": ("meeting", mt.id),
        "saxophone": ("decision", None),
        "brambleford": ("agenda_item", None),
        "xylophone": ("provider_report", None),
        "quokka": ("action", action.id),
        "listening": ("reflection", refl.id),
    }
    for word, (kind, record_id) in expected.items():
        hits = search.search(store, word)
        assert [h.kind for h in hits] == [kind], word
        if record_id is not None:
            assert hits[0].record_id == record_id
    decision = search.search(store, "saxophone")[0]
    assert (decision.open_kind, decision.open_id) == ("meeting", mt.id)
    assert search.search(store, "wobbly")[0].open_id == child.id


def test_deleting_a_parent_hides_its_children(store: Store) -> None:
    child = a_child(store, "Robin")
    family.create_link(store, family.FamilyLink(child_id=child.id, name="Uncle Fennimore"))
    children.delete_child(store, child.id)
    assert search.search(store, "fennimore") == []
    children.restore_child(store, child.id)
    assert len(search.search(store, "fennimore")) == 1


def test_snippet_highlights_the_term_and_ranking(store: Store) -> None:
    provider = a_provider(store)
    for summary, body in (
        ("Call", "we talked about respite and more respite"),
        ("Respite plan agreed", "short note"),
    ):
        journal.create_entry(
            store,
            journal.JournalEntry(
                provider_id=provider.id,
                occurred_on=TODAY,
                kind=JournalKind.CALL,
                summary=summary,
                body=body,
            ),
        )
    hits = search.search(store, "resp")
    assert hits[0].title.startswith(search.HIT_START)  # a title match ranks first
    assert hits[0].plain("title", ("[", "]")) == "[Respite] plan agreed"
    assert "[respite]" in hits[1].plain("snippet", ("[", "]"))
    assert (hits[1].segments()[1]) == ("respite", True)


def test_filters_by_kind_and_date(store: Store) -> None:
    provider = a_provider(store, "Larkspur Homes")
    journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=provider.id,
            occurred_on=TODAY - dt.timedelta(days=40),
            kind=JournalKind.CALL,
            summary="Larkspur call",
        ),
    )
    assert {h.kind for h in search.search(store, "larkspur")} == {"provider", "journal_entry"}
    assert [h.kind for h in search.search(store, "larkspur", kinds=("provider",))] == ["provider"]
    recent = search.search(store, "larkspur", date_from=TODAY - dt.timedelta(days=7))
    assert recent == []
    older = search.search(store, "larkspur", date_to=TODAY - dt.timedelta(days=7))
    assert [h.kind for h in older] == ["journal_entry"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unbalanced',
        "a*",
        "*",
        "NEAR(a b)",
        "a AND",
        "OR",
        "((x",
        ")",
        "^",
        "-",
        "🦔🦔",
        "col:val",
        "{title}: x",
        "\x00",
        "",
        "   ",
        "a" * 10_000,
        "résumé ﬁsh",
    ],
)
def test_odd_input_never_raises(store: Store, query: str) -> None:
    a_child(store, "Robin")
    assert isinstance(search.search(store, query), list)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=200))
def test_any_text_never_raises(store: Store, query: str) -> None:
    assert isinstance(search.search(store, query), list)


def test_rebuild_gives_the_same_results(store: Store) -> None:
    a_child(store, "Robin", about_me="I like owls")
    before = search.search(store, "owls")
    search.rebuild(store)
    assert search.search(store, "owls") == before


def test_provider_names_found_by_prefix_while_typing(store: Store) -> None:
    p = providers.create_provider(store, providers.Provider(name="Thistlecombe Trust"))
    for typed in ("th", "thi", "thistle", "thistlecombe tr"):
        assert ("provider", p.id) in kinds_found(store, typed)
