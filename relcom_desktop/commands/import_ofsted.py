"""``relcom import --ofsted FILE``: Ofsted's provider list, by the same rules as the dialog.

Only settings already on the register are updated unless ``--add-all``; ``--local-authority``
and ``--provision-type`` narrow the rows (each may be given more than once); rejected rows
stop the import unless ``--skip-rejected``. Exit 0 when done, 2 with one line otherwise.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from relcom_desktop.commands import finish_progress, open_data, progress_printer

if TYPE_CHECKING:
    from relcom_desktop.core.interop.ofsted_import import ImportPreview, ImportResult


def register_options(
    cmd: argparse.ArgumentParser, sources: argparse._MutuallyExclusiveGroup
) -> None:
    sources.add_argument(
        "--ofsted",
        type=Path,
        metavar="FILE",
        help="update settings from Ofsted's published provider list (CSV); only settings "
        "already on the register unless --add-all; --skip-rejected imports the rest when rows "
        "are rejected",
    )
    cmd.add_argument(
        "--add-all",
        action="store_true",
        help="with --ofsted: also add the settings of the list that are not on the register",
    )
    cmd.add_argument(
        "--local-authority",
        action="append",
        metavar="NAME",
        help="with --ofsted: only rows of this local authority (may be repeated)",
    )
    cmd.add_argument(
        "--provision-type",
        action="append",
        metavar="TYPE",
        help='with --ofsted: only rows of this provision type, e.g. "Children\'s home" '
        "(may be repeated)",
    )


def check_options(args: argparse.Namespace) -> None:
    """Refuses the --ofsted options without --ofsted."""
    from relcom_desktop.core.errors import ValidationError

    if args.ofsted is None and (args.add_all or args.local_authority or args.provision_type):
        raise ValidationError(
            "--add-all, --local-authority and --provision-type go with --ofsted FILE."
        )


def run(args: argparse.Namespace) -> int:
    from relcom_desktop.core import errors
    from relcom_desktop.core.interop.ofsted_csv import read_ofsted_csv
    from relcom_desktop.core.interop.ofsted_import import (
        ImportOptions,
        commit_import,
        preview_import,
    )

    started = time.perf_counter()
    file = read_ofsted_csv(args.ofsted, progress=progress_printer())
    options = ImportOptions(
        add_all=args.add_all,
        local_authorities=frozenset(args.local_authority or ()),
        provision_types=frozenset(args.provision_type or ()),
    )
    store = open_data(args)
    try:
        preview = preview_import(store, file, options)
        refused = rejected_message(preview, args.skip_rejected)
        if refused:
            raise errors.ValidationError(refused)
        if preview.changes == 0:
            print(nothing_message(preview, args.ofsted.name))
            return 0
        result = commit_import(
            store, preview, skip_rejected=args.skip_rejected, progress=progress_printer()
        )
    finally:
        store.close()
    finish_progress(f"Imported {args.ofsted.name}", started)
    print(f"Imported {args.ofsted.name}: {result_summary(result)}")
    return 0


def rejected_message(preview: ImportPreview, skip: bool) -> str | None:
    from relcom_desktop.core.interop.ofsted_import import LineStatus

    bad = [ln for ln in preview.lines if ln.status is LineStatus.REJECTED]
    if not bad or skip:
        return None
    first = bad[0]
    return (
        f"{len(bad):,} rows were rejected, so nothing was imported (line {first.line}: "
        f"{first.detail.rstrip('.')}). Correct the file, or use --skip-rejected."
    )


def nothing_message(preview: ImportPreview, name: str) -> str:
    from relcom_desktop.core.interop.ofsted_import import LineStatus

    unchanged, left = preview.count(LineStatus.UNCHANGED), preview.count(LineStatus.LEFT_OUT)
    text = f"Nothing to import from {name}: {unchanged:,} settings unchanged, {left:,} left out"
    if not preview.options.add_all and left:
        text += " (only settings already on your register are updated; --add-all adds the rest)"
    return text + "."


def result_summary(r: ImportResult) -> str:
    """ "settings: 3 new, 1 updated, 10 unchanged, 3,800 left out; providers: 2 new"."""
    text = f"settings: {r.created:,} new, {r.updated:,} updated, {r.unchanged:,} unchanged"
    text += f", {r.left_out:,} left out"
    if r.providers_created:
        text += f"; providers: {r.providers_created:,} new"
    if r.skipped:
        text += f"; {r.skipped:,} rejected rows skipped"
    return text
