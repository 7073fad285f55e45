"""The Today page: what needs the commissioner's attention, gathered by the database.

Every item carries the ``(kind, id)`` of the record it opens. Each list is capped; its
``total`` says how many there are in all.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core import preferences
from relcom_desktop.core import today_caseload as caseload
from relcom_desktop.core.actions import (
    ActionFilter,
    ActionListRow,
    Due,
    count_actions,
    end_of_week,
    list_actions,
)
from relcom_desktop.core.journal import list_entries
from relcom_desktop.core.overview_drill import placed_on
from relcom_desktop.core.relationship import providers_needing_attention
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.today_items import SHOWN, TodayItem, TodaySection, TodayView

ENDING_SOON_DAYS = 60
RECENT_JOURNAL = 5


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (the month's last day when that month is shorter)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last_day))


def _placed(today: dt.date, *columns: Any) -> Select:
    """Children on the caseload living in a placement on ``today``, with their setting."""
    return (
        select(m.Child.id, m.Child.preferred_name, m.Setting.name.label("setting"), *columns)
        .select_from(m.Placement)
        .join(m.Child, m.Child.id == m.Placement.child_id)
        .join(m.Setting, m.Setting.id == m.Placement.setting_id)
        .where(placed_on(today), m.Child.deleted_at.is_(None), m.Child.archived_at.is_(None))
    )


def _first_rows(session: Session, stmt: Select, *order: Any) -> tuple[int, list[Any]]:
    """How many rows ``stmt`` gives, and the first few in ``order``."""
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    return total, list(session.execute(stmt.order_by(*order).limit(SHOWN)))


# ---- actions -----------------------------------------------------------------------------


def _action_item(row: ActionListRow, today: dt.date) -> TodayItem:
    about = row.child_name or row.provider_name
    parts = [row.owner or "No one named", row.source_title, about or ""]
    return TodayItem(
        "action",
        row.id,
        row.title,
        " · ".join(p for p in parts if p),
        row.due_on,
        urgent=row.overdue_on(today),
    )


def _actions(
    store: Store, today: dt.date, due: Due, key: str, title: str, empty: str
) -> TodaySection:
    f = ActionFilter(due=due)
    rows = list_actions(store, f, limit=SHOWN, today=today)
    total = count_actions(store, f, today=today)
    return TodaySection(key, title, tuple(_action_item(r, today) for r in rows), total, empty)


# ---- meetings ----------------------------------------------------------------------------


def _meetings(session: Session, today: dt.date) -> TodaySection:
    first = dt.datetime.combine(today, dt.time())
    last = dt.datetime.combine(end_of_week(today) + dt.timedelta(days=1), dt.time())
    where = (
        m.Meeting.deleted_at.is_(None),
        m.Meeting.starts_at >= first,
        m.Meeting.starts_at < last,
    )
    rows = session.execute(
        select(m.Meeting.id, m.Meeting.title, m.Meeting.starts_at, m.Meeting.location)
        .where(*where)
        .order_by(m.Meeting.starts_at, m.Meeting.id)
        .limit(SHOWN)
    )
    total = session.scalar(select(func.count(m.Meeting.id)).where(*where)) or 0
    items = tuple(
        TodayItem(
            "meeting",
            mid,
            title,
            f"{'Today' if at.date() == today else at.strftime('%A')} {at:%H:%M}"
            + (f" · {place}" if place else ""),
            at.date(),
            urgent=at.date() == today,
        )
        for mid, title, at, place in rows
    )
    return TodaySection(
        "meetings", "Meetings today and this week", items, total, "No meetings this week."
    )


# ---- children ----------------------------------------------------------------------------


def _check_ins_due(session: Session, today: dt.date, every_days: int) -> TodaySection:
    placed = _placed(today).subquery()
    last = (
        select(func.max(m.CheckIn.held_on))
        .where(m.CheckIn.child_id == placed.c.id, m.CheckIn.deleted_at.is_(None))
        .scalar_subquery()
    )
    cutoff = today - dt.timedelta(days=every_days)
    stmt = select(placed.c.id, placed.c.preferred_name, placed.c.setting, last.label("last")).where(
        or_(last.is_(None), last < cutoff)
    )
    total, rows = _first_rows(session, stmt, last.is_not(None), last, placed.c.preferred_name)
    items = tuple(
        TodayItem(
            "child",
            cid,
            name,
            f"At {setting}: "
            + (f"last check-in {(today - held).days} days ago" if held else "no check-in yet"),
            held,
            urgent=held is None or (today - held).days > 2 * every_days,
        )
        for cid, name, setting, held in rows
    )
    return TodaySection(
        "check_ins", "Check-ins due", items, total, "Every child has had a recent check-in."
    )


def _reviews_due(session: Session, today: dt.date, every_months: int) -> TodaySection:
    cutoff = months_before(today, every_months)
    last = (
        select(func.max(m.PlacementReview.held_on))
        .where(
            m.PlacementReview.placement_id == m.Placement.id,
            m.PlacementReview.deleted_at.is_(None),
        )
        .correlate(m.Placement)
        .scalar_subquery()
    )
    stmt = _placed(today, m.Placement.start_date, last.label("last")).where(
        or_(and_(last.is_(None), m.Placement.start_date <= cutoff), last <= cutoff)
    )
    since = func.coalesce(last, m.Placement.start_date)
    total, rows = _first_rows(session, stmt, since, m.Child.preferred_name)
    items = tuple(
        TodayItem(
            "child",
            cid,
            name,
            f"At {setting}: last review {_ago(today, held)}"
            if held
            else f"At {setting}: no review since the placement began {_ago(today, start)}",
            held or start,
        )
        for cid, name, setting, start, held in rows
    )
    return TodaySection(
        "reviews", "Placement reviews due", items, total, "Every placement has a recent review."
    )


def _ago(today: dt.date, day: dt.date) -> str:
    days = (today - day).days
    return f"{days // 30} months ago" if days >= 60 else f"{days} days ago"


def _ending_soon(session: Session, today: dt.date) -> TodaySection:
    horizon = today + dt.timedelta(days=ENDING_SOON_DAYS)
    ends = func.coalesce(m.Placement.end_date, m.Placement.planned_end_date)
    stmt = _placed(today, m.Placement.end_date, ends.label("ends")).where(
        ends.is_not(None), ends >= today, ends <= horizon
    )
    total, rows = _first_rows(session, stmt, ends, m.Child.preferred_name)
    items = tuple(
        TodayItem(
            "child",
            cid,
            name,
            f"At {setting}: {'ends' if end else 'planned to end'} in {(day - today).days} days",
            day,
            urgent=(day - today).days <= 14,
        )
        for cid, name, setting, end, day in rows
    )
    return TodaySection(
        "ending",
        f"Placements ending within {ENDING_SOON_DAYS} days",
        items,
        total,
        "No placement is due to end soon.",
    )


# ---- providers and journal ---------------------------------------------------------------


PROVIDERS_TITLE = "Providers flagged by the journal"


def provider_section(store: Store, today: dt.date | None = None) -> TodaySection:
    """Providers flagged by the journal (the slowest part of Today, so it can come second)."""
    today = today or dt.date.today()
    flags = providers_needing_attention(store, today)
    items = tuple(
        TodayItem(
            "provider",
            f.provider_id,
            f.provider_name,
            f"{f.reason.label}: {f.detail}",
            f.since,
            urgent=f.reason <= 2,
        )
        for f in flags[:SHOWN]
    )
    return TodaySection(
        "providers", PROVIDERS_TITLE, items, len(flags), "No provider needs attention."
    )


def _journal(store: Store) -> TodaySection:
    rows = list_entries(store, limit=RECENT_JOURNAL)
    items = tuple(
        TodayItem(
            "journal_entry", e.id, e.summary, f"{e.kind.label} · {e.provider_name}", e.occurred_on
        )
        for e in rows
    )
    return TodaySection(
        "journal", "Latest journal entries", items, len(items), "No journal entries yet."
    )


def today_view(store: Store, today: dt.date | None = None, *, providers: bool = True) -> TodayView:
    """Everything the Today page shows, for ``today`` (a fixed date in tests).

    With ``providers=False`` the provider section is left pending, to be filled by
    :func:`provider_section` (so the rest can appear at once).
    """
    today = today or dt.date.today()
    every_days = int(preferences.get(store, preferences.CHECK_IN_EVERY_DAYS))
    every_months = int(preferences.get(store, preferences.PLACEMENT_REVIEW_EVERY_MONTHS))
    with store.read() as session:
        meetings = _meetings(session, today)
        check_ins = _check_ins_due(session, today, every_days)
        reviews = _reviews_due(session, today, every_months)
        ending = _ending_soon(session, today)
        children = caseload.caseload_size(session)
    sections = (
        _actions(store, today, Due.OVERDUE, "overdue", "Overdue actions", "Nothing overdue."),
        _actions(
            store,
            today,
            Due.THIS_WEEK,
            "due_this_week",
            "Actions due this week",
            "Nothing else due this week.",
        ),
        meetings,
        caseload.reviews_section(store, today),
        check_ins,
        reviews,
        caseload.contact_gaps_section(store, today),
        ending,
        provider_section(store, today)
        if providers
        else TodaySection("providers", PROVIDERS_TITLE, (), 0, "Checking providers…", True),
        _journal(store),
    )
    if children:
        return TodayView(today, sections)
    # Nothing about children can be due yet: say what to do first instead.
    rest = tuple(s for s in sections if s.key not in caseload.CHILD_SECTIONS)
    return TodayView(today, rest, caseload.first_steps(store))
