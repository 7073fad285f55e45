"""The Today page: what needs the commissioner's attention, gathered by the database.

The lists are read by :mod:`core.today_read` (plain SQL, so start-up can show them before the
database layer loads); the provider flags, which apply the journal's rules, are read here.
"""

from __future__ import annotations

import datetime as dt

from relcom_desktop.core import clock
from relcom_desktop.core.relationship import providers_needing_attention
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.today_items import SHOWN, TodayItem, TodaySection, TodayView
from relcom_desktop.core.today_read import PROVIDERS_TITLE, read_today


def provider_section(store: Store, today: dt.date | None = None) -> TodaySection:
    """Providers flagged by the journal (the slowest part of Today, so it can come second)."""
    today = today or clock.today()
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


def today_view(store: Store, today: dt.date | None = None, *, providers: bool = True) -> TodayView:
    """Everything the Today page shows, for ``today`` (a fixed date in tests).

    With ``providers=False`` the provider section is left pending, to be filled by
    :func:`provider_section` (so the rest can appear at once).
    """
    today = today or clock.today()
    with store.raw() as conn:
        conn.execute("BEGIN")  # one snapshot for every list
        try:
            view = read_today(conn, today)
        finally:
            conn.execute("ROLLBACK")
    if not providers or not any(s.key == "providers" for s in view.sections):
        return view
    return view.with_section(provider_section(store, today))
