"""How each cell of an Ofsted provider list is read.

A cell Ofsted withholds ("REDACTED" in children's homes' names and addresses) says nothing,
like a blank one: it never replaces what the register holds. A cell that cannot be read
gives the row's rejection reason in plain English.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from relcom_desktop.core import clock
from relcom_desktop.core.enums import OfstedJudgement, SettingType
from relcom_desktop.core.interop.ofsted_headers import (
    DATE,
    JUDGEMENT,
    LA,
    PLACES,
    POSTCODE,
    PROVIDER,
    PUBLISHED,
    REGION,
    SECTOR,
    SETTING,
    SUBTYPE,
    TYPE,
    URN,
    Columns,
    normalise_header,
)
from relcom_desktop.core.interop.ssda903 import PlacementProvider
from relcom_desktop.core.providers import MAX_PLACES

FIELD_LABELS = {
    PROVIDER: "the organisation that owns each setting",
    TYPE: "provision type",
    SECTOR: "sector",
    LA: "local authority",
    REGION: "region",
    PLACES: "places",
    JUDGEMENT: "overall judgement",
    DATE: "inspection date",
}

JUDGEMENTS = {
    "outstanding": OfstedJudgement.OUTSTANDING,
    "1": OfstedJudgement.OUTSTANDING,
    "good": OfstedJudgement.GOOD,
    "2": OfstedJudgement.GOOD,
    "requires improvement to be good": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "requires improvement": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "ri": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "adequate": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "3": OfstedJudgement.REQUIRES_IMPROVEMENT,
    "inadequate": OfstedJudgement.INADEQUATE,
    "4": OfstedJudgement.INADEQUATE,
    "not yet inspected": OfstedJudgement.NOT_YET_INSPECTED,
    "not inspected": OfstedJudgement.NOT_YET_INSPECTED,
    "not yet judged": OfstedJudgement.NOT_YET_INSPECTED,
}
# Outcomes of inspections that give no graded judgement (monitoring, interim, assurance and
# compliance visits): the row is read, the judgement on record is kept.
UNGRADED = {
    "met", "not met", "partially met", "sufficient", "insufficient", "sufficient progress",
    "insufficient progress", "improved effectiveness", "sustained effectiveness",
    "declined in effectiveness", "effective", "not effective", "ineffective", "compliant",
    "not compliant", "compliance", "not judged", "no judgement", "not applicable", "n a", "na",
    "none", "monitoring",
}  # fmt: skip
NOTHING = {"", "n a", "na", "not applicable", "none", "unknown", "not known", "nil"}
WITHHELD = re.compile(r"\W*(redacted|withheld|not published|not disclosed)\W*", re.IGNORECASE)
SECTORS = (
    ("private", PlacementProvider.PR4),
    ("voluntary", PlacementProvider.PR5),
    ("charit", PlacementProvider.PR5),
    ("local authority", PlacementProvider.PR2),
    ("health", PlacementProvider.PR3),
    ("academy", PlacementProvider.PR3),
    ("nhs", PlacementProvider.PR3),
)
# Checked in order: the first phrase found in the provision type decides the setting type.
TYPES = (
    ("secure", SettingType.SECURE_HOME),
    ("residential family centre", SettingType.FAMILY_CENTRE),
    ("local authority fostering", SettingType.LA_FOSTERING),
    ("adoption", SettingType.OTHER),
    ("fostering", SettingType.FOSTERING_AGENCY),
    ("supported accommodation", SettingType.SUPPORTED_ACCOMMODATION),
    ("special school", SettingType.RESIDENTIAL_SCHOOL),
    ("children s home", SettingType.CHILDRENS_HOME),
    ("childrens home", SettingType.CHILDRENS_HOME),
)
DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y", "%d %B %Y", "%d %b %Y")
DATE_FORMATS += ("%d-%b-%Y", "%d-%b-%y", "%Y/%m/%d", "%d.%m.%Y", "%d %B, %Y")
URN_PATTERN = re.compile(r"[A-Z]{0,3}\d{5,8}")


@dataclass(frozen=True)
class RowValues:
    """One readable row. None means the file says nothing (an empty, withheld or missing
    cell or column)."""

    urn: str
    setting_name: str | None
    provider_name: str | None
    provision_type: str | None = None  # as the file words it
    provider_kind: PlacementProvider | None = None
    setting_type: SettingType | None = None
    local_authority: str | None = None
    region: str | None = None
    places: int | None = None
    judgement: OfstedJudgement | None = None
    inspected_on: dt.date | None = None
    published_on: dt.date | None = None
    postcode: str | None = None
    address: str | None = None
    line: int = 0


def withheld(text: str) -> bool:
    return bool(WITHHELD.fullmatch(text))


def _text(cells: list[str], index: int | None) -> str:
    if index is None or index >= len(cells):
        return ""
    text = " ".join(cells[index].split())
    return "" if withheld(text) else text


def cell(cells: list[str], columns: Columns, key: str) -> str:
    """The cell's text, whitespace tidied; "" when blank, missing or withheld."""
    return _text(cells, columns.fields.get(key))


def read_urn(text: str) -> str | None:
    urn = "".join(text.split()).upper()
    return urn if URN_PATTERN.fullmatch(urn) else None


def read_judgement(text: str) -> OfstedJudgement | None:
    """The graded judgement, or None for an outcome that grades nothing."""
    key = normalise_header(text.split("(")[0]) or normalise_header(text)
    if key.endswith(" 0") and key[:-2].isdigit():  # "2.0"
        key = key[:-2]
    if key in JUDGEMENTS:
        return JUDGEMENTS[key]
    if key in UNGRADED or key in NOTHING:
        return None
    raise ValueError(f"“{text}” is not an Ofsted judgement.")


def read_date(text: str) -> dt.date:
    value = text.strip()
    for candidate in (value, value.split(" ")[0], value.split("T")[0]):
        for fmt in DATE_FORMATS:
            try:
                day = dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
            if day > clock.today():
                raise ValueError(f"The inspection date {text} is in the future.")
            return day
    raise ValueError(f"“{text}” is not a date (write it as 31/03/2025).")


def read_places(text: str) -> int | None:
    if normalise_header(text) in NOTHING or text.strip() in ("-", "–"):
        return None
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise ValueError(f"“{text}” is not a number of places.") from None
    if not number.is_integer() or not 0 <= number <= MAX_PLACES:
        raise ValueError(f"“{text}” is not a number of places (0 to {MAX_PLACES:,}).")
    return int(number)


def read_type(text: str) -> SettingType:
    key = normalise_header(text)
    return next((kind for phrase, kind in TYPES if phrase in key), SettingType.OTHER)


def setting_type(kind: str, subtype: str) -> SettingType | None:
    """The setting type the (sub)type names; the subtype wins when it says more."""
    if subtype and (found := read_type(subtype)) is not SettingType.OTHER:
        return found
    return read_type(kind) if kind else None


def read_sector(text: str) -> PlacementProvider | None:
    key = normalise_header(text)
    return next((kind for phrase, kind in SECTORS if phrase in key), None)


def _limited(text: str, limit: int, what: str) -> str | None:
    if len(text) > limit:
        raise ValueError(f"The {what} is too long (at most {limit} characters).")
    return text or None


def address(cells: list[str], columns: Columns) -> str | None:
    parts = [_text(cells, i) for i in columns.address]
    return ", ".join(p for p in parts if p) or None


def read_row(cells: list[str], columns: Columns) -> RowValues | tuple[str, str, str]:
    """The row's values, or (urn, name, reason) when it cannot be used."""
    raw_urn = cell(cells, columns, URN)
    name = cell(cells, columns, SETTING)
    urn = read_urn(raw_urn)
    if not raw_urn:
        return "", name, "There is no URN."
    if urn is None:
        return raw_urn, name, f"“{raw_urn}” is not an Ofsted URN."
    get = {key: cell(cells, columns, key) for key in (*FIELD_LABELS, SUBTYPE, POSTCODE, PUBLISHED)}
    kind = get[SUBTYPE] or get[TYPE]
    try:
        return RowValues(
            urn=urn,
            setting_name=_limited(name, 200, "setting name"),
            provider_name=_limited(get[PROVIDER], 200, "name of the owning organisation"),
            provision_type=kind or None,
            provider_kind=read_sector(get[SECTOR]) if get[SECTOR] else None,
            setting_type=setting_type(get[TYPE], get[SUBTYPE]),
            local_authority=_limited(get[LA], 120, "local authority"),
            region=_limited(get[REGION], 120, "region"),
            places=read_places(get[PLACES]) if get[PLACES] else None,
            judgement=read_judgement(get[JUDGEMENT]) if get[JUDGEMENT] else None,
            inspected_on=read_date(get[DATE]) if get[DATE] else None,
            published_on=_published(get[PUBLISHED]),
            postcode=_limited(get[POSTCODE].upper(), 12, "postcode"),
            address=address(cells, columns),
        )
    except ValueError as exc:
        return urn, name, str(exc)


def _published(text: str) -> dt.date | None:
    """The publication date orders inspections of one day; one that cannot be read is
    not a reason to refuse the row."""
    try:
        return read_date(text) if text else None
    except ValueError:
        return None


def placeholder_name(row: RowValues) -> str:
    """A name for a setting whose name Ofsted withholds, from what the file does say:
    "Children's home in Cheshire East (URN 2587047)"."""
    kind = row.provision_type or (row.setting_type.label if row.setting_type else "Setting")
    place = f" in {row.local_authority}" if row.local_authority else ""
    return f"{kind}{place} (URN {row.urn})"[:200]


def is_placeholder(name: str, urn: str | None) -> bool:
    """True for a name an import made up because it did not know the real one."""
    if not urn:
        return False
    return name == f"Setting {urn}" or name.endswith(f"(URN {urn})")
