"""The readable PDF of a subject access export: everything held about one child.

In the shared report look (marking, title, "Page X of Y" on every page): a cover section,
then one section per kind of record, each record as a two-column table of its
filled-in fields. Codes are shown by their labels and dates as "24 Nov 2026".

``export_child`` writes the JSON (from the core) and this PDF into a folder and notes it in the
audit trail. File names carry the child's record number, never their name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from relcom_desktop.core import errors
from relcom_desktop.core.interop import rowcodec
from relcom_desktop.core.interop.csv_export import header_for
from relcom_desktop.core.store.db import Store
from relcom_desktop.core.store.files import atomic_path
from relcom_desktop.core.subject_access import (
    ChildRecords,
    collect,
    is_link_table,
    record_export,
    write_json,
)
from relcom_desktop.reports import styles as st
from relcom_desktop.reports.document import ReportDocument
from relcom_desktop.reports.options import Paper

TITLE = "Subject access export"
SKIP = {"id", "deleted_at"}
TITLES = {
    "family_link": "Family and community links",
    "legal_status_period": "Legal status over time",
    "child_plan": "Plans",
    "looked_after_review": "Looked-after reviews",
    "check_in": "Check-ins",
    "check_in_outcome": "Check-in outcome ratings",
    "placement": "Placements",
    "placement_review": "Placement reviews",
    "placement_review_standard": "Placement review: Quality Standards",
    "journal_entry": "Journal entries that mention the child",
    "meeting": "Meetings about the child",
    "meeting_attendee": "Meeting attendees",
    "agenda_item": "Meeting agenda items",
    "decision": "Meeting decisions",
    "action": "Actions",
    "reflection": "Reflections",
    "reg40_notification": "Regulation 40 notifications",
    "setting": "Settings referred to",
    "provider": "Providers referred to",
}
NOTE = (
    "This is everything RelCom Desktop holds about the child named above. Before sharing it, "
    "check it for information about other people (family members, carers, other children) "
    "and redact what the law requires."
)


def title_for(table_name: str) -> str:
    return TITLES.get(table_name, table_name.replace("_", " ").capitalize())


def field_label(name: str) -> str:
    return header_for(name).removesuffix(" Id").replace(" (£)", "") + (
        " (record no.)" if name.endswith("_id") else ""
    )


def _shown(table_name: str) -> set[str]:
    """Fields worth printing: not the record number, not the link back to the child."""
    table = rowcodec.table_named(table_name)
    if table is None or is_link_table(table):
        return set()
    to_child = {fk.parent.name for fk in table.foreign_keys if fk.column.table.name == "child"}
    return {c.name for c in table.columns} - SKIP - to_child


def readable(table_name: str, name: str, value: Any) -> str:
    """A stored JSON value as a person would read it."""
    table = rowcodec.table_named(table_name)
    column = table.columns.get(name) if table is not None else None
    kind = rowcodec.kind_of(column) if column is not None else "text"
    if kind == "enum" and column is not None:
        member = rowcodec.enum_class(column)(value)
        return str(getattr(member, "label", value))
    if kind == "date":
        return dt.date.fromisoformat(value).strftime("%-d %b %Y")
    if kind == "datetime":
        return dt.datetime.fromisoformat(value).strftime("%-d %b %Y %H:%M")
    if kind == "boolean":
        return "Yes" if value else "No"
    if name.endswith("_pence") and isinstance(value, int):
        return f"£{value / 100:,.2f}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _record_table(table_name: str, row: dict[str, Any]) -> Table:
    shown = _shown(table_name) if table_name != "child" else set(row) - SKIP
    cells = [
        [
            Paragraph(escape(field_label(name)), st.styles().cell_bold),
            Paragraph(
                escape(readable(table_name, name, value)).replace("\n", "<br/>"), st.styles().cell
            ),
        ]
        for name, value in row.items()
        if name in shown and value not in (None, "", [])
    ]
    width = st.frame_width(Paper.A4)
    table = Table(cells or [["", ""]], colWidths=[45 * mm, width - 45 * mm])
    table.setStyle(TableStyle(st.fields_commands()))
    return table


def _story(records: ChildRecords) -> list[Any]:
    styles = st.styles()
    child = records.child
    name = child.get("full_name") or child.get("preferred_name") or ""
    produced = records.produced_on.strftime("%-d %B %Y")
    by = ", ".join(filter(None, [records.produced_by, records.authority]))
    story: list[Any] = [
        Paragraph(escape(f"Everything held about {name}"), styles.title),
        Paragraph(escape(f"Produced on {produced}" + (f" by {by}" if by else "")), styles.body),
        Spacer(1, 4 * mm),
        Paragraph(escape(NOTE), styles.body),
        Paragraph("The child", styles.headings[1]),
        _record_table("child", child),
    ]
    for group in (records.records, records.context):
        for table_name, rows in group.items():
            if not _shown(table_name):
                continue  # a bare link table: its rows are shown in their own sections
            story.append(
                Paragraph(escape(f"{title_for(table_name)} ({len(rows)})"), styles.headings[1])
            )
            story.extend(
                KeepTogether([_record_table(table_name, row), Spacer(1, 2 * mm)]) for row in rows
            )
    return story


def build_pdf(records: ChildRecords, path: Path) -> None:
    document = ReportDocument(
        str(path),
        title=TITLE,
        subject="Everything held about one child",
        paper=Paper.A4,
        redacted=False,
        generated=records.produced_on,
    )
    document.render(_story(records))


@dataclass(frozen=True)
class SubjectAccessFiles:
    json_path: Path
    pdf_path: Path
    rows: int


def export_child(store: Store, child_id: int, folder: Path) -> SubjectAccessFiles:
    """Write the child's JSON and PDF into ``folder``; audited (no personal content)."""
    records = collect(store, child_id)
    folder = Path(folder)
    stem = f"subject-access-child-{child_id}-{records.produced_on.isoformat()}"
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_json(records, json_path)
        with atomic_path(pdf_path) as temp:
            build_pdf(records, temp)
    except OSError as exc:
        raise errors.TransferError(f"Could not write into {folder}: {exc.strerror}.") from None
    return SubjectAccessFiles(json_path, pdf_path, record_export(store, child_id, records))
