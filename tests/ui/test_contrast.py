"""Colour contrast of the light and dark themes, computed as WCAG 2.2 defines it.

Text pairs need 4.5:1 (we hold all text to the body-text bar, headings included). Non-text
marks — the selection and focus colour against the page, chart lines and bars — need 3:1.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from relcom_desktop.ui import charts, theme
from relcom_desktop.ui.provider import charts as provider_charts
from relcom_desktop.ui.reflection import markers, practice_chart

Role = QPalette.ColorRole
TEXT_PAIRS = [
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.WindowText, Role.Window),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.PlaceholderText, Role.Base),
    (Role.PlaceholderText, Role.Window),  # quiet labels sit on the page
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
]
NON_TEXT_PAIRS = [(Role.Highlight, Role.Base), (Role.Highlight, Role.Window)]
CHART_COLOURS = [
    *charts.COLOURS,
    provider_charts.ENTRY_COLOUR,
    provider_charts.AVERAGE_COLOUR,
    provider_charts.CONCERN_COLOUR,
    provider_charts.PRAISE_COLOUR,
    practice_chart.CHOSEN_COLOUR,
    practice_chart.EARLIER_COLOUR,
    *markers.COLOURS,
]
THEMES = ["light", "dark"]


def test_contrast_of_black_on_white_is_21() -> None:
    assert theme.contrast(QColor("#000"), QColor("#fff")) == pytest.approx(21)
    assert theme.contrast(QColor("#767676"), QColor("#fff")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name", THEMES)
def test_text_on_every_background_reads_at_4_5_to_1(name: str) -> None:
    palette = theme.palette(name)
    low = [
        f"{fg.name}/{bg.name}: {theme.contrast(palette.color(fg), palette.color(bg)):.2f}"
        for fg, bg in TEXT_PAIRS
        if theme.contrast(palette.color(fg), palette.color(bg)) < theme.TEXT_CONTRAST
    ]
    assert not low, f"{name} theme: {low}"


@pytest.mark.parametrize("name", THEMES)
def test_selection_and_focus_stand_out_from_the_page(name: str) -> None:
    palette = theme.palette(name)
    for fg, bg in NON_TEXT_PAIRS:
        ratio = theme.contrast(palette.color(fg), palette.color(bg))
        assert ratio >= theme.NON_TEXT_CONTRAST, f"{name}: {fg.name}/{bg.name} {ratio:.2f}"


@pytest.mark.parametrize("name", THEMES)
def test_tones_read_at_4_5_to_1_on_their_background(name: str) -> None:
    page = [QColor(theme.PALETTES[name][role]) for role in (Role.Window, Role.Base)]
    for tone, colours in theme.TONES[name].items():
        backgrounds = [QColor(colours.background)] if colours.background else page
        for background in backgrounds:
            ratio = theme.contrast(QColor(colours.text), background)
            assert ratio >= theme.TEXT_CONTRAST, f"{name} {tone}: {ratio:.2f}"


@pytest.mark.parametrize("name", THEMES)
@pytest.mark.parametrize("colour", CHART_COLOURS, ids=str)
def test_chart_colours_stand_out_at_3_to_1(name: str, colour: QColor | str) -> None:
    shown = theme.visible(colour, name)
    for role in (Role.Window, Role.Base):
        ratio = theme.contrast(shown, QColor(theme.PALETTES[name][role]))
        assert ratio >= theme.NON_TEXT_CONTRAST, f"{name} {QColor(colour).name()}: {ratio:.2f}"


def test_applying_a_theme_sets_palette_tones_and_text_size(qapp) -> None:
    before = qapp.font().pointSizeF()
    try:
        theme.apply(qapp, "dark", 200)
        assert theme.current() == "dark"
        assert qapp.palette().color(Role.Window) == QColor(theme.PALETTES["dark"][Role.Window])
        assert qapp.font().pointSizeF() == pytest.approx(before * 2)
        assert 'QLabel[tone="alert"]' in qapp.styleSheet()
        assert theme.colour("urgent") == QColor(theme.TONES["dark"]["urgent"].text)
    finally:
        theme.apply(qapp, "light", 100)
    assert qapp.font().pointSizeF() == pytest.approx(before)


@pytest.mark.parametrize("name", THEMES)
def test_tick_boxes_and_option_circles_stand_out(name: str) -> None:
    sheet = theme.style_sheet(name, 16)
    assert "width: 12px" in sheet and "border-radius: 8px" in sheet
    colours = theme.INDICATOR_COLOURS[name]
    for colour in (colours["OUTLINE"], colours["CHECKED"]):
        assert colour in sheet
        for role in (Role.Window, Role.Base):
            background = QColor(theme.PALETTES[name][role])
            assert theme.contrast(QColor(colour), background) >= theme.NON_TEXT_CONTRAST
