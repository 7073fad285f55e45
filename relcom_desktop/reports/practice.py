"""The commissioner's own practice in print: "My practice" in a review pack, and the
standalone reflective practice summary for supervision or appraisal.

Both show where the commissioner placed themselves on the eight from → to shifts (a radar of
the latest self-assessment against an earlier one, and each shift over time), indicators
from the record beside each shift — labelled as indicators, not scores — and how many
reflections carry each of the nine changes, gaps named. The summary adds the learning log.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from relcom_desktop.core import preferences
from relcom_desktop.core.enums import SHIFT_SCALE_MAX, PracticeShift
from relcom_desktop.core.formatting import MISSING, plural, short_date
from relcom_desktop.core.practice_indicators import LABEL
from relcom_desktop.core.practice_summary import PracticeSummary, practice_summary
from relcom_desktop.core.store.db import Store
from relcom_desktop.reports.options import ReportOptions
from relcom_desktop.reports.practice_charts import radar, shift_panels
from relcom_desktop.reports.reflections import reflection_entry
from relcom_desktop.reports.writer import Writer

TITLE = "Reflective practice summary"
INTRO = (
    "How I see my own practice on the eight from → to shifts relational commissioning asks "
    "for (The King's Fund, 2022), what my records suggest beside each, and what I have "
    "reflected on against the nine changes it needs."
)
SCALE = (
    f"On each shift, 0 is wholly the first of the pair (where commissioning has been) and "
    f"{SHIFT_SCALE_MAX} wholly the second (where relational commissioning asks it to go)."
)
INDICATORS = (
    "Counts from my own records in the period: prompts to weigh against what I know, not "
    "scores of my practice."
)


def _period(data: PracticeSummary) -> str:
    return f"{short_date(data.first)} to {short_date(data.last)}"


def my_practice(store: Store, w: Writer, options: ReportOptions) -> list[Flowable]:
    """The "My practice" section of a review pack (level 0, on its own pages)."""
    first, last = options.period
    data = practice_summary(store, first, last, with_log=False)
    return [
        w.heading("My practice", 0),
        w.para(INTRO),
        w.fields([("Period", _period(data))]),
        *practice_parts(w, data, 1),
    ]


def practice_document(store: Store, w: Writer, options: ReportOptions) -> list[Flowable]:
    """The standalone summary, for supervision or appraisal."""
    first, last = options.period
    data = practice_summary(store, first, last, with_log=True)
    prepared_by = preferences.get(store, preferences.USER_NAME) or None
    authority = preferences.get(store, preferences.USER_LA) or None
    return [
        w.heading(TITLE, 0),
        w.para("For supervision or appraisal", w.styles.subtitle),
        w.fields(
            [
                ("Period", _period(data)),
                ("Prepared by", w.author(prepared_by)),
                ("Local authority", authority),
                ("Prepared on", short_date(options.today)),
            ]
        ),
        w.para(INTRO),
        *practice_parts(w, data, 1),
        *_log(w, data, 1),
    ]


def practice_parts(w: Writer, data: PracticeSummary, level: int) -> list[Flowable]:
    return [*_positions(w, data, level), *_indicators(w, data, level), *_counts(w, data, level)]


def _positions(w: Writer, data: PracticeSummary, level: int) -> list[Flowable]:
    out: list[Flowable] = [w.heading("Where I place myself", level)]
    if data.latest is None:
        return [*out, w.missing("No self-assessment recorded by the end of the period.")]
    latest, earlier = data.latest, data.earlier
    out += [w.para(SCALE), radar(latest, earlier, w.width)]
    rows = []
    for shift in PracticeShift:
        now = latest.position_of(shift)
        was = earlier.position_of(shift) if earlier else None
        rows.append(
            (
                shift.label,
                str(was.position) if was else MISSING,
                str(now.position) if now else MISSING,
                now.evidence if now else "",
            )
        )
    headers = [
        "Shift",
        short_date(earlier.assessed_on) if earlier else "Earlier",
        short_date(latest.assessed_on),
        "My evidence",
    ]
    out.append(w.table(headers, rows, [4.2, 1.1, 1.1, 4.6]))
    if any(len(h.points) > 1 for h in data.history):
        out += [
            w.heading("Each shift over time", level + 1),
            shift_panels(data.history, w.width),
        ]
    return out


def _indicators(w: Writer, data: PracticeSummary, level: int) -> list[Flowable]:
    rows: list[tuple[str | Flowable, str, str]] = []
    last_shift = None
    for i in data.indicators:  # each shift named once, above its indicators
        rows.append(
            (i.shift.label if i.shift is not last_shift else w.space(0), i.title, i.figures)
        )
        last_shift = i.shift
    return [
        w.heading("What the record suggests", level),
        w.markup(f"<b>{w.clean(LABEL)}.</b> {w.clean(INDICATORS)}", w.styles.muted),
        w.table(["Shift", "Indicator", "In the period"], rows, [3.6, 3.8, 3.2]),
    ]


def _counts(w: Writer, data: PracticeSummary, level: int) -> list[Flowable]:
    total = plural(data.log_total, "reflection")
    gaps = data.gaps
    note = (
        f"Not yet reflected on in the period: {'; '.join(gaps)}."
        if gaps
        else "Every one of the nine changes has at least one reflection in the period."
    )
    table = w.table(
        ["Change", "Reflections"],
        [(c.change.label, str(c.count)) for c in data.counts],
        [7, 2],
    )
    intro = w.para(f"{total} in the period; a reflection may carry several changes.")
    return [
        w.heading("Reflections per change", level),
        KeepTogether([intro, table, w.space(), w.para(note)]),
    ]


def _log(w: Writer, data: PracticeSummary, level: int) -> list[Flowable]:
    out: list[Flowable] = [w.heading("Learning log", level)]
    if not data.log:
        return [*out, w.missing("No reflections written in the period.")]
    if data.log_total > len(data.log):
        out.append(
            w.missing(
                f"The first {len(data.log):,} of {data.log_total:,} reflections in the period "
                "are printed here; the rest are in the app."
            )
        )
    for row in data.log:
        out += reflection_entry(w, row.reflection, level + 1, about=row.about)
    return out
