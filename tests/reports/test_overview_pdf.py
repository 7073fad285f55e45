"""The system overview as a PDF section: flowables for a pack, and a stand-alone document."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable

from relcom_desktop.core.errors import RelcomError
from relcom_desktop.core.overview import system_overview
from relcom_desktop.reports.overview import overview_flowables, write_overview_pdf
from tests.core.factories import a_child, a_placement, a_provider, a_setting

T = dt.date(2025, 6, 11)


@pytest.fixture
def overview(store):
    provider = a_provider(store, "Harbour Homes")
    setting = a_setting(store, provider.id, "Oak House")
    for name in ("Ash", "Bea"):
        a_placement(store, a_child(store, name).id, setting.id, T - dt.timedelta(days=40))
    return system_overview(store, T)


def test_flowables_for_a_review_pack(overview) -> None:
    story = overview_flowables(overview)
    assert story and all(isinstance(f, Flowable) for f in story)


def test_a_pdf_with_every_figure_marked_official_sensitive(overview, tmp_path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    path = out / "overview.pdf"
    write_overview_pdf(overview, path)
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    for figure in overview.figures:
        assert figure.title in text
    assert "2 children in placement on 11 June 2025" in text
    assert all("OFFICIAL-SENSITIVE" in page.extract_text() for page in reader.pages)
    assert [p.name for p in out.iterdir()] == ["overview.pdf"]  # no temporary file left


def test_a_failed_write_leaves_nothing(overview, tmp_path) -> None:
    with pytest.raises(RelcomError):
        write_overview_pdf(overview, tmp_path / "missing" / "overview.pdf")
    assert not (tmp_path / "missing").exists()
