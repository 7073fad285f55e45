"""``relcom export``: every record as JSON, one list as CSV or Excel, the caseload as an
SSDA903 return, or one child's subject access."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from relcom_desktop.commands import finish_progress, open_data, progress_printer


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from relcom_desktop.core.list_names import LIST_KEYS

    cmd = commands.add_parser(
        "export",
        parents=[common],
        help="export records (JSON, CSV, Excel, SSDA903, or everything about one child)",
        description="Export is not encrypted: keep the file safe and delete it when done. "
        "An encrypted data file needs RELCOM_PASSPHRASE.",
    )
    what = cmd.add_mutually_exclusive_group(required=True)
    what.add_argument("--json", type=Path, metavar="FILE", help="every record, losslessly")
    what.add_argument(
        "--csv",
        nargs=2,
        metavar=("LIST", "FILE"),
        help=f"one list for spreadsheets; LIST is one of: {', '.join(LIST_KEYS)}",
    )
    what.add_argument(
        "--xlsx",
        nargs=2,
        metavar=("LIST", "FILE"),
        help="one list as an Excel workbook (LIST as for --csv)",
    )
    what.add_argument(
        "--ssda903",
        type=Path,
        metavar="FOLDER",
        help="the caseload as SSDA903 header.csv and episodes.csv, into FOLDER",
    )
    what.add_argument(
        "--child",
        nargs=2,
        metavar=("ID", "FOLDER"),
        help="subject access: all held about child ID, as JSON and PDF, into FOLDER",
    )
    what.add_argument(
        "--json-schema",
        type=Path,
        metavar="FILE",
        help="write the JSON Schema of the --json format (no data file needed)",
    )
    cmd.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import time

    from relcom_desktop.core import errors
    from relcom_desktop.core.interop import csv_export, ssda903_export, transfer
    from relcom_desktop.reports import subject_access

    if args.json_schema is not None:
        text = json.dumps(transfer.json_schema(), indent=1, ensure_ascii=False) + "\n"
        args.json_schema.write_text(text, encoding="utf-8")
        print(f"Wrote the export format's schema to {args.json_schema}")
        return 0
    store = open_data(args, lock=False)
    started = time.perf_counter()
    try:
        if args.json is not None:
            done = transfer.export_json(store, args.json, progress=progress_printer())
            finish_progress(f"Exported {done.rows:,} records to {done.path}", started)
        elif args.csv is not None or args.xlsx is not None:
            excel = args.xlsx is not None
            key, path = args.xlsx if excel else args.csv
            summary = csv_export.export_csv(store, key, Path(path), excel=excel)
            print(f"Exported {summary.rows:,} rows to {summary.path}")
        elif args.ssda903 is not None:
            written = ssda903_export.export_ssda903(store, args.ssda903)
            print(
                f"Wrote {written.header_path} and {written.episodes_path}: "
                f"{written.episodes:,} episodes"
            )
            if written.left_out:
                print(f"{written.left_out:,} children have no LA reference; they were left out.")
        else:
            child, folder = args.child
            if not child.isdigit():
                raise errors.ValidationError(f"{child!r} is not a child's record number.")
            files = subject_access.export_child(store, int(child), Path(folder))
            print(f"Wrote {files.json_path} and {files.pdf_path}")
    finally:
        store.close()
    return 0
