"""Reading a spreadsheet's rows for import: each row's values, the rows that are not records
(a totals row, a row with nothing in the imported columns), and the table of how the
wording in coded columns was read.

The wording table is what the import shows (and the command line prints): for each coded
field, each distinct wording in the file, how many cells hold it, and the code it reads as
(:mod:`relcom_desktop.core.interop.sheet_values`). The commissioner can change any of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from relcom_desktop.core.interop import sheet_values
from relcom_desktop.core.interop.sheet_fields import (
    FORMULA,
    TARGETS,
    UNCALCULATED,
    Target,
    parse_cell,
)
from relcom_desktop.core.interop.sheet_values import CODED, Chosen
from relcom_desktop.core.interop.spreadsheet import Sheet, normalise_header

Mapping = tuple[str | None, ...]  # for each column: the field it holds, or None
RowValues = dict[str, Any]
KNOWN = frozenset(name for t in TARGETS.values() for f in t.fields for name in f.synonyms)
TOTALS = re.compile(r"^\s*(grand\s*|sub\s*-?\s*)?(totals?|sum)\b", re.IGNORECASE)
TOTAL_FORMULA = re.compile(r"^=\s*(SUM|SUBTOTAL|AVERAGE|COUNTA?|AGGREGATE)\s*\(", re.IGNORECASE)


def row_values(
    t: Target,
    mapping: Mapping,
    cells: Sequence[str],
    chosen: Chosen,
    left_blank: list[str] | None = None,
) -> RowValues:
    """The row's values by field; ValueError says which cell cannot be read and why.

    A formula Excel never worked out, in a field a row can do without (a weekly cost), is
    left blank and its field's label added to ``left_blank``; in a field every row needs,
    it is a ValueError."""
    extra = cells[len(mapping) :]
    if any(c.strip() for c in extra):
        raise ValueError("The row has more cells than there are headings.")
    values: RowValues = {}
    implied: RowValues = {}  # what a wording implies ("IFA": a private provider)
    for field_key, text in zip(mapping, cells, strict=False):
        if field_key is None:
            continue
        field = t.field(field_key)
        try:
            if field_key in CODED:
                read = _coded(field_key, text, chosen)
                values[field_key] = read.pop(field_key, None)
                implied.update(read)
            else:
                values[field_key] = parse_cell(text, field.hint, field_key)
        except ValueError as exc:
            if left_blank is None or UNCALCULATED not in str(exc) or _needed(t, field_key):
                raise ValueError(f"{field.label}: {exc}.") from None
            left_blank.append(field.label)
    merged = {**implied, **{k: v for k, v in values.items() if v is not None}}
    return {k: v for k, v in merged.items() if v is not None and k in _keys(t)}


def _needed(t: Target, field_key: str) -> bool:
    return any(field_key in needed for needed in t.needs)


def formula_notes(left: Sequence[tuple[int, str]]) -> list[str]:
    """ "Weekly fee (£) in rows 5, 6 held formulas Excel had not worked out ..."."""
    by_field: dict[str, list[int]] = {}
    for row, label in left:
        by_field.setdefault(label, []).append(row)
    return [
        f"{label} in {'row' if len(rows) == 1 else 'rows'} {', '.join(map(str, rows))} held "
        "a formula Excel had not worked out, so it was left blank. Open the file in Excel, "
        "save it, and import it again to bring it in."
        for label, rows in by_field.items()
    ]


def _keys(t: Target) -> set[str]:
    return {f.key for f in t.fields}


def _coded(field_key: str, text: str, chosen: Chosen) -> RowValues:
    value = text.strip()
    if value.startswith("'") and value[1:].startswith(("=", "+", "-", "@")):
        value = value[1:]
    elif FORMULA.match(value):
        raise ValueError(f"{value[:30]!r} {UNCALCULATED}")
    if not value:
        return {}
    reading = sheet_values.read(field_key, value, chosen)
    if reading.code is None:
        raise ValueError(
            f"{value[:30]!r} is not a wording RelCom Desktop knows. Choose what it means in "
            "the import's table of wordings, or use the SSDA903 code"
        )
    return sheet_values.values_for(field_key, reading.code)


def skip_reason(
    t: Target, mapping: Mapping, cells: Sequence[str], headings: list[str] | None = None
) -> str | None:
    """Why a row is not a record, or None for a row to import: a totals row; nothing in the
    imported columns; one cell alone (a section heading, a note or a total) where a record
    needs more than one; the heading row repeated (``headings``, normalised)."""
    mapped = {f: cells[i] for i, f in enumerate(mapping) if f and i < len(cells)}
    if not any(text.strip() for text in mapped.values()):
        return "nothing in the imported columns"
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) == 1 and len(t.needs) > 1:  # a record needs more than one cell
        return "one cell only: a heading, a note or a total"
    if headings is not None and [normalise_header(c) for c in cells if c.strip()] == headings:
        return "the headings again"
    label = next((c.strip() for c in cells if TOTALS.match(c)), None)
    summed = any(TOTAL_FORMULA.match(c.strip()) for c in cells)
    if label is None and not summed:
        return None

    def says(field: str) -> bool:
        text = mapped.get(field, "").strip()
        return bool(text) and text != label and not TOTAL_FORMULA.match(text)

    if all(any(says(f) for f in needed) for needed in t.needs):
        return None  # a record that happens to mention a total
    return f"a totals row ({label[:30]!r})" if label else "a totals row (a sum)"


def skip_notes(skipped: Sequence[tuple[int, str]]) -> list[str]:
    """ "Left out: row 25 (a totals row ('Total weekly'))."""
    if not skipped:
        return []
    by_reason: dict[str, list[int]] = {}
    for row, reason in skipped:
        by_reason.setdefault(reason, []).append(row)
    parts = [
        f"{'row' if len(rows) == 1 else 'rows'} {', '.join(map(str, rows))} ({reason})"
        for reason, rows in by_reason.items()
    ]
    return [f"Left out, as they are not records: {'; '.join(parts)}."]


# ---- the table of wordings -------------------------------------------------------------------


@dataclass(frozen=True)
class Wording:
    """One wording found in a coded column, and how it reads."""

    field: str  # the field's key
    field_label: str  # "Placement type"
    wording: str  # as the file first writes it
    key: str  # sheet_values.key(wording)
    cells: int  # how many cells hold it
    code: str | None  # what it reads as (None: not recognised)
    how: str  # sheet_values.HOW_*

    @property
    def reads_as(self) -> str:
        if self.code is None:
            return "not recognised: choose what it means"
        return sheet_values.label(self.field, self.code)

    @property
    def asks(self) -> str:
        """What the commissioner must still say about this wording, if anything."""
        if self.code is None:
            return "Choose what it means."
        if sheet_values.needs_provider(self.field, self.code):
            return (
                "Say whether these carers are your authority's own (in-house) or an "
                "agency's: choose a choice that says so (or add a column saying it)."
            )
        return ""


def wordings(sheet: Sheet, key: str, mapping: Mapping, chosen: Chosen) -> list[Wording]:
    """Every distinct wording in the coded columns the mapping imports, with how it reads."""
    t = TARGETS[key]
    found: list[Wording] = []
    for index, field_key in enumerate(mapping):
        if field_key not in CODED:
            continue
        counts: dict[str, list[Any]] = {}
        for text in sheet.column(index):
            value = text.strip()
            if not value or TOTALS.match(value) or FORMULA.match(value):
                continue
            entry = counts.setdefault(sheet_values.key(value), [value, 0])
            entry[1] += 1
        label = t.field(field_key).label
        for wkey, (first, count) in counts.items():
            reading = sheet_values.read(field_key, first, chosen)
            found.append(Wording(field_key, label, first, wkey, count, reading.code, reading.how))
    return found


def wording_lines(found: Sequence[Wording]) -> list[str]:
    """The table of wordings as lines of text, for the command line."""
    return [
        f"  {w.field_label}: {w.wording!r} → {w.reads_as} ({w.how}, {w.cells} "
        f"{'cell' if w.cells == 1 else 'cells'})"
        for w in found
    ]
