"""Everything the app itself writes in ordinary use survives export → import → export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import text

from relcom_desktop.core import preferences, rowcodec, transfer
from relcom_desktop.core.db import Store, open_store
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
