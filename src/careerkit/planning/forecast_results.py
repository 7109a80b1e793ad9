"""What :func:`careerkit.planning.forecast.forecast` returns, and the policy it follows.

Every value is a frozen attrs class and every float is finite;
``careerkit.to_dict(forecast)`` gives the JSON document and
``careerkit.json_schema("forecast")`` its schema.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any, Literal

from attrs import frozen

from careerkit.errors import Problem
from careerkit.io import result_document
from careerkit.model import rules as checks
from careerkit.model.display import frame_of, html_of
from careerkit.model.lookup import by_id

__all__ = [
    "DISTRIBUTIONS",
    "METHODS",
    "Distribution",
    "Forecast",
    "ForecastMethod",
    "ForecastPolicy",
    "ForecastReason",
    "GoalForecast",
    "MetricForecast",
    "PlanForecast",
]

ForecastMethod = Literal["velocity", "throughput", "schedule_risk"]
"""How a forecast finds finish dates (see :doc:`/forecast`)."""
METHODS: tuple[ForecastMethod, ...] = ("velocity", "throughput", "schedule_risk")

Distribution = Literal["pert", "triangular"]
"""The distribution of a task's duration between its optimistic and pessimistic estimates."""
DISTRIBUTIONS: tuple[Distribution, ...] = ("pert", "triangular")


class ForecastReason(enum.Enum):
    """Why a forecast gives no date: a stable code, with a message beside it.

    >>> ForecastReason("too_little_history")
    <ForecastReason.TOO_LITTLE_HISTORY: 'too_little_history'>
    """

    TOO_LITTLE_HISTORY = "too_little_history"
    """Fewer weeks of earned work in the window than the policy's ``min_weeks``."""
    TOO_FEW_MEASUREMENTS = "too_few_measurements"
    """A metric with fewer than 3 measurements."""
    WRONG_DIRECTION = "wrong_direction"
    """A metric whose trend moves away from its target, or not at all."""
    BEYOND_HORIZON = "beyond_horizon"
    """The work would take longer than the policy's ``horizon_weeks`` (throughput,
    velocity), or past the calendar's last day (schedule risk)."""


@frozen(kw_only=True)
class ForecastPolicy:
    """The settings of a forecast.

    .. versionadded:: 0.1.0

    Parameters
    ----------
    window_weeks
        The trailing window, in weeks of 7 days ending on the status date,
        whose earned hours give the velocity and the throughput samples.
    min_weeks
        The fewest weeks of the window with earned work for the velocity
        and throughput methods to give dates.
    distribution
        ``"pert"`` (PERT-beta) or ``"triangular"``, for the schedule-risk method.
    horizon_weeks
        How far the throughput method burns work down before it calls a
        finish beyond its horizon.

    Examples
    --------
    >>> ForecastPolicy(window_weeks=4).min_weeks
    3
    >>> ForecastPolicy(window_weeks=2)
    Traceback (most recent call last):
    careerkit.errors.ValidationError: min_weeks: more than window_weeks (3 > 2)
    """

    window_weeks: int = 8
    min_weeks: int = 3
    distribution: Distribution = "pert"
    horizon_weeks: int = 520

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        for name in ("window_weeks", "min_weeks", "horizon_weeks"):
            value = getattr(self, name)
            checks.check_number(problems, name, value, minimum=1, maximum=10_000, integer=True)
        if not problems and self.min_weeks > self.window_weeks:
            problems.append(
                Problem(
                    "min_weeks",
                    f"more than window_weeks ({self.min_weeks} > {self.window_weeks})",
                )
            )
        if self.distribution not in DISTRIBUTIONS:
            problems.append(
                Problem(
                    "distribution", f"expected 'pert' or 'triangular', got {self.distribution!r}"
                )
            )
        checks.raise_if_any(problems)


@result_document("metric_forecast")
@frozen(kw_only=True)
class MetricForecast:
    """When a goal's metric reaches its target on its least-squares trend.

    ``reaching`` is None, with a ``reason``, when the trend cannot say.

    Examples
    --------
    >>> from careerkit.planning.forecast import forecast
    >>> found = forecast(sample_plan, as_of=date(2026, 11, 26), seed=1)
    >>> found.goal("resume-current").metric.reason
    <ForecastReason.TOO_FEW_MEASUREMENTS: 'too_few_measurements'>
    """

    measurements: int
    """How many measurements the trend is fitted to."""
    slope: float | None
    """Change of the metric per calendar day (None with fewer than 2 days measured)."""
    reaching: date | None
    """The day the trend reaches the target."""
    earliest: date | None
    """The early end of the 95 % interval of that day (the fast bound of the slope)."""
    latest: date | None
    """The late end of the interval; None when the slow bound never reaches the target."""
    reason: ForecastReason | None
    message: str


@result_document("goal_forecast")
@frozen(kw_only=True)
class GoalForecast:
    """The forecast finish of one goal.

    Percentile dates are None when the method cannot give them (see ``reason``).

    Examples
    --------
    >>> from careerkit.planning.forecast import forecast
    >>> found = forecast(sample_plan, as_of=date(2026, 11, 26), method="velocity", seed=1)
    >>> diploma = found.goal("digital-marketing-diploma")
    >>> diploma.remaining_hours, diploma.p50, diploma.probability
    (39.0, datetime.date(2027, 4, 4), None)
    """

    goal: str
    deadline: date | None
    scheduled: date | None
    """The finish of the deterministic schedule, for comparison."""
    p50: date | None
    p85: date | None
    p95: date | None
    probability: float | None
    """The share of runs that meet the deadline (None without a deadline, or
    for the velocity method, which makes one estimate)."""
    remaining_hours: float
    """The effort left in its work and its child goals' (habits left out)."""
    metric: MetricForecast | None
    """The metric's trend, for a goal with a metric and measurements."""
    reason: ForecastReason | None
    message: str


@result_document("plan_forecast")
@frozen(kw_only=True)
class PlanForecast:
    """The forecast finish of the whole plan: of its last goal.

    Examples
    --------
    >>> from careerkit.planning.forecast import forecast
    >>> forecast(sample_plan, as_of=date(2026, 11, 26), seed=1).plan.p95
    datetime.date(2029, 6, 29)
    """

    scheduled: date | None
    p50: date | None
    p85: date | None
    p95: date | None
    remaining_hours: float
    reason: ForecastReason | None
    message: str


@result_document("forecast")
@frozen(kw_only=True)
class Forecast:
    """A plan's forecast finishes as of a date, by one method.

    .. versionadded:: 0.1.0

    Examples
    --------
    >>> from careerkit.planning.forecast import forecast
    >>> found = forecast(sample_plan, as_of=date(2026, 11, 26), seed=1)
    >>> found.goal("digital-marketing-diploma").probability
    0.0
    """

    method: ForecastMethod
    as_of: date
    seed: int
    runs: int
    policy: ForecastPolicy
    velocity: float | None
    """Earned hours per week over the window (velocity and throughput methods)."""
    weekly_hours: tuple[float, ...]
    """The earned hours of each week of the window, oldest first."""
    plan: PlanForecast
    goals: tuple[GoalForecast, ...]
    """Sorted by goal id."""

    def goal(self, goal_id: str) -> GoalForecast:
        """The forecast of one goal.

        Raises
        ------
        UnknownReferenceError
            No goal has this id.
        """
        return by_id(self.goals, "goal", goal_id)

    def _repr_html_(self) -> str | None:
        """The forecast as an HTML fragment, for notebooks (see
        :func:`careerkit.render.forecast_html`)."""
        return html_of(self)

    def to_frame(self) -> Any:
        """The goals' forecasts as a ``pandas.DataFrame``, one row per goal, by id.

        See :func:`careerkit.render.frames.to_frame`; needs the ``pandas`` extra.

        Raises
        ------
        MissingExtraError
            pandas is not installed.

        Examples
        --------
        >>> import careerkit.render
        >>> from careerkit.planning.forecast import forecast
        >>> found = forecast(sample_plan, as_of=date(2026, 11, 26), seed=1, runs=200)
        >>> list(found.to_frame()["goal"]) == [goal.goal for goal in found.goals]
        True
        """
        return frame_of(self)
