"""Architecture rules from design.md, checked on the source tree."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "relcom_desktop"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _offenders(folder: str, banned: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        bad = [n for n in _imports(path) if n.split(".")[0] in banned]
        if bad:
            found.append(f"{path.relative_to(PACKAGE)}: {', '.join(sorted(bad))}")
    return found


def test_core_and_reports_import_no_qt() -> None:
    assert _offenders("core", QT_MODULES) == []
    assert _offenders("reports", QT_MODULES) == []


def test_ui_holds_no_sql() -> None:
    assert _offenders("ui", ("sqlalchemy", "sqlite3", "sqlcipher3")) == []


def test_core_imports_without_qt_loaded() -> None:
    import subprocess
    import sys

    code = (
        "import sys, relcom_desktop.core.children, relcom_desktop.core.journal, "
        "relcom_desktop.core.placements, relcom_desktop.core.providers; "
        "assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
