"""Reading Today at start-up in a helper process, while Qt starts in the app's own.

Measured on the 10y demo: read on a thread, Today's reading (about 100 ms of work) shared
Python's lock with Qt's start, and the window's first paint came 45–110 ms later. A process
of its own reads on the other core and hands back the finished view, so the first paint is
not delayed and Today is ready about when the window is. Only a plain file is read this way;
the process opens it read-only and writes nothing but the view to its output.

    python -m relcom_desktop.core.today_early PATH SCHEMA   (writes the pickled view)
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relcom_desktop.core.today_items import TodayView

WAIT_SECONDS = 3  # it takes ~0.1 s on ten years of records; longer, and the file opens as usual


def start_reading(path: Path, schema: str) -> Callable[[], TodayView | None]:
    """Start reading Today from the plain data file at ``path`` (see
    :func:`today_read.read_file`); call the function returned to wait for the view (None
    if it could not be read: opening the file in full then says why)."""
    if getattr(sys, "frozen", False) or not sys.executable:
        return lambda: None  # a bundled app cannot run a module: Today is read after opening
    args = [sys.executable, "-m", __name__, str(path), schema]
    if not hasattr(os, "posix_spawn"):  # Windows
        return _with_subprocess(args)
    output, into = os.pipe()
    quiet = os.open(os.devnull, os.O_RDWR)
    dup = os.POSIX_SPAWN_DUP2
    try:
        # posix_spawn, not subprocess: that module alone costs the first paint ~10 ms.
        reader = os.posix_spawn(
            sys.executable, args, os.environ,
            file_actions=[(dup, quiet, 0), (dup, into, 1), (dup, quiet, 2)],
        )  # fmt: skip
    except OSError:
        os.close(output)
        return lambda: None
    finally:
        os.close(into)
        os.close(quiet)
    return lambda: _collect(reader, output)


def _collect(reader: int, output: int) -> TodayView | None:
    """The view the reading process wrote, once it has ended (None if it failed)."""
    import select

    chunks, deadline, ended = [], time.monotonic() + WAIT_SECONDS, False
    try:
        while not ended and time.monotonic() < deadline:
            ready, _, _ = select.select([output], [], [], deadline - time.monotonic())
            chunk = os.read(output, 1 << 16) if ready else b""
            ended = bool(ready) and not chunk  # the end of its output: it is exiting
            chunks.append(chunk)
    finally:
        os.close(output)
    if not ended:  # still reading after all this time: Today is read the usual way
        os.kill(reader, signal.SIGKILL)
    _, status = os.waitpid(reader, 0)
    return _view(b"".join(chunks)) if ended and status == 0 else None


def _with_subprocess(args: list[str]) -> Callable[[], TodayView | None]:
    import subprocess

    reader = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )

    def wait() -> TodayView | None:
        try:
            out, _ = reader.communicate(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            reader.kill()
            reader.communicate()
            return None
        return _view(out) if reader.returncode == 0 else None

    return wait


def _view(out: bytes) -> TodayView | None:
    import pickle

    view: TodayView | None = pickle.loads(out) if out else None  # our own process's output
    return view


def main(args: list[str]) -> None:
    import pickle

    from relcom_desktop.core.today_read import read_file

    view = read_file(Path(args[0]), args[1])
    sys.stdout.buffer.write(pickle.dumps(view))
    sys.stdout.buffer.flush()
    os._exit(0)  # at once: the app waits for this process's end, not for Python's tidying


if __name__ == "__main__":
    main(sys.argv[1:])
