"""The curves of a burn-up chart: planned and earned effort hours, day by day.

Planned hours follow the plan's planned times
(:func:`careerkit.scheduling.planned.planned_times`) by the rule progress
uses, :func:`careerkit.planning.tracking.planned_hours`; earned hours are
credited on the days :func:`careerkit.planning.tracking.earned_dates` gives,
as the forecast's velocity credits them. Only the tasks of the goals progress counts (see
:attr:`careerkit.planning.progress.GoalProgress.counted`) take part, and
dropped tasks weigh nothing, so that the planned curve ends at the report's
budget at completion.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from attrs import frozen

from careerkit.model import Plan, Status, Task
from careerkit.planning.tracking import earned_dates, planned_hours
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
        spans, singles = planned_hours(task, times, row)
        for start, past, rate in spans:
            rates[start] = rates.get(start, 0.0) + rate
            rates[past] = rates.get(past, 0.0) - rate
            last = max(last, past - 1)
        for at, hours in singles:
            daily[at] = daily.get(at, 0.0) + hours
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
        for day in earned_dates(task):
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
