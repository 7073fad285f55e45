"""A log of unexpected errors for the IT team, holding no personal data.

Only the kind of error and where in the code it happened are written: never the error's
message, the values involved or a file path outside the program (a message or a home folder
name may hold a child's or a user's name). The log is kept small by rotation.
"""

from __future__ import annotations

import datetime as dt
import logging
import platform
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from relcom_desktop import APP_NAME, __version__

LOG_NAME = "relcom.log"
MAX_BYTES = 256_000
KEEP_OLD = 2
CODE_ROOTS = ("relcom_desktop", "site-packages")  # paths are shown from these folders on


def log_dir() -> Path:
    """The platform's folder for this app's logs (e.g. ~/.local/state/RelCom Desktop/log)."""
    import platformdirs

    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def code_place(filename: str) -> str:
    """A source file named from the program's own folders, never from the user's."""
    parts = Path(filename).parts
    for root in CODE_ROOTS:
        if root in parts:
            start = parts.index(root) + (root == "site-packages")
            return "/".join(parts[start:])
    return Path(filename).name


def describe(kind: type[BaseException], tb: TracebackType | None) -> list[str]:
    """The error's kind and the code lines it passed through, innermost last."""
    lines = [f"{kind.__module__}.{kind.__qualname__}"]
    lines += [
        f"  {code_place(frame.filename)}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(tb)
    ]
    return lines


def record_unexpected(
    kind: type[BaseException], tb: TracebackType | None, folder: Path | None = None
) -> Path:
    """Append an entry for an unexpected error; returns the log file's path."""
    path = (folder or log_dir()) / LOG_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP_OLD, encoding="utf-8")
    try:
        header = (
            f"{dt.datetime.now().isoformat(timespec='seconds')} {APP_NAME} {__version__} "
            f"(Python {platform.python_version()}, {platform.system()}): unexpected error"
        )
        text = "\n".join([header, *describe(kind, tb)])
        handler.emit(logging.makeLogRecord({"msg": text, "levelno": logging.ERROR}))
    finally:
        handler.close()
    return path
