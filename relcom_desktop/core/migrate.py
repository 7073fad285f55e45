"""Alembic, driven from code: upgrade on open, refuse files from a newer version."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from relcom_desktop.core import errors

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def known_revisions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def check_compatible(dbapi_conn: Any, path: Path) -> None:
    """Raise unless the file is empty, or a RelCom file this version knows how to open."""
    tables = {
        row[0] for row in dbapi_conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not tables:
        return
    if "alembic_version" not in tables:
        raise errors.NotADatabase(
            f"{path} is an SQLite database but not a RelCom Desktop data file. "
            "Choose another data folder."
        )
    versions = {row[0] for row in dbapi_conn.execute("SELECT version_num FROM alembic_version")}
    unknown = versions - known_revisions()
    if unknown:
        raise errors.NewerSchema(
            f"{path} was saved by a newer version of RelCom Desktop. "
            "Install the latest version to open it; the file has not been changed."
        )


def upgrade(connection: Connection) -> None:
    """Bring the schema to the newest revision inside the caller's transaction."""
    command.upgrade(alembic_config(connection), "head")
