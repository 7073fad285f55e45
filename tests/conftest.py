"""Shared fixtures: every test gets its own temporary data file; nothing touches real data."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from relcom_desktop.core import clock
from relcom_desktop.core.store.db import Store, open_store

# The whole session runs on the day it started: a run that crosses midnight must not see
# "today" change between building a test's data (or a module's TODAY) and checking it.
# Only the app's own calendar is fixed; a child process (the CLI, the start-up reader) reads
# the real one.
SESSION_DAY = clock.today()
clock.today = lambda: SESSION_DAY


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Point per-user folders (data, config) at a temporary home for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "data")
    yield s
    s.close()
