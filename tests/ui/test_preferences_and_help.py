"""Edit → Preferences, and the Help menu's keyboard shortcuts and user guide."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from relcom_desktop.core import preferences
from relcom_desktop.core.store import backup_files
from relcom_desktop.ui import guide, theme
from relcom_desktop.ui.preferences_dialog import PreferencesDialog


@pytest.fixture
def restore_look(qapp):
    yield
    theme.apply(qapp, "light", 100)


def test_preferences_show_and_save_every_setting(
    qtbot, store, settings, tmp_path: Path, restore_look
) -> None:
    dialog = PreferencesDialog(store, settings)
    qtbot.addWidget(dialog)
    assert dialog.check_in.value() == 42 and dialog.placement_review.value() == 6
    assert dialog.lock_minutes.value() == 10 and dialog.keep_daily.value() == 7
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.font_scale.setCurrentIndex(dialog.font_scale.findData(200))
    dialog.check_in.setValue(28)
    dialog.placement_review.setValue(3)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    dialog.redact.setChecked(True)
    dialog.lock_minutes.setValue(0)
    dialog.backup_on_close.setChecked(False)
    dialog.folder.setText(str(tmp_path / "elsewhere"))
    dialog.keep_monthly.setValue(24)
    dialog.accept()
    values = preferences.get_many(store, list(preferences.DEFAULTS))
    assert values[preferences.CHECK_IN_EVERY_DAYS] == 28
    assert values[preferences.PLACEMENT_REVIEW_EVERY_MONTHS] == 3
    assert values[preferences.REPORT_PAPER] == "letter" and values[preferences.REPORT_REDACT]
    assert values[preferences.LOCK_MINUTES] == 0 and not values[preferences.BACKUP_ON_CLOSE]
    plan = backup_files.backup_plan(store.data_dir)
    assert plan.folder == tmp_path / "elsewhere" and plan.keep_monthly == 24
    assert theme.stored_choice(settings) == ("dark", 200)
    assert theme.current() == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60


def test_a_backup_folder_that_cannot_be_used_keeps_the_dialog_open(
    qtbot, store, settings, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog = PreferencesDialog(store, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.check_in.setValue(30)
    dialog.folder.setText(str(blocker / "backups"))
    dialog.accept()
    assert dialog.isVisible() and "cannot write backups" in dialog.problem.text()
    assert dialog.check_in.value() == 30  # what was typed is kept
    assert preferences.get(store, preferences.CHECK_IN_EVERY_DAYS) == 42  # nothing half-saved


def test_keyboard_shortcuts_come_from_the_registered_actions(qtbot, main_window) -> None:
    rows = guide.shortcut_rows(main_window)
    keys = {what: key for _where, what, key in rows}
    assert keys["Find anything…"] == "Ctrl+K"
    assert keys["Preferences…"] == "Ctrl+,"
    assert keys["Keyboard shortcuts"] == "Ctrl+/"
    assert keys["Children"] == "Ctrl+2"
    assert keys["Back up now"] == "Ctrl+Shift+B"
    main_window.show_section("children")  # the page's own shortcuts join the list
    assert ("Children", "New child…", "Ctrl+N") in guide.shortcut_rows(main_window)


def test_ctrl_slash_opens_the_shortcuts_and_f1_the_guide(qtbot, main_window) -> None:
    shown: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        shown.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(100, look)
    qtbot.keyClick(main_window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: shown == ["Keyboard shortcuts"])
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    guide_window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, guide.UserGuide))
    qtbot.waitUntil(guide_window.isVisible)
    assert "Keeping the data safe" in guide_window.text.toPlainText()
    guide_window.close()


def test_about_names_the_version_and_licence() -> None:
    from relcom_desktop import __version__
    from relcom_desktop.ui.about import about_text

    assert __version__ in about_text() and "GPL-3.0-or-later" in about_text()


def test_system_theme_follows_the_desktop_even_after_dark_was_chosen(qapp) -> None:
    desktop = theme.resolve("system")
    theme.apply(qapp, "dark", 100)
    assert theme.current() == "dark"
    theme.apply(qapp, "system", 100)
    assert theme.current() == desktop
    theme.apply(qapp, "light", 100)


def test_the_saved_theme_and_text_size_apply_at_start(qapp) -> None:
    from relcom_desktop.app import make_application

    make_application()
    QSettings().setValue(theme.THEME_KEY, "dark")
    QSettings().setValue(theme.FONT_SCALE_KEY, 150)
    size = qapp.font().pointSizeF()
    qapp.setOrganizationName("Someone else")  # as in a new process, before the app is named
    try:
        make_application()
        assert theme.current() == "dark"
        assert qapp.font().pointSizeF() == pytest.approx(size * 1.5)
    finally:
        QSettings().remove("appearance")
        theme.apply(qapp, "light", 100)
