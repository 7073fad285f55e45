"""Start-up: `relcom --startup-probe` vs a minimal PySide6 window, measured from process spawn.

The app reads Today's lists on a plain SQLite connection (a thread, while Qt starts) and
paints them in the window's first paint; it opens the data file with the database layer just
after. The probe prints `startup_ms` at the first paint, `ready_ms` once the page on show has
painted with its data (Today's lists) and `open_ms` once the data file is open and every
menu and page works. All are timed here from the moment the process is started.
"""

from __future__ import annotations

import compileall
import os
import statistics
import sys
from pathlib import Path

from common import ROOT, Figure, run_until_lines

RUNS = 5


def startup_figures(folder: Path) -> list[Figure]:
    # As installed for a user: modules byte-compiled (pip does this), so neither process
    # spends its start-up compiling source (this machine sets PYTHONDONTWRITEBYTECODE).
    compileall.compile_dir(ROOT / "relcom_desktop", quiet=1)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    app_cmd = [sys.executable, "-m", "relcom_desktop", "--data-dir", str(folder), "--startup-probe"]
    base_cmd = [sys.executable, str(ROOT / "benchmarks" / "minimal_window.py")]
    markers = ("startup_ms=", "ready_ms=", "open_ms=")
    run_until_lines(app_cmd, markers, env)  # warm the file cache once
    app, base = [], []
    for _ in range(RUNS):  # alternate, so machine noise falls on both alike
        app.append(run_until_lines(app_cmd, markers, env))
        base.append(run_until_lines(base_cmd, ("painted",), env))
    baseline = statistics.median(times[0] for times, _ in base)
    return [
        Figure(
            "start-up to first paint of the main window",
            statistics.median(times[0] for times, _ in app), baseline, 1.3,
        ),
        Figure(
            "start-up to Today painted with its data",
            statistics.median(times[1] for times, _ in app), baseline, 2.0,
        ),
        Figure(
            "start-up to the data file open (every menu and page working)",
            statistics.median(times[2] for times, _ in app), baseline, 0, kind="info",
        ),
        Figure(
            "start-up peak memory (RSS)",
            max(rss for _, rss in app), max(rss for _, rss in base), 100, unit="MB",
            kind="extra",
        ),
    ]  # fmt: skip
