"""From the menus: encrypting the data file encrypts its backups; the check offers to
encrypt backups left unencrypted beside an encrypted file."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from relcom_desktop.core.store import backup
from relcom_desktop.core.store.backup_keys import plain_backups
from relcom_desktop.core.store.datafile import SQLITE_MAGIC
from relcom_desktop.core.store.db import open_store
from relcom_desktop.ui.background import wait_for_background
from relcom_desktop.ui.main_window import MainWindow
from relcom_desktop.ui.passphrase_dialog import PassphraseDialog

SECRET = "lantern otter quiver maple"


@pytest.fixture
def said(monkeypatch) -> list[str]:
    messages: list[str] = []

    def record(parent, title, text, *args, **kwargs):
        messages.append(text)
        return QMessageBox.StandardButton.Yes

    for name in ("information", "warning", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return messages


def test_encrypting_from_the_menu_encrypts_the_backups(qtbot, caseload, said) -> None:
    store = caseload.store
    for day in (1, 2):
        backup.make_backup(store, now=dt.datetime(2026, 10, day, 12, 0))
    damaged = store.data_dir / "backups" / "relcom-backup-20260101-120000.sqlite3"
    damaged.write_bytes(SQLITE_MAGIC + b"Amy Brackenfold" + b"\0" * 4000)
    assert len(plain_backups(store.data_dir)) == 3
    dialog = PassphraseDialog(store)
    qtbot.addWidget(dialog)
    notes = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Every backup is then encrypted" in notes
    qtbot.keyClicks(dialog.form.new, SECRET)
    qtbot.keyClicks(dialog.form.confirm, SECRET)
    dialog.ok.click()
    assert store.encrypted and not plain_backups(store.data_dir)
    assert "2 backups now use the data file's passphrase" in said[-2]
    assert damaged.name in said[-1] and "Delete them" in said[-1]  # answered Yes
    assert not damaged.exists()


def test_the_check_offers_to_encrypt_unencrypted_backups(
    qtbot, tmp_path: Path, settings, said
) -> None:
    store = open_store(tmp_path / "secret", SECRET)
    old = open_store(tmp_path / "old")
    made = backup.make_backup(old, now=dt.datetime(2026, 3, 1, 9, 0))
    old.close()
    (store.data_dir / "backups").mkdir()
    shutil.move(made.path, store.data_dir / "backups" / made.path.name)
    win = MainWindow(store, settings=settings)
    qtbot.addWidget(win)
    win.safety.actions["check"].trigger()
    assert any("1 backup is not encrypted" in text for text in said)
    assert not plain_backups(store.data_dir)
    assert backup.opens_with(store.data_dir / "backups" / made.path.name, SECRET)
    wait_for_background()
    store.close()
