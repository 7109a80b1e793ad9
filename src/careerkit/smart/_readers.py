"""The readers of deadline phrases, tried in order by :func:`~careerkit.parse_deadline`.

Each reader looks for one kind of phrase and returns where it begins and the
period it names (first and last day), None when the text has no such phrase,
or a period of None when the phrase names a date that does not exist or lies
outside the years 1 to 9999. Every date is computed only when its phrase is
found, so a phrase near the end of the calendar costs no other phrase its
answer.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from careerkit.smart import _phrases as phrases

__all__ = ["READERS", "Found", "deadline_in", "shift"]

Period = tuple[date, date]


class Found(NamedTuple):
    """A phrase found at ``start``: the period it names, or None for no such date."""

    start: int
    period: Period | None


def shift(day: date, step: timedelta | relativedelta) -> date | None:
    """``day`` moved by ``step``, or None when that falls outside the years 1 to 9999."""
    try:
        return day + step
    except (ValueError, OverflowError):
        return None


def _day(year: int, month: int, day: int) -> Period | None:
    """The one-day period, or None when there is no such day (30 February, year 0)."""
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found, found


def _month(year: int, month: int) -> Period | None:
    """The whole month, or None outside the calendar."""
    if not 1 <= year <= 9999:
        return None
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _months(year: int, first: int, last: int) -> Period | None:
    """The months ``first`` to ``last`` of a year (a quarter, a half, the year)."""
    start, end = _month(year, first), _month(year, last)
    return None if start is None or end is None else (start[0], end[1])


def _coming(as_of: date, period: Callable[[int], Period | None]) -> Period | None:
    """The period of ``as_of``'s year, or of a later one, that ends on or after
    ``as_of`` (within 8 years, so that 29 February comes back)."""
    for year in range(as_of.year, min(as_of.year + 8, 10_000)):
        found = period(year)
        if found is not None and found[1] >= as_of:
            return found
    return None


def _in_year(
    year: str | None, as_of: date, period: Callable[[int], Period | None]
) -> Period | None:
    """The period in the year written, or the coming one when no year is written."""
    return period(int(year)) if year is not None else _coming(as_of, period)


def _count(word: str) -> int:
    return int(word) if word[0].isdigit() else phrases.NUMBERS[word]


def _day_number(word: str) -> int:
    digits = word.rstrip("stndrh")
    return int(digits) if digits.isdigit() else phrases.ORDINALS[word]


def _numeric(text: str, as_of: date) -> Found | None:
    """ISO dates (year, month, day) and numeric dates: day first unless only month
    first makes a date; a two-digit year is in the 2000s, four digits are the year."""
    for pattern in phrases.ABSOLUTE:
        match = pattern.search(text)
        if match is None:
            continue
        written = match.group("year")
        year = int(written) + (2000 if len(written) == 2 else 0)
        first, second = int(match.group("first")), int(match.group("second"))
        if "mark" not in match.groupdict():
            return Found(match.start(), _day(year, first, second))
        if first <= 12 < second:  # 12/31/2026: only month first makes a date
            return Found(match.start(), _day(year, first, second))
        return Found(match.start(), _day(year, second, first))
    return None


def _day_written(match: re.Match[str]) -> Callable[[int], Period | None]:
    """The day of the year a written date names, as a function of the year."""
    parts = match.groupdict()
    if parts.get("holiday"):
        month, day = phrases.HOLIDAYS[parts["holiday"]]
    elif parts.get("day"):
        month, day = phrases.MONTHS[parts["month"]], _day_number(parts["day"])
    elif parts.get("month"):  # the middle of a month is its 15th
        month, day = phrases.MONTHS[parts["month"]], 15
    else:  # the middle of a year is 30 June, the end of its first half
        month, day = 6, 30
    return partial(_day, month=month, day=day)


def _written_dates(text: str, as_of: date) -> Found | None:
    """ "15 June 2027", "June 15th", "the first of March", "Christmas", "mid-March",
    "mid-2027", "March 2027"."""
    has_month = phrases.MONTH.search(text) is not None  # without one, no day and month
    for pattern in (
        phrases.DAY_MONTH, phrases.MONTH_DAY, phrases.HOLIDAY, phrases.MID_MONTH,
        phrases.MID_YEAR,
    ):  # fmt: skip
        if not has_month and pattern in (phrases.DAY_MONTH, phrases.MONTH_DAY):
            continue
        match = pattern.search(text)
        if match:
            period = _in_year(match.group("year"), as_of, _day_written(match))
            return Found(match.start(), period)
    match = phrases.MONTH_YEAR.search(text)
    if match:
        month = phrases.MONTHS[match.group("month")]
        return Found(match.start(), _month(int(match.group("year")), month))
    return None


def _periods(text: str, as_of: date) -> Found | None:
    """Quarters and halves ("Q3", "the first half of 2027") and EOY, EOQ, EOM, EOW."""
    for pattern, months in (
        (phrases.QUARTER, 3), (phrases.QUARTER_WORDS, 3), (phrases.HALF, 6),
        (phrases.HALF_WORDS, 6),
    ):  # fmt: skip
        match = pattern.search(text)
        if match:
            parts = match.groupdict()
            nth = parts.get("quarter") or parts.get("half")
            last = months * (int(nth) if nth else _day_number(parts["nth"]))
            months_of = partial(_months, first=last - months + 1, last=last)
            return Found(match.start(), _in_year(parts["year"], as_of, months_of))
    match = phrases.END_OF.search(text)
    if match:
        name = {"y": "year", "q": "quarter", "m": "month", "w": "week"}[match.group("period")]
        if name == "year" and match.group("year"):
            return Found(match.start(), _months(int(match.group("year")), 1, 12))
        return Found(match.start(), _named_period(name, as_of))
    return None


def _relative(text: str, as_of: date) -> Found | None:
    """Spans from ``as_of``: "within five years", "in 6 months", "in half a year"."""
    match = phrases.HALF_YEAR.search(text)
    if match:
        step = relativedelta(months=6 if match.group("half") else 18)
    else:
        match = next(filter(None, (pattern.search(text) for pattern in phrases.RELATIVE)), None)
        if match is None:
            return None
        count, unit = _count(match.group("count")), match.group("unit")
        step = {
            "day": relativedelta(days=count), "week": relativedelta(weeks=count),
            "month": relativedelta(months=count), "quarter": relativedelta(months=3 * count),
            "year": relativedelta(years=count),
        }[unit]  # fmt: skip
    end = shift(as_of, step)
    return Found(match.start(), None if end is None else (end, end))


def _named_period(name: str, as_of: date) -> Period | None:
    """This or the next week, month, quarter or year, and tomorrow."""
    quarter = 3 * ((as_of.month - 1) // 3)  # the month before this quarter
    monday = as_of - timedelta(days=as_of.weekday())
    periods: dict[str, Callable[[], Period | None]] = {
        "tomorrow": lambda: _span(as_of, 1, 1),
        "year": lambda: _months(as_of.year, 1, 12),
        "next year": lambda: _months(as_of.year + 1, 1, 12),
        "month": lambda: _month(as_of.year, as_of.month),
        "next month": lambda: _month_after(as_of, 1, 1),
        "quarter": lambda: _months(as_of.year, quarter + 1, quarter + 3),
        "next quarter": lambda: _month_after(date(as_of.year, quarter + 1, 1), 3, 3),
        "week": lambda: _span(monday, 0, 6),
        "next week": lambda: _span(monday, 7, 13),
    }
    return periods[name]()


def _span(base: date, first: int, last: int) -> Period | None:
    """The days ``first`` to ``last`` after ``base``, or None off the calendar."""
    start, end = shift(base, timedelta(days=first)), shift(base, timedelta(days=last))
    return None if start is None or end is None else (start, end)


def _month_after(day: date, months: int, length: int) -> Period | None:
    """The ``length`` months that begin ``months`` after ``day``'s month."""
    first = shift(day, relativedelta(day=1, months=months))
    if first is None:
        return None
    last = shift(first, relativedelta(months=length, days=-1))
    return None if last is None else (first, last)


def _weekday(text: str, as_of: date) -> Found | None:
    """ "by Friday" (the coming Friday, today included) and "next Friday" (the
    Friday of next week, weeks beginning on Monday)."""
    match = phrases.WEEKDAY_NAME.search(text) and phrases.WEEKDAY.search(text)
    if match is None:
        return None
    weekday = phrases.WEEKDAYS[match.group("weekday")]
    if "next" in (match.group("next"), match.group("bare_next")):
        monday = as_of - timedelta(days=as_of.weekday())
        day = shift(monday, timedelta(days=7 + weekday))
    else:
        day = shift(as_of, timedelta(days=(weekday - as_of.weekday()) % 7))
    return Found(match.start(), None if day is None else (day, day))


def _day_of_month(text: str, as_of: date) -> Found | None:
    """ "by the 15th": the next 15th on or after ``as_of``, in a month that has it."""
    match = phrases.DAY_OF_MONTH.search(text)
    if match is None:
        return None
    number = _day_number(match.group("day") or match.group("day_word"))
    for months in range(13):
        first = shift(as_of, relativedelta(day=1, months=months))
        found = None if first is None else _day(first.year, first.month, number)
        if found is not None and found[0] >= as_of:
            return Found(match.start(), found)
    return Found(match.start(), None)


def _named(text: str, as_of: date) -> Found | None:
    """ "this week", "next quarter", "by the end of the year", "by June", "by 2028"."""
    for pattern, name in phrases.NAMED:
        match = pattern.search(text)
        if match:
            return Found(match.start(), _named_period(name, as_of))
    for reader in (_weekday, _day_of_month):
        found = reader(text, as_of)
        if found is not None:
            return found
    match = phrases.BY_MONTH.search(text)
    if match:
        month = phrases.MONTHS[match.group("month")]
        return Found(match.start(), _coming(as_of, lambda year: _month(year, month)))
    match = phrases.YEAR_ONLY.search(text)
    if match:
        return Found(match.start(), _months(int(match.group("year")), 1, 12))
    return None


READERS: tuple[Callable[[str, date], Found | None], ...] = (
    _numeric, _written_dates, _periods, _relative, _named,
)  # fmt: skip
"""The readers in the order they are tried: the first phrase found decides."""


def deadline_in(text: str, as_of: date) -> date | None:
    """The deadline of a text in lower case with single spaces, as
    :func:`~careerkit.parse_deadline` reads it."""
    for reader in READERS:
        found = reader(text, as_of)
        if found is None:
            continue
        if found.period is None:
            return None
        first, last = found.period
        if _strict(text, found.start):
            return shift(first, timedelta(days=-1))
        return last
    return None


def _strict(text: str, start: int) -> bool:
    """Whether the phrase at ``start`` follows, or begins with, "before" (but not
    "before the end of", which is read as "by the end of")."""
    if text.startswith(("end of", "the end of"), start):
        return False
    if text.startswith("before ", start):
        return not text.startswith("before the end of", start)
    return phrases.BEFORE.search(text, max(0, start - 12), start) is not None
