"""House rules for the UI package, and the small formatting helpers it shares."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import relcom_desktop
from relcom_desktop.core.formatting import money, number, plural, short_date

PACKAGE = Path(relcom_desktop.__file__).parent
UI_FILES = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_ui_never_touches_the_database_directly() -> None:
    for path in UI_FILES:
        bad = {m for m in imported_modules(path) if m.split(".")[0] in {"sqlalchemy", "sqlite3"}}
        bad |= {m for m in imported_modules(path) if m.startswith("relcom_desktop.core.models")}
        assert not bad, f"{path.name} imports {bad}"


def test_the_ui_does_not_load_reportlab_at_start() -> None:
    for path in UI_FILES:
        assert not any(m.startswith("reportlab") for m in imported_modules(path)), path.name


def test_ui_files_stay_small() -> None:
    for path in UI_FILES:
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path.name


def test_money_in_pounds() -> None:
    assert money(425_000) == "£4,250"
    assert money(95_050) == "£950.50"
    assert money(0) == "£0"
    assert money(-1_500) == "-£15"
    assert money(None) == "—"


def test_dates_numbers_and_plurals() -> None:
    assert short_date(dt.date(2026, 3, 3)) == "3 Mar 2026"
    assert short_date(None) == "—"
    assert number(12_345) == "12,345"
    assert number(None) == "—"
    assert plural(1, "child", "children") == "1 child"
    assert plural(1_234, "child", "children") == "1,234 children"
    assert plural(2, "provider") == "2 providers"
