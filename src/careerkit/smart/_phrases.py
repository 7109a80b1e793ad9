"""The words and patterns of deadline phrases, read by :mod:`careerkit.smart.deadlines`.

Every pattern is searched in lower-case text whose white space is single
spaces. Numbers are bounded (a count has at most seven digits, a year four),
so no pattern backtracks over a long run of digits. Words that must begin a
word are written with :func:`~careerkit.smart._wording.word_starts`, so that
a long text is searched where it has their first letters. A pattern that
cannot match without one word (a unit, "half", "the") or one character (the
"-" of an ISO date) is a :class:`~careerkit.smart._wording.Guarded` one,
searched only in a text that has it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from careerkit.smart._wording import Guarded, word_starts

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
    "MONTH",
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
    "WEEKDAY_NAME",
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
    """A regular-expression choice of the words, longest first, each where a word begins."""
    return word_starts(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alternatives(MONTHS)})\.?"
_NUMBER = rf"(?P<count>\d{{1,7}}|{_alternatives(NUMBERS)})"
_UNIT = r"(?P<unit>day|week|month|quarter|year)s?"
_DAY = rf"(?P<day>\d{{1,2}}(?:st|nd|rd|th)?|{_alternatives(ORDINALS)})"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = rf"(?P<weekday>{_alternatives(WEEKDAYS)})"

MONTH = re.compile(_MONTH)
"""A month's name alone, as :data:`DAY_MONTH` and :data:`MONTH_DAY` must have it:
where this finds nothing, neither is searched (they begin with a day or with
look-arounds, so ``re`` tries them at every position of a text)."""
WEEKDAY_NAME = re.compile(_WEEKDAY)
"""A weekday's name alone, as :data:`WEEKDAY` must have it: where this finds
nothing, that is not searched."""
_BY = word_starts(["by", "before", "until", "till", "no later than", "on", "due"])

BEFORE = re.compile(r"\bbefore\s+(?:the\s+)?$")
"""The words just before a phrase that make its deadline the day before it begins."""

RELATIVE = (
    re.compile(
        word_starts(["within", "in", "over", "during", "for"])
        + rf"\s+(?:the\s+)?(?:next\s+|coming\s+)?{_NUMBER}\s+{_UNIT}\b(?!\s+and\s+a\s+half)"
    ),
    re.compile(word_starts(["next"]) + rf"\s+{_NUMBER}\s+{_UNIT}\b(?!\s+and\s+a\s+half)"),
    re.compile(
        word_starts([r"end\s+of"])
        + rf"\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?{_NUMBER}\s+{_UNIT}\b"
    ),
)
HALF_YEAR = Guarded(
    pattern=re.compile(
        word_starts(["within", "in", "over", "during", "for", "next"])
        + r"\s+(?:the\s+)?(?:next\s+)?"
        r"(?:(?P<half>half\s+a|a\s+half)\s+year|(?:a|one)\s+and\s+a\s+half\s+years"
        r"|(?:a|one)\s+year\s+and\s+a\s+half)\b"
    ),
    needs=("year",),
)
ABSOLUTE = (
    Guarded(
        pattern=re.compile(
            r"(?P<year>\d{4})(?<![\d.-]\d{4})-(?P<first>\d{1,2})-(?P<second>\d{1,2})(?![\d-])"
        ),
        needs=("-",),
    ),
    Guarded(
        pattern=re.compile(
            r"(?P<first>\d(?<![\d./-]\d)\d?)(?P<mark>[/.])(?P<second>\d{1,2})(?P=mark)"
            r"(?P<year>\d{4}|\d{2})(?![\d/-]|\.\d)"
        ),
        needs=("/", "."),
    ),
)
"""ISO dates, and numeric dates whose order is decided in the reader. Each begins
with its digits and looks behind them for what must not come before, so that
``re`` tries them only where the text has a digit, and only in a text that has
their separators."""
DAY_MONTH = re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")
MONTH_DAY = re.compile(
    # "I may first ...": the verb, unless a deadline word comes before it
    rf"\b(?:(?<=by )|(?<=before )|(?<=on )|(?<=until )|(?<=due )|(?!may (?:the )?[a-z]))"
    rf"{_MONTH}\s+(?:the\s+)?{_DAY}(?![\d\w])(?:,?\s+{_YEAR})?\b"
)
MONTH_YEAR = re.compile(rf"{_MONTH}(?:\s+of)?,?\s+{_YEAR}\b")
MID_YEAR = re.compile(word_starts([r"mid(?:-|\s+)(?P<year>\d{4})\b", r"mid-?year\b"]))
MID_MONTH = re.compile(word_starts(["mid"]) + rf"(?:-|\s+){_MONTH}(?:,?\s+{_YEAR})?\b")
HOLIDAY = re.compile(
    rf"{_BY}\s+(?:the\s+)?(?P<holiday>{_alternatives(HOLIDAYS)})(?:,?\s+{_YEAR})?\b"
)
BY_MONTH = re.compile(
    word_starts(["by", "before", "until", "till", "in", "end of"])
    + rf"\s+(?:the\s+end\s+of\s+)?{_MONTH}(?![\w'])"
)
QUARTER = re.compile(word_starts(["q"]) + r"(?P<quarter>[1-4])(?:\s+(?:of\s+)?(?P<year>\d{4}))?\b")
QUARTER_WORDS = Guarded(
    pattern=re.compile(
        rf"(?P<nth>{word_starts(['first', 'second', 'third', 'fourth'])})"
        r"\s+quarter(?:\s+of\s+(?P<year>\d{4}))?\b"
    ),
    needs=("quarter",),
)
HALF = re.compile(word_starts(["h"]) + r"(?P<half>[12])\s+(?P<year>\d{4})\b")
HALF_WORDS = Guarded(
    pattern=re.compile(
        rf"(?P<nth>{word_starts(['first', 'second'])})\s+half\s+of\s+(?P<year>\d{{4}})\b"
    ),
    needs=("half",),
)
END_OF = re.compile(word_starts(["eo"]) + r"(?P<period>[ymqw])(?:\s+(?P<year>\d{4}))?\b")
"""The abbreviations EOY, EOQ, EOM and EOW (end of year, quarter, month, week)."""
YEAR_ONLY = Guarded(
    pattern=re.compile(
        word_starts(["by", "before", "until", "till", "in", "during", "end of", "within"])
        + r"\s+(?:the\s+end\s+of\s+)?(?P<year>20\d{2})\b"
    ),
    needs=("20",),
)
WEEKDAY = re.compile(
    rf"\b(?:{_BY}\s+(?:the\s+)?(?:(?P<next>next|this|coming)\s+)?|(?P<bare_next>next)\s+)"
    rf"{_WEEKDAY}\b"
)
DAY_OF_MONTH = Guarded(
    pattern=re.compile(
        rf"{_BY}\s+the\s+(?:(?P<day>\d{{1,2}}(?:st|nd|rd|th))\b"
        r"(?!\s+(?:of\s+)?(?:quarter|half|week|month|year|day|century|time|step|draft|round))"
        rf"|(?P<day_word>{_alternatives(ORDINALS)})(?=\s*$|[,.;:!?)]|\s+(?:and|or|so|to|at|with|if)\b))"
    ),
    needs=("the",),
)
"""A day of the month alone: "by the 15th"; a day written as a word ("by the
fifteenth") only at the end of the phrase, so that "on the first try" is no date."""


def _named(tail: str, bare: str, unit: str) -> Guarded:
    """A named period: "end of" or "by" and then ``tail``, or ``bare``, where a word
    begins; both name the ``unit``."""
    return Guarded(
        pattern=re.compile(word_starts([rf"end of\s+{tail}", rf"by\s+{tail}", bare])),
        needs=(unit,),
    )


NAMED = (
    (
        Guarded(pattern=re.compile(word_starts(["tomorrow"], then=r"\b")), needs=("tomorrow",)),
        "tomorrow",
    ),
    (_named(r"(?:the\s+)?next\s+year\b", r"next year\b", "year"), "next year"),
    (_named(r"(?:the\s+|this\s+)?(?:calendar\s+)?year\b", r"this year\b", "year"), "year"),
    (_named(r"(?:the\s+)?next\s+month\b", r"next month\b", "month"), "next month"),
    (_named(r"(?:the\s+|this\s+)?month\b", r"this month\b", "month"), "month"),
    (_named(r"(?:the\s+)?next\s+quarter\b", r"next quarter\b", "quarter"), "next quarter"),
    (_named(r"(?:the\s+|this\s+)?quarter\b", r"this quarter\b", "quarter"), "quarter"),
    (_named(r"(?:the\s+)?next\s+week\b", r"next week\b", "week"), "next week"),
    (_named(r"(?:the\s+|this\s+)?week\b", r"this week\b", "week"), "week"),
)
