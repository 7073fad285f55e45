"""``relcom check``: integrity, links, schema and backups of the data file (read-only)."""

from __future__ import annotations

import argparse

from relcom_desktop.commands import data_dir, passphrase_for

MARKS = {"ok": "ok     ", "note": "note   ", "problem": "PROBLEM"}


def register(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    cmd = commands.add_parser(
        "check",
        parents=[common],
        help="check the data file for damage and report (changes nothing)",
        description="Exit code 0 when no problem was found, 2 when one was. An encrypted "
        "data file needs RELCOM_PASSPHRASE.",
    )
    cmd.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from relcom_desktop.core.store.health_check import check

    folder = data_dir(args)
    report = check(folder, passphrase_for(folder))
    print(f"Checking {report.path}")
    for finding in report.findings:
        print(f"  {MARKS[finding.status.value]}  {finding.title}: {finding.detail}")
    print("No problems found." if report.healthy else "Problems found: see above.")
    return 0 if report.healthy else 2
