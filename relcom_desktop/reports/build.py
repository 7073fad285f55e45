"""Building a report: read the records, lay out the pages, write the file safely, audit it.

Every function here runs happily off the GUI thread: it reports ``progress(done, total,
label)`` and stops with :class:`BuildCancelled` as soon as ``cancelled()`` says so, leaving
no file behind.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable

from relcom_desktop.core import report_data as rd
from relcom_desktop.core.errors import ValidationError
from relcom_desktop.core.report_people import report_people
from relcom_desktop.core.store.db import Store
from relcom_desktop.reports.child import child_summary
from relcom_desktop.reports.document import ReportDocument
from relcom_desktop.reports.flowables import keep_headings_with_text
from relcom_desktop.reports.meeting import meeting_minutes
from relcom_desktop.reports.options import (
    DEFAULT_SECTIONS,
    MARKING,
    BuildCancelled,
    Cancelled,
    PackSection,
    Paper,
    Progress,
    ReportKind,
    ReportOptions,
    ReportResult,
    never_cancelled,
    no_progress,
)
from relcom_desktop.reports.output import atomic_output, check_target, record_export
from relcom_desktop.reports.pack import assemble, child_pack, provider_pack, run_jobs
from relcom_desktop.reports.practice import practice_document
from relcom_desktop.reports.provider import provider_summary
from relcom_desktop.reports.redaction import ChildName, Redactor
from relcom_desktop.reports.writer import Writer

PathLike = str | os.PathLike[str]


def build_report(
    store: Store,
    kind: ReportKind,
    record_id: int | None,
    out_path: PathLike,
    options: ReportOptions | None = None,
    *,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    audit_export: bool = True,
) -> ReportResult:
    """Build one report about one record (none for the practice summary) into ``out_path``.

    With ``audit_export`` (the default) the file counts as an export and an audit row is
    written; a preview built into a temporary file passes False and audits when saved.
    """
    options = options or ReportOptions()
    record_id = record_id if kind.needs_record else None
    target = check_target(Path(out_path))
    _check(kind, record_id, options)
    progress(0, 1, "Reading records")
    writer = Writer(paper=options.paper, today=options.today, redactor=_redactor(store, options))
    title, story = compose_story(store, kind, record_id, writer, options, progress, cancelled)
    if cancelled():
        raise BuildCancelled
    with atomic_output(target) as file:
        document = ReportDocument(
            file,
            title=title,
            subject=f"{kind.label} · {MARKING}",
            paper=options.paper,
            redacted=options.redact,
            generated=options.today,
            progress=progress,
            cancelled=cancelled,
        )
        pages = document.render(story)
    result = ReportResult(str(target), kind, record_id, pages, options.redact, options.paper)
    if audit_export:
        record_export(store, result)
    progress(1, 1, f"Finished: {pages} pages")
    return result


def _check(kind: ReportKind, record_id: int | None, options: ReportOptions) -> None:
    if kind.needs_record and record_id is None:
        raise ValidationError(f"Choose the {kind.record_kind} to print first.")
    first, last = options.period
    if first > last:
        raise ValidationError("The start of the period must be on or before its end.")
    if kind.is_pack and not options.sections:
        raise ValidationError("Choose at least one section for the review pack.")


def _redactor(store: Store, options: ReportOptions) -> Redactor | None:
    if not options.redact:
        return None
    people = report_people(store)
    return Redactor(
        (ChildName(preferred, full) for preferred, full in people.children),
        people.family,
        people.professionals,
        people.attendees,
        people.groups,
    )


def compose_story(
    store: Store,
    kind: ReportKind,
    record_id: int | None,
    w: Writer,
    options: ReportOptions,
    progress: Progress,
    cancelled: Cancelled,
) -> tuple[str, list[Flowable]]:
    """The document title and its story."""
    if kind is ReportKind.PRACTICE:
        story = practice_document(store, w, options)
    elif kind is ReportKind.CHILD:
        story = child_summary(w, rd.child_summary_data(store, record_id, options.today))
    elif kind is ReportKind.PROVIDER:
        story = provider_summary(w, rd.provider_summary_data(store, record_id, options.period))
    elif kind is ReportKind.MEETING:
        story = meeting_minutes(w, rd.meeting_minutes_data(store, record_id))
    else:
        make = child_pack if kind is ReportKind.CHILD_PACK else provider_pack
        subject, jobs = make(store, w, record_id, options)
        parts = run_jobs(jobs, progress, cancelled)
        story = assemble(store, w, subject, parts, options)
        return f"Review pack · {subject}", keep_headings_with_text(story)
    return story[0].plain, keep_headings_with_text(story)


# ---- the same, one function per document ---------------------------------------------


def _options(
    redact: bool,
    paper: Paper,
    today: dt.date | None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    sections: tuple[PackSection, ...] = DEFAULT_SECTIONS,
) -> ReportOptions:
    options = ReportOptions(
        redact=redact, paper=paper, date_from=date_from, date_to=date_to, sections=sections
    )
    return dataclasses.replace(options, today=today) if today else options


def _single(kind: ReportKind) -> Callable[..., ReportResult]:
    def build(
        store: Store,
        record_id: int | None,
        out_path: PathLike,
        *,
        redact: bool = False,
        paper: Paper = Paper.A4,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        progress: Progress = no_progress,
        cancelled: Cancelled = never_cancelled,
        today: dt.date | None = None,
    ) -> ReportResult:
        options = _options(redact, paper, today, date_from, date_to)
        return build_report(
            store, kind, record_id, out_path, options, progress=progress, cancelled=cancelled
        )

    build.__doc__ = f"Build the {kind.label.lower()} for one record into ``out_path``."
    return build


build_child_summary = _single(ReportKind.CHILD)
build_provider_summary = _single(ReportKind.PROVIDER)  # date_from/date_to: journal period
build_meeting_minutes = _single(ReportKind.MEETING)


def build_review_pack(
    store: Store,
    out_path: PathLike,
    *,
    child_id: int | None = None,
    provider_id: int | None = None,
    sections: tuple[PackSection, ...] = DEFAULT_SECTIONS,
    redact: bool = False,
    paper: Paper = Paper.A4,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    progress: Progress = no_progress,
    cancelled: Cancelled = never_cancelled,
    today: dt.date | None = None,
) -> ReportResult:
    """A pack for exactly one of ``child_id`` or ``provider_id``."""
    if (child_id is None) == (provider_id is None):
        raise ValidationError("A review pack is for one child or one provider: choose one.")
    kind = ReportKind.CHILD_PACK if child_id is not None else ReportKind.PROVIDER_PACK
    record_id = child_id if child_id is not None else provider_id
    assert record_id is not None
    options = _options(redact, paper, today, date_from, date_to, sections)
    return build_report(
        store, kind, record_id, out_path, options, progress=progress, cancelled=cancelled
    )


_practice_summary = _single(ReportKind.PRACTICE)


def build_practice_summary(store: Store, out_path: PathLike, **options: Any) -> ReportResult:
    """The reflective practice summary for a period (by default the last twelve months).
    Takes the same options as :func:`build_child_summary`: ``redact``, ``paper``,
    ``date_from``, ``date_to``, ``progress``, ``cancelled``, ``today``."""
    return _practice_summary(store, None, out_path, **options)
