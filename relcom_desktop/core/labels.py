"""Base classes for enumerations that carry a plain-English label.

Stored values are the enum *values* (short codes); screens and PDFs show ``.label``.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Self


class LabelledStr(StrEnum):
    """A string enumeration whose members are declared as ``NAME = ("value", "Label")``."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(value, label) pairs in declaration order, for combo boxes and reports."""
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, value: str | None) -> Self | None:
        """The member for a stored value or a label (case-insensitive); None if blank."""
        if value is None or not str(value).strip():
            return None
        text = str(value).strip()
        for member in cls:
            if text.casefold() in (member.value.casefold(), member.label.casefold()):
                return member
        raise ValueError(f"{text!r} is not a known {cls.__name__} value")


class LabelledInt(IntEnum):
    """An integer rating declared as ``NAME = (1, "Label")``; higher is better."""

    label: str

    def __new__(cls, value: int, label: str) -> Self:
        obj = int.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def choices(cls) -> list[tuple[int, str]]:
        return [(m.value, m.label) for m in cls]
