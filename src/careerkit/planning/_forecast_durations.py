"""The distributions of a task's duration between its optimistic and pessimistic estimates.

A duration is drawn in whole working days: the continuous distribution on
``[optimistic, pessimistic]`` (mode at ``duration``, the most likely),
rounded to the nearest day.

PERT-beta: with a, m, b the optimistic, likely and pessimistic durations,
``alpha = 1 + 4 (m - a) / (b - a)`` and ``beta = 1 + 4 (b - m) / (b - a)``,
the beta distribution of those shapes stretched over ``[a, b]`` (mean
``(a + 4 m + b) / 6``). Triangular: the triangle on ``[a, b]`` peaking at m.

Each task's distribution is tabulated once. Up to :data:`DAY_TABLE_SPAN`
days wide, the table holds each day's probability (its share of the
density, by Simpson's rule for PERT-beta, exactly for the triangle) and a
draw is one uniform number looked up in it; wider, the table holds the
distribution function at :data:`DAY_TABLE_SPAN` + 1 evenly spaced points and a draw
inverts it between two of them, so the table never grows with the span.
"""

from __future__ import annotations

import bisect
import math
import random
from collections.abc import Callable
from itertools import accumulate, pairwise

from careerkit.planning.forecast_results import Distribution

__all__ = ["DAY_TABLE_SPAN", "day_weights", "draws"]

DAY_TABLE_SPAN = 2048
"""The widest range, in working days, whose days are tabulated one by one."""
_POINTS = 4096
"""About how many points of the PERT-beta density a table evaluates, whatever its span."""


def draws(
    estimate: tuple[int, int, int], distribution: Distribution, rng: random.Random, count: int
) -> list[int]:
    """``count`` durations drawn from a task's ``(optimistic, likely, pessimistic)``.

    >>> draws((2, 5, 12), "pert", random.Random(1), 6)
    [4, 8, 7, 4, 5, 5]
    """
    low, likely, high = estimate
    span = high - low
    if span <= DAY_TABLE_SPAN:
        days = range(low, high + 1)
        return rng.choices(days, cum_weights=day_weights(low, likely, high, distribution), k=count)
    cut = [step / DAY_TABLE_SPAN for step in range(DAY_TABLE_SPAN + 1)]
    shares = _shares(cut, (likely - low) / span, distribution)
    last = len(cut) - 2
    found = []
    for _ in range(count):
        share = rng.random()
        at = min(bisect.bisect_right(shares, share) - 1, last)
        while at > 0 and shares[at + 1] == shares[at]:
            at -= 1
        below, above = shares[at], shares[at + 1]
        within = (share - below) / (above - below) if above > below else 0.0
        found.append(low + math.floor((cut[at] + within / DAY_TABLE_SPAN) * span + 0.5))
    return found


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
    return _shares(cut, (likely - low) / span, distribution)[1:]


def _shares(cut: list[float], mode: float, distribution: Distribution) -> list[float]:
    """The distribution function at the points ``cut`` (from 0 to 1, ascending)."""
    if distribution == "triangular":
        return [_triangle_cdf(x, mode) for x in cut]
    alpha, beta = 1 + 4 * mode, 1 + 4 * (1 - mode)
    steps = max(2, 2 * (_POINTS // (2 * len(cut))))
    mass: Callable[[float, float], float] = lambda a, b: _beta_mass(a, b, alpha, beta, steps)  # noqa: E731
    shares = list(accumulate((mass(a, b) for a, b in pairwise(cut)), initial=0.0))
    total = shares[-1]
    return [share / total for share in shares]


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
