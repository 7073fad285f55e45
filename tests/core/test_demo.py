"""The synthetic demo caseload: deterministic, complete, current, and all-or-nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from relcom_desktop.core.demo import SCALES, DemoSummary, build_demo
from relcom_desktop.core.demo.names import SURNAME_TAILS
from relcom_desktop.core.errors import RelcomError, ValidationError
from relcom_desktop.core.models import Base, Child, Placement, Provider
from relcom_desktop.core.store.db import Store, open_store

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "a")
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, DemoSummary]]:
    opened = open_store(tmp_path_factory.mktemp("small"))
    summary = build_demo(opened, "small", seed=3, today=TODAY)
    yield opened, summary
    opened.close()


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    with store.read() as session:
        return {
            table.name: [
                tuple(row)
                for row in session.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def scalar(store: Store, sql: str) -> Any:
    with store.read() as session:
        return session.execute(text(sql), {"today": TODAY}).scalar()


def test_every_table_gets_rows(store: Store) -> None:
    build_demo(store, "tiny", today=TODAY)
    empty = [name for name, rows in dump(store).items() if not rows]
    assert empty == []


def test_same_seed_and_day_give_identical_files(tmp_path: Path) -> None:
    first, second = open_store(tmp_path / "one"), open_store(tmp_path / "two")
    try:
        build_demo(first, "tiny", seed=7, today=TODAY)
        build_demo(second, "tiny", seed=7, today=TODAY)
        assert dump(first) == dump(second)
    finally:
        first.close()
        second.close()


def test_another_seed_gives_another_caseload(tmp_path: Path) -> None:
    first, second = open_store(tmp_path / "one"), open_store(tmp_path / "two")
    try:
        build_demo(first, "tiny", seed=1, today=TODAY)
        build_demo(second, "tiny", seed=2, today=TODAY)
        assert dump(first)["child"] != dump(second)["child"]
    finally:
        first.close()
        second.close()


def test_counts_roughly_match_the_scale(small: tuple[Store, DemoSummary]) -> None:
    store, summary = small
    scale = SCALES["small"]
    assert summary.children == scale.children
    assert summary.providers == scale.providers
    assert summary.settings == scale.settings
    assert summary.journal_entries == scale.journal_entries
    assert summary.meetings == scale.meetings
    assert summary.actions == scale.actions
    assert summary.reflections == scale.reflections
    assert summary.self_assessments == scale.self_assessments
    assert 0.7 * scale.placements <= summary.placements <= 1.3 * scale.placements
    assert scalar(store, "SELECT count(*) FROM placement") == summary.placements
    assert scalar(store, "SELECT count(*) FROM check_in") == summary.check_ins


def test_placements_never_overlap(small: tuple[Store, DemoSummary]) -> None:
    store, _ = small
    columns = (Placement.child_id, Placement.start_date, Placement.end_date)
    with store.read() as session:
        rows = session.execute(
            select(*columns, Placement.weekly_fee_pence).order_by(
                Placement.child_id, Placement.start_date
            )
        ).all()
    by_child: dict[int, list[tuple[dt.date, dt.date | None]]] = {}
    for child_id, start, end, fee in rows:
        assert fee > 0
        assert end is None or end >= start
        by_child.setdefault(child_id, []).append((start, end))
    for runs in by_child.values():
        assert [end for _, end in runs[:-1]].count(None) == 0, "only the last may be open"
        for (_, before_end), (after_start, _) in pairwise(runs):
            assert before_end is not None and after_start >= before_end


def test_the_busiest_child_has_a_long_history(small: tuple[Store, DemoSummary]) -> None:
    store, _ = small
    busiest = scalar(
        store, "SELECT max(n) FROM (SELECT count(*) n FROM placement GROUP BY child_id)"
    )
    assert busiest >= SCALES["small"].busiest_child_placements


def test_caseload_looks_current(small: tuple[Store, DemoSummary]) -> None:
    store, _ = small
    checks = {
        "placement ending within 60 days": "SELECT count(*) FROM placement WHERE end_date IS NULL "
        "AND planned_end_date BETWEEN :today AND date(:today, '+60 days')",
        "child without a check-in for 90 days": "SELECT count(*) FROM child c WHERE "
        "c.archived_at IS NULL AND (SELECT max(held_on) FROM check_in k WHERE k.child_id = c.id)"
        " < date(:today, '-90 days')",
        "overdue action": "SELECT count(*) FROM action WHERE status = 'open' AND due_on < :today",
        "action due this week": "SELECT count(*) FROM action WHERE status = 'open' "
        "AND due_on BETWEEN :today AND date(:today, '+6 days')",
        "done action": "SELECT count(*) FROM action WHERE status = 'done'",
        "meeting today": "SELECT count(*) FROM meeting WHERE date(starts_at) = :today",
        "meeting later this week": "SELECT count(*) FROM meeting WHERE date(starts_at) "
        "BETWEEN date(:today, '+1 day') AND date(:today, '+6 days')",
        "recent unreviewed Reg 40": "SELECT count(*) FROM reg40_notification "
        "WHERE reviewed = 0 AND received_on >= date(:today, '-14 days')",
        "Inadequate setting": "SELECT count(*) FROM setting WHERE ofsted_judgement = 'inadequate'",
        "expired document": "SELECT count(*) FROM setting_document WHERE expires < :today",
        "provider quiet for months": "SELECT count(*) FROM (SELECT max(occurred_on) m FROM "
        "journal_entry GROUP BY provider_id) WHERE m < date(:today, '-90 days')",
        "archived child": "SELECT count(*) FROM child WHERE archived_at IS NOT NULL",
        "row in the Trash": "SELECT count(*) FROM journal_entry WHERE deleted_at IS NOT NULL",
    }
    missing = [name for name, sql in checks.items() if not scalar(store, sql)]
    assert missing == []


def test_journal_links_only_children_placed_with_the_provider(
    small: tuple[Store, DemoSummary],
) -> None:
    store, _ = small
    strays = scalar(
        store,
        "SELECT count(*) FROM journal_entry_child jc JOIN journal_entry j ON j.id = jc.entry_id "
        "WHERE NOT EXISTS (SELECT 1 FROM placement p JOIN setting s ON s.id = p.setting_id "
        "WHERE p.child_id = jc.child_id AND s.provider_id = j.provider_id)",
    )
    assert strays == 0


def test_names_are_obviously_synthetic(small: tuple[Store, DemoSummary]) -> None:
    store, _ = small
    with store.read() as session:
        full_names = session.scalars(select(Child.full_name)).all()
        providers = session.scalars(select(Provider.name)).all()
    assert all(name.split()[-1].endswith(tuple(SURNAME_TAILS)) for name in full_names)
    assert all("(Demo)" in name or "Council" in name for name in providers)


def test_every_self_assessment_scores_all_shifts(small: tuple[Store, DemoSummary]) -> None:
    store, _ = small
    bad = scalar(
        store,
        "SELECT count(*) FROM (SELECT assessment_id FROM self_assessment_score "
        "GROUP BY assessment_id HAVING count(*) != 8 OR min(position) < 0 OR max(position) > 10)",
    )
    assert bad == 0


def test_refuses_a_file_that_already_has_children(store: Store) -> None:
    build_demo(store, "tiny", today=TODAY)
    before = dump(store)
    with pytest.raises(ValidationError, match="already has children"):
        build_demo(store, "tiny", today=TODAY)
    assert dump(store) == before


def test_refuses_a_file_with_one_real_child(store: Store) -> None:
    with store.write() as session:
        session.add(Child(preferred_name="Real"))
    with pytest.raises(ValidationError):
        build_demo(store, "tiny", today=TODAY)
    assert scalar(store, "SELECT count(*) FROM provider") == 0


def test_cancelling_leaves_the_file_empty(store: Store) -> None:
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(RelcomError, match="Demo build cancelled"):
        build_demo(store, "small", today=TODAY, cancelled=cancelled)
    assert {name for name, rows in dump(store).items() if rows} == set()


def test_progress_is_reported_up_to_the_total(store: Store) -> None:
    reports: list[tuple[int, int, str]] = []
    build_demo(
        store, "tiny", today=TODAY, progress=lambda d, t, label: reports.append((d, t, label))
    )
    done = [d for d, _, _ in reports]
    assert done == sorted(done)
    assert reports[-1][0] == reports[-1][1]
    assert {"Journal entries", "Meetings", "Actions"} <= {label for *_, label in reports}


def test_unknown_scale_is_refused(store: Store) -> None:
    with pytest.raises(ValidationError, match="tiny, small, 10y"):
        build_demo(store, "huge", today=TODAY)


def test_ten_year_scale_is_large() -> None:
    scale = SCALES["10y"]
    assert (scale.children, scale.providers, scale.journal_entries) == (2000, 500, 100_000)
    assert scale.busiest_child_placements >= 10 and scale.years == 10


def test_summary_counts_match_the_file(store: Store) -> None:
    summary = build_demo(store, "tiny", today=TODAY)
    with store.read() as session:
        children = session.scalar(select(func.count()).select_from(Child))
    assert summary.children == children
    assert summary.total > summary.children
