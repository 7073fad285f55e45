"""Where the data file lives and what kind of file it is — answered without opening it.

Kept free of SQLAlchemy so the app can decide how to start before loading the database layer.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from relcom_desktop import APP_NAME

DB_FILENAME = "relcom.sqlite3"
DEMO_FOLDER = "demo"  # the demo caseload, beside (never in) the user's own data
SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_PAGE = 512  # SQLite and SQLCipher files are always whole pages of at least this size


class FileState(Enum):
    """What is in the data folder, as far as can be told without a passphrase."""

    MISSING = "missing"  # no data file yet (or an empty one): first run
    PLAIN = "plain"  # an unencrypted SQLite file
    ENCRYPTED = "encrypted"  # random-looking whole pages: SQLCipher (or something unknown)
    OTHER = "other"  # anything else: not a RelCom data file


def default_data_dir() -> Path:
    """The operating system's per-user data folder for RelCom Desktop."""
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def chosen_folder(data_dir: Path | None, demo: bool = False) -> Path:
    """The data folder named on the command line, or the default (its demo folder for the
    demo caseload)."""
    if data_dir is not None:
        return Path(data_dir).expanduser()
    base = default_data_dir()
    return base / DEMO_FOLDER if demo else base


def data_file(data_dir: Path, filename: str = DB_FILENAME) -> Path:
    return Path(data_dir) / filename


def file_state(path: Path) -> FileState:
    """Whether ``path`` is missing, plain SQLite, encrypted, or something else."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(64)
    except FileNotFoundError:
        return FileState.MISSING
    except OSError:
        return FileState.OTHER  # unreadable: open_store explains it
    if size == 0:
        return FileState.MISSING
    if head.startswith(SQLITE_MAGIC):
        return FileState.PLAIN
    # A SQLCipher file starts with a random salt; a text file with readable characters.
    readable = sum(32 <= b < 127 or b in (9, 10, 13) for b in head)
    if size >= MIN_PAGE and size % MIN_PAGE == 0 and readable < len(head) * 0.9:
        return FileState.ENCRYPTED
    return FileState.OTHER


# ---- what interrupted work leaves beside the data file (see ``recovery``) ---------------

PARTIAL_SUFFIX = ".partial"
NEW_SUFFIX = ".new"  # a new data file being built: ``.relcom.sqlite3.new``
REWRITE_SUFFIX = ".rekey"  # a keyed copy being written by a passphrase change
MARKER_SUFFIX = ".restoring"  # a staged restore that is to be finished
STAGING_SUFFIX = ".staging"  # a restore's copy being prepared


def new_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{NEW_SUFFIX}")


def rekey_path(path: Path) -> Path:
    return path.with_name(path.name + REWRITE_SUFFIX)


def staging_path(path: Path) -> Path:
    """Where a restore's copy is prepared; renamed to ``partial_path`` once checked, so a
    ``.relcom.sqlite3.partial`` file is always a whole, checked copy."""
    return path.with_name(f".{path.name}{STAGING_SUFFIX}")


def marker_path(path: Path) -> Path:
    return path.with_name(f".{path.name}{MARKER_SUFFIX}")


def partial_path(path: Path) -> Path:
    """A fixed staging name beside ``path`` (for work that must be resumable or cleaned up)."""
    return path.with_name(f".{path.name}{PARTIAL_SUFFIX}")


def leftovers(path: Path) -> list[Path]:
    """What an interrupted creation, re-key or restore left beside the data file."""
    names = [new_path(path), rekey_path(path), staging_path(path)]
    names += [partial_path(path), marker_path(path)]
    return [p for p in names if p.exists()]
