"""The backups folder: where it is (:class:`BackupPlan`, kept in a small file beside the data
file, so a damaged data file can still be restored from backups kept elsewhere), the backups
in it, and what to say about a damaged file. No database here: opening the data file uses it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from relcom_desktop.core import errors
from relcom_desktop.core.store.files import atomic_text

BACKUP_FOLDER = "backups"
BACKUP_PREFIX = "relcom-backup-"
ASIDE_PREFIX = "relcom-before-restore-"
STAMP = "%Y%m%d-%H%M%S"
NAME_RE = re.compile(r"^(relcom-backup-|relcom-before-restore-)(\d{8}-\d{6})(?:-\d+)?\.sqlite3$")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
KEEP_LIMITS = {"keep_daily": (1, 60), "keep_weekly": (0, 52), "keep_monthly": (0, 120)}
PLAN_FILE = "backup-plan.json"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: dt.datetime  # local time, as in the file name
    size: int
    before_restore: bool  # a copy kept aside when a backup was restored

    @property
    def label(self) -> str:
        return f"{self.taken_at:%d %b %Y at %H:%M}"


@dataclass(frozen=True)
class BackupPlan:
    """Where backups go (None: the backups folder beside the data) and how many are kept."""

    folder: Path | None = None
    keep_daily: int = KEEP_DAILY
    keep_weekly: int = KEEP_WEEKLY
    keep_monthly: int = KEEP_MONTHLY


def backup_plan(data_dir: Path) -> BackupPlan:
    """The plan saved for this data folder; the defaults if none (or an unreadable one)."""
    try:
        raw = json.loads((Path(data_dir) / PLAN_FILE).read_text(encoding="utf-8"))
        folder = raw.get("folder")
        counts = {key: int(raw.get(key, getattr(BackupPlan, key))) for key in KEEP_LIMITS}
    except (OSError, ValueError, TypeError, AttributeError):
        return BackupPlan()
    plan = BackupPlan(Path(folder) if folder else None, **counts)
    return plan if not _plan_problem(plan) else BackupPlan()


def _plan_problem(plan: BackupPlan) -> str | None:
    for key, (low, high) in KEEP_LIMITS.items():
        if not low <= getattr(plan, key) <= high:
            what = key.removeprefix("keep_")
            return f"Keep between {low} and {high} {what} backups."
    if plan.folder is not None and not plan.folder.is_absolute():
        return "Choose the backup folder with its full path."
    return None


def save_backup_plan(data_dir: Path, plan: BackupPlan) -> None:
    """Save where backups go and how many are kept; the folder must be one we can write."""
    problem = _plan_problem(plan)
    if problem:
        raise errors.ValidationError(problem)
    if plan.folder is not None:
        try:
            plan.folder.mkdir(parents=True, exist_ok=True)
            tempfile.TemporaryFile(dir=plan.folder).close()  # can we write there?
        except OSError:
            raise errors.ValidationError(
                f"RelCom Desktop cannot write backups in {plan.folder}. Choose another folder."
            ) from None
    values = asdict(plan) | {"folder": str(plan.folder) if plan.folder else None}
    with atomic_text(Path(data_dir) / PLAN_FILE) as fh:
        json.dump(values, fh, indent=2)


def backups_dir(data_dir: Path) -> Path:
    """The folder new backups go to."""
    return backup_plan(data_dir).folder or Path(data_dir) / BACKUP_FOLDER


def _parse(path: Path) -> Backup | None:
    match = NAME_RE.match(path.name)
    if match is None:
        return None
    try:
        taken = dt.datetime.strptime(match.group(2), STAMP)
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return Backup(path, taken, size, match.group(1) == ASIDE_PREFIX)


def list_backups(data_dir: Path, *, include_aside: bool = True) -> list[Backup]:
    """Backups in the chosen backups folder and the one beside the data, newest first."""
    folders = {backups_dir(data_dir), Path(data_dir) / BACKUP_FOLDER}
    paths = [p for folder in folders if folder.is_dir() for p in folder.iterdir()]
    found = [b for b in map(_parse, paths) if b is not None]
    found = [b for b in found if include_aside or not b.before_restore]
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def restore_advice(data_dir: Path) -> str:
    """What to do about a damaged file: name the newest backup if there is one."""
    latest = list_backups(data_dir, include_aside=False)
    if not latest:
        return (
            "There is no backup in its backups folder. If you have a copy of the file "
            "elsewhere, put it back in the data folder; nothing has been changed."
        )
    return (
        f"Restore it from the backup of {latest[0].taken_at:%d %b %Y} (Restore from backup "
        f"in the File menu, or: relcom restore {latest[0].path.name}). The damaged file "
        "has not been changed."
    )
