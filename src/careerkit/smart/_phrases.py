"""The words and patterns of deadline phrases, read by :mod:`careerkit.smart.deadlines`.

Every pattern is searched in lower-case text whose white space is single
spaces. Numbers are bounded (a count has at most seven digits, a year four),
so no pattern backtracks over a long run of digits.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

__all__ = [
    "ABSOLUTE",
    "BEFORE",
    "BY_MONTH",
    "DAY_MONTH",
    "DAY_OF_MONTH",
    "END_OF",
    "HALF",
    "HALF_WORDS",
    "HALF_YEAR",
    "HOLIDAY",
    "HOLIDAYS",
    "MID_MONTH",
    "MID_YEAR",
    "MONTHS",
    "MONTH_DAY",
    "MONTH_YEAR",
    "NAMED",
    "NUMBERS",
    "ORDINALS",
    "QUARTER",
    "QUARTER_WORDS",
    "RELATIVE",
    "WEEKDAY",
    "WEEKDAYS",
    "YEAR_ONLY",
]

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "ninety": 90, "hundred": 100,
}  # fmt: skip
"""Counts written as words. Vague counts ("a few", "a couple of", "several",
"some") are not here: they name no deadline."""

_DAY_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
ORDINALS = {word: number for number, word in enumerate(_DAY_WORDS, start=1)}
ORDINALS.update({f"twenty-{word}": 20 + ORDINALS[word] for word in _DAY_WORDS[:9]})
ORDINALS.update({f"twenty {word}": 20 + ORDINALS[word] for word in _DAY_WORDS[:9]})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
"""Days of the month written as ordinal words, "first" to "thirty-first"."""

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's eve": (12, 31),
    "new years eve": (12, 31),
    "new year's day": (1, 1),
    "new year's": (1, 1),
    "new year": (1, 1),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
}
"""Holidays on a fixed day of the year; holidays that move (Easter,
Thanksgiving, which differs by country) are not read."""


def _alternatives(words: Iterable[str]) -> str:
    """A regular-expression choice of the words, longest first."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternatives(MONTHS)})\.?"
_NUMBER = rf"(?P<count>\d{{1,7}}|{_alternatives(NUMBERS)})"
_UNIT = r"(?P<unit>day|week|month|quarter|year)s?"
_DAY = rf"(?P<day>\d{{1,2}}(?:st|nd|rd|th)?|{_alternatives(ORDINALS)})"
_YEAR = r"(?P<year>\d{4})"
_BY = r"(?:by|before|until|till|no later than|on|due)"

BEFORE = re.compile(r"\bbefore\s+(?:the\s+)?$")
"""The words just before a phrase that make its deadline the day before it begins."""

RELATIVE = (
    re.compile(
        rf"\b(?:within|in|over|during|for)\s+(?:the\s+)?(?:next\s+|coming\s+)?"
        rf"{_NUMBER}\s+{_UNIT}\b(?!\s+and\s+a\s+half)"
    ),
    re.compile(rf"\bnext\s+{_NUMBER}\s+{_UNIT}\b(?!\s+and\s+a\s+half)"),
    re.compile(rf"\bend\s+of\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?{_NUMBER}\s+{_UNIT}\b"),
)
HALF_YEAR = re.compile(
    r"\b(?:within|in|over|during|for|next)\s+(?:the\s+)?(?:next\s+)?"
    r"(?:(?P<half>half\s+a|a\s+half)\s+year|(?:a|one)\s+and\s+a\s+half\s+years"
    r"|(?:a|one)\s+year\s+and\s+a\s+half)\b"
)
ABSOLUTE = (
    re.compile(r"(?<![\d.-])(?P<year>\d{4})-(?P<first>\d{1,2})-(?P<second>\d{1,2})(?![\d-])"),
    re.compile(
        r"(?<![\d./-])(?P<first>\d{1,2})(?P<mark>[/.])(?P<second>\d{1,2})(?P=mark)"
        r"(?P<year>\d{4}|\d{2})(?![\d/-]|\.\d)"
    ),
)
"""ISO dates, and numeric dates whose order is decided in the reader."""
DAY_MONTH = re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")
MONTH_DAY = re.compile(
    # "I may first ...": the verb, unless a deadline word comes before it
    rf"\b(?:(?<=by )|(?<=before )|(?<=on )|(?<=until )|(?<=due )|(?!may (?:the )?[a-z]))"
    rf"{_MONTH}\s+(?:the\s+)?{_DAY}(?![\d\w])(?:,?\s+{_YEAR})?\b"
)
MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b")
MID_YEAR = re.compile(r"\bmid(?:-|\s+)(?P<year>\d{4})\b|\bmid-?year\b")
MID_MONTH = re.compile(rf"\bmid(?:-|\s+){_MONTH}(?:,?\s+{_YEAR})?\b")
HOLIDAY = re.compile(
    rf"\b{_BY}\s+(?:the\s+)?(?P<holiday>{_alternatives(HOLIDAYS)})(?:,?\s+{_YEAR})?\b"
)
BY_MONTH = re.compile(
    rf"\b(?:by|before|until|till|in|end of)\s+(?:the\s+end\s+of\s+)?{_MONTH}(?![\w'])"
)
QUARTER = re.compile(r"\bq(?P<quarter>[1-4])(?:\s+(?:of\s+)?(?P<year>\d{4}))?\b")
QUARTER_WORDS = re.compile(
    r"\b(?P<nth>first|second|third|fourth)\s+quarter(?:\s+of\s+(?P<year>\d{4}))?\b"
)
HALF = re.compile(r"\bh(?P<half>[12])\s+(?P<year>\d{4})\b")
HALF_WORDS = re.compile(r"\b(?P<nth>first|second)\s+half\s+of\s+(?P<year>\d{4})\b")
END_OF = re.compile(r"\beo(?P<period>[ymqw])(?:\s+(?P<year>\d{4}))?\b")
"""The abbreviations EOY, EOQ, EOM and EOW (end of year, quarter, month, week)."""
YEAR_ONLY = re.compile(
    r"\b(?:by|before|until|till|in|during|end of|within)\s+(?:the\s+end\s+of\s+)?"
    r"(?P<year>20\d{2})\b"
)
WEEKDAY = re.compile(
    rf"\b(?:{_BY}\s+(?:the\s+)?(?:(?P<next>next|this|coming)\s+)?|(?P<bare_next>next)\s+)"
    rf"(?P<weekday>{_alternatives(WEEKDAYS)})\b"
)
DAY_OF_MONTH = re.compile(
    rf"\b{_BY}\s+the\s+(?:(?P<day>\d{{1,2}}(?:st|nd|rd|th))\b"
    r"(?!\s+(?:of\s+)?(?:quarter|half|week|month|year|day|century|time|step|draft|round))"
    rf"|(?P<day_word>{_alternatives(ORDINALS)})(?=\s*$|[,.;:!?)]|\s+(?:and|or|so|to|at|with|if)\b))"
)
"""A day of the month alone: "by the 15th"; a day written as a word ("by the
fifteenth") only at the end of the phrase, so that "on the first try" is no date."""
NAMED = (
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
