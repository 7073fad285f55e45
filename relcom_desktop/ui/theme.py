"""How the app looks on this computer: light or dark palette, text size, and the few tones
(warnings, alerts, errors) that mark things — always alongside words, never colour alone.

The theme and text size are per computer (QSettings), not per data file. Qt's Fusion style
with explicit palettes makes the colours, and so their contrast, the same on every desktop;
tests/ui/test_contrast.py checks each text/background pair against WCAG 2.2 AA.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

THEME_KEY = "appearance/theme"
FONT_SCALE_KEY = "appearance/font_scale"
THEMES = {"system": "Same as the computer", "light": "Light", "dark": "Dark"}
FONT_SCALES = (100, 125, 150, 175, 200)
BASE_POINT_SIZE = "relcom_base_point_size"  # application property: the size at 100 %
CURRENT_THEME = "relcom_theme"  # application property: "light" or "dark"
FUSION_FROM_START = "relcom_fusion"  # application property: made with Fusion (``-style``)
STYLE_ARGUMENTS = ["-style", "fusion"]  # Qt makes the style itself: no Python wrapping
TEXT_CONTRAST = 4.5  # WCAG 2.2 AA, body text
NON_TEXT_CONTRAST = 3.0  # WCAG 2.2 AA, chart marks, focus and selection

Role = QPalette.ColorRole

PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        Role.Window: "#f3f3f3",
        Role.WindowText: "#1b1b1b",
        Role.Base: "#ffffff",
        Role.AlternateBase: "#f4f6f9",
        Role.Text: "#1b1b1b",
        Role.PlaceholderText: "#5c6066",
        Role.Button: "#e9e9e9",
        Role.ButtonText: "#1b1b1b",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#1f5f8b",
        Role.HighlightedText: "#ffffff",
        Role.ToolTipBase: "#fffbe6",
        Role.ToolTipText: "#1b1b1b",
        Role.Link: "#0b57a4",
        Role.LinkVisited: "#6a3d9a",
        Role.Light: "#ffffff",
        Role.Midlight: "#d6d6d6",
        Role.Mid: "#8f8f8f",
        Role.Dark: "#6b6b6b",
        Role.Shadow: "#3a3a3a",
    },
    "dark": {
        Role.Window: "#202124",
        Role.WindowText: "#e8eaed",
        Role.Base: "#17181a",
        Role.AlternateBase: "#25272a",
        Role.Text: "#e8eaed",
        Role.PlaceholderText: "#a4a9b0",
        Role.Button: "#2e3034",
        Role.ButtonText: "#e8eaed",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#3874b0",
        Role.HighlightedText: "#ffffff",
        Role.ToolTipBase: "#2e3034",
        Role.ToolTipText: "#e8eaed",
        Role.Link: "#8ab4f8",
        Role.LinkVisited: "#c58af9",
        Role.Light: "#4a4d52",
        Role.Midlight: "#3c4043",
        Role.Mid: "#6b7077",
        Role.Dark: "#101113",
        Role.Shadow: "#000000",
    },
}
# Text of disabled widgets: readable, though WCAG exempts it.
DISABLED_TEXT = {"light": "#6f6f6f", "dark": "#8d9299"}


@dataclass(frozen=True)
class Tone:
    """Colours that mark a label: text, its background (None: the page's) and a border."""

    text: str
    background: str | None = None
    border: str | None = None


TONES: dict[str, dict[str, Tone]] = {
    "light": {
        "warn": Tone("#5c3700", "#fff3dc", "#a86400"),
        "alert": Tone("#7a1712", "#fdeceb", "#b3261e"),
        "note": Tone("#4a2d00", "#fff8ea", "#a86400"),
        "flag": Tone("#3b2f00", "#fff4ce", "#c9a227"),
        "error": Tone("#a4262c"),
        "problem": Tone("#ffffff", "#b3261e"),
        "urgent": Tone("#b3261e"),
    },
    "dark": {
        "warn": Tone("#ffdfa8", "#3b2800", "#c98a1a"),
        "alert": Tone("#ffcdc8", "#4a1613", "#e0675e"),
        "note": Tone("#ffe4b8", "#30240b", "#c98a1a"),
        "flag": Tone("#fbe7a6", "#352b07", "#b8962a"),
        "error": Tone("#ff9c94"),
        "problem": Tone("#ffffff", "#b3261e"),
        "urgent": Tone("#ff9c94"),
    },
}
# How each tone is drawn (the colours come from TONES).
TONE_SHAPES = {
    "warn": "border: 1px solid {border}; border-radius: 10px; padding: 3px 10px;",
    "alert": "border: 1px solid {border}; border-radius: 10px; padding: 3px 10px;",
    "calm": "border: 1px solid palette(mid); border-radius: 10px; padding: 3px 10px;",
    "note": "border-left: 4px solid {border}; padding: 8px 12px;",
    "flag": "border: 1px solid {border}; border-radius: 4px; padding: 6px 10px;",
    "problem": "border-radius: 4px;",
    "error": "",
    "urgent": "",
}


# Tick boxes and option circles grow with the text, their outlines at 3:1 on the page
# (Fusion's own are fainter), and checked ones are filled.
INDICATORS = """
QCheckBox::indicator, QRadioButton::indicator { width: SIZEpx; height: SIZEpx;
    border: 2px solid OUTLINE; background: BASE; }
QCheckBox::indicator { border-radius: 3px; }
QRadioButton::indicator { border-radius: RADIUSpx; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked { background: CHECKED;
    border-color: CHECKED; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: DISABLED; }
"""
INDICATOR_COLOURS = {
    "light": {"OUTLINE": "#6b6b6b", "BASE": "#ffffff", "CHECKED": "#1f5f8b", "DISABLED": "#b0b0b0"},
    "dark": {"OUTLINE": "#a4a9b0", "BASE": "#17181a", "CHECKED": "#8ab4f8", "DISABLED": "#6b7077"},
}


def resolve(choice: str) -> str:
    """``light`` or ``dark`` for a stored choice (``system`` follows the desktop)."""
    if choice in ("light", "dark"):
        return choice
    return "dark" if _desktop_is_dark() else "light"


_DESKTOP_DARK: dict[str, bool] = {}


def _desktop_is_dark() -> bool:
    """Whether the desktop's own palette is dark, read once before ours replaces it.

    (Asking Qt for its colour-scheme enum would load the whole Qt namespace at start-up,
    about 11 ms.)"""
    if "dark" not in _DESKTOP_DARK:
        window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
        _DESKTOP_DARK["dark"] = window.lightness() < 128
    return _DESKTOP_DARK["dark"]


def palette(name: str) -> QPalette:
    """The full palette of the ``light`` or ``dark`` theme."""
    result = QPalette()
    for role, colour in PALETTES[name].items():
        result.setColor(role, QColor(colour))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT[name]))
    return result


def style_sheet(name: str, indicator: int = 13) -> str:
    """The application style sheet: one rule per tone, in the theme's colours."""
    rules = []
    for tone, shape in TONE_SHAPES.items():
        colours = TONES[name].get(tone)
        body = shape.format(border=colours.border if colours else "")
        if colours is not None:
            body += f" color: {colours.text};"
            if colours.background:
                body += f" background: {colours.background};"
        rules.append(f'QLabel[tone="{tone}"] {{ {body} }}')
    values = INDICATOR_COLOURS[name] | {"SIZE": str(indicator - 4), "RADIUS": str(indicator // 2)}
    sheet = INDICATORS
    for key, value in values.items():
        sheet = sheet.replace(key, value)
    rules.append(sheet)
    return "\n".join(rules)


def current() -> str:
    """The theme in use: ``light`` or ``dark``."""
    app = QApplication.instance()
    name = app.property(CURRENT_THEME) if app is not None else None
    return name if name in PALETTES else "light"


def colour(tone: str) -> QColor:
    """The text colour of a tone in the theme in use (for painted text)."""
    return QColor(TONES[current()][tone].text)


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of a colour (0 black to 1 white)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor, two: QColor) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def visible(colour: QColor | str, name: str | None = None) -> QColor:
    """A chart colour made to stand out (3:1, WCAG non-text contrast) from the theme's page
    and field backgrounds: lightened on the dark theme, darkened on the light one."""
    name = name or current()
    result = QColor(colour)
    backgrounds = [QColor(PALETTES[name][role]) for role in (Role.Window, Role.Base)]
    for _step in range(20):
        if min(contrast(result, bg) for bg in backgrounds) >= NON_TEXT_CONTRAST:
            break
        result = result.lighter(115) if name == "dark" else result.darker(115)
    return result


def set_tone(widget: QWidget, tone: str) -> None:
    """Mark a label with a tone (``calm``, ``warn``, ``alert``, ``note``, ``flag``, ``error``,
    ``problem``, or ``""`` for none); the application style sheet draws it."""
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def stored_choice(settings: QSettings) -> tuple[str, int]:
    """The theme choice and text size (percent) saved on this computer."""
    choice = str(settings.value(THEME_KEY, "system"))
    try:
        scale = int(settings.value(FONT_SCALE_KEY, 100))
    except (TypeError, ValueError):
        scale = 100
    return (choice if choice in THEMES else "system"), min(max(scale, 100), 200)


def apply(app: QApplication, choice: str, scale: int, *, tones: bool = True) -> None:
    """Use the Fusion style with the chosen palette, tones and text size.

    With ``tones=False`` the style sheet (tones, tick boxes) waits for :func:`apply_tones`:
    at start-up it follows the first paint, which has no toned labels or tick boxes."""
    _desktop_is_dark()  # remember the desktop's palette before ours replaces it
    name = resolve(choice)
    if not app.property(FUSION_FROM_START):
        app.setStyle("Fusion")
    app.setProperty(CURRENT_THEME, name)
    app.setPalette(palette(name))
    _scale_text(app, scale)
    if tones:
        apply_tones(app)


def _scale_text(app: QApplication, scale: int) -> None:
    """The application font at ``scale`` percent of the system's (untouched at 100 %)."""
    base = app.property(BASE_POINT_SIZE)
    if not isinstance(base, float):
        if scale == 100:
            return  # the system's own font: nothing to work out (a start-up saving)
        base = app.font().pointSizeF()
        app.setProperty(BASE_POINT_SIZE, base)
    font = app.font()
    font.setPointSizeF(base * scale / 100)
    app.setFont(font)


def apply_tones(app: QApplication) -> None:
    """The application style sheet for the theme and text size in use."""
    height = QFontMetrics(app.font()).height()
    app.setStyleSheet(style_sheet(current(), round(height * 0.8)))


def apply_saved(
    app: QApplication, settings: QSettings | None = None, *, tones: bool = True
) -> None:
    choice, scale = stored_choice(settings if settings is not None else QSettings())
    apply(app, choice, scale, tones=tones)
