"""The fields a spreadsheet's columns can go into, and reading a cell for a field.

Each list that can be imported from a spreadsheet (children, providers, placements from a
tracker) is a :class:`Target` with its :class:`Field` s: the record's own fields, named as
the app's CSV export heads them, plus headings commissioners commonly use for them
(``SYNONYMS``, matched in any case and spacing). A cell is read as its field's type: codes
as the code or its label (or both, "K2 Children's home"), dates as 2024-03-31 or 31/03/2024,
money as £4,250.00, yes/no.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from relcom_desktop.core import children, placements, providers
from relcom_desktop.core.crud import SYSTEM_FIELDS
from relcom_desktop.core.interop.csv_export import PENCE, header_for
from relcom_desktop.core.interop.spreadsheet import normalise_header, unguard_formula

TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0"}
DATE_FORMATS = (
    "%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%y", "%d.%m.%y", "%Y/%m/%d",
    "%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y", "%d %b %y", "%d %B, %Y",
)  # fmt: skip
NOT_GIVEN = {"-", "–", "n/a", "na", "tbc", "tba", "?", "unknown", "not known"}
FORMULA = re.compile(r"^=\s*[A-Za-z_$]+[A-Za-z0-9_.$]*\s*[(!:]|^=\s*\$?[A-Za-z]{1,3}\$?\d")
MONEY_NOISE = re.compile(r"[£$€,\s]|gbp|p/?w|per\s*week|pw|weekly", re.IGNORECASE)
AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?")
UNCALCULATED = (
    "is a formula Excel has not worked out yet. Open the file in Excel, save it, and "
    "import it again"
)
EXCEL_EPOCH = dt.date(1899, 12, 30)  # Excel's day 0 (it counts 1900 as a leap year)
EXCEL_DAYS = range(10_000, 80_000)  # 1927 to 2119: a whole number here is a date cell's serial


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    hint: Any  # the type a cell is read as
    synonyms: frozenset[str]  # headings (normalised) that mean this field


@dataclass(frozen=True)
class Target:
    key: str
    title: str  # "Placements (a placement tracker)"
    fields: tuple[Field, ...]
    needs: tuple[tuple[str, ...], ...]  # for each: at least one of these fields is mapped

    def field(self, key: str) -> Field:
        return next(f for f in self.fields if f.key == key)


SYNONYMS: dict[str, tuple[str, ...]] = {
    "preferred_name": ("NAME", "CHILDNAME", "CHILDSNAME", "KNOWNAS", "FIRSTNAME", "YOUNGPERSON",
                       "NAMEOFCHILD", "FORENAME", "CHILD", "PREFERREDNAME", "YOUNGPERSONSNAME",
                       "YPNAME", "CYP", "CYPNAME", "NAMEOFYOUNGPERSON", "CHILDSFIRSTNAME"),
    "full_name": ("FULLNAME", "LEGALNAME", "CHILDFULLNAME", "CHILDSFULLNAME", "FULLLEGALNAME"),
    "date_of_birth": ("DOB", "BIRTHDATE", "DATEOFBIRTH", "BORN"),
    "sex": ("SEX", "GENDER", "SEXGENDER", "GENDERSEX", "MF"),
    "ethnicity": ("ETHNIC", "ETHNICITY"),
    "la_reference": ("LAREF", "REFERENCE", "REF", "CHILDID", "CHILDREF", "LCSID", "MOSAICID",
                     "PERSONID", "CLIENTID", "CASEREF", "CHILDSID", "CHILDNUMBER", "PERSONREF",
                     "CLIENTREF", "CASENUMBER", "CASEID", "SYSTEMID", "MOSAICNUMBER", "LCSREF"),
    "legal_status": ("LS", "LEGALSTATUS", "LEGAL", "LEGALORDER", "ORDER", "LEGALBASIS",
                     "CARESTATUS", "LEGALSTATUSCODE"),
    "looked_after_since": ("LACSTART", "DATEINTOCARE", "CAREDATE", "CLASTART"),
    "social_worker": ("SOCIALWORKER", "SW", "ALLOCATEDWORKER", "ALLOCATEDSW", "SWNAME",
                      "ALLOCATEDSOCIALWORKER"),
    "notes": ("NOTES", "COMMENTS", "COMMENT", "NOTE", "REMARKS"),
    "setting_urn": ("URN", "OFSTEDURN", "SETTINGURN"),
    "setting_name": ("SETTING", "SETTINGNAME", "HOME", "HOMENAME", "PLACEMENTNAME", "CARERS",
                     "CARER", "PLACEMENT", "HOMESETTING", "HOMEORSETTING", "PLACEMENTSETTING",
                     "SETTINGHOME", "HOMEPLACEMENT", "FOSTERCARER", "FOSTERCARERS", "CARERNAME",
                     "CARERSNAME", "NAMEOFHOME", "NAMEOFPLACEMENT", "NAMEOFSETTING",
                     "CURRENTPLACEMENT", "RESIDENCE"),
    "provider_name": ("PROVIDER", "PROVIDERNAME", "AGENCY", "ORGANISATION", "COMPANY",
                      "AGENCYNAME", "ORGANISATIONNAME", "COMPANYNAME", "IFANAME",
                      "PROVIDERAGENCY", "PROVIDERORGANISATION", "PLACEMENTPROVIDER"),
    "placement_type": ("PLACE", "PLACETYPE", "PLACEMENTTYPE", "TYPE", "PLACEMENTCATEGORY",
                       "SETTINGTYPE", "PROVISIONTYPE", "PLACEMENTKIND", "TYPEOFPLACEMENT",
                       "TYPEOFPROVISION", "PLACEMENTTYPECODE", "CATEGORY"),
    "provider_kind": ("PLACEPROVIDER", "PROVIDERTYPE", "SECTOR", "PROVIDERSECTOR",
                      "INHOUSEEXTERNAL", "INTERNALEXTERNAL", "INHOUSEORIFA", "OWNERSHIP"),
    "start_date": ("START", "STARTDATE", "PLACEMENTSTART", "PLACEMENTSTARTDATE", "DATEPLACED",
                   "DECOM", "FROM", "ADMISSIONDATE", "STARTOFPLACEMENT", "DATEOFPLACEMENT",
                   "PLACEDON", "PLACEMENTSTARTED", "DATESTARTED", "DATEINTOPLACEMENT"),
    "end_date": ("END", "ENDDATE", "PLACEMENTEND", "PLACEMENTENDDATE", "DEC", "DATEENDED",
                 "DATELEFT", "TO", "ENDOFPLACEMENT", "PLACEMENTENDED", "DATEPLACEMENTENDED",
                 "DATEOFENDING"),
    "planned_end_date": ("PLANNEDEND", "PLANNEDENDDATE"),
    "weekly_fee_pence": ("FEE", "WEEKLYFEE", "WEEKLYCOST", "COST", "WEEKLYRATE", "RATE",
                         "COSTPERWEEK", "FEEPERWEEK", "WEEKLYCOSTGBP", "WEEKLYCHARGE",
                         "WEEKLYPRICE",
                         "WEEKLYAMOUNT", "COSTPW", "FEEPW", "PW", "PERWEEK", "WEEKLY",
                         "WEEKLYFEEGBP", "CURRENTWEEKLYCOST", "WEEKLYPLACEMENTCOST",
                         "PLACEMENTCOST", "PLACEMENTCOSTPW"),
    "end_reason": ("REC", "ENDREASON", "REASONEPISODECEASED", "REASONFORENDING",
                   "ENDINGREASON", "REASONENDED"),
    "change_reason": ("REASONPLACECHANGE", "REASONFORCHANGE", "REASONFORMOVE", "MOVEREASON"),
    "ending_planned": ("PLANNEDENDING", "ENDINGPLANNED"),
    "name": ("NAME", "PROVIDER", "PROVIDERNAME", "ORGANISATION", "COMPANY"),
    "kind": ("KIND", "PROVIDERTYPE", "PLACEPROVIDER", "SECTOR"),
}  # fmt: skip
PLACEMENT_LABELS = {
    "preferred_name": "Child's name",
    "full_name": "Child's full name",
    "la_reference": "Child's LA reference",
    "date_of_birth": "Child's date of birth",
    "sex": "Child's sex",
    "ethnicity": "Child's ethnicity",
    "upn": "Child's UPN",
    "legal_status": "Child's legal status",
    "social_worker": "Child's social worker",
    "setting_urn": "Setting's Ofsted URN",
    "setting_name": "Setting",
    "provider_name": "Provider",
}
NOT_FROM_SHEETS = {"archived_at", "child_id", "setting_id"}


def _record_fields(record: type, only: Sequence[str] | None = None) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(record)
    names = [f.name for f in dataclasses.fields(record)]
    keep = [n for n in names if n not in SYSTEM_FIELDS and n not in NOT_FROM_SHEETS]
    return [(n, hints[n]) for n in (only if only is not None else keep)]


def _field(key: str, hint: Any, label: str | None = None) -> Field:
    label = label or header_for(key)
    names = {normalise_header(key), normalise_header(header_for(key)), normalise_header(label)}
    return Field(key, label, hint, frozenset(names | set(SYNONYMS.get(key, ()))))


def _targets() -> dict[str, Target]:
    child_keys = [n for n, _h in _record_fields(children.Child)]
    tracker_child = ["preferred_name", "full_name", "la_reference", "date_of_birth", "sex",
                     "ethnicity", "upn", "legal_status", "social_worker"]  # fmt: skip
    setting = [("setting_urn", str), ("setting_name", str), ("provider_name", str)]
    placement = _record_fields(placements.Placement)
    tracker = [
        *_record_fields(children.Child, tracker_child),
        *setting,
        *placement,
    ]
    return {
        "children": Target(
            "children",
            "Children",
            tuple(_field(n, h) for n, h in _record_fields(children.Child, child_keys)),
            (("preferred_name", "la_reference"),),
        ),
        "providers": Target(
            "providers",
            "Providers",
            tuple(_field(n, h) for n, h in _record_fields(providers.Provider)),
            (("name",),),
        ),
        "placements": Target(
            "placements",
            "Placements (a placement tracker)",
            tuple(_field(n, h, PLACEMENT_LABELS.get(n)) for n, h in tracker),
            (
                ("start_date",),
                ("preferred_name", "la_reference"),
                ("setting_urn", "setting_name", "provider_name"),  # an agency, for fostering
            ),
        ),
    }


TARGETS = _targets()


# ---- reading a cell ----------------------------------------------------------------------------


def _plain_type(hint: Any) -> tuple[Any, bool]:
    """The field's type without ``| None``, and whether None is allowed."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


def parse_cell(text: str, hint: Any, name: str) -> Any:
    """A cell converted for a field; ValueError says why not. Blank is None."""
    kind, _optional = _plain_type(hint)
    stripped = text.strip()
    value = unguard_formula(stripped)  # our own export's guard against formulas
    if value == stripped and FORMULA.match(value):
        raise ValueError(f"{value[:30]!r} {UNCALCULATED}")
    if not value:
        return None
    if kind is str:
        return value
    if value.casefold() in NOT_GIVEN:
        return None
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _choice(kind, value)
    if kind is bool:
        if value.lower() in TRUE | FALSE:
            return value.lower() in TRUE
        raise ValueError(f"{value[:30]!r} is not yes or no")
    if kind is int:
        return _number(value, pence=name.endswith(PENCE))
    if kind is dt.date:
        return _date(value)
    raise ValueError(f"cannot read {value[:30]!r}")


def _choice(kind: Any, value: str) -> Any:
    """A code, its label, or both ("K2 Children's home", "K2 - Children's home")."""
    try:
        return kind.parse(value)
    except ValueError:
        pass
    code, _sep, rest = value.replace("·", " ").replace("-", " ").partition(" ")
    try:
        member = kind.parse(code)
    except ValueError:
        member = None
    if member is not None and normalise_header(rest) == normalise_header(member.label):
        return member
    raise ValueError(f"{value[:30]!r} is not one of the choices (a code or its name)")


def _number(value: str, *, pence: bool) -> int:
    cleaned = MONEY_NOISE.sub("", value) if pence else value.replace(",", "").strip()
    amounts = AMOUNT.findall(value)
    if pence and len(amounts) == 1 and not _is_number(cleaned):
        cleaned = amounts[0].replace(",", "")  # "£4,250 incl. education": the one amount
    try:
        number = float(cleaned) if pence else int(cleaned)
    except ValueError:
        what = "an amount of money like 4,250.00" if pence else "a whole number"
        raise ValueError(f"{value[:30]!r} is not {what}") from None
    if not abs(number) < 1e12:
        raise ValueError(f"{value[:30]!r} is too large")
    return round(number * 100) if pence else int(number)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _date(value: str) -> dt.date:
    text = value.strip()
    if text.isdigit() and int(text) in EXCEL_DAYS:  # a date cell Excel kept as a number
        return EXCEL_EPOCH + dt.timedelta(days=int(text))
    for candidate in (text, text.split("T")[0].split(" ")[0]):  # "2024-03-31 00:00" too
        for fmt in DATE_FORMATS:
            try:
                return dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    raise ValueError(f"{value[:30]!r} is not a date like 2024-03-31 or 31/03/2024")
