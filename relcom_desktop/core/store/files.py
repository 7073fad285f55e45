"""Writing files the user asked for (exports, backups, calendars, PDFs) without half files.

Content goes to a temporary file beside the target, is flushed and synced to disk, and only
then renamed over the target in one step (``os.replace``); the folder is synced so the rename
survives a power cut. A failure removes the temporary file and keeps any old target. Problems
a user can fix — a missing folder, no permission, a full disk — become a plain-English
:class:`RelcomError`.

Everything written here may hold personal data, so on POSIX it is readable by its owner only
(0600); :mod:`permissions` does the same for the data file, its folder and its backups.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from relcom_desktop.core.errors import RelcomError, disk_problem
from relcom_desktop.core.store.datafile import PARTIAL_SUFFIX, partial_path  # noqa: F401 - re-exported

PRIVATE_FILE = 0o600  # owner may read and write; nobody else anything
PRIVATE_DIR = 0o700
TEMP_SUFFIX = ".part"  # atomic_path's temporary files: ``.<target>.<pid>.<random>.part``
CRASH_VARIABLE = "RELCOM_CRASH_AT"
CRASH_STEPS = (
    "create:built", "create:placed",  # store/db.py: a new data file, before and after its rename
    "restore:staged", "restore:marked", "restore:aside", "restore:logs", "restore:replaced",
    "rekey:copied", "rekey:logs", "rekey:replaced",  # core/store/encryption.py
    "backup:copied",  # core/store/backup.py: a backup copied, not yet checked and named
)  # fmt: skip


def crash_point(step: str) -> None:
    """Fault hook for the crash tests: with ``RELCOM_CRASH_AT=<step>`` (one of
    ``CRASH_STEPS``) in the environment the process kills itself (SIGKILL) at that step, so a
    test can stop a real command at each rename or replace and check what is left.
    Otherwise it does nothing."""
    if os.environ.get(CRASH_VARIABLE) == step:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def problem(target: Path, exc: OSError) -> RelcomError:
    """What went wrong writing ``target``, in the user's terms."""
    full = disk_problem(exc)
    if full is not None:
        return type(full)(f"Could not save {target}: {full} Nothing was written.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = f"you do not have permission to write in {target.parent}"
    elif exc.errno == errno.ENOENT:
        why = f"the folder {target.parent} does not exist"
    else:
        why = exc.strerror or str(exc)
    return RelcomError(f"Could not save {target}: {why}. Nothing was written.")


def check_target(target: str | os.PathLike[str]) -> Path:
    """The absolute target path, or a clear error if it cannot be a file we write."""
    path = Path(target).expanduser().absolute()
    if path.is_dir():
        raise RelcomError(f"{path} is a folder. Choose a file name to save as.")
    if not path.parent.is_dir():
        raise RelcomError(
            f"Could not save {path}: the folder {path.parent} does not exist. Nothing was written."
        )
    return path


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_quietly(path: str | os.PathLike[str]) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def make_private(path: str | os.PathLike[str], mode: int = PRIVATE_FILE) -> None:
    """Let only the owner read or write ``path`` (POSIX; quietly nothing on other systems,
    for a missing file, or for one we may not change)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        if stat.S_IMODE(os.stat(path).st_mode) != mode:
            os.chmod(path, mode)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path to write; renamed onto ``target`` only if the block succeeds."""
    path = check_target(target)
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent
        )
    except OSError as exc:
        raise problem(path, exc) from exc
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        make_private(temp)  # a writer may have replaced the temporary file
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        raise problem(path, exc) from exc
    finally:
        remove_quietly(temp)


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file handle whose content appears at ``target`` only if the block finishes."""
    with atomic_path(target) as temp, temp.open("wb") as handle:
        yield handle
        handle.flush()


@contextlib.contextmanager
def atomic_text(
    target: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """A text file handle whose content replaces ``target`` only if the block succeeds."""
    with atomic_path(target) as temp, temp.open("w", encoding=encoding, newline=newline) as fh:
        yield fh
        fh.flush()


def write_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def copy_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Copy ``source`` to ``target`` atomically; returns the target path."""
    with atomic_output(target) as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out)
    return check_target(target)


def link_or_copy(source: Path, target: Path) -> None:
    """Make ``target`` a second name for ``source`` (a hard link), or a synced copy where
    links are not possible (another disk); ``source`` itself is not changed."""
    remove_quietly(target)
    try:
        os.link(source, target)
    except OSError:
        copy_file(source, target)
    fsync_dir(target.parent)


def writer_gone(temp: Path) -> bool:
    """Whether the process that was writing ``temp`` (an atomic_path file) has ended."""
    parts = temp.name.rsplit(".", 3)
    return len(parts) == 4 and parts[-3].isdigit() and process_gone(int(parts[-3]))


def process_gone(pid: int) -> bool:
    """Whether process ``pid`` has certainly ended (False when it runs or we cannot tell)."""
    if sys.platform == "win32":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False
    return False
