"""The learning log, from → to self-assessments, stored preferences and a few audit rows."""

from __future__ import annotations

import bisect
import datetime as dt

from relcom_desktop.core.demo import names, worktexts
from relcom_desktop.core.demo.sink import stamp
from relcom_desktop.core.demo.world import World, clamp
from relcom_desktop.core.enums import SHIFT_SCALE_MAX, AuditKind, LearningChange, PracticeShift

REFLECTION_LABEL = "Reflections"
ASSESSMENT_LABEL = "Self-assessments"


def build_reflections(w: World) -> None:
    days = sorted(w.between(w.start, w.today) for _ in range(w.scale.reflections))
    for day in days:
        _add_reflection(w, day)
        w.sink.step(REFLECTION_LABEL)


def _links(w: World, day: dt.date) -> dict[str, int | None]:
    links: dict[str, int | None] = dict.fromkeys(
        ("child_id", "provider_id", "meeting_id", "journal_entry_id")
    )
    roll = w.rng.random()
    pool = w.meetings if roll < 0.3 else w.journal
    end = bisect.bisect_right(pool, day, key=lambda record: record.day)
    earlier = pool[max(0, end - 50) : end]
    if roll < 0.6 and earlier:
        record = w.rng.choice(earlier)
        links["meeting_id" if roll < 0.3 else "journal_entry_id"] = record.id
        links["provider_id"] = record.provider_ids[0] if record.provider_ids else None
        links["child_id"] = record.child_ids[0] if record.child_ids else None
    elif roll < 0.85:
        links["child_id"] = w.rng.choice(w.children).id
    return links


def _add_reflection(w: World, day: dt.date) -> None:
    reflection_id = w.sink.new_id("reflection")
    links = _links(w, day)
    child = w.child(links["child_id"]).preferred if links["child_id"] else "a child"
    provider = w.provider(links["provider_id"]).name if links["provider_id"] else "a provider"
    changes = w.rng.sample(list(LearningChange), w.rng.randint(1, 3))
    w.sink.add(
        "reflection",
        {
            "id": reflection_id,
            "written_on": day,
            "what_happened": w.rng.choice(worktexts.REFLECTION_HAPPENED).format(
                child=child, provider=provider
            ),
            "what_learned": " ".join(worktexts.REFLECTION_LEARNED[c] for c in changes),
            "do_differently": w.rng.choice(worktexts.REFLECTION_NEXT),
            **links,
            **stamp(day, reflection_id),
        },
    )
    for change in changes:
        w.sink.add("reflection_change", {"reflection_id": reflection_id, "change": change})


def build_self_assessments(w: World) -> None:
    count = w.scale.self_assessments
    poles = {shift: (w.rng.uniform(1, 4), w.rng.uniform(6, 9)) for shift in PracticeShift}
    span = (w.today - w.start).days
    for number in range(count):
        day = w.start + dt.timedelta(days=span * (number + 1) // count - w.rng.randint(5, 20))
        _add_assessment(w, day, (number + 1) / count, poles)
        w.sink.step(ASSESSMENT_LABEL)


def _add_assessment(
    w: World, day: dt.date, progress: float, poles: dict[PracticeShift, tuple[float, float]]
) -> None:
    assessment_id = w.sink.new_id("self_assessment")
    w.sink.add(
        "self_assessment",
        {
            "id": assessment_id,
            "assessed_on": day,
            "notes": w.rng.choice(worktexts.ASSESSMENT_NOTES),
            **stamp(day, assessment_id),
        },
    )
    for shift, (start, end) in poles.items():
        position = start + (end - start) * progress + w.rng.uniform(-1, 1)
        w.sink.add(
            "self_assessment_score",
            {
                "id": w.sink.new_id("self_assessment_score"),
                "assessment_id": assessment_id,
                "shift": shift,
                "position": clamp(position, 0, SHIFT_SCALE_MAX),
                "evidence": worktexts.SHIFT_EVIDENCE[shift] if w.rng.random() < 0.7 else "",
            },
        )


def add_settings(w: World, existing: set[str], scale: str, seed: int) -> None:
    values = {
        "user.name": f"{names.COMMISSIONER} (commissioner)",
        "user.local_authority": names.OWN_LA.name,
        "demo.info": {"scale": scale, "seed": seed, "built_for": w.today.isoformat()},
    }
    for key, value in values.items():
        if key not in existing:
            w.sink.add("app_setting", {"key": key, "value": value})


def add_audit(w: World) -> None:
    events = (
        (5, AuditKind.PRINT, "child", w.children[0].id, "Review pack printed"),
        (3, AuditKind.EXPORT, "provider", w.providers[1].id, "Provider summary exported"),
        (1, AuditKind.BACKUP, "", None, "Backup made"),
    )
    for days, kind, record_kind, record_id, detail in events:
        w.sink.add(
            "audit_event",
            {
                "id": w.sink.new_id("audit_event"),
                "at": dt.datetime.combine(w.ago(days), dt.time(16, 30)),
                "kind": kind,
                "record_kind": record_kind,
                "record_id": record_id,
                "detail": detail,
            },
        )
