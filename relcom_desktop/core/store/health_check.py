"""``relcom check``: is the data file sound? Integrity, links, schema and backups, read-only.

Each check gives a line with a status: ``ok``, ``note`` (worth knowing, not a fault) or
``problem`` (something to act on, with what to do). Nothing is written to the data file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from relcom_desktop.core import errors
from relcom_desktop.core.interop import rowcodec
from relcom_desktop.core.store import (
    backup,
    backup_files,
    instance_lock,
    migrate,
    permissions,
    recovery,
)
from relcom_desktop.core.store.db import (
    DB_FILENAME,
    FileState,
    Store,
    classify_sqlite_error,
    file_state,
    raw_connect,
    sqlite,
)

BACKUP_STALE_DAYS = 7
BACKUP_ENCRYPTION = "Backup encryption"
MAX_LISTED = 5


class Status(StrEnum):
    OK = "ok"
    NOTE = "note"
    PROBLEM = "problem"


@dataclass(frozen=True)
class Finding:
    status: Status
    title: str
    detail: str


@dataclass(frozen=True)
class Report:
    path: Path
    findings: list[Finding]

    @property
    def healthy(self) -> bool:
        return not self.problems

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if f.status is Status.PROBLEM]


def check_store(store: Store) -> Report:
    """Check the data file ``store`` has open (with its own key)."""
    return check(store.data_dir, connect=lambda path: store.connect_copy(path, readonly=True))


def check(
    data_dir: Path,
    passphrase: str | None = None,
    *,
    connect: Callable[[Path], Any] | None = None,
) -> Report:
    path = Path(data_dir) / DB_FILENAME
    findings: list[Finding] = []
    state = file_state(path)
    if state is FileState.MISSING:
        findings.append(Finding(Status.PROBLEM, "Data file", f"There is no data file at {path}."))
        return Report(path, findings)
    if state is FileState.OTHER:
        findings.append(
            Finding(Status.PROBLEM, "Data file", f"{path} is not a RelCom Desktop data file.")
        )
        return Report(path, findings)
    findings.append(_encryption(state))
    if state is FileState.PLAIN:
        passphrase = None
    elif connect is None and not passphrase:
        findings.append(
            Finding(
                Status.PROBLEM,
                "Opening",
                "The data file is encrypted: set RELCOM_PASSPHRASE to its passphrase to check it.",
            )
        )
        return Report(path, findings)
    try:
        conn = connect(path) if connect else raw_connect(path, passphrase, readonly=True)
        try:
            findings.extend(_database_checks(conn, path))
        finally:
            conn.close()
    except sqlite.Error as exc:
        err = classify_sqlite_error(exc, path, keyed=state is FileState.ENCRYPTED)
        if isinstance(err, errors.CorruptStore):
            err = errors.CorruptStore(f"{err} {backup_files.restore_advice(path.parent)}")
        findings.append(Finding(Status.PROBLEM, "Opening", str(err)))
    except errors.StoreError as err:
        findings.append(Finding(Status.PROBLEM, "Opening", str(err)))
    findings.append(_backups(path.parent))
    findings.extend(exposure_findings(path.parent, state))
    findings.extend(_unfinished(path))
    findings.append(_running(path))
    return Report(path, findings)


def _encryption(state: FileState) -> Finding:
    if state is FileState.ENCRYPTED:
        return Finding(Status.OK, "Encryption", "The data file is encrypted.")
    return Finding(
        Status.NOTE,
        "Encryption",
        "The data file is not encrypted. Encrypt it from the File menu unless it is demo data.",
    )


def _database_checks(conn: Any, path: Path) -> list[Finding]:
    versions = migrate.stored_revisions(conn)
    if versions is None:
        raise errors.NotADatabase(
            f"{path} is an empty SQLite file that was never set up (its creation was "
            "stopped). It holds no records: start the app, or use relcom import or relcom "
            "demo, to replace it with a new data file."
        )
    if not versions:
        raise errors.NotADatabase(f"{path} is not a RelCom Desktop data file.")
    out = [_schema(versions)]
    problems = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
    if problems == ["ok"]:
        out.append(Finding(Status.OK, "Integrity", "No damage found."))
    else:
        listed = "; ".join(problems[:MAX_LISTED])
        advice = backup_files.restore_advice(path.parent)
        out.append(Finding(Status.PROBLEM, "Integrity", f"The file is damaged: {listed}. {advice}"))
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({row[0] for row in broken})
        out.append(
            Finding(
                Status.PROBLEM,
                "Links",
                f"{len(broken)} records refer to records that are missing "
                f"(in {', '.join(tables[:MAX_LISTED])}).",
            )
        )
    else:
        out.append(Finding(Status.OK, "Links", "Every record's links lead somewhere."))
    if versions == {migrate.SCHEMA_HEAD}:
        out.append(_tables(conn))
    return out


def _schema(versions: set[str]) -> Finding:
    if versions == {migrate.SCHEMA_HEAD}:
        return Finding(Status.OK, "Schema", f"Up to date (revision {migrate.SCHEMA_HEAD}).")
    if versions - migrate.known_revisions():
        return Finding(
            Status.PROBLEM,
            "Schema",
            "The file was saved by a newer version of RelCom Desktop. Install the latest version.",
        )
    return Finding(Status.NOTE, "Schema", "An older layout: it is upgraded when next opened.")


def _tables(conn: Any) -> Finding:
    missing = []
    for table in rowcodec.tables():
        present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table.name}")')}
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in present]
    if missing:
        return Finding(
            Status.PROBLEM,
            "Tables",
            f"Missing from the file: {', '.join(missing[:MAX_LISTED])}. Restore from a backup.",
        )
    return Finding(Status.OK, "Tables", "Every table and field this version needs is there.")


def _backups(data_dir: Path) -> Finding:
    found = backup_files.list_backups(data_dir, include_aside=False)
    if not found:
        return Finding(
            Status.NOTE, "Backups", "No backups yet: make one with relcom backup or the File menu."
        )
    latest = found[0]
    age = (dt.datetime.now() - latest.taken_at).days
    text = f"{len(found)} backups; the latest is from {latest.label}."
    if age > BACKUP_STALE_DAYS:
        return Finding(Status.NOTE, "Backups", f"{text} That is {age} days old: make a new one.")
    return Finding(Status.OK, "Backups", text)


def _unfinished(path: Path) -> list[Finding]:
    """Work a stopped process left: a restore to finish, half-made backup files."""
    out = []
    if recovery.interrupted_restore(path):
        out.append(
            Finding(
                Status.NOTE,
                "Restore",
                "A restore was stopped part-way; it is finished when the data file is next "
                "opened (the data file is whole either way).",
            )
        )
    parts = backup.unfinished_backups(path.parent)
    if parts:
        size = sum(p.stat().st_size for p in parts if p.exists())
        names = ", ".join(p.name for p in parts[:MAX_LISTED])
        out.append(
            Finding(
                Status.NOTE,
                "Unfinished backups",
                f"{len(parts)} half-made backup file(s), {size / 1e6:.1f} MB in all ({names}), "
                "left by a backup that was stopped, unless one is running now. The next "
                "backup removes them; they are not backups and can be deleted.",
            )
        )
    return out


def _running(path: Path) -> Finding:
    try:
        lock = instance_lock.acquire(path)
    except errors.AlreadyOpen as err:
        return Finding(Status.NOTE, "In use", str(err).split(". Switch")[0] + ".")
    except errors.StoreError:
        return Finding(Status.NOTE, "In use", "Could not tell whether the app is open.")
    lock.release()
    return Finding(Status.OK, "In use", "No other copy of RelCom Desktop has the file open.")


def exposure_findings(data_dir: Path, state: FileState) -> list[Finding]:
    """Copies of the data others could read: unencrypted backups beside an encrypted file,
    and (POSIX) a data folder other users of the computer can open."""
    out = []
    if state is FileState.ENCRYPTED:
        out.append(_backup_encryption(data_dir))
    if permissions.open_to_others(data_dir):
        out.append(
            Finding(
                Status.NOTE,
                "Permissions",
                f"Other users of this computer can open the folder {data_dir}. Keep the data "
                "in a folder of its own, which RelCom Desktop makes private to you.",
            )
        )
    return out


def _backup_encryption(data_dir: Path) -> Finding:
    from relcom_desktop.core.store.backup_keys import plain_backups

    plain = plain_backups(data_dir)
    if not plain:
        return Finding(Status.OK, BACKUP_ENCRYPTION, "Every backup is encrypted.")
    names = ", ".join(p.name for p in plain[:MAX_LISTED])
    more = f" and {len(plain) - MAX_LISTED} more" if len(plain) > MAX_LISTED else ""
    count = "1 backup is" if len(plain) == 1 else f"{len(plain)} backups are"
    return Finding(
        Status.PROBLEM,
        BACKUP_ENCRYPTION,
        f"{count} not encrypted, so anyone with the files can read them ({names}{more}). "
        "Encrypt them with relcom encrypt (RELCOM_PASSPHRASE set) or Tools → Check data file "
        "in the app, or delete them.",
    )
