"""The ``relcom`` command: open the app, or run a batch command on a data folder.

Exit codes: 0 ok, 2 a user-level error (one clear line on stderr), 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from relcom_desktop import APP_NAME, __version__
from relcom_desktop.core.errors import RelcomError

T0 = time.perf_counter()
DEMO_FOLDER = "demo"
Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="relcom",
        description=f"{APP_NAME}: relational commissioning records for looked-after children.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="D",
        help="folder holding the data file (default: your user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open a synthetic demo caseload (built on first use; never your real data)",
    )
    parser.add_argument(
        "--startup-probe",
        action="store_true",
        help="open the main window, print the start-up time in milliseconds, and exit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser(
        "demo", parents=[_common()], help="fill an empty data folder with a demo caseload"
    )
    demo.add_argument("--scale", choices=("tiny", "small", "10y"), default="small")
    demo.add_argument("--seed", type=int, default=1)
    demo.set_defaults(handler=_cmd_demo)
    return parser


def _common() -> argparse.ArgumentParser:
    """Options a sub-command also accepts after its name (``relcom demo --data-dir D``)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, metavar="D", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    return common


def _data_dir(args: argparse.Namespace) -> Path:
    from relcom_desktop.core.db import default_data_dir

    if args.data_dir is not None:
        return args.data_dir.expanduser()
    base = default_data_dir()
    return base / DEMO_FOLDER if args.demo else base


def _progress_printer(label_width: int = 24) -> Callable[[int, int, str], None]:
    interactive = sys.stderr.isatty()
    last = {"label": ""}

    def show(done: int, total: int, label: str) -> None:
        share = done / total if total else 1.0
        bar = "#" * int(share * 30)
        line = f"{label[:label_width]:<{label_width}} [{bar:<30}] {share:4.0%}"
        if interactive:
            print(f"\r{line}", end="", file=sys.stderr, flush=True)
        elif label != last["label"]:
            print(line, file=sys.stderr, flush=True)
        last["label"] = label

    return show


def _build_demo(data_dir: Path, scale: str, seed: int) -> None:
    from relcom_desktop.core import demo
    from relcom_desktop.core.db import open_store

    store = open_store(data_dir)
    try:
        started = time.perf_counter()
        summary = demo.build_demo(store, scale, seed=seed, progress=_progress_printer())
        if sys.stderr.isatty():
            print(file=sys.stderr)
        took = time.perf_counter() - started
        print(f"Built the {scale} demo caseload in {took:.1f} s: {summary}", file=sys.stderr)
    finally:
        store.close()


def _cmd_demo(args: argparse.Namespace) -> int:
    _build_demo(_data_dir(args), args.scale, args.seed)
    return 0


def _ensure_demo(data_dir: Path) -> None:
    from relcom_desktop.core.children import count_children
    from relcom_desktop.core.db import open_store

    store = open_store(data_dir)
    try:
        empty = count_children(store) == 0
    finally:
        store.close()
    if empty:
        _build_demo(data_dir, "small", 1)


def _run_gui(args: argparse.Namespace) -> int:
    from relcom_desktop.app import run_gui

    data_dir = _data_dir(args)
    if args.demo:
        _ensure_demo(data_dir)
    return run_gui(data_dir, demo=args.demo, startup_probe=args.startup_probe, t0=T0)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = getattr(args, "handler", _run_gui)
    try:
        return handler(args)
    except RelcomError as exc:
        print(f"relcom: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("relcom: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
