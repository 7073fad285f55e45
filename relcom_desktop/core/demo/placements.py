"""A child's run of placements: contiguous, non-overlapping, the last one open if in care."""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core.demo import texts
from relcom_desktop.core.demo.sink import stamp
from relcom_desktop.core.demo.world import ChildInfo, PlacementInfo, SettingInfo, World, add_years
from relcom_desktop.core.enums import SettingType
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementType, ReasonEpisodeCeased

ST = SettingType
PT = PlacementType
MIN_DAYS = 45
AGE_TYPES: tuple[tuple[int, dict[SettingType, int]], ...] = (
    (1, {ST.FAMILY_CENTRE: 15, ST.LA_FOSTERING: 45, ST.FOSTERING_AGENCY: 40}),
    (
        11,
        {
            ST.LA_FOSTERING: 47,
            ST.FOSTERING_AGENCY: 43,
            ST.RESIDENTIAL_SCHOOL: 3,
            ST.CHILDRENS_HOME: 7,
        },
    ),
    (
        16,
        {
            ST.CHILDRENS_HOME: 45,
            ST.FOSTERING_AGENCY: 24,
            ST.LA_FOSTERING: 20,
            ST.RESIDENTIAL_SCHOOL: 7,
            ST.SECURE_HOME: 4,
        },
    ),
    (
        99,
        {
            ST.SUPPORTED_ACCOMMODATION: 45,
            ST.CHILDRENS_HOME: 35,
            ST.FOSTERING_AGENCY: 10,
            ST.LA_FOSTERING: 10,
        },
    ),
)
FALLBACK = (ST.LA_FOSTERING, ST.FOSTERING_AGENCY, ST.CHILDRENS_HOME)
FEES_GBP: dict[SettingType, tuple[int, int]] = {
    ST.CHILDRENS_HOME: (4000, 9000),
    ST.SECURE_HOME: (7000, 12000),
    ST.FOSTERING_AGENCY: (700, 1200),
    ST.LA_FOSTERING: (350, 600),
    ST.SUPPORTED_ACCOMMODATION: (1500, 3500),
    ST.RESIDENTIAL_SCHOOL: (3000, 7000),
    ST.FAMILY_CENTRE: (2500, 5000),
    ST.OTHER: (1000, 3000),
}
FIXED_TYPES = {
    ST.CHILDRENS_HOME: PT.K2,
    ST.SECURE_HOME: PT.K1,
    ST.SUPPORTED_ACCOMMODATION: PT.H5,
    ST.RESIDENTIAL_SCHOOL: PT.S1,
    ST.FAMILY_CENTRE: PT.R3,
    ST.OTHER: PT.Z1,
}
FOSTER_TYPES = {
    ST.FOSTERING_AGENCY: ((PT.U4, 50), (PT.U6, 45), (PT.U5, 5)),
    ST.LA_FOSTERING: ((PT.U1, 12), (PT.U3, 13), (PT.U4, 35), (PT.U6, 40)),
}


def _count(w: World, child: ChildInfo, index: int, days: int) -> int:
    if index == 0:
        return w.scale.busiest_child_placements
    mean = 1.1 * w.scale.placements / w.scale.children
    count, most = 1, max(3, w.scale.busiest_child_placements - 2)
    while count < most and w.rng.random() > 1 / mean:
        count += 1
    return max(1, min(count, days // MIN_DAYS))


def _split(w: World, start: dt.date, end: dt.date, count: int) -> list[dt.date]:
    """``count + 1`` boundaries from ``start`` to ``end``, segments of similar length."""
    weights = [w.rng.uniform(0.5, 1.5) for _ in range(count)]
    days, total, bounds, running = (end - start).days, sum(weights), [start], 0.0
    for weight in weights[:-1]:
        running += weight
        bounds.append(start + dt.timedelta(days=round(days * running / total)))
    return [*bounds, end]


def _pick_setting(w: World, age: int) -> SettingInfo:
    choices = next(types for top, types in AGE_TYPES if age < top)
    kinds = [kind for kind in choices if w.settings.get(kind)]
    if kinds:
        kind = w.rng.choices(kinds, [choices[k] for k in kinds])[0]
    else:
        kind = next(k for k in FALLBACK if w.settings.get(k))
    return w.rng.choice(w.settings[kind])


def _forced_setting(w: World, index: int) -> SettingInfo | None:
    """The second child lives in the troubled provider's Inadequate home."""
    return w.providers[1].settings[0] if index == 1 else None


def add_history(w: World, child: ChildInfo, index: int, status: LegalStatus) -> None:
    end = child.care_end or w.today
    count = _count(w, child, index, (end - child.care_start).days)
    bounds = _split(w, child.care_start, end, count)
    for position in range(count):
        last = position == count - 1
        forced = _forced_setting(w, index) if last else None
        setting = forced or _pick_setting(w, child.age_on(bounds[position]))
        stop = None if last and child.care_end is None else bounds[position + 1]
        _add_placement(w, child, setting, bounds[position], stop, last, index, status)


def _fee(w: World, kind: SettingType, start: dt.date) -> int:
    low, high = FEES_GBP[kind]
    pounds = w.rng.randint(low // 5, high // 5) * 5
    years_ago = (w.today - start).days / 365
    return max(low, round(pounds * (1 - 0.02 * years_ago))) * 100


def _placement_type(w: World, kind: SettingType) -> PlacementType:
    if kind in FIXED_TYPES:
        return FIXED_TYPES[kind]
    options = FOSTER_TYPES[kind]
    return w.rng.choices([t for t, _ in options], [weight for _, weight in options])[0]


def _ending(
    w: World, child: ChildInfo, stop: dt.date, last: bool, status: LegalStatus
) -> dict[str, object]:
    if not last:
        reason = w.rng.choices(list(texts.MOVE_WEIGHTS), list(texts.MOVE_WEIGHTS.values()))[0]
        planned = reason in texts.PLANNED_MOVES
        return {
            "ending_planned": planned,
            "end_reason": ReasonEpisodeCeased.X1,
            "change_reason": reason,
            "ending_notes": texts.MOVE_NOTES[reason],
            "planned_end_date": stop if planned else None,
        }
    reason = _leaving_reason(w, child.age_on(stop), status)
    planned = reason not in texts.UNPLANNED_LEAVING
    return {
        "ending_planned": planned,
        "end_reason": reason,
        "change_reason": None,
        "ending_notes": texts.LEAVING_NOTES[reason],
        "planned_end_date": stop if planned else None,
    }


def _leaving_reason(w: World, age: int, status: LegalStatus) -> ReasonEpisodeCeased:
    if status is LegalStatus.J1:
        return ReasonEpisodeCeased.E14
    if status is LegalStatus.E1:
        return w.rng.choice((ReasonEpisodeCeased.E11, ReasonEpisodeCeased.E12))
    options = next(reasons for top, reasons in texts.LEAVING_BY_AGE if age < top)
    adoption = (ReasonEpisodeCeased.E11, ReasonEpisodeCeased.E12, ReasonEpisodeCeased.E14)
    return w.rng.choice([r for r in options if r not in adoption])


def _open_ending(w: World, child: ChildInfo, start: dt.date, index: int) -> dict[str, object]:
    planned_end = None
    if index % 5 == 2:
        planned_end = w.today + dt.timedelta(days=w.rng.randint(7, 60))
    elif child.age_on(w.today) >= 16:
        planned_end = add_years(child.dob, 18)
    elif w.rng.random() < 0.3:
        planned_end = w.today + dt.timedelta(days=w.rng.randint(90, 400))
    return {
        "ending_planned": None,
        "end_reason": None,
        "change_reason": None,
        "ending_notes": "",
        "planned_end_date": max(planned_end, start) if planned_end else None,
    }


def _add_placement(
    w: World,
    child: ChildInfo,
    setting: SettingInfo,
    start: dt.date,
    stop: dt.date | None,
    last: bool,
    index: int,
    status: LegalStatus,
) -> None:
    provider = w.provider(setting.provider_id)
    quality = w.rng.uniform(-0.6, 0.5) + (setting.judgement_score - 3.0) * 0.4
    placement = PlacementInfo(w.sink.new_id("placement"), child.id, setting, start, stop, quality)
    ending = (
        _open_ending(w, child, start, index)
        if stop is None
        else _ending(w, child, stop, last, status)
    )
    w.sink.add(
        "placement",
        {
            "id": placement.id,
            "child_id": child.id,
            "setting_id": setting.id,
            "placement_type": _placement_type(w, setting.kind),
            "provider_kind": provider.kind,
            "start_date": start,
            "end_date": stop,
            "weekly_fee_pence": _fee(w, setting.kind, start),
            **ending,
            "notes": "Matched after a placement planning meeting." if w.rng.random() < 0.4 else "",
            **stamp(start, placement.id),
        },
    )
    child.placements.append(placement)
    setting.placements.append(placement)
    provider.placements.append(placement)
