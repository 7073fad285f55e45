"""Alembic, driven from code: upgrade on open, refuse files from a newer version.

Alembic itself is imported only when a file needs upgrading, so opening an up-to-date file
stays quick. ``SCHEMA_HEAD`` must name the newest revision (a test checks it).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relcom_desktop.core import errors

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection

MIGRATIONS_DIR = Path(__file__).parents[1] / "migrations"
SCHEMA_HEAD = "0004_ssda903"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def known_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(rev.revision for rev in script.walk_revisions())


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head() or ""


def stored_revisions(dbapi_conn: Any) -> set[str] | None:
    """The file's Alembic revisions; None for a file with no tables at all."""
    tables = {
        row[0] for row in dbapi_conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if not tables:
        return None
    if "alembic_version" not in tables:
        return set()
    return {row[0] for row in dbapi_conn.execute("SELECT version_num FROM alembic_version")}


def needs_upgrade(dbapi_conn: Any, path: Path) -> bool:
    """Whether the file must be upgraded; raises for files this version must not open."""
    versions = stored_revisions(dbapi_conn)
    if versions is None:
        return True
    if not versions:
        raise errors.NotADatabase(
            f"{path} is an SQLite database but not a RelCom Desktop data file. "
            "Choose another data folder."
        )
    if versions == {SCHEMA_HEAD}:
        return False
    if versions - known_revisions():
        raise errors.NewerSchema(
            f"{path} was saved by a newer version of RelCom Desktop. "
            "Install the latest version to open it; the file has not been changed."
        )
    return True


def upgrade(connection: Connection) -> None:
    """Bring the schema to the newest revision inside the caller's transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
