"""One running copy per data file: a lock file next to the data, held while it is open.

The lock is an operating-system lock on ``relcom.sqlite3.lock`` (``flock`` on POSIX, ``msvcrt``
on Windows), so it is released by the system if the program crashes or is killed: a lock file
left behind with nobody holding it is stale and simply taken over. The file names the holder
(process, computer, start time) so a refusal can say who has the data open. Within one process
the lock is shared (reference counted), so tests and dialogs may open the same file twice.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from relcom_desktop.core import errors
from relcom_desktop.core.store.files import process_gone

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    since: str

    def describe(self) -> str:
        try:
            since = dt.datetime.fromisoformat(self.since).strftime("%d %b at %H:%M")
        except ValueError:
            since = "earlier"
        return f"process {self.pid} on {self.host}, opened {since}"


def lock_path(data_file: Path) -> Path:
    return data_file.with_name(data_file.name + LOCK_SUFFIX)


def _read_holder(handle: IO[str]) -> Holder | None:
    handle.seek(0)
    try:
        data = json.loads(handle.read() or "null")
        return Holder(int(data["pid"]), str(data["host"]), str(data["since"]))
    except (ValueError, TypeError, KeyError):
        return None


def _try_os_lock(handle: IO[str]) -> bool:
    """Take the OS lock without waiting; False if another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _os_unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":  # pragma: no cover
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class InstanceLock:
    """The lock on one data file; use :func:`acquire` to get (or share) it."""

    def __init__(self, data_file: Path) -> None:
        self.path = lock_path(data_file)
        self.was_stale = False
        self._handle: IO[str] | None = None
        self._users = 0

    def _take(self) -> None:
        try:
            handle = self.path.open("a+", encoding="utf-8")
        except OSError as exc:
            raise errors.DataDirNotWritable(
                f"RelCom Desktop cannot write next to its data file in {self.path.parent} "
                f"({exc.strerror}). Choose a folder you can write to."
            ) from None
        try:
            locked = _try_os_lock(handle)
        except OSError:  # a file system without locks (some network drives)
            locked = self._holder_is_gone(handle)
        if not locked:
            holder = _read_holder(handle)
            handle.close()
            who = f" ({holder.describe()})" if holder else ""
            raise errors.AlreadyOpen(
                f"RelCom Desktop is already open on this data file{who}. Switch to that "
                "window, or close it and try again."
            )
        self.was_stale = _read_holder(handle) is not None
        holder = Holder(
            os.getpid(), socket.gethostname(), dt.datetime.now().isoformat("T", "seconds")
        )
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(holder.__dict__))
        handle.flush()
        self._handle = handle

    @staticmethod
    def _holder_is_gone(handle: IO[str]) -> bool:
        """Without OS locks: the named holder is stale unless it is alive on this computer."""
        holder = _read_holder(handle)
        if holder is None or holder.host != socket.gethostname() or holder.pid == os.getpid():
            return True
        return process_gone(holder.pid)

    def retain(self) -> None:
        if self._users == 0:
            self._take()
        self._users += 1

    def release(self) -> None:
        """Give up one use; the last one clears the holder and unlocks (the file stays)."""
        if self._users == 0:
            return
        self._users -= 1
        if self._users or self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            _os_unlock(handle)
        except OSError:
            pass  # closing the file below releases the lock anyway
        finally:
            handle.close()
        _held.pop(self.path, None)


_held: dict[Path, InstanceLock] = {}


def acquire(data_file: Path) -> InstanceLock:
    """Hold the lock on ``data_file`` (shared within this process); raise AlreadyOpen if not."""
    key = lock_path(data_file.resolve())
    lock = _held.get(key) or InstanceLock(data_file.resolve())
    lock.retain()
    _held[key] = lock
    return lock
