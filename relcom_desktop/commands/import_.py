"""``relcom import``: load records from an export (JSON) or a list (CSV).

Each source is one option of a required group, so other formats (SSDA903) can be added as
further options beside ``--json`` and ``--csv``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from relcom_desktop.commands import finish_progress, open_data, progress_printer


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "import",
        parents=[common],
        help="import records from a JSON export or a CSV list",
        description="All or nothing: if any record is refused, nothing is imported. A new "
        "data file made by an import is encrypted when RELCOM_PASSPHRASE is set.",
    )
    cmd.set_defaults(handler=run)
    sources = cmd.add_mutually_exclusive_group(required=True)
    sources.add_argument(
        "--json", type=Path, metavar="FILE", help="a whole export, into an empty data folder"
    )
    sources.add_argument(
        "--csv",
        nargs=2,
        metavar=("LIST", "FILE"),
        help="add children or providers from a spreadsheet (LIST: children or providers)",
    )


def run(args: argparse.Namespace) -> int:
    import time

    from relcom_desktop.core import csv_import, transfer

    store = open_data(args)
    started = time.perf_counter()
    try:
        if args.json is not None:
            done = transfer.import_json(store, args.json, progress=progress_printer())
            finish_progress(f"Imported {done.rows:,} records from {done.path}", started)
        elif args.csv is not None:
            key, path = args.csv
            count = csv_import.import_csv(store, key, Path(path))
            print(f"Imported {count:,} {key} from {path}")
    finally:
        store.close()
    return 0
