"""How long a child's page takes to open and show each tab, and how many SQL statements run.

Usage: python benchmarks/child_page.py DATA_DIR [CHILD_ID]
Build the data first, e.g. ``relcom --data-dir /tmp/relcom-10y demo --scale 10y`` (child 1
there has 12 placements and 129 check-ins). Timings include laying out and painting the page
(offscreen). Prints one line per step; never fails on a number (see the brief's speed rules).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from sqlalchemy import event

from relcom_desktop.app import make_application
from relcom_desktop.core.store.db import open_store
from relcom_desktop.ui.main_window import MainWindow

RUNS = 5


def main(data_dir: Path, child_id: int) -> None:
    app = make_application(demo=True)
    store = open_store(data_dir)
    statements: list[str] = []
    event.listen(store.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    ini = Path(tempfile.mkdtemp()) / "settings.ini"  # never the user's own settings
    settings = QSettings(str(ini), QSettings.Format.IniFormat)
    window = MainWindow(store, demo=True, settings=settings)
    window.resize(1280, 800)
    window.show()
    window.show_section("children")
    app.processEvents()
    section = window.page("children")
    page = section.child_page

    def timed(action, widget) -> tuple[float, int]:
        statements.clear()
        started = time.perf_counter()
        action()
        app.processEvents()
        widget.grab()  # lay out and paint everything the user would see
        return (time.perf_counter() - started) * 1000, len(statements)

    opens = []
    for _ in range(RUNS):
        section.show_list()
        page.child = None
        page.tabs.setCurrentIndex(0)
        opens.append(timed(lambda: window.open_record("child", child_id), page))
    times = [ms for ms, _ in opens]
    print(
        f"open child {child_id}: median {statistics.median(times):.0f} ms "
        f"(first {times[0]:.0f} ms), {opens[-1][1]} SQL statements"
    )
    for index in range(1, page.tabs.count()):
        tab = page.tabs.widget(index)
        tab.stale = True
        ms, count = timed(lambda i=index: page.tabs.setCurrentIndex(i), tab)
        title = page.tabs.tabText(index).replace("&&", "&")
        print(f"  {title}: {ms:.0f} ms, {count} SQL statements")
    window.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1)
