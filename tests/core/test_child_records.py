"""Family links, check-ins and placement reviews."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relcom_desktop.core import checkins, clock, errors, family, reviews
from relcom_desktop.core.checkins import CheckIn, OutcomeScore
from relcom_desktop.core.enums import (
    ContactArrangement,
    LinkImportance,
    Outcome,
    OutcomeRating,
    QualityStandard,
    StandardRating,
)
from relcom_desktop.core.reviews import PlacementReview, StandardEvidence
from relcom_desktop.core.store.db import Store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

TODAY = clock.today()


def test_family_links_and_contact_reminder(store: Store) -> None:
    child = a_child(store)
    gran = family.create_link(
        store,
        family.FamilyLink(
            child_id=child.id,
            name="Nan Thistlecombe",
            importance=LinkImportance.HIGH,
            contact_arrangement=ContactArrangement.MONTHLY_UNSUPERVISED,
            last_contact=TODAY - dt.timedelta(days=70),
        ),
    )
    family.create_link(
        store,
        family.FamilyLink(child_id=child.id, name="Football club", importance=LinkImportance.LOW),
    )
    family.create_link(
        store,
        family.FamilyLink(
            child_id=child.id,
            name="Dad",
            contact_arrangement=ContactArrangement.NONE,
            importance=LinkImportance.HIGH,
        ),
    )
    links = family.links_of(store, child.id)
    assert [x.name for x in links] == ["Dad", "Nan Thistlecombe", "Football club"]
    # No contact is expected with Dad, and the club matters less: only Nan is a reminder.
    assert family.links_needing_contact(links, TODAY, days=60) == [gran]
    assert family.links_needing_contact(links, TODAY, days=90) == []
    with pytest.raises(errors.ValidationError, match="future"):
        family.update_link(store, dataclasses.replace(gran, last_contact=TODAY + dt.timedelta(1)))
    with pytest.raises(errors.ValidationError, match="name"):
        family.create_link(store, family.FamilyLink(child_id=child.id, name=""))
    family.delete_link(store, gran.id)
    assert len(family.links_of(store, child.id)) == 2
    family.restore_link(store, gran.id)
    assert len(family.links_of(store, child.id)) == 3


def test_check_in_round_trip_and_series(store: Store) -> None:
    child = a_child(store)
    first = checkins.create_check_in(
        store,
        CheckIn(
            child_id=child.id,
            held_on=TODAY - dt.timedelta(days=60),
            scores=(OutcomeScore(Outcome.HAPPY, OutcomeRating.SOME_CONCERN, " Quiet at school "),),
            child_view="It's ok here.",
        ),
    )
    checkins.create_check_in(
        store,
        CheckIn(
            child_id=child.id,
            held_on=TODAY,
            scores=tuple(OutcomeScore(o, OutcomeRating.GOING_WELL) for o in Outcome),
        ),
    )
    got = checkins.get_check_in(store, first.id)
    assert got.score(Outcome.HAPPY).evidence == "Quiet at school"
    assert got.score(Outcome.LOVED).rating is None
    history = checkins.check_ins_of(store, child.id)
    assert [c.held_on for c in history] == [TODAY, TODAY - dt.timedelta(days=60)]
    series = checkins.outcome_series(history)
    assert series[Outcome.HAPPY] == [(TODAY - dt.timedelta(days=60), 2), (TODAY, 4)]
    edited = checkins.update_check_in(store, dataclasses.replace(got, scores=()))
    assert edited.scores == ()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"held_on": TODAY + dt.timedelta(days=1)}, "today or earlier"),
        ({"scores": (), "child_view": ""}, "at least one"),
        ({"scores": (OutcomeScore(Outcome.SAFE, OutcomeRating.GOING_WELL),) * 2}, "only once"),
        ({"child_id": 999}, "Choose the child"),
    ],
)
def test_bad_check_ins_refused(store: Store, changes: dict, message: str) -> None:
    child = a_child(store)
    base = CheckIn(
        child_id=child.id,
        held_on=TODAY,
        scores=(OutcomeScore(Outcome.SAFE, OutcomeRating.GOING_WELL),),
    )
    with pytest.raises(errors.ValidationError, match=message):
        checkins.create_check_in(store, dataclasses.replace(base, **changes))
    assert checkins.check_ins_of(store, child.id) == []


def test_placement_review(store: Store) -> None:
    child = a_child(store)
    setting = a_setting(store, a_provider(store).id)
    p = a_placement(store, child.id, setting.id, TODAY - dt.timedelta(days=200))
    review = reviews.create_review(
        store,
        PlacementReview(
            placement_id=p.id,
            held_on=TODAY,
            standards=(
                StandardEvidence(QualityStandard.EDUCATION, StandardRating.PARTLY_MET, "PEP late"),
                StandardEvidence(QualityStandard.QUALITY_AND_PURPOSE, StandardRating.MET),
            ),
        ),
    )
    [got] = reviews.reviews_of_child(store, child.id)
    assert [s.standard for s in got.standards] == [
        QualityStandard.QUALITY_AND_PURPOSE,
        QualityStandard.EDUCATION,
    ]
    assert got.for_standard(QualityStandard.EDUCATION).evidence == "PEP late"
    assert got.for_standard(QualityStandard.HEALTH).rating is None
    with pytest.raises(errors.ValidationError, match="before the placement started"):
        reviews.update_review(
            store, dataclasses.replace(review, held_on=TODAY - dt.timedelta(days=365))
        )
    with pytest.raises(errors.ValidationError, match="only once"):
        reviews.update_review(
            store,
            dataclasses.replace(review, standards=(StandardEvidence(QualityStandard.HEALTH),) * 2),
        )


def test_ratings_must_come_from_the_named_scales(store: Store) -> None:
    child = a_child(store)
    with pytest.raises(errors.ValidationError, match="serious concern, some concern"):
        checkins.create_check_in(
            store,
            CheckIn(child.id, TODAY, (OutcomeScore(Outcome.SAFE, 7),)),  # type: ignore[arg-type]
        )
    saved = checkins.create_check_in(
        store,
        CheckIn(child.id, TODAY, (OutcomeScore(Outcome.SAFE, 3),)),  # type: ignore[arg-type]
    )
    assert saved.score(Outcome.SAFE).rating is OutcomeRating.MOSTLY_WELL
    setting = a_setting(store, a_provider(store).id)
    p = a_placement(store, child.id, setting.id, TODAY - dt.timedelta(days=30))
    with pytest.raises(errors.ValidationError, match="not met, partly met, met, met well"):
        reviews.create_review(
            store,
            PlacementReview(p.id, TODAY, (StandardEvidence(QualityStandard.HEALTH, 0),)),  # type: ignore[arg-type]
        )


def test_a_check_in_needs_a_child_who_was_born(store: Store) -> None:
    child = a_child(store, date_of_birth=TODAY - dt.timedelta(days=10))
    with pytest.raises(errors.ValidationError, match="before the child was born"):
        checkins.create_check_in(
            store, CheckIn(child.id, TODAY - dt.timedelta(days=11), child_view="Hello")
        )


def test_reviews_belong_within_the_placement(store: Store) -> None:
    child = a_child(store)
    setting = a_setting(store, a_provider(store).id)
    start, end = TODAY - dt.timedelta(days=300), TODAY - dt.timedelta(days=100)
    old = a_placement(store, child.id, setting.id, start, end)
    now = a_placement(store, child.id, setting.id, end)
    rated = (StandardEvidence(QualityStandard.HEALTH, StandardRating.MET),)
    with pytest.raises(errors.ValidationError, match="after the placement ended"):
        reviews.create_review(store, PlacementReview(old.id, end + dt.timedelta(days=1), rated))
    with pytest.raises(errors.ValidationError, match="at least one standard"):
        reviews.create_review(
            store, PlacementReview(now.id, TODAY, (StandardEvidence(QualityStandard.HEALTH),))
        )
    first = reviews.create_review(store, PlacementReview(old.id, end, rated))
    second = reviews.create_review(store, PlacementReview(now.id, TODAY, rated, " Settled "))
    everything = reviews.reviews_of_child(store, child.id)
    assert [r.id for r in everything] == [second.id, first.id]
    assert reviews.reviews_of_placement(everything, now.id) == [second]
    assert second.summary == "Settled"


def test_editing_ratings_keeps_one_row_per_outcome_and_standard(store: Store) -> None:
    """Changing an existing rating (the usual edit) must not trip the one-per-kind rule."""
    child = a_child(store)
    first = checkins.create_check_in(
        store,
        CheckIn(
            child.id, TODAY, tuple(OutcomeScore(o, OutcomeRating.MOSTLY_WELL) for o in Outcome)
        ),
    )
    changed = tuple(
        OutcomeScore(s.outcome, OutcomeRating.GOING_WELL, "better") for s in first.scores[:3]
    )
    checkins.update_check_in(store, dataclasses.replace(first, scores=changed))
    got = checkins.get_check_in(store, first.id)
    assert [s.rating for s in got.scores] == [OutcomeRating.GOING_WELL] * 3
    p = a_placement(store, child.id, a_setting(store, a_provider(store).id).id, TODAY)
    review = reviews.create_review(
        store,
        PlacementReview(
            p.id, TODAY, tuple(StandardEvidence(s, StandardRating.MET) for s in QualityStandard)
        ),
    )
    edited = tuple(dataclasses.replace(s, rating=StandardRating.MET_WELL) for s in review.standards)
    reviews.update_review(store, dataclasses.replace(review, standards=edited[1:]))
    again = reviews.get_review(store, review.id)
    assert len(again.standards) == 8
    assert {s.rating for s in again.standards} == {StandardRating.MET_WELL}
