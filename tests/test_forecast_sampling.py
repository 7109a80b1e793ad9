"""Tests for careerkit.scheduling.sampling: forward passes with other durations
give the finishes that scheduling the plan with those durations gives."""

from __future__ import annotations

import random
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit import Goal, Plan, Status, Task, schedule
from careerkit.planning._forecast_durations import draws
from careerkit.planning.forecast import forecast
from careerkit.planning.forecast_results import Distribution, ForecastReason
from careerkit.scheduling.sampling import SampledNetwork

from .schedule_strategies import PROPERTY_SETTINGS, dag_plans


@given(plan=dag_plans(max_tasks=8), data=st.data())
@PROPERTY_SETTINGS
def test_a_pass_with_drawn_durations_is_the_schedule_of_those_durations(
    plan: Plan, data: st.DataObject
) -> None:
    """Give some tasks ranges and draw a duration in each: the network's finish is
    that of the schedule of the plan with those durations.

    Tasks last a day or more here: a milestone that ends a goal on its own day
    (not after work) is dated by the schedule itself, which a forecast passes in.
    """
    tasks, drawn = [], {}
    for node, task in enumerate(plan.tasks):
        task = attrs.evolve(task, duration=max(1, task.duration))
        if data.draw(st.booleans()):
            low, high = task.duration, task.duration + data.draw(st.integers(1, 6))
            tasks.append(attrs.evolve(task, optimistic=low, pessimistic=high))
            drawn[node] = data.draw(st.integers(low, high))
        else:
            tasks.append(task)
    plan = attrs.evolve(plan, tasks=tuple(tasks))
    network = SampledNetwork(plan, plan.start)
    assert sorted(drawn) == [item.node for item in network.uncertain]
    changed = attrs.evolve(
        plan,
        tasks=tuple(
            attrs.evolve(task, duration=drawn.get(node, task.duration))
            for node, task in enumerate(tasks)
        ),
    )

    finish = network.finish_date("g", network.finishes(drawn)["g"])

    assert schedule(changed, as_of=plan.start).goal("g").finish == finish


@given(plan=dag_plans(max_tasks=8))
@PROPERTY_SETTINGS
def test_without_ranges_every_percentile_is_the_schedules_finish(plan: Plan) -> None:
    """No task has a range: P50, P85 and P95 are the schedule's finish."""
    found = forecast(plan, as_of=plan.start, seed=1, runs=20).goal("g")
    finish = schedule(plan, as_of=plan.start).goal("g").finish
    assert (finish, finish, finish) == (found.p50, found.p85, found.p95)


def test_child_goals_and_dropped_tasks_count_as_in_the_schedule() -> None:
    """A parent's finish includes its child goals' work; a dropped task is not drawn."""
    start = date(2027, 1, 4)
    plan = Plan(
        id="p",
        owner="Ana",
        start=start,
        goals=(Goal(id="top", title="Reach top"), Goal(id="part", title="Do part", parent="top")),
        tasks=(
            Task(id="a", goal="top", title="A", duration=3),
            Task(id="b", goal="part", title="B", duration=10, optimistic=8, pessimistic=30),
            Task(
                id="c",
                goal="part",
                title="C",
                duration=5,
                optimistic=1,
                pessimistic=9,
                status=Status.DROPPED,
            ),
        ),
    )
    network = SampledNetwork(plan, start)
    assert ("b",) == tuple(item.task for item in network.uncertain)
    finishes = network.finishes({1: 30})
    assert finishes["top"] == finishes["part"] == network.boundary_after(date(2027, 2, 12))


def test_finishes_past_the_calendar_end_say_so() -> None:
    """A long chain of wide ranges can run past 9999-12-31: no date, a reason."""
    start = date(2027, 1, 4)
    tasks = tuple(
        Task(
            id=f"t{position}",
            goal="g",
            title="Step",
            duration=10,
            optimistic=1,
            pessimistic=100_000,
            depends_on=(f"t{position - 1}",) if position else (),
        )
        for position in range(120)
    )
    plan = Plan(
        id="p", owner="Ana", start=start, goals=(Goal(id="g", title="Reach g"),), tasks=tasks
    )

    found = forecast(plan, as_of=start, seed=1, runs=50)

    assert found.goal("g").p95 is None
    assert ForecastReason.BEYOND_HORIZON is found.goal("g").reason
    assert ForecastReason.BEYOND_HORIZON is found.plan.reason


@pytest.mark.parametrize("distribution", ["pert", "triangular"])
@pytest.mark.parametrize("estimate", [(4, 10, 40), (0, 1_000, 4_000)])
def test_drawn_durations_have_the_distributions_mean(
    distribution: Distribution, estimate: tuple[int, int, int]
) -> None:
    """PERT-beta's mean is (a + 4 m + b) / 6, the triangle's (a + m + b) / 3, for a
    range tabulated day by day and for one wider than that table."""
    low, likely, high = estimate
    found = draws(estimate, distribution, random.Random(8), 40_000)
    mean = (low + 4 * likely + high) / 6 if distribution == "pert" else (low + likely + high) / 3
    assert mean == pytest.approx(sum(found) / len(found), rel=0.01)
    assert low <= min(found)
    assert max(found) <= high
