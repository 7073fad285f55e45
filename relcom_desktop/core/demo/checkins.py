"""Check-ins (the seven outcomes) and placement reviews (the nine Quality Standards)."""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core.demo import texts, voice
from relcom_desktop.core.demo.sink import stamp
from relcom_desktop.core.demo.world import ChildInfo, PlacementInfo, Record, World, clamp
from relcom_desktop.core.enums import Outcome, OutcomeRating, QualityStandard, StandardRating

CHECK_IN_NOTES = (
    "Saw {name} at home after school.",
    "Phone check-in with the carer, then a video call with {name}.",
    "Visited with the social worker; {name} showed us their room.",
    "Spoke to {name} on the way to football.",
)
REVIEW_DAYS = 182


def add_check_ins(w: World, child: ChildInfo, quiet: bool) -> None:
    busiest = child.id == w.children[0].id
    low, high = (4, 4) if busiest else w.scale.checkin_weeks
    day = max(child.care_start + dt.timedelta(days=14), w.start)
    last = child.care_end or w.today
    if quiet:
        last = min(last, w.ago(w.rng.randint(95, 200)))
    offsets = {outcome: w.rng.uniform(-0.6, 0.6) for outcome in Outcome}
    while day <= last:
        placement = child.placement_on(day)
        if placement is not None:
            _add_check_in(w, child, placement, day, offsets)
        day += dt.timedelta(days=7 * w.rng.randint(low, high) + w.rng.randint(-3, 3))
    for placement in child.placements:
        _add_reviews(w, child, placement)


def _add_check_in(
    w: World,
    child: ChildInfo,
    placement: PlacementInfo,
    day: dt.date,
    offsets: dict[Outcome, float],
) -> None:
    check_in_id = w.sink.new_id("check_in")
    link = w.rng.choice(child.family) if child.family else "my family"
    w.sink.add(
        "check_in",
        {
            "id": check_in_id,
            "child_id": child.id,
            "held_on": day,
            "child_view": voice.child_view(w.rng, child.preferred, child.age_on(day), link),
            "notes": w.rng.choice(CHECK_IN_NOTES).format(name=child.preferred),
            **stamp(day, check_in_id),
        },
    )
    base = child.wellbeing + placement.quality
    for outcome in Outcome:
        rating = clamp(base + offsets[outcome] + w.rng.uniform(-0.7, 0.7), 1, 4)
        good, concern = texts.OUTCOME_EVIDENCE[outcome]
        evidence = w.rng.choice(good if rating >= 3 else concern)
        w.sink.add(
            "check_in_outcome",
            {
                "id": w.sink.new_id("check_in_outcome"),
                "check_in_id": check_in_id,
                "outcome": outcome,
                "rating": OutcomeRating(rating),
                "evidence": evidence.format(name=child.preferred),
            },
        )
    w.check_ins.append(Record(check_in_id, day, (child.id,), (placement.setting.provider_id,)))


def _add_reviews(w: World, child: ChildInfo, placement: PlacementInfo) -> None:
    day = placement.start + dt.timedelta(days=28)
    last = placement.end or w.today
    while day <= last:
        if day >= w.start:
            _add_review(w, child, placement, day)
        day += dt.timedelta(days=REVIEW_DAYS + w.rng.randint(-14, 14))


def _add_review(w: World, child: ChildInfo, placement: PlacementInfo, day: dt.date) -> None:
    review_id = w.sink.new_id("placement_review")
    w.sink.add(
        "placement_review",
        {
            "id": review_id,
            "placement_id": placement.id,
            "held_on": day,
            "summary": w.rng.choice(texts.REVIEW_SUMMARIES).format(name=child.preferred),
            **stamp(day, review_id),
        },
    )
    base = (child.wellbeing + placement.setting.judgement_score) / 2 + placement.quality
    for standard in QualityStandard:
        rating = clamp(base + w.rng.uniform(-0.8, 0.8), 1, 4)
        good, concern = texts.STANDARD_EVIDENCE[standard]
        w.sink.add(
            "placement_review_standard",
            {
                "id": w.sink.new_id("placement_review_standard"),
                "review_id": review_id,
                "standard": standard,
                "rating": StandardRating(rating),
                "evidence": (good if rating >= 3 else concern).format(name=child.preferred),
            },
        )
    provider_id = placement.setting.provider_id
    w.reviews.append(Record(review_id, day, (child.id,), (provider_id,)))
