"""The first-run welcome: start empty, or explore the demo caseload (never in your own data)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWizard

from relcom_desktop.app import run_gui
from relcom_desktop.core.store.db import DB_FILENAME
from relcom_desktop.ui.first_run import FirstRunWizard
from tests.ui.test_open_flow import when_shown


def test_welcome_offers_the_demo_and_finishes_there(qtbot) -> None:
    wizard = FirstRunWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.welcome.start_empty.isChecked() and not wizard.explore_demo()
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isVisible()
    wizard.welcome.explore.click()
    assert wizard.explore_demo()
    assert finish.isVisible() and finish.text() == "&Open the demo"
    wizard.welcome.start_empty.click()
    assert not finish.isVisible()
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()


def test_exploring_the_demo_opens_a_demo_caseload_beside_your_data(
    qapp, tmp_path: Path, settings, capsys
) -> None:
    def explore(wizard) -> None:
        wizard.welcome.explore.click()
        wizard.accept()

    when_shown(FirstRunWizard, explore)
    assert run_gui(tmp_path / "mine", startup_probe=True, settings=settings) == 0
    assert (tmp_path / "mine" / "demo" / DB_FILENAME).exists()
    assert not (tmp_path / "mine" / DB_FILENAME).exists()  # your own records start later
    assert "DEMO" in QApplication.applicationDisplayName()
