"""How long a 10,000-episode SSDA903 return takes to read, preview and import.

    .venv/bin/python benchmarks/ssda903_import.py [--episodes 10000]

Writes a synthetic return (deterministic: about four episodes a child, with legal status
changes, moves, endings, a pool of URNs some of which the register lacks, and placements
with no URN) into a temporary folder, then into an empty data file: reads it, previews it,
commits it, and previews it again (everything unchanged). The baseline is reading the two
CSV files with the csv module alone. Prints one line per step and the total.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Figure

from relcom_desktop.core.db import open_store
from relcom_desktop.core.ssda903_files import EPISODE_COLUMNS, HEADER_COLUMNS, read_return
from relcom_desktop.core.ssda903_import import commit_return, preview_return

TARGET_SECONDS = 15.0  # preview and import together, 10,000 episodes
LEGAL = ("V2", "C1", "C2", "E1")
PLACES = (("K2", "PR4"), ("U6", "PR4"), ("U4", "PR1"), ("H5", "PR5"), ("P1", "PR0"))
ENDINGS = ("E4A", "E13", "E17", "E5", "E45", "E8")


def synthetic_return(folder: Path, episodes: int, seed: int = 903) -> tuple[Path, Path]:
    rng = random.Random(seed)
    urns = [f"SC{100000 + i}" for i in range(300)]
    header, rows = [], []
    child = 0
    while len(rows) < episodes:
        child += 1
        ref = f"B{child:06d}"
        born = dt.date(2004, 1, 1) + dt.timedelta(days=rng.randint(0, 4000))
        header.append([ref, rng.choice("12"), born.strftime("%d/%m/%Y"), "WBRI", "", "", ""])
        rows += _episodes(rng, ref, born, urns, min(6, episodes - len(rows)))
    header_path, episodes_path = folder / "header.csv", folder / "episodes.csv"
    for path, columns, data in ((header_path, HEADER_COLUMNS, header),
                                (episodes_path, EPISODE_COLUMNS, rows)):  # fmt: skip
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows(data)
    return header_path, episodes_path


def _episodes(
    rng: random.Random, ref: str, born: dt.date, urns: list[str], most: int
) -> list[list[str]]:
    start = born + dt.timedelta(days=rng.randint(400, 3000))
    status, (place, provider) = rng.choice(LEGAL), rng.choice(PLACES)
    urn = "XXXXXXX" if place == "P1" else rng.choice(urns)
    out, reason = [], "S"
    for number in range(rng.randint(1, most)):
        end = start + dt.timedelta(days=rng.randint(20, 300))
        last = number == most - 1 or rng.random() < 0.2 or end >= dt.date.today()
        ends_care = last and rng.random() < 0.4 and end < dt.date.today()
        dec = end.strftime("%d/%m/%Y") if (not last or ends_care) else ""
        rec = rng.choice(ENDINGS) if ends_care else ("X1" if dec else "")
        change = "CARPL" if dec and rec == "X1" else ""
        out.append([ref, start.strftime("%d/%m/%Y"), reason, status, "N1", place, provider,
                    dec, rec, change, "", "", urn])  # fmt: skip
        if last:
            break
        start = end
        if rng.random() < 0.4:
            status, reason = rng.choice(LEGAL), "L"
            out[-1][9] = ""
        else:
            (place, provider), reason = rng.choice(PLACES), "P"
            urn = "XXXXXXX" if place == "P1" else rng.choice(urns)
    return out


def timed(step: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = step()  # type: ignore[operator]
    return time.perf_counter() - started, result


def import_figures(episodes: int = 10_000) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        files = synthetic_return(Path(folder), episodes)
        baseline, _rows = timed(lambda: [list(csv.reader(f.open())) for f in files])
        read_s, ret = timed(lambda: read_return(*files))
        store = open_store(Path(folder) / "data")
        try:
            preview_s, preview = timed(lambda: preview_return(store, ret))
            commit_s, _done = timed(lambda: commit_return(store, ret, preview))
            again_s, again = timed(lambda: preview_return(store, ret))
        finally:
            store.close()
    assert preview.rejected == 0 and again.changes == 0, "the synthetic return should be clean"
    total = read_s + preview_s + commit_s
    print(
        f"{len(ret.episodes):,} episodes, {len(ret.header):,} children: read {read_s:.2f} s, "
        f"preview {preview_s:.2f} s, import {commit_s:.2f} s, preview again "
        f"{again_s:.2f} s (csv module alone: {baseline:.2f} s)",
        flush=True,
    )
    return [
        Figure("SSDA903 import, 10,000 episodes (read + preview + import)", total, baseline,
               TARGET_SECONDS, unit="s", scale="synthetic", kind="absolute"),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=10_000)
    for figure in import_figures(parser.parse_args().episodes):
        print(figure.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
