"""Opening the data file: location, SQLite/SQLCipher connection, pragmas, migrations.

Everything SQLite-specific lives here (and in ``search.py``), so a PostgreSQL store can later
implement the same :class:`Store` interface.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from relcom_desktop.core import errors
from relcom_desktop.core.store import instance_lock, migrate, recovery
from relcom_desktop.core.store.connect import raw_connect, sqlite
from relcom_desktop.core.store.datafile import (  # noqa: F401 - part of this module's interface
    DB_FILENAME,
    MIN_PAGE,
    SQLITE_MAGIC,
    FileState,
    data_file,
    default_data_dir,
    file_state,
)
from relcom_desktop.core.store.permissions import secure_data_folder

log = logging.getLogger(__name__)

REWRITE_SUFFIX = recovery.REWRITE_SUFFIX  # a keyed copy being written by a passphrase change


def classify_sqlite_error(exc: BaseException, path: Path, *, keyed: bool) -> errors.StoreError:
    """Map a SQLite error to the user-facing error kind with what to do next."""
    text = str(exc).lower()
    if "not a database" in text or "file is encrypted" in text:
        if keyed:
            return errors.WrongPassphrase(
                "The passphrase is not right for this file. Check it and try again."
            )
        return errors.NotADatabase(
            f"{path} is not a RelCom Desktop data file (or it is encrypted). "
            "Choose another data folder, or enter the passphrase if it has one."
        )
    if "malformed" in text or "corrupt" in text:
        return errors.CorruptStore(f"The data file {path} is damaged.")
    if "locked" in text or "busy" in text:
        return errors.StoreLocked(
            f"The data file {path} is in use by another program. Close it and try again."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return errors.DataDirNotWritable(
            f"RelCom Desktop cannot write to {path}. Choose a folder you can write to."
        )
    if "disk is full" in text or "full" in text:
        return errors.DiskFull(errors.DISK_FULL)
    return errors.StoreError(f"The data file {path} could not be opened: {exc}")


def ensure_writable_dir(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise errors.DataDirNotWritable(
            f"RelCom Desktop cannot create the data folder {data_dir} ({exc.strerror}). "
            "Choose a folder you can write to with --data-dir."
        ) from None
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise errors.DataDirNotWritable(
            f"RelCom Desktop cannot write to the data folder {data_dir}. "
            "Choose a folder you can write to with --data-dir."
        )


def _check_header(path: Path, passphrase: str | None) -> None:
    if passphrase or not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        if fh.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise classify_sqlite_error(
                sqlite.DatabaseError("file is not a database"), path, keyed=False
            )


def probe_existing(path: Path, passphrase: str | None) -> bool:
    """Refuse, without writing anything, a file we must not open; True if it needs upgrading."""
    _check_header(path, passphrase)
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        conn = raw_connect(path, passphrase, readonly=True)
        try:
            return migrate.needs_upgrade(conn, path)
        finally:
            conn.close()
    except sqlite.Error as exc:
        raise classify_sqlite_error(exc, path, keyed=bool(passphrase)) from None


class Store:
    """An open data file. Services take a Store and open one short session per call."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        passphrase: str | None = None,
        lock: instance_lock.InstanceLock | None = None,
    ) -> None:
        self.path = path
        self.lock = lock
        self._use(engine, passphrase)

    def _use(self, engine: Engine, passphrase: str | None) -> None:
        self.engine = engine
        self.encrypted = bool(passphrase)
        self._passphrase = passphrase
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    def connect_copy(self, path: Path, *, readonly: bool = False) -> Any:
        """A raw connection to a copy of this file (a backup), keyed like this file."""
        return raw_connect(path, self._passphrase, readonly=readonly, wal=False)

    def passphrase_matches(self, candidate: str) -> bool:
        """Whether ``candidate`` unlocks this file (the unlock screen's check)."""
        if not self.encrypted:
            return True
        try:
            conn = raw_connect(self.path, candidate, readonly=True)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
        except sqlite.Error:
            return False
        return True

    @contextmanager
    def raw(self) -> Iterator[Any]:
        """A pooled DB-API connection, for SQLite-only work (backup API, pragmas)."""
        with self.engine.connect() as conn:
            yield conn.connection.dbapi_connection

    def reopen(self, passphrase: str | None) -> None:
        """Use the file again after it was re-written or replaced (re-key, restore)."""
        self.engine.dispose()
        key = None if file_state(self.path) is FileState.PLAIN else passphrase
        self._use(_open_engine(self.path, key), key)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session (rolled back at the end)."""
        with self._sessions() as session:
            yield session
            session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction for one user action: committed on success, rolled back on error."""
        with self._sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def _make_engine(path: Path, passphrase: str | None, *, wal: bool = True) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        module=sqlite,
        creator=lambda: raw_connect(path, passphrase, wal=wal),
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin_immediate(conn: Any) -> None:
        # SQLite defers the write lock until the first write; pysqlite's own BEGIN handling
        # is replaced so a transaction is a real SQLite transaction.
        conn.exec_driver_sql("BEGIN")

    @event.listens_for(engine, "connect")
    def _no_implicit_begin(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None

    return engine


def open_store(
    data_dir: Path | None = None,
    passphrase: str | None = None,
    *,
    filename: str = DB_FILENAME,
    lock: bool = True,
) -> Store:
    """Open (creating if needed) and upgrade the data file in ``data_dir``.

    ``passphrase`` keys an encrypted file, and encrypts a new one; a plain file opens plain.
    With ``lock`` (the default) a second running copy on the same file is refused. A new
    file is built complete under a temporary name and only then moved into place, and work
    a killed process left half-done is finished or undone first (``core/store/recovery.py``).
    """
    data_dir = Path(data_dir) if data_dir is not None else default_data_dir()
    ensure_writable_dir(data_dir)
    path = data_dir / filename
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise errors.DataDirNotWritable(
            f"RelCom Desktop cannot read and write {path}. Check the file's permissions, "
            "or copy the folder somewhere you can write to."
        )
    held = instance_lock.acquire(path) if lock else None
    try:
        if held is not None:  # nobody else is mid-way through re-writing or restoring the file
            recovery.recover_locked(path)
        else:
            recovery.recover(path)
        passphrase = _key_for(path, passphrase)
        if not has_data_file(path):
            _create(path, passphrase)
        engine = _open_engine(path, passphrase)
    except errors.StoreError as err:
        if held is not None:
            held.release()
        if isinstance(err, errors.CorruptStore):
            raise errors.CorruptStore(f"{err} {_restore_advice(data_dir)}") from None
        raise
    except BaseException:
        if held is not None:
            held.release()
        raise
    log.info("opened data file (encrypted=%s)", bool(passphrase))
    return Store(path, engine, passphrase, held)


def has_data_file(path: Path) -> bool:
    """False for no file, an empty one, or an SQLite file without a single table (a file
    whose creation was stopped by an older version): there is nothing in it to keep."""
    state = file_state(path)
    if state is FileState.MISSING:
        return False
    wal = Path(f"{path}-wal")
    if state is not FileState.PLAIN or (wal.exists() and wal.stat().st_size > 0):
        return True
    try:  # the file alone is the whole database: read it without creating SQLite's side files
        conn = sqlite.connect(f"file:{path.as_posix()}?immutable=1", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
        finally:
            conn.close()
    except sqlite.Error:
        return True  # something is there: opening it explains what


def _key_for(path: Path, passphrase: str | None) -> str | None:
    """The key to use: none for a plain file; refuse an encrypted file without one."""
    state = file_state(path)
    if state is FileState.PLAIN:
        return None
    if state is FileState.ENCRYPTED and not passphrase:
        raise errors.PassphraseNeeded(
            f"The data file {path} is encrypted. Enter its passphrase to open it "
            "(for batch commands, set RELCOM_PASSPHRASE)."
        )
    return passphrase


def _create(path: Path, passphrase: str | None) -> None:
    """Build a complete new data file beside ``path`` and move it into place in one rename,
    so a kill leaves either no data file or a whole one (never a file without its tables)."""
    from relcom_desktop.core.store.files import crash_point, fsync_dir, remove_quietly

    temp = recovery.new_path(path)
    for extra in (temp, *recovery.side_files(temp), *recovery.side_files(path)):
        remove_quietly(extra)  # a log without its data file belongs to nothing
    engine = _make_engine(temp, passphrase, wal=False)
    try:
        with engine.begin() as conn:
            migrate.upgrade(conn)
    except BaseException as exc:
        engine.dispose()
        remove_quietly(temp)
        orig = getattr(exc, "orig", exc)
        if isinstance(orig, sqlite.Error):
            raise classify_sqlite_error(orig, path, keyed=bool(passphrase)) from None
        raise
    engine.dispose()
    with temp.open("rb+") as fh:
        os.fsync(fh.fileno())
    crash_point("create:built")
    os.replace(temp, path)
    fsync_dir(path.parent)
    crash_point("create:placed")


def _open_engine(path: Path, passphrase: str | None) -> Engine:
    stale = probe_existing(path, passphrase)
    engine = _make_engine(path, passphrase)
    try:
        with engine.begin() as conn:
            if stale:
                migrate.upgrade(conn)
            else:
                conn.exec_driver_sql("SELECT 1 FROM alembic_version")
    except errors.StoreError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        orig = getattr(exc, "orig", exc)
        if isinstance(orig, sqlite.Error):
            raise classify_sqlite_error(orig, path, keyed=bool(passphrase)) from None
        raise
    secure_data_folder(path.parent)  # only the owner may read the file, its folder, backups
    return engine


def explain_failure(exc: BaseException, store: Store) -> errors.StoreError | None:
    """A plain explanation of a database error met while the file was in use; None if the
    error did not come from the database (the app then reports it as a fault)."""
    orig = getattr(exc, "orig", exc)
    if not isinstance(orig, sqlite.Error):
        return None
    err = classify_sqlite_error(orig, store.path, keyed=store.encrypted)
    if isinstance(err, errors.CorruptStore | errors.WrongPassphrase):
        return errors.CorruptStore(
            f"The data file {store.path} is damaged. {_restore_advice(store.data_dir)}"
        )
    return err


def _restore_advice(data_dir: Path) -> str:
    from relcom_desktop.core.store.backup_files import restore_advice

    return restore_advice(data_dir)
