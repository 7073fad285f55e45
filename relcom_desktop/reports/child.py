"""The child summary: who the child is in their own words, their people, their placements,
how they are doing against the seven outcomes, the latest Quality Standards review, and
what is still to be done."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable, KeepTogether

from relcom_desktop.core.checkins import CheckIn, outcome_series
from relcom_desktop.core.enums import Outcome, QualityStandard
from relcom_desktop.core.formatting import money, number, plural, short_date
from relcom_desktop.core.interop.ssda903 import ReasonEpisodeCeased
from relcom_desktop.core.placements import Placement, PlacementView
from relcom_desktop.core.report_data import ChildSummaryData
from relcom_desktop.reports.charts import outcome_trends
from relcom_desktop.reports.writer import NOT_RECORDED, Writer

TREND_DAYS = 730  # the outcome chart covers the last two years of check-ins
VOICE = (
    ("about_me", "About me"),
    ("wishes_and_feelings", "My wishes and feelings"),
    ("what_matters", "What matters to me"),
    ("strengths", "My strengths"),
    ("needs", "What I need"),
)


def child_title(w: Writer, data: ChildSummaryData) -> str:
    return w.child(data.child.preferred_name, data.child.full_name)


def child_summary(w: Writer, data: ChildSummaryData, level: int = 0) -> list[Flowable]:
    """The whole summary; ``level`` is the outline level of its title (0 on its own)."""
    sub = level + 1
    child = data.child
    w.introduce(
        [(child.preferred_name, child.full_name)],
        [link.name for link in data.links],
        [(child.social_worker, "social worker"), (child.iro, "IRO")],
    )
    return [
        w.heading(f"Child summary: {child_title(w, data)}", level),
        _key_facts(w, data),
        w.heading("About me and the child's voice", sub),
        *_voice(w, data),
        w.heading("Family and links", sub),
        _links(w, data),
        w.heading("Placement history", sub),
        _placements(w, data.placements),
        w.heading("Latest check-in", sub),
        *_latest_check_in(w, data.check_ins),
        w.heading("Latest Quality Standards review", sub),
        *_latest_review(w, data),
        w.heading("Open actions", sub),
        w.table(
            ["Action", "Owner", "Due"],
            [(a.title, a.owner, short_date(a.due_on)) for a in data.open_actions],
            [6, 2.4, 1.6],
            empty="No open actions.",
        ),
    ]


def _current(data: ChildSummaryData, today: dt.date) -> PlacementView | None:
    for view in data.placements:
        p = view.placement
        if p.start_date <= today and (p.end_date is None or p.end_date > today):
            return view
    return None


def _key_facts(w: Writer, data: ChildSummaryData) -> Flowable:
    child, today = data.child, w.today
    current = _current(data, today)
    placed = (
        f"{current.setting_name} ({current.provider_name}), since "
        f"{short_date(current.placement.start_date)}"
        if current
        else "Not currently placed"
    )
    moves = data.stability
    return w.fields(
        [
            ("Name", w.child_full(child.preferred_name, child.full_name)),
            ("Date of birth", w.date_of_birth(child.date_of_birth)),
            ("Legal status", child.legal_status.label if child.legal_status else NOT_RECORDED),
            ("Looked after since", _date_or_missing(child.looked_after_since)),
            ("LA reference", None if w.redacted else child.la_reference or NOT_RECORDED),
            ("Social worker", w.professional(child.social_worker, "social worker")),
            ("IRO", w.professional(child.iro, "IRO")),
            ("Current placement", placed),
            (
                "Stability",
                f"{plural(moves.placements_last_12_months, 'placement')} in the last 12 months; "
                f"{number(moves.total_placements)} in all",
            ),
        ]
    )


def _date_or_missing(day: dt.date | None) -> str:
    return short_date(day) if day else NOT_RECORDED


def _voice(w: Writer, data: ChildSummaryData) -> list[Flowable]:
    out: list[Flowable] = []
    for field, label in VOICE:
        text = getattr(data.child, field)
        updated = getattr(data.child, f"{field}_updated")
        stamp = f" <font color='#5f6b7a' size='8.5'>(updated {short_date(updated)})</font>"
        out.append(w.markup(w.clean(label) + (stamp if updated else ""), w.styles.label))
        out.append(w.text_or_missing(text, w.styles.quote))
    return out


def _links(w: Writer, data: ChildSummaryData) -> Flowable:
    rows = [
        (
            w.person(link.name),
            link.relationship_text or link.kind.label,
            link.contact_arrangement.label,
            link.importance.label,
            short_date(link.last_contact),
        )
        for link in data.links
    ]
    return w.table(
        ["Name", "Relationship", "Contact", "Importance", "Last contact"],
        rows,
        [2.2, 2, 2.4, 1.6, 1.5],
        empty="No family or community links recorded.",
    )


def _ending(p: Placement) -> str:
    """How a placement ended: planned or not, and why (the move's reason for a move)."""
    if p.end_date is None:
        return "Current"
    how = {True: "Planned", False: "Unplanned", None: "Ended"}[p.ending_planned]
    if p.end_reason is ReasonEpisodeCeased.X1:
        why = p.change_reason.label if p.change_reason else "moved on"
    else:
        why = p.end_reason.label if p.end_reason else ""
    return f"{how}: {why}" if why else how


def _placements(w: Writer, history: list[PlacementView]) -> Flowable:
    rows = [
        (
            f"{view.setting_name}\n{view.provider_name}",
            f"{view.placement.placement_type.value} · {view.placement.placement_type.label}",
            short_date(view.placement.start_date),
            short_date(view.placement.end_date),
            money(view.placement.weekly_fee_pence),
            _ending(view.placement),
        )
        for view in history
    ]
    return w.table(
        ["Setting and provider", "Type", "From", "To", "Weekly fee", "Ending"],
        rows,
        [3, 2.4, 1.35, 1.35, 1.2, 2.2],
        empty="No placements recorded.",
    )


def _latest_check_in(w: Writer, check_ins: list[CheckIn]) -> list[Flowable]:
    if not check_ins:
        return [w.missing("No check-ins recorded yet.")]
    latest = check_ins[0]
    rows = []
    for outcome in Outcome:
        score = latest.score(outcome)
        rating = f"{int(score.rating)} · {score.rating.label}" if score.rating else "Not rated"
        rows.append((outcome.label, rating, score.evidence))
    out: list[Flowable] = [
        w.para(f"Held on {short_date(latest.held_on)}."),
        w.markup(w.clean("In the child's words"), w.styles.label),
        w.text_or_missing(latest.child_view, w.styles.quote),
        w.space(4),
        w.table(["Outcome", "Rating", "Evidence"], rows, [1.7, 2.4, 4.9]),
    ]
    recent = [c for c in check_ins if c.held_on >= w.today - dt.timedelta(days=TREND_DAYS)]
    series = outcome_series(recent)
    if any(series.values()):
        title = f"Outcomes over time ({len(recent)} check-ins in the last two years)"
        out.append(
            KeepTogether(
                [w.markup(w.clean(title), w.styles.label), outcome_trends(series, w.width)]
            )
        )
    else:
        out += [
            w.markup(w.clean("Outcomes over time"), w.styles.label),
            w.missing("No check-ins in the last two years to chart."),
        ]
    return out


def _latest_review(w: Writer, data: ChildSummaryData) -> list[Flowable]:
    review = data.latest_review
    if review is None:
        return [w.missing("No Quality Standards review recorded yet.")]
    where = next(
        (v.setting_name for v in data.placements if v.placement.id == review.placement_id), None
    )
    rows = []
    for evidence in (review.for_standard(s) for s in QualityStandard):
        rating = evidence.rating.label if evidence.rating else "Not rated"
        rows.append((evidence.standard.label, rating, evidence.evidence))
    held = f"Held on {short_date(review.held_on)}" + (f" at {where}" if where else "") + "."
    return [
        w.para(held),
        w.text_or_missing(review.summary),
        w.table(["Quality Standard", "Rating", "Evidence"], rows, [3, 1.4, 4.6]),
    ]
