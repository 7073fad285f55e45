"""``relcom report``: print a child summary, provider summary, meeting minutes, review pack
or reflective practice summary to a PDF without opening the app.

    relcom --data-dir D report child 12 -o child.pdf --redact
    relcom --data-dir D report pack --provider 3 --sections providers children -o pack.pdf
    relcom --data-dir D report practice -o practice.pdf --from 2026-04-01 --to 2027-03-31
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from relcom_desktop.commands import finish_progress, iso_date, open_data, progress_printer
from relcom_desktop.core.errors import RelcomError

KINDS = ("child", "provider", "meeting")


def _sections(text: str) -> list[str]:
    from relcom_desktop.reports.options import PackSection

    names = [part.strip() for part in text.split(",") if part.strip()]
    known = [s.value for s in PackSection]
    for name in names:
        if name not in known:
            raise argparse.ArgumentTypeError(
                f"{name!r} is not a section; choose from {', '.join(known)}"
            )
    return names


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    options = argparse.ArgumentParser(add_help=False, parents=[common])
    options.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.pdf")
    options.add_argument(
        "--redact",
        action="store_true",
        help="children and family by initials, professionals by role, ages only, no addresses",
    )
    options.add_argument("--paper", choices=("a4", "letter"), default="a4")
    options.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD")
    options.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD")
    report = commands.add_parser("report", parents=[common], help="print a report to a PDF")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    for kind in KINDS:
        parser = kinds.add_parser(kind, parents=[options], help=f"a {kind} report")
        parser.add_argument("record_id", type=int, metavar="ID")
        parser.set_defaults(handler=run)
    pack = kinds.add_parser("pack", parents=[options], help="a review pack")
    whose = pack.add_mutually_exclusive_group(required=True)
    whose.add_argument("--child", type=int, metavar="ID")
    whose.add_argument("--provider", type=int, metavar="ID")
    pack.add_argument(
        "--sections",
        nargs="+",
        type=_sections,
        metavar="SECTION",
        help="children, providers, meetings, reflections, practice "
        "(default: all but practice, the commissioner's own)",
    )
    pack.set_defaults(handler=run)
    practice = kinds.add_parser(
        "practice",
        parents=[options],
        help="a reflective practice summary for supervision or appraisal (--from/--to: period)",
    )
    practice.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from relcom_desktop.reports import (
        DEFAULT_SECTIONS,
        PackSection,
        Paper,
        ReportKind,
        ReportOptions,
    )
    from relcom_desktop.reports.build import build_report

    kind, record_id = _what(args)
    chosen = [name for group in getattr(args, "sections", None) or [] for name in group]
    options = ReportOptions(
        redact=args.redact,
        paper=Paper(args.paper),
        date_from=args.date_from,
        date_to=args.date_to,
        sections=tuple(dict.fromkeys(PackSection(n) for n in chosen)) or DEFAULT_SECTIONS,
    )
    store = open_data(args, existing=True)
    try:
        started = time.perf_counter()
        result = build_report(
            store, ReportKind(kind), record_id, args.output, options, progress=progress_printer()
        )
    finally:
        store.close()
    finish_progress(f"Wrote {result.path} ({result.pages} pages)", started)
    return 0


def _what(args: argparse.Namespace) -> tuple[str, int | None]:
    if args.report_kind == "practice":
        return "practice", None
    if args.report_kind != "pack":
        return args.report_kind, args.record_id
    if args.child is not None:
        return "child_pack", args.child
    if args.provider is not None:
        return "provider_pack", args.provider
    raise RelcomError("Say whose review pack to print: --child ID or --provider ID.")
