"""Opening the data file when the app starts: first-run wizard, unlock dialog, or straight in.

A file that cannot be opened is explained in its own words; a damaged one can be restored
from a backup right there, since the main window (and its File menu) cannot open without it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QMessageBox

from relcom_desktop import APP_NAME
from relcom_desktop.core import preferences
from relcom_desktop.core.errors import CorruptStore, RelcomError, StoreError
from relcom_desktop.core.store import backup, backup_files, recovery
from relcom_desktop.core.store.db import (
    FileState,
    Store,
    data_file,
    ensure_writable_dir,
    file_state,
    has_data_file,
    open_store,
    probe_existing,
)

UPGRADING = "Updating the data file for this version of RelCom Desktop (only this once)…"


def open_for_gui(data_dir: Path, *, demo: bool = False) -> Store | None:
    """The open store, or None if the user chose not to go on. Raises StoreError."""
    path = data_file(data_dir)
    recovery.recover(path)  # finish a restore that was stopped, before deciding how to open
    present = has_data_file(path)
    if not present and not demo:
        return _first_run(data_dir)
    if file_state(path) is FileState.ENCRYPTED:
        return _unlock(data_dir, path)
    return _open_plain(data_dir, path, present)


def _open_plain(data_dir: Path, path: Path, present: bool) -> Store:
    """Open a plain file (``present``: one is there already, else a new one is made).
    Upgrading one from an older version (once; on ten years of records it can take several
    seconds) runs behind a progress dialog, so the window never hangs."""
    try:
        stale = present and path.is_file() and probe_existing(path, None)
    except StoreError:
        stale = False  # opening it says what is wrong, in full
    if not stale:
        return open_store(data_dir)
    from relcom_desktop.ui.background import run_with_progress

    return run_with_progress(
        None, UPGRADING, lambda _progress, _cancelled: open_store(data_dir), can_cancel=False
    )


def demo_folder(data_dir: Path) -> Path:
    """Where the demo caseload lives beside (never in) the user's own data."""
    from relcom_desktop.core.store.datafile import DEMO_FOLDER

    return Path(data_dir) / DEMO_FOLDER


def chose_demo(store: Store, data_dir: Path) -> bool:
    """Whether the first-run wizard opened the demo caseload instead of the user's data."""
    return store.data_dir == demo_folder(data_dir)


def _first_run(data_dir: Path) -> Store | None:
    from relcom_desktop.ui.first_run import FirstRunWizard

    ensure_writable_dir(data_dir)  # say so before asking anything
    wizard = FirstRunWizard()
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return None
    if wizard.explore_demo():
        from relcom_desktop.commands import demo

        demo.ensure(demo_folder(data_dir))
        return open_store(demo_folder(data_dir))
    answers = wizard.answers()
    store = open_store(data_dir, answers.passphrase)
    preferences.put(store, preferences.USER_NAME, answers.user_name)
    preferences.put(store, preferences.USER_LA, answers.local_authority)
    return store


def _unlock(data_dir: Path, path: Path) -> Store | None:
    from relcom_desktop.ui.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(path, lambda secret: open_store(data_dir, secret))
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if dialog.error is not None:
        raise dialog.error
    return dialog.store if accepted else None


def explain(data_dir: Path, err: StoreError) -> bool:
    """Show why the file could not be opened; True if a backup was restored (try again)."""
    backups = backup_files.list_backups(data_dir)
    if not isinstance(err, CorruptStore) or not backups:
        QMessageBox.critical(None, APP_NAME, str(err))
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(err))
    restore_button = box.addButton("&Restore from a backup…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not restore_button:
        return False
    return _restore_damaged(data_dir)


def _restore_damaged(data_dir: Path) -> bool:
    from relcom_desktop.ui.restore_dialog import RestoreDialog

    dialog = RestoreDialog(data_dir)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return False
    try:
        backup.restore(data_dir, dialog.chosen, dialog.backup_passphrase)
    except RelcomError as again:
        QMessageBox.critical(None, APP_NAME, str(again))
        return False
    return True
