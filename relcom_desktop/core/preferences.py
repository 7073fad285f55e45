"""Preferences and remembered choices stored in the data file (they travel with the data).

Every key and its default is declared here, in one place. The database layer is imported
only when a preference is read or saved through a :class:`Store`, so the keys and defaults
(and :func:`read_many`, for a plain DB-API connection) cost nothing at start-up.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from relcom_desktop.core.store.db import Store

USER_NAME = "user.name"
USER_LA = "user.local_authority"
CHECK_IN_EVERY_DAYS = "review.check_in_every_days"
PLACEMENT_REVIEW_EVERY_MONTHS = "review.placement_review_every_months"
LAC_FIRST_REVIEW_DAYS = "review.lac_first_review_days"
LAC_SECOND_REVIEW_MONTHS = "review.lac_second_review_months"
LAC_LATER_REVIEW_MONTHS = "review.lac_later_review_months"
LAC_REVIEW_DUE_SOON_DAYS = "review.lac_review_due_soon_days"
LINK_CONTACT_REMINDER_DAYS = "family.link_contact_reminder_days"
PROVIDER_NO_CONTACT_DAYS = "journal.provider_no_contact_days"
PROVIDER_CONCERN_RUN = "journal.provider_concern_run"
VISIT_CHECKLIST = "providers.visit_checklist"
JOURNAL_DRAFT = "journal.quick_add_draft"
CALENDAR_ID = "calendar.file_id"  # made on the first calendar export: UIDs never clash
REPORT_PAPER = "reports.paper"
REPORT_REDACT = "reports.redact"
LOCK_MINUTES = "security.lock_after_idle_minutes"
BACKUP_ON_CLOSE = "security.backup_on_close"
RETENTION_RULE = "retention.rule"
RETENTION_YEARS = "retention.years"
IMPORT_COLUMNS = "import.column_mappings"  # {list: {heading: field}} confirmed last time
IMPORT_WORDINGS = "import.wording_codes"  # {field: {wording: code}} chosen in an import

DEFAULTS: dict[str, Any] = {
    USER_NAME: "",
    USER_LA: "",
    CHECK_IN_EVERY_DAYS: 42,
    PLACEMENT_REVIEW_EVERY_MONTHS: 6,
    LAC_FIRST_REVIEW_DAYS: 20,
    LAC_SECOND_REVIEW_MONTHS: 3,
    LAC_LATER_REVIEW_MONTHS: 6,
    LAC_REVIEW_DUE_SOON_DAYS: 28,
    LINK_CONTACT_REMINDER_DAYS: 42,
    PROVIDER_NO_CONTACT_DAYS: 90,
    PROVIDER_CONCERN_RUN: 3,
    VISIT_CHECKLIST: [
        "Statement of purpose",
        "Children's guide",
        "Staff rota",
        "Training matrix",
        "Incident and restraint log",
        "Missing-from-care log",
        "Complaints log",
        "Regulation 44 reports",
        "Fire risk assessment",
        "Medication records",
    ],
    JOURNAL_DRAFT: None,  # the quick-add form's unsaved draft, kept while typing
    CALENDAR_ID: "",
    REPORT_PAPER: "a4",
    REPORT_REDACT: False,
    LOCK_MINUTES: 10,  # 0: never lock when idle (Ctrl+L and waking from sleep still lock)
    BACKUP_ON_CLOSE: True,
    RETENTION_RULE: "manual",
    RETENTION_YEARS: 75,
    IMPORT_COLUMNS: {},
    IMPORT_WORDINGS: {},
}


def get(store: Store, key: str, default: Any = None) -> Any:
    """The stored value, else ``default``, else the declared default."""
    with store.raw() as conn:
        stored = _stored(conn, [key])
    if key in stored:
        return stored[key]
    return default if default is not None else DEFAULTS.get(key)


def get_many(store: Store, keys: list[str]) -> dict[str, Any]:
    """Several preferences in one read, each falling back to its declared default."""
    with store.raw() as conn:
        return read_many(conn, keys)


def read_many(conn: Any, keys: list[str]) -> dict[str, Any]:
    """:func:`get_many` on a DB-API connection (Today reads before the database layer loads)."""
    stored = _stored(conn, keys)
    return {key: stored.get(key, DEFAULTS.get(key)) for key in keys}


def _stored(conn: Any, keys: list[str]) -> dict[str, Any]:
    marks = ", ".join("?" * len(keys))
    rows = conn.execute(f"SELECT key, value FROM app_setting WHERE key IN ({marks})", keys)
    return {key: _decoded(value) for key, value in rows}


def _decoded(value: Any) -> Any:
    """A stored JSON value. The column has numeric affinity, so SQLite hands back a number
    already decoded (``14``, not ``"14"``)."""
    return json.loads(value) if isinstance(value, str | bytes) else value


def put(store: Store, key: str, value: Any) -> None:
    put_many(store, {key: value})


def put_many(store: Store, values: dict[str, Any]) -> None:
    """Save several preferences together (one transaction)."""
    from relcom_desktop.core import models as m

    with store.write() as session:
        for key, value in values.items():
            session.merge(m.AppSetting(key=key, value=value))
