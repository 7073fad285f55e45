"""Today's caseload-wide reminders: reviews due, family contact gaps, and first steps.

Kept apart from :mod:`core.today` (which gathers the rest) so each stays short.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from itertools import groupby

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from relcom_desktop.core import models as m
from relcom_desktop.core import preferences
from relcom_desktop.core.family import FamilyLink, caseload_contact_gaps
from relcom_desktop.core.reviews_due import (
    DUE_WITHIN_DAYS,
    ReviewDueRow,
    current_children,
    ordinal,
    reviews_due,
)
from relcom_desktop.core.store.db import Store
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


def first_steps(store: Store) -> tuple[str, ...]:
    """What to do first on an empty caseload (adding providers only while there are none)."""
    with store.read() as session:
        providers = session.scalar(
            select(func.count(m.Provider.id)).where(m.Provider.deleted_at.is_(None))
        )
    return FIRST_STEPS if providers else (ADD_PROVIDERS, *FIRST_STEPS)


def caseload_size(session: Session) -> int:
    """Children on the caseload (not archived, not in the Trash)."""
    return (
        session.scalar(
            select(func.count(m.Child.id)).where(
                m.Child.deleted_at.is_(None), m.Child.archived_at.is_(None)
            )
        )
        or 0
    )


def review_text(row: ReviewDueRow) -> str:
    """ "2nd looked-after review", "Care plan review"."""
    if row.number:
        return f"{ordinal(row.number)} {row.what[0].lower()}{row.what[1:]}"
    return row.what


def _review_item(row: ReviewDueRow) -> TodayItem:
    state = f"{row.days_over} days overdue" if row.overdue else f"due in {-row.days_over} days"
    return TodayItem(
        "child", row.child_id, row.child_name, f"{review_text(row)} · {state}", row.due_on,
        urgent=row.overdue, row_kind=row.row_kind, row_id=row.row_id,
    )  # fmt: skip


def reviews_section(store: Store, today: dt.date) -> TodaySection:
    rows = reviews_due(store, today)
    return TodaySection(
        "lac_reviews",
        "Looked-after and plan reviews due",
        tuple(_review_item(r) for r in rows[:SHOWN]),
        len(rows),
        f"No looked-after or plan review is overdue or due in the next {DUE_WITHIN_DAYS} days.",
    )


def _gap_text(link: FamilyLink) -> str:
    last = f"last {link.last_contact.day} {link.last_contact:%b %Y}" if link.last_contact else ""
    return f"{link.name} ({last or 'none recorded'})"


def contact_gaps_section(store: Store, today: dt.date) -> TodaySection:
    """Children with an important link and no contact recorded lately (the child page's
    reminder), longest gap first; each opens Family & links on that link."""
    days = int(preferences.get(store, preferences.LINK_CONTACT_REMINDER_DAYS))
    found = caseload_contact_gaps(store, today, days, current_children(today))
    gaps = sorted(found, key=lambda link: link.child_id)
    wanted = {link.child_id for link in gaps}
    with store.read() as session:
        stmt = select(m.Child.id, m.Child.preferred_name).where(m.Child.id.in_(wanted))
        names = {child_id: name for child_id, name in session.execute(stmt)} if wanted else {}
    items = []
    for child_id, links in groupby(gaps, key=lambda link: link.child_id):
        ordered = sorted(links, key=lambda link: (link.last_contact or dt.date.min, link.name))
        first = ordered[0]
        detail = f"No contact in {days} days with " + ", ".join(map(_gap_text, ordered))
        item = TodayItem("child", child_id, names.get(child_id, ""), detail, first.last_contact)
        urgent = first.last_contact is None
        items.append(
            dataclasses.replace(item, urgent=urgent, row_kind="family_link", row_id=first.id or 0)
        )
    items.sort(key=lambda i: (i.day or dt.date.min, i.title))
    return TodaySection(
        "contact_gaps",
        "Family contact gaps",
        tuple(items[:SHOWN]),
        len(items),
        f"Every important family link has had contact in the last {days} days.",
    )
