"""``relcom demo --scale S``: fill an empty data folder with a synthetic caseload."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from relcom_desktop.commands import (
    data_dir,
    finish_progress,
    iso_date,
    open_folder,
    progress_printer,
)


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser(
        "demo", parents=[common], help="fill an empty data folder with a demo caseload"
    )
    demo.add_argument("--scale", choices=("tiny", "small", "10y"), default="small")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--today",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="build the caseload around this day instead of today (the same day, scale and "
        "seed always give the same records)",
    )
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    build(data_dir(args), args.scale, args.seed, args.today)
    return 0


def build(folder: Path, scale: str, seed: int, today: dt.date | None = None) -> None:
    from relcom_desktop.core import demo

    store = open_folder(folder)
    try:
        started = time.perf_counter()
        summary = demo.build_demo(store, scale, seed=seed, today=today, progress=progress_printer())
        finish_progress(f"Built the {scale} demo caseload ({summary.total:,} records)", started)
    finally:
        store.close()


def ensure(folder: Path) -> None:
    """Build the small demo in ``folder`` unless it already holds a caseload."""
    from relcom_desktop.core.store.datafile import FileState, data_file, file_state

    if file_state(data_file(folder)) is FileState.PLAIN:
        return  # built before (checking it would load the database layer before the window)
    from relcom_desktop.core.child_list import count_children

    store = open_folder(folder)
    try:
        empty = count_children(store) == 0
    finally:
        store.close()
    if empty:
        build(folder, "small", 1)
