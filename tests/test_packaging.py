"""The PyInstaller spec bundles what the app reads from files at run time (checked without
building: `make dist` builds and runs the bundle)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_build_spec_bundles_migrations_fonts_resources_and_data() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    for needed in (
        '"core" / "migrations"',
        '"reports" / "fonts"',
        'PACKAGE / "resources"',
        'collect_data_files("zxcvbn")',
        'collect_data_files("icalendar")',
        '"sqlcipher3"',
        '"PySide6.QtPdf"',
        'collect_submodules("alembic")',
    ):
        assert needed in spec, needed


def test_icons_and_desktop_file_are_there() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "relcom.svg").exists()
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (icons / f"relcom-{size}.png").exists()
    desktop = (ROOT / "resources" / "relcom.desktop").read_text(encoding="utf-8")
    assert "Exec=relcom" in desktop and "Icon=relcom" in desktop
    assert (ROOT / "relcom_desktop" / "resources" / "user-guide.html").exists()
