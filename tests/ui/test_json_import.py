"""File → Import → Whole export (JSON)…: into an empty data file, all or nothing, driven
through the menu."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from relcom_desktop.core import child_list, demo
from relcom_desktop.core.interop import transfer
from relcom_desktop.core.store.db import Store, open_store
from relcom_desktop.ui.main_window import MainWindow
from tests.ui.keyboard import open_window

MENU_TEXT = "&Whole export (JSON)…"


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    source = open_store(tmp_path / "source")
    demo.build_demo(source, "tiny", seed=3, today=dt.date(2026, 11, 25))
    path = tmp_path / "everything.json"
    transfer.export_json(source, path)
    source.close()
    return path


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    messages: list[str] = []

    def record(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        messages.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    return messages


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    asked: list[str] = []

    def choose(*_args, **_kw):  # type: ignore[no-untyped-def]
        asked.append("asked")
        return (str(path) if path else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    return asked


def _menu_item(window: MainWindow):  # type: ignore[no-untyped-def]
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    [imports] = [a.menu() for a in file_menu.actions() if a.text() == "&Import"]
    return next(a for a in imports.actions() if a.text() == MENU_TEXT)


def _children_listed(window: MainWindow) -> int:
    return window.current_page().list.model.rowCount()  # type: ignore[attr-defined]


def test_an_empty_data_file_takes_a_whole_export_and_shows_it(
    qtbot, store: Store, settings, export_file: Path, monkeypatch, said
) -> None:
    window = open_window(qtbot, store, settings)
    window.show_section("children")
    qtbot.waitUntil(lambda: window.current_page().list.model is not None)
    assert _children_listed(window) == 0
    _choose(monkeypatch, export_file)

    _menu_item(window).trigger()

    expected = child_list.count_children(store)
    assert expected > 0
    assert said and said[-1].startswith("Imported ") and export_file.name in said[-1]
    qtbot.waitUntil(lambda: _children_listed(window) == expected, timeout=10_000)
    again = Path(str(export_file) + ".again.json")
    transfer.export_json(store, again)
    assert again.read_bytes() == export_file.read_bytes()


def test_a_data_file_with_records_is_not_offered_the_import(
    qtbot, caseload, settings, export_file: Path, monkeypatch, said
) -> None:
    window = open_window(qtbot, caseload.store, settings)
    before = child_list.count_children(caseload.store)
    asked = _choose(monkeypatch, export_file)

    _menu_item(window).trigger()

    assert not asked, "no file is asked for when it could not go in"
    assert said and "already holds records" in said[-1]
    assert child_list.count_children(caseload.store) == before


def test_a_bad_file_is_refused_and_nothing_is_imported(
    qtbot, store: Store, settings, tmp_path: Path, monkeypatch, said
) -> None:
    window = open_window(qtbot, store, settings)
    bad = tmp_path / "notes.json"
    bad.write_text(
        '{"format": "relcom-desktop-export", "format_version": 1, "tables": '
        '{"child": [{"id": 1, "preferred_name": null}]}}',
        encoding="utf-8",
    )
    _choose(monkeypatch, bad)

    _menu_item(window).trigger()

    assert said and "Nothing was imported" in said[-1]
    assert not transfer.holds_records(store)
