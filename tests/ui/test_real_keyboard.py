"""The unlock dialog and the lock screen, typed into with a real (virtual) keyboard.

The app runs in a real window on a private Xvfb screen and xdotool types as a person would,
so the keys travel the whole way: X server → Qt's platform window → application event
filters → the focused field. Skipped where Xvfb or xdotool is missing (`make test` installs
them on Debian when run as root).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from relcom_desktop.core.store.db import open_store
from tests.core.factories import a_child

SECRET = "lantern otter quiver maple"
TOOLS = ("Xvfb", "xdotool")
MAIN = "^RelCom Desktop$"  # the main window's title (a regular expression for xdotool)
pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in TOOLS), reason="needs Xvfb and xdotool"
)


@pytest.fixture
def display() -> Iterator[str]:
    """A private X screen for this test."""
    for number in range(120, 160):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    name = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _until(lambda: Path(f"/tmp/.X11-unix/X{number}").exists(), "the X server to start")
        yield name
    finally:
        server.terminate()
        server.wait(10)


def _until(test, what: str, seconds: float = 30.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if test():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
    )
    return done.stdout.strip()


def _windows(display: str, title: str) -> list[str]:
    return _xdotool(display, "search", "--onlyvisible", "--name", title).split()


def _type_into(display: str, title: str, text: str) -> None:
    """Focus the window whose title has ``title`` and type ``text`` then Return."""
    [window, *_] = _windows(display, title)
    _xdotool(display, "windowfocus", "--sync", window)  # no window manager: focus it ourselves
    _xdotool(display, "type", "--delay", "15", text)
    _xdotool(display, "key", "Return")


@pytest.fixture
def encrypted_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "secret"
    store = open_store(folder, SECRET)
    a_child(store, "Robin")
    store.close()
    return folder


def test_a_keyboard_unlocks_at_start_up_and_after_ctrl_l(
    display: str, encrypted_folder: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("RELCOM_PASSPHRASE", None)
    app = subprocess.Popen(
        [sys.executable, "-m", "relcom_desktop", "--data-dir", str(encrypted_folder)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _until(lambda: _windows(display, "Unlock"), "the unlock dialog")
        _type_into(display, "Unlock", SECRET)
        _until(lambda: _windows(display, MAIN), "the main window")
        assert not _windows(display, "Unlock")
        [main, *_] = _windows(display, MAIN)
        _xdotool(display, "windowfocus", "--sync", main)
        _xdotool(display, "key", "ctrl+l")
        _until(lambda: _windows(display, "Locked"), "the lock screen")
        _type_into(display, "Locked", "not the passphrase")
        time.sleep(0.5)
        assert _windows(display, "Locked"), "a wrong passphrase must not unlock"
        _xdotool(display, "key", "ctrl+a")
        _type_into(display, "Locked", SECRET)
        _until(lambda: not _windows(display, "Locked"), "the lock screen to lift")
        _screenshot(display, tmp_path / "unlocked.png")
        assert app.poll() is None, "the app is still running"
    finally:
        app.terminate()
        app.wait(20)


def _screenshot(display: str, out: Path) -> None:
    """Keep a picture of the unlocked window (RELCOM_SHOTS names a folder to copy it to)."""
    if not shutil.which("import"):
        return
    subprocess.run(
        ["import", "-window", "root", str(out)],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        timeout=30,
    )
    if folder := os.environ.get("RELCOM_SHOTS"):
        shutil.copy(out, Path(folder) / out.name)
