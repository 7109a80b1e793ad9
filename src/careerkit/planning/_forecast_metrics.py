"""When a goal's metric reaches its target, on the least-squares trend of its measurements."""

from __future__ import annotations

from datetime import date

from careerkit.model import Direction, Goal
from careerkit.planning.forecast_results import ForecastReason, MetricForecast
from careerkit.planning.metrics import metric_fraction, trend

__all__ = ["MIN_MEASUREMENTS", "metric_forecast"]

MIN_MEASUREMENTS = 3
"""The fewest measurements (on at least two days) a trend date is given for."""


def metric_forecast(goal: Goal, *, as_of: date) -> MetricForecast | None:
    """The trend date of a goal's target and its 95 % interval, from the
    measurements taken by ``as_of``; None for a goal without a metric or
    without such measurements.

    >>> diploma = sample_plan.goal("digital-marketing-diploma")
    >>> metric_forecast(diploma, as_of=date(2026, 11, 26)).reaching
    datetime.date(2027, 1, 17)
    """
    metric = goal.metric
    measurements = [item for item in goal.measurements if item.on <= as_of]
    if metric is None or not measurements:
        return None
    count = len(measurements)
    line = trend(measurements)
    slope = None if line is None else line.slope
    if line is None or count < MIN_MEASUREMENTS:
        return MetricForecast(
            measurements=count,
            slope=slope,
            reaching=None,
            earliest=None,
            latest=None,
            reason=ForecastReason.TOO_FEW_MEASUREMENTS,
            message=f"{count} measurement(s) on {len({item.on for item in measurements})} "
            f"day(s); a trend needs at least {MIN_MEASUREMENTS} on two days or more",
        )
    if metric_fraction(metric, line.value_on(line.last)) >= 1:
        return MetricForecast(
            measurements=count,
            slope=line.slope,
            reaching=line.last,
            earliest=line.last,
            latest=line.last,
            reason=None,
            message="the trend has reached the target",
        )
    toward = 1.0 if metric.direction is Direction.INCREASE else -1.0
    reaching = line.reaching(metric.target)
    if line.slope * toward <= 0 or reaching is None:
        return MetricForecast(
            measurements=count,
            slope=line.slope,
            reaching=None,
            earliest=None,
            latest=None,
            reason=ForecastReason.WRONG_DIRECTION,
            message=f"the trend of {metric.name!r} does not move towards its target "
            f"({line.slope:+.3g} per day)",
        )
    earliest, latest = line.interval(metric.target)
    return MetricForecast(
        measurements=count,
        slope=line.slope,
        reaching=reaching,
        earliest=earliest,
        latest=latest,
        reason=None,
        message="",
    )
