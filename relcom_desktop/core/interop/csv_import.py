"""Importing a spreadsheet — CSV or an Excel workbook — of children, providers or placements.

Many commissioners keep a placement tracker in Excel; this reads it rather than have them
retype it.

1. :func:`relcom_desktop.core.interop.sheet_files.read_sheet` reads the file.
2. :func:`guess_target` and :func:`guess_mapping` say what the rows are and which field each
   column holds, from the headings ("DOB", "Date of birth", "Weekly cost" ...) and from the
   mapping the commissioner confirmed last time (:func:`remember_mapping`).
3. :func:`preview_sheet` says row by row what would be added or changed, and which rows are
   rejected and why; :func:`commit_sheet` does it all in one transaction, or nothing.

How cells are read is in :mod:`relcom_desktop.core.interop.sheet_fields`. A record already in
RelCom Desktop is found (a child by LA reference, else by
name and date of birth; a provider by name; a placement by child and start date) and only
the columns in the file are updated — a blank cell never clears anything. Every record is
checked by the same rules as the forms (see :mod:`relcom_desktop.core.interop.import_run`).

:func:`import_csv` is the command line's form (:func:`plan_import`, :func:`commit_plan`): no
one is there to confirm the mapping, so the columns whose headings it knows are imported and
the others left out (and listed); it refuses a file only when a column every row needs is
missing. The wording in coded columns ("S20", "IFA", "M") is read as
:mod:`relcom_desktop.core.interop.sheet_values` says, and the commissioner's earlier choices for
wordings (:func:`remember_wordings`) are used.

A tracker's title rows above its headings, and its totals row, are left out
(:mod:`relcom_desktop.core.interop.sheet_rows`); the preview's notes say which rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from relcom_desktop.core import errors, preferences
from relcom_desktop.core.interop.csv_export import find_list
from relcom_desktop.core.interop.import_run import ImportPreview, Unit, run_import
from relcom_desktop.core.interop.ofsted_csv import Cancelled, Progress
from relcom_desktop.core.interop.sheet_fields import TARGETS, Target
from relcom_desktop.core.interop.sheet_files import read_sheet
from relcom_desktop.core.interop.sheet_records import ROW_SAVERS
from relcom_desktop.core.interop.sheet_rows import (
    KNOWN,
    Mapping,
    Wording,
    formula_notes,
    row_values,
    skip_notes,
    skip_reason,
    wordings,
)
from relcom_desktop.core.interop.sheet_values import Chosen, read
from relcom_desktop.core.interop.spreadsheet import Sheet, normalise_header, sheet_from_text
from relcom_desktop.core.store.db import Store

EXPORT_ONLY = {"ID", "ARCHIVEDAT"}  # columns only an export has
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
    key: str,
    headers: Sequence[str],
    remembered: dict[str, str] | None = None,
    columns: Sequence[Sequence[str]] = (),
) -> Mapping:
    """For each column, the field its heading suggests (or the one confirmed last time).

    ``columns``: the column's values, if known. A column headed like a setting or provider
    whose values are all placement types ("Residential", "IFA") or kinds of provider
    ("In-house", "Private") is taken to hold those instead.
    """
    fields = target(key).fields
    remembered = remembered or {}
    taken: set[str] = set()
    mapping: list[str | None] = []
    for index, heading in enumerate(headers):
        name = normalise_header(heading)
        if name in remembered:
            choice = remembered[name] or None
            found = choice if choice in {f.key for f in fields} else None
        else:
            found = next((f.key for f in fields if name and name in f.synonyms), None)
            if found in BY_VALUES and index < len(columns):
                found = _by_values(found, columns[index], taken)
        if found in taken:
            found = None
        mapping.append(found)
        if found:
            taken.add(found)
    return tuple(mapping)


BY_VALUES = ("setting_name", "provider_name")


def _by_values(found: str, values: Sequence[str], taken: set[str]) -> str:
    samples = [v for v in values if v.strip()][:20]
    for field in ("placement_type", "provider_kind"):
        if samples and field not in taken and all(read(field, v).code for v in samples):
            return field
    return found


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


def remembered_wordings(store: Store) -> dict[str, dict[str, str]]:
    """The wordings the commissioner chose codes for: {field: {wording key: code}}."""
    return dict(preferences.get(store, preferences.IMPORT_WORDINGS) or {})


def remember_wordings(store: Store, chosen: Chosen) -> None:
    """Keep the codes chosen for wordings, so they read the same way next time."""
    saved = remembered_wordings(store)
    for field, choices in chosen.items():
        saved[field] = {**saved.get(field, {}), **choices}
    preferences.put(store, preferences.IMPORT_WORDINGS, saved)


def read_spreadsheet(path: Path, sheet: str | None = None) -> Sheet:
    """A spreadsheet to import: the sheet (or the one called ``sheet``) and heading row that
    name the fields RelCom Desktop knows (a tracker's title rows above its headings are left
    out)."""
    return read_sheet(Path(path), KNOWN, sheet)


# ---- the command line: no one is there to confirm the mapping ----------------------------------


@dataclass(frozen=True)
class SheetPlan:
    """What the command line will import: the guessed mapping, the columns it leaves out,
    and how the wordings in coded columns read."""

    sheet: Sheet
    key: str
    mapping: Mapping
    wordings: tuple[Wording, ...]

    @property
    def ignored(self) -> list[str]:
        return [
            h or f"column {i + 1}"
            for i, (h, f) in enumerate(zip(self.sheet.headers, self.mapping, strict=False))
            if f is None
            and (h or any(self.sheet.column(i)))
            and normalise_header(h) not in EXPORT_ONLY
        ]


def plan_import(store: Store, key: str, sheet: Sheet) -> SheetPlan:
    """The mapping the command line uses: every column whose heading it knows (or that was
    confirmed before); other columns are left out. Refuses a sheet without a needed column."""
    target(key)
    columns = [sheet.column(i) for i in range(len(sheet.headers))]
    mapping = guess_mapping(key, sheet.headers, remembered_mapping(store, key), columns)
    seen: dict[str, str | None] = {}
    for heading, field in zip(sheet.headers, mapping, strict=True):
        name = normalise_header(heading)
        if name and name in seen and (field or seen[name]):
            raise errors.TransferError(
                f"The column heading {heading.strip()[:40]!r} appears twice in the file. "
                "Keep one, or rename the other."
            )
        seen[name] = field
    plan = SheetPlan(sheet, key, mapping, ())
    try:
        check_mapping(key, mapping)
    except errors.ValidationError as exc:
        unknown = ", ".join(repr(h[:40]) for h in plan.ignored[:8])
        also = f" Columns it does not recognise: {unknown}." if unknown else ""
        raise errors.TransferError(f"{exc}{also}") from None
    chosen = remembered_wordings(store)
    return SheetPlan(sheet, key, mapping, tuple(wordings(sheet, key, mapping, chosen)))


# ---- preview and commit -----------------------------------------------------------------------


def _units(
    store: Store, sheet: Sheet, key: str, mapping: Mapping, chosen: Chosen | None
) -> tuple[list[Unit], list[str]]:
    t = target(key)
    check_mapping(key, mapping)
    chosen = remembered_wordings(store) if chosen is None else chosen
    save = ROW_SAVERS[key]()
    units: list[Unit] = []
    skipped: list[tuple[int, str]] = []
    left_blank: list[tuple[int, str]] = []
    headings = [normalise_header(h) for h in sheet.headers if h.strip()]
    for number, cells in sheet.rows:
        reason = skip_reason(t, mapping, cells, headings)
        if reason is not None:
            skipped.append((number, reason))
            continue
        blank: list[str] = []
        try:
            values = row_values(t, mapping, cells, chosen, blank)
        except ValueError as exc:
            units.append(Unit("", number, "—", save.nothing, [("", number, str(exc))]))
            continue
        left_blank += [(number, label) for label in blank]
        units.append(Unit("", number, save.describe(values), save.apply_row(number, values)))
    return units, [*sheet.notes, *skip_notes(skipped), *formula_notes(left_blank)]


def preview_sheet(
    store: Store,
    sheet: Sheet,
    key: str,
    mapping: Mapping,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    chosen: Chosen | None = None,
) -> ImportPreview:
    """What importing the sheet's rows would do; changes nothing. ``chosen``: the codes the
    commissioner chose for wordings (else the ones remembered)."""
    units, notes = _units(store, sheet, key, mapping, chosen)
    title = f"{target(key).title} from {sheet.name}"
    return run_import(
        store, title, units, commit=False, notes=notes, progress=progress, cancelled=cancelled
    )


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
    chosen: Chosen | None = None,
) -> ImportPreview:
    """Import the sheet's rows in one transaction: all of them, or (with rejected rows and
    without ``skip_rejected``) nothing."""
    units, notes = _units(store, sheet, key, mapping, chosen)
    return run_import(
        store, f"{target(key).title} from {sheet.name}", units, commit=True,
        expected=expected, skip_rejected=skip_rejected, notes=notes, audit_kind=key,
        progress=progress, cancelled=cancelled,
    )  # fmt: skip


def import_csv(store: Store, key: str, path: Path, *, skip_rejected: bool = False) -> ImportPreview:
    """Import a CSV file or workbook into the list ``key`` (for the command line)."""
    target(key)
    return commit_plan(store, plan_import(store, key, read_spreadsheet(path)), skip_rejected)


def import_csv_text(store: Store, key: str, text: str) -> ImportPreview:
    target(key)
    sheet = sheet_from_text(text, "the file", known=KNOWN)
    return commit_plan(store, plan_import(store, key, sheet), False)


def commit_plan(store: Store, plan: SheetPlan, skip_rejected: bool = False) -> ImportPreview:
    """Import as the plan says, all or nothing; a refusal is a :class:`errors.TransferError`."""
    try:
        return commit_sheet(store, plan.sheet, plan.key, plan.mapping, skip_rejected=skip_rejected)
    except errors.ValidationError as exc:
        raise errors.TransferError(str(exc)) from None
