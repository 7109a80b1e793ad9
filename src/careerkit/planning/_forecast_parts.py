"""Pieces every forecast method shares: its estimate of one finish, percentiles,
and the effort each goal has left."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from attrs import frozen

from careerkit.model import Plan, Status
from careerkit.planning.forecast_results import ForecastReason
from careerkit.scheduling.sampling import upward

__all__ = ["PERCENTS", "Estimate", "percentiles", "remaining_hours"]

T = TypeVar("T")

PERCENTS = (50, 85, 95)
"""The percentiles a forecast gives."""


@frozen(kw_only=True)
class Estimate:
    """One method's estimate of a finish: percentile dates, the share of runs
    meeting the deadline, and the reason when it has none."""

    p50: date | None = None
    p85: date | None = None
    p95: date | None = None
    probability: float | None = None
    reason: ForecastReason | None = None
    message: str = ""


def percentiles(ordered: Sequence[T]) -> tuple[T, T, T]:
    """The 50th, 85th and 95th percentiles of sorted values, by nearest rank:
    the value at position ``ceil(p n / 100)`` (counting from 1).

    >>> percentiles(list(range(1, 101)))
    (50, 85, 95)
    """
    count = len(ordered)
    low, middle, high = (ordered[max(0, (p * count + 99) // 100 - 1)] for p in PERCENTS)
    return low, middle, high


def remaining_hours(plan: Plan) -> dict[str, float]:
    """By goal id, the effort left in its work and its child goals' work: the
    share not complete of each task not done, habits and dropped tasks left out."""
    left = {goal.id: 0.0 for goal in plan.goals}
    for task in plan.tasks:
        if task.recurrence is None and task.status not in (Status.DONE, Status.DROPPED):
            left[task.goal] += task.effort * (1 - task.fraction_complete)
    for goal, parent in upward(plan):
        left[parent] += left[goal]
    return left
