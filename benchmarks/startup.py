"""Start-up: `relcom --startup-probe` vs a minimal PySide6 window, measured from process spawn."""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from common import ROOT, Figure, run_until_line

RUNS = 5


def startup_figures(folder: Path) -> list[Figure]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app_cmd = [sys.executable, "-m", "relcom_desktop", "--data-dir", str(folder), "--startup-probe"]
    base_cmd = [sys.executable, str(ROOT / "benchmarks" / "minimal_window.py")]
    run_until_line(app_cmd, "startup_ms=", env)  # warm the file cache once
    app, base = [], []
    for _ in range(RUNS):  # alternate, so machine noise falls on both alike
        app.append(run_until_line(app_cmd, "startup_ms=", env))
        base.append(run_until_line(base_cmd, "painted", env))
    return [
        Figure(
            "start-up to first paint of Today",
            statistics.median(t for t, _ in app),
            statistics.median(t for t, _ in base),
            1.3,
        ),
        Figure(
            "start-up peak memory (RSS)",
            max(r for _, r in app),
            max(r for _, r in base),
            100,
            unit="MB",
            kind="extra",
        ),
    ]
