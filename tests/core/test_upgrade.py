"""A data file from an older version upgrades to the newest schema with nothing lost."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command

from relcom_desktop.core import search
from relcom_desktop.core.demo import build_demo
from relcom_desktop.core.store import migrate
from relcom_desktop.core.store.db import DB_FILENAME, open_store

OLDER = "0002"  # the schema the 25 Nov 2026 version wrote


def _counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_fts%'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        )]  # fmt: skip
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _triggers(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    finally:
        conn.close()


def test_an_older_file_upgrades_to_head_with_every_record(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    build_demo(store, "tiny", seed=2, today=dt.date(2026, 11, 25))
    found = {r.record_id for r in search.search(store, "fostering")}
    assert found
    with store.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), OLDER)
    store.close()
    path = tmp_path / DB_FILENAME
    before = _counts(path)
    store = open_store(tmp_path)  # the app upgrades on open
    try:
        with store.engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert version == migrate.head_revision() == migrate.SCHEMA_HEAD
        assert {r.record_id for r in search.search(store, "fostering")} == found
    finally:
        store.close()
    assert _counts(path) == before
    assert {"search_fts_placement_ai", "search_fts_reg40_notification_ai"} <= _triggers(path)
