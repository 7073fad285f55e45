"""Review packs: a cover page, a clickable contents page, and the chosen sections for one
child or one provider, each section starting on a new page."""

from __future__ import annotations

from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from relcom_desktop.core import preferences
from relcom_desktop.core import report_data as rd
from relcom_desktop.core.formatting import plural, short_date
from relcom_desktop.core.store.db import Store
from relcom_desktop.reports.child import child_summary
from relcom_desktop.reports.flowables import ContentsEntry
from relcom_desktop.reports.meeting import meeting_minutes
from relcom_desktop.reports.options import (
    MARKING,
    BuildCancelled,
    Cancelled,
    PackSection,
    Progress,
    ReportOptions,
)
from relcom_desktop.reports.practice import my_practice
from relcom_desktop.reports.provider import provider_summary
from relcom_desktop.reports.redaction import RULE
from relcom_desktop.reports.reflections import reflections_section
from relcom_desktop.reports.writer import Writer

Job = Callable[[], list[Flowable]]
CHILD_ORDER = (
    PackSection.CHILDREN,
    PackSection.PROVIDERS,
    PackSection.MEETINGS,
    PackSection.REFLECTIONS,
    PackSection.PRACTICE,
)
PROVIDER_ORDER = (
    PackSection.PROVIDERS,
    PackSection.CHILDREN,
    PackSection.MEETINGS,
    PackSection.REFLECTIONS,
    PackSection.PRACTICE,
)
HANDLING = (
    "This pack holds personal information about looked-after children. Share it only with "
    "people who need it for the child's care, keep it secure, and destroy it when it is no "
    "longer needed."
)


def child_pack(
    store: Store, w: Writer, child_id: int, options: ReportOptions
) -> tuple[str, list[Job]]:
    """The pack's subject line and the jobs that build its sections, for a child."""
    data = rd.child_summary_data(store, child_id, options.today)
    subject = f"Child: {w.child(data.child.preferred_name, data.child.full_name)}"
    jobs: list[Job] = []
    for section in _in_order(CHILD_ORDER, options):
        if section is PackSection.CHILDREN:
            jobs.append(lambda: child_summary(w, data, 0))
        elif section is PackSection.PROVIDERS:
            provider_id = rd.current_provider_id(data.placements, options.today)
            jobs.append(lambda p=provider_id: _current_provider(store, w, p, options))
        else:
            jobs += _shared_jobs(store, w, section, options, child_id=child_id)
    return subject, jobs


def provider_pack(
    store: Store, w: Writer, provider_id: int, options: ReportOptions
) -> tuple[str, list[Job]]:
    """The pack's subject line and the jobs that build its sections, for a provider."""
    data = rd.provider_summary_data(store, provider_id, options.period)
    jobs: list[Job] = []
    for section in _in_order(PROVIDER_ORDER, options):
        if section is PackSection.PROVIDERS:
            jobs.append(lambda: provider_summary(w, data, 0))
        elif section is PackSection.CHILDREN:
            children = [
                lambda c=placed.child_id: _child_page(store, w, c, options)
                for placed in data.placed
            ]
            jobs += _grouped(
                lambda: [w.heading("Children placed", 0), *_placed_note(w, data)], children
            )
        else:
            jobs += _shared_jobs(store, w, section, options, provider_id=provider_id)
    return f"Provider: {data.provider.name}", jobs


def _shared_jobs(
    store: Store,
    w: Writer,
    section: PackSection,
    options: ReportOptions,
    *,
    child_id: int | None = None,
    provider_id: int | None = None,
) -> list[Job]:
    """The sections a child's and a provider's pack build alike: meetings about the one
    subject, reflections linked to it, and the commissioner's own practice."""
    period = options.period
    if section is PackSection.MEETINGS:
        ids = rd.meetings_about(store, child_id=child_id, provider_id=provider_id, period=period)
        return _meeting_jobs(store, w, ids)
    if section is PackSection.REFLECTIONS:
        found = rd.reflections_about(
            store, child_id=child_id, provider_id=provider_id, period=period
        )
        return [lambda: reflections_section(w, found, 0)]
    if section is PackSection.PRACTICE:
        return [lambda: my_practice(store, w, options)]
    return []


def _in_order(order: tuple[PackSection, ...], options: ReportOptions) -> list[PackSection]:
    """The chosen sections, in the order a pack of this kind presents them."""
    return [section for section in order if section in options.sections]


def _placed_note(w: Writer, data: rd.ProviderSummaryData) -> list[Flowable]:
    if not data.placed:
        return [w.missing("No children are placed with this provider.")]
    placed = plural(len(data.placed), "child", "children")
    return [w.para(f"A summary for each of the {placed} placed follows.")]


def _child_page(store: Store, w: Writer, child_id: int, options: ReportOptions) -> list:
    data = rd.child_summary_data(store, child_id, options.today)
    return child_summary(w, data, 1)


def _current_provider(
    store: Store, w: Writer, provider_id: int | None, options: ReportOptions
) -> list[Flowable]:
    if provider_id is None:
        heading = w.heading("Provider relationship summary", 0)
        return [heading, w.missing("The child is not placed with a provider at present.")]
    return provider_summary(w, rd.provider_summary_data(store, provider_id, options.period), 0)


def _meeting_jobs(store: Store, w: Writer, meeting_ids: list[int]) -> list[Job]:
    def heading() -> list[Flowable]:
        out: list[Flowable] = [w.heading("Meeting minutes", 0)]
        if not meeting_ids:
            out.append(w.missing("No meetings linked to this record in the period."))
        return out

    minutes = [
        lambda i=meeting_id: meeting_minutes(w, rd.meeting_minutes_data(store, i), 1)
        for meeting_id in meeting_ids
    ]
    return _grouped(heading, minutes)


def _grouped(heading: Job, items: list[Job]) -> list[Job]:
    """A section heading followed by its items, the heading on the first item's page."""
    if not items:
        return [heading]
    first = items[0]
    return [lambda: [*heading(), *first()], *items[1:]]


def run_jobs(jobs: list[Job], progress: Progress, cancelled: Cancelled) -> list[list[Flowable]]:
    """Each job's flowables, reporting progress and stopping when the user cancels."""
    parts = []
    for done, job in enumerate(jobs):
        if cancelled():
            raise BuildCancelled
        progress(done, len(jobs), f"Reading records ({done + 1} of {len(jobs)})")
        parts.append(job())
    return parts


def assemble(
    store: Store, w: Writer, subject: str, parts: list[list[Flowable]], options: ReportOptions
) -> list[Flowable]:
    """Cover, contents and the parts, each part on a new page."""
    story = cover(store, w, subject, options)
    story += [PageBreak(), w.heading("Contents", 0, contents=False)]
    story += [
        ContentsEntry(w.clean(line.text), line.key, w.styles.contents[min(line.level, 1)])
        for line in w.contents
    ]
    for part in parts:
        story += [PageBreak(), *part]
    return story


def cover(store: Store, w: Writer, subject: str, options: ReportOptions) -> list[Flowable]:
    first, last = options.period
    prepared_by = preferences.get(store, preferences.USER_NAME) or None
    authority = preferences.get(store, preferences.USER_LA) or None
    story: list[Flowable] = [
        Spacer(1, 30 * mm),
        w.markup(MARKING, w.styles.cover_marking),
        Spacer(1, 16 * mm),
        w.markup("Review pack", w.styles.cover_title),
        w.para(subject, w.styles.subtitle),
        w.fields(
            [
                ("Prepared on", short_date(options.today)),
                ("Prepared by", w.author(prepared_by)),
                ("Local authority", authority),
                ("Period covered", f"{short_date(first)} to {short_date(last)}"),
                ("Sections", "; ".join(line.text for line in w.contents if line.level == 0)),
            ]
        ),
    ]
    if w.redacted:
        story.append(w.markup(escape(RULE), w.styles.notice))
    story.append(w.para(HANDLING, w.styles.notice))
    return story
