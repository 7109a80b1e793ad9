"""The passes behind :func:`careerkit.schedule`, on integer working-day boundaries.

Each pass is a function of the plan's :class:`~careerkit.scheduling._inputs.Inputs`
and of the times earlier passes found: forward, then (when leveling) a
late pass to rank the tasks and the leveling itself, then the late pass
of the result, then the report (:mod:`careerkit.scheduling._report`).

Abbreviations used here: es/ef/ls/lf are early start, early finish, late
start and late finish, as boundaries (see :mod:`careerkit.scheduling._cpm`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careerkit.errors import ValidationError
from careerkit.model import Plan, Status
from careerkit.scheduling import _cpm
from careerkit.scheduling._inputs import Inputs, Times, shifted_milestones
from careerkit.scheduling._report import Leveling, report, weekly_hours
from careerkit.scheduling.capacity import week_number
from careerkit.scheduling.habits import habit_dates
from careerkit.scheduling.leveling import Leveled, Precedence, Workload, level
from careerkit.scheduling.results import Schedule

__all__ = ["run"]

_DROPPED = Status.DROPPED


def run(plan: Plan, as_of: date | None, *, leveled: bool) -> Schedule:
    """The schedule of a plan at a status date, leveled or not."""
    inputs = Inputs.of(plan, as_of)
    es, ef = _cpm.forward(
        inputs.network.predecessors, inputs.order, inputs.durations, inputs.earliest, inputs.fixed
    )
    _check_calendar(inputs, es, ef)
    habit_end = max(ef) if ef else inputs.origin  # the end of the work, before leveling
    delay = 0
    placed = None
    shifted = shifted_milestones(inputs, es, ef)
    if leveled and plan.tasks and _overloaded(inputs, es, ef, habit_end):
        unleveled_finish = _last_day(inputs, es, ef, shifted)
        found = _level(inputs, es, ef, habit_end)
        es, ef, placed = list(found.es), list(found.ef), found.hours
        shifted = list(found.shifted)
        delay = _last_day(inputs, es, ef, shifted) - unleveled_finish
    ls, lf = _late(inputs, es, ef)
    _check_calendar(inputs, ls, lf)
    times = Times(es=es, ef=ef, ls=ls, lf=lf, shifted=shifted)
    return report(
        inputs, times, Leveling(asked=leveled, delay=delay, habit_end=habit_end, placed=placed)
    )


def _overloaded(inputs: Inputs, es: Sequence[int], ef: Sequence[int], habit_end: int) -> bool:
    """Whether any week of the unleveled schedule is over capacity (if none,
    leveling leaves the schedule as it is)."""
    habits = habit_dates(inputs, es, habit_end)
    shifted = shifted_milestones(inputs, es, ef)
    loads = weekly_hours(inputs, es, ef, shifted, habits, only=None)
    return any(week.overloaded for week in loads)


def _check_calendar(inputs: Inputs, starts: Sequence[int], finishes: Sequence[int]) -> None:
    """Refuse, naming the task, dates that fall outside the years 1 to 9999."""
    days = inputs.days
    lowest, end = days.index_of(date.min), days.boundary_after(date.max)
    count = inputs.network.task_count
    task_starts, task_finishes = starts[:count], finishes[:count]
    if not count or (
        min(task_starts) >= lowest and max(task_starts) < end and max(task_finishes) <= end
    ):
        return  # every task within the calendar, found at C speed: the common case
    for node in range(count):
        start, finish = starts[node], finishes[node]
        if start < lowest or finish > end or start >= end:
            raise ValidationError(
                path=f"tasks[{node}]",
                problem=f"its dates fall outside the calendar's years 1 to 9999 "
                f"(working days {start - inputs.origin} to {finish - inputs.origin} "
                "from the plan's start)",
            )


def _late(inputs: Inputs, es: Sequence[int], ef: Sequence[int]) -> tuple[list[int], list[int]]:
    """The backward pass from the last finish, held by due dates and deadlines."""
    finish = max(ef) if ef else inputs.origin
    latest = [finish] * len(es)
    for node, limit in inputs.limits.items():
        latest[node] = min(finish, limit)
    spans = [finish - start for start, finish in zip(es, ef, strict=True)]
    return _cpm.backward(inputs.successors, inputs.order, spans, latest)


def _last_day(inputs: Inputs, es: Sequence[int], ef: Sequence[int], shifts: Sequence[bool]) -> int:
    """The working-day index of the last day of work."""
    return max(
        (
            es[node] - 1 if shifts[node] else max(es[node], ef[node] - 1)
            for node in range(inputs.network.task_count)
        ),
        default=inputs.origin,
    )


def _level(inputs: Inputs, es: Sequence[int], ef: Sequence[int], habit_end: int) -> Leveled:
    """Early boundaries that keep the weekly load within capacity (see
    :func:`careerkit.scheduling.leveling.level`), from the unleveled ones."""
    network, plan = inputs.network, inputs.plan
    _, lf = _late(inputs, es, ef)
    labels = network.labels
    priorities = [(lf[node] - ef[node], es[node], labels[node]) for node in range(len(labels))]
    rates, booked = _leveling_load(inputs, es, ef, habit_end)
    return level(
        Precedence(
            predecessors=network.predecessors,
            successors=inputs.successors,
            earliest=inputs.earliest,
            fixed=inputs.fixed,
            priorities=priorities,
        ),
        Workload(
            durations=inputs.durations,
            rates=rates,
            capacity=plan.weekly_capacity,
        ),
        booked=booked,
        days=inputs.days,
    )


def _leveling_load(
    inputs: Inputs, es: Sequence[int], ef: Sequence[int], habit_end: int
) -> tuple[list[float], dict[int, float]]:
    """Hours per working day of each node, and hours already booked per week
    (habits, and work done or in progress)."""
    fixed = inputs.fixed
    rates = [0.0] * len(inputs.durations)
    for node, task in enumerate(inputs.plan.tasks):
        if task.recurrence is not None or task.status is _DROPPED:
            continue
        if fixed[node] is None:
            rates[node] = task.effort / max(inputs.durations[node], 1)
    booked: dict[int, float] = {}
    loads = weekly_hours(
        inputs,
        es,
        ef,
        shifted_milestones(inputs, es, ef),
        habit_dates(inputs, es, habit_end),
        only=[item is not None for item in fixed],
    )
    for load in loads:
        week = week_number(load.week)
        booked[week] = booked.get(week, 0.0) + load.hours
    return rates, booked
