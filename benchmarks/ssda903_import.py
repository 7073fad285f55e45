"""How long a 10,000-episode SSDA903 return takes to read, preview and import.

    .venv/bin/python benchmarks/ssda903_import.py [--episodes 10000]

Writes a synthetic return (deterministic: about four episodes a child, with legal status
changes, moves, endings, a pool of URNs some of which the register lacks, and placements
with no URN) into a temporary folder, then into an empty data file: reads it, previews it,
commits it, and previews it again (everything unchanged).

The figure with a target is the import as ``relcom import --ssda903`` makes it (read the two
files, then import them in one transaction) into an empty data file, as a ratio to a raw
baseline measured in the same run: reading the same files with the csv module and
``executemany`` of the same children, settings, placements and legal-status rows into
another empty data file, with no checks (target ≤ 3×). The preview, the import after a
preview (the app's dialog) and the preview of an unchanged return are printed for
information.
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

from relcom_desktop.core.interop.ssda903_files import read_return
from relcom_desktop.core.interop.ssda903_import import commit_return, import_return, preview_return
from relcom_desktop.core.interop.ssda903_rows import EPISODE_COLUMNS, HEADER_COLUMNS
from relcom_desktop.core.store.db import open_store

TARGET_RATIO = 3.0  # read + import, against csv reading + executemany of the same rows
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


def raw_baseline(files: tuple[Path, Path], folder: Path) -> float:
    """Seconds to read the two files with the csv module and executemany the same children,
    settings, placements and legal-status rows into an empty data file (no checks)."""
    store = open_store(folder)
    try:
        started = time.perf_counter()
        with files[0].open(newline="", encoding="utf-8") as fh:
            header = list(csv.reader(fh))[1:]
        with files[1].open(newline="", encoding="utf-8") as fh:
            episodes = list(csv.reader(fh))[1:]
        with store.raw() as conn:
            _raw_rows(conn, header, episodes)
        return time.perf_counter() - started
    finally:
        store.close()


def _iso(text: str) -> str | None:
    return f"{text[6:10]}-{text[3:5]}-{text[0:2]}" if text else None


def _raw_rows(conn: object, header: list[list[str]], episodes: list[list[str]]) -> None:
    now = dt.datetime.now().isoformat(" ")
    db = conn.cursor()  # type: ignore[attr-defined]
    db.execute("BEGIN")
    db.execute(
        "INSERT INTO provider (name, kind, phone, email, website, address, notes, created_at, "
        "updated_at) VALUES ('Unknown', 'PR4', '', '', '', '', '', ?, ?)",
        (now, now),
    )
    provider = db.lastrowid
    db.executemany(
        "INSERT INTO child (preferred_name, full_name, date_of_birth, sex, ethnicity, upn, "
        "la_reference, social_worker, iro, about_me, wishes_and_feelings, what_matters, "
        "strengths, needs, notes, created_at, updated_at) VALUES "
        "(?, '', ?, ?, ?, ?, ?, '', '', '', '', '', '', '', '', ?, ?)",
        [(f"Child {r[0]}", _iso(r[2]), r[1], r[3], r[4], r[0], now, now) for r in header],
    )
    children = dict(db.execute("SELECT la_reference, id FROM child"))
    urns = sorted({r[12] for r in episodes})
    db.executemany(
        "INSERT INTO setting (provider_id, name, urn, setting_type, address, postcode, "
        "local_authority, region, notes, created_at, updated_at) VALUES "
        "(?, ?, ?, 'other', '', '', '', '', '', ?, ?)",
        [(provider, f"Setting {u}", u, now, now) for u in urns],
    )
    settings = dict(db.execute("SELECT urn, id FROM setting"))
    db.executemany(
        "INSERT INTO placement (child_id, setting_id, placement_type, provider_kind, "
        "start_date, end_date, weekly_fee_pence, end_reason, change_reason, ending_notes, "
        "notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, '', '', ?, ?)",
        [(children[r[0]], settings[r[12]], r[5], r[6], _iso(r[1]), _iso(r[7]), r[8] or None,
          r[9] or None, now, now) for r in episodes],
    )  # fmt: skip
    db.executemany(
        "INSERT INTO legal_status_period (child_id, legal_status, start_date, end_date) "
        "VALUES (?, ?, ?, ?)",
        [(children[r[0]], r[3], _iso(r[1]), _iso(r[7])) for r in episodes],
    )
    db.execute("COMMIT")


def timed(step: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = step()  # type: ignore[operator]
    return time.perf_counter() - started, result


def import_figures(episodes: int = 10_000) -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        files = synthetic_return(Path(folder), episodes)
        baseline = raw_baseline(files, Path(folder) / "raw")
        cli = open_store(Path(folder) / "cli")
        try:
            import_s, done = timed(lambda: import_return(cli, *files))
        finally:
            cli.close()
        read_s, ret = timed(lambda: read_return(*files))
        store = open_store(Path(folder) / "data")
        try:
            preview_s, preview = timed(lambda: preview_return(store, ret))
            commit_s, _done = timed(lambda: commit_return(store, ret, preview))
            again_s, again = timed(lambda: preview_return(store, ret))
        finally:
            store.close()
    assert done.rejected == 0 and again.changes == 0, "the synthetic return should be clean"
    print(
        f"{len(ret.episodes):,} episodes, {len(ret.header):,} children: read and import "
        f"{import_s:.2f} s (raw baseline {baseline:.2f} s = {import_s / baseline:.1f}×); "
        f"read {read_s:.2f} s, preview {preview_s:.2f} s, import after the preview "
        f"{commit_s:.2f} s, preview again {again_s:.2f} s",
        flush=True,
    )
    return [
        Figure("SSDA903 import, 10,000 episodes (read + import)", import_s, baseline,
               TARGET_RATIO, unit="s", scale="synthetic"),
        Figure("SSDA903 preview + import after it, 10,000 episodes", read_s + preview_s
               + commit_s, baseline, TARGET_RATIO, unit="s", scale="synthetic", kind="info"),
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=10_000)
    for figure in import_figures(parser.parse_args().episodes):
        print(figure.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
