"""Reading the two CSV files of an SSDA903 return: Header (one row per child) and Episodes.

Real extracts vary, so headings are matched in any case, with stray spaces or underscores
("Reason place change" is REASON_PLACE_CHANGE); extra columns are ignored; the files may be
UTF-8 with or without a byte-order mark, or Windows cp1252; blank trailing rows are skipped;
dates may be 31/03/2024 or 2024-03-31 (with a time of 00:00 after them, as some case systems
write). The two files may be given in either order: each is recognised by its columns.

Every row is either read cleanly or rejected with the reason: a bad cell (a bad date, a code
not in the 903 code lists; see :mod:`relcom_desktop.core.interop.ssda903_rows`), a child on two
Header rows, or an episode that overlaps another of the same child. Nothing here touches the
data file: :mod:`relcom_desktop.core.interop.ssda903_import` does that.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any

from relcom_desktop.core import clock, errors
from relcom_desktop.core.interop.import_run import day
from relcom_desktop.core.interop.sheet_files import read_sheet
from relcom_desktop.core.interop.spreadsheet import Sheet, normalise_header, unguard_formula
from relcom_desktop.core.interop.ssda903 import collection_year, year_name
from relcom_desktop.core.interop.ssda903_rows import (
    EPISODE_COLUMNS,
    EPISODES,
    HEADER,
    HEADER_COLUMNS,
    NOT_KEPT,
    Episode,
    HeaderRow,
    Problem,
    episode_row,
    header_row,
    in_order,
    read_date,
)

_ALL_COLUMNS = tuple(dict.fromkeys((*HEADER_COLUMNS, *EPISODE_COLUMNS)))


@dataclass(frozen=True)
class Ssda903Return:
    """What a return holds: readable rows and rejected ones, with their row numbers."""

    header_name: str
    episodes_name: str
    header: tuple[HeaderRow, ...]
    episodes: tuple[Episode, ...]
    problems: tuple[Problem, ...]
    notes: tuple[str, ...]
    year: int = 0  # the collection year whose code lists the rows were checked against


def read_return(
    first: Path, second: Path, today: dt.date | None = None, year: int | None = None
) -> Ssda903Return:
    """Read the Header and Episodes files of a return (in either order). ``year`` is the
    collection year (2025 for 2024-25) to check codes against; by default the year of the
    latest DECOM or DEC in the file."""
    return return_from_sheets(read_sheet(first), read_sheet(second), today, year)


def return_from_sheets(
    first: Sheet, second: Sheet, today: dt.date | None = None, year: int | None = None
) -> Ssda903Return:
    header, episodes = _which_is_which(first, second)
    today = today or clock.today()
    year = year or _year_of(episodes, today)
    problems: list[Problem] = []
    header_rows = _read_rows(header, HEADER, header_row, problems, today)

    def episode(cell: Callable[[str], str], number: int, today: dt.date) -> Episode:
        return episode_row(cell, number, today, year)

    episode_rows = _read_rows(episodes, EPISODES, episode, problems, today)
    header_rows = _without_repeats(header_rows, problems)
    unique = list({e.fields(): e for e in reversed(episode_rows)}.values())
    notes = _notes(header, episodes)
    notes.insert(1, f"Codes were checked against the {year_name(year)} 903 code lists.")
    if len(unique) < len(episode_rows):
        repeats = len(episode_rows) - len(unique)
        rows = "1 Episodes row repeats" if repeats == 1 else f"{repeats:,} Episodes rows repeat"
        notes.append(f"{rows} an earlier row exactly; each is read once.")
    episode_rows = _without_overlaps(unique, problems)
    open_x1 = sum(e.open_x1 for e in episode_rows)
    if open_x1:
        notes.append(
            f"{open_x1:,} Episodes rows have REC X1 but no DEC; each is read as still open "
            "(X1 means the episode ended and another began the same day)."
        )
    problems.sort(key=lambda p: (p.source, p.row))
    return Ssda903Return(
        header.name,
        episodes.name,
        tuple(header_rows),
        tuple(episode_rows),
        tuple(problems),
        tuple(notes),
        year,
    )


def _year_of(episodes: Sheet, today: dt.date) -> int:
    """The collection year of a return: the year its latest DECOM or DEC falls in."""
    columns = _columns(episodes)
    latest: dt.date | None = None
    for name in ("DECOM", "DEC"):
        index = columns.get(name)
        if index is None:
            continue
        for _number, cells in episodes.rows:
            try:
                found = read_date(cells[index].strip(), name, today) if index < len(cells) else None
            except ValueError:
                continue
            if found is not None and (latest is None or found > latest):
                latest = found
    return collection_year(latest or today)


def _columns(sheet: Sheet) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, heading in enumerate(sheet.headers):
        found.setdefault(normalise_header(heading), index)
    return found


def _which_is_which(first: Sheet, second: Sheet) -> tuple[Sheet, Sheet]:
    def is_episodes(sheet: Sheet) -> bool:
        return "DECOM" in _columns(sheet)

    if is_episodes(first) and not is_episodes(second):
        first, second = second, first
    for sheet, source, needed in (
        (first, HEADER, ("CHILD", "DOB")),
        (second, EPISODES, ("CHILD", "DECOM", "LS", "PLACE")),
    ):
        missing = [c for c in needed if normalise_header(c) not in _columns(sheet)]
        if missing:
            raise errors.TransferError(
                f"{sheet.name} does not look like the {source} file of a 903 return: it has "
                f"no {' or '.join(missing)} column. Choose the Header and Episodes files."
            )
    return first, second


Reader = Callable[[Callable[[str], str], int, dt.date], Any]


def _read_rows(
    sheet: Sheet, source: str, read: Reader, problems: list[Problem], today: dt.date
) -> list[Any]:
    found = _columns(sheet)
    columns = {name: found.get(normalise_header(name)) for name in _ALL_COLUMNS}
    present = [(name, index) for name, index in columns.items() if index is not None]
    names = [name for name, _index in present]
    pick = _picker([index for _name, index in present])
    width = max((index for _name, index in present), default=-1) + 1
    blank = dict.fromkeys(_ALL_COLUMNS, "")  # a column the file lacks reads as blank
    rows = []
    for number, cells in sheet.rows:
        if len(cells) < width:  # a short row: the cells it lacks are blank
            cells = (*cells, *[""] * (width - len(cells)))
        texts = [text.strip() for text in pick(cells)]
        if any(map(_quoted, texts)):  # our own export's guard against formulas
            texts = [unguard_formula(text) for text in texts]
        values = blank.copy()
        values.update(zip(names, texts, strict=True))
        try:
            rows.append(read(values.__getitem__, number, today))
        except ValueError as exc:
            problems.append(Problem(source, number, values["CHILD"], str(exc)))
    return rows


def _picker(indexes: list[int]) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    """The cells at ``indexes`` of a row, as a tuple."""
    if len(indexes) == 1:
        return lambda cells: (cells[indexes[0]],)
    return itemgetter(*indexes) if indexes else lambda _cells: ()


_quoted = methodcaller("startswith", "'")


def _without_repeats(rows: list[HeaderRow], problems: list[Problem]) -> list[HeaderRow]:
    first: dict[str, int] = {}
    kept = []
    for row in rows:
        if row.child in first:
            reason = f"CHILD {row.child} is also on {HEADER} row {first[row.child]}."
            problems.append(Problem(HEADER, row.row, row.child, reason))
        else:
            first[row.child] = row.row
            kept.append(row)
    return kept


def _without_overlaps(rows: list[Episode], problems: list[Problem]) -> list[Episode]:
    """Episodes of the same child must follow one another; a row that starts before the
    previous episode ends is rejected."""
    by_child: dict[str, list[Episode]] = defaultdict(list)
    for episode in rows:
        by_child[episode.child].append(episode)
    kept = []
    for episodes in by_child.values():
        episodes.sort(key=in_order)
        before: Episode | None = None
        for episode in episodes:
            if before is not None and (before.end is None or before.end > episode.start):
                until = day(before.end) if before.end else "now (it has no DEC)"
                reason = (
                    f"This episode starts on {day(episode.start)}, before the episode on "
                    f"row {before.row} ends ({day(before.start)} to {until})."
                )
                problems.append(Problem(EPISODES, episode.row, episode.child, reason))
                continue
            kept.append(episode)
            before = episode
    kept.sort(key=lambda e: e.row)
    return kept


def _notes(header: Sheet, episodes: Sheet) -> list[str]:
    known = {normalise_header(c) for c in (*HEADER_COLUMNS, *EPISODE_COLUMNS)}
    extra = [h for s in (header, episodes) for h in s.headers if normalise_header(h) not in known]
    notes = [
        f"Read {header.name} as the Header file and {episodes.name} as the Episodes file "
        f"({header.read_as}). Children new to RelCom Desktop are known by their 903 CHILD id "
        "until you add their names."
    ]
    extra = list(dict.fromkeys(h.strip() for h in extra if h.strip()))
    if extra:
        notes.append(f"Columns not used: {', '.join(extra)[:200]}.")
    notes.append(f"Not kept by RelCom Desktop: {', '.join(NOT_KEPT)}.")
    return notes
