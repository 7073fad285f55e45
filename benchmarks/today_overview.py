"""How long Today, the System overview and the first pages of Actions and Meetings take.

Usage: ``python benchmarks/today_overview.py [DATA_DIR]`` — builds the 10y demo in DATA_DIR
(default /tmp/relcom-bench-10y) if it is empty, then prints the best of five runs of each.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from relcom_desktop.core.actions import ActionFilter, count_actions, list_actions
from relcom_desktop.core.demo import build_demo
from relcom_desktop.core.meeting_list import count_meetings, list_meetings
from relcom_desktop.core.overview import FigureKey, children_behind, system_overview
from relcom_desktop.core.relationship import providers_needing_attention
from relcom_desktop.core.store.db import open_store
from relcom_desktop.core.today import today_view

RUNS = 5


def best_ms(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/relcom-bench-10y")
    store = open_store(folder)
    if count_actions(store, ActionFilter(status=None)) == 0:
        build_demo(store, "10y")
    overview = system_overview(store)
    drill = overview.figure(FigureKey.STABILITY).headline_drill
    assert drill is not None
    rows = [
        ("Today (everything)", lambda: today_view(store)),
        ("  of which provider flags", lambda: providers_needing_attention(store)),
        ("System overview (7 figures)", lambda: system_overview(store)),
        ("Drill-down: 3+ placements", lambda: children_behind(store, drill)),
        ("Actions: first page + count", lambda: (list_actions(store), count_actions(store))),
        ("Meetings: first page + count", lambda: (list_meetings(store), count_meetings(store))),
    ]
    for label, work in rows:
        print(f"{label:32s} {best_ms(work):7.1f} ms")
    store.close()


if __name__ == "__main__":
    main()
