"""Architecture rules from design.md, checked on the source tree."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "relcom_desktop"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at the top or inside a function (a lazy import is still
    a dependency), but not under ``if TYPE_CHECKING``; ``from a import b`` counts a and a.b."""
    names: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.Import):
                names.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                names.add(child.module)
                names.update(f"{child.module}.{alias.name}" for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return names


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    """Which of the package's modules each of its modules imports (migrations left out)."""
    paths = {_module(p): p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts}
    return {
        name: {
            other
            for other in _imports(path)
            if other in paths and other != name and not name.startswith(f"{other}.")
        }
        for name, path in paths.items()
    }


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = [stack.pop()]
            while group[-1] != v:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return found


def _offenders(folder: str, banned: tuple[str, ...], *, whole: bool = False) -> list[str]:
    """Modules under ``folder`` importing a banned top-level package (or, with ``whole``, a
    banned dotted package such as relcom_desktop.ui)."""
    found = []
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        names = _imports(path)
        if whole:
            bad = [n for n in names if any(n == b or n.startswith(f"{b}.") for b in banned)]
        else:
            bad = [n for n in names if n.split(".")[0] in banned]
        if bad:
            found.append(f"{path.relative_to(PACKAGE)}: {', '.join(sorted(bad))}")
    return found


def test_core_and_reports_import_no_qt() -> None:
    assert _offenders("core", QT_MODULES) == []
    assert _offenders("reports", QT_MODULES) == []


def test_reports_never_import_the_ui_and_core_never_imports_reports_or_ui() -> None:
    assert _offenders("reports", ("relcom_desktop.ui",), whole=True) == []
    assert _offenders("core", ("relcom_desktop.ui", "relcom_desktop.reports"), whole=True) == []


def test_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_checks_catch_what_they_are_for(tmp_path: Path, monkeypatch) -> None:
    """A planted reports → ui import and a planted cycle are both found."""
    planted = tmp_path / "relcom_desktop"
    (planted / "reports").mkdir(parents=True)
    (planted / "ui").mkdir()
    (planted / "reports" / "a.py").write_text("from relcom_desktop.ui.b import x\n")
    (planted / "ui" / "b.py").write_text("def f():\n    import relcom_desktop.reports.a\n")
    monkeypatch.setitem(globals(), "PACKAGE", planted)
    assert _offenders("reports", ("relcom_desktop.ui",), whole=True)
    assert _cycles(_graph()) == [["relcom_desktop.reports.a", "relcom_desktop.ui.b"]]


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
