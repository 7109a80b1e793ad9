"""Tests for careerkit.planning.baseline: variances against a baseline plan, in working days."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from careerkit import Calendar, Goal, Plan, Task, ValidationError, compare_to_baseline, schedule

from .wrong_arguments import refused_path, wrong_calls

START = date(2026, 11, 23)  # a Monday


def baseline() -> Plan:
    """Two tasks in a row for one goal due on 18 December 2026."""
    return Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=[Goal(id="g", title="Do g", deadline=date(2026, 12, 18))],
        tasks=[
            Task(id="a", goal="g", title="A", duration=5, due=date(2026, 12, 4)),
            Task(id="b", goal="g", title="B", duration=5, depends_on=["a"]),
        ],
    )


def test_unchanged_plan_has_no_variance() -> None:
    """A plan compared with itself moved nothing and changed no scope."""
    result = compare_to_baseline(baseline(), baseline())

    assert all(not variance.moved for variance in (*result.goals, *result.tasks))
    assert ((), (), (), (), 0) == (
        result.added_goals,
        result.removed_goals,
        result.added_tasks,
        result.removed_tasks,
        result.finish,
    )


def test_longer_task_moves_its_successor_and_the_goal() -> None:
    """Three more days on ``a`` finish ``a``, start and finish ``b`` and the goal 3 days later."""
    current = baseline().update_task("a", duration=8)

    result = compare_to_baseline(baseline(), current)
    by_id = {variance.subject: variance for variance in result.tasks}

    assert (0, 3, 0) == (by_id["a"].start, by_id["a"].finish, by_id["a"].deadline)
    assert (3, 3) == (by_id["b"].start, by_id["b"].finish)
    assert by_id["b"].deadline is None
    assert 3 == result.goals[0].finish
    assert 3 == result.finish


def test_deadline_moves_in_working_days() -> None:
    """Moving the deadline from Friday 18 to Friday 25 December counts 4 working days
    when Christmas Day is a holiday."""
    calendar = Calendar(holidays=(date(2026, 12, 25),))
    before = Plan(**{**_fields(baseline()), "calendar": calendar})
    after = before.update_goal("g", deadline=date(2026, 12, 25))

    assert 4 == compare_to_baseline(before, after).goals[0].deadline


def test_added_and_removed_scope() -> None:
    """Goals and tasks present on one side only are listed, sorted by id."""
    current = (
        baseline()
        .remove_task("b")
        .add_goal(Goal(id="h", title="Do h"))
        .add_task(Task(id="c", goal="h", title="C"))
    )

    result = compare_to_baseline(baseline(), current)

    assert (("h",), (), ("c",), ("b",)) == (
        result.added_goals,
        result.removed_goals,
        result.added_tasks,
        result.removed_tasks,
    )


def _fields(plan: Plan) -> dict[str, object]:
    return {"id": plan.id, "owner": plan.owner, "start": plan.start, "goals": plan.goals,
            "tasks": plan.tasks}  # fmt: skip


def test_given_schedules_are_used() -> None:
    """Schedules handed in give the same comparison as those computed inside."""
    before = baseline()
    after = before.update_task("a", duration=8)
    as_of = date(2026, 11, 25)

    expected = compare_to_baseline(before, after, as_of=as_of)

    assert expected == compare_to_baseline(
        before,
        after,
        as_of=as_of,
        schedule=schedule(after, as_of=as_of),
        baseline_schedule=schedule(before),
    )


@pytest.mark.parametrize("argument", ["schedule", "baseline_schedule"])
def test_schedules_must_be_schedules(argument: str) -> None:
    """A schedule argument that is not a Schedule is refused, naming the argument."""
    with pytest.raises(ValidationError) as caught:
        compare_to_baseline(baseline(), baseline(), **{argument: "tomorrow"})  # type: ignore[arg-type]

    assert argument == caught.value.path


def test_baseline_schedule_is_the_plan_as_planned() -> None:
    """The baseline is compared as planned: a schedule with a status date is refused."""
    plan = baseline()
    with pytest.raises(ValidationError) as caught:
        compare_to_baseline(plan, plan, baseline_schedule=schedule(plan, as_of=START))

    assert "baseline_schedule" == caught.value.path


_PLANS = {"baseline": baseline(), "current": baseline()}


@pytest.mark.parametrize(
    ("function", "arguments", "path"),
    [
        *wrong_calls(
            compare_to_baseline,
            _PLANS,
            baseline="plan",
            current="plan",
            as_of="optional date",
            schedule="schedule",
            baseline_schedule="schedule",
        ),
        pytest.param(
            compare_to_baseline, {**_PLANS, "as_of": date(2026, 11, 20)}, "as_of", id="early"
        ),
    ],
)
def test_compare_to_baseline_refuses_wrong_arguments(
    function: Callable[..., object], arguments: dict[str, Any], path: str
) -> None:
    """Each wrong argument is a ValidationError naming it; a status date before the start too."""
    assert [path] == refused_path(function, arguments)
