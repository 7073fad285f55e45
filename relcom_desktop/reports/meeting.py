"""Meeting minutes: who came, the agenda with its notes, what was decided, and the actions."""

from __future__ import annotations

import datetime as dt

from reportlab.platypus import Flowable

from relcom_desktop.core.formatting import MISSING, money, short_date
from relcom_desktop.core.meetings import Decision
from relcom_desktop.core.report_data import MeetingMinutesData
from relcom_desktop.reports.writer import NOT_RECORDED, Writer


def when(starts_at: dt.datetime, minutes: int) -> str:
    ends = starts_at + dt.timedelta(minutes=minutes)
    return f"{short_date(starts_at.date())}, {starts_at:%H:%M}–{ends:%H:%M}"


def meeting_minutes(w: Writer, data: MeetingMinutesData, level: int = 0) -> list[Flowable]:
    """The minutes; ``level`` is the outline level of their title (0 on their own)."""
    meeting = data.detail.meeting
    sub = level + 1
    w.introduce(data.children, (), [(a.name, a.role) for a in data.detail.attendees])
    title = f"{meeting.title} ({short_date(meeting.starts_at.date())})"
    return [
        w.heading(f"Minutes: {title}", level),
        _key_facts(w, data),
        w.heading("Attendees", sub, contents=False),
        w.table(
            ["Name", "Role", "Organisation", "Attended"],
            [
                (a.name, a.role, a.organisation, "Present" if a.attended else "Apologies")
                for a in data.detail.attendees
            ],
            [2.6, 2.6, 3, 1.4],
            empty="No attendees recorded.",
        ),
        w.heading("Agenda and notes", sub, contents=False),
        *_agenda(w, data),
        w.heading("Decisions", sub, contents=False),
        *_decisions(w, data.detail.decisions),
        w.heading("Actions", sub, contents=False),
        w.table(
            ["Action", "Owner", "Due", "Status"],
            [(a.title, a.owner, short_date(a.due_on), a.status.label) for a in data.detail.actions],
            [5.2, 2.2, 1.5, 1.1],
            empty="No actions agreed.",
        ),
    ]


def _key_facts(w: Writer, data: MeetingMinutesData) -> Flowable:
    meeting = data.detail.meeting
    children = ", ".join(w.child(p, f) for p, f in data.children)
    return w.fields(
        [
            ("Meeting", meeting.title),
            ("Kind", meeting.kind.label),
            ("When", when(meeting.starts_at, meeting.duration_minutes)),
            ("Where", meeting.location or NOT_RECORDED),
            ("Children discussed", children or "None linked"),
            ("Providers", ", ".join(data.providers) or "None linked"),
            ("Notes", meeting.notes or None),
        ]
    )


def _agenda(w: Writer, data: MeetingMinutesData) -> list[Flowable]:
    if not data.detail.agenda:
        return [w.missing("No agenda recorded.")]
    out: list[Flowable] = []
    for number, item in enumerate(data.detail.agenda, start=1):
        out.append(w.markup(f"{number}. {w.clean(item.title)}", w.styles.label))
        out.append(w.text_or_missing(item.notes))
    return out


def _decisions(w: Writer, decisions: tuple[Decision, ...]) -> list[Flowable]:
    if not decisions:
        return [w.missing("No decisions recorded.")]
    out: list[Flowable] = []
    for number, d in enumerate(decisions, start=1):
        out.append(w.markup(f"{number}. {w.clean(d.text)}", w.styles.label))
        details = [
            ("Agreed by", d.agreed_by),
            ("Dissent", d.dissent),
            ("Panel outcome", d.panel_outcome.label if d.panel_outcome else ""),
            ("Conditions", d.conditions),
            ("Weekly budget", money(d.weekly_budget_pence) if d.weekly_budget_pence else ""),
        ]
        shown = [(label, value) for label, value in details if value and value != MISSING]
        if shown:
            out.append(w.fields(shown))
    return out
