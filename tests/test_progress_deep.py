"""Progress on deep goal trees: work proportional to the plan, and each goal's earned
schedule equal to careerkit.evm.earned_schedule over the goal's own PV curve."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date

import attrs
import pytest

from careerkit import Goal, GoalStatus, Plan, Status, Task, evm
from careerkit.planning import _progress_earned
from careerkit.planning.progress import ProgressReport, progress
from careerkit.scheduling.planned import planned_times

START = date(2026, 1, 5)


def _chain(size: int) -> tuple[Plan, date]:
    """``size`` goals, each the parent of the next, one task each, in sequence, the
    first half done; and the status date halfway."""
    goals = [
        Goal(id=f"g{row:05d}", title="Goal", parent=f"g{row - 1:05d}" if row else None)
        for row in range(size)
    ]
    tasks = [
        Task(
            id=f"t{row:05d}",
            goal=f"g{row:05d}",
            title="Task",
            duration=1,
            effort=float(1 + row % 5),
            depends_on=(f"t{row - 1:05d}",) if row else (),
        )
        for row in range(size)
    ]
    plan = Plan(id="chain", owner="Ana", start=START, goals=goals, tasks=tasks)
    times = planned_times(plan)
    as_of = times.days.date_of(times.origin + size // 2)
    done = tuple(
        attrs.evolve(task, status=Status.DONE, started_on=as_of, done_on=as_of)
        if row < size // 2
        else task
        for row, task in enumerate(tasks)
    )
    return attrs.evolve(plan, tasks=done), as_of


def _curve_entries(monkeypatch: pytest.MonkeyPatch, size: int) -> int:
    """The PV curve entries handed to evm.earned_schedule by one progress() of a chain."""
    plan, as_of = _chain(size)
    read = evm.earned_schedule
    entries = [0]

    def counted(pv_curve: Sequence[float], ev: float) -> float:
        entries[0] += len(pv_curve)
        return read(pv_curve, ev)

    monkeypatch.setattr(evm, "earned_schedule", counted)
    progress(plan, as_of=as_of)
    monkeypatch.undo()
    return entries[0]


def test_a_chain_of_goals_reads_curve_entries_in_proportion_to_its_length(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Four times the goals read at most about four times the PV curve entries (a
    curve per goal over every descendant's days would read sixteen times)."""
    small = _curve_entries(monkeypatch, 500)
    large = _curve_entries(monkeypatch, 2000)
    assert small > 0
    assert large <= 5 * small


def _forest(seed: int) -> tuple[Plan, date]:
    """A random goal forest, deep in places, with binary-exact hours and fractions, so
    that every order of adding them up gives the same floats."""
    rng = random.Random(seed)
    goals: list[Goal] = []
    for row in range(rng.randint(1, 40)):
        parent = None
        if goals and rng.random() < 0.85:
            parent = goals[-1].id if rng.random() < 0.6 else rng.choice(goals).id
        status = GoalStatus.ABANDONED if rng.random() < 0.05 else GoalStatus.ACTIVE
        goals.append(Goal(id=f"g{row:03d}", title="Goal", parent=parent, status=status))
    tasks: list[Task] = []
    for row in range(rng.randint(1, 80)):
        earlier = [task.id for task in tasks]
        tasks.append(
            Task(
                id=f"t{row:03d}",
                goal=rng.choice(goals).id,
                title="Task",
                duration=rng.choice([0, 1, 2, 4, 8]),
                effort=rng.choice([0.0, 0.5, 2.0, 3.0, 8.0]),
                depends_on=tuple(rng.sample(earlier, min(len(earlier), rng.randint(0, 2)))),
            )
        )
    plan = Plan(id="forest", owner="Ana", start=START, goals=goals, tasks=tasks)
    times = planned_times(plan)
    as_of = times.days.date_of(times.origin + rng.randint(0, max(times.ef) - times.origin))
    tracked = []
    for task in tasks:
        share = rng.choice([0, 25, 50, 75, 100])
        if share == 100:
            task = attrs.evolve(task, status=Status.DONE, started_on=START, done_on=START)
        elif share:
            task = attrs.evolve(
                task, status=Status.IN_PROGRESS, started_on=START, percent_complete=float(share)
            )
        tracked.append(task)
    return attrs.evolve(plan, tasks=tuple(tracked)), as_of


def _expected_schedules(plan: Plan, report: ProgressReport) -> dict[str, float | None]:
    """Each goal's earned schedule, read by evm.earned_schedule on the day-by-day PV
    curve of its tasks and of its counted descendants' tasks, built here directly."""
    times = planned_times(plan)
    counted = {goal.goal for goal in report.goals if goal.counted}
    children: dict[str, list[str]] = {goal.id: [] for goal in plan.goals}
    for goal in plan.goals:
        if goal.parent is not None and goal.id in counted:
            children[goal.parent].append(goal.id)
    found: dict[str, float | None] = {}
    for goal in plan.goals:
        covered, stack = set(), [goal.id]
        while stack:
            covered.add(stack[-1])
            stack.extend(children[stack.pop()])
        daily: dict[int, float] = {}
        for row, task in enumerate(plan.tasks):
            if task.goal not in covered or task.effort <= 0:
                continue
            start, finish = times.es[row], times.ef[row]
            if finish > start:
                for day in range(start, finish):
                    daily[day] = daily.get(day, 0.0) + task.effort / (finish - start)
            else:
                day = start - 1 if times.shifted[row] else start
                daily[day] = daily.get(day, 0.0) + task.effort
        if not daily:
            found[goal.id] = None
            continue
        curve, total = [], 0.0
        for day in range(min(daily), max(daily) + 1):
            total += daily.get(day, 0.0)
            curve.append(total)
        found[goal.id] = evm.earned_schedule(curve, report.goal(goal.id).earned_value.ev)
    return found


@pytest.mark.parametrize("way", ["curves", "subtrees"])
@pytest.mark.parametrize("seed", range(40))
def test_each_goals_earned_schedule_is_evm_earned_schedule_on_its_curve(
    monkeypatch: pytest.MonkeyPatch, way: str, seed: int
) -> None:
    """Either way of reading the goals' curves gives evm.earned_schedule on each
    goal's own curve, built day by day."""
    plan, as_of = _forest(seed)
    cheaper, dearer = (0, 1) if way == "curves" else (1, 0)
    monkeypatch.setattr(_progress_earned.Items, "direct_cost", lambda self: cheaper)
    monkeypatch.setattr(_progress_earned.Items, "subtree_cost", lambda self: dearer)
    report = progress(plan, as_of=as_of)
    expected = _expected_schedules(plan, report)
    actual = {goal.goal: goal.earned_value.earned_schedule for goal in report.goals}
    assert expected == actual


def test_a_deep_chain_gives_the_same_report_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a chain, building every goal's curve and the shared structure agree."""
    plan, as_of = _chain(300)
    monkeypatch.setattr(_progress_earned.Items, "direct_cost", lambda self: 0)
    monkeypatch.setattr(_progress_earned.Items, "subtree_cost", lambda self: 1)
    by_curves = progress(plan, as_of=as_of)
    monkeypatch.setattr(_progress_earned.Items, "direct_cost", lambda self: 1)
    monkeypatch.setattr(_progress_earned.Items, "subtree_cost", lambda self: 0)
    assert by_curves == progress(plan, as_of=as_of)


def _planned_hours_handled(monkeypatch: pytest.MonkeyPatch, size: int) -> int:
    """The planned-hour items (spans and points) one progress() of a chain puts into
    PV curves or into the cumulative count, each time it does."""
    plan, as_of = _chain(size)
    handled = [0]
    build, add = _progress_earned.pv_curve, _progress_earned._Cumulative.add

    def counted_curve(
        spans: Sequence[tuple[int, int, float]], points: Sequence[tuple[int, float]], origin: int
    ) -> tuple[int, list[float]]:
        handled[0] += len(spans) + len(points)
        return build(spans, points, origin)

    def counted_add(
        self: _progress_earned._Cumulative, first: int, past: int, daily: float
    ) -> None:
        handled[0] += 1
        add(self, first, past, daily)

    monkeypatch.setattr(_progress_earned, "pv_curve", counted_curve)
    monkeypatch.setattr(_progress_earned._Cumulative, "add", counted_add)
    progress(plan, as_of=as_of)
    monkeypatch.undo()
    return handled[0]


def test_a_chain_of_goals_handles_each_task_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Four times the goals handle about four times the planned-hour items, whichever
    way the goals' earned schedules are read (a curve per goal over every
    descendant's tasks would handle sixteen times)."""
    small = _planned_hours_handled(monkeypatch, 500)
    large = _planned_hours_handled(monkeypatch, 2000)
    assert 500 <= small
    assert large <= 5 * small
