"""The goal side of progress: which goals the plan counts and the weighted fractions
of a set of tasks, from their totals.

Abbreviations: pv/ev/ac/bac, es (earned schedule), at (actual time) and
spi/cpi as in :mod:`careerkit.evm`.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from careerkit.model import Goal, Plan
from careerkit.planning._progress_tree import Totals
from careerkit.planning.metrics import metric_fraction, planned_value

__all__ = [
    "counted_goals",
    "metric_reading",
    "top_goals",
    "work_fractions",
]


def counted_goals(plan: Plan, left_out: Collection[str]) -> list[Goal]:
    """The goals the plan counts, by id."""
    return sorted((goal for goal in plan.goals if goal.id not in left_out), key=_goal_id)


def top_goals(plan: Plan, left_out: Collection[str]) -> list[Goal]:
    """The counted goals without a parent, by id: the plan's figure combines them."""
    return [goal for goal in counted_goals(plan, left_out) if goal.parent is None]


def _goal_id(goal: Goal) -> str:
    return goal.id


def work_fractions(totals: Totals) -> tuple[float, float] | None:
    """The done and planned fractions of a set of tasks, weighted, from their totals.

    By effort hours (a habit: hours per occurrence times occurrences planned)
    when any of them has effort; else by duration in working days (a habit:
    its planned occurrences), milestones weighing 0; when every weight is 0,
    each task weighs the same. None without tasks (dropped ones aside).
    """
    if totals.costed:
        total, done, planned = totals.bac, totals.ev, totals.pv
    elif totals.weighed:
        total, done, planned = totals.weight, totals.weight_done, totals.weight_planned
    elif totals.live:
        total, done, planned = totals.live, totals.live_done, totals.live_planned
        return done / total, planned / total
    else:
        return None
    return min(1.0, done / total), min(1.0, planned / total)


def metric_reading(plan: Plan, goal: Goal, as_of: date) -> tuple[float, float | None] | None:
    """The metric's fraction by its latest measurement on or before ``as_of`` and the
    fraction its planned line reaches on ``as_of`` (None without a deadline); None
    without a metric or a measurement by then."""
    metric = goal.metric
    if metric is None:
        return None
    known = [item for item in goal.measurements if item.on <= as_of]
    if not known:
        return None
    latest = max(known, key=lambda item: item.on)
    actual = metric_fraction(metric, latest.value)
    if goal.deadline is None:
        return actual, None
    start = goal.start or plan.start
    line = planned_value(metric, start=start, deadline=goal.deadline, on=as_of)
    return actual, metric_fraction(metric, line)
