"""Each kind of report, read back from the PDF: pages, marking, numbering, headings."""

from __future__ import annotations

from pathlib import Path

import pytest

from relcom_desktop import __version__, reports
from relcom_desktop.core.enums import AuditKind
from relcom_desktop.reports import PackSection, Paper, ReportKind
from tests.reports.conftest import (
    assert_every_page_marked_and_numbered,
    audit_ids,
    new_audit_events,
    read_pdf,
)

CHILD_HEADINGS = [
    "About me and the child's voice",
    "Family and links",
    "Placement history",
    "Latest check-in",
    "Outcomes over time",
    "Latest Quality Standards review",
    "Open actions",
]
PROVIDER_HEADINGS = [
    "Settings and Ofsted judgements",
    "Children placed and weekly spend",
    "The relationship over time",
    "Trust, monthly average of journal entries",
    "Concerns and praise per quarter",
    "Regulation 44 and 45 reports",
    "Open follow-ups",
    "Journal excerpts",
]
MEETING_HEADINGS = ["Attendees", "Agenda and notes", "Decisions", "Actions"]


def test_child_summary(demo, child_one, tmp_path: Path) -> None:
    out = tmp_path / "child.pdf"
    result = reports.build_child_summary(demo, 1, out)
    pdf = read_pdf(out)
    assert result.pages == len(pdf.pages) >= 3
    assert_every_page_marked_and_numbered(pdf)
    name = child_one.preferred_name
    assert f"Child summary: {name}" in pdf.pages[0]
    for heading in CHILD_HEADINGS:
        assert heading in pdf.text
    assert f"RelCom Desktop {__version__}" in pdf.pages[0]
    assert pdf.metadata["/Title"] == f"Child summary: {name}"
    assert pdf.sizes[0] == pytest.approx((595.28, 841.89), abs=0.1)  # A4


def test_provider_summary(demo, tmp_path: Path) -> None:
    out = tmp_path / "provider.pdf"
    result = reports.build_provider_summary(demo, 1, out)
    pdf = read_pdf(out)
    assert result.pages == len(pdf.pages)
    assert_every_page_marked_and_numbered(pdf)
    for heading in PROVIDER_HEADINGS:
        assert heading in pdf.text
    assert "weekly spend £" in pdf.text


def test_meeting_minutes(demo, tmp_path: Path) -> None:
    out = tmp_path / "meeting.pdf"
    reports.build_meeting_minutes(demo, 1, out)
    pdf = read_pdf(out)
    assert_every_page_marked_and_numbered(pdf)
    assert pdf.pages[0].count("Minutes:") >= 1
    for heading in MEETING_HEADINGS:
        assert heading in pdf.text


def test_letter_paper(demo, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    reports.build_child_summary(demo, 2, out, paper=Paper.LETTER)
    pdf = read_pdf(out)
    assert set(pdf.sizes) == {(612.0, 792.0)}
    assert_every_page_marked_and_numbered(pdf)


def test_review_pack_has_cover_contents_bookmarks_and_links(
    demo, child_one, tmp_path: Path
) -> None:
    out = tmp_path / "pack.pdf"
    result = reports.build_review_pack(demo, out, child_id=1)
    pdf = read_pdf(out)
    assert result.kind is ReportKind.CHILD_PACK
    assert_every_page_marked_and_numbered(pdf)
    summary = f"Child summary: {child_one.preferred_name}"
    assert "Review pack" in pdf.pages[0] and f"Child: {child_one.preferred_name}" in pdf.pages[0]
    assert "Contents" in pdf.pages[1]
    for section in (summary, "Provider relationship summary: ", "Meeting minutes"):
        assert any(title.startswith(section) for title in pdf.outline), section
        assert section in pdf.pages[1]
    assert "Reflections" in pdf.outline
    # The contents page lists a heading with the page it is on, and links to it.
    child_page = next(i for i, p in enumerate(pdf.pages) if summary in p and i > 1)
    assert f"{summary} {child_page + 1}" in pdf.pages[1].replace("\n", " ")
    links = [a.get_object() for a in pdf.reader.pages[1].get("/Annots", [])]
    assert len(links) >= len([t for t in pdf.outline if t]) // 2
    assert all(link["/Subtype"] == "/Link" for link in links)


def test_provider_pack_holds_a_summary_per_child_placed(demo, tmp_path: Path) -> None:
    out = tmp_path / "provider-pack.pdf"
    sections = (PackSection.PROVIDERS, PackSection.CHILDREN)
    reports.build_review_pack(demo, out, provider_id=1, sections=sections)
    pdf = read_pdf(out)
    assert_every_page_marked_and_numbered(pdf)
    assert "Children placed" in pdf.outline
    summaries = [t for t in pdf.outline if t.startswith("Child summary:")]
    placed = pdf.text.split("children placed on")[0].rsplit("\n", 1)[-1]
    assert summaries and str(len(summaries)) in placed
    assert "Meeting minutes" not in pdf.outline
    # Every page's drawing is stored compressed, as binary (no ASCII85): the file stays small.
    for page in pdf.reader.pages:
        assert page["/Contents"].get_object()["/Filter"] == ["/FlateDecode"]


def test_an_export_is_audited_without_personal_content(demo, child_one, tmp_path: Path) -> None:
    before = audit_ids(demo)
    result = reports.build_child_summary(demo, 1, tmp_path / "audited.pdf", redact=True)
    [event] = new_audit_events(demo, before)
    assert (event.kind, event.record_kind, event.record_id) == (AuditKind.EXPORT, "child", 1)
    assert event.detail == f"Child summary PDF, {result.pages} pages, A4, redacted"
    assert child_one.preferred_name not in event.detail


def test_printing_is_audited(demo, tmp_path: Path) -> None:
    result = reports.build_meeting_minutes(demo, 1, tmp_path / "m.pdf")
    before = audit_ids(demo)
    reports.record_print(demo, result)
    [event] = new_audit_events(demo, before)
    assert (event.kind, event.record_kind, event.record_id) == (AuditKind.PRINT, "meeting", 1)


def test_progress_runs_from_reading_to_finished(demo, tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    reports.build_review_pack(
        demo, tmp_path / "p.pdf", provider_id=1, progress=lambda *a: seen.append(a)
    )
    labels = [label for _d, _t, label in seen]
    assert labels[0] == "Reading records"
    assert "Laying out pages" in labels
    assert labels[-1].startswith("Finished")
    layout = [(d, t) for d, t, label in seen if label == "Laying out pages"]
    assert [d for d, _t in layout] == sorted(d for d, _t in layout)
    assert all(0 <= d <= t for d, t in layout)
