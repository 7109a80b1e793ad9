"""Tests for careerkit.scheduling.planned: the planned early dates, actual dates ignored."""

from __future__ import annotations

import random
from datetime import date, timedelta

import attrs
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


_RULES = (
    "FREQ=WEEKLY;BYDAY=TU",
    "FREQ=WEEKLY",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=WEEKLY;INTERVAL=2",
)


def _habit_plan(seed: int) -> tuple[Plan, date]:
    """A plan of habits and plain tasks in every state, goals with and without
    deadlines, and a status date."""
    rng = random.Random(seed)
    goals = [
        Goal(
            id=f"g{row}",
            title="Goal",
            deadline=START + timedelta(days=rng.randint(60, 200)) if rng.random() < 0.7 else None,
        )
        for row in range(3)
    ]
    as_of = START + timedelta(days=rng.randint(0, 50))
    tasks: list[Task] = []
    for row in range(12):
        earlier = [task.id for task in tasks if task.recurrence is None]
        task = Task(
            id=f"t{row:02d}",
            goal=rng.choice(goals).id,
            title="Task",
            duration=rng.choice([0, 1, 3]),
            effort=2.0,
            depends_on=tuple(rng.sample(earlier, min(len(earlier), rng.randint(0, 1)))),
            recurrence=rng.choice(_RULES) if rng.random() < 0.6 else None,
        )
        tasks.append(task)
    plan = Plan(id="p", owner="Ana", start=START, goals=goals, tasks=tasks, weekly_capacity=6)
    planned = planned_times(plan)
    tracked = []
    for task in tasks:
        state = rng.choice(["to_do", "in_progress", "done"])
        started = START + timedelta(days=rng.randint(0, (as_of - START).days))
        if rng.random() < 0.5:  # on time: the planned start, when it has come
            started = min(as_of, planned.dates(task.id)[0])
        if state == "in_progress":
            task = attrs.evolve(task, status=Status.IN_PROGRESS, started_on=started)
        elif state == "done":
            task = attrs.evolve(task, status=Status.DONE, started_on=started, done_on=as_of)
        tracked.append(task)
    return attrs.evolve(plan, tasks=tuple(tracked)), as_of


@pytest.mark.parametrize("level", [False, True])
@pytest.mark.parametrize("seed", range(60))
def test_a_schedule_lends_its_habits_occurrences_without_changing_the_planned_times(
    seed: int, level: bool
) -> None:
    """Planned times made with a status schedule's habits equal those made without."""
    plan, as_of = _habit_plan(seed)
    try:
        status = schedule(plan, as_of=as_of, level=level)
    except ValidationError:
        return  # a plan the scheduler refuses
    expanded, lent = planned_times(plan), planned_times(plan, schedule=status)
    assert lent.occurrences == expanded.occurrences
    assert (lent.es, lent.ef, lent.shifted) == (expanded.es, expanded.ef, expanded.shifted)


def test_a_schedule_of_other_tasks_is_refused() -> None:
    """The schedule lent must schedule the plan's tasks, named by the argument."""
    plan, as_of = _habit_plan(1)
    other = Plan(id="q", owner="Ana", start=START, goals=[Goal(id="g", title="Goal")])
    with pytest.raises(ValidationError) as caught:
        planned_times(plan, schedule=schedule(other, as_of=as_of))
    assert caught.value.path == "schedule"
