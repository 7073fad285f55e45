"""User-facing error types. ``str(error)`` is a complete plain-English message."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager


class RelcomError(Exception):
    """Base class: the message is shown to the user as is."""


class ValidationError(RelcomError):
    """The user's input breaks a rule (e.g. a placement ending before it starts)."""


class NotFoundError(RelcomError):
    """A record the user asked for does not exist (or is in the Trash)."""


class StoreError(RelcomError):
    """The data file could not be opened or used."""


class DataDirNotWritable(StoreError):
    pass


class NotADatabase(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class StoreLocked(StoreError):
    pass


class WrongPassphrase(StoreError):
    pass


class CorruptStore(StoreError):
    pass


class DiskFull(StoreError):
    pass


class AlreadyOpen(StoreError):
    """Another running copy of RelCom Desktop has the data file open."""


class PassphraseNeeded(StoreError):
    """The data file is encrypted and no passphrase was given."""


class TransferError(RelcomError):
    """An export or import could not be done; nothing was written."""


def not_found(kind: str, record_id: object) -> NotFoundError:
    return NotFoundError(f"There is no {kind} with id {record_id}. It may have been deleted.")


DISK_FULL = "The disk is full. Free some space, then try again."
TOO_LARGE = "A file grew larger than this computer allows. Free some space, then try again."
DISK_FAILED = (
    "The disk could not be written (a disk input/output error): it may be full or failing. "
    "Free some space or check the disk, then try again."
)
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def disk_problem(exc: BaseException) -> DiskFull | None:
    """A full disk met anywhere — an ``OSError`` (no space, over quota, over the file-size
    limit), SQLite's "database or disk is full" / "disk I/O error", or libxml2's (Excel
    files) "IO_ENOSPC", however wrapped — as the one user-level error every command and
    screen shows; None for anything else."""
    for link in _causes(exc):
        code = link.errno if isinstance(link, OSError) else _libxml_errno(link)
        if code in _FULL_ERRNOS:
            return DiskFull(DISK_FULL)
        if code == errno.EFBIG:
            return DiskFull(TOO_LARGE)
        if _is_sqlite(link):
            text = str(link).lower()
            if "database or disk is full" in text:
                return DiskFull(DISK_FULL)
            if "disk i/o error" in text:
                return DiskFull(DISK_FAILED)
    return None


@contextmanager
def disk_full_said(then: str) -> Iterator[None]:
    """Inside the block, a full disk becomes :class:`DiskFull`, followed by ``then``
    (e.g. "Nothing was imported.")."""
    try:
        yield
    except RelcomError:
        raise
    except Exception as exc:
        full = disk_problem(exc)
        if full is None:
            raise
        raise DiskFull(f"{full} {then}") from None


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it wraps: SQLAlchemy's ``orig``, then causes and contexts."""
    found: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo and len(found) < 20:
        link = todo.pop(0)
        if link is None or any(link is seen for seen in found):
            continue
        found.append(link)
        orig = getattr(link, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo += [link.__cause__, link.__context__]
    return found


def _libxml_errno(exc: BaseException) -> int | None:
    """The errno behind an lxml serialisation error such as "IO_ENOSPC", if any."""
    if type(exc).__module__.split(".")[0] != "lxml":
        return None
    text = str(exc)
    return next(
        (getattr(errno, n) for n in ("ENOSPC", "EDQUOT", "EFBIG") if f"IO_{n}" in text), None
    )


def _is_sqlite(exc: BaseException) -> bool:
    """An error raised by the SQLite driver (sqlite3 or sqlcipher3), without importing it."""
    return type(exc).__module__.split(".")[0] in ("sqlite3", "sqlcipher3")
