"""``relcom import``: load records from an export (JSON), a spreadsheet (CSV or Excel), the
authority's looked-after children return (SSDA903), or Ofsted's provider list
(``import_ofsted``).

Each source is one option of a required group.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from relcom_desktop.commands import finish_progress, import_ofsted, open_data, progress_printer

if TYPE_CHECKING:
    from relcom_desktop.core.interop.import_run import ImportPreview
    from relcom_desktop.core.store.db import Store


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
    import_ofsted.register_options(cmd, sources)


def run(args: argparse.Namespace) -> int:
    import_ofsted.check_options(args)
    if args.ofsted is not None:
        return import_ofsted.run(args)
    import time

    from relcom_desktop.core.interop import transfer

    store = open_data(args)
    started = time.perf_counter()
    try:
        if args.json is not None:
            done = transfer.import_json(store, args.json, progress=progress_printer())
            finish_progress(f"Imported {done.rows:,} records from {done.path}", started)
        elif args.csv is not None:
            import_spreadsheet(store, *args.csv, skip_rejected=args.skip_rejected)
        else:
            _import_ssda903(store, args)
    finally:
        store.close()
    return 0


def import_spreadsheet(store: Store, key: str, path: str, *, skip_rejected: bool) -> None:
    """``--csv LIST FILE``: import the columns whose headings are known, leaving the others
    out, and say how each column and each wording in a coded column was read."""
    from relcom_desktop.core.interop import csv_import
    from relcom_desktop.core.interop.sheet_rows import wording_lines

    csv_import.target(key)  # an unknown list is refused before the file is read
    plan = csv_import.plan_import(store, key, csv_import.read_spreadsheet(Path(path)))
    headers = plan.sheet.headers
    used = [f"{h} → {csv_import.target(key).field(f).label}"
            for h, f in zip(headers, plan.mapping, strict=False) if f]  # fmt: skip
    print(f"Read {plan.sheet.name}. Columns imported: {'; '.join(used)}.")
    if plan.ignored:
        print(f"Columns left out (not recognised): {', '.join(plan.ignored)}.")
    if plan.wordings:
        print("Wordings read as codes:", *wording_lines(plan.wordings), sep="\n")
    result = csv_import.commit_plan(store, plan, skip_rejected)
    for note in result.notes:
        print(note)
    print(f"Imported {path}: {summary(result)}")


def _import_ssda903(store: Store, args: argparse.Namespace) -> None:
    from relcom_desktop.core import errors
    from relcom_desktop.core.interop import ssda903_import

    if args.year is not None and not 2000 <= args.year <= 2100:
        raise errors.ValidationError(f"--year {args.year} is not a year like 2025 (for 2024-25).")
    header, episodes = args.ssda903
    result = ssda903_import.import_return(
        store, header, episodes, skip_rejected=args.skip_rejected, year=args.year
    )
    print(f"Imported the 903 return: {summary(result)}")


def summary(result: ImportPreview) -> str:
    """ "children: 3 new, 1 updated, 10 unchanged; placements: 5 new"."""
    from relcom_desktop.core.interop.import_run import summary_counts

    text = "; ".join(
        f"{kind}: {', '.join(f'{n:,} {what}' for what, n in counts)}"
        for kind, counts in summary_counts(result)
    )
    return text or "nothing to import"
