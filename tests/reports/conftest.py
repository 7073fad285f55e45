"""Fixtures for report tests: a small demo caseload, and reading PDFs back with pypdf."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from relcom_desktop.core import clock
from relcom_desktop.core.children import Child, get_child
from relcom_desktop.core.demo import build_demo
from relcom_desktop.core.store.audit import AuditEvent, recent_events
from relcom_desktop.core.store.db import Store, open_store

TODAY = clock.today()  # the day the reports are printed ("Generated ...")
# The demo caseload is built around fixed days, so its records (and names) never depend on the
# calendar; two days far apart show that the reports hold whatever day the records sit around.
DEMO_DAYS = (dt.date(2026, 11, 25), dt.date(2027, 6, 14))


@pytest.fixture(scope="session", params=DEMO_DAYS, ids=str)
def demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """The small demo caseload, shared by tests that only read it."""
    opened = open_store(tmp_path_factory.mktemp("small-demo"))
    build_demo(opened, "small", seed=1, today=request.param)
    yield opened
    opened.close()


@pytest.fixture
def child_one(demo: Store) -> Child:
    """The demo's first child, whose name the report tests look for."""
    return get_child(demo, 1)


def audit_ids(store: Store) -> set[int]:
    """The audit rows so far (the demo's own may be dated after the real today)."""
    return {e.id for e in recent_events(store)}


def new_audit_events(store: Store, before: set[int]) -> list[AuditEvent]:
    return [e for e in recent_events(store) if e.id not in before]


@dataclass(frozen=True)
class Pdf:
    pages: list[str]
    metadata: dict[str, str]
    outline: list[str]
    sizes: list[tuple[float, float]]
    reader: PdfReader

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def everything(self) -> str:
        """Page text, document information and bookmark titles together."""
        return "\n".join([self.text, *self.metadata.values(), *self.outline])


def _titles(outline: list) -> Iterator[str]:
    for item in outline:
        if isinstance(item, list):
            yield from _titles(item)
        else:
            yield item.title


def read_pdf(path: Path | str) -> Pdf:
    reader = PdfReader(str(path))
    pages = [re.sub(r"[ \t]+", " ", page.extract_text() or "") for page in reader.pages]
    meta = {k: str(v) for k, v in (reader.metadata or {}).items()}
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    return Pdf(pages, meta, list(_titles(reader.outline)), sizes, reader)


def assert_every_page_marked_and_numbered(pdf: Pdf) -> None:
    total = len(pdf.pages)
    assert total >= 1
    for number, page in enumerate(pdf.pages, start=1):
        assert "OFFICIAL-SENSITIVE" in page, f"page {number} has no marking"
        assert f"Page {number} of {total}" in page, f"page {number} has no page number"
        assert f"Generated {TODAY.day} {TODAY:%b %Y}" in page
