"""Importing a spreadsheet — CSV or an Excel workbook — of children, providers or placements.

Many commissioners keep a placement tracker in Excel; this reads it rather than have them
retype it.

1. :func:`relcom_desktop.core.spreadsheet.read_sheet` reads the file.
2. :func:`guess_target` and :func:`guess_mapping` say what the rows are and which field each
   column holds, from the headings ("DOB", "Date of birth", "Weekly cost" ...) and from the
   mapping the commissioner confirmed last time (:func:`remember_mapping`).
3. :func:`preview_sheet` says row by row what would be added or changed, and which rows are
   rejected and why; :func:`commit_sheet` does it all in one transaction, or nothing.

Codes may be given as the code or its label; dates as 2024-03-31 or 31/03/2024; money as
£4,250.00. A record already in RelCom Desktop is found (a child by LA reference, else by
name and date of birth; a provider by name; a placement by child and start date) and only
the columns in the file are updated — a blank cell never clears anything. Every record is
checked by the same rules as the forms (see :mod:`relcom_desktop.core.import_run`).

:func:`import_csv` is the command line's form: no one is there to confirm the mapping, so
every heading must be one RelCom Desktop knows (as its own CSV export writes them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from relcom_desktop.core import children, errors, placements, preferences, providers
from relcom_desktop.core.crud import SYSTEM_FIELDS
from relcom_desktop.core.csv_export import PENCE, find_list, header_for
from relcom_desktop.core.db import Store
from relcom_desktop.core.import_run import ImportPreview, Unit, run_import
from relcom_desktop.core.ofsted_csv import Cancelled, Progress
from relcom_desktop.core.sheet_records import ROW_SAVERS, RowValues
from relcom_desktop.core.spreadsheet import Sheet, normalise_header, read_sheet, sheet_from_text

TRUE = {"yes", "y", "true", "1"}
FALSE = {"no", "n", "false", "0"}
EXPORT_ONLY = {"ID", "ARCHIVEDAT"}  # columns only an export has
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
Mapping = tuple[str | None, ...]  # for each column: the field it holds, or None


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
    "preferred_name": ("NAME", "CHILDNAME", "CHILDSNAME", "KNOWNAS", "FIRSTNAME", "YOUNGPERSON"),
    "full_name": ("FULLNAME", "LEGALNAME", "CHILDFULLNAME"),
    "date_of_birth": ("DOB", "BIRTHDATE", "DATEOFBIRTH", "BORN"),
    "sex": ("SEX", "GENDER"),
    "ethnicity": ("ETHNIC", "ETHNICITY"),
    "la_reference": ("LAREF", "REFERENCE", "REF", "CHILDID", "CHILDREF", "LCSID", "MOSAICID",
                     "PERSONID", "CLIENTID", "CASEREF"),
    "legal_status": ("LS", "LEGALSTATUS", "LEGAL"),
    "looked_after_since": ("LACSTART", "DATEINTOCARE", "CAREDATE", "CLASTART"),
    "social_worker": ("SOCIALWORKER", "SW", "ALLOCATEDWORKER"),
    "notes": ("NOTES", "COMMENTS", "COMMENT"),
    "setting_urn": ("URN", "OFSTEDURN", "SETTINGURN"),
    "setting_name": ("SETTING", "SETTINGNAME", "HOME", "HOMENAME", "PLACEMENTNAME", "CARERS",
                     "CARER", "PLACEMENT"),
    "provider_name": ("PROVIDER", "PROVIDERNAME", "AGENCY", "ORGANISATION", "COMPANY"),
    "placement_type": ("PLACE", "PLACETYPE", "PLACEMENTTYPE", "TYPE"),
    "provider_kind": ("PLACEPROVIDER", "PLACEMENTPROVIDER", "PROVIDERTYPE", "SECTOR"),
    "start_date": ("START", "STARTDATE", "PLACEMENTSTART", "PLACEMENTSTARTDATE", "DATEPLACED",
                   "DECOM", "FROM", "ADMISSIONDATE"),
    "end_date": ("END", "ENDDATE", "PLACEMENTEND", "PLACEMENTENDDATE", "DEC", "DATEENDED",
                 "DATELEFT", "TO"),
    "planned_end_date": ("PLANNEDEND", "PLANNEDENDDATE"),
    "weekly_fee_pence": ("FEE", "WEEKLYFEE", "WEEKLYCOST", "COST", "WEEKLYRATE", "RATE",
                         "COSTPERWEEK", "FEEPERWEEK"),
    "end_reason": ("REC", "ENDREASON", "REASONEPISODECEASED"),
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
                     "ethnicity", "upn", "legal_status"]  # fmt: skip
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
            (("start_date",), ("preferred_name", "la_reference"), ("setting_urn", "setting_name")),
        ),
    }


TARGETS = _targets()
IMPORTABLE = tuple(TARGETS)


def target(key: str) -> Target:
    if key not in TARGETS:
        find_list(key)  # an unknown list name gets the full explanation
        raise errors.ValidationError(
            f"Only these lists can be imported from a spreadsheet: {', '.join(IMPORTABLE)}."
        )
    return TARGETS[key]


# ---- the mapping: which field each column holds ---------------------------------------------


def guess_mapping(
    key: str, headers: Sequence[str], remembered: dict[str, str] | None = None
) -> Mapping:
    """For each column, the field its heading suggests (or the one confirmed last time)."""
    fields = target(key).fields
    remembered = remembered or {}
    taken: set[str] = set()
    mapping: list[str | None] = []
    for heading in headers:
        name = normalise_header(heading)
        if name in remembered:
            choice = remembered[name] or None
            found = choice if choice in {f.key for f in fields} else None
        else:
            found = next((f.key for f in fields if name and name in f.synonyms), None)
        if found in taken:
            found = None
        mapping.append(found)
        if found:
            taken.add(found)
    return tuple(mapping)


def guess_target(
    headers: Sequence[str], remembered: dict[str, dict[str, str]] | None = None
) -> str:
    """Whether the rows look like placements, children or providers (``remembered``: the
    mappings confirmed before, by list)."""
    remembered = remembered or {}
    mapped = {
        key: {f for f in guess_mapping(key, headers, remembered.get(key)) if f} for key in TARGETS
    }
    if {"start_date"} <= mapped["placements"] and len(mapped["placements"]) >= 3:
        return "placements"
    return "providers" if len(mapped["providers"]) > len(mapped["children"]) else "children"


def check_mapping(key: str, mapping: Mapping) -> None:
    """Refuses a mapping that leaves out what every row needs."""
    t = target(key)
    chosen = [f for f in mapping if f]
    if len(set(chosen)) != len(chosen):
        raise errors.ValidationError("Two columns are set to the same field. Choose one.")
    for needed in t.needs:
        if not set(needed) & set(chosen):
            names = " or ".join(t.field(n).label for n in needed)
            raise errors.ValidationError(f"No column holds the {names}, which every row needs.")


def remembered_mappings(store: Store) -> dict[str, dict[str, str]]:
    """Every mapping confirmed before: {list: {heading: field}}."""
    return dict(preferences.get(store, preferences.IMPORT_COLUMNS) or {})


def remembered_mapping(store: Store, key: str) -> dict[str, str]:
    return dict(remembered_mappings(store).get(key, {}))


def remember_mapping(store: Store, key: str, headers: Sequence[str], mapping: Mapping) -> None:
    """Keep the confirmed mapping, so the same headings are mapped the same way next time."""
    saved = remembered_mappings(store)
    known = dict(saved.get(key, {}))
    for heading, field in zip(headers, mapping, strict=False):
        if normalise_header(heading):
            known[normalise_header(heading)] = field or ""
    saved[key] = known
    preferences.put(store, preferences.IMPORT_COLUMNS, saved)


def _strict_mapping(store: Store, key: str, headers: Sequence[str]) -> Mapping:
    names = [normalise_header(h) for h in headers if normalise_header(h)]
    if len(set(names)) != len(names):
        raise errors.TransferError("A column heading appears twice in the file.")
    remembered = remembered_mapping(store, key)
    mapping = guess_mapping(key, headers, remembered)
    for heading, field in zip(headers, mapping, strict=True):
        name = normalise_header(heading)
        known = not name or name in EXPORT_ONLY or name in remembered or name.endswith("NAME")
        if field is None and not known:
            known_names = ", ".join(f.label for f in target(key).fields)
            raise errors.TransferError(
                f"The column {heading.strip()[:40]!r} is not one RelCom Desktop knows. "
                f"Use these headings: {known_names}."
            )
    return mapping


# ---- reading the cells --------------------------------------------------------------------------


def _plain_type(hint: Any) -> tuple[Any, bool]:
    """The field's type without ``| None``, and whether None is allowed."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], True
    return hint, False


def parse_cell(text: str, hint: Any, name: str) -> Any:
    """A cell converted for a field; ValueError says why not. Blank is None."""
    kind, _optional = _plain_type(hint)
    value = text.strip()
    if value.startswith("'") and value[1:].startswith(("=", "+", "-", "@")):
        value = value[1:]  # our own export's guard against spreadsheet formulas
    if not value:
        return None
    if kind is str:
        return value
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
    cleaned = value.replace("£", "").replace(",", "").strip()
    try:
        number = float(cleaned) if pence else int(cleaned)
    except ValueError:
        what = "an amount of money like 4,250.00" if pence else "a whole number"
        raise ValueError(f"{value[:30]!r} is not {what}") from None
    if not abs(number) < 1e12:
        raise ValueError(f"{value[:30]!r} is too large")
    return round(number * 100) if pence else int(number)


def _date(value: str) -> dt.date:
    text = value.split("T")[0].split(" ")[0]
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"{value[:30]!r} is not a date like 2024-03-31 or 31/03/2024")


def _row_values(t: Target, mapping: Mapping, cells: tuple[str, ...]) -> RowValues:
    extra = cells[len(mapping) :]
    if any(c.strip() for c in extra):
        raise ValueError("The row has more cells than there are headings.")
    values = {}
    for field_key, text in zip(mapping, cells, strict=False):
        if field_key is None:
            continue
        field = t.field(field_key)
        try:
            values[field_key] = parse_cell(text, field.hint, field_key)
        except ValueError as exc:
            raise ValueError(f"{field.label}: {exc}.") from None
    return {k: v for k, v in values.items() if v is not None}


# ---- preview and commit -----------------------------------------------------------------------


def _units(sheet: Sheet, key: str, mapping: Mapping) -> list[Unit]:
    t = target(key)
    check_mapping(key, mapping)
    save = ROW_SAVERS[key]()
    units = []
    for number, cells in sheet.rows:
        try:
            values = _row_values(t, mapping, cells)
        except ValueError as exc:
            units.append(Unit("", number, "—", save.nothing, [("", number, str(exc))]))
            continue
        units.append(Unit("", number, save.describe(values), save.apply_row(number, values)))
    return units


def preview_sheet(
    store: Store,
    sheet: Sheet,
    key: str,
    mapping: Mapping,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """What importing the sheet's rows would do; changes nothing."""
    units = _units(sheet, key, mapping)
    title = f"{target(key).title} from {sheet.name}"
    return run_import(store, title, units, commit=False, progress=progress, cancelled=cancelled)


def commit_sheet(
    store: Store,
    sheet: Sheet,
    key: str,
    mapping: Mapping,
    expected: ImportPreview | None = None,
    *,
    skip_rejected: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """Import the sheet's rows in one transaction: all of them, or (with rejected rows and
    without ``skip_rejected``) nothing."""
    units = _units(sheet, key, mapping)
    return run_import(
        store, f"{target(key).title} from {sheet.name}", units, commit=True,
        expected=expected, skip_rejected=skip_rejected, audit_kind=key,
        progress=progress, cancelled=cancelled,
    )  # fmt: skip


def import_csv(store: Store, key: str, path: Path, *, skip_rejected: bool = False) -> ImportPreview:
    """Import a CSV file or workbook into the list ``key`` (for the command line)."""
    target(key)
    return _import_strictly(store, key, read_sheet(Path(path)), skip_rejected)


def import_csv_text(store: Store, key: str, text: str) -> ImportPreview:
    target(key)
    return _import_strictly(store, key, sheet_from_text(text, "the file"), False)


def _import_strictly(store: Store, key: str, sheet: Sheet, skip_rejected: bool) -> ImportPreview:
    mapping = _strict_mapping(store, key, sheet.headers)
    try:
        return commit_sheet(store, sheet, key, mapping, skip_rejected=skip_rejected)
    except errors.ValidationError as exc:
        raise errors.TransferError(str(exc)) from None
