"""The rows of an SSDA903 return, and how one row's cells are read.

A Header row is one child; an Episodes row is one period in one placement. Each cell is read
strictly against the 903 code lists: a bad date, a code not in the lists or a missing CHILD
id rejects the row with the reason (:func:`header_row`, :func:`episode_row`). Reading the
two files and checking rows against each other is :mod:`relcom_desktop.core.interop.ssda903_files`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any, TypeVar

from relcom_desktop.core.enums import Sex
from relcom_desktop.core.interop.import_run import day
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


def header_row(cell: Callable[[str], str], number: int, today: dt.date) -> HeaderRow:
    child = _child_id(cell)
    text = cell("SEX").upper()
    if text and text not in SEXES:
        raise ValueError(f"SEX {cell('SEX')[:12]!r} is not 1 or M (male), 2 or F (female), or U.")
    sex = SEXES.get(text)
    return HeaderRow(
        number,
        child,
        sex,
        read_date(cell("DOB"), "DOB", today),
        cell("ETHNIC").upper(),
        cell("UPN").upper(),
    )


def episode_row(cell: Callable[[str], str], number: int, today: dt.date, year: int) -> Episode:
    child = _child_id(cell)
    start = read_date(cell("DECOM"), "DECOM", today)
    if start is None:
        raise ValueError("DECOM, the date the episode started, is missing.")
    end = read_date(cell("DEC"), "DEC", today)
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


def read_date(text: str, column: str, today: dt.date) -> dt.date | None:
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


def in_order(episode: Episode) -> tuple[dt.date, dt.date, int]:
    """How a child's episodes follow one another: by start, then end, then row."""
    return episode.start, episode.end or dt.date.max, episode.row
