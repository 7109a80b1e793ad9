"""Tests for careerkit.schedule at the ends of the calendar, and on spans far longer than the plan.

A plan's own dates run from 0001-01-01 to 9000-12-31 (the model refuses
others); a schedule may run on to 9999-12-31. A schedule whose dates would
fall past it is a ValidationError naming the task, never an OverflowError.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from careerkit import (
    Goal,
    Plan,
    Schedule,
    Status,
    Task,
    ValidationError,
    count_working_days,
    next_actions,
    schedule,
)
from careerkit.model import Calendar
from careerkit.model.rules import LAST_DATE

GOALS = [Goal(id="g", title="Do g")]


def _plan(start: date, *tasks: Task) -> Plan:
    return Plan(id="p", owner="o", start=start, goals=GOALS, tasks=tasks)


def _task(task_id: str = "a", **fields: object) -> Task:
    return Task(id=task_id, goal="g", title=task_id.upper(), **fields)  # type: ignore[arg-type]


LAST = LAST_DATE  # the last day a plan may name, a Wednesday
LONG = 100_000  # the longest task, in working days: about 383 years


def test_an_empty_plan_on_the_last_day_schedules() -> None:
    """A plan that starts on the calendar's last day and has no work is a schedule."""
    result = schedule(Plan(id="p", owner="o", start=LAST))
    assert (LAST, LAST, 0) == (result.start, result.finish, result.duration)


def test_a_one_day_task_on_the_last_day_schedules() -> None:
    """The last working day of the calendar can hold a day of work."""
    result = schedule(_plan(LAST, _task(duration=1)), level=True)
    assert (LAST, LAST) == (result["a"].early_start, result["a"].late_finish)


def test_a_plan_on_the_first_day_schedules() -> None:
    """0001-01-01 (a Monday) is a working day like any other."""
    result = schedule(_plan(date(1, 1, 1), _task(duration=1)))
    assert date(1, 1, 1) == result["a"].early_finish


def test_leveling_past_the_calendar_is_refused_by_task() -> None:
    """Two tasks at full capacity side by side fit unleveled; one after the other they do not."""
    capacity = 10.0
    full = LONG / 5 * capacity  # hours that fill every week of a LONG task
    plan = Plan(
        id="p",
        owner="o",
        start=LAST,
        goals=GOALS,
        weekly_capacity=capacity,
        tasks=[
            _task(duration=LONG),
            _task("b", duration=LONG, effort=full, depends_on=["a"]),
            _task("c", duration=LONG, effort=full, depends_on=["a"]),
        ],
    )
    assert date(9767, 8, 11) == schedule(plan).finish
    with pytest.raises(ValidationError) as caught:
        schedule(plan, level=True)
    assert ["tasks[2]"] == [problem.path for problem in caught.value.problems]


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (
            lambda: schedule(
                _plan(
                    LAST,
                    _task(duration=LONG),
                    _task("b", duration=LONG, depends_on=["a"]),
                    _task("c", duration=LONG, depends_on=["b"]),
                )
            ),
            "tasks[2]",
        ),
        (
            lambda: schedule(
                _plan(
                    date(2026, 1, 5),
                    _task(duration=1),
                    _task("b", duration=LONG, not_before=LAST, depends_on=["a"]),
                    _task("c", duration=LONG, depends_on=["b"]),
                    _task("d", duration=LONG, depends_on=["c"]),
                )
            ),
            "tasks[3]",
        ),
        (
            lambda: schedule(
                _plan(
                    date(2026, 1, 5),
                    _task(duration=3, status=Status.IN_PROGRESS, started_on=LAST),
                ),
                as_of=date(9999, 12, 31),
            ),
            "tasks[0]",
        ),
    ],
)
def test_dates_past_the_calendar_are_refused_by_task(
    make: Callable[[], Schedule], path: str
) -> None:
    """Work that would run past 9999-12-31 is a ValidationError naming the task."""
    with pytest.raises(ValidationError) as caught:
        make()
    assert [path] == [problem.path for problem in caught.value.problems]


@pytest.mark.parametrize("level", [False, True])
def test_work_done_on_the_last_days_schedules(level: bool) -> None:
    """Work done near the calendar's end keeps its dates, leveled or not."""
    for done_on in (date(9000, 12, 1), LAST):
        plan = _plan(date(2026, 1, 5), _task(duration=1, status=Status.DONE, done_on=done_on))
        assert done_on == schedule(plan, as_of=date(9999, 12, 31), level=level)["a"].early_finish


def test_a_late_start_constraint_on_the_last_day() -> None:
    """A task held to the last day is scheduled there, and next_actions has nothing to do yet."""
    plan = _plan(date(2026, 1, 5), _task(duration=1, not_before=LAST))
    assert LAST == schedule(plan)["a"].early_start
    assert () == next_actions(plan, as_of=date(2026, 2, 2))


def test_a_chain_spanning_millennia_is_exact() -> None:
    """25 tasks of 75,000 working days each, one after another, end where counting says."""
    tasks = [
        _task(f"t{i}", duration=75_000, depends_on=[f"t{i - 1}"] if i else []) for i in range(25)
    ]
    result = schedule(_plan(date(2026, 1, 5), *tasks))
    assert 25 * 75_000 == result.duration
    assert 25 * 75_000 - 1 == count_working_days(Calendar(), result.start, result.finish)
