"""The columns of an Ofsted provider list and how each cell is read.

Header names are matched after normalising (case, punctuation, a leading "Latest"), so the
variants Ofsted has used over the years are all understood. A cell that cannot be read gives
the row's rejection reason in plain English.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.ssda903 import PlacementProvider

URN = "urn"
SETTING = "setting_name"
PROVIDER = "provider_name"
TYPE = "setting_type"
SECTOR = "sector"
LA = "local_authority"
REGION = "region"
PLACES = "places"
JUDGEMENT = "judgement"
DATE = "inspected_on"
POSTCODE = "postcode"
ADDRESS = "address"

FIELD_LABELS = {
    PROVIDER: "provider (owner) name",
    TYPE: "provider type",
    SECTOR: "sector",
    LA: "local authority",
    REGION: "region",
    PLACES: "places",
    JUDGEMENT: "overall effectiveness",
    DATE: "inspection date",
}

SETTING_HEADERS = ("setting name", "name of setting", "setting", "home name", "establishment name")
OWNER_HEADERS = (
    "organisation which owns the provider",
    "organisation that owns the provider",
    "owner name",
    "owner",
    "registered provider name",
    "registered provider",
    "organisation name",
    "organisation",
    "provider organisation",
    "responsible organisation",
    "company name",
)
HEADERS: dict[str, tuple[str, ...]] = {
    URN: ("urn", "ofsted urn", "unique reference number", "setting urn", "provider urn"),
    TYPE: ("provider type", "setting type", "type of provider", "provision type", "type"),
    SECTOR: ("sector", "provider sector", "ownership", "ownership type"),
    LA: ("local authority", "local authority name", "la", "la name", "local authority area"),
    REGION: ("region", "ofsted region", "government office region", "region name"),
    PLACES: (
        "places",
        "registered places",
        "number of registered places",
        "number of places",
        "max users",
        "maximum users",
        "capacity",
    ),
    JUDGEMENT: (
        "overall effectiveness",
        "overall experiences and progress of children and young people",
        "overall experiences and progress",
        "overall judgement",
        "overall effectiveness judgement",
        "judgement",
        "inspection judgement",
        "full inspection overall effectiveness",
    ),
    DATE: (
        "inspection date",
        "full inspection date",
        "date of last inspection",
        "last inspection date",
        "date of inspection",
        "inspection start date",
        "inspection end date",
    ),
    POSTCODE: ("postcode", "post code", "setting postcode", "postal code"),
    ADDRESS: ("address", "setting address", "address line 1"),
}
PREFIXES = ("latest ", "most recent ", "full inspection ")

JUDGEMENTS = {
    "outstanding": OfstedJudgement.OUTSTANDING,
    "1": OfstedJudgement.OUTSTANDING,
    "good": OfstedJudgement.GOOD,
    "2": OfstedJudgement.GOOD,
    "requires improvement to be good": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "requires improvement": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "adequate": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "3": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "inadequate": OfstedJudgement.INADEQUATE,
    "4": OfstedJudgement.INADEQUATE,
    "not yet inspected": OfstedJudgement.NOT_YET_INSPECTED,
    "not inspected": OfstedJudgement.NOT_YET_INSPECTED,
    "not yet judged": OfstedJudgement.NOT_YET_INSPECTED,
}
SECTORS = (
    ("private", PlacementProvider.PR4),
    ("voluntary", PlacementProvider.PR5),
    ("charit", PlacementProvider.PR5),
    ("local authority", PlacementProvider.PR2),
    ("health", PlacementProvider.PR3),
)
# Checked in order: the first phrase found in the provider type decides the setting type.
TYPES = (
    ("secure", SettingType.SECURE_HOME),
    ("residential family centre", SettingType.FAMILY_CENTRE),
    ("local authority fostering", SettingType.LA_FOSTERING),
    ("fostering", SettingType.FOSTERING_AGENCY),
    ("supported accommodation", SettingType.SUPPORTED_ACCOMMODATION),
    ("school", SettingType.RESIDENTIAL_SCHOOL),
    ("children s home", SettingType.CHILDRENS_HOME),
    ("childrens home", SettingType.CHILDRENS_HOME),
)
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y")
DATE_FORMATS += ("%d-%b-%Y", "%d-%b-%y", "%Y/%m/%d", "%d.%m.%Y")
URN_PATTERN = re.compile(r"[A-Z]{0,3}\d{5,8}")
MAX_PLACES = 500


@dataclass(frozen=True)
class RowValues:
    """One readable row. None means the file says nothing (the column or cell is empty)."""

    urn: str
    setting_name: str
    provider_name: str
    provider_kind: PlacementProvider | None = None
    setting_type: SettingType | None = None
    local_authority: str | None = None
    region: str | None = None
    places: int | None = None
    judgement: OfstedJudgement | None = None
    inspected_on: dt.date | None = None
    postcode: str | None = None
    address: str | None = None
    line: int = 0


def normalise_header(text: str) -> str:
    """ "Latest  Overall-Effectiveness " -> "latest overall effectiveness"."""
    text = text.replace("\ufeff", "").replace("’", "'").replace("&", " and ").casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.replace("'", "")).split())


def _candidates(name: str) -> list[str]:
    """The header and what is left once "Latest", "Full inspection"... are taken off."""
    found = [name]
    while prefix := next((p for p in PREFIXES if found[-1].startswith(p)), None):
        found.append(found[-1].removeprefix(prefix))
    return found


def _first(names: list[str], wanted: tuple[str, ...], taken: set[int]) -> int | None:
    for alias in wanted:
        for index, name in enumerate(names):
            if index not in taken and alias in _candidates(name):
                return index
    return None


def match_columns(names: list[str]) -> dict[str, int]:
    """Which column holds each field, from normalised header names."""
    columns: dict[str, int] = {}
    taken: set[int] = set()

    def claim(key: str, wanted: tuple[str, ...]) -> None:
        index = _first(names, wanted, taken)
        if index is not None:
            columns[key] = index
            taken.add(index)

    claim(URN, HEADERS[URN])
    claim(SETTING, SETTING_HEADERS)
    # Ofsted calls a setting a "provider": "Provider name" is the setting's name unless the
    # file also has a separate setting name column.
    if SETTING in columns:
        claim(PROVIDER, (*OWNER_HEADERS, "provider name", "provider"))
    else:
        claim(SETTING, ("provider name", "provider"))
        claim(PROVIDER, OWNER_HEADERS)
    for key, wanted in HEADERS.items():
        if key != URN:
            claim(key, wanted)
    return columns


def _cell(cells: list[str], columns: dict[str, int], key: str) -> str:
    index = columns.get(key)
    if index is None or index >= len(cells):
        return ""
    return " ".join(cells[index].split())


def read_urn(text: str) -> str | None:
    urn = "".join(text.split()).upper()
    return urn if URN_PATTERN.fullmatch(urn) else None


def read_judgement(text: str) -> OfstedJudgement | None:
    key = normalise_header(text)
    if key in JUDGEMENTS:
        return JUDGEMENTS[key]
    raise ValueError(f"“{text}” is not an Ofsted judgement.")


def read_date(text: str) -> dt.date:
    value = text.strip()
    candidates = [value, value.split(" ")[0], value.split("T")[0]]
    for candidate in candidates:
        for fmt in DATE_FORMATS:
            try:
                day = dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
            if day > dt.date.today():
                raise ValueError(f"The inspection date {text} is in the future.")
            return day
    raise ValueError(f"“{text}” is not a date (write it as 31/03/2025).")


def read_places(text: str) -> int:
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise ValueError(f"“{text}” is not a number of places.") from None
    if not number.is_integer() or not 0 <= number <= MAX_PLACES:
        raise ValueError(f"“{text}” is not a number of places (0 to {MAX_PLACES}).")
    return int(number)


def read_type(text: str) -> SettingType:
    key = normalise_header(text)
    return next((kind for phrase, kind in TYPES if phrase in key), SettingType.OTHER)


def read_sector(text: str) -> PlacementProvider | None:
    key = normalise_header(text)
    return next((kind for phrase, kind in SECTORS if phrase in key), None)


def _limited(text: str, limit: int, what: str) -> str:
    if len(text) > limit:
        raise ValueError(f"The {what} is too long (at most {limit} characters).")
    return text


def read_row(cells: list[str], columns: dict[str, int]) -> RowValues | tuple[str, str, str]:
    """The row's values, or (urn, name, reason) when it cannot be used."""
    raw_urn = _cell(cells, columns, URN)
    name = _cell(cells, columns, SETTING)
    urn = read_urn(raw_urn)
    if not raw_urn:
        return "", name, "There is no URN."
    if urn is None:
        return raw_urn, name, f"“{raw_urn}” is not an Ofsted URN."
    if not name:
        return urn, "", "There is no setting name."
    cell = {key: _cell(cells, columns, key) for key in (*FIELD_LABELS, POSTCODE, ADDRESS)}
    try:
        return RowValues(
            urn=urn,
            setting_name=_limited(name, 200, "setting name"),
            provider_name=_limited(cell[PROVIDER] or name, 200, "provider name"),
            provider_kind=read_sector(cell[SECTOR]) if cell[SECTOR] else None,
            setting_type=read_type(cell[TYPE]) if cell[TYPE] else None,
            local_authority=_limited(cell[LA], 120, "local authority") or None,
            region=_limited(cell[REGION], 120, "region") or None,
            places=read_places(cell[PLACES]) if cell[PLACES] else None,
            judgement=read_judgement(cell[JUDGEMENT]) if cell[JUDGEMENT] else None,
            inspected_on=read_date(cell[DATE]) if cell[DATE] else None,
            postcode=_limited(cell[POSTCODE].upper(), 12, "postcode") or None,
            address=cell[ADDRESS] or None,
        )
    except ValueError as exc:
        return urn, name, str(exc)
