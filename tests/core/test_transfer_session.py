"""Everything the app itself writes in ordinary use survives export → import → export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from relcom_desktop.core import children, errors, preferences
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.interop import rowcodec, transfer
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store, open_store
from tests.core.long_session import run_session


def _stored(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row as SQLite holds it (raw text, numbers and NULLs, no type conversion)."""
    with store.read() as session:
        return {
            table.name: [
                tuple(row)
                for row in session.execute(text(f'SELECT * FROM "{table.name}" ORDER BY 1, 2'))
            ]
            for table in rowcodec.tables()
        }


def test_a_long_session_round_trips_exactly(tmp_path: Path) -> None:
    source = open_store(tmp_path / "used")
    run_session(source, tmp_path)
    before = _stored(source)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    transfer.export_json(source, first)
    source.close()

    fresh = open_store(tmp_path / "new")
    summary = transfer.import_json(fresh, first)
    after = _stored(fresh)
    transfer.export_json(fresh, second)
    fresh.close()

    assert summary.tables == len(rowcodec.tables())
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert after == before  # not only the same JSON: the same stored values
    settings = json.loads(first.read_text(encoding="utf-8"))["tables"]["app_setting"]
    cleared = [s for s in settings if s["key"] == preferences.JOURNAL_DRAFT]
    assert cleared == [{"key": preferences.JOURNAL_DRAFT, "value": None}]
    assert all(before[t.name] for t in rowcodec.tables()), "every kind of record was made"


def test_a_new_data_file_with_its_first_run_settings_takes_a_whole_export(
    tmp_path: Path,
) -> None:
    source = open_store(tmp_path / "used")
    run_session(source, tmp_path)
    exported = tmp_path / "all.json"
    transfer.export_json(source, exported)
    source.close()
    fresh = open_store(tmp_path / "new")  # as the first-run wizard leaves it
    preferences.put_many(fresh, {preferences.USER_NAME: "Sam", preferences.USER_LA: "Demoshire"})
    preferences.put(fresh, preferences.CALENDAR_ID, "")  # a preference the export lacks
    audit.record(fresh, AuditKind.BACKUP, "", detail="on closing")
    assert not transfer.holds_records(fresh)

    transfer.import_json(fresh, exported)

    assert transfer.holds_records(fresh)
    assert preferences.get(fresh, preferences.USER_NAME) == "Sam Commissioner (Demo)"
    events = audit.recent_events(fresh, limit=1000)
    assert events[0].kind is AuditKind.BACKUP  # this file's own trail is kept, newest first
    assert len(events) > 1
    fresh.close()


def test_a_data_file_with_records_refuses_a_whole_export(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a")
    children.create_child(store, children.Child(preferred_name="Ash"))
    assert transfer.holds_records(store)
    with pytest.raises(errors.TransferError, match="already holds records"):
        transfer.import_data(store, {"format": transfer.FORMAT, "format_version": 1, "tables": {}})
    store.close()
