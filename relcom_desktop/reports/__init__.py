"""PDF reports: child summaries, provider relationship summaries, meeting minutes and review
packs. No Qt here.

Importing this package is cheap (ReportLab loads only when a build function is first used),
so screens can import the options and call the builders from a worker thread:

    from relcom_desktop import reports
    result = reports.build_child_summary(store, child_id, "out.pdf", redact=True)
"""

from __future__ import annotations

from typing import Any

from relcom_desktop.reports.options import (
    ALL_SECTIONS,
    DEFAULT_SECTIONS,
    MARKING,
    BuildCancelled,
    PackSection,
    Paper,
    ReportKind,
    ReportOptions,
    ReportResult,
)
from relcom_desktop.reports.output import copy_file, record_export, record_print

BUILDERS = (
    "build_report",
    "build_child_summary",
    "build_provider_summary",
    "build_meeting_minutes",
    "build_review_pack",
    "build_practice_summary",
)

__all__ = [
    "ALL_SECTIONS",
    "BUILDERS",
    "DEFAULT_SECTIONS",
    "MARKING",
    "BuildCancelled",
    "PackSection",
    "Paper",
    "ReportKind",
    "ReportOptions",
    "ReportResult",
    "copy_file",
    "record_export",
    "record_print",
    *BUILDERS,
]


def __getattr__(name: str) -> Any:
    """Load the builders (and ReportLab) on first use."""
    if name in BUILDERS:
        from relcom_desktop.reports import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
