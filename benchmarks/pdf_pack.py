"""How long a ~200-page provider review pack takes to lay out, against plain ReportLab.

    .venv/bin/python benchmarks/pdf_pack.py [--data-dir D] [--provider ID]

Builds the ten-year demo in D first if D holds no data. The pack (provider summary with a
year of journal excerpts, and a summary for every child placed) is composed twice from the
same records; one copy is laid out by our document (marking, header, footer, "Page X of Y",
contents page numbers, bookmarks, safe file writing), the other by a bare ReportLab
``SimpleDocTemplate``. Prints one line: pages, measured and baseline seconds, their ratio
against the 1.5× target, the whole build (reading included) run on the app's background
worker with the longest pause it caused in a Qt event loop, and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from common import BENCH_TODAY, Figure
from reportlab.platypus import SimpleDocTemplate

from relcom_desktop.core.providers import ProviderSort, list_providers
from relcom_desktop.core.store.db import DB_FILENAME, Store, open_store
from relcom_desktop.reports import PackSection, ReportKind, ReportOptions
from relcom_desktop.reports import styles as st
from relcom_desktop.reports.build import build_report, compose_story
from relcom_desktop.reports.document import ReportDocument
from relcom_desktop.reports.options import never_cancelled, no_progress
from relcom_desktop.reports.output import atomic_output
from relcom_desktop.reports.writer import Writer

TARGET = 1.5
CHILDREN_FOR_200_PAGES = 45  # a child summary runs to about four pages
LEAST_PAGES = 200
SECTIONS = (PackSection.PROVIDERS, PackSection.CHILDREN)


def choose_provider(store: Store) -> int:
    """The provider whose number of children placed gives a pack of about 200 pages."""
    rows = list_providers(
        store, sort=ProviderSort.CHILDREN_PLACED, descending=True, limit=100, today=BENCH_TODAY
    )
    enough = [r for r in rows if r.children_placed >= CHILDREN_FOR_200_PAGES] or rows[:1]
    return min(enough, key=lambda r: r.children_placed).id


def pack_options() -> ReportOptions:
    """The pack as of the day the benchmark data is built around."""
    return ReportOptions(sections=SECTIONS, today=BENCH_TODAY)


def check_pages(pages: int) -> None:
    if pages < LEAST_PAGES:
        raise SystemExit(f"pdf_pack: the pack has {pages} pages, fewer than {LEAST_PAGES}")


def story(store: Store, provider_id: int, options: ReportOptions) -> tuple[str, list]:
    writer = Writer(paper=options.paper, today=options.today, redactor=None)
    return compose_story(
        store, ReportKind.PROVIDER_PACK, provider_id, writer, options, no_progress, never_cancelled
    )


def measured(
    store: Store, provider_id: int, options: ReportOptions, out: Path
) -> tuple[float, int]:
    title, flowables = story(store, provider_id, options)
    started = time.perf_counter()
    with atomic_output(out) as file:
        document = ReportDocument(
            file, title=title, subject="benchmark", paper=options.paper, redacted=False,
            generated=options.today,
        )  # fmt: skip
        pages = document.render(flowables)
    return time.perf_counter() - started, pages


def baseline(store: Store, provider_id: int, options: ReportOptions, out: Path) -> float:
    _title, flowables = story(store, provider_id, options)
    started = time.perf_counter()
    SimpleDocTemplate(
        str(out), pagesize=st.page_size(options.paper), leftMargin=st.MARGIN_X,
        rightMargin=st.MARGIN_X, topMargin=st.MARGIN_TOP, bottomMargin=st.MARGIN_BOTTOM,
    ).build(flowables)  # fmt: skip
    return time.perf_counter() - started


def in_the_background(
    store: Store, provider_id: int, options: ReportOptions, out: Path
) -> tuple[float, float]:
    """Build the whole pack (reading included) on the app's worker while a Qt event loop
    ticks every 10 ms; returns the build time and the longest pause of the event loop."""
    from PySide6.QtCore import QCoreApplication, QTimer

    from relcom_desktop.ui.workers import Worker

    app = QCoreApplication.instance() or QCoreApplication([])
    ticks = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    worker = Worker(
        lambda progress, cancelled: build_report(
            store, ReportKind.PROVIDER_PACK, provider_id, out, options,
            progress=progress, cancelled=cancelled, audit_export=False,
        )
    )  # fmt: skip
    worker.signals.done.connect(app.quit)
    started = time.perf_counter()
    timer.start()
    worker.start()
    app.exec()
    timer.stop()
    ticks.append(time.perf_counter())
    return time.perf_counter() - started, max(b - a for a, b in pairwise(ticks))


def pdf_figures(folder: Path) -> list:
    """The review-pack figures for `make bench` (see benchmarks/run.py)."""
    store = open_store(folder)
    try:
        provider_id = choose_provider(store)
        options = pack_options()
        with tempfile.TemporaryDirectory() as tmp:
            base = baseline(store, provider_id, options, Path(tmp, "baseline.pdf"))
            ours, pages = measured(store, provider_id, options, Path(tmp, "ours.pdf"))
            _whole, pause = in_the_background(store, provider_id, options, Path(tmp, "bg.pdf"))
    finally:
        store.close()
    check_pages(pages)
    return [
        Figure(f"review pack of {pages} pages, layout", ours * 1000, base * 1000, TARGET),
        Figure("GUI thread blocked during a review pack build", pause * 1000, 0.0, 50.0,
               kind="absolute"),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir", type=Path, default=Path(f"/tmp/relcom-bench-10y-{BENCH_TODAY}")
    )
    parser.add_argument("--provider", type=int)
    args = parser.parse_args()
    if not (args.data_dir / DB_FILENAME).exists():
        from relcom_desktop.commands.demo import build

        build(args.data_dir, "10y", 1, BENCH_TODAY)
    store = open_store(args.data_dir)
    try:
        provider_id = args.provider or choose_provider(store)
        options = pack_options()
        with tempfile.TemporaryDirectory() as folder:
            base = baseline(store, provider_id, options, Path(folder, "baseline.pdf"))
            ours, pages = measured(store, provider_id, options, Path(folder, "ours.pdf"))
            whole, pause = in_the_background(store, provider_id, options, Path(folder, "bg.pdf"))
    finally:
        store.close()
    check_pages(pages)
    ratio = ours / base
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdict = "ok" if ratio <= TARGET else "SLOW"
    print(
        f"pdf_pack: {pages} pages (provider {provider_id}); measured {ours:.2f} s, "
        f"baseline {base:.2f} s, ratio {ratio:.2f}x (target {TARGET}x, {verdict}); "
        f"whole build with reading {whole:.2f} s on a worker thread, longest GUI pause "
        f"{pause * 1000:.0f} ms; peak memory {peak:.0f} MB"
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
