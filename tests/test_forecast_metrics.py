"""Tests for the metric trend dates of careerkit.planning.forecast, against numpy."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pytest

from careerkit import Direction, Goal, Measurement, Metric, Plan, Task
from careerkit.planning.forecast import forecast
from careerkit.planning.forecast_results import ForecastReason

numpy = pytest.importorskip("numpy")

START = date(2026, 1, 5)
AS_OF = date(2026, 3, 2)


def _plan(values: list[tuple[date, float]], *, direction: Direction = Direction.INCREASE) -> Plan:
    baseline, target = (0, 100) if direction is Direction.INCREASE else (100, 0)
    goal = Goal(
        id="g",
        title="Reach the target",
        metric=Metric(name="score", baseline=baseline, target=target, direction=direction),
        measurements=tuple(Measurement(on=on, value=value) for on, value in values),
    )
    task = Task(id="t", goal="g", title="Practise", duration=5)
    return Plan(id="p", owner="Ana", start=START, goals=(goal,), tasks=(task,))


SCATTERED = [
    (date(2026, 1, 5), 3.0),
    (date(2026, 1, 12), 9.0),
    (date(2026, 1, 26), 20.0),
    (date(2026, 2, 2), 21.0),
    (date(2026, 2, 16), 35.0),
]


def test_the_trend_date_is_that_of_a_least_squares_fit() -> None:
    """numpy.polyfit's line reaches 100 on the day the forecast gives, and the
    interval holds that day."""
    xs = [(on - START).days for on, _ in SCATTERED]
    slope, intercept = numpy.polyfit(xs, [value for _, value in SCATTERED], 1)
    last = xs[-1]
    days = math.ceil((100 - (intercept + slope * last)) / slope)
    expected = START + timedelta(days=last + days)

    metric = forecast(_plan(SCATTERED), as_of=AS_OF, seed=0).goal("g").metric

    assert metric is not None
    assert expected == metric.reaching
    assert slope == pytest.approx(metric.slope)
    assert 5 == metric.measurements
    assert metric.earliest is not None
    assert metric.latest is not None
    assert metric.earliest < metric.reaching < metric.latest
    assert metric.reason is None


def test_measurements_after_the_status_date_are_not_read() -> None:
    """A forecast as of 20 January sees the first two measurements only: too few."""
    metric = forecast(_plan(SCATTERED), as_of=date(2026, 1, 20), seed=0).goal("g").metric
    assert metric is not None
    assert 2 == metric.measurements
    assert ForecastReason.TOO_FEW_MEASUREMENTS is metric.reason
    assert metric.reaching is None


def test_fewer_than_three_measurements_give_no_date() -> None:
    """Two measurements draw a line, but not one to forecast by."""
    metric = forecast(_plan(SCATTERED[:2]), as_of=AS_OF, seed=0).goal("g").metric
    assert metric is not None
    assert (None, None, None) == (metric.reaching, metric.earliest, metric.latest)
    assert ForecastReason.TOO_FEW_MEASUREMENTS is metric.reason
    assert "2 measurement(s)" in metric.message


@pytest.mark.parametrize("direction", [Direction.INCREASE, Direction.DECREASE])
def test_a_trend_going_the_wrong_way_gives_no_date(direction: Direction) -> None:
    """A metric that should rise but falls (or should fall but rises) never arrives."""
    step = -2.0 if direction is Direction.INCREASE else 2.0
    values = [(date(2026, 1, 5) + timedelta(days=7 * week), 50 + step * week) for week in range(4)]
    metric = forecast(_plan(values, direction=direction), as_of=AS_OF, seed=0).goal("g").metric
    assert metric is not None
    assert metric.reaching is None
    assert ForecastReason.WRONG_DIRECTION is metric.reason


def test_goals_without_a_metric_have_no_trend() -> None:
    """No metric, or no measurement yet: None."""
    assert forecast(_plan([]), as_of=AS_OF, seed=0).goal("g").metric is None
