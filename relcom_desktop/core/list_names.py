"""The lists a user can export, by name: kept free of the database layer so the command line
can describe them without loading it (see core/interop/csv_export.py for what each list holds)."""

from __future__ import annotations

LIST_TITLES: dict[str, str] = {
    "children": "Children",
    "family-links": "Family and community links",
    "placements": "Placements",
    "check-ins": "Check-ins",
    "providers": "Providers",
    "settings": "Settings",
    "contacts": "Contacts",
    "journal": "Journal entries",
    "meetings": "Meetings",
    "actions": "Actions",
    "reflections": "Reflections",
    "audit": "Audit log",
}
LIST_KEYS = tuple(LIST_TITLES)
