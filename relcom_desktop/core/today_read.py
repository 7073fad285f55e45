"""The Today page's lists, read with plain SQL on a DB-API connection.

Today is the first thing the app shows, so it is read without SQLAlchemy: at start-up on a
read-only connection opened while Qt starts (:func:`read_file`), afterwards on the store's own
connection (:func:`relcom_desktop.core.today.today_view`). One reading serves both. Dates are
ISO text in the file; every item carries the ``(kind, id)`` of the record it opens, and each
list is capped at ``SHOWN`` with its ``total`` beside it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from relcom_desktop.core import clock, preferences
from relcom_desktop.core import today_caseload as caseload
from relcom_desktop.core.action_words import source_text
from relcom_desktop.core.dates import add_months, end_of_week, stored_day
from relcom_desktop.core.enums import ActionSource, JournalKind
from relcom_desktop.core.store.connect import json_rows
from relcom_desktop.core.today_items import SHOWN, TodayItem, TodaySection, TodayView

ENDING_SOON_DAYS = 60
RECENT_JOURNAL = 5
PROVIDERS_TITLE = "Providers flagged by the journal"
PROVIDERS_PENDING = TodaySection("providers", PROVIDERS_TITLE, (), 0, "Checking providers…", True)

# Children on the caseload living in a placement on :today (start day in, end day out).
PLACED = """WITH placed AS (
    SELECT c.id, c.preferred_name, s.name AS setting, p.id AS placement_id, p.start_date,
           p.end_date, p.planned_end_date
    FROM placement p JOIN child c ON c.id = p.child_id JOIN setting s ON s.id = p.setting_id
    WHERE p.deleted_at IS NULL AND p.start_date <= :today
      AND (p.end_date IS NULL OR p.end_date > :today)
      AND c.deleted_at IS NULL AND c.archived_at IS NULL)
"""


def first_rows(
    conn: Any, sql: str, params: dict[str, Any], columns: str
) -> tuple[int, list[list[Any]]]:
    """How many rows ``sql`` gives, and the ``columns`` of the first ``SHOWN``. It must end
    ``ORDER BY ...`` and have a column ``total``: ``count(*) OVER ()`` (worked out before
    the limit)."""
    rows = json_rows(conn, f"{sql} LIMIT {SHOWN}", params, f"{columns}, total")
    return (rows[0][-1] if rows else 0), [row[:-1] for row in rows]


# ---- actions -----------------------------------------------------------------------------

ACTIONS = """
    SELECT a.id, a.title, a.owner, a.due_on, a.source, ch.preferred_name AS child,
           pr.name AS provider, mt.title AS meeting, mt.starts_at AS meeting_at,
           je.summary, je.occurred_on AS journal_on, ci.held_on AS check_in_on,
           rv.held_on AS review_on, count(*) OVER () AS total
    FROM action a
    LEFT JOIN child ch ON ch.id = a.child_id
    LEFT JOIN provider pr ON pr.id = a.provider_id
    LEFT JOIN meeting mt ON mt.id = a.meeting_id
    LEFT JOIN journal_entry je ON je.id = a.journal_entry_id
    LEFT JOIN check_in ci ON ci.id = a.check_in_id
    LEFT JOIN placement_review rv ON rv.id = a.placement_review_id
    WHERE a.deleted_at IS NULL AND a.status = 'open' AND a.due_on IS NOT NULL
      AND NOT (a.snoozed_until IS NOT NULL AND a.snoozed_until > :today)
      AND a.due_on >= :first AND a.due_on <= :last
    ORDER BY a.due_on, a.id
"""
ACTION_COLUMNS = (
    "id, title, owner, due_on, source, child, provider, meeting, meeting_at, summary, "
    "journal_on, check_in_on, review_on"
)


def _action_item(row: list[Any], today: dt.date) -> TodayItem:
    action_id, title, owner, due, source, child, provider, *found = row
    found[1] = dt.datetime.fromisoformat(found[1]) if found[1] else None
    about, _ = source_text(ActionSource(source), *found)
    parts = [owner or "No one named", about, child or provider or ""]
    due_on = stored_day(due)
    return TodayItem(
        "action", action_id, title, " · ".join(p for p in parts if p), due_on,
        urgent=due_on is not None and due_on < today,
    )  # fmt: skip


def actions_due(conn: Any, today: dt.date, overdue: bool) -> TodaySection:
    """Open actions overdue (``overdue``) or due from today to Sunday, not snoozed."""
    first, last = (dt.date.min, today - dt.timedelta(days=1)) if overdue else (
        today, end_of_week(today))  # fmt: skip
    params = {"today": today.isoformat(), "first": first.isoformat(), "last": last.isoformat()}
    total, rows = first_rows(conn, ACTIONS, params, ACTION_COLUMNS)
    items = tuple(_action_item(row, today) for row in rows)
    if overdue:
        return TodaySection("overdue", "Overdue actions", items, total, "Nothing overdue.")
    return TodaySection(
        "due_this_week", "Actions due this week", items, total, "Nothing else due this week."
    )


# ---- meetings ----------------------------------------------------------------------------


def _stamp(moment: dt.date) -> str:
    """Midnight at the start of ``moment``, as the file writes a date and time."""
    return f"{moment:%Y-%m-%d} 00:00:00.000000"


def meetings(conn: Any, today: dt.date) -> TodaySection:
    sql = """SELECT id, title, starts_at, location, count(*) OVER () AS total FROM meeting
        WHERE deleted_at IS NULL AND starts_at >= :first AND starts_at < :last
        ORDER BY starts_at, id"""
    last = end_of_week(today) + dt.timedelta(days=1)
    params = {"first": _stamp(today), "last": _stamp(last)}
    total, rows = first_rows(conn, sql, params, "id, title, starts_at, location")
    items = []
    for meeting_id, title, starts, place in rows:
        at = dt.datetime.fromisoformat(starts)
        when = f"{'Today' if at.date() == today else at.strftime('%A')} {at:%H:%M}"
        detail = when + (f" · {place}" if place else "")
        items.append(
            TodayItem("meeting", meeting_id, title, detail, at.date(), urgent=at.date() == today)
        )
    return TodaySection(
        "meetings", "Meetings today and this week", tuple(items), total, "No meetings this week."
    )


# ---- children ----------------------------------------------------------------------------


def check_ins_due(conn: Any, today: dt.date, every_days: int) -> TodaySection:
    sql = (
        PLACED
        + """SELECT *, count(*) OVER () AS total FROM (
        SELECT id, preferred_name, setting, (
            SELECT max(k.held_on) FROM check_in k
            WHERE k.child_id = placed.id AND k.deleted_at IS NULL) AS last
        FROM placed)
        WHERE last IS NULL OR last < :cutoff
        ORDER BY last IS NOT NULL, last, preferred_name"""
    )
    cutoff = today - dt.timedelta(days=every_days)
    params = {"today": today.isoformat(), "cutoff": cutoff.isoformat()}
    total, rows = first_rows(conn, sql, params, "id, preferred_name, setting, last")
    items = []
    for child_id, name, setting, last in rows:
        held = stored_day(last)
        since = f"last check-in {(today - held).days} days ago" if held else "no check-in yet"
        urgent = held is None or (today - held).days > 2 * every_days
        items.append(TodayItem("child", child_id, name, f"At {setting}: {since}", held, urgent))
    return TodaySection(
        "check_ins", "Check-ins due", tuple(items), total, "Every child has had a recent check-in."
    )


def _ago(today: dt.date, since: dt.date) -> str:
    days = (today - since).days
    return f"{days // 30} months ago" if days >= 60 else f"{days} days ago"


def placement_reviews_due(conn: Any, today: dt.date, every_months: int) -> TodaySection:
    sql = (
        PLACED
        + """SELECT *, count(*) OVER () AS total FROM (
        SELECT id, preferred_name, setting, start_date, (
            SELECT max(r.held_on) FROM placement_review r
            WHERE r.placement_id = placed.placement_id AND r.deleted_at IS NULL) AS last
        FROM placed)
        WHERE (last IS NULL AND start_date <= :cutoff) OR last <= :cutoff
        ORDER BY coalesce(last, start_date), preferred_name"""
    )
    cutoff = add_months(today, -every_months)
    params = {"today": today.isoformat(), "cutoff": cutoff.isoformat()}
    total, rows = first_rows(conn, sql, params, "id, preferred_name, setting, start_date, last")
    items = []
    for child_id, name, setting, start, last in rows:
        held, began = stored_day(last), stored_day(start)
        assert began is not None
        detail = (
            f"At {setting}: last review {_ago(today, held)}"
            if held
            else f"At {setting}: no review since the placement began {_ago(today, began)}"
        )
        items.append(TodayItem("child", child_id, name, detail, held or began))
    return TodaySection(
        "reviews", "Placement reviews due", tuple(items), total,
        "Every placement has a recent review.",
    )  # fmt: skip


def ending_soon(conn: Any, today: dt.date) -> TodaySection:
    sql = (
        PLACED
        + """SELECT *, count(*) OVER () AS total FROM (
        SELECT id, preferred_name, setting, end_date,
               coalesce(end_date, planned_end_date) AS ends
        FROM placed)
        WHERE ends IS NOT NULL AND ends >= :today AND ends <= :horizon
        ORDER BY ends, preferred_name"""
    )
    horizon = today + dt.timedelta(days=ENDING_SOON_DAYS)
    params = {"today": today.isoformat(), "horizon": horizon.isoformat()}
    total, rows = first_rows(conn, sql, params, "id, preferred_name, setting, end_date, ends")
    items = []
    for child_id, name, setting, end, ends in rows:
        on = stored_day(ends)
        assert on is not None
        days = (on - today).days
        detail = f"At {setting}: {'ends' if end else 'planned to end'} in {days} days"
        items.append(TodayItem("child", child_id, name, detail, on, urgent=days <= 14))
    return TodaySection(
        "ending", f"Placements ending within {ENDING_SOON_DAYS} days", tuple(items), total,
        "No placement is due to end soon.",
    )  # fmt: skip


# ---- journal -----------------------------------------------------------------------------


def latest_journal(conn: Any) -> TodaySection:
    sql = """SELECT je.id, je.summary, je.kind, p.name AS provider, je.occurred_on
        FROM journal_entry je JOIN provider p ON p.id = je.provider_id
        WHERE je.deleted_at IS NULL
        ORDER BY je.occurred_on DESC, je.id DESC LIMIT ?"""
    rows = json_rows(conn, sql, (RECENT_JOURNAL,), "id, summary, kind, provider, occurred_on")
    items = tuple(
        TodayItem(
            "journal_entry",
            entry_id,
            summary,
            f"{JournalKind(kind).label} · {provider}",
            stored_day(occurred),
        )
        for entry_id, summary, kind, provider, occurred in rows
    )
    return TodaySection(
        "journal", "Latest journal entries", items, len(items), "No journal entries yet."
    )


# ---- the whole page ----------------------------------------------------------------------

EVERY = [preferences.CHECK_IN_EVERY_DAYS, preferences.PLACEMENT_REVIEW_EVERY_MONTHS]


def read_today(conn: Any, today: dt.date) -> TodayView:
    """Everything Today shows but the provider flags (left pending: they need the journal's
    rules, read with the database layer once it has loaded)."""
    every = preferences.read_many(conn, EVERY)
    sections = (
        actions_due(conn, today, overdue=True),
        actions_due(conn, today, overdue=False),
        meetings(conn, today),
        caseload.reviews_section(conn, today),
        check_ins_due(conn, today, int(every[EVERY[0]])),
        placement_reviews_due(conn, today, int(every[EVERY[1]])),
        caseload.contact_gaps_section(conn, today),
        ending_soon(conn, today),
        PROVIDERS_PENDING,
        latest_journal(conn),
    )
    if caseload.caseload_size(conn):
        return TodayView(today, sections)
    # Nothing about children can be due yet: say what to do first instead.
    rest = tuple(s for s in sections if s.key not in caseload.CHILD_SECTIONS)
    return TodayView(today, rest, caseload.first_steps(conn))


def read_file(path: Path, schema: str, today: dt.date | None = None) -> TodayView | None:
    """Today read from the plain data file at ``path`` on a read-only connection of its own,
    or None when that cannot be done (the file is at another schema than ``schema``, is
    damaged, or is busy): opening it in full then says what is wrong, in full."""
    from relcom_desktop.core.store.connect import raw_connect

    try:
        conn = raw_connect(path, readonly=True)
    except Exception:
        return None
    try:
        conn.execute("BEGIN")  # one snapshot for every list
        (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return read_today(conn, today or clock.today()) if version == schema else None
    except Exception:
        return None
    finally:
        conn.close()
