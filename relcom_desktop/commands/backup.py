"""``relcom backup``: make a verified backup now (or ``--list`` the backups there are)."""

from __future__ import annotations

import argparse

from relcom_desktop.commands import data_dir, open_data
from relcom_desktop.core.store import backup_files


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "backup",
        parents=[common],
        help="make a verified backup of the data file in its backups folder",
        description="Make a consistent, verified backup (still encrypted) in the backups "
        "folder next to the data file, and thin out old ones (7 daily, 4 weekly, 12 monthly). "
        "An encrypted file needs RELCOM_PASSPHRASE.",
    )
    cmd.add_argument("--list", action="store_true", help="list the backups instead")
    cmd.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from relcom_desktop.core.store import backup

    if args.list:
        for item in backup_files.list_backups(data_dir(args)):
            kind = "  (kept aside before a restore)" if item.before_restore else ""
            print(f"{item.label}  {item.size / 1e6:8.1f} MB  {item.path}{kind}")
        return 0
    store = open_data(args, lock=False)  # a backup may run while the app is open
    try:
        made = backup.make_backup(store)
    finally:
        store.close()
    print(f"Backed up and verified: {made.path}")
    return 0
