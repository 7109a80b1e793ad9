"""What one run of :func:`careerkit.schedule` reads from a plan, and the times it finds.

Abbreviations used here: es/ef/ls/lf are early start, early finish, late
start and late finish, as working-day boundaries (see
:mod:`careerkit.scheduling._cpm`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date

from attrs import frozen

from careerkit.errors import Problem, ValidationError
from careerkit.model import Plan, Status, Task
from careerkit.model.network import FF, FS, Network, build_network, topological_order
from careerkit.scheduling._cpm import Links
from careerkit.scheduling.deadlines import inherited_deadlines, inherited_starts
from careerkit.workdays import DayIndex

__all__ = ["Inputs", "Times", "shifted_milestones"]

_DONE, _DROPPED = Status.DONE, Status.DROPPED


@frozen(kw_only=True)
class Inputs:
    """A plan's tasks and links as integer arrays, node by node (tasks, then goal gates).

    Made once per schedule by :meth:`of`, then only read.
    """

    plan: Plan
    as_of: date | None
    days: DayIndex
    network: Network
    successors: Links
    order: Sequence[int]
    """The nodes in an order where every node follows its predecessors."""
    origin: int
    """The working-day index of the plan's start."""
    deadlines: Mapping[str, date]
    """Each goal's deadline, its own or inherited, by goal id."""
    limits: Mapping[int, int]
    """The finish boundary each constrained task must not pass (due date, deadlines)."""
    durations: Sequence[int]
    earliest: Sequence[int]
    """Each node's lowest start: the plan's start, its goal's start (or an
    ancestor's), ``not_before``, the status date."""
    fixed: Sequence[tuple[int, int] | None]
    """The (es, ef) of work done or in progress at the status date, None for the rest."""

    @classmethod
    def of(cls, plan: Plan, as_of: date | None) -> Inputs:
        """Read a plan at a status date.

        Raises
        ------
        ValidationError
            A due date or deadline leaves no working day after the plan starts.
        """
        days = DayIndex(plan.calendar)
        network = build_network(plan.goals, plan.tasks)
        origin = days.index_of(plan.start)
        deadlines = inherited_deadlines(plan)
        _check_limits(plan, days)
        limits = _limits(plan, days, deadlines)
        durations, earliest, fixed = _node_inputs(plan, as_of, days, len(network.labels))
        successors = network.successors()
        return cls(
            plan=plan,
            as_of=as_of,
            days=days,
            network=network,
            successors=successors,
            order=topological_order(network.predecessors, successors=successors),
            origin=origin,
            deadlines=deadlines,
            limits=limits,
            durations=durations,
            earliest=earliest,
            fixed=fixed,
        )


@frozen(kw_only=True)
class Times:
    """The boundaries the passes found for every node, and which milestones sit on
    the day before their start boundary (see :func:`shifted_milestones`)."""

    es: Sequence[int]
    ef: Sequence[int]
    ls: Sequence[int]
    lf: Sequence[int]
    shifted: Sequence[bool]


def shifted_milestones(inputs: Inputs, es: Sequence[int], ef: Sequence[int]) -> list[bool]:
    """Which milestones sit on the day before their start boundary.

    A milestone pushed past its own earliest start by the end of work (a
    finish-to-start or finish-to-finish link from a task with duration, or
    from a milestone or goal that itself follows work so) happens as that
    work ends, on its last day. One held by ``not_before``, the status date,
    a predecessor's start or a milestone on its own day happens on the day
    it may start.
    """
    network, earliest = inputs.network, inputs.earliest
    count = network.task_count
    shifts = [False] * len(es)
    after_work = [False] * len(es)  # the node's finish boundary is the end of work
    for node in inputs.order:
        start = es[node]
        if ef[node] != start:
            after_work[node] = True
            continue
        pushed = any(
            code in (FS, FF) and ef[before] + lag == start and after_work[before]
            for before, code, lag in network.predecessors[node]
        )
        if pushed and start > earliest[node]:
            after_work[node] = True  # a goal gate passes the end of work on
            shifts[node] = node < count
    return shifts


def _node_inputs(
    plan: Plan, as_of: date | None, days: DayIndex, count: int
) -> tuple[list[int], list[int], list[tuple[int, int] | None]]:
    """Durations, lowest starts and fixed (actual) dates of every node."""
    origin = days.index_of(plan.start)
    lowest = origin
    status_day = origin
    if as_of is not None:
        status_day = days.index_of(as_of)
        lowest = max(lowest, status_day)
    durations = [0] * count
    earliest = [origin] * count
    fixed: list[tuple[int, int] | None] = [None] * count
    goal_starts = {goal: days.index_of(day) for goal, day in inherited_starts(plan).items()}
    for node, task in enumerate(plan.tasks):
        if task.status is _DROPPED:
            duration = durations[node] = 0
            start = origin
        else:
            duration = durations[node] = task.duration
            start = lowest
            if goal_starts:
                start = max(lowest, goal_starts.get(task.goal, lowest))
        if task.not_before is not None:
            start = max(start, days.index_of(task.not_before))
        earliest[node] = start
        if as_of is not None and task.fixed_by_progress(as_of):
            fixed[node] = _actual(task, duration, days, status_day)
    return durations, earliest, fixed


def _actual(task: Task, duration: int, days: DayIndex, status_day: int) -> tuple[int, int]:
    """The fixed (es, ef) of work done or in progress at the status date."""
    if task.status is _DONE:
        assert task.done_on is not None  # a done task has its date (the Task checks it)
        finish = days.boundary_after(task.done_on)
        if task.started_on is not None:
            start = min(days.index_of(task.started_on), finish)
        else:
            start = max(finish - duration, finish - 1 if duration else finish)
        return start, finish
    assert task.started_on is not None  # work in progress has its start (the Task checks it)
    start = days.index_of(task.started_on)
    left = duration
    if task.recurrence is None:
        left = math.ceil(duration * (1 - task.fraction_complete) - 1e-9)
    return start, max(status_day, start) + left


def _limits(plan: Plan, days: DayIndex, deadlines: Mapping[str, date]) -> dict[int, int]:
    """The finish boundary each constrained task must not pass (due date, deadlines)."""
    limits = {}
    if not deadlines:  # due dates alone
        for node, task in enumerate(plan.tasks):
            if task.due is not None:
                limits[node] = days.boundary_after(task.due)
        return limits
    for node, task in enumerate(plan.tasks):
        due, deadline = task.due, deadlines.get(task.goal)
        if deadline is not None and (due is None or deadline < due):
            limits[node] = days.boundary_after(deadline)
        elif due is not None:
            limits[node] = days.boundary_after(due)
    return limits


def _check_limits(plan: Plan, days: DayIndex) -> None:
    """Reject due dates and deadlines with no working day after the plan starts."""
    origin = days.index_of(plan.start)
    problems = []
    for position, goal in enumerate(plan.goals):
        if goal.deadline is not None and days.boundary_after(goal.deadline) <= origin:
            problems.append(
                Problem(
                    f"goals[{position}].deadline",
                    f"no working day from the plan's start {plan.start} to {goal.deadline}",
                )
            )
    for position, task in enumerate(plan.tasks):
        if task.due is not None and days.boundary_after(task.due) <= origin:
            problems.append(
                Problem(
                    f"tasks[{position}].due",
                    f"no working day from the plan's start {plan.start} to {task.due}",
                )
            )
    if problems:
        raise ValidationError(problems=problems)
