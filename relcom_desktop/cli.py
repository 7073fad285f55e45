"""The ``relcom`` command: open the app, or run a batch command on a data folder.

Exit codes: 0 ok, 2 a user-level error (one clear line on stderr), 130 interrupted.
Sub-commands live in :mod:`relcom_desktop.commands`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from relcom_desktop import APP_NAME, __version__
from relcom_desktop.core.errors import RelcomError, disk_problem

if TYPE_CHECKING:
    import argparse

T0 = time.perf_counter()
Handler = Callable[[Any], int]
APP_SWITCHES = {"--demo": "demo", "--startup-probe": "startup_probe"}


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser; given ``argv``, only the sub-command it names is loaded."""
    import argparse

    from relcom_desktop.commands import register_all

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
    register_all(parser.add_subparsers(dest="command", metavar="COMMAND"), _common(), argv)
    return parser


def _common() -> argparse.ArgumentParser:
    """Options a sub-command also accepts after its name (``relcom demo --data-dir D``)."""
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, metavar="D", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    return common


def app_options(argv: list[str]) -> SimpleNamespace | None:
    """Opening the app (``--data-dir D``, ``--demo``, ``--startup-probe`` and nothing else),
    read without argparse: building the parser costs the window's first paint ~8 ms.
    Anything else (help, a command, a mistyped option) is None: the parser reads it, and
    explains what is wrong."""
    found: dict[str, Any] = {"command": None, "data_dir": None, "demo": False}
    found["startup_probe"] = False
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=")
        if word in APP_SWITCHES:
            found[APP_SWITCHES[word]] = True
        elif name == "--data-dir":
            value = value if equals else next(words, "")
            if not value or (value.startswith("-") and not equals):
                return None
            found["data_dir"] = Path(value)
        else:
            return None
    return SimpleNamespace(**found)


def _run_gui(args: argparse.Namespace | SimpleNamespace) -> int:
    from relcom_desktop.app import run_gui
    from relcom_desktop.core.store.datafile import chosen_folder

    folder = chosen_folder(args.data_dir, args.demo)
    if args.demo:
        from relcom_desktop.commands import demo

        demo.ensure(folder)
    return run_gui(folder, demo=args.demo, startup_probe=args.startup_probe, t0=T0)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = app_options(argv) or build_parser(argv).parse_args(argv)
    handler: Handler = getattr(args, "handler", _run_gui)
    try:
        return handler(args)
    except RelcomError as exc:
        print(f"relcom: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:
        problem = disk_problem(exc)  # a full disk, whichever command met it
        if problem is None:
            raise
        print(f"relcom: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("relcom: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
