"""Writing files the user asked for (exports, calendars, PDFs) without ever leaving half a file.

The content goes to a temporary file beside the target, is flushed and synced to disk, and
only then renamed over the target; a failure removes the temporary file and keeps any old one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from relcom_desktop.core import errors


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path to write to; renamed to ``target`` when the block ends without error."""
    target = Path(target)
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise errors.RelcomError(f"Cannot write to {target.parent}: {exc.strerror}.") from None
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, target)
    except OSError as exc:
        raise errors.RelcomError(f"Could not save {target.name}: {exc.strerror}.") from None
    finally:
        temp.unlink(missing_ok=True)


def write_atomically(target: Path, data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)
