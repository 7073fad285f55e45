"""Actions from every source: overdue, due this week, done, cancelled, carried forward."""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core.demo import names, worktexts
from relcom_desktop.core.demo.sink import stamp
from relcom_desktop.core.demo.world import Record, World
from relcom_desktop.core.enums import ActionSource, ActionStatus

LABEL = "Actions"
SOURCE_WEIGHTS = {
    ActionSource.MEETING: 40,
    ActionSource.JOURNAL: 25,
    ActionSource.CHECK_IN: 15,
    ActionSource.REVIEW: 10,
    ActionSource.MANUAL: 10,
}
LINK_COLUMN = {
    ActionSource.MEETING: "meeting_id",
    ActionSource.JOURNAL: "journal_entry_id",
    ActionSource.CHECK_IN: "check_in_id",
    ActionSource.REVIEW: "placement_review_id",
}


def build_actions(w: World) -> None:
    forced = max(3, w.scale.actions // 20)
    number = 0
    while number < w.scale.actions:
        source = _source(w, number)
        record = _record(w, source)
        source = source if record else ActionSource.MANUAL
        due = _due(w, number, forced, record)
        carried_from = None
        if (
            source is ActionSource.MEETING
            and number + 1 < w.scale.actions
            and w.rng.random() < 0.05
        ):
            carried_from = _add(w, source, record, due - dt.timedelta(days=28), number, carry=True)
            number += 1
        _add(w, source, record, due, number, forced=number < 2 * forced, carried_from=carried_from)
        number += 1
        w.sink.step(LABEL, 2 if carried_from else 1)


def _source(w: World, number: int) -> ActionSource:
    if number < len(ActionSource):
        return list(ActionSource)[number]
    return w.rng.choices(list(SOURCE_WEIGHTS), list(SOURCE_WEIGHTS.values()))[0]


def _record(w: World, source: ActionSource) -> Record | None:
    pool = {
        ActionSource.MEETING: w.meetings,
        ActionSource.JOURNAL: w.journal,
        ActionSource.CHECK_IN: w.check_ins,
        ActionSource.REVIEW: w.reviews,
    }.get(source)
    return w.rng.choice(pool) if pool else None


def _due(w: World, number: int, forced: int, record: Record | None) -> dt.date:
    if number < forced:
        return w.today + dt.timedelta(days=number % 7)
    if number < 2 * forced:
        return w.ago(w.rng.randint(1, 30))
    created = record.day if record else w.between(w.start, w.today)
    return created + dt.timedelta(days=w.rng.randint(3, 42))


def _status(
    w: World, created: dt.date, due: dt.date, forced: bool
) -> tuple[ActionStatus, dt.date | None]:
    roll = w.rng.random()
    if forced or (due >= w.today and roll > 0.08) or (due < w.today and roll > 0.8):
        return ActionStatus.OPEN, None
    if due < w.today and roll > 0.75:
        return ActionStatus.CANCELLED, None
    done = due + dt.timedelta(days=w.rng.randint(-7, 5))
    return ActionStatus.DONE, min(w.today, max(created, done))


def _owner(w: World, record: Record | None) -> str:
    roll = w.rng.random()
    if roll < 0.5 or record is None:
        return names.COMMISSIONER
    if record.child_ids and roll < 0.75:
        return w.child(record.child_ids[0]).social_worker.name
    if record.provider_ids:
        return w.rng.choice(w.provider(record.provider_ids[0]).contacts).name
    return names.COMMISSIONER


def _title(w: World, source: ActionSource, record: Record | None) -> str:
    child = w.child(record.child_ids[0]) if record and record.child_ids else None
    fill = {
        "child": child.preferred if child else "the child",
        "link": w.rng.choice(child.family).removeprefix("my ")
        if child and child.family
        else "family",
    }
    return w.rng.choice(worktexts.ACTION_TITLES[source]).format(**fill)


def _add(
    w: World,
    source: ActionSource,
    record: Record | None,
    due: dt.date,
    number: int,
    *,
    forced: bool = False,
    carry: bool = False,
    carried_from: int | None = None,
) -> int:
    created = min(record.day if record else w.between(w.start, w.today), due, w.today)
    status, done_on = (ActionStatus.CANCELLED, None) if carry else _status(w, created, due, forced)
    snooze = status is ActionStatus.OPEN and due < w.today and not forced and w.rng.random() < 0.1
    action_id = w.sink.new_id("action")
    row = _row(w, action_id, source, record, created) | {
        "due_on": due,
        "status": status,
        "done_on": done_on,
        "snoozed_until": w.today + dt.timedelta(days=w.rng.randint(1, 10)) if snooze else None,
        "notes": "Carried forward to the next meeting." if carry else "",
        "carried_from_id": carried_from,
    }
    if number == 7:
        row["deleted_at"] = dt.datetime.combine(w.ago(1), dt.time(9, 45))
    w.sink.add("action", row)
    return action_id


def _row(
    w: World, action_id: int, source: ActionSource, record: Record | None, created: dt.date
) -> dict[str, object]:
    row: dict[str, object] = {
        "id": action_id,
        "title": _title(w, source, record),
        "owner": _owner(w, record),
        "source": source,
        "child_id": record.child_ids[0] if record and record.child_ids else None,
        "provider_id": record.provider_ids[0] if record and record.provider_ids else None,
        **dict.fromkeys(LINK_COLUMN.values()),
        **stamp(created, action_id),
    }
    if record is not None and source in LINK_COLUMN:
        row[LINK_COLUMN[source]] = record.id
    return row
