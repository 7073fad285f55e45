"""Typed-in text that a spreadsheet would run as a formula never leaves the app unguarded."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from relcom_desktop.core import models as m
from relcom_desktop.core import providers
from relcom_desktop.core.interop.spreadsheet import FORMULA_START
from relcom_desktop.core.interop.ssda903_export import export_ssda903
from relcom_desktop.core.interop.ssda903_import import import_return
from relcom_desktop.core.store.db import open_store
from tests.core.factories import a_child, a_placement, a_provider, a_setting

REFERENCE = '=HYPERLINK("x.invalid","open")'


def _cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def test_903_export_guards_formulas_and_reads_them_back(tmp_path: Path) -> None:
    store = open_store(tmp_path / "a")
    child = a_child(store, la_reference=REFERENCE, upn="+44 7700", ethnicity="@SUM(A1)")
    setting = a_setting(store, a_provider(store).id, urn="SC123456")
    providers.update_setting(store, dataclasses.replace(setting, postcode="-1 2AB"))
    a_placement(store, child.id, setting.id, dt.date(2024, 1, 8))
    out = tmp_path / "out"
    out.mkdir()
    written = export_ssda903(store, out)
    store.close()

    cells = _cells(written.header_path) + _cells(written.episodes_path)
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    assert "'" + REFERENCE in cells and "'-1 2AB" in cells and "'@SUM(A1)" in cells

    again = open_store(tmp_path / "b")
    import_return(again, written.header_path, written.episodes_path)
    with again.read() as session:
        back = session.scalars(select(m.Child)).one()
        assert (back.la_reference, back.upn, back.ethnicity) == (REFERENCE, "+44 7700", "@SUM(A1)")
    again.close()
