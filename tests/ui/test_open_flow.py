"""Starting the app: first-run wizard, unlock dialog, and files that cannot be opened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from relcom_desktop.app import run_gui
from relcom_desktop.core import preferences
from relcom_desktop.core.errors import WrongPassphrase
from relcom_desktop.core.store.db import DB_FILENAME, FileState, file_state, open_store
from relcom_desktop.ui.first_run import FirstRunWizard
from relcom_desktop.ui.unlock_dialog import UnlockDialog
from tests.core.factories import a_caseload_with_a_backup, a_child, damage
from tests.ui.keyboard import os_key, os_keys

SECRET = "lantern otter quiver maple"


def when_shown(kind: type, act: Callable[[QWidget], None], tries: int = 100) -> None:
    """Act on the next modal window of ``kind`` once it is showing (never block a test)."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            act(widget)
        elif tries > 0:
            when_shown(kind, act, tries - 1)

    QTimer.singleShot(50, poll)


def test_wizard_is_keyboard_driven_and_wants_a_strong_matching_passphrase(qtbot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    next_button = wizard.button(wizard.WizardButton.NextButton)
    finish = wizard.button(wizard.WizardButton.FinishButton)
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert not wizard.currentPage().isComplete()
    qtbot.keyClicks(wizard.about.name, "Sam Taylor")
    qtbot.keyClicks(wizard.about.authority, "Kent County Council")
    assert wizard.currentPage().isComplete()
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    form = wizard.secret.form
    qtbot.keyClicks(form.new, "kent")
    assert "Use at least 10 characters" in form.meter.advice.text()
    form.new.clear()
    qtbot.keyClicks(form.new, SECRET)
    assert form.meter.label.text().endswith("strong</b>")
    qtbot.keyClicks(form.confirm, SECRET[:-1])
    assert form.match.text() == "The two are different." and not finish.isEnabled()
    qtbot.keyClicks(form.confirm, SECRET[-1])
    assert form.match.text() == "The two match." and finish.isEnabled()
    answers = wizard.answers()
    assert (answers.user_name, answers.local_authority) == ("Sam Taylor", "Kent County Council")


def test_first_run_creates_an_encrypted_file_with_the_users_details(
    qapp, tmp_path: Path, settings, capsys
) -> None:
    def fill(wizard: QWidget) -> None:
        assert isinstance(wizard, FirstRunWizard)
        wizard.about.name.setText("Sam Taylor")
        wizard.about.authority.setText("Kent County Council")
        wizard.secret.form.new.setText(SECRET)
        wizard.secret.form.confirm.setText(SECRET)
        wizard.accept()

    when_shown(FirstRunWizard, fill)
    assert run_gui(tmp_path / "new", startup_probe=True, settings=settings) == 0
    path = tmp_path / "new" / DB_FILENAME
    assert file_state(path) is FileState.ENCRYPTED
    store = open_store(tmp_path / "new", SECRET)
    assert preferences.get(store, preferences.USER_NAME) == "Sam Taylor"
    assert preferences.get(store, preferences.USER_LA) == "Kent County Council"
    store.close()


def test_closing_the_wizard_creates_nothing(qapp, tmp_path: Path) -> None:
    when_shown(FirstRunWizard, lambda w: w.reject())
    assert run_gui(tmp_path / "new") == 0
    assert not (tmp_path / "new" / DB_FILENAME).exists()


def test_unlock_dialog_says_when_the_passphrase_is_wrong(qtbot) -> None:
    opened: list[str] = []

    def opener(secret: str):
        if secret != SECRET:
            raise WrongPassphrase("no")
        opened.append(secret)
        return "store"

    dialog = UnlockDialog(Path("/data/relcom.sqlite3"), opener)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase, "guess")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert "not right" in dialog.message.text() and dialog.isVisible()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, SECRET)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert opened == [SECRET] and dialog.store == "store" and dialog.attempts == 1


def test_an_encrypted_file_opens_after_unlocking(qapp, tmp_path: Path, settings) -> None:
    store = open_store(tmp_path, SECRET)
    a_child(store, "Robin")
    store.close()

    tried: list[str] = []

    def unlock(dialog: QWidget) -> None:
        """Typed as a keyboard sends keys: to the dialog's window, then to its focus."""
        assert isinstance(dialog, UnlockDialog)
        dialog.activateWindow()
        os_keys(dialog, "a wrong guess")
        os_key(dialog, Qt.Key.Key_Return)
        tried.append(dialog.message.text())
        os_keys(dialog, SECRET)  # the wrong guess is selected: typing replaces it
        os_key(dialog, Qt.Key.Key_Return)

    when_shown(UnlockDialog, unlock)
    assert run_gui(tmp_path, startup_probe=True, settings=settings) == 0
    assert tried and "not right" in tried[0]


def test_a_damaged_file_without_backups_says_so(qapp, tmp_path: Path, shown_errors) -> None:
    store = open_store(tmp_path)
    for i in range(200):
        a_child(store, f"Child {i}", la_reference=f"R{i}")
    store.close()
    damage(tmp_path)
    assert run_gui(tmp_path) == 2
    assert "damaged" in shown_errors[0] and "no backup" in shown_errors[0]


def test_a_damaged_file_can_be_restored_from_a_backup_at_start(
    qapp, tmp_path: Path, settings
) -> None:
    a_caseload_with_a_backup(tmp_path)
    damage(tmp_path)
    seen: list[str] = []

    def choose_restore(box: QWidget) -> None:
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if "Restore" in b.text())
        button.click()
        from relcom_desktop.ui.restore_dialog import RestoreDialog

        def confirm(question: QWidget) -> None:
            seen.append(question.text())
            question.button(QMessageBox.StandardButton.Yes).click()

        def accept(dialog: QWidget) -> None:
            when_shown(QMessageBox, confirm)  # "Restore the backup of …?"
            dialog._accept()

        when_shown(RestoreDialog, accept)

    when_shown(QMessageBox, choose_restore)
    assert run_gui(tmp_path, startup_probe=True, settings=settings) == 0
    assert "backup of 24 Nov 2026" in seen[0]
    assert "Restore the backup of 24 Nov 2026 at 09:00?" in seen[1]
    assert "set aside" in seen[1]
    assert list((tmp_path / "backups").glob("relcom-before-restore-*"))


def test_errors_while_running_are_plain_messages(
    qapp, tmp_path: Path, shown_errors, monkeypatch
) -> None:
    from relcom_desktop.app import error_hook
    from relcom_desktop.ui import error_dialog

    calm: list[str] = []
    monkeypatch.setattr(error_dialog, "show_unexpected", lambda kind, _log: calm.append(kind))
    from relcom_desktop.core.errors import ValidationError

    store = open_store(tmp_path)
    seen: list[object] = []
    hook = error_hook(store, lambda *args: seen.append(args[1]))
    hook(ValidationError, ValidationError("Please enter a name."), None)
    assert shown_errors == ["Please enter a name."]
    from sqlcipher3 import dbapi2

    hook(dbapi2.DatabaseError, dbapi2.DatabaseError("database disk image is malformed"), None)
    assert "is damaged" in shown_errors[-1] and "no backup" in shown_errors[-1]
    hook(RuntimeError, RuntimeError("a programming fault"), None)
    assert calm == ["RuntimeError"]  # a fault is explained calmly and logged (test_error_dialog)
    stop = KeyboardInterrupt()
    hook(KeyboardInterrupt, stop, None)
    assert seen == [stop]  # Ctrl+C in a terminal still reaches the default hook
    store.close()


def test_a_second_running_copy_is_refused_with_a_message(
    qapp, tmp_path: Path, shown_errors
) -> None:
    import subprocess
    import sys

    open_store(tmp_path).close()
    hold = (
        "import sys, time; from pathlib import Path; from relcom_desktop.core.store.db import "
        "open_store; s = open_store(Path(sys.argv[1])); print('open', flush=True); time.sleep(60)"
    )
    proc = subprocess.Popen([sys.executable, "-c", hold, str(tmp_path)], stdout=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"open"
        assert run_gui(tmp_path) == 2
    finally:
        proc.kill()
        proc.wait()
    assert "already open on this data file" in shown_errors[0]


def test_a_file_from_an_older_version_upgrades_behind_a_progress_dialog(
    qapp, tmp_path: Path, monkeypatch
) -> None:
    from relcom_desktop.ui import open_flow

    store = open_store(tmp_path)
    a_child(store, "Robin")
    store.close()
    shown: list[str] = []

    def in_background(parent, title, work, **_kwargs):  # type: ignore[no-untyped-def]
        shown.append(title)
        return work(lambda *_a: None, lambda: False)

    monkeypatch.setattr(open_flow, "probe_existing", lambda _path, _key: True)
    monkeypatch.setattr("relcom_desktop.ui.background.run_with_progress", in_background)
    opened = open_flow.open_for_gui(tmp_path)
    assert opened is not None and shown == [open_flow.UPGRADING]
    opened.close()
