"""Generated episode sequences: the 903 import either takes them, leaving no overlapping
placements, or rejects rows with their number and a reason — never a traceback, never a
partial write."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from relcom_desktop.core import errors
from relcom_desktop.core import models as m
from relcom_desktop.core.interop.import_run import RowStatus
from relcom_desktop.core.interop.ssda903_files import Ssda903Return, read_return
from relcom_desktop.core.interop.ssda903_import import commit_return, preview_return
from relcom_desktop.core.store.db import Store, open_store
from tests.core.ssda903_samples import write_return

BASE = dt.date(2019, 1, 1)
CHILDREN = ["5001", "5002", "5003"]


@pytest.fixture(scope="module")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, up-to-date data file to copy: each example starts from a fresh one."""
    store = open_store(tmp_path_factory.mktemp("fuzz903"))
    store.close()
    return store.path


@contextmanager
def fresh_store(empty: Path) -> Iterator[Store]:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(empty, Path(folder) / empty.name)
        store = open_store(Path(folder))
        try:
            yield store
        finally:
            store.close()


def _day(offset: int, style: int) -> str:
    day = BASE + dt.timedelta(days=offset)
    return (day.strftime("%d/%m/%Y"), day.isoformat(), f"{day:%d/%m/%Y} 00:00")[style]


def mostly(good: list[str], bad: list[str]) -> st.SearchStrategy[str]:
    """Usually a good value, now and then a bad one."""
    return st.sampled_from(good * (60 // len(good)) + bad)


EPISODE = st.fixed_dictionaries(
    {
        "child": mostly(CHILDREN, ["5999", ""]),
        "start": st.integers(0, 1500),
        "length": st.sampled_from([None, 0]) | st.integers(1, 400) | st.integers(1, 400),
        "follows": st.sampled_from(["at once"] * 6 + ["after a gap", "anywhere"]),
        "style": st.integers(0, 2),
        "rne": mostly(["S", "L", "P", "T", "U", "B", ""], ["Q"]),
        "ls": mostly(["C1", "C2", "V2", "E1", "J1", ""], ["Q9"]),
        "place": mostly(["K2", "U6", "P1", "H5", "T4"], ["ZZ"]),
        "provider": mostly(["PR0", "PR1", "PR4", "PR5", ""], ["PR9"]),
        "rec": mostly(["X1", "X1", "E4A", "E13", "E8"], ["", "E99"]),
        "change": mostly(["", "", "CARPL", "ALLEG"], ["NOPE"]),
        "urn": st.sampled_from(["SC700001", "SC700002", "XXXXXXX", "", "1234567"]),
        "bad_date": st.sampled_from([False] * 40 + [True]),
    }
)


def _row(e: dict) -> list[str]:
    start = "31/02/2020" if e["bad_date"] else _day(e["start"], e["style"])
    end = "" if e["length"] is None else _day(e["start"] + e["length"], e["style"])
    rec = e["rec"] if end else ("" if e["rec"] != "E99" else "E99")
    return [e["child"], start, e["rne"], e["ls"], "", e["place"], e["provider"], end, rec,
            e["change"], "", "", e["urn"]]  # fmt: skip


def _chained(episodes: list[dict]) -> list[dict]:
    """Mostly make a child's episodes follow one another, as real ones do."""
    by_child: dict[str, list[dict]] = {}
    for e in episodes:
        by_child.setdefault(e["child"], []).append(e)
    for run in by_child.values():
        for before, after in pairwise(run):
            if before["length"] is not None and after["follows"] != "anywhere":
                gap = 30 if after["follows"] == "after a gap" else 0
                after["start"] = before["start"] + before["length"] + gap
    return episodes


def _counts(store: Store) -> tuple[int, ...]:
    with store.read() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model))
            for model in (m.Child, m.Placement, m.Setting, m.Provider, m.LegalStatusPeriod)
        )


def _no_overlaps(store: Store) -> None:
    stmt = select(m.Placement.child_id, m.Placement.start_date, m.Placement.end_date).where(
        m.Placement.deleted_at.is_(None)
    )
    with store.read() as session:
        rows = sorted(session.execute(stmt))
    for (child, start, end), (other, next_start, _e) in pairwise(rows):
        if child == other:
            last_day = max(end, start + dt.timedelta(days=1)) if end else dt.date.max
            assert last_day <= next_start, (child, start, end, next_start)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(EPISODE, min_size=1, max_size=10).map(_chained),
    st.sampled_from([set(CHILDREN)] * 4 + [{"5001"}, set()]),
    st.booleans(),
)
def test_generated_episodes_import_cleanly_or_are_rejected_by_row(
    empty_file: Path, episodes: list[dict], in_header: set[str], skip: bool
) -> None:
    header = [[c, "1", "01/01/2010", "", "", "", ""] for c in sorted(in_header)]
    with tempfile.TemporaryDirectory() as folder:
        ret = read_return(*write_return(Path(folder), header, [_row(e) for e in episodes]))
    with fresh_store(empty_file) as store:
        _import(store, ret, skip)


def _import(store: Store, ret: Ssda903Return, skip: bool) -> None:
    before = _counts(store)
    preview = preview_return(store, ret)
    assert _counts(store) == before  # a preview writes nothing
    for line in preview.lines:
        if line.status is RowStatus.REJECTED:
            assert line.row >= 2 and line.source in ("Header", "Episodes") and line.detail
    event("some rows rejected" if preview.rejected else "all rows taken")
    if preview.rejected and not skip:
        with pytest.raises(errors.ValidationError, match="nothing was imported"):
            commit_return(store, ret, preview)
        assert _counts(store) == before  # never a partial write
        return
    done = commit_return(store, ret, preview, skip_rejected=skip)
    event(f"placements added: {min(done.count(RowStatus.NEW, 'placement'), 3)}")
    assert done.signature() == preview.signature()
    new_placements = done.count(RowStatus.NEW, "placement")
    assert _counts(store)[1] == before[1] + new_placements
    _no_overlaps(store)
