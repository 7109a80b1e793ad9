"""A goal's metric over time: fraction of the way, planned line, least-squares trend."""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from careerkit import Direction, Measurement, Metric, ValidationError
from careerkit.planning.metrics import metric_fraction, planned_value, trend

FOLLOWERS = Metric(name="followers", baseline=200, target=1000)
HOURS = Metric(name="hours of overtime", baseline=10, target=4, direction=Direction.DECREASE)
DAY = date(2026, 1, 1)


@pytest.mark.parametrize(
    ("metric", "value", "expected"),
    [
        (FOLLOWERS, 200, 0.0),
        (FOLLOWERS, 600, 0.5),
        (FOLLOWERS, 1000, 1.0),
        (FOLLOWERS, 1500, 1.0),
        (FOLLOWERS, 100, 0.0),
        (HOURS, 10, 0.0),
        (HOURS, 7, 0.5),
        (HOURS, 4, 1.0),
        (HOURS, 12, 0.0),
        (HOURS, 0, 1.0),
    ],
)
def test_fraction_runs_from_baseline_to_target_in_the_metric_direction(
    metric: Metric, value: float, expected: float
) -> None:
    """Moving the wrong way counts as 0, overshooting as 1."""
    assert expected == metric_fraction(metric, value)


def test_a_target_equal_to_its_baseline_is_met_on_the_right_side() -> None:
    """With nothing to move, any value not on the wrong side meets the target."""
    keep = Metric(name="rating", baseline=4, target=4)

    assert (1.0, 1.0, 0.0) == (
        metric_fraction(keep, 4),
        metric_fraction(keep, 5),
        metric_fraction(keep, 3),
    )


@given(st.floats(min_value=-1e6, max_value=1e6), st.floats(min_value=-1e6, max_value=1e6))
def test_fraction_is_always_within_zero_and_one(baseline: float, value: float) -> None:
    """Whatever the numbers, the fraction is a share."""
    metric = Metric(name="m", baseline=baseline, target=baseline + 10)

    assert 0.0 <= metric_fraction(metric, value) <= 1.0


@pytest.mark.parametrize("value", [math.nan, math.inf, "5", True, None])
def test_fraction_refuses_what_is_not_a_finite_number(value: object) -> None:
    """A value that is not a number is named, never an arithmetic error."""
    with pytest.raises(ValidationError, match=r"^value: expected a finite number"):
        metric_fraction(FOLLOWERS, value)  # type: ignore[arg-type]


def test_the_planned_line_runs_from_start_to_deadline() -> None:
    """Baseline until the start, target from the deadline on, a straight line between."""
    deadline = DAY + timedelta(days=100)

    def on(day: date) -> float:
        return planned_value(FOLLOWERS, start=DAY, deadline=deadline, on=day)

    assert 200 == on(DAY - timedelta(days=5))
    assert 200 == on(DAY)
    assert 200 + 800 * 0.25 == on(DAY + timedelta(days=25))
    assert 1000 == on(deadline)
    assert 1000 == on(deadline + timedelta(days=5))


def test_the_planned_line_names_a_wrong_date() -> None:
    """Each date argument is checked by name."""
    with pytest.raises(ValidationError, match=r"^on: "):
        planned_value(FOLLOWERS, start=DAY, deadline=DAY, on="2026-01-01")  # type: ignore[arg-type]


def _points(values: list[tuple[int, float]]) -> list[Measurement]:
    return [Measurement(on=DAY + timedelta(days=day), value=value) for day, value in values]


@given(
    st.lists(
        st.tuples(st.integers(0, 400), st.integers(-1000, 1000)),
        min_size=3,
        max_size=30,
        unique_by=lambda point: point[0],
    )
)
def test_the_trend_is_numpy_least_squares(values: list[tuple[int, int]]) -> None:
    """Slope and intercept agree with ``numpy.polyfit`` of degree 1 (the oracle)."""
    line = trend(_points([(day, float(value)) for day, value in values]))
    origin = min(day for day, _ in values)
    xs = np.array([day - origin for day, _ in values], dtype=float)
    ys = np.array([value for _, value in values], dtype=float)
    slope, intercept = np.polyfit(xs, ys, 1)

    assert line is not None
    assert line.slope == pytest.approx(slope, abs=1e-7)
    assert line.intercept == pytest.approx(intercept, abs=1e-5)
    assert line.points == len(values)


def test_the_standard_errors_follow_the_textbook_formulas() -> None:
    """The residual standard error and the slope's standard error match numpy's covariance."""
    values = [(0, 1.0), (10, 2.5), (20, 2.9), (30, 4.8), (45, 5.1)]
    line = trend(_points(values))
    xs = np.array([day for day, _ in values], dtype=float)
    ys = np.array([value for _, value in values])
    _, covariance = np.polyfit(xs, ys, 1, cov="unscaled")
    residuals = ys - np.polyval(np.polyfit(xs, ys, 1), xs)
    sigma = math.sqrt(float(residuals @ residuals) / (len(xs) - 2))

    assert line is not None
    assert line.residual_error == pytest.approx(sigma)
    assert line.slope_error == pytest.approx(sigma * math.sqrt(covariance[0][0]))


def test_a_trend_needs_two_days() -> None:
    """One measurement, or several on one day, give no line."""
    assert trend([]) is None
    assert trend(_points([(0, 5.0)])) is None
    assert trend([Measurement(on=DAY, value=1), Measurement(on=DAY, value=3)]) is None


def test_reaching_counts_from_the_last_measurement() -> None:
    """The day the line reaches a value, ahead of the last measurement; None when it never does."""
    line = trend(_points([(0, 10.0), (10, 30.0)]))

    assert line is not None
    assert DAY + timedelta(days=20) == line.reaching(50)
    assert DAY + timedelta(days=10) == line.reaching(30)
    assert line.reaching(0) is None  # behind the line's direction
    assert DAY + timedelta(days=17) == line.reaching(50, slope=3.0)  # 20 more at 3 a day
    assert line.reaching(50, slope=0.0) is None


def test_the_interval_brackets_the_date_with_the_slope_bounds() -> None:
    """A scattered rise gives an early and a late day around the fitted one."""
    line = trend(_points([(0, 10.0), (7, 14.0), (14, 15.0), (21, 22.0), (28, 23.0)]))
    assert line is not None
    early, late = line.interval(60)
    fitted = line.reaching(60)

    assert early is not None
    assert fitted is not None
    assert late is not None
    assert early < fitted < late


def test_a_line_that_never_arrives_has_no_date() -> None:
    """A falling trend never reaches a higher target; a date past the calendar is None."""
    falling = trend(_points([(0, 30.0), (10, 20.0)]))
    crawling = trend(_points([(0, 0.0), (10, 1e-12)]))

    assert falling is not None
    assert crawling is not None
    assert falling.reaching(100) is None
    assert crawling.reaching(1e9) is None


def test_trend_names_what_is_not_a_measurement() -> None:
    """Every item is checked, by index."""
    with pytest.raises(ValidationError, match=r"^measurements\[1\]: expected a Measurement"):
        trend([Measurement(on=DAY, value=1), (DAY, 2)])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match=r"^measurements: expected a sequence"):
        trend(5)  # type: ignore[arg-type]
