"""Calendar quarters, for counts and trends over time ("Jan–Mar 2026")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter: 1 is January to March."""

    year: int
    number: int

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def months(self) -> str:
        """ "Jan–Mar" """
        return f"{MONTHS[3 * self.number - 3]}–{MONTHS[3 * self.number - 1]}"

    @property
    def label(self) -> str:
        """ "Jan–Mar 2026" """
        return f"{self.months} {self.year}"

    def following(self) -> Quarter:
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def back(self, count: int) -> Quarter:
        index = self.year * 4 + self.number - 1 - count
        return Quarter(index // 4, index % 4 + 1)


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    found = [first]
    while found[-1] < last:
        found.append(found[-1].following())
    return found
