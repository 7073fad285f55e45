"""``relcom search TEXT``: the same ranked results as the app's search box, grouped by kind."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from relcom_desktop.commands import open_data


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser("search", parents=[common], help="find records by their words")
    cmd.add_argument("text", help="words to look for (each matches as the start of a word)")
    cmd.add_argument(
        "--kind",
        action="append",
        default=[],
        metavar="KIND",
        help="only this kind of record (repeatable), e.g. child, journal_entry",
    )
    cmd.add_argument("--from", dest="date_from", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    cmd.add_argument("--to", dest="date_to", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    cmd.add_argument("--limit", type=int, default=50)
    cmd.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from relcom_desktop.core import search
    from relcom_desktop.core.errors import ValidationError

    unknown = set(args.kind) - set(search.KIND_LABELS)
    if unknown:
        choices = ", ".join(sorted(search.KIND_LABELS))
        raise ValidationError(f"Unknown kind {', '.join(sorted(unknown))}; choose from {choices}.")
    store = open_data(args, existing=True)
    try:
        hits = search.search(
            store,
            args.text,
            kinds=tuple(args.kind),
            date_from=args.date_from,
            date_to=args.date_to,
            limit=args.limit,
        )
    finally:
        store.close()
    print_hits(hits)
    return 0


def print_hits(hits: list) -> None:  # list[SearchHit]
    if not hits:
        print("No matches.")
        return
    mark = ("\033[1m", "\033[0m") if sys.stdout.isatty() else ("[", "]")
    groups: dict[str, list] = {}
    for hit in hits:
        groups.setdefault(hit.kind_label, []).append(hit)
    for label, group in groups.items():
        print(label)
        for hit in group:
            day = f"{hit.on_date:%d %b %Y}  " if hit.on_date else ""
            snippet = " ".join(hit.plain("snippet", mark).split())
            title = hit.plain("title", mark)
            print(f"  {day}{title}" + (f" — {snippet}" if snippet else ""))
            print(f"    open: {hit.open_kind} {hit.open_id}")
