"""Tests for careerkit.scheduling.planned: the planned early dates, actual dates ignored."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given

from careerkit import Goal, Plan, Status, Task, UnknownReferenceError, ValidationError, schedule
from careerkit.scheduling.planned import planned_times

from .schedule_strategies import dag_plans
from .strategies import deterministic, plans

START = date(2026, 11, 23)  # a Monday


@deterministic
@given(plans(max_goals=3, max_tasks=6))
def test_planned_dates_are_those_of_the_schedule_without_status_date(plan: Plan) -> None:
    """Every task's planned dates equal its early dates in ``schedule(plan)``."""
    try:
        full = schedule(plan)
    except ValidationError:
        return  # a plan the scheduler refuses (dates beyond the calendar)
    times = planned_times(plan)

    for task in plan.tasks:
        entry = full[task.id]
        first, last = times.dates(task.id)
        assert entry.early_start == first
        if task.recurrence is None:
            assert entry.early_finish == last
        else:
            assert entry.occurrences == times.occurrences.get(times.row(task.id), ())


@deterministic
@given(dag_plans(max_tasks=8))
def test_planned_boundaries_hold_the_durations(plan: Plan) -> None:
    """Each planned finish boundary is its start plus the task's duration."""
    times = planned_times(plan)

    assert [task.duration for task in plan.tasks] == [
        finish - start for start, finish in zip(times.es, times.ef, strict=True)
    ]


def test_actual_dates_do_not_move_the_plan_as_planned() -> None:
    """A first task done late (5 days instead of 2) leaves the second one where it was
    planned: Wednesday 25 to Thursday 26 November."""
    plan = Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="Do g")],
        tasks=[
            Task(
                id="a",
                goal="g",
                title="A",
                duration=2,
                status=Status.DONE,
                started_on=START,
                done_on=date(2026, 11, 27),
            ),
            Task(id="b", goal="g", title="B", duration=2, depends_on=["a"]),
        ],
    )

    times = planned_times(plan)

    assert (date(2026, 11, 25), date(2026, 11, 26)) == times.dates("b")
    assert (date(2026, 11, 23), date(2026, 11, 24)) == times.dates("a")


def test_unknown_task_and_wrong_plan_are_refused() -> None:
    """An unknown id is an UnknownReferenceError; a non-plan names the argument."""
    plan = Plan(id="p", owner="Ana", start=START, goals=[Goal(id="g", title="G")])
    with pytest.raises(UnknownReferenceError):
        planned_times(plan).dates("nope")
    with pytest.raises(ValidationError) as caught:
        planned_times("plan")  # type: ignore[arg-type]
    assert "plan" == caught.value.path
