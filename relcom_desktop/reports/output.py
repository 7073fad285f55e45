"""Writing a report so that a failure never leaves half of it behind, and auditing it.

The file is written to a temporary file in the target folder, flushed and fsynced, then
renamed over the target in one step (``os.replace``). Problems a user can fix — a folder that
does not exist, one they may not write to, a full disk — become a plain-English
:class:`RelcomError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from relcom_desktop.core import audit
from relcom_desktop.core.db import Store
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.errors import RelcomError
from relcom_desktop.reports.options import ReportResult


def _problem(target: Path, exc: OSError) -> RelcomError:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = f"you do not have permission to write in {target.parent}"
    elif exc.errno == errno.ENOSPC:
        why = "the disk is full"
    elif exc.errno == errno.ENOENT:
        why = f"the folder {target.parent} does not exist"
    else:
        why = exc.strerror or str(exc)
    return RelcomError(f"Could not save {target}: {why}. Nothing was written.")


def check_target(target: Path) -> Path:
    """The absolute target path, or a clear error if it cannot be a file we write."""
    target = Path(target).expanduser().absolute()
    if target.is_dir():
        raise RelcomError(f"{target} is a folder. Choose a file name to save the PDF as.")
    if not target.parent.is_dir():
        raise RelcomError(
            f"Could not save {target}: the folder {target.parent} does not exist. "
            "Nothing was written."
        )
    return target


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file to write; it appears at ``target`` only if the block finishes."""
    path = check_target(Path(target))
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _problem(path, exc) from exc
    try:
        with os.fdopen(fd, "wb") as file:
            yield file
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except OSError as exc:
        _remove(temp)
        raise _problem(path, exc) from exc
    except BaseException:
        _remove(temp)
        raise


def copy_file(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Path:
    """Copy ``source`` to ``target`` atomically; returns the target path."""
    with atomic_output(target) as out, open(source, "rb") as src:
        shutil.copyfileobj(src, out)
    return check_target(Path(target))


def _remove(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def record_export(store: Store, result: ReportResult) -> None:
    """Audit that a report was saved to a file (kind, record and time; no content)."""
    audit.record(
        store, AuditKind.EXPORT, result.kind.record_kind, result.record_id, result.audit_detail
    )


def record_print(store: Store, result: ReportResult) -> None:
    """Audit that a report was sent to a printer."""
    audit.record(
        store, AuditKind.PRINT, result.kind.record_kind, result.record_id, result.audit_detail
    )
