"""Which section the main window shows, remembered per data file (QSettings).

A new data file (just made by the first-run wizard) or one never opened on this computer
starts on Today, whatever page another file was left on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from relcom_desktop.ui.sections import SECTION_KEYS

if TYPE_CHECKING:  # the window is shown before the database layer loads
    from relcom_desktop.core.store.db import Store

SECTION_KEY = "main_window/section"  # the last section of any file, shown while one opens
FILE_SECTION_KEY = "main_window/section_of/"  # + a digest of the data file's path


def _key(store: Store) -> str:
    import hashlib  # not needed before the window's first paint

    path = str(store.path.resolve())
    return FILE_SECTION_KEY + hashlib.sha256(path.encode()).hexdigest()[:16]


def last_section(settings: QSettings, store: Store | None = None) -> str:
    """The section last used (with ``store``'s file, when given); Today if none or unknown."""
    section = settings.value(SECTION_KEY if store is None else _key(store), SECTION_KEYS[0])
    return section if section in SECTION_KEYS else SECTION_KEYS[0]


def remember_section(settings: QSettings, store: Store | None, section: str) -> None:
    settings.setValue(SECTION_KEY, section)
    if store is not None:
        settings.setValue(_key(store), section)
