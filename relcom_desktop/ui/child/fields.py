"""Form fields that check what is typed as it is typed: dates, money, longer text, pickers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from enum import Enum
from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from relcom_desktop.core import clock
from relcom_desktop.core.formatting import short_date

DATE_HINT = "e.g. 3/3/2026"
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
TEXT_AREA_LINES = 5
ENUM_PROPERTY = "relcomEnum"
ENUMS: dict[str, type[Enum]] = {}


def parse_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """A date typed the ways people type them; None for blank. ValueError explains a problem.

    Accepts 3/3/2026, 03-03-26, 3.3.2026, 2026-03-03, 3 Mar 2026, 3 March 26 and "today".
    """
    text = text.strip().lower()
    if not text:
        return None
    if text == "today":
        return today or clock.today()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", text):
        day, month, year = int(m[1]), int(m[2]), _full_year(m[3])
    elif m := re.fullmatch(r"(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{2}|\d{4})", text):
        day, month, year = int(m[1]), _month(m[2]), _full_year(m[3])
    else:
        raise ValueError(f"Type the date as day/month/year, {DATE_HINT}.")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError("That date does not exist; check the day and month.") from None


def _month(word: str) -> int:
    """1-12 for a month's name or its abbreviation (at least three letters, or "sept")."""
    for number, name in enumerate(MONTH_NAMES, start=1):
        if (len(word) >= 3 and name.startswith(word)) or (word == "sept" and number == 9):
            return number
    raise ValueError(f"“{word}” is not a month.")


def _full_year(text: str) -> int:
    """A two-digit year is this century's unless that is more than ten years ahead."""
    year = int(text)
    if len(text) == 2:
        this_year = clock.today().year
        year += this_year // 100 * 100
        if year > this_year + 10:
            year -= 100
    return year


def parse_pounds(text: str) -> int | None:
    """Pounds typed as "4,250" or "£950.50" -> integer pence; None for blank."""
    text = text.strip().replace(",", "").replace("£", "").strip()
    if not text:
        return None
    if not re.fullmatch(r"-?\d+(\.\d{1,2})?", text):
        raise ValueError("Type the fee in pounds, e.g. 4,250 or 950.50.")
    pounds, _, pence = text.partition(".")
    sign = -1 if pounds.startswith("-") else 1
    return sign * (abs(int(pounds)) * 100 + int((pence + "00")[:2]))


class CheckedLineEdit(QLineEdit):
    """A line edit whose text is parsed as typed; ``problem()`` says what is wrong, if any."""

    checked = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textChanged.connect(lambda _t: self.checked.emit())

    def problem(self) -> str | None:
        try:
            self.value()
        except ValueError as err:
            return str(err)
        return None

    def value(self) -> Any:
        return self.text().strip()


class DateField(CheckedLineEdit):
    """An optional date; ``latest`` (e.g. today) refuses dates after it as they are typed."""

    def __init__(
        self,
        what: str,
        *,
        required: bool = False,
        latest: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(DATE_HINT, parent)
        self.what = what
        self.required = required
        self.latest = latest
        self.setAccessibleName(what)
        self.setMaxLength(20)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("30 Sept 2026") + 24)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("M" * 14))

    def value(self) -> dt.date | None:
        day = parse_date(self.text())
        if day is None and self.required:
            raise ValueError(f"Please enter {self.what}.")
        if day is not None and self.latest is not None and day > self.latest:
            raise ValueError(f"{self.what.capitalize()} cannot be after {short_date(self.latest)}.")
        return day

    def set_value(self, day: dt.date | None) -> None:
        self.setText(short_date(day) if day else "")


class MoneyField(CheckedLineEdit):
    """A weekly fee in pounds, held as integer pence."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__("e.g. 4,250", parent)
        self.what = what
        self.setAccessibleName(what)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("M" * 12))

    def value(self) -> int:
        pence = parse_pounds(self.text())
        if pence is not None and pence < 0:
            raise ValueError(f"{self.what.capitalize()} cannot be negative.")
        return pence or 0

    def set_value(self, pence: int | None) -> None:
        if not pence:
            self.setText("")
            return
        pounds, rest = divmod(pence, 100)
        self.setText(f"{pounds:,}" + (f".{rest:02d}" if rest else ""))


class TextArea(QPlainTextEdit):
    """Several lines of plain text (pasted paragraphs keep their line breaks, lose styling).

    Tab moves on to the next field, so a form can be filled from the keyboard.
    """

    def __init__(self, what: str, lines: int = TEXT_AREA_LINES, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(what)
        self.setTabChangesFocus(True)
        self._height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(self._height)

    def sizeHint(self) -> QSize:
        """As tall as the lines asked for (Qt's default is much taller)."""
        return QSize(super().sizeHint().width(), self._height)

    def value(self) -> str:
        return self.toPlainText().strip()

    def set_value(self, text: str) -> None:
        self.setPlainText(text or "")


def picker(
    choices: Iterable[tuple[Any, str]], *, blank: str | None = None, parent: QWidget | None = None
) -> QComboBox:
    """A combo box of (value, label) choices, with an optional first "blank" choice (None)."""
    combo = QComboBox(parent)
    if blank is not None:
        combo.addItem(blank, None)
    for value, label in choices:
        combo.addItem(label, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    return combo


def enum_picker(
    enum_cls: type[Enum], *, blank: str | None = None, with_code: bool = False
) -> QComboBox:
    """A picker over a labelled enumeration (SSDA903 code first when ``with_code``)."""
    choices = [
        (m, f"{m.value} · {m.label}" if with_code else m.label)  # type: ignore[attr-defined]
        for m in enum_cls
    ]
    combo = picker(choices, blank=blank)
    combo.setProperty(ENUM_PROPERTY, enum_cls.__qualname__)
    ENUMS[enum_cls.__qualname__] = enum_cls
    return combo


def picked(combo: QComboBox) -> Any:
    """The value chosen (None for the blank entry), as the enumeration member it stands for.

    Qt hands string enumerations back as plain strings; this turns them back into members.
    """
    value = combo.currentData()
    enum_cls = ENUMS.get(combo.property(ENUM_PROPERTY) or "")
    return enum_cls(value) if enum_cls is not None and value is not None else value


def pick(combo: QComboBox, value: Any) -> None:
    """Select the entry holding ``value`` (the blank entry for None)."""
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))
