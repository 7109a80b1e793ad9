"""Tests for careerkit.planning.forecast: the schedule-risk method, determinism,
argument checks and the example plan.

Plans start on Monday 4 January 2027 on the default Monday to Friday calendar.
"""

from __future__ import annotations

import json
import math
import pickle
from datetime import date, datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import careerkit
from careerkit import Dependency, Goal, Link, Plan, Status, Task, ValidationError, loads, schedule
from careerkit.planning.forecast import forecast
from careerkit.planning.forecast_results import ForecastPolicy

from .schedule_strategies import PROPERTY_SETTINGS, dag_plans

START = date(2027, 1, 4)
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marketing_director.json"


def _plan(*tasks: Task, deadline: date | None = None) -> Plan:
    return Plan(
        id="p",
        owner="Ana",
        start=START,
        goals=(Goal(id="g", title="Reach g", deadline=deadline),),
        tasks=tasks,
    )


def _uncertain(task_id: str, *, after: tuple[str, ...] = ()) -> Task:
    return Task(
        id=task_id,
        goal="g",
        title=f"Do {task_id}",
        duration=10,
        optimistic=5,
        pessimistic=25,
        depends_on=after,
    )


def _example() -> Plan:
    return loads(EXAMPLE.read_text(encoding="utf-8"))


def test_same_seed_same_forecast_and_different_seeds_differ() -> None:
    """A seed fixes every draw; another seed draws other durations."""
    plan = _plan(_uncertain("a"), _uncertain("b", after=("a",)))

    first = forecast(plan, as_of=START, seed=3, runs=500)
    again = forecast(plan, as_of=START, seed=3, runs=500)
    others = [forecast(plan, as_of=START, seed=seed, runs=500) for seed in (4, 5, 6)]

    assert first == again
    assert any(other.goal("g") != first.goal("g") for other in others)


def test_a_plan_without_ranges_forecasts_its_schedule() -> None:
    """Without three-point estimates every run is the schedule: P50 = P85 = P95 = its finish."""
    example = _example()
    plan = attrs.evolve(
        example,
        tasks=[attrs.evolve(task, optimistic=None, pessimistic=None) for task in example.tasks],
    )
    as_of = date(2026, 11, 26)
    found = forecast(plan, as_of=as_of, seed=1, runs=50)
    scheduled = schedule(plan, as_of=as_of)

    for entry in scheduled.goals:
        goal = found.goal(entry.goal)
        assert (entry.finish,) * 3 == (goal.p50, goal.p85, goal.p95)
        assert entry.finish == goal.scheduled
    assert found.plan.p50 == found.plan.p95 == max(entry.finish for entry in scheduled.goals)


@given(plan=dag_plans(max_tasks=6), data=st.data())
@PROPERTY_SETTINGS
def test_the_p50_lies_between_the_optimistic_and_pessimistic_schedules(
    plan: Plan, data: st.DataObject
) -> None:
    """The median finish is no earlier than with every task at its optimistic
    duration and no later than with every task at its pessimistic one."""
    tasks = []
    for task in plan.tasks:
        below = data.draw(st.integers(min_value=0, max_value=task.duration))
        above = data.draw(st.integers(min_value=0, max_value=8))
        tasks.append(
            attrs.evolve(task, optimistic=task.duration - below, pessimistic=task.duration + above)
        )
    plan = attrs.evolve(plan, tasks=tuple(tasks))
    fastest = attrs.evolve(
        plan, tasks=tuple(attrs.evolve(task, duration=task.optimistic) for task in tasks)
    )
    slowest = attrs.evolve(
        plan, tasks=tuple(attrs.evolve(task, duration=task.pessimistic) for task in tasks)
    )

    found = forecast(plan, as_of=plan.start, seed=0, runs=200).goal("g")

    low = schedule(fastest, as_of=plan.start).goal("g").finish
    high = schedule(slowest, as_of=plan.start).goal("g").finish
    assert found.p50 is not None
    assert low is not None
    assert high is not None
    assert low <= found.p50 <= high
    assert found.p50 <= found.p85 <= found.p95


def test_merge_points_lower_the_chance_of_the_single_chain_median() -> None:
    """Two parallel uncertain chains into one milestone: the merged finish meets the
    single chain's P50 far less often than half the time."""
    single = forecast(_plan(_uncertain("a")), as_of=START, seed=11, runs=4000).goal("g")
    assert single.p50 is not None
    merged = _plan(
        _uncertain("a"),
        _uncertain("b"),
        Task(id="m", goal="g", title="Both done", duration=0, depends_on=("a", "b")),
        deadline=single.p50,
    )

    found = forecast(merged, as_of=START, seed=11, runs=4000).goal("g")

    assert found.probability is not None
    assert found.probability < 0.4
    assert found.p50 is not None
    assert found.p50 > single.p50


def test_links_and_lags_are_rescheduled_each_run() -> None:
    """A finish-to-finish link with a lag moves with its predecessor's sampled finish."""
    plan = _plan(
        _uncertain("a"),
        Task(
            id="b",
            goal="g",
            title="Close",
            duration=2,
            depends_on=(Dependency(task="a", link=Link.FINISH_TO_FINISH, lag=3),),
        ),
    )
    alone = forecast(_plan(_uncertain("a")), as_of=START, seed=2, runs=300).goal("g")
    found = forecast(plan, as_of=START, seed=2, runs=300).goal("g")
    days = schedule(plan, as_of=START)
    assert days["b"].early_finish > days["a"].early_finish
    assert alone.p50 is not None
    assert found.p50 is not None
    assert found.p50 > alone.p50


def test_done_work_keeps_its_dates_and_work_in_progress_samples_what_remains() -> None:
    """A done task's range is not drawn; an in-progress task draws only its share left."""
    done = attrs.evolve(
        _uncertain("a"), status=Status.DONE, started_on=START, done_on=date(2027, 1, 15)
    )
    half = attrs.evolve(
        _uncertain("b"), status=Status.IN_PROGRESS, started_on=START, percent_complete=50
    )
    as_of = date(2027, 1, 18)
    assert forecast(_plan(done), as_of=as_of, seed=1, runs=200).goal("g").p95 == date(2027, 1, 15)

    found = forecast(_plan(half), as_of=as_of, seed=1, runs=2000).goal("g")

    # at most half of the pessimistic 25 days remain from Monday 18 January: 13 working days
    assert found.p95 is not None
    assert found.p50 is not None
    assert found.p95 <= date(2027, 2, 3)
    assert found.p50 >= date(2027, 1, 20)  # at least half of the optimistic 5 days: 3 days


def test_triangular_distribution_is_a_policy_choice() -> None:
    """The triangle has more weight in its long tail than PERT-beta: a later P85."""
    plan = _plan(_uncertain("a"))
    pert = forecast(plan, as_of=START, seed=5, runs=3000).goal("g")
    triangle = forecast(
        plan, as_of=START, seed=5, runs=3000, policy=ForecastPolicy(distribution="triangular")
    ).goal("g")
    assert pert.p85 is not None
    assert triangle.p85 is not None
    assert triangle.p85 > pert.p85


def test_the_example_diploma_misses_its_deadline() -> None:
    """As of 2026-11-26 the diploma's schedule finishes after 2026-12-18 and no task has a
    range, so no run meets the deadline; the throughput method gives its own chance."""
    plan = _example()
    as_of = date(2026, 11, 26)
    risk = forecast(plan, as_of=as_of, seed=1).goal("digital-marketing-diploma")
    pace = forecast(plan, as_of=as_of, seed=1, method="throughput").goal(
        "digital-marketing-diploma"
    )

    assert risk.deadline == date(2026, 12, 18)
    assert risk.scheduled is not None
    assert risk.scheduled > risk.deadline
    assert 0.0 == risk.probability
    assert pace.probability is not None
    assert pace.probability < 0.5


def test_forecast_is_a_json_document_that_pickles() -> None:
    """careerkit.dumps gives JSON with ISO dates and finite floats; the value pickles."""
    found = forecast(_plan(_uncertain("a"), deadline=date(2027, 1, 20)), as_of=START, seed=1)

    text = careerkit.dumps(found)
    document = json.loads(text)
    assert document["goals"][0]["p50"] == found.goal("g").p50.isoformat()  # type: ignore[union-attr]
    assert document["method"] == "schedule_risk"
    assert math.isfinite(document["goals"][0]["probability"])
    assert found == pickle.loads(pickle.dumps(found))


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"seed": "7"}, "seed"),
        ({"seed": True}, "seed"),
        ({"runs": 0}, "runs"),
        ({"runs": 2.5}, "runs"),
        ({"runs": 2_000_000}, "runs"),
        ({"method": "guess"}, "method"),
        ({"as_of": datetime(2027, 1, 4, 9)}, "as_of"),
        ({"as_of": date(2026, 12, 31)}, "as_of"),
        ({"policy": {"window_weeks": 4}}, "policy"),
        ({"schedule": "soon"}, "schedule"),
        ({"plan": "p"}, "plan"),
    ],
)
def test_wrong_arguments_are_named(changes: dict[str, object], path: str) -> None:
    """Each wrong argument raises a ValidationError whose path names it."""
    arguments: dict[str, object] = {"plan": _plan(_uncertain("a")), "as_of": START, "seed": 1}
    arguments.update(changes)
    plan = arguments.pop("plan")
    with pytest.raises(ValidationError) as caught:
        forecast(plan, **arguments)  # type: ignore[arg-type]
    assert path == caught.value.path


def test_a_schedule_of_another_date_is_refused() -> None:
    """The caller's schedule must be made as of the forecast's date."""
    plan = _plan(_uncertain("a"))
    with pytest.raises(ValidationError) as caught:
        forecast(plan, as_of=START, seed=1, schedule=schedule(plan, as_of=date(2027, 1, 5)))
    assert "schedule" == caught.value.path


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"window_weeks": 0}, "window_weeks"),
        ({"min_weeks": 9}, "min_weeks"),
        ({"distribution": "normal"}, "distribution"),
        ({"horizon_weeks": True}, "horizon_weeks"),
    ],
)
def test_wrong_policies_are_named(changes: dict[str, object], path: str) -> None:
    """A policy with a wrong setting names the field."""
    with pytest.raises(ValidationError) as caught:
        ForecastPolicy(**changes)  # type: ignore[arg-type]
    assert path == caught.value.path


def test_a_given_schedule_gives_the_deterministic_finish() -> None:
    """The caller's schedule is the one compared with; a leveled one shows its own
    finish while the runs stay unleveled."""
    plan = _plan(
        attrs.evolve(_uncertain("a"), effort=80.0),
        attrs.evolve(_uncertain("b"), effort=80.0),
    )
    plan = attrs.evolve(plan, weekly_capacity=20.0)
    leveled = schedule(plan, as_of=START, level=True)
    unleveled = schedule(plan, as_of=START)
    assert leveled.goal("g").finish != unleveled.goal("g").finish

    found = forecast(plan, as_of=START, seed=1, runs=200, schedule=leveled).goal("g")
    alone = forecast(plan, as_of=START, seed=1, runs=200).goal("g")

    assert leveled.goal("g").finish == found.scheduled
    assert unleveled.goal("g").finish == alone.scheduled
    assert (alone.p50, alone.p85, alone.p95) == (found.p50, found.p85, found.p95)
