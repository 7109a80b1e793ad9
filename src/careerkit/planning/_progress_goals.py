"""The goal side of progress: which goals the plan counts, the weighted fractions
and the earned-value figures of a set of tasks, from their totals.

Abbreviations: pv/ev/ac/bac, es (earned schedule), at (actual time) and
spi/cpi as in :mod:`careerkit.evm`.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TypedDict

from careerkit import evm
from careerkit.model import Goal, Plan
from careerkit.planning._progress_tree import Totals
from careerkit.planning.metrics import metric_fraction, planned_value
from careerkit.scheduling.planned import PlannedTimes

__all__ = [
    "Figures",
    "counted_goals",
    "earned_figures",
    "metric_reading",
    "top_goals",
    "work_fractions",
]


class Figures(TypedDict):
    """The fields of an earned-value result (``progress.EarnedValue``)."""

    pv: float
    ev: float
    ac: float
    bac: float
    sv: float
    cv: float
    spi: float | None
    cpi: float | None
    earned_schedule: float | None
    actual_time: int
    spi_t: float | None
    sv_t: float | None


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


def earned_figures(
    times: PlannedTimes, totals: Totals, schedule: tuple[int, float | None], as_of: date
) -> Figures:
    """PV, EV, AC, BAC, the indexes and the earned schedule of a set of tasks, in
    hours and working days, through :mod:`careerkit.evm`; ratios without a
    denominator None.

    ``schedule`` is the first planned day of the tasks and their earned
    schedule (None when they plan no hours). The actual time runs from that
    first day to ``as_of`` (inclusive); once all their work is done it stops
    at the last day progress showed, so that a plan finished on time keeps an
    SPI(t) of 1.
    """
    bac, ev, pv, ac = totals.bac, totals.ev, totals.pv, totals.ac
    first, earned = schedule
    at = max(0, times.days.boundary_after(as_of) - first)
    if earned is not None and ev >= bac and not totals.unknown and totals.last is not None:
        at = min(at, max(0, times.days.boundary_after(totals.last) - first))
    return Figures(
        pv=pv,
        ev=ev,
        ac=ac,
        bac=bac,
        sv=evm.sv(ev=ev, pv=pv),
        cv=evm.cv(ev=ev, ac=ac),
        spi=evm.spi(ev=ev, pv=pv) if pv > 0 else None,
        cpi=evm.cpi(ev=ev, ac=ac) if ac > 0 else None,
        earned_schedule=earned,
        actual_time=at,
        spi_t=evm.spi_t(es=earned, at=at) if earned is not None and at > 0 else None,
        sv_t=evm.sv_t(es=earned, at=at) if earned is not None else None,
    )
