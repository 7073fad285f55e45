"""Shared helpers for the benchmark scripts: timing, child processes, demo data, results."""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / ".data"
RESULTS = ROOT / "benchmarks" / "last.json"
# The demo data is built around a fixed day, so every figure measures the same records (a
# review pack of ~280 pages, the same caseload on Today) whatever the date of the run.
BENCH_TODAY = dt.date(2026, 11, 25)


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    baseline: float
    target_ratio: float
    unit: str = "ms"
    scale: str = "10y"
    # "ratio": value/baseline <= target; "extra": value-baseline <= target;
    # "absolute": value <= target (the baseline is shown for context); "info": no target
    kind: str = "ratio"

    @property
    def ratio(self) -> float:
        if self.kind == "extra":
            return self.value - self.baseline
        if self.kind == "absolute":
            return self.value
        return self.value / self.baseline if self.baseline else float("inf")

    @property
    def met(self) -> bool:
        return self.kind == "info" or self.ratio <= self.target_ratio

    def line(self) -> str:
        verdict = "met" if self.met else "NOT MET"
        if self.kind == "info":
            return (
                f"{self.name}: {self.value:.1f} {self.unit} vs baseline {self.baseline:.1f} "
                f"{self.unit} = {self.value / self.baseline:.2f}× (for information; no target)"
            )
        if self.kind == "absolute":
            return (
                f"{self.name}: {self.value:.1f} {self.unit} (idle {self.baseline:.1f} "
                f"{self.unit}; target ≤ {self.target_ratio:g} {self.unit}) — {verdict}"
            )
        if self.kind == "extra":
            return (
                f"{self.name}: {self.value:.1f} {self.unit} vs baseline {self.baseline:.1f} "
                f"{self.unit} (+{self.ratio:.1f} {self.unit}, target ≤ +{self.target_ratio:g}) "
                f"— {verdict}"
            )
        return (
            f"{self.name}: {self.value:.1f} {self.unit} vs baseline {self.baseline:.1f} "
            f"{self.unit} = {self.ratio:.2f}× (target ≤ {self.target_ratio:g}×) — {verdict}"
        )


def best_of(fn: Callable[[], object], repeat: int = 7, sample_ms: float = 50.0) -> float:
    """Median time of one call of ``fn`` in milliseconds.

    Fast calls are timed in batches long enough (``sample_ms``) for the clock to be fair.
    """
    start = time.perf_counter()
    fn()  # warm-up, and a first estimate of the call's cost
    first = (time.perf_counter() - start) * 1000
    batch = max(1, int(sample_ms / max(first, 0.001)))
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        times.append((time.perf_counter() - start) * 1000 / batch)
    return statistics.median(times)


def run_until_lines(
    args: list[str], markers: tuple[str, ...], env: dict[str, str]
) -> tuple[list[float], float]:
    """Start a process and note when each marker appears on stdout (ms since the start),
    then its peak RSS in MB once it exits."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    seen = dict.fromkeys(markers, float("nan"))
    for line in proc.stdout:
        for marker in markers:
            if marker in line:
                seen[marker] = (time.perf_counter() - start) * 1000
    _pid, _status, usage = os.wait4(proc.pid, 0)
    return list(seen.values()), usage.ru_maxrss / 1024


def ensure_demo(scale: str = "10y") -> Path:
    """A demo data folder at ``scale``, built once and reused by later runs."""
    folder = DATA / f"{scale}-{BENCH_TODAY}"
    if not (folder / "relcom.sqlite3").exists():
        print(f"Building the {scale} demo data in {folder} (once)…", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, "-m", "relcom_desktop", "--data-dir", str(folder), "demo",
             "--scale", scale, "--today", BENCH_TODAY.isoformat()],
            check=True, cwd=ROOT,
        )  # fmt: skip
    return folder


def save(figures: list[Figure]) -> None:
    rows = [{**asdict(f), "ratio": round(f.ratio, 3), "met": f.met} for f in figures]
    RESULTS.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


def in_fresh_process(module: str, function: str) -> list[Figure]:
    """``module.function()``'s figures, measured in a process of its own: as the command it
    stands for runs (``relcom import`` starts afresh), not after the other benchmarks have
    filled this process's memory (whose garbage collection then slows an import by ~40 %).
    Its printed lines are passed through."""
    code = (
        "import json, sys; from dataclasses import asdict; "
        f"sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
        f"from {module} import {function}; "
        f"print('FIGURES ' + json.dumps([asdict(f) for f in {function}()]), flush=True)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True
    )
    figures: list[Figure] = []
    for line in done.stdout.splitlines():
        if line.startswith("FIGURES "):
            figures = [Figure(**row) for row in json.loads(line.removeprefix("FIGURES "))]
        else:
            print(line, flush=True)
    return figures
