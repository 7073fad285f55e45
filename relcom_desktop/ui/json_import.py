"""File → Import → Whole export (JSON)…: every record of an export, into an empty data file.

Only an empty data file takes a whole export (its own first-run preferences and audit trail
do not count), so nothing is ever mixed or overwritten. The file is read and checked and its
records inserted off the GUI thread, with progress and Cancel; it all goes in, or — on any
refusal, a full disk, or Cancel — nothing does. Afterwards every view refreshes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.interop import transfer
from relcom_desktop.core.store.db import Store
from relcom_desktop.ui.background import run_with_progress
from relcom_desktop.ui.bus import RECORD_SECTIONS, bus

TITLE = "Import a whole export"
JSON_FILTER = "RelCom Desktop export (*.json);;All files (*)"
NOT_EMPTY = (
    "This data file already holds records, so a whole export cannot go into it: nothing "
    "would be mixed or overwritten. Open an empty data folder instead (start RelCom Desktop "
    "with --data-dir and a new folder), then import the export there."
)
OTHER_KINDS = ("family_link", "plan", "lac_review", "contact", "preference", "preferences")


def import_whole_export(store: Store, parent: QWidget) -> transfer.TransferSummary | None:
    """Ask for an export file and import it all; says why when it cannot."""
    if transfer.holds_records(store):
        QMessageBox.information(parent, TITLE, NOT_EMPTY)
        return None
    chosen, _kind = QFileDialog.getOpenFileName(parent, TITLE, str(Path.home()), JSON_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    try:
        done = run_with_progress(
            parent,
            "Importing all records…",
            lambda progress, cancelled: transfer.import_json(
                store, path, progress=progress, cancelled=cancelled
            ),
        )
    except RelcomError as err:
        QMessageBox.warning(parent, TITLE, str(err))
        return None
    _refresh_everything()
    QMessageBox.information(
        parent, TITLE, f"Imported {done.rows:,} records from {path.name}. They are all here now."
    )
    return done


def _refresh_everything() -> None:
    """Every kind of record may have arrived: tell every view."""
    kinds = [k for k in RECORD_SECTIONS if ":" not in k]
    for kind in dict.fromkeys([*kinds, *transfer.record_kinds(), *OTHER_KINDS]):
        bus().changed.emit(kind)
