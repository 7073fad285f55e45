"""Typing dates and money the ways people type them; labels and axis ticks."""

from __future__ import annotations

import datetime as dt

import pytest

from relcom_desktop.core.review_schedule import ReviewDue, ReviewIntervals, ReviewStatus
from relcom_desktop.ui.child.fields import DateField, MoneyField, parse_date, parse_pounds
from relcom_desktop.ui.child.outcome_chart import ticks
from relcom_desktop.ui.child.plans_tab import ordinal, schedule_text

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/3/2026", D(2026, 3, 3)),
        (" 03-03-26 ", D(2026, 3, 3)),
        ("3.3.2026", D(2026, 3, 3)),
        ("2026-03-03", D(2026, 3, 3)),
        ("3 Mar 2026", D(2026, 3, 3)),
        ("3 march 26", D(2026, 3, 3)),
        ("30 Sept 2026", D(2026, 9, 30)),
        ("1/1/90", D(1990, 1, 1)),
        ("", None),
    ],
)
def test_dates_people_type(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_today_and_bad_dates() -> None:
    assert parse_date("Today", today=D(2026, 5, 1)) == D(2026, 5, 1)
    for text, message in (
        ("31/2/2026", "does not exist"),
        ("3 Smarch 2026", "not a month"),
        ("next week", "day/month/year"),
        ("2026/3", "day/month/year"),
    ):
        with pytest.raises(ValueError, match=message):
            parse_date(text)


def test_date_field_limits(qtbot) -> None:
    field = DateField("the start date", required=True, latest=D(2026, 1, 1))
    qtbot.addWidget(field)
    assert field.problem() == "Please enter the start date."
    field.setText("2/1/2026")
    assert field.problem() == "The start date cannot be after 1 Jan 2026."
    field.set_value(D(2025, 12, 31))
    assert field.text() == "31 Dec 2025" and field.value() == D(2025, 12, 31)


def test_money(qtbot) -> None:
    assert parse_pounds("4,250") == 425_000
    assert parse_pounds("£950.5") == 95_050
    assert parse_pounds(" ") is None
    with pytest.raises(ValueError, match="in pounds"):
        parse_pounds("4.255")
    fee = MoneyField("the weekly fee")
    qtbot.addWidget(fee)
    fee.setText("-5")
    assert fee.problem() == "The weekly fee cannot be negative."
    fee.set_value(95_050)
    assert fee.text() == "950.50" and fee.value() == 95_050


def test_axis_ticks_stay_few_and_on_month_starts() -> None:
    two_years = ticks(D(2024, 11, 25), D(2026, 11, 25))
    assert two_years == [D(2025, 1, 1), D(2025, 7, 1), D(2026, 1, 1), D(2026, 7, 1)]
    ten_years = ticks(D(2016, 11, 25), D(2026, 11, 25))
    assert len(ten_years) <= 7 and all(d.month == 1 and d.day == 1 for d in ten_years)


def test_review_schedule_in_words() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
    ]  # fmt: skip
    due = ReviewDue(ReviewStatus.SCHEDULED, D(2027, 4, 14), 14, D(2026, 10, 14), 140)
    text = schedule_text(due, ReviewIntervals())
    assert text.startswith("This will be the 14th review. The last was held on 14 Oct 2026.")
    assert "within 20 working days" in text and "then every 6 months" in text
