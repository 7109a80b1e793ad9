"""The distributions of a task's duration between its optimistic and pessimistic estimates.

A duration is sampled in whole working days: the continuous distribution
on ``[optimistic, pessimistic]`` (mode at ``duration``, the most likely),
rounded to the nearest day. Each day's probability is found once per task
(its share of the distribution, by Simpson's rule for PERT-beta, exactly
for the triangle) and the runs draw from that table, so every run costs one
uniform draw per task whatever the distribution.

PERT-beta: with a, m, b the optimistic, likely and pessimistic durations,
``alpha = 1 + 4 (m - a) / (b - a)`` and ``beta = 1 + 4 (b - m) / (b - a)``,
the beta distribution of those shapes stretched over ``[a, b]`` (mean
``(a + 4 m + b) / 6``).
"""

from __future__ import annotations

import math
from itertools import accumulate, pairwise

from careerkit.planning.forecast_results import Distribution

__all__ = ["day_weights"]

_POINTS = 4096
"""About how many points of the PERT-beta density a table evaluates, whatever its span."""


def day_weights(
    optimistic: int, likely: int, pessimistic: int, distribution: Distribution
) -> list[float]:
    """The cumulative probabilities of the durations ``optimistic .. pessimistic``.

    >>> [round(w, 3) for w in day_weights(2, 3, 4, "triangular")]
    [0.125, 0.875, 1.0]
    """
    low, high = optimistic, pessimistic
    span = high - low
    cut = [0.0] + [(day - low + 0.5) / span for day in range(low, high)] + [1.0]
    if distribution == "triangular":
        mode = (likely - low) / span
        shares = [_triangle_cdf(x, mode) for x in cut]
    else:
        alpha = 1 + 4 * (likely - low) / span
        beta = 1 + 4 * (high - likely) / span
        steps = max(2, 2 * (_POINTS // (2 * (span + 1))))
        shares = list(
            accumulate(
                (_beta_mass(a, b, alpha, beta, steps) for a, b in pairwise(cut)),
                initial=0.0,
            )
        )
    total = shares[-1]
    return [share / total for share in shares[1:]]


def _triangle_cdf(x: float, mode: float) -> float:
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x <= mode:
        return x * x / mode
    return 1 - (1 - x) * (1 - x) / (1 - mode)


def _beta_mass(low: float, high: float, alpha: float, beta: float, steps: int) -> float:
    """The (unnormalised) mass of the beta density on [low, high], by Simpson's rule."""
    width = (high - low) / steps
    total = 0.0
    for step in range(steps + 1):
        x = low + step * width
        weight = 1 if step in (0, steps) else (4 if step % 2 else 2)
        total += weight * _beta_density(x, alpha, beta)
    return total * width / 3


def _beta_density(x: float, alpha: float, beta: float) -> float:
    if x <= 0 or x >= 1:
        return 0.0 if (x <= 0 and alpha > 1) or (x >= 1 and beta > 1) else 1.0
    return math.exp((alpha - 1) * math.log(x) + (beta - 1) * math.log1p(-x))
