"""Spacing shared by every page (kept apart so the main window can start without widgets)."""

PAGE_MARGIN = 24
PAGE_SPACING = 12
