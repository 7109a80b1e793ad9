"""Tests for careerkit.workdays: the working-day index and the arithmetic built on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit import (
    Calendar,
    DayIndex,
    Goal,
    Plan,
    Task,
    ValidationError,
    Weekday,
    add_working_days,
    count_working_days,
    is_working_day,
    next_working_day,
    previous_working_day,
    schedule,
)

from .schedule_strategies import EVERY_DAY, PROPERTY_SETTINGS, holiday_runs, weekday_sets
from .wrong_arguments import refused_path, wrong_calls

ONE_DAY = timedelta(days=1)
WEEKDAYS = Calendar()  # Monday to Friday, no holidays
FRIDAY = date(2026, 11, 27)
SATURDAY = date(2026, 11, 28)
SUNDAY = date(2026, 11, 29)
MONDAY = date(2026, 11, 30)
CHRISTMAS_WEEK = Calendar(
    holidays=(date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 28), date(2026, 12, 31))
)


# -- a brute-force model: walk the calendar one day at a time ------------------


def brute_is_working(calendar: Calendar, day: date) -> bool:
    """Whether ``day`` is worked, straight from the definition."""
    worked = {weekday.number for weekday in calendar.working_days}
    return day.weekday() in worked and day not in calendar.holidays


def brute_next(calendar: Calendar, day: date) -> date:
    """The first working day on or after ``day``, one day at a time."""
    while not brute_is_working(calendar, day):
        day += ONE_DAY
    return day


def brute_previous(calendar: Calendar, day: date) -> date:
    """The last working day on or before ``day``, one day at a time."""
    while not brute_is_working(calendar, day):
        day -= ONE_DAY
    return day


def brute_count(calendar: Calendar, start: date, end: date) -> int:
    """Working days from ``start`` (included) to ``end`` (excluded); negative backwards."""
    if end < start:
        return -brute_count(calendar, end, start)
    return sum(
        brute_is_working(calendar, start + timedelta(days=offset))
        for offset in range((end - start).days)
    )


def brute_add(calendar: Calendar, day: date, days: int) -> date:
    """Move ``days`` working days from the first working day on or after ``day``."""
    day = brute_next(calendar, day)
    step = ONE_DAY if days >= 0 else -ONE_DAY
    for _ in range(abs(days)):
        day += step
        while not brute_is_working(calendar, day):
            day += step
    return day


@st.composite
def calendars_and_dates(draw: st.DrawFn) -> tuple[Calendar, date, date]:
    """A calendar with holiday runs around a year end, an origin, and a date near it.

    The origin lies within a few weeks of 31 December; the other date lies up
    to about four months before or after it.
    """
    year = draw(st.integers(min_value=2000, max_value=2040))
    origin = date(year, 12, 31) + timedelta(days=draw(st.integers(min_value=-40, max_value=40)))
    calendar = Calendar(
        working_days=draw(weekday_sets()),
        holidays=draw(holiday_runs(origin, before=60, after=60, max_runs=8, max_length=9)),
    )
    day = origin + timedelta(days=draw(st.integers(min_value=-130, max_value=130)))
    return calendar, origin, day


# -- DayIndex against the brute-force walk -------------------------------------


@PROPERTY_SETTINGS
@given(calendars_and_dates())
def test_index_differences_count_working_days(case: tuple[Calendar, date, date]) -> None:
    """``index_of(b) - index_of(a)`` counts working days from a to b, before or after a."""
    calendar, origin, day = case
    days = DayIndex(calendar)

    assert brute_count(calendar, origin, day) == days.index_of(day) - days.index_of(origin)


@PROPERTY_SETTINGS
@given(calendars_and_dates())
def test_index_round_trip(case: tuple[Calendar, date, date]) -> None:
    """``date_of(index_of(d))`` is the first working day on or after d."""
    calendar, _, day = case
    days = DayIndex(calendar)

    assert brute_next(calendar, day) == days.date_of(days.index_of(day))
    assert brute_is_working(calendar, day) == days.is_working_day(day)


@PROPERTY_SETTINGS
@given(calendars_and_dates(), st.integers(min_value=-40, max_value=40))
def test_date_of_walks_working_days(case: tuple[Calendar, date, date], steps: int) -> None:
    """The index ``n`` steps from a date's index is ``n`` working days away, either way."""
    calendar, origin, _ = case
    days = DayIndex(calendar)

    assert brute_add(calendar, origin, steps) == days.date_of(days.index_of(origin) + steps)


@PROPERTY_SETTINGS
@given(calendars_and_dates())
def test_functions_match_the_brute_force(case: tuple[Calendar, date, date]) -> None:
    """The module functions agree with the day-by-day definitions."""
    calendar, origin, day = case

    assert brute_is_working(calendar, day) == is_working_day(calendar, day)
    assert brute_next(calendar, day) == next_working_day(calendar, day)
    assert brute_next(calendar, day + ONE_DAY) == next_working_day(calendar, day, inclusive=False)
    assert brute_previous(calendar, day) == previous_working_day(calendar, day)
    assert brute_previous(calendar, day - ONE_DAY) == previous_working_day(
        calendar, day, inclusive=False
    )
    assert brute_count(calendar, origin, day) == count_working_days(calendar, origin, day)


@PROPERTY_SETTINGS
@given(calendars_and_dates())
def test_adding_the_count_reaches_the_next_working_day(case: tuple[Calendar, date, date]) -> None:
    """``add_working_days(c, d, count_working_days(c, d, e)) == next_working_day(c, e)``."""
    calendar, origin, day = case

    for start, end in ((origin, day), (day, origin)):
        counted = count_working_days(calendar, start, end)
        assert next_working_day(calendar, end) == add_working_days(calendar, start, counted)


@PROPERTY_SETTINGS
@given(calendars_and_dates(), st.integers(min_value=-60, max_value=60))
def test_counting_what_was_added(case: tuple[Calendar, date, date], steps: int) -> None:
    """Counting from a date to that date moved by n working days gives n back."""
    calendar, origin, _ = case
    moved = add_working_days(calendar, origin, steps)

    assert steps == count_working_days(calendar, origin, moved)
    assert is_working_day(calendar, moved)


@PROPERTY_SETTINGS
@given(calendars_and_dates())
def test_count_is_antisymmetric(case: tuple[Calendar, date, date]) -> None:
    """Counting backwards gives the negated count."""
    calendar, origin, day = case

    assert -count_working_days(calendar, origin, day) == count_working_days(calendar, day, origin)


def brute_week(day: date) -> int:
    """The number of a date's Monday-to-Sunday week, counted from 0001-01-01's."""
    return (day - date(1, 1, 1)).days // 7


@PROPERTY_SETTINGS
@given(calendars_and_dates())
def test_week_of_is_the_week_of_the_working_day(case: tuple[Calendar, date, date]) -> None:
    """``week_of(index_of(d))`` numbers the week of the first working day on or after d."""
    calendar, _, day = case
    days = DayIndex(calendar)

    assert brute_week(brute_next(calendar, day)) == days.week_of(days.index_of(day))


@PROPERTY_SETTINGS
@given(calendars_and_dates())
def test_week_start_counts_to_the_monday(case: tuple[Calendar, date, date]) -> None:
    """``week_start(w) - index_of(d)`` counts the working days from d to week w's Monday,
    for the weeks around d, and each week's working days have its number."""
    calendar, origin, day = case
    days = DayIndex(calendar)
    week = brute_week(day)

    for number in range(week - 2, week + 3):
        monday = date.fromordinal(number * 7 + 1)
        start = days.week_start(number)
        assert brute_count(calendar, origin, monday) == start - days.index_of(origin)
        assert all(
            days.week_of(index) == number for index in range(start, days.week_start(number + 1))
        )


def test_a_week_of_holidays_starts_where_the_next_one_does() -> None:
    """A week with no working day has no index of its own: it starts at the next week's."""
    holidays = tuple(date(2026, 12, 21) + timedelta(days=offset) for offset in range(5))
    days = DayIndex(Calendar(holidays=holidays))
    week = brute_week(date(2026, 12, 21))

    assert days.week_start(week) == days.week_start(week + 1)
    assert days.index_of(date(2026, 12, 28)) == days.week_start(week)
    assert week + 1 == days.week_of(days.week_start(week))
    assert week - 1 == days.week_of(days.week_start(week) - 1)


@pytest.mark.parametrize(
    "calendar",
    [WEEKDAYS, Calendar(working_days=EVERY_DAY), Calendar(working_days=(Weekday.SATURDAY,))],
    ids=["weekdays", "every-day", "saturdays"],
)
def test_week_start_past_the_last_week_is_the_calendar_end(calendar: Calendar) -> None:
    """After the week of 9999-12-31 comes the boundary past that day, never a count
    of the days of year 10000 the week would have run into."""
    days = DayIndex(calendar)
    last = brute_week(LAST_DAY)

    assert days.boundary_after(LAST_DAY) == days.week_start(last + 1)
    assert days.boundary_after(LAST_DAY) == days.week_start(last + 5)
    assert days.index_of(date(9999, 12, 27)) == days.week_start(last)
    last_working_day = brute_previous(calendar, LAST_DAY)
    assert brute_week(last_working_day) == days.week_of(days.boundary_after(LAST_DAY) - 1)


# -- examples ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (FRIDAY, True),
        (SATURDAY, False),
        (SUNDAY, False),
        (date(2026, 12, 24), False),  # a holiday on a Thursday
        (date(2026, 12, 26), False),  # Saturday
        (date(2026, 12, 29), True),
        (date(2027, 1, 1), True),  # not listed as a holiday
    ],
)
def test_is_working_day(day: date, expected: bool) -> None:
    """Worked weekdays that are not holidays are working days."""
    assert expected == is_working_day(CHRISTMAS_WEEK, day)


def test_holidays_on_days_off_change_nothing() -> None:
    """A holiday that falls on a weekend does not shift any count."""
    with_weekend_holiday = Calendar(holidays=(SATURDAY,))

    assert count_working_days(WEEKDAYS, FRIDAY, MONDAY + ONE_DAY) == count_working_days(
        with_weekend_holiday, FRIDAY, MONDAY + ONE_DAY
    )
    assert 2 == count_working_days(with_weekend_holiday, FRIDAY, MONDAY + ONE_DAY)


@pytest.mark.parametrize(
    ("day", "inclusive", "expected"),
    [
        (FRIDAY, True, FRIDAY),
        (FRIDAY, False, MONDAY),
        (SATURDAY, True, MONDAY),
        (SATURDAY, False, MONDAY),
        (SUNDAY, False, MONDAY),
        (date(2026, 12, 23), False, date(2026, 12, 29)),  # over two holidays and a weekend
        (date(2026, 12, 24), True, date(2026, 12, 29)),
        (date(2026, 12, 30), False, date(2027, 1, 1)),  # over New Year's Eve into 2027
    ],
)
def test_next_working_day(day: date, inclusive: bool, expected: date) -> None:
    """The next working day is the day itself when inclusive and worked, else later."""
    assert expected == next_working_day(CHRISTMAS_WEEK, day, inclusive=inclusive)


@pytest.mark.parametrize(
    ("day", "inclusive", "expected"),
    [
        (MONDAY, True, MONDAY),
        (MONDAY, False, FRIDAY),
        (SUNDAY, True, FRIDAY),
        (SUNDAY, False, FRIDAY),
        (date(2026, 12, 29), False, date(2026, 12, 23)),
        (date(2026, 12, 28), True, date(2026, 12, 23)),
        (date(2027, 1, 1), False, date(2026, 12, 30)),  # back over New Year's Eve into 2026
    ],
)
def test_previous_working_day(day: date, inclusive: bool, expected: date) -> None:
    """The previous working day is the day itself when inclusive and worked, else earlier."""
    assert expected == previous_working_day(CHRISTMAS_WEEK, day, inclusive=inclusive)


@pytest.mark.parametrize(
    ("day", "days", "expected"),
    [
        (FRIDAY, 1, MONDAY),
        (FRIDAY, 0, FRIDAY),
        (SATURDAY, 0, MONDAY),  # zero from a day off: the next working day
        (SUNDAY, 1, MONDAY + ONE_DAY),
        (MONDAY, -1, FRIDAY),
        (SATURDAY, -1, FRIDAY),  # counted from Monday, the next working day
        (date(2026, 12, 23), 1, date(2026, 12, 29)),
        (date(2026, 12, 29), -1, date(2026, 12, 23)),
        (date(2026, 12, 22), 5, date(2027, 1, 4)),  # 23, 29, 30, 1 January, 4 January
        (date(2027, 1, 4), -5, date(2026, 12, 22)),
    ],
)
def test_add_working_days(day: date, days: int, expected: date) -> None:
    """Adding moves over days off in either direction; zero lands on a working day."""
    assert expected == add_working_days(CHRISTMAS_WEEK, day, days)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (MONDAY, MONDAY, 0),
        (FRIDAY, MONDAY, 1),  # half-open: Friday counts, Monday does not
        (SATURDAY, MONDAY, 0),
        (MONDAY, FRIDAY, -1),  # backwards: negative
        (date(2026, 12, 21), date(2027, 1, 4), 6),  # 21, 22, 23, 29, 30, 1 January
        (date(2027, 1, 4), date(2026, 12, 21), -6),
    ],
)
def test_count_working_days(start: date, end: date, expected: int) -> None:
    """Counts are half-open, ``start`` included and ``end`` excluded, negative backwards."""
    assert expected == count_working_days(CHRISTMAS_WEEK, start, end)


def test_one_working_weekday() -> None:
    """With only Wednesdays worked, one working day is a week."""
    wednesdays = Calendar(working_days=(Weekday.WEDNESDAY,), holidays=(date(2026, 12, 2),))

    assert date(2026, 12, 9) == add_working_days(wednesdays, FRIDAY, 0)  # 2 December is off
    assert date(2026, 12, 16) == add_working_days(wednesdays, FRIDAY, 1)
    assert 2 == count_working_days(wednesdays, date(2026, 11, 25), date(2026, 12, 10))


def test_every_day_calendar() -> None:
    """With every day worked, working days are calendar days (holidays aside)."""
    every_day = Calendar(working_days=EVERY_DAY, holidays=(date(2026, 12, 25),))

    assert SATURDAY == add_working_days(every_day, FRIDAY, 1)
    assert date(2026, 12, 26) == add_working_days(every_day, date(2026, 12, 24), 1)
    assert 6 == count_working_days(every_day, date(2026, 12, 21), date(2026, 12, 28))


def test_day_index_doctest_numbers() -> None:
    """Indexes are relative: a Sunday shares the index of the Monday after it."""
    days = DayIndex(WEEKDAYS)

    assert days.index_of(MONDAY) == days.index_of(SUNDAY) == days.index_of(SATURDAY)
    assert days.index_of(FRIDAY) + 1 == days.index_of(MONDAY)
    assert MONDAY == days.date_of(days.index_of(SATURDAY))


# -- the plan's start ----------------------------------------------------------


def _plan_starting(start: date, calendar: Calendar) -> Plan:
    return Plan(
        id="p",
        owner="Ana",
        start=start,
        goals=(Goal(id="g", title="Reach g"),),
        tasks=(Task(id="t", goal="g", title="Step", duration=2),),
        calendar=calendar,
    )


def test_plan_starting_on_a_weekend() -> None:
    """A plan starting on a Saturday has its first work on the Monday after."""
    result = schedule(_plan_starting(SATURDAY, WEEKDAYS))

    assert (MONDAY, MONDAY + ONE_DAY) == (result["t"].early_start, result["t"].early_finish)
    assert MONDAY == result.start
    assert 2 == result.duration


def test_plan_starting_on_holidays() -> None:
    """Holidays at the start of a plan push its first work past them."""
    calendar = Calendar(holidays=(MONDAY, MONDAY + ONE_DAY))
    result = schedule(_plan_starting(MONDAY, calendar))

    assert (date(2026, 12, 2), date(2026, 12, 3)) == (
        result["t"].early_start,
        result["t"].early_finish,
    )


def test_plan_starting_on_a_weekend_before_holidays() -> None:
    """A weekend followed by holidays is skipped as one run of days off."""
    calendar = Calendar(holidays=(MONDAY, MONDAY + ONE_DAY))
    result = schedule(_plan_starting(SATURDAY, calendar))

    assert date(2026, 12, 2) == result["t"].early_start


# -- the ends of the date range ------------------------------------------------

LAST_DAY = date(9999, 12, 31)  # a Friday


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: add_working_days(WEEKDAYS, date(9999, 12, 30), 5), id="add"),
        pytest.param(lambda: next_working_day(WEEKDAYS, LAST_DAY, inclusive=False), id="next"),
        pytest.param(
            lambda: next_working_day(Calendar(working_days=(Weekday.MONDAY,)), LAST_DAY),
            id="next-monday",
        ),
        pytest.param(lambda: add_working_days(WEEKDAYS, date(1, 1, 1), -1), id="before-year-1"),
        pytest.param(lambda: DayIndex(WEEKDAYS).date_of(10**7), id="date_of"),
    ],
)
def test_dates_outside_the_years_1_to_9999(call: Callable[[], object]) -> None:
    """A result past the year 9999 (or before year 1) is a ValidationError."""
    with pytest.raises(ValidationError) as caught:
        call()
    assert "calendar" == caught.value.path


def test_last_day_is_its_own_previous_working_day() -> None:
    """The last representable date, a worked Friday, is its own previous working day."""
    assert LAST_DAY == previous_working_day(WEEKDAYS, LAST_DAY)


def test_last_day_off_is_not_a_working_day() -> None:
    """Whether 9999-12-31 is worked is answered even when its next working day is out of range."""
    assert not is_working_day(Calendar(working_days=(Weekday.MONDAY,)), LAST_DAY)


def test_counts_up_to_the_last_day() -> None:
    """Counting up to the last representable date needs no date past it."""
    assert 5 == count_working_days(WEEKDAYS, date(9999, 12, 24), LAST_DAY)
    assert 2608614 == count_working_days(WEEKDAYS, date(1, 1, 1), LAST_DAY)


_DAY = {"calendar": Calendar(), "day": date(2026, 11, 28)}


@pytest.mark.parametrize(
    ("function", "arguments", "path"),
    [
        *wrong_calls(DayIndex, {"calendar": Calendar()}, calendar="calendar"),
        *wrong_calls(is_working_day, _DAY, calendar="calendar", day="date"),
        *wrong_calls(next_working_day, _DAY, calendar="calendar", day="date", inclusive="flag"),
        *wrong_calls(previous_working_day, _DAY, calendar="calendar", day="date", inclusive="flag"),
        *wrong_calls(
            add_working_days, {**_DAY, "days": 1}, calendar="calendar", day="date", days="count"
        ),
        *wrong_calls(
            count_working_days,
            {"calendar": Calendar(), "start": date(2026, 11, 23), "end": date(2026, 11, 30)},
            calendar="calendar",
            start="date",
            end="date",
        ),
    ],
)
def test_workdays_refuse_wrong_arguments(
    function: Callable[..., object], arguments: dict[str, Any], path: str
) -> None:
    """A wrong argument is a ValidationError naming it, never a TypeError from inside."""
    assert [path] == refused_path(function, arguments)
