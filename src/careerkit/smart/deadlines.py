"""Finding the deadline in a phrase such as "by March 2027" or "within five years".

:func:`parse_deadline` reads the common ways people write when something
must be done, relative to an explicit ``as_of`` date, and returns the last
day that satisfies it, or None when the text names no deadline. It never
guesses: vague phrases ("soon", "someday") give None. Calendar arithmetic is
python-dateutil's :class:`~dateutil.relativedelta.relativedelta`, so adding
months clips to the end of a short month.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from dateutil import parser
from dateutil.relativedelta import relativedelta

__all__ = ["parse_deadline"]

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "ninety": 90, "hundred": 100, "couple of": 2, "few": 3,
}  # fmt: skip
_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_NUMBER = r"(?P<count>\d+|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = r"(?P<unit>day|week|month|quarter|year)s?"
_ORDINAL = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"

_RELATIVE = (
    re.compile(
        rf"\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next\s+|coming\s+)?"
        rf"{_NUMBER}\s+{_UNIT}\b"
    ),
    re.compile(rf"\bnext\s+{_NUMBER}\s+{_UNIT}\b"),
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b")
_NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4}|\d{2})\b")
_DAY_MONTH = re.compile(rf"\b(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_ORDINAL}(?!\d)(?:,?\s+{_YEAR})?\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b")
_BY_MONTH = re.compile(rf"\b(?:by|before|until|till|in|end of)\s+(?:the\s+end\s+of\s+)?{_MONTH}\b")
_QUARTER = re.compile(r"\bq(?P<quarter>[1-4])(?:\s+(?:of\s+)?(?P<year>\d{4}))?\b")
_QUARTER_WORDS = re.compile(
    r"\b(?P<nth>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<year>\d{4}))?\b"
)
_HALF = re.compile(r"\bh(?P<half>[12])\s+(?P<year>\d{4})\b")
_HALF_WORDS = re.compile(r"\b(?P<nth>first|second)\s+half\s+of\s+(?P<year>\d{4})\b")
_YEAR_ONLY = re.compile(
    r"\b(?:by|before|until|till|in|during|end of|within)\s+(?:the\s+end\s+of\s+)?(?P<year>20\d{2})\b"
)
_NAMED = (
    (re.compile(r"\btomorrow\b"), "tomorrow"),
    (re.compile(r"\b(?:end of|by)\s+(?:the\s+)?next\s+year\b|\bnext year\b"), "next year"),
    (
        re.compile(r"\b(?:end of|by)\s+(?:the\s+|this\s+)?(?:calendar\s+)?year\b|\bthis year\b"),
        "year",
    ),
    (re.compile(r"\b(?:end of|by)\s+(?:the\s+)?next\s+month\b|\bnext month\b"), "next month"),
    (re.compile(r"\b(?:end of|by)\s+(?:the\s+|this\s+)?month\b|\bthis month\b"), "month"),
    (re.compile(r"\b(?:end of|by)\s+(?:the\s+)?next\s+quarter\b|\bnext quarter\b"), "next quarter"),
    (re.compile(r"\b(?:end of|by)\s+(?:the\s+|this\s+)?quarter\b|\bthis quarter\b"), "quarter"),
    (re.compile(r"\b(?:end of|by)\s+(?:the\s+)?next\s+week\b|\bnext week\b"), "next week"),
    (re.compile(r"\b(?:end of|by)\s+(?:the\s+|this\s+)?week\b|\bthis week\b"), "week"),
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def parse_deadline(text: str, *, as_of: date) -> date | None:
    """The deadline a phrase names, or None when it names none.

    Parameters
    ----------
    text
        A goal or a phrase, such as "Earn the certificate by March 2027".
    as_of
        The date the phrase was written: relative phrases count from it, and
        dates without a year are the next ones on or after it.

    Returns
    -------
    date or None
        The last day that meets the deadline: "by March 2027" is
        2027-03-31, "by 2028" 2028-12-31, "by the end of Q3" the next 30
        September, "H1 2027" 2027-06-30, "within the next five years" five
        years after ``as_of``. Numeric dates are read day first:
        ``15/06/2027`` is 15 June 2027.

    Examples
    --------
    >>> parse_deadline("become a marketing director within the next five years",
    ...                as_of=date(2026, 11, 26))
    datetime.date(2031, 11, 26)
    >>> parse_deadline("by March 2027", as_of=date(2026, 11, 26))
    datetime.date(2027, 3, 31)

    Months are added as python-dateutil does, so six months after 31 August
    is the last day of February:

    >>> parse_deadline("in 6 months", as_of=date(2025, 8, 31))
    datetime.date(2026, 2, 28)
    >>> parse_deadline("get better at networking soon", as_of=date(2026, 11, 26)) is None
    True
    """
    lowered = " ".join(text.lower().split())
    for reader in _READERS:
        found = reader(lowered, as_of)
        if found is not None:
            return found
    return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _relative(text: str, as_of: date) -> date | None:
    match = _RELATIVE[0].search(text) or _RELATIVE[1].search(text)
    if match is None:
        return None
    count = _count(match.group("count"))
    unit = match.group("unit")
    step = {
        "day": relativedelta(days=count),
        "week": relativedelta(weeks=count),
        "month": relativedelta(months=count),
        "quarter": relativedelta(months=3 * count),
        "year": relativedelta(years=count),
    }[unit]
    try:
        return as_of + step
    except (ValueError, OverflowError):
        return None


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _next_on_or_after(as_of: date, month: int, day: int) -> date | None:
    for year in range(as_of.year, as_of.year + 5):  # 29 February comes back within 4 years
        candidate = _date(year, month, day)
        if candidate is not None and candidate >= as_of:
            return candidate
    return None


def _date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day (30 February)."""
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _absolute(text: str, as_of: date) -> date | None:
    for pattern in (_ISO, _NUMERIC):
        match = pattern.search(text)
        if match:
            year = int(match.group("year"))
            year += 2000 if year < 100 else 0
            return _date(year, int(match.group("month")), int(match.group("day")))
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.search(text)
        if match:
            if match.group("year"):  # a full date: python-dateutil reads it
                fragment = f"{match.group('day')} {match.group('month')} {match.group('year')}"
                try:
                    return parser.parse(fragment, dayfirst=True).date()
                except (ValueError, OverflowError):
                    return None
            month, day = _MONTHS[match.group("month")], int(match.group("day"))
            return _next_on_or_after(as_of, month, day)
    match = _MONTH_YEAR.search(text)
    if match:
        return _end_of_month(int(match.group("year")), _MONTHS[match.group("month")])
    return None


def _periods(text: str, as_of: date) -> date | None:
    for pattern, months in ((_QUARTER, 3), (_QUARTER_WORDS, 3), (_HALF, 6), (_HALF_WORDS, 6)):
        match = pattern.search(text)
        if match:
            parts = match.groupdict()
            nth = parts.get("quarter") or parts.get("half")
            which = int(nth) if nth else _ORDINALS[parts["nth"]]
            return _period_end(as_of, months * which, parts["year"])
    return None


def _period_end(as_of: date, month: int, year: str | None) -> date:
    if year is not None:
        return _end_of_month(int(year), month)
    end = _end_of_month(as_of.year, month)
    return end if end >= as_of else _end_of_month(as_of.year + 1, month)


def _named(text: str, as_of: date) -> date | None:
    for pattern, name in _NAMED:
        if pattern.search(text):
            return _named_end(name, as_of)
    match = _BY_MONTH.search(text)
    if match:
        month = _MONTHS[match.group("month")]
        end = _end_of_month(as_of.year, month)
        return end if end >= as_of else _end_of_month(as_of.year + 1, month)
    match = _YEAR_ONLY.search(text)
    if match:
        return date(int(match.group("year")), 12, 31)
    return None


def _named_end(name: str, as_of: date) -> date:
    quarter_end = 3 * ((as_of.month - 1) // 3 + 1)
    ends = {
        "tomorrow": as_of + relativedelta(days=1),
        "year": date(as_of.year, 12, 31),
        "next year": date(as_of.year + 1, 12, 31),
        "month": _end_of_month(as_of.year, as_of.month),
        "next month": _end_of_month(*_shift_month(as_of, 1)),
        "quarter": _end_of_month(as_of.year, quarter_end),
        "next quarter": _end_of_month(*_shift_month(date(as_of.year, quarter_end, 1), 3)),
        "week": as_of + relativedelta(weekday=6),  # the coming Sunday
        "next week": as_of + relativedelta(weeks=1, weekday=6),
    }
    return ends[name]


def _shift_month(day: date, months: int) -> tuple[int, int]:
    moved = day + relativedelta(day=1, months=months)
    return moved.year, moved.month


_READERS = (_absolute, _periods, _relative, _named)
