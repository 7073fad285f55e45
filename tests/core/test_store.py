"""Opening the data file: migrations, pragmas, and every kind of bad file."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from relcom_desktop.core import errors
from relcom_desktop.core.models import Base
from relcom_desktop.core.store import migrate
from relcom_desktop.core.store.db import DB_FILENAME, Store, open_store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_store_matches_models(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": _not_fts}
        )
        assert compare_metadata(ctx, Base.metadata) == []
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == migrate.head_revision()
    store.close()


def test_schema_head_constant_names_the_newest_migration() -> None:
    assert migrate.head_revision() == migrate.SCHEMA_HEAD


def _not_fts(obj: object, name: str | None, type_: str, reflected: bool, other: object) -> bool:
    return not (type_ == "table" and name is not None and "_fts" in name)


def test_pragmas_are_set(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_reopening_keeps_data(tmp_path: Path) -> None:
    from tests.core.factories import a_child

    store = open_store(tmp_path)
    a_child(store, "Robin")
    store.close()
    store = open_store(tmp_path)
    from relcom_desktop.core.child_list import count_children

    assert count_children(store) == 1
    store.close()


def test_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    path.write_bytes(b"This is a shopping list, not a database.\n" * 50)
    before = _digest(path)
    with pytest.raises(errors.NotADatabase) as info:
        open_store(tmp_path)
    assert "not a RelCom Desktop data file" in str(info.value)
    assert _digest(path) == before


def test_foreign_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / DB_FILENAME
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = _digest(path)
    with pytest.raises(errors.NotADatabase):
        open_store(tmp_path)
    assert _digest(path) == before


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    path = tmp_path / DB_FILENAME
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    before = _digest(path)
    with pytest.raises(errors.NewerSchema) as info:
        open_store(tmp_path)
    assert "newer version" in str(info.value)
    assert _digest(path) == before


def test_corrupt_file_is_reported_as_damaged(tmp_path: Path) -> None:
    from tests.core.factories import a_child

    store = open_store(tmp_path)
    for i in range(200):
        a_child(store, f"Child {i}", la_reference=f"R{i}")
    store.close()
    path = tmp_path / DB_FILENAME
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 3] = b"\xde\xad" * 4096  # scribble over the schema pages
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(errors.StoreError) as info:
        open_store(tmp_path)
    assert "damaged" in str(info.value) or "not a RelCom" in str(info.value)
    assert _digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_data_dir_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(errors.DataDirNotWritable):
            open_store(locked / "inner")
    finally:
        locked.chmod(0o700)


def test_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(errors.DataDirNotWritable) as info:
        open_store(blocker / "data")
    assert "cannot create the data folder" in str(info.value)


def test_upgrade_from_empty_old_file(tmp_path: Path) -> None:
    """An empty SQLite file (as an older app could leave) upgrades to head."""
    path = tmp_path / DB_FILENAME
    sqlite3.connect(path).close()
    store = open_store(tmp_path)
    with store.engine.connect() as conn:
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == migrate.head_revision()
    store.close()
