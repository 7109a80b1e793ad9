"""Tests for careerkit.recurrence: expanding habit rules, and habits in a schedule."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from careerkit import (
    MAX_OCCURRENCES,
    Goal,
    Plan,
    Task,
    ValidationError,
    dumps,
    from_dict,
    loads,
    occurrences,
    schedule,
    to_dict,
)
from careerkit.recurrence import read_rule

from .schedule_strategies import PROPERTY_SETTINGS

JAN_1 = date(2026, 1, 1)  # a Thursday


def days(*items: tuple[int, int, int]) -> tuple[date, ...]:
    """Dates from (year, month, day) triples."""
    return tuple(date(*item) for item in items)


# -- frequencies ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "start", "end", "expected"),
    [
        pytest.param(
            "FREQ=MONTHLY;BYDAY=2TH",
            JAN_1,
            date(2026, 4, 30),
            days((2026, 1, 8), (2026, 2, 12), (2026, 3, 12), (2026, 4, 9)),
            id="monthly-second-thursday",
        ),
        pytest.param(
            "FREQ=MONTHLY",
            date(2026, 1, 15),
            date(2026, 4, 15),
            days((2026, 1, 15), (2026, 2, 15), (2026, 3, 15), (2026, 4, 15)),
            id="monthly-on-the-start-day-end-included",
        ),
        pytest.param(
            "FREQ=MONTHLY;BYDAY=-1FR",
            date(2026, 11, 1),
            date(2027, 2, 28),
            days((2026, 11, 27), (2026, 12, 25), (2027, 1, 29), (2027, 2, 26)),
            id="monthly-last-friday-over-a-year-end",
        ),
        pytest.param(
            "FREQ=WEEKLY;BYDAY=MO,WE",
            JAN_1,
            date(2026, 1, 19),
            days((2026, 1, 5), (2026, 1, 7), (2026, 1, 12), (2026, 1, 14), (2026, 1, 19)),
            id="weekly-two-days",
        ),
        pytest.param(
            "FREQ=WEEKLY",
            JAN_1,
            date(2026, 1, 28),
            days((2026, 1, 1), (2026, 1, 8), (2026, 1, 15), (2026, 1, 22)),
            id="weekly-on-the-start-weekday",
        ),
        pytest.param(
            "FREQ=YEARLY",
            date(2024, 2, 29),
            date(2033, 1, 1),
            days((2024, 2, 29), (2028, 2, 29), (2032, 2, 29)),
            id="yearly-from-29-february",
        ),
        pytest.param(
            "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30",
            JAN_1,
            date(2028, 6, 29),
            days((2026, 6, 30), (2027, 6, 30)),
            id="yearly-end-just-before",
        ),
        pytest.param(
            "FREQ=DAILY;BYDAY=SA,SU",
            date(2026, 12, 25),
            date(2027, 1, 4),
            days((2026, 12, 26), (2026, 12, 27), (2027, 1, 2), (2027, 1, 3)),
            id="daily-weekends",
        ),
        pytest.param(
            "RRULE:FREQ=WEEKLY;BYDAY=FR",
            JAN_1,
            date(2026, 1, 16),
            days((2026, 1, 2), (2026, 1, 9), (2026, 1, 16)),
            id="rrule-prefix",
        ),
        pytest.param(
            "freq=weekly;byday=fr",
            JAN_1,
            date(2026, 1, 9),
            days((2026, 1, 2), (2026, 1, 9)),
            id="lower-case",
        ),
    ],
)
def test_frequencies(rule: str, start: date, end: date, expected: tuple[date, ...]) -> None:
    """Monthly, weekly, yearly and daily rules fall on the expected dates, both ends included."""
    assert expected == occurrences(rule, start=start, end=end)


def test_monthday_31_skips_short_months() -> None:
    """BYMONTHDAY=31 falls only in months that have a 31st, as RFC 5545 says."""
    expected = days(
        (2026, 1, 31), (2026, 3, 31), (2026, 5, 31), (2026, 7, 31), (2026, 8, 31), (2026, 10, 31)
    )

    assert expected == occurrences(
        "FREQ=MONTHLY;BYMONTHDAY=31", start=JAN_1, end=date(2026, 11, 30)
    )


def test_interval() -> None:
    """INTERVAL=2 on a weekly rule takes every other week from the start."""
    expected = days((2026, 1, 1), (2026, 1, 15), (2026, 1, 29), (2026, 2, 12), (2026, 2, 26))

    assert expected == occurrences("FREQ=WEEKLY;INTERVAL=2", start=JAN_1, end=date(2026, 3, 11))


def test_monthly_interval_over_a_year_end() -> None:
    """A quarterly rule counts its quarters from the start's month, across the year end.

    From 15 October the periods are October (whose 1st is before the start),
    January, April and July.
    """
    expected = days((2027, 1, 1), (2027, 4, 1), (2027, 7, 1))

    assert expected == occurrences(
        "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=1", start=date(2026, 10, 15), end=date(2027, 7, 31)
    )


# -- COUNT and UNTIL -----------------------------------------------------------


def test_count_without_end() -> None:
    """COUNT alone ends the rule; a monthly count from the 31st skips short months."""
    expected = days((2026, 1, 31), (2026, 3, 31), (2026, 5, 31))

    assert expected == occurrences("FREQ=MONTHLY;COUNT=3", start=date(2026, 1, 31), end=None)


def test_end_cuts_count_short() -> None:
    """An end before the COUNT is reached stops the occurrences at the end."""
    expected = days((2026, 1, 15), (2026, 2, 15))

    assert expected == occurrences(
        "FREQ=MONTHLY;COUNT=5", start=date(2026, 1, 15), end=date(2026, 3, 14)
    )


def test_count_before_end() -> None:
    """A COUNT reached before the end stops the occurrences at the count."""
    assert days((2026, 1, 1), (2026, 1, 8)) == occurrences(
        "FREQ=WEEKLY;COUNT=2", start=JAN_1, end=date(2026, 12, 31)
    )


@pytest.mark.parametrize(
    "until",
    ["20260129", "20260129T120000", "20260129T120000Z", "20260129T235959Z", "20260130T000000Z"],
)
def test_until_includes_its_date(until: str) -> None:
    """A date UNTIL, or a date-time at noon or later, includes its own date."""
    expected = days((2026, 1, 1), (2026, 1, 8), (2026, 1, 15), (2026, 1, 22), (2026, 1, 29))

    assert expected == occurrences(f"FREQ=WEEKLY;UNTIL={until}", start=JAN_1, end=None)


@pytest.mark.parametrize("until", ["20260129T000000", "20260129T000000Z", "20260129T115959Z"])
def test_until_before_noon_ends_the_day_before(until: str) -> None:
    """A date-time UNTIL before noon does not include its own date.

    Habits are dates; each is read as if it happened at noon, so an UNTIL of
    midnight UTC (as calendar applications write it) ends the day before.
    """
    expected = days((2026, 1, 1), (2026, 1, 8), (2026, 1, 15), (2026, 1, 22))

    assert expected == occurrences(f"FREQ=WEEKLY;UNTIL={until}", start=JAN_1, end=None)


def test_until_before_noon_on_the_first_day_of_the_calendar() -> None:
    """An UNTIL before noon on 0001-01-01 leaves no date at all."""
    assert () == occurrences(
        "FREQ=DAILY;UNTIL=00010101T000000", start=date(1, 1, 1), end=date(1, 1, 5)
    )


@pytest.mark.parametrize(
    ("until", "end"),
    [("20260201", date(2026, 12, 31)), ("20261231", date(2026, 2, 1))],
    ids=["until-first", "end-first"],
)
def test_until_and_end(until: str, end: date) -> None:
    """With both UNTIL and an end, the earlier one stops the occurrences."""
    expected = days((2026, 1, 1), (2026, 1, 8), (2026, 1, 15), (2026, 1, 22), (2026, 1, 29))

    assert expected == occurrences(f"FREQ=WEEKLY;UNTIL={until}", start=JAN_1, end=end)


def test_until_before_start() -> None:
    """A rule whose UNTIL is before its start has no occurrences."""
    assert () == occurrences("FREQ=WEEKLY;UNTIL=20251201", start=JAN_1, end=date(2026, 6, 30))


def test_end_before_start() -> None:
    """An end before the start gives no occurrences."""
    assert () == occurrences("FREQ=WEEKLY", start=JAN_1, end=date(2025, 12, 31))


def test_last_representable_days() -> None:
    """A rule running into 9999-12-31 stops there without error."""
    assert days((9999, 12, 30), (9999, 12, 31)) == occurrences(
        "FREQ=DAILY;COUNT=3", start=date(9999, 12, 30), end=None
    )


def test_a_week_running_past_the_last_day_of_the_calendar() -> None:
    """A weekly rule whose last week runs past 9999-12-31 stops on that day without error."""
    assert days((9999, 12, 30), (9999, 12, 31)) == occurrences(
        "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;COUNT=10", start=date(9999, 12, 30), end=None
    )


# -- rules that never match ----------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "end"),
    [
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", date(2030, 1, 1)),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", date(2030, 1, 1)),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", date(9999, 12, 31)),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5", None),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5", None),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;UNTIL=20300101", None),
        ("FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31", date(2040, 1, 1)),
        ("FREQ=DAILY;BYMONTH=4,6,9,11;BYMONTHDAY=31;BYDAY=MO", date(9999, 12, 31)),
        ("FREQ=DAILY;INTERVAL=2;BYMONTH=2;BYMONTHDAY=30", date(9999, 12, 31)),
        ("FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2", date(9999, 12, 31)),
        ("FREQ=DAILY;BYDAY=MO;BYSETPOS=2", date(9999, 12, 31)),
    ],
)
def test_rule_that_never_matches(rule: str, end: date | None) -> None:
    """A rule no date satisfies (30 February, 31 April) has no occurrences.

    dateutil alone would search up to the year 9999 for a match; the
    expansion recognises the rule and returns at once.
    """
    assert () == occurrences(rule, start=JAN_1, end=end)


# -- bounds --------------------------------------------------------------------


def _assert_recurrence_error(rule: str, *, start: date, end: date | None, problem: str) -> None:
    with pytest.raises(ValidationError) as caught:
        occurrences(rule, start=start, end=end)
    assert "recurrence" == caught.value.path
    assert problem in caught.value.problem


def test_no_end_at_all() -> None:
    """A rule without UNTIL or COUNT and no end given is rejected."""
    _assert_recurrence_error("FREQ=WEEKLY", start=JAN_1, end=None, problem="never ends")


def test_most_occurrences_allowed() -> None:
    """Exactly MAX_OCCURRENCES occurrences are allowed."""
    found = occurrences(f"FREQ=DAILY;COUNT={MAX_OCCURRENCES}", start=JAN_1, end=None)

    assert MAX_OCCURRENCES == len(found)
    assert JAN_1 + timedelta(days=MAX_OCCURRENCES - 1) == found[-1]


@pytest.mark.parametrize(
    ("rule", "end"),
    [
        (f"FREQ=DAILY;COUNT={MAX_OCCURRENCES + 1}", None),
        ("FREQ=DAILY;UNTIL=20600101", None),
        ("FREQ=DAILY", date(2060, 1, 1)),
        ("FREQ=WEEKLY;INTERVAL=2", date(2500, 1, 1)),
        (f"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;COUNT={MAX_OCCURRENCES + 1}", None),
        ("FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;UNTIL=99991231", None),
    ],
)
def test_too_many_occurrences(rule: str, end: date | None) -> None:
    """A rule with more than MAX_OCCURRENCES occurrences in its window is rejected."""
    _assert_recurrence_error(rule, start=JAN_1, end=end, problem=f"more than {MAX_OCCURRENCES}")


@pytest.mark.parametrize(
    ("rule", "end", "count"),
    [
        ("FREQ=DAILY;COUNT=5", date(2100, 1, 1), 5),
        ("FREQ=DAILY;COUNT=5", date(9999, 12, 31), 5),
        ("FREQ=DAILY;BYDAY=MO", date(2100, 1, 1), 3861),
        ("FREQ=DAILY;BYDAY=MO;COUNT=5000", None, 5000),
        ("FREQ=DAILY;BYDAY=MO;UNTIL=21000101", None, 3861),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", date(9999, 12, 31), 1933),
    ],
)
def test_a_long_window_is_not_refused(rule: str, end: date | None, count: int) -> None:
    """The bound counts the occurrences found, not the span of the window.

    Five days are five days however far away the goal's deadline is, and a
    rule whose own COUNT or UNTIL lies far ahead gets all its occurrences,
    never a silent cut.
    """
    found = occurrences(rule, start=JAN_1, end=end)

    assert count == len(found)
    assert found == tuple(sorted(set(found)))


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=TU;UNTIL=99991231",
        "FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;UNTIL=99991231",
    ],
)
def test_a_too_sparse_rule_is_refused(rule: str) -> None:
    """A rule whose occurrences take more than the search bound to find is refused.

    Tuesdays that are 29 February, searched day by day to the year 9999, are
    millions of days of search for a few hundred dates.
    """
    _assert_recurrence_error(rule, start=JAN_1, end=None, problem="too sparse")


# -- agreement with dateutil ---------------------------------------------------

RULES = (
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,FR",
    "FREQ=MONTHLY;BYDAY=2TH",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;BYMONTHDAY=29,30,31",
    "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1",
    "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
    "FREQ=DAILY;INTERVAL=5",
)


@PROPERTY_SETTINGS
@given(
    st.sampled_from(RULES),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=800),
)
def test_agrees_with_dateutil(rule: str, start: date, span: int) -> None:
    """Bounded expansion gives what dateutil gives between the start and the end."""
    end = start + timedelta(days=span)
    expected = tuple(
        moment.date()
        for moment in rrulestr(rule, dtstart=datetime.combine(start, time())).between(
            datetime.combine(start, time()), datetime.combine(end, time()), inc=True
        )
    )

    assert expected == occurrences(rule, start=start, end=end)


# -- rules checked when a task is built ----------------------------------------


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SECONDLY",
        "FREQ=MINUTELY",
        "FREQ=HOURLY",
        "FREQ=DAILY;BYHOUR=9",
        "FREQ=WEEKLY;BYMINUTE=30",
        "FREQ=MONTHLY;BYSECOND=5",
    ],
)
def test_sub_daily_rules_are_rejected_by_task(rule: str) -> None:
    """Rules that repeat within a day are rejected when the task is built."""
    with pytest.raises(ValidationError) as caught:
        Task(id="t", goal="g", title="Network", recurrence=rule)
    assert "recurrence" == caught.value.path
    assert "within a day" in caught.value.problem


@pytest.mark.parametrize("until", ["2026", "March", "2026-03-01", "20260301T12Z"])
def test_until_must_be_an_rfc_5545_date(until: str) -> None:
    """UNTIL is a date or a date-time as RFC 5545 writes them; anything else is refused.

    dateutil reads such text with its lenient parser (filling a missing day
    from today's date), so it must not get into a plan.
    """
    rule = f"FREQ=DAILY;UNTIL={until}"
    with pytest.raises(ValidationError) as caught:
        Task(id="t", goal="g", title="Network", recurrence=rule)
    assert "recurrence" == caught.value.path
    assert "UNTIL must be YYYYMMDD" in caught.value.problem


def test_a_rule_needs_a_frequency() -> None:
    """A rule without FREQ is refused with a message that says so."""
    with pytest.raises(ValidationError) as caught:
        Task(id="t", goal="g", title="Network", recurrence="BYDAY=MO")
    assert "invalid RRULE 'BYDAY=MO': FREQ is missing" == caught.value.problem


def test_occurrences_of_an_invalid_rule_are_refused() -> None:
    """Expanding a rule the model would refuse raises the model's problem at ``recurrence``."""
    _assert_recurrence_error(
        "FREQ=DAILY;UNTIL=March", start=JAN_1, end=None, problem="UNTIL must be YYYYMMDD"
    )
    _assert_recurrence_error("FREQ=HOURLY", start=JAN_1, end=None, problem="within a day")


def test_each_distinct_rule_is_parsed_once_per_load() -> None:
    """Habits sharing a rule text parse it once: the reader remembers what it read."""
    rules = ["FREQ=WEEKLY", "FREQ=MONTHLY;BYDAY=2TH", "RRULE:FREQ=MONTHLY;BYDAY=-1WE"]
    plan = Plan(
        id="p",
        owner="Ana",
        start=JAN_1,
        goals=(Goal(id="g", title="Reach g", deadline=date(2026, 12, 31)),),
        tasks=tuple(
            Task(id=f"t{n}", goal="g", title="Habit", recurrence=rules[n % 3]) for n in range(300)
        ),
    )
    text = dumps(plan)
    read_rule.cache_clear()

    assert plan == loads(text)
    assert len(rules) + 1 == read_rule.cache_info().misses  # the review cadence too


def test_the_rule_memo_is_bounded() -> None:
    """The reader remembers a bounded number of rules, never every text it has seen."""
    maxsize = read_rule.cache_info().maxsize
    assert maxsize is not None
    assert maxsize <= 10_000


def test_sub_daily_rule_in_a_document() -> None:
    """A sub-daily rule in a plan document is reported at its path."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=JAN_1,
        goals=(Goal(id="g", title="Reach g"),),
        tasks=(Task(id="t", goal="g", title="Step"),),
    )
    document = to_dict(plan)
    document["tasks"][0]["recurrence"] = "FREQ=SECONDLY"

    with pytest.raises(ValidationError) as caught:
        from_dict(document)
    assert "tasks[0].recurrence" == caught.value.path


# -- habits in a schedule ------------------------------------------------------

MONDAY = date(2026, 1, 5)


def _habit_plan(*goals: Goal, habit: dict[str, Any], others: tuple[Task, ...] = ()) -> Plan:
    return Plan(
        id="p",
        owner="Ana",
        start=MONDAY,
        goals=goals,
        tasks=(*others, Task(id="habit", title="Attend the meetup", **habit)),
    )


def test_habit_runs_to_its_goal_deadline() -> None:
    """A habit's occurrences run from its start to its goal's deadline, included."""
    plan = _habit_plan(
        Goal(id="net", title="Grow my network", deadline=date(2026, 3, 12)),
        habit={"goal": "net", "recurrence": "FREQ=MONTHLY;BYDAY=2TH"},
    )

    assert days((2026, 1, 8), (2026, 2, 12), (2026, 3, 12)) == schedule(plan)["habit"].occurrences


def test_habit_runs_to_an_ancestor_deadline() -> None:
    """Without a deadline of its own, a habit stops at its parent goal's deadline."""
    plan = _habit_plan(
        Goal(id="big", title="Become a director", deadline=date(2026, 2, 28)),
        Goal(id="net", title="Grow my network", parent="big"),
        habit={"goal": "net", "recurrence": "FREQ=MONTHLY;BYDAY=2TH"},
    )

    assert days((2026, 1, 8), (2026, 2, 12)) == schedule(plan)["habit"].occurrences


def test_habit_stops_at_the_earlier_deadline() -> None:
    """A parent's deadline earlier than the goal's own one ends the habit."""
    plan = _habit_plan(
        Goal(id="big", title="Become a director", deadline=date(2026, 2, 1)),
        Goal(id="net", title="Grow my network", parent="big", deadline=date(2026, 6, 30)),
        habit={"goal": "net", "recurrence": "FREQ=MONTHLY;BYDAY=2TH"},
    )

    assert (
        days(
            (2026, 1, 8),
        )
        == schedule(plan)["habit"].occurrences
    )


def test_habit_starts_at_its_start() -> None:
    """A habit that cannot start before February has no January occurrence."""
    plan = _habit_plan(
        Goal(id="net", title="Grow my network", deadline=date(2026, 3, 31)),
        habit={
            "goal": "net",
            "recurrence": "FREQ=MONTHLY;BYDAY=2TH",
            "not_before": date(2026, 2, 1),
        },
    )

    assert days((2026, 2, 12), (2026, 3, 12)) == schedule(plan)["habit"].occurrences


def test_habit_without_deadline_runs_to_the_end_of_the_work() -> None:
    """Without any deadline a habit runs until the plan's last day of work."""
    study = Task(id="study", goal="net", title="Study", duration=30)  # 5 January to 13 February
    plan = _habit_plan(
        Goal(id="net", title="Grow my network"),
        habit={"goal": "net", "recurrence": "FREQ=MONTHLY;BYDAY=2TH"},
        others=(study,),
    )

    assert days((2026, 1, 8), (2026, 2, 12)) == schedule(plan)["habit"].occurrences


def test_habit_does_not_count_towards_its_goal_finish() -> None:
    """A goal's forecast finish is that of its tasks, not of its habits."""
    study = Task(id="study", goal="net", title="Study", duration=3)
    plan = _habit_plan(
        Goal(id="net", title="Grow my network", deadline=date(2026, 6, 30)),
        habit={"goal": "net", "recurrence": "FREQ=WEEKLY", "duration": 20},
        others=(study,),
    )

    assert date(2026, 1, 7) == schedule(plan).goal("net").finish


def test_habit_error_names_the_task() -> None:
    """A habit rule with too many occurrences is reported at ``tasks[i].recurrence``."""
    study = Task(id="study", goal="net", title="Study", duration=3)
    plan = _habit_plan(
        Goal(id="net", title="Grow my network", deadline=date(2060, 12, 31)),
        habit={"goal": "net", "recurrence": "FREQ=DAILY"},
        others=(study,),
    )

    with pytest.raises(ValidationError) as caught:
        schedule(plan)
    assert "tasks[1].recurrence" == caught.value.path


# -- what RFC 5545 forbids, and values that would break the expansion ----------


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ("FREQ=YEARLY;FREQ=DAILY", "FREQ is given twice"),
        ("FREQ=YEARLY;BYMONTH=1;BYMONTH=2", "BYMONTH is given twice"),
        ("FREQ=DAILY;COUNT=3;UNTIL=20270101", "COUNT and UNTIL together"),
        ("FREQ=MONTHLY;BYWEEKNO=20", "BYWEEKNO is not allowed with FREQ=MONTHLY"),
        ("FREQ=MONTHLY;BYYEARDAY=100", "BYYEARDAY is not allowed with FREQ=MONTHLY"),
        ("FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY is not allowed with FREQ=WEEKLY"),
        ("FREQ=WEEKLY;BYDAY=2MO", "an ordinal weekday needs FREQ=MONTHLY or YEARLY"),
        ("FREQ=YEARLY;BYWEEKNO=20;BYDAY=1MO", "an ordinal weekday needs"),
        ("FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS needs another BY part"),
        ("FREQ=MONTHLY;BYDAY=+53MO", "a month has at most 5 of each weekday"),
        ("FREQ=MONTHLY;BYDAY=-6FR", "a month has at most 5 of each weekday"),
        ("FREQ=YEARLY;BYMONTH=1;BYDAY=6MO", "a month has at most 5 of each weekday"),
        ("FREQ=YEARLY;BYDAY=54MO", "a year has at most 53 of each weekday"),
        ("FREQ=DAILY;INTERVAL=" + "9" * 309, "INTERVAL must be at most 10000"),
        ("FREQ=DAILY;INTERVAL=10001", "INTERVAL must be at most 10000"),
        ("FREQ=DAILY;UNTIL=20261332", "is not a date of the calendar"),
        ("FREQ=DAILY;UNTIL=20260101T250000Z", "is not a date of the calendar"),
        ("FREQ=DAILY;UNTIL=2026", "UNTIL must be YYYYMMDD"),
        ("FREQ=DAILY;UNTIL=2026-12-31", "UNTIL must be YYYYMMDD"),
        ("FREQ=DAILY;UNTIL=December", "UNTIL must be YYYYMMDD"),
        ("FREQ=DAILY;UNTIL=abc", "UNTIL must be YYYYMMDD"),
        ("FREQ=HOURLY;COUNT=3", "within a day"),
        ("FREQ=DAILY;BYHOUR=9,10;COUNT=3", "within a day"),
        ("", "expected one RRULE value"),
    ],
)
def test_refused_at_the_door(rule: str, problem: str) -> None:
    """What RFC 5545 forbids, or dateutil cannot expand, is refused by the model and
    by ``occurrences`` alike, with the same problem at ``recurrence``."""
    with pytest.raises(ValidationError) as built:
        Task(id="t", goal="g", title="Network", recurrence=rule)
    assert "recurrence" == built.value.path
    assert problem in built.value.problem

    _assert_recurrence_error(rule, start=JAN_1, end=date(2026, 12, 31), problem=problem)


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("FREQ=MONTHLY;BYDAY=5MO;COUNT=2", days((2026, 3, 30), (2026, 6, 29))),
        ("FREQ=YEARLY;BYDAY=53TH;COUNT=2", days((2026, 12, 31), (2032, 12, 30))),
        (
            "FREQ=YEARLY;BYMONTH=1;BYDAY=-5FR;COUNT=1",
            days(
                (2026, 1, 2),
            ),
        ),
        (
            "FREQ=YEARLY;INTERVAL=10000",
            days(
                (2026, 1, 1),
            ),
        ),
    ],
)
def test_largest_values_allowed(rule: str, expected: tuple[date, ...]) -> None:
    """The largest ordinals and interval RFC 5545 and careerkit allow still expand."""
    assert expected == occurrences(rule, start=JAN_1, end=date(2040, 12, 31))


@pytest.mark.parametrize(
    ("arguments", "path", "problem"),
    [
        ({"start": datetime(2026, 1, 1), "end": None}, "start", "expected a date, got datetime"),
        ({"start": "2026-01-01", "end": None}, "start", "expected a date, got str"),
        ({"start": JAN_1, "end": "2026-02-01"}, "end", "expected a date or None, got str"),
        (
            {"start": JAN_1, "end": datetime(2026, 2, 1)},
            "end",
            "expected a date or None, got datetime",
        ),
    ],
)
def test_arguments_of_the_wrong_type(arguments: dict[str, Any], path: str, problem: str) -> None:
    """A start or end that is not a date is refused with the argument's name."""
    with pytest.raises(ValidationError) as caught:
        occurrences("FREQ=DAILY;COUNT=3", **arguments)
    assert path == caught.value.path
    assert problem == caught.value.problem


def test_a_rule_that_is_not_text() -> None:
    """A rule that is not a string is refused at ``rule``."""
    with pytest.raises(ValidationError) as caught:
        occurrences(5, start=JAN_1, end=None)  # type: ignore[arg-type]
    assert "rule" == caught.value.path


# -- rare rules: every answer is dateutil's -----------------------------------


def test_tuesdays_that_are_29_february() -> None:
    """A leap day on a given weekday comes every 28 years or so, and is found."""
    assert days((2028, 2, 29), (2056, 2, 29), (2084, 2, 29)) == occurrences(
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=TU", start=JAN_1, end=date(2100, 12, 31)
    )


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (date(2026, 1, 5), days((2026, 1, 5), (2026, 1, 12), (2026, 1, 19))),
        (date(2026, 1, 6), ()),
    ],
    ids=["from-a-monday", "from-a-tuesday"],
)
def test_interval_and_weekday_out_of_step(start: date, expected: tuple[date, ...]) -> None:
    """Every seventh day on Mondays falls on Mondays, or never, by the start's weekday."""
    assert expected == occurrences(
        "FREQ=DAILY;INTERVAL=7;BYDAY=MO", start=start, end=date(2026, 1, 20)
    )


@pytest.mark.parametrize("positions", ["1", "-1", "1,2", "-1,3"])
def test_a_daily_rule_chooses_its_one_day(positions: str) -> None:
    """A daily period has one day: BYSETPOS 1 or -1 keeps it."""
    expected = days((2026, 1, 5), (2026, 1, 12), (2026, 1, 19))

    assert expected == occurrences(
        f"FREQ=DAILY;BYDAY=MO;BYSETPOS={positions}", start=JAN_1, end=date(2026, 1, 20)
    )


def test_last_day_of_every_year_to_the_end_of_the_calendar() -> None:
    """The last day of each year up to 9999: one occurrence a year, all of them."""
    found = occurrences(
        "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYSETPOS=-1;UNTIL=99991231", start=JAN_1, end=None
    )

    assert tuple(date(year, 12, 31) for year in range(2026, 10000)) == found


_WEEKDAY_SETS = st.lists(
    st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), min_size=1, max_size=2, unique=True
)


@st.composite
def rare_rules(draw: st.DrawFn) -> str:
    """Yearly and monthly rules that fall rarely or never: leap days, day 366, week 53."""
    frequency = draw(st.sampled_from(["YEARLY", "MONTHLY"]))
    parts = [f"FREQ={frequency}"]
    interval = draw(st.integers(min_value=1, max_value=4))
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if frequency == "YEARLY":
        parts.append(
            draw(
                st.sampled_from(
                    [
                        "BYMONTH=2;BYMONTHDAY=29",
                        "BYMONTH=2;BYMONTHDAY=-29",
                        "BYYEARDAY=366",
                        "BYYEARDAY=-366",
                        "BYYEARDAY=60",
                        "BYWEEKNO=53",
                        "BYWEEKNO=-53",
                        "BYWEEKNO=1",
                    ]
                )
            )
        )
    elif draw(st.booleans()):
        parts.append(f"BYMONTH=2;BYMONTHDAY={draw(st.sampled_from(['29', '-29', '-1', '13']))}")
    else:
        parts.append(f"BYMONTHDAY={draw(st.sampled_from(['29', '30', '31', '-1', '13']))}")
    if draw(st.booleans()):
        parts.append("BYDAY=" + ",".join(draw(_WEEKDAY_SETS)))
    if draw(st.booleans()):
        parts.append("BYSETPOS=" + draw(st.sampled_from(["1", "-1"])))
    return ";".join(parts)


_STARTS = st.one_of(
    st.dates(min_value=date(1582, 10, 15), max_value=date(2400, 12, 31)),
    st.integers(min_value=1600, max_value=2400)
    .filter(lambda year: year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
    .map(lambda year: date(year, 2, 29)),
)


def _dateutil_dates(rule: str, start: date, end: date) -> tuple[date, ...]:
    """What python-dateutil alone gives between ``start`` and ``end``, both included."""
    first = datetime.combine(start, time())
    return tuple(
        moment.date()
        for moment in rrulestr(rule, dtstart=first).between(
            first, datetime.combine(end, time()), inc=True
        )
    )


@settings(PROPERTY_SETTINGS, max_examples=300)
@given(rare_rules(), _STARTS, st.integers(min_value=0, max_value=150))
def test_rare_rules_agree_with_dateutil(rule: str, start: date, years: int) -> None:
    """Rules that match rarely give exactly dateutil's dates, over long windows.

    (Rules that never match are left to the examples above: dateutil alone
    would search each of them up to the year 9999.)
    """
    end = date(start.year + years, 12, 31)

    assert _dateutil_dates(rule, start, end) == occurrences(rule, start=start, end=end)


@pytest.mark.parametrize(
    ("rule", "start", "years"),
    [
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=WE", date(2024, 2, 29), 110),
        ("FREQ=YEARLY;INTERVAL=2;BYYEARDAY=366", date(1778, 5, 3), 2),
        ("FREQ=YEARLY;INTERVAL=4;BYWEEKNO=-53;BYDAY=SU,FR", date(2116, 2, 29), 110),
        ("FREQ=YEARLY;INTERVAL=2;BYYEARDAY=60;BYDAY=WE", date(1868, 2, 29), 73),
        ("FREQ=YEARLY;BYYEARDAY=366;BYDAY=SU", date(2026, 1, 1), 100),
        ("FREQ=YEARLY;BYWEEKNO=53;BYDAY=SA", date(2026, 1, 1), 60),
    ],
)
def test_rare_rules_found_wrong_before(rule: str, start: date, years: int) -> None:
    """Pairs of a rare rule and a start that once came out empty give dateutil's dates."""
    end = date(start.year + years, 12, 31)
    expected = _dateutil_dates(rule, start, end)

    assert expected
    assert expected == occurrences(rule, start=start, end=end)


@st.composite
def rare_daily_and_weekly_rules(draw: st.DrawFn) -> str:
    """Daily and weekly rules that fall rarely: leap days and weekdays in a few months."""
    frequency = draw(st.sampled_from(["DAILY", "WEEKLY"]))
    parts = [f"FREQ={frequency}"]
    interval = draw(st.sampled_from([1, 1, 2, 3]))
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if draw(st.booleans()):
        parts.append(f"BYMONTH={draw(st.sampled_from(['2', '1,7', '12']))}")
    if frequency == "DAILY" and draw(st.booleans()):
        parts.append(f"BYMONTHDAY={draw(st.sampled_from(['29', '-1', '13', '1']))}")
    if draw(st.booleans()):
        parts.append("BYDAY=" + ",".join(draw(_WEEKDAY_SETS)))
    if frequency == "DAILY" and len(parts) > 1 + (interval > 1) and draw(st.booleans()):
        parts.append(f"BYSETPOS={draw(st.sampled_from(['1', '-1', '1,3']))}")
    return ";".join(parts)


@settings(PROPERTY_SETTINGS, max_examples=80)
@given(rare_daily_and_weekly_rules(), _STARTS, st.integers(min_value=0, max_value=40))
def test_rare_daily_and_weekly_rules_agree_with_dateutil(
    rule: str, start: date, years: int
) -> None:
    """Daily and weekly rules, searched a year at a time when they can be, give dateutil's dates."""
    end = date(start.year + years, 12, 31)

    assert _dateutil_dates(rule, start, end) == occurrences(rule, start=start, end=end)
