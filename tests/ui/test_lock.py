"""The lock screen: idle time by the wall clock, waking from sleep, Ctrl+L; nothing is lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from relcom_desktop.core.store.db import Store, open_store
from relcom_desktop.ui.lock import LOCKED_TITLE, LockCover
from relcom_desktop.ui.main_window import MainWindow
from tests.ui.keyboard import os_key, os_keys

SECRET = "lantern otter quiver maple"


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def secret_store(tmp_path: Path):
    store = open_store(tmp_path / "secret", SECRET)
    yield store
    store.close()


@pytest.fixture
def window(qtbot, secret_store: Store, settings) -> MainWindow:
    win = MainWindow(secret_store, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    guard = win.safety.guard
    guard.clock = Clock()
    guard.last_activity = guard.last_tick = guard.clock()
    return win


def _covers(win: MainWindow) -> list[LockCover]:
    return win.findChildren(LockCover)


def test_idle_time_on_the_wall_clock_locks(window: MainWindow) -> None:
    guard = window.safety.guard
    assert guard.minutes == 10  # the default
    guard.clock.now += 9 * 60
    guard.last_tick = guard.clock.now - 2
    guard.check()
    assert not guard.locked
    guard.clock.now += 61
    guard.last_tick = guard.clock.now - 2
    guard.check()
    assert guard.locked and _covers(window)[0].isVisible()
    assert window.windowTitle() == LOCKED_TITLE


def test_waking_from_sleep_locks_at_once(window: MainWindow) -> None:
    guard = window.safety.guard
    guard.clock.now += 5 * 60  # the tick came five minutes late: the laptop was asleep
    guard.last_activity = guard.clock.now
    guard.check()
    assert guard.locked


def test_going_to_sleep_locks_before_the_lid_opens(window: MainWindow) -> None:
    window.safety.guard.about_to_sleep(False)
    assert not window.safety.guard.locked
    window.safety.guard.about_to_sleep(True)
    assert window.safety.guard.locked


def test_ctrl_l_locks_and_typed_text_survives(qtbot, window: MainWindow) -> None:
    page = window.page("children")
    window.show_section("children")
    draft = page.list.search
    draft.setFocus()
    qtbot.keyClicks(draft, "half-typed note")
    window.statusBar().showMessage("Chosen child: Amy")
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    guard = window.safety.guard
    assert guard.locked
    assert window.statusBar().currentMessage() == ""
    cover = _covers(window)[0]
    assert cover.geometry() == window.rect()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "children"  # shortcuts do nothing while locked
    qtbot.keyClicks(draft, "more")  # keys for what is underneath go nowhere
    assert draft.text() == "half-typed note"
    draft.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cover.passphrase)
    qtbot.keyClicks(cover.passphrase, "not it")
    qtbot.keyClick(cover.passphrase, Qt.Key.Key_Return)
    assert guard.locked and "not right" in cover.message.text()
    cover.passphrase.clear()
    qtbot.keyClicks(cover.passphrase, SECRET)
    qtbot.keyClick(cover.passphrase, Qt.Key.Key_Return)
    assert not guard.locked
    assert draft.text() == "half-typed note"
    assert window.windowTitle() != LOCKED_TITLE


def test_keys_from_a_real_keyboard_unlock(qtbot, window: MainWindow) -> None:
    """Keys arrive at the platform window first (as from a keyboard), not at the field."""
    window.show_section("children")
    draft = window.page("children").list.search
    draft.setFocus()
    os_keys(window, "half-typed")
    assert draft.text() == "half-typed"
    os_key(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    guard = window.safety.guard
    assert guard.locked
    cover = _covers(window)[0]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is cover.passphrase)
    os_key(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_section() == "children"  # shortcuts still do nothing
    os_keys(window, "not it")
    assert cover.passphrase.text() == "not it"
    os_key(window, Qt.Key.Key_Return)
    assert guard.locked and "not right" in cover.message.text()
    os_keys(window, SECRET)  # the wrong attempt is selected, so typing replaces it
    os_key(window, Qt.Key.Key_Return)
    assert not guard.locked
    assert draft.text() == "half-typed"
    assert window.windowTitle() != LOCKED_TITLE


def test_an_open_dialog_is_covered_too(qtbot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog(window)
    field = QLineEdit(dialog)
    field.setText("unsaved words")
    dialog.setWindowTitle("Edit Amy")
    dialog.show()
    qtbot.waitExposed(dialog)
    window.safety.guard.lock()
    assert dialog.windowTitle() == LOCKED_TITLE
    assert dialog.findChild(LockCover).isVisible()
    assert window.safety.guard.unlock(SECRET)
    assert dialog.windowTitle() == "Edit Amy" and field.text() == "unsaved words"
    dialog.close()


def test_user_activity_postpones_the_lock(qtbot, window: MainWindow) -> None:
    guard = window.safety.guard
    guard.clock.now += 9 * 60
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)
    guard.clock.now += 5 * 60
    guard.last_tick = guard.clock.now - 2
    guard.check()
    assert not guard.locked


def test_lock_after_is_a_preference(qtbot, window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from relcom_desktop.core import preferences

    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (3, True)))
    window.safety.actions["lock_after"].trigger()
    assert window.safety.guard.minutes == 3
    assert preferences.get(window.store, preferences.LOCK_MINUTES) == 3
    assert QApplication.instance() is not None
