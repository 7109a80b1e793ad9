"""Tests for the word patterns of careerkit.smart: words found where a word begins."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit.smart import _phrases as phrases
from careerkit.smart import _wording as wording
from careerkit.smart._wording import word_starts
from careerkit.smart.deadlines import parse_deadline

from .schedule_strategies import PROPERTY_SETTINGS

_LETTERS = "abcd9' "
_WORDS = st.lists(st.text("abcd9'", min_size=1, max_size=4).filter(lambda w: w[0] != "'"),
                  min_size=1, max_size=6)  # fmt: skip


@PROPERTY_SETTINGS
@given(_WORDS, st.sampled_from(["", r"\b", r"\w*\b", r" ?d"]), st.text(_LETTERS, max_size=30))
def test_word_starts_matches_as_a_leading_word_boundary_does(
    words: list[str], then: str, text: str
) -> None:
    """``word_starts`` finds what ``\\b(?:w1|w2|...)`` then ``then`` finds, with the same span."""
    plain = re.compile(r"\b(?:" + "|".join(words) + ")" + then)
    grouped = re.compile(word_starts(words, then=then))

    expected = [(found.start(), found.end()) for found in plain.finditer(text)]
    assert expected == [(found.start(), found.end()) for found in grouped.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("VAGUE", "get better at marketing", True),
        ("VAGUE", "abetter plan", False),
        ("ACTION", "earned the badge", True),
        ("ACTION", "a yearning", False),
        ("ACTION", "practise talks", True),
        ("CREDENTIAL", "a certification in analytics", True),
        ("CREDENTIAL", "a master's in finance", True),
        ("CREDENTIAL", "recertification", False),
        ("CREDENTIAL", "internships abroad", True),
        ("JOB_TITLE", "become a senior marketing manager", True),
        ("JOB_TITLE", "overbecome a manager", False),
        ("PURPOSE", "so that i can lead", True),
        ("PURPOSE", "also that", False),
        ("TIME_SIGNAL", "run every week", True),
        ("TIME_SIGNAL", "by the end of the school term", True),
        ("TIME_SIGNAL", "talk on mondays", False),
        ("NUMERIC_DATE", "due 3/4/2027", True),
        ("NUMERIC_DATE", "due 123/4/2027", False),
    ],
)
def test_the_word_patterns(pattern: str, text: str, found: bool) -> None:
    """Each pattern finds its words at the start of a word, and not inside one."""
    assert found == bool(getattr(wording, pattern).search(text))


def test_the_patterns_searched_only_with_a_name_have_it() -> None:
    """Day-and-month phrases are searched only where a month is named, and weekday
    phrases only where a weekday is: each has that name as a part of its own."""
    assert phrases.MONTH.pattern in phrases.DAY_MONTH.pattern
    assert phrases.MONTH.pattern in phrases.MONTH_DAY.pattern
    assert phrases.WEEKDAY_NAME.pattern in phrases.WEEKDAY.pattern


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the 15th of june 2027", date(2027, 6, 15)),
        ("by march the first", date(2027, 3, 1)),
        ("by next friday", date(2026, 12, 4)),
        ("99 99 by friday", date(2026, 11, 27)),
        ("9 9 9 by 2028", date(2028, 12, 31)),
    ],
)
def test_named_days_are_read_with_the_name_anywhere(text: str, expected: date) -> None:
    """A phrase that names a month or a weekday is read wherever the name stands."""
    assert expected == parse_deadline(text, as_of=date(2026, 11, 26))


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("earn 3 badges by 2027-03-01", "earn 3 badges by  "),
        ("due 31/12/2026 or 12.31.26", "due   or  "),
        ("in q3, h1 or 2027", "in  ,   or  "),
        ("on the 15th within the next 3 years", "on the    "),
        ("x2027 or a2027-01-01 or 9th5", "x2027 or a2027-01-01 or 9th5"),
    ],
)
def test_time_phrases_are_left_out(text: str, left: str) -> None:
    """Dates and spans of time are taken out of a text, where a word begins."""
    assert left == wording.TIME_PHRASE.sub(" ", text)


# Texts made of what dates, spans and named periods are made of, so that the patterns
# below match in many of them.
_DATE_PIECES = st.lists(
    st.sampled_from(
        [
            "9", "12", "2027", "٣", "-", "/", ".", " ", "st", "th", "nd", "q3", "h1", "by ",
            "the ", "end of ", "next ", "this ", "within ", "year", "month", "quarter", "week",
            "tomorrow", "x", "3/4/27", "2027-03-01", "12.31.2026", "15th", "in 2 years",
            "march", "mar", "friday", "christmas", "half", "a ", "first ", "of ", "20", "on ",
        ]
    ),
    max_size=12,
).map("".join)  # fmt: skip


def _spans(found: re.Match[str] | None) -> tuple[int, int] | None:
    return None if found is None else found.span()


_GUARDED = [
    *(value for value in vars(phrases).values() if isinstance(value, wording.Guarded)),
    *phrases.ABSOLUTE,
    *(pattern for pattern, _ in phrases.NAMED),
    wording.NUMERIC_DATE,
]


@PROPERTY_SETTINGS
@given(st.sampled_from(_GUARDED), _DATE_PIECES)
def test_a_guarded_pattern_finds_what_its_pattern_finds(
    guarded: wording.Guarded, text: str
) -> None:
    """A text without what a guarded pattern needs has no match of it: skipping the
    search gives the same answer."""
    assert _spans(guarded.pattern.search(text)) == _spans(guarded.search(text))


_NAMED_EXAMPLES = {
    "tomorrow": "due tomorrow", "next year": "by next year", "year": "by the end of this year",
    "next month": "next month", "month": "this month", "next quarter": "by next quarter",
    "quarter": "end of the quarter", "next week": "next week", "week": "by the week",
}  # fmt: skip


@pytest.mark.parametrize(
    ("guarded", "text"),
    [
        (phrases.ABSOLUTE[0], "by 2027-03-01"),
        (phrases.ABSOLUTE[1], "by 3/4/27"),
        (phrases.ABSOLUTE[1], "by 3.4.2027"),
        (wording.NUMERIC_DATE, "due 3/4/2027"),
        (phrases.HALF_YEAR, "in half a year"),
        (phrases.QUARTER_WORDS, "the third quarter of 2027"),
        (phrases.HALF_WORDS, "the first half of 2027"),
        (phrases.YEAR_ONLY, "by 2028"),
        (phrases.DAY_OF_MONTH, "by the 15th"),
        *((pattern, _NAMED_EXAMPLES[name]) for pattern, name in phrases.NAMED),
    ],
)
def test_a_guarded_pattern_is_searched_where_it_matches(
    guarded: wording.Guarded, text: str
) -> None:
    """Each guarded pattern's phrase has what the guard needs, and is found."""
    found = guarded.pattern.search(text)
    assert found is not None
    assert found.span() == _spans(guarded.search(text))


def test_guarded_patterns_skip_texts_without_what_they_need() -> None:
    """A guarded pattern is not searched in a text that lacks all of its ``needs``."""
    never = wording.Guarded(pattern=re.compile("9"), needs=("-",))
    assert never.search("9 9 9") is None
    assert (0, 1) == _spans(never.search("9-9"))


def _time_phrase_of_each_digit() -> re.Pattern[str]:
    """The time phrases with each digit's dates written as ``word_starts`` writes them."""
    digits = [
        digit + tail
        for digit in "0123456789"
        for tail in (wording._ISO_DATE, wording._NUMBER_DATE, wording._YEAR, wording._DAY)
    ]
    return re.compile(f"(?:{word_starts(digits)}|{wording._SPANS})")


@PROPERTY_SETTINGS
@given(_DATE_PIECES)
def test_untimed_leaves_what_the_whole_time_phrase_leaves(text: str) -> None:
    """Leaving out only the kinds of date a text can have gives the text that leaving
    out every kind gives, and the one choice of a digit is ``word_starts`` of each."""
    expected = _time_phrase_of_each_digit().sub(" ", text)
    assert expected == wording.TIME_PHRASE.sub(" ", text)
    assert expected == wording.untimed(text)


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("9 9 9 by 2027-03-01", "9 9 9 by  "),
        ("9 9 9 on the 1st", "9 9 9 on the  "),
        ("due 3/4/27", "due  "),
        ("due 3.4.27", "due  "),
        ("9 9 9-9", "9 9 9-9"),
    ],
)
def test_untimed_finds_each_kind_of_date(text: str, left: str) -> None:
    """Each kind of date is left out when the text has what it is written with."""
    assert left == wording.untimed(text)


@PROPERTY_SETTINGS
@given(st.text(max_size=40) | st.text("aB9%' ,İK-é", max_size=40))
def test_word_count_counts_the_words(text: str) -> None:
    """``word_count`` is the length of ``words``, whatever the characters."""
    assert len(wording.words(text)) == wording.word_count(text)


def test_normalised_lowers_and_single_spaces() -> None:
    """Deadlines and sentences are read in lower case with single spaces."""
    assert "by march 2027" == wording.normalised("\tBy  MARCH\n2027 ")
