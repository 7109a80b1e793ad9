"""The curves of a burn-up chart: planned and earned effort hours, day by day.

Planned hours follow the plan's planned times
(:func:`careerkit.scheduling.planned.planned_times`), as progress spreads
them: a task's effort evenly over its planned working days, a milestone's on
its day, a habit's effort on each planned occurrence (one that falls on a day
off counts on the next working day). Earned hours are credited on the day
the work was done, as the forecast's velocity earned_on them: a done task's
effort on its ``done_on``, a habit's effort per occurrence on each of its
``done_occurrences``. Only the tasks of the goals progress counts (see
:attr:`careerkit.planning.progress.GoalProgress.counted`) take part, and
dropped tasks weigh nothing, so that the planned curve ends at the report's
budget at completion.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from attrs import frozen

from careerkit.model import Plan, Status, Task
from careerkit.scheduling.planned import PlannedTimes

__all__ = ["Curves", "curves"]


@frozen(kw_only=True)
class Curves:
    """The cumulative planned hours at the end of working days (straight between
    them), and the cumulative earned hours after each day work was done, up to the
    status date (a step at each)."""

    planned_days: tuple[date, ...]
    planned: tuple[float, ...]
    earned_days: tuple[date, ...]
    earned: tuple[float, ...]


def _counted(plan: Plan, counted: Collection[str]) -> list[tuple[int, Task]]:
    return [
        (row, task)
        for row, task in enumerate(plan.tasks)
        if task.goal in counted and task.status is not Status.DROPPED
    ]


def _planned(
    plan: Plan, times: PlannedTimes, counted: Collection[str], as_of: date
) -> tuple[tuple[date, ...], tuple[float, ...]]:
    """The cumulative planned hours at the working days where the daily hours change
    (and on the day before each, and on the last working day by ``as_of``): between
    two of them the hours grow by the same amount each working day, so the curve is
    exact at its points and straight between them, whatever the span of the plan."""
    daily: dict[int, float] = {}
    rates: dict[int, float] = {}
    last = -1
    for row, task in _counted(plan, counted):
        if task.recurrence is not None:
            for day in times.occurrences.get(row, ()):
                at = times.days.index_of(day)
                daily[at] = daily.get(at, 0.0) + task.effort
            continue
        start, finish = times.es[row], times.ef[row]
        if finish > start:
            rate = task.effort / (finish - start)
            rates[start] = rates.get(start, 0.0) + rate
            rates[finish] = rates.get(finish, 0.0) - rate
            last = max(last, finish - 1)
        elif task.effort > 0:
            at = start - 1 if times.shifted[row] else start
            daily[at] = daily.get(at, 0.0) + task.effort
    if not daily and not rates:
        return (), ()
    first, end = min([*daily, *rates]), max([*daily, last])
    status_day = min(max(times.days.boundary_after(as_of) - 1, first), end)
    points: dict[int, float] = {}
    rate = total = 0.0
    done = first - 1
    for at in sorted({*daily, *rates, status_day, end}):
        if at > end:
            break
        if at - 1 > done:  # the days between: the same hours each
            total += max(0.0, rate) * (at - 1 - done)
            points[at - 1] = total
        rate += rates.get(at, 0.0)
        total += max(0.0, rate) + daily.get(at, 0.0)  # rounding leaves -1e-16 where spans end
        points[at] = total
        done = at
    return tuple(times.days.date_of(at) for at in points), tuple(points.values())


def _earned(
    plan: Plan, as_of: date, counted: Collection[str]
) -> tuple[tuple[date, ...], tuple[float, ...]]:
    earned_on: dict[date, float] = {}
    for _, task in _counted(plan, counted):
        if task.recurrence is not None:
            done = task.done_occurrences
        elif task.status is Status.DONE and task.done_on is not None:
            done = (task.done_on,)
        else:
            continue
        for day in done:
            if day <= as_of:
                earned_on[day] = earned_on.get(day, 0.0) + task.effort
    days, totals = [plan.start], [0.0]
    for day in sorted(earned_on):
        days.append(day)
        totals.append(totals[-1] + earned_on[day])
    if days[-1] < as_of:
        days.append(as_of)
        totals.append(totals[-1])
    return tuple(days), tuple(totals)


def curves(plan: Plan, times: PlannedTimes, *, as_of: date, counted: Collection[str]) -> Curves:
    """The planned and earned curves of the tasks of the ``counted`` goals."""
    planned_days, planned = _planned(plan, times, counted, as_of)
    earned_days, earned = _earned(plan, as_of, counted)
    return Curves(
        planned_days=planned_days, planned=planned, earned_days=earned_days, earned=earned
    )
