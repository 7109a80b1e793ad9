"""The work of a plan's tasks as numbers, row by row (plan order), for progress.

Abbreviations: pv/ev/ac/bac as in :mod:`careerkit.evm` (planned value,
earned value, actual cost, budget at completion), all in effort hours; es/ef
the planned early start/finish boundaries of
:mod:`careerkit.scheduling.planned`.

A task's planned value is its effort spread evenly over its planned working
days; a milestone's effort falls on its day; a habit's effort falls on each
planned occurrence (its ``effort`` is hours per occurrence). Dropped tasks
weigh nothing.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from datetime import date

from attrs import frozen

from careerkit.model import Plan, Status
from careerkit.planning.tracking import planned_hours
from careerkit.scheduling.planned import PlannedTimes

__all__ = ["Work", "planned_items", "pv_curve"]

_DONE, _DROPPED = Status.DONE, Status.DROPPED


@frozen(kw_only=True)
class Work:
    """Per task row: hours at completion, fractions done and planned, hours spent,
    the weight of the duration rule, and the planned occurrences of habits."""

    bac: Sequence[float]
    fraction: Sequence[float]
    planned: Sequence[float]
    spent: Sequence[float]
    duration_weight: Sequence[float]
    planned_occurrences: Sequence[int]
    """Habits: their planned occurrences in all; 0 for other tasks."""
    dropped: Sequence[bool]
    habit_days: Mapping[int, Sequence[int]]
    """Habits: the working-day index of each planned occurrence (a day off counts
    on the next working day), by row."""

    @classmethod
    def of(cls, plan: Plan, times: PlannedTimes, as_of: date) -> Work:
        """The work of every task of ``plan`` as of ``as_of``, against ``times``."""
        at = times.days.boundary_after(as_of)
        count = len(plan.tasks)
        bac, fraction, planned = [0.0] * count, [0.0] * count, [0.0] * count
        weights, totals = [0.0] * count, [0] * count
        spent = [task.hours_spent for task in plan.tasks]
        es, ef, shifted, occurrences = times.es, times.ef, times.shifted, times.occurrences
        for row, task in enumerate(plan.tasks):
            if task.status is _DROPPED:
                continue
            if task.recurrence is not None:
                dates = occurrences.get(row, ())
                total = totals[row] = len(dates)
                bac[row], weights[row] = task.effort * total, float(total)
                fraction[row] = _habit_fraction(task.status, task.done_occurrences, total, as_of)
                planned[row] = bisect.bisect_right(dates, as_of) / total if total else 0.0
                continue
            bac[row], weights[row] = task.effort, float(task.duration)
            fraction[row] = task.fraction_complete
            start = es[row] - 1 if shifted[row] else es[row]
            duration = ef[row] - es[row]  # as planned: a baseline's length may differ
            if duration:
                planned[row] = min(1.0, max(0.0, (at - start) / duration))
            else:
                planned[row] = 1.0 if at > start else 0.0
        return cls(
            bac=bac,
            fraction=fraction,
            planned=planned,
            spent=spent,
            duration_weight=weights,
            planned_occurrences=totals,
            dropped=[task.status is _DROPPED for task in plan.tasks],
            habit_days={
                row: [times.days.index_of(day) for day in dates]
                for row, dates in occurrences.items()
            },
        )


def _habit_fraction(status: Status, done: Sequence[date], total: int, as_of: date) -> float:
    """A habit's share done: occurrences done by ``as_of`` over those planned in all."""
    if status is _DONE:
        return 1.0
    if not total:
        return 0.0
    return min(1.0, bisect.bisect_right(done, as_of) / total)


def planned_items(
    plan: Plan, times: PlannedTimes, work: Work, row: int
) -> tuple[list[tuple[int, int, float]], list[tuple[int, float]]]:
    """How the planned hours of one row fall on working days
    (:func:`careerkit.planning.tracking.planned_hours`); none when it plans no hours."""
    if work.bac[row] <= 0:
        return [], []
    return planned_hours(plan.tasks[row], times, row)


def pv_curve(
    spans: Sequence[tuple[int, int, float]], points: Sequence[tuple[int, float]], origin: int
) -> tuple[int, list[float]]:
    """The cumulative planned hours of some spans and points (as
    :func:`planned_items` gives them) at the end of each working day.

    Returns the working-day index of the curve's first day and the curve;
    ``origin`` and an empty curve when there are no planned hours. Built with
    a difference array: time proportional to the items and the days.
    """
    if not spans and not points:
        return origin, []
    first = min([start for start, _, _ in spans] + [day for day, _ in points])
    end = max([past for _, past, _ in spans] + [day + 1 for day, _ in points])
    rates = [0.0] * (end - first + 1)
    daily = [0.0] * (end - first)
    for start, past, rate in spans:
        rates[start - first] += rate
        rates[past - first] -= rate
    for day, hours in points:
        daily[day - first] += hours
    curve = []
    rate = total = 0.0
    for offset, extra in enumerate(daily):
        rate += rates[offset]
        step = rate + extra
        if step > 0:  # rounding leaves a rate of -1e-16 where spans end: never fall
            total += step
        curve.append(total)
    return first, curve
