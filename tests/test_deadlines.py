"""Deadline phrases and goal text written by strangers: results or a ValidationError."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit
from careerkit import Goal, Plan, ValidationError, assess, assess_plan, assess_text, parse_deadline
from careerkit.model.rules import MAX_TEXT
from careerkit.smart import Sentence

AS_OF = date(2026, 11, 26)
NAMED = [
    "this week", "next week", "tomorrow", "q1", "q4", "h2 2026", "this month", "next month",
    "this quarter", "next quarter", "this year", "next year", "by eoy", "by eow", "by friday",
    "by next friday", "by the 15th", "by june", "by mid-year", "by christmas", "in 3 days",
    "within 2 weeks", "in half a year", "by the end of three months",
]  # fmt: skip


@pytest.mark.parametrize("phrase", NAMED)
@pytest.mark.parametrize("as_of", [date(9999, 12, 1), date(9999, 12, 31), date(1, 1, 1)])
def test_named_phrases_at_the_ends_of_the_calendar(phrase: str, as_of: date) -> None:
    """Every named end is computed only for the phrase found: near 9999-12-31 (or
    0001-01-01) a phrase gives a date within the calendar, or None."""
    found = parse_deadline(phrase, as_of=as_of)

    assert found is None or date(1, 1, 1) <= found <= date(9999, 12, 31)


def test_the_end_of_the_calendar_is_still_read() -> None:
    """A phrase whose date exists is read even when another named end would not."""
    assert date(9999, 12, 31) == parse_deadline("by the end of this year", as_of=date(9999, 12, 1))
    assert parse_deadline("by next year", as_of=date(9999, 12, 1)) is None


@pytest.mark.parametrize(
    "text", ["by march 0000", "q1 0000", "h1 0000", "by the first half of 0000", "0000-01-01"]
)
def test_year_zero_names_no_date(text: str) -> None:
    """There is no year 0: None, not an error."""
    assert parse_deadline(text, as_of=AS_OF) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by 0001-01-01", date(1, 1, 1)),
        ("5 march 0099", date(99, 3, 5)),
        ("by march 0001", date(1, 3, 31)),
        ("by 0099-12-31", date(99, 12, 31)),
        ("by 01/02/0050", date(50, 2, 1)),
        ("by 1/2/27", date(2027, 2, 1)),
    ],
)
def test_a_four_digit_year_is_the_year_written(text: str, expected: date) -> None:
    """Four digits are the year as written, however small; only two digits mean 20xx."""
    assert expected == parse_deadline(text, as_of=AS_OF)


@pytest.mark.parametrize("digits", [8, 5000, 90_000])
def test_a_huge_count_names_no_date(digits: int) -> None:
    """A count beyond the calendar (more than seven digits) gives None, without
    converting the digits to an integer."""
    assert parse_deadline("within " + "1" * digits + " days", as_of=AS_OF) is None
    assert assess_text("finish within " + "1" * digits + " days", as_of=AS_OF).score >= 0


def test_invalid_dates_give_none_never_another_date() -> None:
    """A date that does not exist stops the reading: the text does not fall through
    to the year or the month."""
    assert parse_deadline("Finish by 2026-02-30", as_of=date(2026, 1, 5)) is None
    assert parse_deadline("by 31/02/2027 or during 2027", as_of=AS_OF) is None
    assert parse_deadline("by 30 February 2027", as_of=AS_OF) is None


@pytest.mark.parametrize(
    "text",
    ["within the next few weeks", "in a couple of weeks", "in the next couple of months",
     "in a few months", "over several years", "within some days", "in a couple of years"],
)  # fmt: skip
def test_vague_counts_name_no_deadline(text: str) -> None:
    """ "few", "couple" and "several" are vague: None everywhere, never a guess."""
    assert parse_deadline(text, as_of=AS_OF) is None


@pytest.mark.parametrize(
    ("text", "by", "before"),
    [
        ("june", date(2027, 6, 30), date(2027, 5, 31)),
        ("june 15", date(2027, 6, 15), date(2027, 6, 14)),
        ("2028", date(2028, 12, 31), date(2027, 12, 31)),
        ("q3", date(2027, 9, 30), date(2027, 6, 30)),
        ("march 2027", date(2027, 3, 31), date(2027, 2, 28)),
        ("christmas 2026", date(2026, 12, 25), date(2026, 12, 24)),
        ("friday", date(2026, 11, 27), date(2026, 11, 26)),
        ("the 15th", date(2026, 12, 15), date(2026, 12, 14)),
        ("2027-01-20", date(2027, 1, 20), date(2027, 1, 19)),
    ],
)
def test_by_is_the_last_day_and_before_the_day_before(text: str, by: date, before: date) -> None:
    """ "by X" is the last day of X; "before X" the day before X begins."""
    assert by == parse_deadline(f"by {text}", as_of=AS_OF)
    assert before == parse_deadline(f"before {text}", as_of=AS_OF)


@pytest.mark.parametrize("text", ["june", "march 2027", "2028", "q3", "the year"])
def test_before_the_end_of_is_by_the_end_of(text: str) -> None:
    """ "before the end of X" is read as "by the end of X"."""
    assert parse_deadline(f"by the end of {text}", as_of=AS_OF) == parse_deadline(
        f"before the end of {text}", as_of=AS_OF
    )


@pytest.mark.parametrize("call", ["parse_deadline", "assess_text", "Sentence.read"])
@pytest.mark.parametrize("text", [None, 42, b"by June", ["by June"]])
def test_text_must_be_a_string(call: str, text: object) -> None:
    """A text that is not a ``str`` is refused, naming ``text``."""
    function = Sentence.read if call == "Sentence.read" else getattr(careerkit, call)
    with pytest.raises(ValidationError) as caught:
        function(text, as_of=AS_OF)

    assert "text" == caught.value.path


@pytest.mark.parametrize("call", ["parse_deadline", "assess_text"])
def test_text_longer_than_the_cap_is_refused(call: str) -> None:
    """Goal text is capped at the length of a plan's text fields; the cap itself is read."""
    function = getattr(careerkit, call)
    function("9 " * (MAX_TEXT // 2), as_of=AS_OF)
    with pytest.raises(ValidationError) as caught:
        function("9" * (MAX_TEXT + 1), as_of=AS_OF)

    assert "text" == caught.value.path
    assert "longer than 100000 characters" in str(caught.value)


@pytest.mark.parametrize("as_of", [datetime(2026, 11, 26, 9), "2026-11-26", 20261126])
def test_as_of_must_be_a_date(as_of: object) -> None:
    """``as_of`` must be a ``date``, not a ``datetime`` (which compares badly with dates)."""
    plan = Plan(id="p", owner="o", start=date(2026, 1, 5), goals=(Goal(id="g", title="Earn"),))
    calls = [
        lambda: parse_deadline("by June", as_of=as_of),  # type: ignore[arg-type]
        lambda: assess_text("Earn the PMP by June", as_of=as_of),  # type: ignore[arg-type]
        lambda: assess(plan.goals[0], plan=plan, as_of=as_of),  # type: ignore[arg-type]
        lambda: assess_plan(plan, as_of=as_of),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(ValidationError) as caught:
            call()
        assert "as_of" == caught.value.path
        kind = type(as_of).__name__
        expected = "datetime" if kind == "datetime" else ""
        assert f"expected a date, got {expected}" in str(caught.value)


def test_assess_plan_needs_a_date_and_assess_accepts_none() -> None:
    """``assess`` may judge without a date; ``assess_plan`` needs one."""
    goal = Goal(id="g", title="Earn the PMP certification")
    assert assess(goal, as_of=None).subject == "g"
    with pytest.raises(ValidationError, match="as_of"):
        assess_plan(Plan(id="p", owner="o", start=AS_OF), as_of=None)  # type: ignore[arg-type]


@given(st.text(max_size=300), st.dates())
def test_any_text_and_date_give_a_date_in_range_or_none(text: str, as_of: date) -> None:
    """Any text, on any date of the calendar, gives a date or None, and an assessment."""
    found = parse_deadline(text, as_of=as_of)

    assert found is None or isinstance(found, date)
    assert 0 <= assess_text(text, as_of=as_of).score <= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I may first take a course", None),
        ("by May first", date(2027, 5, 1)),
        ("pass the exam on the first try", None),
        ("by the fifteenth, then review it", date(2026, 12, 15)),
        ("land a job in the new year", None),
        ("apply for the lead role after three months", None),
        ("by New Year's Day", date(2027, 1, 1)),
        ("meet the team every Friday", None),
    ],
)
def test_words_that_only_look_like_deadlines(text: str, expected: date | None) -> None:
    """ "may" the verb, "the first try", "in the new year" and "after" name no deadline."""
    assert expected == parse_deadline(text, as_of=AS_OF)
