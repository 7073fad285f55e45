"""Today's caseload-wide reminders: reviews due, family contact gaps, and first steps.

Kept apart from :mod:`core.today_read` (which gathers the rest) so each stays short; read
with plain SQL on a DB-API connection, as the rest of Today is.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from typing import Any

from relcom_desktop.core import preferences
from relcom_desktop.core.dates import stored_day
from relcom_desktop.core.enums import ContactArrangement, LinkImportance
from relcom_desktop.core.formatting import plural
from relcom_desktop.core.reviews_due import (
    CURRENT_CHILDREN,
    DUE_WITHIN_DAYS,
    ReviewDueRow,
    ordinal,
    read_reviews_due,
)
from relcom_desktop.core.store.connect import json_rows
from relcom_desktop.core.today_items import SHOWN, TodayItem, TodaySection

ADD_PROVIDERS = (
    "Add the providers you work with (Providers, Ctrl+3), or import Ofsted's provider list "
    "(File → Import)."
)
FIRST_STEPS = (
    "Add the children you commission for (Children, Ctrl+2, then Ctrl+N), or import your "
    "authority's SSDA903 return or a placement tracker (File → Import).",
    "Then record each child's placement, plans and family links: reviews, check-ins and "
    "contact reminders appear here as they fall due.",
)
CHILD_SECTIONS = frozenset({"check_ins", "reviews", "ending", "lac_reviews", "contact_gaps"})


def first_steps(conn: Any) -> tuple[str, ...]:
    """What to do first on an empty caseload (adding providers only while there are none)."""
    (providers,) = conn.execute("SELECT count(*) FROM provider WHERE deleted_at IS NULL").fetchone()
    return FIRST_STEPS if providers else (ADD_PROVIDERS, *FIRST_STEPS)


def caseload_size(conn: Any) -> int:
    """Children on the caseload (not archived, not in the Trash)."""
    (children,) = conn.execute(
        "SELECT count(*) FROM child WHERE deleted_at IS NULL AND archived_at IS NULL"
    ).fetchone()
    return int(children)


def review_text(row: ReviewDueRow) -> str:
    """ "2nd looked-after review", "Care plan review"."""
    if row.number:
        return f"{ordinal(row.number)} {row.what[0].lower()}{row.what[1:]}"
    return row.what


def _review_item(row: ReviewDueRow) -> TodayItem:
    if row.overdue:
        state = f"{plural(row.days_over, 'day')} overdue"
    else:
        state = "due today" if row.days_over == 0 else f"due in {plural(-row.days_over, 'day')}"
    return TodayItem(
        "child", row.child_id, row.child_name, f"{review_text(row)} · {state}", row.due_on,
        urgent=row.overdue, row_kind=row.row_kind, row_id=row.row_id,
    )  # fmt: skip


def reviews_section(conn: Any, today: dt.date) -> TodaySection:
    rows = read_reviews_due(conn, today)
    return TodaySection(
        "lac_reviews",
        "Looked-after and plan reviews due",
        tuple(_review_item(r) for r in rows[:SHOWN]),
        len(rows),
        f"No looked-after or plan review is overdue or due in the next {DUE_WITHIN_DAYS} days.",
    )


# Links at least "Important", where contact is expected, with no contact since :cutoff: the
# child page's reminder (``family.links_needing_contact``), for every child looked after.
CONTACT_GAPS = f"""SELECT f.child_id, c.preferred_name, f.id AS link_id, f.name,
        f.last_contact
    FROM family_link f JOIN child c ON c.id = f.child_id
    WHERE f.deleted_at IS NULL AND f.child_id IN ({CURRENT_CHILDREN})
      AND f.importance >= {int(LinkImportance.MEDIUM)}
      AND f.contact_arrangement != '{ContactArrangement.NONE.value}'
      AND (f.last_contact IS NULL OR f.last_contact < :cutoff)"""


def _gap_text(name: str, last: dt.date | None) -> str:
    return f"{name} ({f'last {last.day} {last:%b %Y}' if last else 'none recorded'})"


def contact_gaps_section(conn: Any, today: dt.date) -> TodaySection:
    """Children with an important link and no contact recorded lately (the child page's
    reminder), longest gap first; each opens Family & links on that link."""
    days = int(preferences.read_many(conn, [preferences.LINK_CONTACT_REMINDER_DAYS])[
        preferences.LINK_CONTACT_REMINDER_DAYS])  # fmt: skip
    cutoff = today - dt.timedelta(days=days)
    params = {"today": str(today), "cutoff": str(cutoff)}
    columns = "child_id, preferred_name, link_id, name, last_contact"
    rows = json_rows(conn, CONTACT_GAPS, params, columns)
    rows.sort(key=lambda row: (row[0], row[4] or "", row[3]))  # child; longest gap first
    items = []
    for (child_id, name), links in groupby(rows, key=lambda row: row[:2]):
        ordered = [(link_id, who, stored_day(last)) for *_, link_id, who, last in links]
        link_id, _, first = ordered[0]
        detail = f"No contact in {days} days with " + ", ".join(
            _gap_text(who, last) for _, who, last in ordered
        )
        items.append(
            TodayItem("child", child_id, name, detail, first, urgent=first is None,
                      row_kind="family_link", row_id=link_id)
        )  # fmt: skip
    items.sort(key=lambda i: (i.day or dt.date.min, i.title))
    return TodaySection(
        "contact_gaps",
        "Family contact gaps",
        tuple(items[:SHOWN]),
        len(items),
        f"Every important family link has had contact in the last {days} days.",
    )
