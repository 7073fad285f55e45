"""Records retention: which children's records are past the date they should be kept to.

The rule is a preference. By default (``manual``) each child's records are kept until the date
the user sets on the child from their authority's records schedule. Two other rules work a
date out for children without one: to the child's Nth birthday (many authorities keep care
records to the 75th), or N years after the child left the caseload (was archived). A date set
on a child always wins. Nothing is ever deleted automatically: the review lists records past
retention, and the user decides, one child at a time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import delete, select

from relcom_desktop.core import clock, errors, preferences
from relcom_desktop.core import models as m
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.core.store import audit
from relcom_desktop.core.store.db import Store


class RetentionRule(StrEnum):
    MANUAL = "manual"
    BIRTHDAY = "birthday"
    AFTER_LEAVING = "after_leaving"

    @property
    def label(self) -> str:
        return {
            RetentionRule.MANUAL: "Until the date I set for each child",
            RetentionRule.BIRTHDAY: "Until the child's birthday at this age",
            RetentionRule.AFTER_LEAVING: "For this many years after the child left my caseload",
        }[self]


@dataclass(frozen=True)
class RetentionPolicy:
    rule: RetentionRule
    years: int  # the birthday age, or the years after leaving


@dataclass(frozen=True)
class RetentionItem:
    child_id: int
    preferred_name: str
    la_reference: str | None
    keep_until: dt.date
    basis: str  # how the date was reached, in plain words
    archived: bool
    in_trash: bool


@dataclass(frozen=True)
class RetentionReview:
    past: list[RetentionItem]
    without_date: int  # children for whom no date could be worked out


def policy(store: Store) -> RetentionPolicy:
    rule = preferences.get(store, preferences.RETENTION_RULE)
    years = preferences.get(store, preferences.RETENTION_YEARS)
    try:
        return RetentionPolicy(RetentionRule(rule), int(years))
    except (ValueError, TypeError):
        return RetentionPolicy(
            RetentionRule.MANUAL, preferences.DEFAULTS[preferences.RETENTION_YEARS]
        )


def set_policy(store: Store, rule: RetentionRule, years: int) -> None:
    if not 1 <= years <= 120:
        raise errors.ValidationError("The number of years must be between 1 and 120.")
    preferences.put(store, preferences.RETENTION_RULE, rule.value)
    preferences.put(store, preferences.RETENTION_YEARS, years)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def keep_until(
    pol: RetentionPolicy,
    retain_until: dt.date | None,
    born: dt.date | None,
    archived_at: dt.datetime | None,
) -> tuple[dt.date, str] | None:
    """The date a child's records are kept to and why; None if it cannot be worked out."""
    if retain_until is not None:
        return retain_until, "Date set from the records schedule"
    if pol.rule is RetentionRule.BIRTHDAY and born is not None:
        return _add_years(born, pol.years), f"{pol.years}th birthday"
    if pol.rule is RetentionRule.AFTER_LEAVING and archived_at is not None:
        return _add_years(archived_at.date(), pol.years), f"{pol.years} years after leaving"
    return None


def review(store: Store, today: dt.date | None = None) -> RetentionReview:
    """Children whose records are past retention (oldest first), for the user to review."""
    today = today or clock.today()
    pol = policy(store)
    stmt = select(
        m.Child.id,
        m.Child.preferred_name,
        m.Child.la_reference,
        m.Child.retain_until,
        m.Child.date_of_birth,
        m.Child.archived_at,
        m.Child.deleted_at,
    )
    past, without = [], 0
    with store.read() as session:
        for row in session.execute(stmt):
            found = keep_until(pol, row.retain_until, row.date_of_birth, row.archived_at)
            if found is None:
                without += 1
            elif found[0] < today:
                past.append(
                    RetentionItem(
                        row.id,
                        row.preferred_name,
                        row.la_reference,
                        found[0],
                        found[1],
                        row.archived_at is not None,
                        row.deleted_at is not None,
                    )
                )
    past.sort(key=lambda item: (item.keep_until, item.child_id))
    return RetentionReview(past, without)


def set_keep_until(store: Store, child_id: int, day: dt.date | None) -> None:
    """Set (or clear) the date a child's records are kept to."""
    with store.write() as session:
        child = session.get(m.Child, child_id)
        if child is None:
            raise errors.not_found("child", child_id)
        child.retain_until = day


def delete_permanently(store: Store, child_id: int) -> None:
    """Erase a child and everything recorded only about them. This cannot be undone.

    Placements, check-ins, plans, family links and the like go with the child; journal
    entries, meetings and actions that also concern others stay, without the link.
    The audit trail notes that a child record was deleted, never who it was.
    """
    with store.write() as session:
        if session.get(m.Child, child_id) is None:
            raise errors.not_found("child", child_id)
        session.execute(delete(m.Child).where(m.Child.id == child_id))
        audit.record_in(session, AuditKind.HARD_DELETE, "child", child_id, "retention review")
