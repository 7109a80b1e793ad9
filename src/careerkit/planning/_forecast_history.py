"""The velocity and throughput methods: the pace of past work carried forward.

Earned hours are credited on the day work was done: a done task's effort on
its ``done_on``, a habit's effort per occurrence on each date of
``done_occurrences``. The window is ``window_weeks`` weeks of 7 days, the
last one ending on the status date; weeks wholly before the plan's start
are left out (a first, partial week counts as a week).
"""

from __future__ import annotations

import math
import random
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from careerkit.model import Plan
from careerkit.planning._forecast_parts import Estimate, percentiles
from careerkit.planning.forecast_results import ForecastPolicy, ForecastReason
from careerkit.planning.tracking import earned_dates

__all__ = ["throughput", "too_little_history", "velocity", "weekly_earned"]


def weekly_earned(plan: Plan, *, as_of: date, weeks: int) -> tuple[float, ...]:
    """The hours earned in each week of the window, oldest first.

    >>> weekly_earned(sample_plan, as_of=date(2026, 11, 26), weeks=3)
    (0.0, 1.5, 1.5)
    """
    since_start = (as_of - plan.start).days + 1
    count = min(weeks, max(0, math.ceil(since_start / 7)))
    earned = [0.0] * count

    def credit(day: date, hours: float) -> None:
        back = (as_of - day).days // 7  # 0 for the week ending on as_of
        if day <= as_of and back < count:
            earned[count - 1 - back] += hours

    for task in plan.tasks:
        for day in earned_dates(task):
            credit(day, task.effort)
    return tuple(earned)


def too_little_history(weeks: Sequence[float], policy: ForecastPolicy) -> Estimate | None:
    """The estimate of every unfinished goal when fewer than ``min_weeks`` weeks
    of the window have earned work; None when there are enough."""
    worked = sum(1 for hours in weeks if hours > 0)
    if worked >= policy.min_weeks:
        return None
    return Estimate(
        reason=ForecastReason.TOO_LITTLE_HISTORY,
        message=f"{worked} of the last {policy.window_weeks} weeks have earned work; "
        f"a forecast needs at least {policy.min_weeks}",
    )


def velocity(
    left: Mapping[str | None, float], *, as_of: date, weeks: Sequence[float], horizon: int
) -> dict[str | None, Estimate]:
    """Each finish (by goal id, None for the plan) at the window's mean weekly
    hours: ``as_of`` plus the hours left over the velocity, in weeks of 7 days."""
    pace = sum(weeks) / len(weeks)
    result = {}
    for key, hours in left.items():
        needed = hours / pace
        if needed > horizon:
            result[key] = _beyond(horizon)
            continue
        # No overflow: earned work ends by 9000-12-31 (the plan's last date), the
        # window and the horizon span at most 10,000 weeks each, so this is before 9400.
        finish = as_of + timedelta(days=math.ceil(needed * 7 - 1e-9))
        result[key] = Estimate(p50=finish, p85=finish, p95=finish)
    return result


def throughput(
    left: Mapping[str | None, float],
    *,
    as_of: date,
    weeks: Sequence[float],
    rng: random.Random,
    runs: int,
    horizon: int,
    deadlines: Mapping[str | None, date | None],
) -> dict[str | None, Estimate]:
    """Each finish (by goal id, None for the plan) burning the hours left down by
    weeks drawn with replacement from the window, ``runs`` times: in each run,
    the week its cumulative hours reach a finish's hours left."""
    order = sorted(left, key=lambda key: (left[key], key or ""))
    found: dict[str | None, list[int]] = {key: [] for key in order}
    beyond = horizon + 1
    for _ in range(runs):
        burnt, week, at = 0.0, 0, 0
        while at < len(order) and week < horizon:
            burnt += rng.choice(weeks)
            week += 1
            while at < len(order) and burnt >= left[order[at]] - 1e-9:
                found[order[at]].append(week)
                at += 1
        for key in order[at:]:
            found[key].append(beyond)
    result = {}
    for key, finishes in found.items():
        finishes.sort()
        low, middle, high = (
            None if week == beyond else as_of + timedelta(days=7 * week)
            for week in percentiles(finishes)
        )
        deadline = deadlines.get(key)
        probability = None
        if deadline is not None:
            probability = bisect_right(finishes, (deadline - as_of).days // 7) / runs
        late = _beyond(horizon) if high is None else Estimate()
        result[key] = Estimate(
            p50=low,
            p85=middle,
            p95=high,
            probability=probability,
            reason=late.reason,
            message=late.message,
        )
    return result


def _beyond(horizon: int) -> Estimate:
    return Estimate(
        reason=ForecastReason.BEYOND_HORIZON,
        message=f"at this pace the work takes more than {horizon} weeks",
    )
