"""What the app says about itself: title, icon, and the About box text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from relcom_desktop import APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

DEMO_SUFFIX = " — DEMO (synthetic data)"
DESCRIPTION = "Relational commissioning records for looked-after children, kept on this computer."
LICENCE = "GPL-3.0-or-later"


def app_icon() -> QIcon:
    """The RelCom icon (loaded after the first paint: reading the SVG takes a few ms)."""
    from PySide6.QtGui import QIcon

    return QIcon(str(Path(__file__).parents[1] / "resources" / "relcom.svg"))


def window_title(demo: bool) -> str:
    return APP_NAME + (DEMO_SUFFIX if demo else "")


def about_text() -> str:
    return (
        f"<h3>{APP_NAME}</h3><p>Version {__version__}</p><p>{DESCRIPTION}</p>"
        f"<p>Licence: {LICENCE}</p>"
    )
