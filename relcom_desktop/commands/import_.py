"""``relcom import``: load records from an export (JSON), a spreadsheet (CSV or Excel), or the
authority's looked-after children return (SSDA903).

Each source is one option of a required group.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from relcom_desktop.commands import finish_progress, open_data, progress_printer

if TYPE_CHECKING:
    from relcom_desktop.core.db import Store
    from relcom_desktop.core.import_run import ImportPreview


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "import",
        parents=[common],
        help="import records from a JSON export, a spreadsheet or a 903 return",
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
        help="add or update children, providers or placements from a spreadsheet "
        "(CSV or .xlsx; LIST: children, providers or placements)",
    )
    sources.add_argument(
        "--ssda903",
        nargs=2,
        type=Path,
        metavar=("HEADER", "EPISODES"),
        help="children and placements from the authority's SSDA903 return (two CSV files)",
    )
    cmd.add_argument(
        "--year",
        type=int,
        metavar="YYYY",
        help="with --ssda903: the collection year whose code lists to check against, named "
        "by the year it ends (2025 for 2024-25); by default the year of the latest date",
    )
    cmd.add_argument(
        "--skip-rejected",
        action="store_true",
        help="with --ssda903 or --csv: import the rest when rows are rejected (a child with "
        "a rejected 903 row is left out whole)",
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
            result = csv_import.import_csv(store, key, Path(path), skip_rejected=args.skip_rejected)
            print(f"Imported {path}: {summary(result)}")
        else:
            _import_ssda903(store, args)
    finally:
        store.close()
    return 0


def _import_ssda903(store: Store, args: argparse.Namespace) -> None:
    from relcom_desktop.core import errors, ssda903_import

    if args.year is not None and not 2000 <= args.year <= 2100:
        raise errors.ValidationError(f"--year {args.year} is not a year like 2025 (for 2024-25).")
    header, episodes = args.ssda903
    result = ssda903_import.import_return(
        store, header, episodes, skip_rejected=args.skip_rejected, year=args.year
    )
    print(f"Imported the 903 return: {summary(result)}")


def summary(result: ImportPreview) -> str:
    """ "children: 3 new, 1 updated, 10 unchanged; placements: 5 new"."""
    from relcom_desktop.core.import_run import summary_counts

    text = "; ".join(
        f"{kind}: {', '.join(f'{n:,} {what}' for what, n in counts)}"
        for kind, counts in summary_counts(result)
    )
    return text or "nothing to import"
