"""Checked copies of a data file: a copy keyed with another passphrase (``sqlcipher_export``)
and the checks that a copy (a re-keyed file, a backup) is whole before it is used.
Used by encryption, backups, re-keying backups and restoring."""

from __future__ import annotations

import os
from pathlib import Path

from relcom_desktop.core import errors
from relcom_desktop.core.store import migrate
from relcom_desktop.core.store.db import (
    FileState,
    Store,
    classify_sqlite_error,
    file_state,
    raw_connect,
    sqlite,
)


def verify_backup(path: Path, store_or_passphrase: Store | str | None) -> None:
    """Raise CorruptStore unless ``path`` opens, passes integrity_check and is RelCom data."""
    if store_or_passphrase is None and file_state(path) is FileState.ENCRYPTED:
        raise errors.PassphraseNeeded(
            f"The backup {path.name} is encrypted: give the passphrase it was made with "
            "(for batch commands, set RELCOM_PASSPHRASE)."
        )
    try:
        if isinstance(store_or_passphrase, Store):
            conn = store_or_passphrase.connect_copy(path, readonly=True)
        else:
            conn = raw_connect(path, store_or_passphrase, readonly=True)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            versions = migrate.stored_revisions(conn)
        finally:
            conn.close()
    except sqlite.Error as exc:
        keyed = isinstance(store_or_passphrase, str) or getattr(
            store_or_passphrase, "encrypted", False
        )
        raise classify_sqlite_error(exc, path, keyed=bool(keyed)) from None
    if check != "ok" or not versions:
        raise errors.CorruptStore(f"The backup {path.name} is damaged; choose another one.")
    if versions - migrate.known_revisions():
        raise errors.NewerSchema(
            f"The backup {path.name} was made by a newer version of RelCom Desktop."
        )


def export_keyed_copy(source: Path, old: str | None, copy: Path, new: str | None) -> dict[str, int]:
    """Write ``source`` (keyed with ``old``) to ``copy`` keyed with ``new``; row counts."""
    conn = raw_connect(source, old)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = row_counts(conn)
        conn.execute("ATTACH DATABASE ? AS rewritten KEY ?", (str(copy), new or ""))
        conn.execute("SELECT sqlcipher_export('rewritten')")
        conn.execute("DETACH DATABASE rewritten")
    finally:
        conn.close()
    with copy.open("rb+") as fh:
        os.fsync(fh.fileno())
    return counts


def verify_copy(copy: Path, passphrase: str | None, counts: dict[str, int]) -> None:
    """Raise StoreError unless ``copy`` opens with ``passphrase``, is sound and has every row."""
    conn = raw_connect(copy, passphrase, readonly=True)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok" or row_counts(conn) != counts:
            raise errors.StoreError(
                "The re-written copy of the data file did not check out, so nothing was "
                "changed. Try again; if it keeps failing, make a backup and ask for help."
            )
    finally:
        conn.close()


def row_counts(conn: object) -> dict[str, int]:
    tables = [
        row[0]
        for row in conn.execute(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]  # type: ignore[attr-defined]
        for t in tables
    }
