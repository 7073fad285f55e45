"""The reflective practice summary and the "My practice" pack section, read back from PDFs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from relcom_desktop import reports
from relcom_desktop.cli import main
from relcom_desktop.core import reflection as svc
from relcom_desktop.core.enums import AuditKind, LearningChange, PracticeShift
from relcom_desktop.core.errors import ValidationError
from relcom_desktop.core.store.db import Store, open_store
from relcom_desktop.reports import DEFAULT_SECTIONS, PackSection, ReportKind
from tests.core.factories import a_child
from tests.reports.conftest import (
    TODAY,
    assert_every_page_marked_and_numbered,
    audit_ids,
    new_audit_events,
    read_pdf,
)

SUMMARY_HEADINGS = [
    "Reflective practice summary",
    "Where I place myself",
    "Each shift over time",
    "What the record suggests",
    "Reflections per change",
    "Learning log",
]


def test_the_summary_for_supervision(demo: Store, tmp_path: Path) -> None:
    out = tmp_path / "practice.pdf"
    before = audit_ids(demo)
    result = reports.build_practice_summary(demo, out, today=TODAY)
    pdf = read_pdf(out)
    assert result.kind is ReportKind.PRACTICE and result.record_id is None
    assert_every_page_marked_and_numbered(pdf)
    for heading in SUMMARY_HEADINGS:
        assert heading in pdf.outline, heading
    text = pdf.text.replace("\n", " ")
    assert "For supervision or appraisal" in text
    assert "Indicators from the record, not scores" in text
    assert "Journal entries that name a child" in text
    assert all(change.label in text for change in LearningChange)
    assert sum(t.startswith("Reflection of") for t in pdf.outline) == len(
        svc.list_reflections(
            demo, svc.ReflectionFilter(date_from=TODAY - dt.timedelta(days=365), date_to=TODAY)
        )
    )
    [event] = new_audit_events(demo, before)
    assert (event.kind, event.record_kind, event.record_id) == (AuditKind.EXPORT, "", None)


def test_my_practice_goes_into_a_pack_only_when_chosen(demo: Store, tmp_path: Path) -> None:
    assert PackSection.PRACTICE not in DEFAULT_SECTIONS
    plain = read_pdf(_pack(demo, tmp_path / "plain.pdf"))
    assert "My practice" not in plain.outline
    chosen = (PackSection.PROVIDERS, PackSection.PRACTICE)
    pdf = read_pdf(_pack(demo, tmp_path / "mine.pdf", sections=chosen))
    assert_every_page_marked_and_numbered(pdf)
    assert pdf.outline.index("My practice") > pdf.outline.index("Settings and Ofsted judgements")
    for heading in ("Where I place myself", "What the record suggests", "Reflections per change"):
        assert heading in pdf.outline
    assert "Learning log" not in pdf.outline  # the pack keeps to its own reflections


def _pack(store: Store, out: Path, **kw: object) -> Path:
    reports.build_review_pack(store, out, provider_id=1, today=TODAY, **kw)
    return out


@pytest.fixture
def empty(tmp_path: Path) -> Store:
    store = open_store(tmp_path / "empty")
    yield store
    store.close()


def test_an_empty_record_says_what_is_missing(empty: Store, tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    reports.build_practice_summary(empty, out, today=TODAY)
    text = read_pdf(out).text.replace("\n", " ")
    assert "No self-assessment recorded by the end of the period." in text
    assert "No journal entries in the period" in text
    assert "Not yet reflected on in the period: From product to learning;" in text
    assert "No reflections written in the period." in text


def test_the_period_bounds_the_summary_and_redaction_hides_names(
    empty: Store, tmp_path: Path
) -> None:
    zeb = a_child(empty, "Zebedee", full_name="Zebedee Quillfeather")
    written = [
        (dt.date(2025, 2, 1), LearningChange.AUDITING),
        (dt.date(2025, 8, 1), LearningChange.COLLEGIALITY),
    ]
    for on, change in written:
        svc.create_reflection(
            empty,
            svc.Reflection(on, (change,), what_happened="Zebedee chose his room", child_id=zeb.id),
        )
    for on, position in ((dt.date(2024, 12, 1), 2), (dt.date(2025, 6, 1), 6)):
        svc.create_assessment(
            empty, svc.SelfAssessment(on, (svc.ShiftPosition(PracticeShift.ENABLER, position),))
        )
    out = tmp_path / "redacted.pdf"
    reports.build_practice_summary(
        empty, out, redact=True, date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 6, 30)
    )
    pdf = read_pdf(out)
    assert "Zebedee" not in pdf.everything and "Quillfeather" not in pdf.everything
    assert [t for t in pdf.outline if t.startswith("Reflection of")] == ["Reflection of 1 Feb 2025"]
    text = pdf.text.replace("\n", " ")
    assert "1 Dec 2024 1 Jun 2025" in text  # started from before the period, ended in it
    assert "Contract enforcer → system enabler 2 6" in text


def test_a_period_that_ends_before_it_starts_is_refused(empty: Store, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="start of the period"):
        reports.build_practice_summary(
            empty, tmp_path / "x.pdf", date_from=dt.date(2025, 2, 1), date_to=dt.date(2025, 1, 1)
        )
    assert not (tmp_path / "x.pdf").exists()


def test_the_command_line_prints_the_summary(
    empty: Store, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    folder = Path(empty.path).parent
    out = tmp_path / "cli.pdf"
    args = ["--data-dir", str(folder), "report", "practice", "-o", str(out)]
    assert main([*args, "--from", "2025-01-01", "--to", "2025-12-31"]) == 0
    assert "Reflective practice summary" in read_pdf(out).outline
    assert main([*args, "--from", "2025-12-31", "--to", "2025-01-01"]) == 2
    assert "start of the period" in capsys.readouterr().err
