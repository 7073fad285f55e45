"""``relcom restore FILE``: put a backup in place of the data file (the current one kept aside)."""

from __future__ import annotations

import argparse
from pathlib import Path

from relcom_desktop.commands import data_dir, passphrase
from relcom_desktop.core.store import backup_files


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "restore",
        parents=[common],
        help="restore the data file from a backup",
        description="Check the backup, move the current data file aside into the backups "
        "folder, and put the backup in its place. FILE is a path, or a name from "
        "'relcom backup --list'. The backup is opened with RELCOM_PASSPHRASE.",
    )
    cmd.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    cmd.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from relcom_desktop.core import errors
    from relcom_desktop.core.store import backup

    folder = data_dir(args)
    chosen: Path = args.file.expanduser()
    if not chosen.exists() and (backup_files.backups_dir(folder) / chosen.name).exists():
        chosen = backup_files.backups_dir(folder) / chosen.name
    if not chosen.is_file():
        raise errors.RelcomError(f"There is no backup file {args.file}.")
    restored = backup.restore(folder, chosen, passphrase())  # audited in the restored file
    print(f"Restored the backup of {restored.backup.label}.")
    if restored.aside is not None:
        print(f"The file it replaced is kept at {restored.aside}")
    return 0
