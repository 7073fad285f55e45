"""File → Export: the system overview (PDF, CSV) and calendar files (.ics).

Each asks where to save, writes through a temporary file off the GUI thread, then says in the
status bar what was saved. A refusal (a folder that cannot be written) is shown as a message.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QStatusBar, QWidget

from relcom_desktop.core import clock
from relcom_desktop.ui.background import run_in_background

if TYPE_CHECKING:
    from relcom_desktop.core.store.db import Store

PDF_FILTER = "PDF documents (*.pdf)"
CSV_FILTER = "CSV files (*.csv)"
ICS_FILTER = "Calendar files (*.ics)"


def ask_save_path(parent: QWidget, title: str, name: str, file_filter: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    suffix = file_filter.split("*")[-1].rstrip(")")
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _status(parent: QWidget) -> QStatusBar | None:
    window = parent.window()
    bar = getattr(window, "statusBar", None)
    return bar() if callable(bar) else None


def save_in_background(
    parent: QWidget, path: Path, work: Callable[[], Any], saved: Callable[[Any], str]
) -> None:
    """Run ``work`` off the GUI thread; then tell the user ``saved(result)`` or the problem."""
    status = _status(parent)
    if status is not None:
        status.showMessage(f"Saving {path.name}…")

    def done(result: Any) -> None:
        if status is not None:
            status.showMessage(saved(result), 8000)

    def failed(message: str) -> None:
        if status is not None:
            status.clearMessage()
        QMessageBox.warning(parent, "Could not save", message)

    run_in_background(parent, work, done, failed)


def export_overview_pdf(parent: QWidget, store: Store) -> None:
    path = ask_save_path(
        parent, "Export the system overview", _dated("system-overview", "pdf"), PDF_FILTER
    )
    if path is not None:
        save_in_background(
            parent, path, lambda: _overview_pdf(store, path), lambda _r: f"Saved {path}"
        )


def _overview_pdf(store: Store, path: Path) -> None:
    from relcom_desktop.core.enums import AuditKind
    from relcom_desktop.core.overview import system_overview
    from relcom_desktop.core.store import audit
    from relcom_desktop.reports.overview import write_overview_pdf

    write_overview_pdf(system_overview(store), path)
    audit.record(store, AuditKind.EXPORT, "", None, "System overview (PDF)")


def export_overview_csv(parent: QWidget, store: Store) -> None:
    from relcom_desktop.core.overview import system_overview
    from relcom_desktop.core.overview_export import export_overview_csv as write_csv

    path = ask_save_path(
        parent, "Export the system overview", _dated("system-overview", "csv"), CSV_FILTER
    )
    if path is not None:
        save_in_background(
            parent,
            path,
            lambda: write_csv(store, system_overview(store), path),
            lambda _r: f"Saved {path}",
        )


def export_meetings_ics(
    parent: QWidget, store: Store, meeting_ids: list[int] | None, name: str
) -> None:
    """One meeting, several, or (``None``) every upcoming meeting, as an .ics file."""
    from relcom_desktop.core.interop.calendar_export import export_meetings, upcoming_meeting_ids

    path = ask_save_path(parent, "Export to a calendar file", f"{name}.ics", ICS_FILTER)
    if path is None:
        return

    def work() -> int:
        ids = upcoming_meeting_ids(store) if meeting_ids is None else meeting_ids
        return export_meetings(store, ids, path, name.replace("-", " ").capitalize())

    save_in_background(parent, path, work, lambda n: f"Saved {n:,} meeting(s) to {path}")


def export_actions_ics(parent: QWidget, store: Store, filt: Any = None) -> None:
    from relcom_desktop.core.interop.calendar_export import export_action_due_dates

    path = ask_save_path(parent, "Export action due dates", "action-due-dates.ics", ICS_FILTER)
    if path is not None:
        save_in_background(
            parent,
            path,
            lambda: export_action_due_dates(store, path, filt),
            lambda n: f"Saved {n:,} due date(s) to {path}",
        )


def add_export_menu(menu: QMenu, parent: QWidget, store: Store) -> None:
    """File → Export: the system overview and calendar files."""
    menu.addAction("System overview (&PDF)…", lambda: export_overview_pdf(parent, store))
    menu.addAction("System overview (&CSV)…", lambda: export_overview_csv(parent, store))
    menu.addSeparator()
    menu.addAction(
        "Upcoming &meetings (.ics)…",
        lambda: export_meetings_ics(parent, store, None, "upcoming-meetings"),
    )
    menu.addAction("&Action due dates (.ics)…", lambda: export_actions_ics(parent, store))


def _dated(stem: str, suffix: str) -> str:
    return f"{stem}-{clock.today().isoformat()}.{suffix}"
