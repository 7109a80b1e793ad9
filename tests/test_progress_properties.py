"""Properties of careerkit.planning.progress on generated plans."""

from __future__ import annotations

import json
import math
from datetime import date, timedelta

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

from careerkit import Goal, Plan, Status, Task, ValidationError, schedule
from careerkit.planning.health import Health
from careerkit.planning.progress import ProgressReport, progress
from careerkit.scheduling.planned import planned_times

from .schedule_strategies import dag_plans
from .strategies import deterministic, plans


def _report(plan: Plan, as_of: date) -> ProgressReport | None:
    """The report, or None for a plan the scheduler refuses (dates past the calendar)."""
    try:
        return progress(plan, as_of=as_of)
    except ValidationError:
        return None


def _fractions(report: ProgressReport) -> list[float]:
    values = [report.fraction, report.planned_fraction, report.grade]
    for goal in report.goals:
        values += [goal.fraction, goal.planned_fraction, goal.grade]
        values += [v for v in (goal.work_fraction, goal.metric_fraction) if v is not None]
    for task in report.tasks:
        values += [task.fraction_complete, task.planned_fraction]
    return values


@deterministic
@given(plans(max_goals=4, max_tasks=6), st.integers(min_value=0, max_value=400))
def test_scores_stay_within_bounds_and_json(plan: Plan, days: int) -> None:
    """Fractions and grades stay in 0..1, percents in 0..100, and the document holds
    no NaN or infinity."""
    try:
        as_of = plan.start + timedelta(days=days)
    except OverflowError:
        return
    report = _report(plan, as_of)
    assume(report is not None)
    assert report is not None

    assert all(0.0 <= value <= 1.0 for value in _fractions(report))
    assert 0.0 <= report.percent_complete <= 100.0
    for figures in [report.earned_value, *(goal.earned_value for goal in report.goals)]:
        for value in attrs.astuple(figures):
            assert value is None or math.isfinite(value)
        assert figures.spi_t is None or figures.spi_t >= 0
    json.dumps(report.to_dict(), allow_nan=False)


@deterministic
@given(plans(min_goals=1, max_goals=3, min_tasks=1, max_tasks=6), st.data())
def test_finishing_a_task_never_lowers_its_goal(plan: Plan, data: st.DataObject) -> None:
    """Completing a task on the status date keeps or raises the progress of its goal,
    of the goal's ancestors and of the plan."""
    open_tasks = [task for task in plan.tasks if task.status in (Status.TODO, Status.IN_PROGRESS)]
    assume(open_tasks)
    task = data.draw(st.sampled_from(open_tasks))
    latest = max(
        [plan.start, *(t.started_on for t in plan.tasks if t.started_on)]
        + [day for t in plan.tasks for day in t.done_occurrences]
        + [m.on for g in plan.goals for m in g.measurements]
    )
    as_of = latest + timedelta(days=data.draw(st.integers(min_value=0, max_value=60)))
    before = _report(plan, as_of)
    after = _report(plan.complete_task(task.id, on=as_of), as_of)
    assume(before is not None and after is not None)
    assert before is not None
    assert after is not None

    goal: str | None = task.goal
    while goal is not None:
        assert after.goal(goal).fraction >= before.goal(goal).fraction - 1e-9
        goal = plan.goal(goal).parent
    assert after.fraction >= before.fraction - 1e-9


def _executed_to_plan(plan: Plan, as_of: date) -> Plan:
    """The plan with every task done or in progress exactly as planned by ``as_of``."""
    times = planned_times(plan)
    at = times.days.boundary_after(as_of)
    tasks = []
    for row, task in enumerate(plan.tasks):
        start, finish = times.es[row], times.ef[row]
        if at <= start:
            tasks.append(task)
        elif finish <= at:
            first, last = times.dates(task.id)
            tasks.append(attrs.evolve(task, status=Status.DONE, started_on=first, done_on=last))
        else:
            share = 100 * (at - start) / (finish - start)
            tasks.append(
                attrs.evolve(
                    task,
                    status=Status.IN_PROGRESS,
                    started_on=times.days.date_of(start),
                    percent_complete=share,
                )
            )
    return attrs.evolve(plan, tasks=tuple(tasks))


@st.composite
def chains(draw: st.DrawFn) -> Plan:
    """One goal, a chain of tasks each with duration and effort: planned hours grow
    every working day from the start to the end."""
    base = draw(dag_plans(min_tasks=1, max_tasks=6, holidays=True))
    tasks = []
    for position, task in enumerate(base.tasks):
        duration = draw(st.integers(min_value=1, max_value=8))
        effort = float(draw(st.integers(min_value=1, max_value=20)))
        depends = (f"t{position - 1}",) if position else ()
        tasks.append(
            Task(
                id=task.id,
                goal="g",
                title=task.title,
                duration=duration,
                effort=effort,
                depends_on=depends,
            )
        )
    return attrs.evolve(base, tasks=tuple(tasks), goals=(Goal(id="g", title="Reach g"),))


@deterministic
@given(chains(), st.data())
def test_a_plan_executed_to_its_schedule_has_spi_t_one(plan: Plan, data: st.DataObject) -> None:
    """Work done exactly as planned by any working day of the plan earns its own
    schedule: SPI(t) is 1, SV(t) 0, and SPI 1; also once all the work is done."""
    times = planned_times(plan)
    last = max(times.ef) - 1
    index = data.draw(st.integers(min_value=times.origin, max_value=last + 5))
    as_of = times.days.date_of(index)
    report = progress(_executed_to_plan(plan, as_of), as_of=as_of)

    figures = report.earned_value
    assert 1.0 == round(figures.spi_t or 0.0, 9)
    assert 0.0 == round(figures.sv_t or 0.0, 9)
    assert 1.0 == round(figures.spi or 0.0, 9)


@deterministic
@given(dag_plans(max_tasks=6, max_effort=8), st.integers(min_value=0, max_value=30))
def test_all_work_done_is_one_hundred_percent_and_done(plan: Plan, extra: int) -> None:
    """Every task done by the status date: 100 % and health done, for the goal and plan."""
    schedule(plan)  # the plan schedules
    as_of = plan.start + timedelta(days=extra)
    done = attrs.evolve(
        plan,
        tasks=tuple(
            attrs.evolve(task, status=Status.DONE, started_on=plan.start, done_on=as_of)
            for task in plan.tasks
        ),
    )

    report = progress(done, as_of=as_of)

    assert 100.0 == report.percent_complete
    assert 1.0 == report.grade
    assert (Health.DONE, Health.DONE) == (report.health, report.goal("g").health)
