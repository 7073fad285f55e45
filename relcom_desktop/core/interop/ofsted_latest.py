"""One row per setting from a file that may hold several per URN (Ofsted's in-year list has
one row per inspection): the latest inspection is kept, and what it leaves blank is filled in
from the URN's earlier rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from relcom_desktop.core.interop.ofsted_values import RowValues

# Facts about the setting (not about one inspection) that an earlier row may supply.
DESCRIBING = (
    "setting_name", "provider_name", "provision_type", "provider_kind", "setting_type",
    "local_authority", "region", "places", "postcode", "address",
)  # fmt: skip


@dataclass(frozen=True)
class Superseded:
    """A row left out because a later inspection of the same setting is in the file."""

    line: int
    urn: str
    name: str
    kept_line: int


def _order(row: RowValues) -> tuple[dt.date, dt.date, int]:
    return (row.inspected_on or dt.date.min, row.published_on or dt.date.min, row.line)


def _merged(group: list[RowValues], dates_go_with_judgements: bool) -> RowValues:
    ordered = sorted(group, key=_order, reverse=True)
    latest = ordered[0]
    filled = {
        name: next((v for r in ordered if (v := getattr(r, name)) is not None), None)
        for name in DESCRIBING
    }
    latest = replace(latest, **filled)
    if dates_go_with_judgements and latest.judgement is None:
        # An inspection that graded nothing (or a blank judgement) does not date the
        # judgement on record: the latest graded inspection in the file does, if any.
        graded = next((r for r in ordered if r.judgement is not None), None)
        latest = replace(
            latest,
            judgement=graded.judgement if graded else None,
            inspected_on=graded.inspected_on if graded else None,
        )
    return latest


def latest_per_urn(
    rows: list[RowValues], *, dates_go_with_judgements: bool
) -> tuple[list[RowValues], list[Superseded]]:
    """(one row per URN in file order, the rows left out for a later one)."""
    groups: dict[str, list[RowValues]] = {}
    for row in rows:
        groups.setdefault(row.urn, []).append(row)
    kept: list[RowValues] = []
    superseded: list[Superseded] = []
    for group in groups.values():
        row = _merged(group, dates_go_with_judgements)
        kept.append(row)
        superseded += [
            Superseded(r.line, r.urn, r.setting_name or "", row.line)
            for r in group
            if r.line != row.line
        ]
    kept.sort(key=lambda r: r.line)
    superseded.sort(key=lambda s: s.line)
    return kept, superseded
