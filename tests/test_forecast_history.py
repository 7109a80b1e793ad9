"""Tests for the velocity and throughput methods of careerkit.planning.forecast.

The plan starts on Monday 5 January 2026; the status date is Sunday 1 February,
so a window of four weeks of 7 days is exactly January 5 to February 1::

    week 1  5 .. 11 Jan   a done on Wed 7 Jan            4 h
    week 2 12 .. 18 Jan   b done on Wed 14 Jan           6 h
    week 3 19 .. 25 Jan   the habit on Wed 21 Jan        1 h
    week 4 26 Jan .. 1 Feb the habit on Wed 28 Jan, c    1 h + 2 h
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import careerkit
from careerkit import Goal, Plan, Status, Task
from careerkit.planning.forecast import forecast
from careerkit.planning.forecast_results import ForecastPolicy, ForecastReason

START, AS_OF = date(2026, 1, 5), date(2026, 2, 1)
WINDOW = ForecastPolicy(window_weeks=4, min_weeks=3)


def _done(task_id: str, effort: float, on: date) -> Task:
    return Task(
        id=task_id, goal="g", title=f"Do {task_id}", effort=effort, status=Status.DONE, done_on=on
    )


def _plan(*extra: Task, deadline: date | None = None) -> Plan:
    habit = Task(
        id="weekly",
        goal="g",
        title="Weekly review",
        effort=1,
        recurrence="FREQ=WEEKLY;BYDAY=WE",
        status=Status.IN_PROGRESS,
        started_on=date(2026, 1, 21),
        done_occurrences=(date(2026, 1, 21), date(2026, 1, 28)),
    )
    tasks = (
        _done("a", 4, date(2026, 1, 7)),
        _done("b", 6, date(2026, 1, 14)),
        _done("c", 2, date(2026, 1, 28)),
        habit,
        *extra,
    )
    return Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=(Goal(id="g", title="Reach g", deadline=deadline),),
        tasks=tasks,
    )


def _left(effort: float, **changes: object) -> Task:
    return Task(id="left", goal="g", title="What is left", effort=effort, duration=3, **changes)  # type: ignore[arg-type]


def test_weekly_hours_and_velocity_by_hand() -> None:
    """14 hours in 4 weeks: 3.5 h a week; 7 hours left take 2 weeks, so 15 February."""
    found = forecast(_plan(_left(7)), as_of=AS_OF, method="velocity", seed=0, policy=WINDOW)

    assert (4.0, 6.0, 1.0, 3.0) == found.weekly_hours
    assert 3.5 == found.velocity
    goal = found.goal("g")
    assert 7.0 == goal.remaining_hours
    assert (date(2026, 2, 15),) * 3 == (goal.p50, goal.p85, goal.p95)
    assert goal.probability is None
    assert date(2026, 2, 15) == found.plan.p50


def test_velocity_counts_only_the_share_left_of_work_in_progress() -> None:
    """A 10-hour task 30 % complete leaves 7 hours: the same finish as above."""
    started = _left(
        10, status=Status.IN_PROGRESS, started_on=date(2026, 1, 26), percent_complete=30
    )
    goal = forecast(_plan(started), as_of=AS_OF, method="velocity", seed=0, policy=WINDOW).goal("g")
    assert 7.0 == pytest.approx(goal.remaining_hours)
    assert date(2026, 2, 15) == goal.p50


def test_throughput_of_a_steady_pace_is_certain() -> None:
    """Every week earns 4 hours: 8 hours left take 2 weeks in every run."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=(Goal(id="g", title="Reach g", deadline=date(2026, 2, 15)),),
        tasks=(
            *(_done(f"w{week}", 4, date(2026, 1, 7 + 7 * week)) for week in range(4)),
            _left(8),
        ),
    )
    found = forecast(plan, as_of=AS_OF, method="throughput", seed=4, runs=300, policy=WINDOW)
    goal = found.goal("g")
    assert (date(2026, 2, 15),) * 3 == (goal.p50, goal.p85, goal.p95)
    assert 1.0 == goal.probability

    tighter = attrs.evolve(plan, goals=(Goal(id="g", title="Reach g", deadline=date(2026, 2, 14)),))
    assert (
        0.0
        == forecast(tighter, as_of=AS_OF, method="throughput", seed=4, runs=300, policy=WINDOW)
        .goal("g")
        .probability
    )


def test_throughput_spreads_with_an_uneven_pace() -> None:
    """Weeks of 4, 6, 1 and 3 hours: the percentiles spread, in order, around the velocity's date."""
    found = forecast(
        _plan(_left(20), deadline=date(2026, 3, 15)),
        as_of=AS_OF,
        method="throughput",
        seed=9,
        runs=2000,
        policy=WINDOW,
    )
    goal = found.goal("g")
    assert goal.p50 is not None
    assert goal.p85 is not None
    assert goal.p95 is not None
    assert goal.p50 < goal.p95
    assert goal.p50 <= goal.p85 <= goal.p95
    assert date(2026, 2, 1) < goal.p50 < date(2026, 4, 1)  # 20 h at 3.5 h a week: about 6 weeks
    assert goal.probability is not None
    assert 0 < goal.probability < 1
    assert forecast(
        _plan(_left(20)), as_of=AS_OF, method="throughput", seed=9, runs=2000, policy=WINDOW
    ) == forecast(
        _plan(_left(20)), as_of=AS_OF, method="throughput", seed=9, runs=2000, policy=WINDOW
    )


@pytest.mark.parametrize("method", ["velocity", "throughput"])
def test_too_little_history_says_so(method: str) -> None:
    """Two weeks of earned work where three are needed: no dates, a reason and a message."""
    policy = ForecastPolicy(window_weeks=4, min_weeks=3)
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=(Goal(id="g", title="Reach g", deadline=date(2026, 3, 1)),),
        tasks=(_done("a", 4, date(2026, 1, 7)), _done("b", 3, date(2026, 1, 28)), _left(5)),
    )
    found = forecast(plan, as_of=AS_OF, method=method, seed=0, policy=policy)  # type: ignore[arg-type]

    goal = found.goal("g")
    assert (None, None, None, None) == (goal.p50, goal.p85, goal.p95, goal.probability)
    assert ForecastReason.TOO_LITTLE_HISTORY is goal.reason
    assert "2 of the last 4 weeks" in goal.message
    assert ForecastReason.TOO_LITTLE_HISTORY is found.plan.reason
    assert "too_little_history" == careerkit.to_dict(found)["goals"][0]["reason"]


def test_the_window_starts_no_earlier_than_the_plan() -> None:
    """Two weeks into the plan, an eight-week window holds two weeks."""
    found = forecast(_plan(_left(1)), as_of=date(2026, 1, 18), method="velocity", seed=0)
    assert (4.0, 6.0) == found.weekly_hours
    assert ForecastReason.TOO_LITTLE_HISTORY is found.goal("g").reason


def test_finished_goals_keep_their_finish() -> None:
    """Nothing left: the goal's finish is the schedule's, a fact in every method."""
    plan = _plan(deadline=date(2026, 3, 1))
    for method in ("velocity", "throughput", "schedule_risk"):
        goal = forecast(plan, as_of=AS_OF, method=method, seed=0, policy=WINDOW).goal("g")  # type: ignore[arg-type]
        assert 0.0 == goal.remaining_hours
        assert (date(2026, 1, 28),) * 3 == (goal.p50, goal.p85, goal.p95)
