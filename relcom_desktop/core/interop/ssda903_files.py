"""Reading the two CSV files of an SSDA903 return: Header (one row per child) and Episodes.

Real extracts vary, so headings are matched in any case, with stray spaces or underscores
("Reason place change" is REASON_PLACE_CHANGE); extra columns are ignored; the files may be
UTF-8 with or without a byte-order mark, or Windows cp1252; blank trailing rows are skipped;
dates may be 31/03/2024 or 2024-03-31 (with a time of 00:00 after them, as some case systems
write). The two files may be given in either order: each is recognised by its columns.

Every row is either read cleanly or rejected with the reason (a bad date, a code not in the
903 code lists, an episode that overlaps another of the same child). Nothing here touches the
data file: :mod:`relcom_desktop.core.interop.ssda903_import` does that.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Any, TypeVar

from relcom_desktop.core import errors
from relcom_desktop.core.enums import Sex
from relcom_desktop.core.interop.import_run import day
from relcom_desktop.core.interop.sheet_files import read_sheet
from relcom_desktop.core.interop.spreadsheet import Sheet, normalise_header, unguard_formula
from relcom_desktop.core.interop.ssda903 import (
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonNewEpisode,
    ReasonPlaceChange,
    collection_year,
    valid_in,
    validity,
    year_name,
)

HEADER = "Header"
EPISODES = "Episodes"
HEADER_COLUMNS = ("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
EPISODE_COLUMNS = (
    "CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
    "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN",
)  # fmt: skip
NOT_KEPT = ("MOTHER", "MC_DOB", "CIN", "HOME_POST")
_ALL_COLUMNS = tuple(dict.fromkeys((*HEADER_COLUMNS, *EPISODE_COLUMNS)))
NO_URN = "XXXXXXX"  # the 903's URN for a placement with no Ofsted registration
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")
CODE_NAMES: dict[type, str] = {
    LegalStatus: "legal status",
    PlacementType: "placement type",
    PlacementProvider: "placement provider",
    ReasonNewEpisode: "reason for new episode",
    ReasonEpisodeCeased: "reason the episode ceased",
    ReasonPlaceChange: "reason for placement change",
}
E = TypeVar("E", bound=Enum)
SEXES = {"1": Sex.MALE, "M": Sex.MALE, "2": Sex.FEMALE, "F": Sex.FEMALE, "U": None}


@dataclass(frozen=True)
class HeaderRow:
    row: int
    child: str
    sex: Sex | None
    date_of_birth: dt.date | None
    ethnicity: str
    upn: str


@dataclass(frozen=True)
class Episode:
    row: int
    child: str
    start: dt.date
    end: dt.date | None
    reason_new: ReasonNewEpisode | None
    legal_status: LegalStatus | None
    placement_type: PlacementType
    provider: PlacementProvider | None
    reason_ceased: ReasonEpisodeCeased | None
    place_change: ReasonPlaceChange | None
    urn: str | None
    postcode: str
    open_x1: bool = False  # REC X1 given on an episode with no DEC (read as still open)

    def fields(self) -> tuple[Any, ...]:
        """Everything but the row number: two rows with the same fields repeat each other."""
        return (self.child, self.start, self.end, self.reason_new, self.legal_status,
                self.placement_type, self.provider, self.reason_ceased, self.place_change,
                self.urn, self.postcode, self.open_x1)  # fmt: skip

    def placement_key(self) -> tuple[Any, ...]:
        """What makes two episodes the same placement (the legal status may differ)."""
        return (self.placement_type, self.provider, self.urn, self.postcode)

    def continues(self, before: Episode) -> bool:
        """True when this episode starts the day ``before`` ended, with no break in care."""
        return before.end == self.start and before.reason_ceased is ReasonEpisodeCeased.X1

    def same_placement_as(self, before: Episode) -> bool:
        """True when this episode only changes the legal status of the placement ``before``
        was in (RNE ``L``, or no RNE, and the same placement details)."""
        return (
            self.continues(before)
            and self.reason_new in (ReasonNewEpisode.L, None)
            and self.placement_key() == before.placement_key()
        )


@dataclass(frozen=True)
class Problem:
    source: str
    row: int
    child: str
    reason: str


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
    today = today or dt.date.today()
    year = year or _year_of(episodes, today)
    problems: list[Problem] = []
    header_rows = _read_rows(header, HEADER, _header_row, problems, today)

    def episode(cell: Callable[[str], str], number: int, today: dt.date) -> Episode:
        return _episode(cell, number, today, year)

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
                found = _date(cells[index].strip(), name, today) if index < len(cells) else None
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


def _header_row(cell: Callable[[str], str], number: int, today: dt.date) -> HeaderRow:
    child = _child_id(cell)
    text = cell("SEX").upper()
    if text and text not in SEXES:
        raise ValueError(f"SEX {cell('SEX')[:12]!r} is not 1 or M (male), 2 or F (female), or U.")
    sex = SEXES.get(text)
    return HeaderRow(
        number,
        child,
        sex,
        _date(cell("DOB"), "DOB", today),
        cell("ETHNIC").upper(),
        cell("UPN").upper(),
    )


def _episode(cell: Callable[[str], str], number: int, today: dt.date, year: int) -> Episode:
    child = _child_id(cell)
    start = _date(cell("DECOM"), "DECOM", today)
    if start is None:
        raise ValueError("DECOM, the date the episode started, is missing.")
    end = _date(cell("DEC"), "DEC", today)
    if end is not None and end < start:
        raise ValueError(f"The episode ends (DEC {day(end)}) before it starts ({day(start)}).")
    placement_type = _code(PlacementType, cell("PLACE"), "PLACE")
    if placement_type is None:
        raise ValueError("PLACE, the placement type, is missing.")
    # A withdrawn code stays valid on an episode that started while it was in use.
    began = collection_year(start)
    if not (valid_in(placement_type, year) or (began <= year and valid_in(placement_type, began))):
        raise ValueError(
            f"PLACE {placement_type.value!r} is not a placement type code in the "
            f"{year_name(year)} 903 code lists ({validity(placement_type)})."
        )
    ceased = _code(ReasonEpisodeCeased, cell("REC"), "REC")
    if end is not None and ceased is None:
        raise ValueError("The episode has an end date (DEC) but no reason it ceased (REC).")
    open_x1 = end is None and ceased is ReasonEpisodeCeased.X1
    if open_x1:
        ceased = None
    if end is None and ceased is not None:
        raise ValueError("The episode has a reason it ceased (REC) but no end date (DEC).")
    return Episode(
        number,
        child,
        start,
        end,
        _code(ReasonNewEpisode, cell("RNE"), "RNE"),
        _code(LegalStatus, cell("LS"), "LS"),
        placement_type,
        _code(PlacementProvider, cell("PLACE_PROVIDER"), "PLACE_PROVIDER"),
        ceased,
        _code(ReasonPlaceChange, cell("REASON_PLACE_CHANGE"), "REASON_PLACE_CHANGE"),
        _urn(cell("URN")),
        " ".join(cell("PL_POST").upper().split())[:12],
        open_x1,
    )


def _child_id(cell: Callable[[str], str]) -> str:
    child = cell("CHILD")
    if not child:
        raise ValueError("CHILD, the child's id, is missing.")
    if len(child) > 40:
        raise ValueError("CHILD is longer than an LA reference can be (40 characters).")
    return child


def _date(text: str, column: str, today: dt.date) -> dt.date | None:
    if not text:
        return None
    value = text.split("T")[0].split(" ")[0]
    found = _usual_date(value)
    if found is not None:
        if found > today:
            raise ValueError(f"{column} {text[:20]!r} is in the future.")
        return found
    for fmt in DATE_FORMATS:
        try:
            found = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if found > today:
            raise ValueError(f"{column} {text[:20]!r} is in the future.")
        return found
    raise ValueError(f"{column} {text[:20]!r} is not a date like 31/03/2024.")


@lru_cache(maxsize=16_384)  # a return gives the same dates many times
def _usual_date(value: str) -> dt.date | None:
    """31/03/2024 read quickly (most dates in a return); None for any other form."""
    if len(value) != 10 or value[2] != "/" or value[5] != "/":
        return None
    try:
        return dt.date(int(value[6:]), int(value[3:5]), int(value[:2]))
    except ValueError:
        return None


def _code(kind: type[E], text: str, column: str) -> E | None:
    if not text:
        return None
    code = text.upper()
    member = kind._value2member_map_.get(code)  # what kind(code) looks up first
    if member is not None:
        return member  # type: ignore[return-value]
    try:
        return kind(code)
    except ValueError:
        raise ValueError(
            f"{column} {text[:12]!r} is not a {CODE_NAMES[kind]} code in the 903 code lists."
        ) from None


def _urn(text: str) -> str | None:
    urn = text.upper()
    if not urn or set(urn) == {"X"}:
        return None
    if len(urn) > 20:
        raise ValueError(f"URN {text[:24]!r} is too long to be an Ofsted URN.")
    return urn


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


def in_order(episode: Episode) -> tuple[dt.date, dt.date, int]:
    """How a child's episodes follow one another: by start, then end, then row."""
    return episode.start, episode.end or dt.date.max, episode.row


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
