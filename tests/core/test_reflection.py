"""The learning log (tags, links, filters, counts) and the self-assessment history."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import clock, errors, journal, meetings
from relcom_desktop.core import reflection as svc
from relcom_desktop.core.enums import JournalKind, LearningChange, PracticeShift
from relcom_desktop.core.reflection import (
    Reflection,
    ReflectionFilter,
    SelfAssessment,
    ShiftPosition,
)
from relcom_desktop.core.reflection_links import links_for
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_provider

C = LearningChange
S = PracticeShift
D = dt.date


def _reflect(store: Store, on: D, *changes: LearningChange, **kw: object) -> Reflection:
    text = kw.pop("text", "The home knew Ash better than the file did.")
    return svc.create_reflection(
        store, Reflection(written_on=on, changes=changes, what_learned=str(text), **kw)
    )


def test_tags_are_kept_in_the_nine_changes_order_without_repeats(store: Store) -> None:
    r = _reflect(store, D(2025, 1, 3), C.AUDITING, C.PRODUCT_TO_LEARNING, C.AUDITING)
    assert svc.get_reflection(store, r.id).changes == (C.PRODUCT_TO_LEARNING, C.AUDITING)
    edited = svc.update_reflection(store, dataclasses.replace(r, changes=(C.COLLEGIALITY,)))
    assert svc.get_reflection(store, edited.id).changes == (C.COLLEGIALITY,)


def test_a_reflection_needs_words_a_tag_a_real_link_and_no_future_date(store: Store) -> None:
    with pytest.raises(errors.ValidationError, match="Write something"):
        svc.create_reflection(store, Reflection(D(2025, 1, 1), (C.AUDITING,), "  ", "", " "))
    with pytest.raises(errors.ValidationError, match="at least one of the nine"):
        svc.create_reflection(store, Reflection(D(2025, 1, 1), (), what_learned="x"))
    with pytest.raises(errors.ValidationError, match=r"journal entry .* no longer exists"):
        _reflect(store, D(2025, 1, 1), C.AUDITING, journal_entry_id=404)
    with pytest.raises(errors.ValidationError, match="future"):
        _reflect(store, clock.today() + dt.timedelta(days=1), C.AUDITING)
    assert svc.count_reflections(store) == 0  # nothing half-written


def test_the_log_filters_by_change_period_text_and_record(store: Store) -> None:
    ash = a_child(store, "Ash")
    early = _reflect(store, D(2025, 1, 10), C.COLLEGIALITY, text="Met the other commissioners")
    middle = _reflect(store, D(2025, 3, 1), C.AUDITING, C.COLLEGIALITY, child_id=ash.id)
    late = _reflect(store, D(2025, 6, 30), C.AUDITING, text="Audit showed 100% compliance")
    svc.delete_reflection(store, _reflect(store, D(2025, 4, 1), C.AUDITING).id)

    def ids(**kw: object) -> list[int]:
        return [row.id for row in svc.list_reflections(store, ReflectionFilter(**kw))]

    assert ids() == [late.id, middle.id, early.id]  # newest first, Trash left out
    assert ids(change=C.AUDITING) == [late.id, middle.id]
    assert ids(change=C.COLLEGIALITY, date_from=D(2025, 2, 1)) == [middle.id]
    assert ids(date_from=D(2025, 1, 10), date_to=D(2025, 3, 1)) == [middle.id, early.id]
    assert ids(text="100%") == [late.id]  # LIKE wildcards are taken literally
    assert ids(text="commissioners") == [early.id]
    assert ids(child_id=ash.id) == [middle.id]
    assert svc.count_reflections(store, ReflectionFilter(change=C.AUDITING)) == 2
    page = svc.list_reflections(store, oldest_first=True, offset=1, limit=1)
    assert [row.id for row in page] == [middle.id]
    assert page[0].reflection.changes == (C.COLLEGIALITY, C.AUDITING)


def test_counts_per_change_show_the_gaps(store: Store) -> None:
    _reflect(store, D(2025, 1, 10), C.COLLEGIALITY, C.AUDITING)
    _reflect(store, D(2025, 2, 10), C.COLLEGIALITY)
    _reflect(store, D(2024, 12, 31), C.REWARDING)  # before the period
    svc.delete_reflection(store, _reflect(store, D(2025, 2, 11), C.REWARDING).id)
    counts = svc.reflection_counts(store, D(2025, 1, 1), D(2025, 12, 31))
    assert [c.change for c in counts] == list(LearningChange)
    assert {c.change: c.count for c in counts if c.count} == {C.COLLEGIALITY: 2, C.AUDITING: 1}
    assert sum(c.count == 0 for c in counts) == 7
    assert {c.change: c.count for c in svc.reflection_counts(store) if c.count}[C.REWARDING] == 1


def test_reflecting_on_a_journal_entry_links_it_its_provider_and_its_one_child(
    store: Store,
) -> None:
    provider, ash = a_provider(store), a_child(store, "Ash")
    entry = journal.create_entry(
        store,
        journal.JournalEntry(
            provider_id=provider.id,
            occurred_on=D(2025, 3, 3),
            kind=JournalKind.CONCERN,
            summary="Missed contact with Ash's sister",
            child_ids=(ash.id,),
        ),
    )
    draft = svc.reflection_for(store, "journal_entry", entry.id, D(2025, 3, 4))
    assert (draft.journal_entry_id, draft.provider_id, draft.child_id) == (
        entry.id,
        provider.id,
        ash.id,
    )
    links = links_for(store, draft)
    assert links.labelled == [
        ("Journal entry", "Missed contact with Ash's sister (concern, 3 Mar 2025)"),
        ("Provider", provider.name),
        ("Child", "Ash"),
    ]
    saved = svc.create_reflection(
        store, dataclasses.replace(draft, changes=(C.DISCUSSION,), what_happened="Talked it over")
    )
    [row] = svc.list_reflections(store, ReflectionFilter(provider_id=provider.id))
    assert row.id == saved.id and row.about.startswith("Journal entry: Missed contact")


def test_reflecting_on_a_meeting_links_one_child_but_not_several_providers(
    store: Store,
) -> None:
    ash, one, two = a_child(store, "Ash"), a_provider(store, "One Ltd"), a_provider(store, "Two")
    detail = meetings.save_meeting(
        store,
        meetings.MeetingDetail(
            meetings.Meeting(title="Sufficiency workshop", starts_at=dt.datetime(2025, 5, 1, 10)),
            child_ids=(ash.id,),
            provider_ids=(one.id, two.id),
        ),
    )
    draft = svc.reflection_for(store, "meeting", detail.meeting.id, D(2025, 5, 2))
    assert (draft.meeting_id, draft.child_id, draft.provider_id) == (
        detail.meeting.id,
        ash.id,
        None,
    )
    assert links_for(store, draft).text == "Meeting: Sufficiency workshop (1 May 2025) · Ash"
    meetings.delete_meeting(store, detail.meeting.id)
    with pytest.raises(errors.NotFoundError):
        svc.reflection_for(store, "meeting", detail.meeting.id, D(2025, 5, 2))


def _assess(store: Store, on: D, positions: dict[PracticeShift, int], **kw: str) -> SelfAssessment:
    return svc.create_assessment(
        store,
        SelfAssessment(
            on, tuple(ShiftPosition(s, p, kw.get(s.value, "")) for s, p in positions.items())
        ),
    )


def test_self_assessment_history_per_shift(store: Store) -> None:
    first = _assess(store, D(2024, 6, 1), {S.ENABLER: 3, S.CHILD_FOCUS: 4})
    _assess(store, D(2025, 6, 1), {S.CHILD_FOCUS: 6, S.ENABLER: 5}, enabler=" Offered help ")
    removed = _assess(store, D(2025, 7, 1), {S.ENABLER: 9})
    svc.delete_assessment(store, removed.id)
    history = {h.shift: h for h in svc.shift_history(store)}
    assert list(history) == list(PracticeShift)  # all eight, even those never placed
    assert [(p.on, p.position) for p in history[S.ENABLER].points] == [
        (D(2024, 6, 1), 3),
        (D(2025, 6, 1), 5),
    ]
    assert history[S.ENABLER].latest.evidence == "Offered help"
    assert history[S.CONVENOR].points == () and history[S.CONVENOR].latest is None
    recent = {h.shift: h for h in svc.shift_history(store, date_from=D(2025, 1, 1))}
    assert [p.position for p in recent[S.CHILD_FOCUS].points] == [6]
    assert [a.id for a in svc.list_assessments(store, date_to=D(2024, 12, 31))] == [first.id]
    assert svc.get_assessment(store, first.id).position_of(S.CHILD_FOCUS).position == 4
    svc.restore_assessment(store, removed.id)
    assert len(svc.list_assessments(store)) == 3


def test_a_self_assessment_is_checked_before_it_is_saved(store: Store) -> None:
    with pytest.raises(errors.ValidationError, match="at least one"):
        svc.create_assessment(store, SelfAssessment(D(2025, 1, 1)))
    with pytest.raises(errors.ValidationError, match="only once"):
        svc.create_assessment(
            store,
            SelfAssessment(
                D(2025, 1, 1), (ShiftPosition(S.ENABLER, 1), ShiftPosition(S.ENABLER, 2))
            ),
        )
    with pytest.raises(errors.ValidationError, match="0 to 10"):
        _assess(store, D(2025, 1, 1), {S.ENABLER: -1})
    assert svc.list_assessments(store) == []


def test_shift_poles() -> None:
    assert svc.shift_poles(S.CHILD_FOCUS) == ("Care focus", "child/children focus")
    assert all(all(svc.shift_poles(s)) for s in PracticeShift)
