"""Fixtures for UI tests: an offscreen Qt, private settings, and a small temporary caseload."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from relcom_desktop.core import clock
from relcom_desktop.core.children import Child, create_child, set_archived
from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.interop.ssda903 import LegalStatus, PlacementProvider, PlacementType
from relcom_desktop.core.placements import Placement, start_placement
from relcom_desktop.core.providers import Provider, Setting, create_provider, create_setting
from relcom_desktop.core.store.db import Store, open_store
from relcom_desktop.ui.background import wait_for_background


@pytest.fixture(autouse=True)
def fresh_bus(qapp) -> None:
    """Each test starts with a bus nobody from an earlier test is still listening to."""
    from relcom_desktop.ui.bus import reset_bus

    reset_bus()


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Any QSettings() made during a test lands in a temporary folder, never the user's."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)


@pytest.fixture
def shown_errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Messages the app shows with QMessageBox.critical (recorded, never blocking)."""
    from PySide6.QtWidgets import QMessageBox

    messages: list[str] = []

    def record(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(record))
    return messages


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "data")
    yield opened
    wait_for_background()  # pages load off the GUI thread: let them finish first
    opened.close()


@dataclass(frozen=True)
class Caseload:
    store: Store
    children: dict[str, int]
    providers: dict[str, int]


def _years_ago(years: int) -> dt.date:
    """A date of birth giving exactly this age today (the birthday fell last month)."""
    today = clock.today()
    return dt.date(today.year - years, today.month, 1) - dt.timedelta(days=1)


@pytest.fixture
def caseload(store: Store) -> Caseload:
    """Three providers, four settings and five children (one archived), with placements."""
    today = clock.today()
    harbour = create_provider(store, Provider(name="Harbour Homes", kind=PlacementProvider.PR4))
    willow = create_provider(store, Provider(name="Willow Fostering", kind=PlacementProvider.PR5))
    quiet = create_provider(store, Provider(name="Quiet Lane Care", kind=PlacementProvider.PR4))
    oak = create_setting(
        store,
        Setting(
            provider_id=harbour.id,
            name="Oak House",
            urn="SC111111",
            ofsted_judgement=OfstedJudgement.GOOD,
            local_authority="Kent",
        ),
    )
    carers = create_setting(
        store,
        Setting(
            provider_id=willow.id,
            name="Willow carers",
            setting_type=SettingType.FOSTERING_AGENCY,
            ofsted_judgement=OfstedJudgement.OUTSTANDING,
            local_authority="Essex",
        ),
    )
    create_setting(store, Setting(provider_id=quiet.id, name="Quiet Lane", local_authority="Kent"))
    people = [
        ("Amy", "Amy Example", 14, LegalStatus.C2, "LA-1001"),
        ("Ben", "Benjamin Example", 9, LegalStatus.C1, "LA-1002"),
        ("Cara", "Cara Example", 16, LegalStatus.V2, "LA-2003"),
        ("Dev", "Dev Example", 11, LegalStatus.C2, "LA-2004"),
        ("Eli", "Eli Example", 17, LegalStatus.E1, "LA-3005"),
    ]
    ids = {}
    for name, full, age, status, ref in people:
        child = create_child(
            store,
            Child(
                preferred_name=name,
                full_name=full,
                date_of_birth=_years_ago(age),
                legal_status=status,
                la_reference=ref,
            ),
        )
        ids[name] = child.id
    start = today - dt.timedelta(days=100)
    for name, setting, kind, fee in [
        ("Amy", oak, PlacementType.K2, 425_000),
        ("Ben", carers, PlacementType.U4, 95_050),
        ("Cara", oak, PlacementType.K2, 410_000),
    ]:
        start_placement(
            store,
            Placement(
                child_id=ids[name],
                setting_id=setting.id,
                placement_type=kind,
                start_date=start,
                weekly_fee_pence=fee,
            ),
        )
    set_archived(store, ids["Eli"], True)
    providers = {
        "Harbour Homes": harbour.id,
        "Willow Fostering": willow.id,
        "Quiet Lane Care": quiet.id,
    }
    return Caseload(store, ids, providers)


@pytest.fixture
def main_window(qtbot, caseload: Caseload, settings: QSettings):
    """The main window on the small caseload, shown and active (so shortcuts work)."""
    from relcom_desktop.ui.main_window import MainWindow

    win = MainWindow(caseload.store, settings=settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win
