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
