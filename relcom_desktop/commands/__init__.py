"""Batch sub-commands of ``relcom``. Each module defines ``register(subparsers, common)``.

Add a new command by writing a module here and listing it in ``COMMAND_MODULES``; its
handler returns an exit code and raises ``RelcomError`` for user-level problems.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.store.datafile import chosen_folder

if TYPE_CHECKING:
    from relcom_desktop.core.store.db import Store

COMMAND_MODULES = (
    "demo", "report", "search", "backup", "restore", "export", "import_", "check", "encrypt",
)  # fmt: skip
# Commands that may run without a data file: the two that create one, and restore (which
# puts a backup in place of a missing file, never an empty store).
MAY_GO_WITHOUT_DATA = ("demo", "import_", "restore")
PASSPHRASE_VARIABLE = "RELCOM_PASSPHRASE"


def iso_date(text: str) -> dt.date:
    """An argparse type for a day written as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from None


def register_all(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    argv: Sequence[str] | None = None,
) -> None:
    """Register the sub-commands — unless ``argv`` just opens the app (no command, no help),
    so opening the window does not import every command first."""
    if argv is not None and not _names_a_command(argv):
        return
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(commands, common)


def _names_a_command(argv: Sequence[str]) -> bool:
    """True if ``argv`` asks for help or has a positional word (a command, or a typo of one)."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return True
        if word == "--data-dir":
            next(words, None)  # its value is a folder, not a command
        elif not word.startswith("-"):
            return True
    return False


def data_dir(args: argparse.Namespace) -> Path:
    """The folder the user chose, or the default (a separate folder for the demo).

    For a command that needs the data file, a missing (or empty) one is refused here, so
    only the app's first-run wizard, ``demo`` and ``import`` ever create a data file."""
    folder = chosen_folder(getattr(args, "data_dir", None), getattr(args, "demo", False))
    if _needs_data_file(args):
        _refuse_missing(folder)
    return folder


def _needs_data_file(args: argparse.Namespace) -> bool:
    handler = getattr(args, "handler", None)
    if handler is None or getattr(args, "list", False):
        return False  # the app (with its first-run wizard), or listing backups
    return handler.__module__.rpartition(".")[2] not in MAY_GO_WITHOUT_DATA


def _refuse_missing(folder: Path) -> None:
    from relcom_desktop.core import errors
    from relcom_desktop.core.store import recovery
    from relcom_desktop.core.store.db import data_file, has_data_file

    path = data_file(folder)
    if not has_data_file(path):
        recovery.recover(path)  # a restore stopped with its copy ready puts that in place
    if not has_data_file(path):
        raise errors.StoreError(
            f"There is no RelCom Desktop data file in {folder}: nothing was done. Open the "
            "app to set one up, or fill the folder with 'relcom import' or 'relcom demo'."
        )


def passphrase() -> str | None:
    """The passphrase for batch use, from RELCOM_PASSPHRASE (never a command-line option,
    which other users of the computer could see)."""
    return os.environ.get(PASSPHRASE_VARIABLE) or None


def open_data(args: argparse.Namespace, *, lock: bool = True, existing: bool = False) -> Store:
    """Open the chosen data folder's file: the one way a command opens the store."""
    return open_folder(data_dir(args), lock=lock, existing=existing)


def open_folder(folder: Path, *, lock: bool = True, existing: bool = False) -> Store:
    """Open ``folder``'s data file with RELCOM_PASSPHRASE: it keys an encrypted file and
    encrypts a new one (a plain file opens plain). With ``existing``, a folder without a
    data file is refused instead of given a new, empty one."""
    from relcom_desktop.core.store.db import open_store

    if existing:
        require_data(folder)
    return open_store(folder, passphrase(), lock=lock)


def require_data(folder: Path) -> None:
    """Refuse a folder with no data file (before anything would be created there)."""
    from relcom_desktop.core.store.datafile import DB_FILENAME

    if not (folder / DB_FILENAME).is_file():
        raise RelcomError(f"There is no RelCom Desktop data in {folder}.")


def passphrase_for(folder: Path) -> str | None:
    """RELCOM_PASSPHRASE for commands that read the file without opening the store (check):
    refused in one line when the file is encrypted and the variable is not set."""
    from relcom_desktop.core.errors import PassphraseNeeded
    from relcom_desktop.core.store.datafile import DB_FILENAME, FileState, file_state

    secret = passphrase()
    path = folder / DB_FILENAME
    if secret is None and file_state(path) is FileState.ENCRYPTED:
        raise PassphraseNeeded(
            f"The data file {path} is encrypted: set RELCOM_PASSPHRASE to its passphrase."
        )
    return secret


def progress_printer(label_width: int = 24) -> Callable[[int, int, str], None]:
    """A text progress bar on stderr when it is a terminal; silent otherwise, so that a
    script sees only the outcome (or the one line saying what went wrong)."""
    interactive = sys.stderr.isatty()

    def show(done: int, total: int, label: str) -> None:
        if not interactive:
            return
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        line = f"{label[:label_width]:<{label_width}} [{bar:<30}] {share:4.0%}"
        print(f"\r{line}", end="", file=sys.stderr, flush=True)

    return show


def finish_progress(message: str, started: float) -> None:
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{message} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
