"""Bad input gives one clear message and never a traceback or a half-written file."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from relcom_desktop import reports
from relcom_desktop.cli import main
from relcom_desktop.core import clock
from relcom_desktop.core.checkins import CheckIn, OutcomeScore, create_check_in
from relcom_desktop.core.children import Child, create_child
from relcom_desktop.core.enums import Outcome, OutcomeRating
from relcom_desktop.core.errors import NotFoundError, RelcomError, ValidationError
from relcom_desktop.core.meetings import Meeting, create_meeting
from relcom_desktop.core.providers import Provider, create_provider
from relcom_desktop.reports import BuildCancelled, ReportKind, ReportOptions
from relcom_desktop.reports.build import build_report
from relcom_desktop.reports.output import atomic_output
from relcom_desktop.reports.redaction import initials
from tests.reports.conftest import assert_every_page_marked_and_numbered, read_pdf


@pytest.mark.parametrize("kind", [kind for kind in ReportKind if kind.needs_record])
def test_an_unknown_id_is_a_clear_message_and_no_file(store, tmp_path: Path, kind) -> None:
    out = tmp_path / "out.pdf"
    with pytest.raises(NotFoundError, match=r"There is no (child|provider|meeting) with id 404"):
        build_report(store, kind, 404, out)
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_a_missing_folder_is_a_clear_message(store, tmp_path: Path) -> None:
    child = create_child(store, Child(preferred_name="Ash"))
    with pytest.raises(RelcomError, match=r"does not exist\. Nothing was written"):
        reports.build_child_summary(store, child.id, tmp_path / "nope" / "out.pdf")


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_a_clear_message(store, tmp_path: Path) -> None:
    child = create_child(store, Child(preferred_name="Ash"))
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(RelcomError, match="permission"):
        reports.build_child_summary(store, child.id, locked / "out.pdf")


def test_a_write_failure_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the earlier pack")
    with pytest.raises(RelcomError, match="disk is full"), atomic_output(target) as file:
        file.write(b"half a new pack")
        raise OSError(28, "No space left on device")  # the disk fills up half way
    assert target.read_bytes() == b"the earlier pack"
    assert list(tmp_path.iterdir()) == [target]


def test_a_full_disk_is_explained(tmp_path: Path, monkeypatch) -> None:
    def full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "a.pdf"
    with pytest.raises(RelcomError, match=r"(?i)the disk is full"), atomic_output(target):
        pass
    assert list(tmp_path.iterdir()) == []


def test_cancel_stops_the_build_and_writes_nothing(demo, tmp_path: Path) -> None:
    target = tmp_path / "pack.pdf"
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 40  # part way through laying out the pages

    with pytest.raises(BuildCancelled):
        reports.build_review_pack(demo, target, provider_id=1, cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_a_record_with_only_a_name_prints_with_plain_notes(store, tmp_path: Path) -> None:
    child = create_child(store, Child(preferred_name="Ash"))
    provider = create_provider(store, Provider(name="Empty Care Ltd"))
    meeting = create_meeting(store, Meeting("Catch-up", dt.datetime(2026, 1, 5, 10, 0)))
    for kind, record_id in [
        (ReportKind.CHILD, child.id),
        (ReportKind.PROVIDER, provider.id),
        (ReportKind.MEETING, meeting.id),
        (ReportKind.CHILD_PACK, child.id),
        (ReportKind.PROVIDER_PACK, provider.id),
    ]:
        out = tmp_path / f"{kind.value}.pdf"
        build_report(store, kind, record_id, out, ReportOptions(redact=True))
        pdf = read_pdf(out)
        assert_every_page_marked_and_numbered(pdf)
    text = read_pdf(tmp_path / "child.pdf").text
    for note in ("No check-ins recorded yet.", "No placements recorded.", "Not recorded"):
        assert note in text
    assert "No journal entries in the period." in read_pdf(tmp_path / "provider.pdf").text
    assert "No attendees recorded." in read_pdf(tmp_path / "meeting.pdf").text


def test_a_period_that_ends_before_it_starts_is_refused(store, tmp_path: Path) -> None:
    provider = create_provider(store, Provider(name="Harbour Homes"))
    with pytest.raises(ValidationError, match="start of the period"):
        reports.build_provider_summary(
            store,
            provider.id,
            tmp_path / "p.pdf",
            date_from=dt.date(2026, 5, 1),
            date_to=dt.date(2026, 1, 1),
        )


def test_a_pack_is_for_one_child_or_one_provider(store, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="one child or one provider"):
        reports.build_review_pack(store, tmp_path / "p.pdf")
    with pytest.raises(ValidationError, match="one child or one provider"):
        reports.build_review_pack(store, tmp_path / "p.pdf", child_id=1, provider_id=1)


# ---- the command line ------------------------------------------------------------------


def _cli(folder: Path, *args: str) -> int:
    return main(["--data-dir", str(folder), "report", *args])


def test_cli_prints_each_kind(demo, child_one, tmp_path: Path, capsys) -> None:
    folder = demo.path.parent
    assert _cli(folder, "child", "1", "-o", str(tmp_path / "c.pdf"), "--redact") == 0
    assert _cli(folder, "provider", "1", "-o", str(tmp_path / "p.pdf"), "--paper", "letter") == 0
    assert _cli(folder, "meeting", "1", "-o", str(tmp_path / "m.pdf")) == 0
    args = ["pack", "--provider", "1", "--sections", "providers", "meetings", "-o"]
    assert _cli(folder, *args, str(tmp_path / "pp.pdf")) == 0
    assert _cli(folder, "pack", "--child", "1", "-o", str(tmp_path / "cp.pdf")) == 0
    assert "Wrote " in capsys.readouterr().err
    redacted = read_pdf(tmp_path / "c.pdf").pages[0]
    assert "Redacted copy" in redacted
    assert not re.search(rf"\b{re.escape(child_one.preferred_name)}\b", redacted)
    assert initials(child_one.preferred_name, child_one.full_name) in redacted
    assert read_pdf(tmp_path / "p.pdf").sizes[0] == (612.0, 792.0)
    outline = read_pdf(tmp_path / "pp.pdf").outline
    assert "Meeting minutes" in outline and "Children placed" not in outline


def test_cli_errors_are_one_line_and_exit_2(demo, tmp_path: Path, capsys) -> None:
    folder = demo.path.parent
    assert _cli(folder, "child", "404", "-o", str(tmp_path / "c.pdf")) == 2
    assert capsys.readouterr().err.splitlines() == [  # no progress lines when not a terminal
        "relcom: There is no child with id 404. It may have been deleted."
    ]
    assert _cli(folder, "child", "1", "-o", str(tmp_path / "no" / "c.pdf")) == 2
    assert "does not exist" in capsys.readouterr().err
    assert _cli(tmp_path / "empty", "child", "1", "-o", str(tmp_path / "c.pdf")) == 2
    assert "There is no RelCom Desktop data" in capsys.readouterr().err
    assert not (tmp_path / "empty").exists()
    assert list(tmp_path.iterdir()) == []  # no PDF, no half file, no data folder made


def test_cli_rejects_an_unknown_section(demo, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        _cli(demo.path.parent, "pack", "--child", "1", "--sections", "gossip", "-o", "x.pdf")
    assert exit_info.value.code == 2
    assert "'gossip' is not a section" in capsys.readouterr().err


def test_very_long_text_flows_over_pages_in_paragraphs_and_tables(store, tmp_path) -> None:
    child = create_child(store, Child(preferred_name="Ash", about_me="word " * 6000))
    evidence = OutcomeScore(Outcome.HAPPY, OutcomeRating.GOING_WELL, "evidence " * 3000)
    create_check_in(store, CheckIn(child.id, clock.today(), (evidence,)))
    result = reports.build_child_summary(store, child.id, tmp_path / "long.pdf")
    pdf = read_pdf(tmp_path / "long.pdf")
    assert result.pages == len(pdf.pages) > 10
    assert_every_page_marked_and_numbered(pdf)
    assert pdf.text.count("evidence") > 2500  # nothing was cut off


def test_a_layout_failure_is_a_clear_message(store, tmp_path, monkeypatch) -> None:
    from reportlab.platypus import LayoutError

    from relcom_desktop.reports.document import ReportDocument

    def fail(*_args, **_kwargs):
        raise LayoutError("too large")

    monkeypatch.setattr(ReportDocument, "build", fail)
    child = create_child(store, Child(preferred_name="Ash"))
    with pytest.raises(RelcomError, match="too large to fit on a page"):
        reports.build_child_summary(store, child.id, tmp_path / "x.pdf")
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]
