"""Calendar arithmetic the services share: whole months and working days."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_working_days(day: dt.date, days: int) -> dt.date:
    """``days`` weekdays after ``day`` (bank holidays are not known, so they count)."""
    while days > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


def end_of_week(today: dt.date) -> dt.date:
    """The Sunday that ends ``today``'s week (Monday to Sunday)."""
    return today + dt.timedelta(days=6 - today.weekday())


def stored_day(text: str | None) -> dt.date | None:
    """A date as the data file holds it (ISO text, or NULL) as a date."""
    return dt.date.fromisoformat(text) if text else None
