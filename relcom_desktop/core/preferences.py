"""Preferences and remembered choices stored in the data file (they travel with the data).

Every key and its default is declared here, in one place.
"""

from __future__ import annotations

from typing import Any

from relcom_desktop.core import models as m
from relcom_desktop.core.db import Store

USER_NAME = "user.name"
USER_LA = "user.local_authority"
CHECK_IN_EVERY_DAYS = "review.check_in_every_days"
PLACEMENT_REVIEW_EVERY_MONTHS = "review.placement_review_every_months"
LAC_FIRST_REVIEW_DAYS = "review.lac_first_review_days"
LAC_SECOND_REVIEW_MONTHS = "review.lac_second_review_months"
LAC_LATER_REVIEW_MONTHS = "review.lac_later_review_months"
LINK_CONTACT_REMINDER_DAYS = "family.link_contact_reminder_days"
PROVIDER_NO_CONTACT_DAYS = "journal.provider_no_contact_days"
PROVIDER_CONCERN_RUN = "journal.provider_concern_run"
LOCK_MINUTES = "security.lock_after_idle_minutes"
BACKUP_ON_CLOSE = "security.backup_on_close"
RETENTION_RULE = "retention.rule"
RETENTION_YEARS = "retention.years"

DEFAULTS: dict[str, Any] = {
    USER_NAME: "",
    USER_LA: "",
    CHECK_IN_EVERY_DAYS: 42,
    PLACEMENT_REVIEW_EVERY_MONTHS: 6,
    LAC_FIRST_REVIEW_DAYS: 20,
    LAC_SECOND_REVIEW_MONTHS: 3,
    LAC_LATER_REVIEW_MONTHS: 6,
    LINK_CONTACT_REMINDER_DAYS: 42,
    PROVIDER_NO_CONTACT_DAYS: 90,
    PROVIDER_CONCERN_RUN: 3,
    LOCK_MINUTES: 10,  # 0: never lock when idle (Ctrl+L and waking from sleep still lock)
    BACKUP_ON_CLOSE: True,
    RETENTION_RULE: "manual",
    RETENTION_YEARS: 75,
}


def get(store: Store, key: str, default: Any = None) -> Any:
    """The stored value, else ``default``, else the declared default."""
    with store.read() as session:
        row = session.get(m.AppSetting, key)
        if row is not None:
            return row.value
    return default if default is not None else DEFAULTS.get(key)


def put(store: Store, key: str, value: Any) -> None:
    with store.write() as session:
        session.merge(m.AppSetting(key=key, value=value))
