"""A goal's metric over time: progress along it, its planned line and its trend.

Three readings of the measurements of a goal's :class:`~careerkit.Metric`,
shared by progress, slippage and forecasts:

* :func:`metric_fraction`: how far a value has moved from the baseline
  towards the target, in the metric's direction, from 0 to 1;
* :func:`planned_value`: the straight line from the baseline on the goal's
  start to the target on its deadline (the *trajectory*);
* :func:`trend`: the least-squares line through the measurements, with its
  standard errors, and when it reaches a value.

:func:`least_squares` is the arithmetic of that line, for any dated values
(the satisfaction of check-ins too).

Time is counted in calendar days: measurements are taken on any day.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from attrs import frozen

from careerkit.errors import ValidationError
from careerkit.model import Direction, Measurement, Metric
from careerkit.model.arguments import checked_date, checked_instance

__all__ = ["Line", "Trend", "least_squares", "metric_fraction", "planned_value", "trend"]

_T_95 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228)
"""Student's t, two-sided 95 %, for 1 to 10 degrees of freedom; 1.96 beyond 30,
and interpolated in 1/df between (the quantiles as tabulated in any
statistics textbook)."""


def metric_fraction(metric: Metric, value: float) -> float:
    """How far ``value`` has come from the baseline towards the target, from 0 to 1.

    Movement in the wrong direction counts as 0 and overshooting the target
    as 1. A metric whose target equals its baseline is met (1.0) by any
    value on the right side of it.

    >>> metric = Metric(name="followers", baseline=200, target=1000)
    >>> metric_fraction(metric, 600), metric_fraction(metric, 150), metric_fraction(metric, 1200)
    (0.5, 0.0, 1.0)
    >>> metric_fraction(Metric(name="hours", baseline=10, target=4,
    ...                        direction=Direction.DECREASE), 7)
    0.5
    """
    checked_instance(metric, Metric, "metric")
    moved, needed = _finite(value, "value") - metric.baseline, metric.target - metric.baseline
    if metric.direction is Direction.DECREASE:
        moved, needed = -moved, -needed
    if needed <= 0:
        return 1.0 if moved >= 0 else 0.0
    return min(1.0, max(0.0, moved / needed))


def planned_value(metric: Metric, *, start: date, deadline: date, on: date) -> float:
    """The value the straight line from baseline (on ``start``) to target (on
    ``deadline``) reaches on ``on``; the baseline before ``start``, the target
    from ``deadline`` on.

    >>> metric = Metric(name="followers", baseline=200, target=1000)
    >>> planned_value(metric, start=date(2026, 1, 1), deadline=date(2026, 1, 11),
    ...               on=date(2026, 1, 6))
    600.0
    """
    checked_instance(metric, Metric, "metric")
    start, deadline, on = (
        checked_date(start, "start"),
        checked_date(deadline, "deadline"),
        checked_date(on, "on"),
    )
    if on >= deadline:
        return float(metric.target)
    if on <= start:
        return float(metric.baseline)
    share = (on - start).days / (deadline - start).days
    return metric.baseline + share * (metric.target - metric.baseline)


@frozen(kw_only=True)
class Trend:
    """The least-squares line through a metric's measurements.

    ``value = intercept + slope x (days since origin)``. The standard errors
    come from the residuals; with two measurements the line passes through
    both and the errors are 0 (nothing is known of the scatter).

    Examples
    --------
    >>> line = trend([Measurement(on=date(2026, 1, 1), value=10),
    ...               Measurement(on=date(2026, 1, 11), value=30)])
    >>> line.slope, line.value_on(date(2026, 1, 16))
    (2.0, 40.0)
    >>> line.reaching(50)
    datetime.date(2026, 1, 21)
    """

    origin: date
    """The first measurement's day, counted as day 0."""
    slope: float
    """Change of the value per calendar day."""
    intercept: float
    """The line's value on ``origin``."""
    points: int
    """How many measurements the line is fitted to."""
    slope_error: float
    """The standard error of the slope, per day."""
    residual_error: float
    """The standard deviation of the measurements about the line."""
    last: date
    """The last measurement's day."""

    def value_on(self, day: date) -> float:
        """The line's value on ``day``."""
        return self.intercept + self.slope * (checked_date(day, "day") - self.origin).days

    def reaching(self, value: float, *, slope: float | None = None) -> date | None:
        """The first day, from the last measurement on, when the line reaches
        ``value`` (at ``slope`` instead of the fitted one, if given); None when
        it never does, or only after the last date Python can hold."""
        rate = self.slope if slope is None else slope
        gap = _finite(value, "value") - self.value_on(self.last)
        if gap == 0:
            return self.last
        if rate == 0 or gap * rate < 0:
            return None
        try:
            return self.last + timedelta(days=math.ceil(gap / rate))
        except OverflowError:
            return None

    def interval(self, value: float) -> tuple[date | None, date | None]:
        """The days of reaching ``value`` at the 95 % bounds of the slope: the
        early day at the faster bound, the late day at the slower one (None
        when that bound never reaches it)."""
        spread = _t_95(self.points - 2) * self.slope_error
        toward = 1.0 if _finite(value, "value") >= self.value_on(self.last) else -1.0
        fast, slow = self.slope + toward * spread, self.slope - toward * spread
        return self.reaching(value, slope=fast), self.reaching(value, slope=slow)


def _finite(value: object, path: str) -> float:
    if type(value) is bool or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError(path=path, problem=f"expected a finite number, got {value!r}")
    return float(value)


def _t_95(freedom: int) -> float:
    if freedom < 1:
        return 0.0
    if freedom <= len(_T_95):
        return _T_95[freedom - 1]
    if freedom >= 30:
        return 1.96
    low, high = _T_95[-1], 2.042  # 10 and 30 degrees of freedom
    share = (1 / len(_T_95) - 1 / freedom) / (1 / len(_T_95) - 1 / 30)
    return low + share * (high - low)


def trend(measurements: Sequence[Measurement]) -> Trend | None:
    """The least-squares line through ``measurements``; None with fewer than two days.

    Raises
    ------
    ValidationError
        ``measurements`` holds something else than
        :class:`~careerkit.Measurement` values (the path names its index).

    Examples
    --------
    >>> points = [Measurement(on=date(2026, 1, d), value=v) for d, v in ((1, 1), (2, 3), (3, 2))]
    >>> round(trend(points).slope, 3), trend(points[:1])
    (0.5, None)
    """
    if isinstance(measurements, str | bytes) or not isinstance(measurements, Sequence):
        raise ValidationError(
            path="measurements", problem=f"expected a sequence, got {type(measurements).__name__}"
        )
    for index, item in enumerate(measurements):
        checked_instance(item, Measurement, f"measurements[{index}]")
    if len({item.on for item in measurements}) < 2:
        return None
    origin = min(item.on for item in measurements)
    line = least_squares([((item.on - origin).days, item.value) for item in measurements])
    assert line is not None  # two days at least
    return Trend(
        origin=origin,
        slope=line.slope,
        intercept=line.intercept,
        points=line.points,
        slope_error=line.slope_error,
        residual_error=line.residual_error,
        last=max(item.on for item in measurements),
    )


@frozen(kw_only=True)
class Line:
    """A least-squares line ``y = intercept + slope x``, with its standard errors.

    Examples
    --------
    >>> least_squares([(0, 1), (2, 5)])
    Line(slope=2.0, intercept=1.0, points=2, slope_error=0.0, residual_error=0.0)
    """

    slope: float
    intercept: float
    points: int
    """How many points the line is fitted to."""
    slope_error: float
    """The standard error of the slope (0 with two points)."""
    residual_error: float
    """The standard deviation of the points about the line (0 with two points)."""


def least_squares(points: Sequence[tuple[float, float]]) -> Line | None:
    """The ordinary least-squares line through ``(x, y)`` points; None when fewer
    than two distinct ``x`` are given (no line is defined).

    The points are checked by the callers (:func:`trend` takes measurements,
    whose values are finite).

    Examples
    --------
    >>> line = least_squares([(0, 1.0), (1, 3.0), (2, 2.0)])
    >>> line.slope, line.intercept
    (0.5, 1.5)
    >>> least_squares([(3, 1.0), (3, 2.0)]) is None
    True
    """
    xs = [float(x) for x, _ in points]
    ys = [float(y) for _, y in points]
    count = len(xs)
    if len(set(xs)) < 2:
        return None
    mean_x, mean_y = sum(xs) / count, sum(ys) / count
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    intercept = mean_y - slope * mean_x
    squares = sum((y - intercept - slope * x) ** 2 for x, y in zip(xs, ys, strict=True))
    residual = math.sqrt(squares / (count - 2)) if count > 2 else 0.0
    return Line(
        slope=slope,
        intercept=intercept,
        points=count,
        slope_error=residual / math.sqrt(sxx),
        residual_error=residual,
    )
