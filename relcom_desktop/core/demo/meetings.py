"""Meetings of every kind, with attendees, agenda items, decisions and linked records."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from relcom_desktop.core.demo import names, worktexts
from relcom_desktop.core.demo.sink import stamp
from relcom_desktop.core.demo.world import ChildInfo, Contact, ProviderInfo, Record, World
from relcom_desktop.core.enums import MeetingKind, PanelOutcome

LABEL = "Meetings"
MK = MeetingKind
CHILD_KINDS = (MK.PLACEMENT_PLANNING, MK.PLACEMENT_REVIEW, MK.PLACEMENT_PANEL, MK.PROFESSIONALS)
SERIES_KINDS = (MK.PROVIDER, MK.STRATEGIC)
ME = Contact(0, names.COMMISSIONER, "Commissioner", names.OWN_LA.name)


@dataclass
class Plan:
    starts_at: dt.datetime
    kind: MeetingKind
    child: ChildInfo | None
    providers: list[ProviderInfo]


def _when(w: World, number: int) -> dt.datetime:
    """Two meetings today, three more this week, most in the past, some in the next month."""
    if number < 2:
        return dt.datetime.combine(w.today, dt.time(10 + 4 * number, 0))
    if number < 5:
        day = w.today + dt.timedelta(days=number - 1)
    elif w.rng.random() < 0.12:
        day = w.today + dt.timedelta(days=w.rng.randint(7, 35))
    else:
        day = w.between(w.start, w.ago(1))
    day -= dt.timedelta(days=max(0, day.weekday() - 4))
    return dt.datetime.combine(day, dt.time(w.rng.randint(9, 15), w.rng.choice((0, 30))))


def _plan(w: World, number: int) -> Plan:
    starts_at = _when(w, number)
    kind = w.rng.choices(list(worktexts.MEETING_WEIGHTS), list(worktexts.MEETING_WEIGHTS.values()))[
        0
    ]
    if number < len(MeetingKind):
        kind = list(MeetingKind)[number]
    day = min(starts_at.date(), w.today)
    child = _child_on(w, day) if kind in CHILD_KINDS else None
    providers = _providers_for(w, kind, child, day)
    return Plan(starts_at, kind, child, providers)


def _child_on(w: World, day: dt.date) -> ChildInfo:
    for _ in range(20):
        child = w.rng.choice(w.children)
        if child.placement_on(day) is not None:
            return child
    return w.children[0]


def _providers_for(
    w: World, kind: MeetingKind, child: ChildInfo | None, day: dt.date
) -> list[ProviderInfo]:
    if kind is MK.STRATEGIC:
        return w.rng.sample(w.providers, min(len(w.providers), w.rng.randint(2, 4)))
    if kind is MK.PROVIDER:
        return [w.rng.choice(w.providers[: max(8, len(w.providers) // 3)])]
    placement = child.placement_on(day) if child else None
    if placement is None:
        return []
    return [w.provider(placement.setting.provider_id)]


def build_meetings(w: World) -> None:
    plans = sorted((_plan(w, n) for n in range(w.scale.meetings)), key=lambda p: p.starts_at)
    previous: dict[tuple[MeetingKind, int], int] = {}
    for number, plan in enumerate(plans):
        series = (plan.kind, plan.providers[0].id if plan.kind is MK.PROVIDER else 0)
        meeting_id = _add_meeting(
            w, plan, previous.get(series) if plan.kind in SERIES_KINDS else None, number
        )
        previous[series] = meeting_id
        w.sink.step(LABEL)


def _fill(w: World, plan: Plan) -> dict[str, str]:
    placement = plan.child.placement_on(min(plan.starts_at.date(), w.today)) if plan.child else None
    return {
        "child": plan.child.preferred if plan.child else "the children",
        "setting": placement.setting.name if placement else "the home",
        "provider": plan.providers[0].name if plan.providers else "providers",
    }


def _location(w: World, plan: Plan, fill: dict[str, str]) -> str:
    if plan.kind in (MK.PLACEMENT_REVIEW, MK.PROVIDER) and w.rng.random() < 0.4:
        return fill["setting"] if plan.kind is MK.PLACEMENT_REVIEW else plan.providers[0].name
    return w.rng.choice(worktexts.LOCATIONS)


def _add_meeting(w: World, plan: Plan, previous_id: int | None, number: int) -> int:
    meeting_id = w.sink.new_id("meeting")
    fill = _fill(w, plan)
    past = plan.starts_at.date() < w.today
    w.sink.add(
        "meeting",
        {
            "id": meeting_id,
            "title": worktexts.MEETING_TITLES[plan.kind].format(**fill),
            "kind": plan.kind,
            "starts_at": plan.starts_at,
            "duration_minutes": w.rng.choice((30, 45, 60, 60, 90, 120)),
            "location": _location(w, plan, fill),
            "notes": w.rng.choice(worktexts.AGENDA_NOTES).format(**fill) if past else "",
            "previous_meeting_id": previous_id,
            **stamp(min(plan.starts_at.date(), w.today) - dt.timedelta(days=14), meeting_id),
        },
    )
    if plan.child:
        w.sink.add("meeting_child", {"meeting_id": meeting_id, "child_id": plan.child.id})
    for provider in plan.providers:
        w.sink.add("meeting_provider", {"meeting_id": meeting_id, "provider_id": provider.id})
    people = _attendees(w, plan, meeting_id, past)
    items = _agenda(w, plan, meeting_id, fill, past)
    if past:
        _decisions(w, plan, meeting_id, items, people)
        child_ids = (plan.child.id,) if plan.child else ()
        provider_ids = tuple(p.id for p in plan.providers)
        w.meetings.append(Record(meeting_id, plan.starts_at.date(), child_ids, provider_ids))
    return meeting_id


def _people(w: World, plan: Plan) -> list[Contact]:
    people = [ME]
    if plan.child:
        people.append(plan.child.social_worker)
        if plan.kind in (MK.PLACEMENT_REVIEW, MK.PROFESSIONALS):
            people.append(plan.child.iro)
    for provider in plan.providers:
        people.append(w.rng.choice(provider.contacts))
    extra = {MK.PLACEMENT_PANEL: 2, MK.PROFESSIONALS: 2, MK.STRATEGIC: 1, MK.OTHER: 1}
    people += w.rng.sample(w.professionals, extra.get(plan.kind, 0))
    return _dedupe(people)


def _dedupe(people: list[Contact]) -> list[Contact]:
    by_id = {person.id: person for person in reversed(people)}
    return [person for person in people if by_id.pop(person.id, None) is not None]


def _attendees(w: World, plan: Plan, meeting_id: int, past: bool) -> list[Contact]:
    people = _people(w, plan)
    for person in people:
        w.sink.add(
            "meeting_attendee",
            {
                "id": w.sink.new_id("meeting_attendee"),
                "meeting_id": meeting_id,
                "contact_id": person.id or None,
                "name": person.name,
                "role": person.role,
                "organisation": person.organisation,
                "attended": not (past and person is not ME and w.rng.random() < 0.1),
            },
        )
    return people


def _agenda(w: World, plan: Plan, meeting_id: int, fill: dict[str, str], past: bool) -> list[int]:
    titles = worktexts.AGENDA[plan.kind]
    ids = []
    for position, title in enumerate(titles[: w.rng.randint(2, len(titles))]):
        item_id = w.sink.new_id("agenda_item")
        ids.append(item_id)
        w.sink.add(
            "agenda_item",
            {
                "id": item_id,
                "meeting_id": meeting_id,
                "position": position,
                "title": title.format(**fill),
                "notes": w.rng.choice(worktexts.AGENDA_NOTES).format(**fill) if past else "",
            },
        )
    return ids


def _decisions(
    w: World, plan: Plan, meeting_id: int, items: list[int], people: list[Contact]
) -> None:
    panel = plan.kind is MK.PLACEMENT_PANEL
    for position in range(1 if panel else w.rng.randint(1, 3)):
        outcome = w.rng.choices(list(PanelOutcome), (70, 20, 10))[0] if panel else None
        w.sink.add(
            "decision",
            {
                "id": w.sink.new_id("decision"),
                "meeting_id": meeting_id,
                "agenda_item_id": items[-1]
                if panel
                else (items[position] if position < len(items) else None),
                "text": _decision_text(w, plan, outcome),
                "agreed_by": ", ".join(p.name for p in people[:3]),
                "dissent": "Health colleague asked for more evidence first."
                if w.rng.random() < 0.05
                else "",
                "panel_outcome": outcome,
                "conditions": w.rng.choice(worktexts.PANEL_CONDITIONS)
                if outcome is PanelOutcome.APPROVE
                else "",
                "weekly_budget_pence": _budget(w, plan)
                if outcome is PanelOutcome.APPROVE
                else None,
            },
        )


def _decision_text(w: World, plan: Plan, outcome: PanelOutcome | None) -> str:
    if outcome is None:
        return w.rng.choice(worktexts.DECISIONS)
    name = plan.child.preferred if plan.child else "the child"
    return {
        PanelOutcome.APPROVE: f"Panel approved the placement for {name}.",
        PanelOutcome.DEFER: f"Panel deferred: more information needed about {name}'s needs.",
        PanelOutcome.DECLINE: f"Panel declined; explore family and fostering options for {name}.",
    }[outcome]


def _budget(w: World, plan: Plan) -> int:
    residential = plan.child is not None and plan.child.age_on(w.today) >= 11
    low, high = (4500, 8500) if residential else (750, 1200)
    return w.rng.randint(low // 50, high // 50) * 5000
