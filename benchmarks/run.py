"""`make bench`: measure each speed and memory target against a raw baseline in the same run.

Prints one line per figure (measured value, baseline, ratio, target, met or not) and writes
benchmarks/last.json. Uses the `10y` demo data (built once into benchmarks/.data/).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure, ensure_demo, in_fresh_process, save
from gui_blocking import gui_figures
from pdf_pack import pdf_figures
from queries import list_figures
from startup import startup_figures


def main() -> int:
    folder = ensure_demo("10y")
    figures: list[Figure] = []
    for measure in (
        startup_figures,
        list_figures,
        gui_figures,
        pdf_figures,
        lambda _f: in_fresh_process("ssda903_import", "import_figures"),
    ):
        for figure in measure(folder):
            print(figure.line(), flush=True)
            figures.append(figure)
    save(figures)
    met = sum(f.met for f in figures)
    print(f"{met} of {len(figures)} targets met; details in benchmarks/last.json")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
