"""The relationship journal, and Regulation 40 notifications from settings."""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core.demo import texts, worktexts
from relcom_desktop.core.demo.sink import stamp
from relcom_desktop.core.demo.world import PlacementInfo, ProviderInfo, Record, World, clamp
from relcom_desktop.core.enums import JournalKind, SettingType

JOURNAL_LABEL = "Journal entries"
REG40_LABEL = "Reg 40 notifications"
QUIET_DAYS = 120
LOW_KINDS = (JournalKind.CONCERN, JournalKind.ESCALATION)
FOLLOW_KINDS = (JournalKind.CONCERN, JournalKind.ESCALATION, JournalKind.NEGOTIATION)
Plan = tuple[dt.date, int, JournalKind | None]


def _plan_journal(w: World) -> list[Plan]:
    """(day, provider index, forced kind) for every entry, in date order."""
    runs: list[Plan] = []
    for index in (1, 4 if len(w.providers) > 4 else 1):
        runs += [(w.ago(w.rng.randint(1, 55)), index, w.rng.choice(LOW_KINDS)) for _ in range(5)]
    weights = [1 + len(p.placements) for p in w.providers]
    picks = w.rng.choices(range(len(w.providers)), weights, k=w.scale.journal_entries - len(runs))
    plans = runs + [(_entry_day(w, w.providers[index]), index, None) for index in picks]
    return sorted(plans, key=lambda plan: (plan[0], plan[1]))


def _entry_day(w: World, provider: ProviderInfo) -> dt.date:
    return w.between(w.start, w.ago(QUIET_DAYS + 10) if provider.quiet else w.today)


def build_journal(w: World) -> None:
    deleted = {3, 11}
    for number, (day, index, kind) in enumerate(_plan_journal(w)):
        _add_entry(w, w.providers[index], day, kind, number in deleted)
        w.sink.step(JOURNAL_LABEL)


def _placed_on(provider: ProviderInfo, day: dt.date) -> list[PlacementInfo]:
    return [p for p in provider.placements if p.start <= day and (p.end is None or day < p.end)]


def _trust(w: World, provider: ProviderInfo, day: dt.date, kind: JournalKind) -> int | None:
    if w.rng.random() < 0.08:
        return None
    level = provider.trust_start + provider.trust_slope * w.fraction(day) + w.rng.uniform(-0.8, 0.8)
    level += -1.2 if kind in LOW_KINDS else 0.8 if kind is JournalKind.PRAISE else 0.0
    return clamp(level, 1, 5)


def _journal_kind(w: World) -> JournalKind:
    weights = worktexts.JOURNAL_WEIGHTS
    return w.rng.choices(list(weights), list(weights.values()))[0]


def _add_entry(
    w: World, provider: ProviderInfo, day: dt.date, kind: JournalKind | None, deleted: bool
) -> None:
    kind = kind or _journal_kind(w)
    placed = _placed_on(provider, day)
    linked = w.rng.sample(placed, min(len(placed), w.rng.choice((0, 1, 1, 2)))) if placed else []
    setting = linked[0].setting if linked else None
    if setting is None and w.rng.random() < 0.6:
        setting = w.rng.choice(provider.settings)
    fill = {
        "setting": setting.name if setting else "the service",
        "contact": w.rng.choice(provider.contacts).name,
        "child": w.child(linked[0].child_id).preferred if linked else "the children",
    }
    entry_id = w.sink.new_id("journal_entry")
    row = _entry_row(w, entry_id, provider, day, kind, fill)
    row["setting_id"] = setting.id if setting else None
    if deleted:
        row["deleted_at"] = dt.datetime.combine(w.ago(2), dt.time(12, 30))
    w.sink.add("journal_entry", row)
    child_ids = tuple(dict.fromkeys(p.child_id for p in linked))
    for child_id in child_ids:
        w.sink.add("journal_entry_child", {"entry_id": entry_id, "child_id": child_id})
    w.journal.append(Record(entry_id, day, child_ids, (provider.id,)))


def _entry_row(
    w: World,
    entry_id: int,
    provider: ProviderInfo,
    day: dt.date,
    kind: JournalKind,
    fill: dict[str, str],
) -> dict[str, object]:
    trust = _trust(w, provider, day, kind)
    follow = (kind in FOLLOW_KINDS and w.rng.random() < 0.7) or w.rng.random() < 0.15
    return {
        "id": entry_id,
        "provider_id": provider.id,
        "setting_id": None,
        "occurred_on": day,
        "kind": kind,
        "summary": w.rng.choice(worktexts.JOURNAL_SUMMARIES[kind]).format(**fill),
        "body": _body(w, trust).format(**fill),
        "trust": trust,
        "follow_up_on": day + dt.timedelta(days=w.rng.randint(3, 21)) if follow else None,
        **stamp(day, entry_id),
    }


def _body(w: World, trust: int | None) -> str:
    tone = "mixed" if trust is None or trust == 3 else "good" if trust > 3 else "poor"
    bank = worktexts.JOURNAL_BODIES[tone]
    return " ".join(w.rng.sample(bank, 2))


def build_reg40(w: World) -> None:
    homes = [
        s
        for p in w.providers
        for s in p.settings
        if s.kind in (SettingType.CHILDRENS_HOME, SettingType.SECURE_HOME) and s.placements
    ]
    troubled = w.providers[1].settings[0]
    for number in range(w.scale.reg40_notifications):
        setting = troubled if number == 0 else w.rng.choice(homes)
        day = w.ago(w.rng.randint(2, 6)) if number == 0 else _reg40_day(w, setting.placements)
        _add_reg40(w, setting.id, day, _placed_on_setting(setting.placements, day))
        w.sink.step(REG40_LABEL)


def _reg40_day(w: World, placements: list[PlacementInfo]) -> dt.date:
    placement = w.rng.choice(placements)
    low = max(placement.start, w.start)
    return w.between(low, max(low, (placement.end or w.today) - dt.timedelta(days=1)))


def _placed_on_setting(placements: list[PlacementInfo], day: dt.date) -> list[int]:
    ids = [p.child_id for p in placements if p.start <= day and (p.end is None or day < p.end)]
    return list(dict.fromkeys(ids))[:2]


def _add_reg40(w: World, setting_id: int, day: dt.date, child_ids: list[int]) -> None:
    event, summary = w.rng.choice(texts.REG40_EVENTS)
    notification_id = w.sink.new_id("reg40_notification")
    recent = day >= w.ago(14)
    w.sink.add(
        "reg40_notification",
        {
            "id": notification_id,
            "setting_id": setting_id,
            "received_on": day,
            "event_kind": event,
            "summary": summary,
            "response": "" if recent else w.rng.choice(texts.REG40_RESPONSES),
            "reviewed": not recent,
            **stamp(day, notification_id),
        },
    )
    for child_id in child_ids:
        w.sink.add("reg40_child", {"notification_id": notification_id, "child_id": child_id})
