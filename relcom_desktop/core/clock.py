"""The app's calendar: every "today" the app works with comes from :func:`today`.

One place, so a whole test session can run on one day even if it crosses midnight (see
``tests/conftest.py``); ``tests/test_clock.py`` keeps ``date.today`` out of the rest of the app.
"""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """The local calendar date."""
    return dt.date.today()
