"""A DB-API connection to the data file (SQLCipher's build of SQLite), with the pragmas every
connection needs. Kept apart from :mod:`db` so a plain read (Today, at start-up) needs no
SQLAlchemy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlite

BUSY_TIMEOUT_MS = 5000


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def raw_connect(
    path: Path, passphrase: str | None = None, *, readonly: bool = False, wal: bool = True
) -> Any:
    """A DB-API connection to ``path``, keyed when a passphrase is given.

    ``wal=False`` is for single-file copies (backups, re-keyed files): rollback journal.
    """
    uri = f"file:{path.as_posix()}?mode={'ro' if readonly else 'rwc'}"
    conn = sqlite.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    if passphrase:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        # Deleted text is overwritten, not left in free pages (it matters for plain files).
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA journal_mode = {'WAL' if wal else 'DELETE'}")
        conn.execute(f"PRAGMA synchronous = {'NORMAL' if wal else 'FULL'}")
    return conn


def json_rows(conn: Any, sql: str, params: Any, columns: str) -> list[list[Any]]:
    """The rows of ``sql`` (its ``columns``, in its order) as lists, fetched as one JSON value.

    SQLite hands Python each row in a step of its own, and between steps the reading thread
    must win back Python's lock; at start-up, while the GUI thread loads Qt, that wait can
    come at every row. One aggregated value is one step, whatever the number of rows.
    Numbers, text and NULL come back as int or float, str and None.
    """
    (text,) = conn.execute(
        f"SELECT json_group_array(json_array({columns})) FROM ({sql})", params
    ).fetchone()
    return json.loads(text)
