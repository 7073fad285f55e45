"""Importing a spreadsheet — CSV or an Excel workbook — of children, providers or placements.

Many commissioners keep a placement tracker in Excel; this reads it rather than have them
retype it.

1. :func:`relcom_desktop.core.spreadsheet.read_sheet` reads the file.
2. :func:`guess_target` and :func:`guess_mapping` say what the rows are and which field each
   column holds, from the headings ("DOB", "Date of birth", "Weekly cost" ...) and from the
   mapping the commissioner confirmed last time (:func:`remember_mapping`).
3. :func:`preview_sheet` says row by row what would be added or changed, and which rows are
   rejected and why; :func:`commit_sheet` does it all in one transaction, or nothing.

How cells are read is in :mod:`relcom_desktop.core.sheet_fields`. A record already in
RelCom Desktop is found (a child by LA reference, else by
name and date of birth; a provider by name; a placement by child and start date) and only
the columns in the file are updated — a blank cell never clears anything. Every record is
checked by the same rules as the forms (see :mod:`relcom_desktop.core.import_run`).

:func:`import_csv` is the command line's form: no one is there to confirm the mapping, so
every heading must be one RelCom Desktop knows (as its own CSV export writes them).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from relcom_desktop.core import errors, preferences
from relcom_desktop.core.csv_export import find_list
from relcom_desktop.core.db import Store
from relcom_desktop.core.import_run import ImportPreview, Unit, run_import
from relcom_desktop.core.ofsted_csv import Cancelled, Progress
from relcom_desktop.core.sheet_fields import TARGETS, Target, parse_cell
from relcom_desktop.core.sheet_records import ROW_SAVERS, RowValues
from relcom_desktop.core.spreadsheet import Sheet, normalise_header, read_sheet, sheet_from_text

EXPORT_ONLY = {"ID", "ARCHIVEDAT"}  # columns only an export has
IMPORTABLE = tuple(TARGETS)
Mapping = tuple[str | None, ...]  # for each column: the field it holds, or None


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
