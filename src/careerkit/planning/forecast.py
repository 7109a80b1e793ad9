"""Finish forecasts: when each goal and the plan are likely to finish, and how sure that is.

Three methods (:data:`~careerkit.planning.forecast_results.ForecastMethod`):

* ``"velocity"``: the hours left over the hours earned per week in a
  trailing window; one date per goal;
* ``"throughput"``: Monte Carlo, burning the hours left down by weeks drawn
  with replacement from the window's weekly hours;
* ``"schedule_risk"``: Monte Carlo, rescheduling the plan's network with
  each uncertain task's duration drawn from its three-point estimate.

Every forecast also gives, for each goal with a metric and measurements,
the day the least-squares trend reaches the target, with its 95 % interval.
The user guide is :doc:`/forecast`.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import date

from attrs import frozen

from careerkit.errors import ValidationError
from careerkit.model import Plan
from careerkit.model.arguments import checked_instance, checked_int
from careerkit.planning import _forecast_history as history
from careerkit.planning._forecast_metrics import metric_forecast
from careerkit.planning._forecast_parts import Estimate, remaining_hours
from careerkit.planning._forecast_risk import schedule_risk
from careerkit.planning._schedules import schedule_of
from careerkit.planning.forecast_results import (
    METHODS,
    Forecast,
    ForecastMethod,
    ForecastPolicy,
    GoalForecast,
    PlanForecast,
)
from careerkit.scheduling import Schedule
from careerkit.scheduling import schedule as compute_schedule
from careerkit.scheduling.given import checked_plan, checked_status_date

__all__ = ["MAX_RUNS", "forecast"]

MAX_RUNS = 1_000_000
"""The most runs a Monte Carlo forecast makes."""
_NOTHING = 1e-9
"""Hours left below this are none."""


def forecast(
    plan: Plan,
    *,
    as_of: date,
    method: ForecastMethod = "schedule_risk",
    seed: int,
    runs: int = 10_000,
    schedule: Schedule | None = None,
    policy: ForecastPolicy | None = None,
) -> Forecast:
    """Forecast when each goal and the plan finish, as of a date.

    .. versionadded:: 0.1.0

    Parameters
    ----------
    plan
        The plan.
    as_of
        The status date: work done by then is fixed, and nothing else
        starts before it.
    method
        ``"velocity"``, ``"throughput"`` or ``"schedule_risk"`` (see
        :doc:`/forecast`).
    seed
        Seeds the random draws (:class:`random.Random`): the same seed
        gives the same forecast on every platform.
    runs
        How many Monte Carlo runs, 1 to :data:`MAX_RUNS`.
    schedule
        The plan's schedule as of ``as_of``, if the caller has it (it gives
        the deterministic finishes, leveled if it is); computed once
        otherwise. The runs of the schedule-risk method are not leveled.
    policy
        The window, the distribution and the horizon; the defaults of
        :class:`~careerkit.planning.forecast_results.ForecastPolicy` if None.

    Returns
    -------
    Forecast
        Each goal's P50, P85 and P95 finish, the probability of meeting its
        deadline, its deterministic finish and its metric's trend date.

    Raises
    ------
    ValidationError
        An argument is wrong; the path names it.

    Examples
    --------
    >>> found = forecast(sample_plan, as_of=date(2026, 11, 26), method="throughput", seed=7)
    >>> diploma = found.goal("digital-marketing-diploma")
    >>> diploma.scheduled, diploma.deadline
    (datetime.date(2027, 1, 25), datetime.date(2026, 12, 18))
    >>> diploma.reason is None, 0 <= diploma.probability <= 1
    (True, True)
    """
    plan = checked_plan(plan)
    status_date = checked_status_date(plan, as_of)
    assert status_date is not None
    if method not in METHODS:
        raise ValidationError(
            path="method", problem=f"expected one of {', '.join(METHODS)}, got {method!r}"
        )
    seed = checked_int(seed, "seed")
    runs = checked_int(runs, "runs", minimum=1)
    if runs > MAX_RUNS:
        raise ValidationError(path="runs", problem=f"at most {MAX_RUNS:,}, got {runs:,}")
    policy = (
        ForecastPolicy() if policy is None else checked_instance(policy, ForecastPolicy, "policy")
    )
    scheduled = schedule_of(plan, as_of=status_date, given=schedule)
    request = _Request(
        plan=plan,
        as_of=status_date,
        method=method,
        runs=runs,
        policy=policy,
        scheduled={entry.goal: entry.finish for entry in scheduled.goals},
        left=remaining_hours(plan),
        weeks=history.weekly_earned(plan, as_of=status_date, weeks=policy.window_weeks),
    )
    rng = random.Random(seed)
    if method == "schedule_risk":
        unleveled = compute_schedule(plan, as_of=status_date) if scheduled.leveled else scheduled
        estimates, whole = schedule_risk(
            plan,
            as_of=status_date,
            rng=rng,
            runs=runs,
            distribution=policy.distribution,
            scheduled={entry.goal: entry.finish for entry in unleveled.goals},
        )
        by_key: dict[str | None, Estimate] = {None: whole}
        by_key.update(estimates)
    else:
        by_key = _from_history(request, rng)
    return _assemble(request, by_key, seed=seed)


@frozen(kw_only=True)
class _Request:
    """The checked arguments of one forecast, and what every method reads of the plan."""

    plan: Plan
    as_of: date
    method: ForecastMethod
    runs: int
    policy: ForecastPolicy
    scheduled: Mapping[str, date | None]
    """Each goal's finish in the deterministic schedule."""
    left: Mapping[str, float]
    """Each goal's hours left (see :func:`._forecast_parts.remaining_hours`)."""
    weeks: tuple[float, ...]

    @property
    def plan_left(self) -> float:
        """The hours left in the whole plan: its root goals'."""
        return sum(self.left[goal.id] for goal in self.plan.goals if goal.parent is None)

    @property
    def plan_scheduled(self) -> date | None:
        """The plan's deterministic finish: its last goal's."""
        return max((found for found in self.scheduled.values() if found is not None), default=None)


def _from_history(request: _Request, rng: random.Random) -> dict[str | None, Estimate]:
    """The velocity or throughput estimates of the unfinished goals and the plan."""
    policy, plan = request.policy, request.plan
    left: dict[str | None, float] = {
        goal: hours for goal, hours in request.left.items() if hours > _NOTHING
    }
    if request.plan_left > _NOTHING:
        left[None] = request.plan_left
    scarce = history.too_little_history(request.weeks, policy)
    if scarce is not None:
        return dict.fromkeys(left, scarce)
    if request.method == "velocity":
        return history.velocity(
            left, as_of=request.as_of, weeks=request.weeks, horizon=policy.horizon_weeks
        )
    deadlines: dict[str | None, date | None] = {goal.id: goal.deadline for goal in plan.goals}
    return history.throughput(
        left,
        as_of=request.as_of,
        weeks=request.weeks,
        rng=rng,
        runs=request.runs,
        horizon=policy.horizon_weeks,
        deadlines=deadlines,
    )


def _finished(request: _Request, finish: date | None, deadline: date | None) -> Estimate:
    """The estimate of work with no hours left: its finish is a fact (None without work)."""
    if finish is None:
        return Estimate(message="no work to forecast")
    probability = None
    if deadline is not None and request.method != "velocity":
        probability = 1.0 if finish <= deadline else 0.0
    return Estimate(p50=finish, p85=finish, p95=finish, probability=probability)


def _assemble(request: _Request, by_key: Mapping[str | None, Estimate], *, seed: int) -> Forecast:
    """The forecast of every goal, by id, and of the plan."""
    goals = []
    for goal in sorted(request.plan.goals, key=lambda goal: goal.id):
        scheduled = request.scheduled.get(goal.id)
        estimate = by_key.get(goal.id) or _finished(request, scheduled, goal.deadline)
        goals.append(
            GoalForecast(
                goal=goal.id,
                deadline=goal.deadline,
                scheduled=scheduled,
                p50=estimate.p50,
                p85=estimate.p85,
                p95=estimate.p95,
                probability=estimate.probability,
                remaining_hours=request.left[goal.id],
                metric=metric_forecast(goal, as_of=request.as_of),
                reason=estimate.reason,
                message=estimate.message,
            )
        )
    whole = by_key.get(None) or _finished(request, request.plan_scheduled, None)
    weeks = request.weeks
    return Forecast(
        method=request.method,
        as_of=request.as_of,
        seed=seed,
        runs=request.runs,
        policy=request.policy,
        velocity=sum(weeks) / len(weeks) if weeks else None,
        weekly_hours=weeks,
        plan=PlanForecast(
            scheduled=request.plan_scheduled,
            p50=whole.p50,
            p85=whole.p85,
            p95=whole.p95,
            remaining_hours=request.plan_left,
            reason=whole.reason,
            message=whole.message,
        ),
        goals=tuple(goals),
    )
