"""The goal side of progress: which tasks each goal covers, which goals the plan
counts, the weighted fractions and the earned-value figures of a set of tasks.

Abbreviations: pv/ev/ac/bac, es (earned schedule), at (actual time) and
spi/cpi as in :mod:`careerkit.evm`.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from datetime import date
from typing import TypedDict

from careerkit import evm
from careerkit.model import Goal, GoalStatus, Plan, Status
from careerkit.planning._progress_work import Work, pv_curve
from careerkit.planning.metrics import metric_fraction, planned_value
from careerkit.planning.tracking import last_progress
from careerkit.scheduling.planned import PlannedTimes

__all__ = [
    "Figures",
    "counted_goals",
    "earned_figures",
    "goal_rows",
    "metric_reading",
    "top_goals",
    "work_fractions",
]

_STARTED = (Status.IN_PROGRESS, Status.DONE)


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


def _active_work(plan: Plan, rows: Sequence[int]) -> bool:
    """Whether any of the tasks has started or has hours spent."""
    tasks = plan.tasks
    return any(tasks[row].status in _STARTED or tasks[row].hours_spent > 0 for row in rows)


def goal_rows(plan: Plan) -> tuple[dict[str, list[int]], set[str]]:
    """Each goal's task rows, its own and those of its included descendants, and the
    ids of the goals left out of their parents and of the plan.

    Left out: abandoned goals, and backup goals (``backup_for``) without active
    work (no task of theirs or of their descendants started, no hours spent);
    with them, their descendants. A goal's own rows are listed even when it is
    left out. Time proportional to the goals plus, for each task, the depth of
    its goal in the goal tree.
    """
    children: dict[str, list[str]] = {goal.id: [] for goal in plan.goals}
    for goal in plan.goals:
        if goal.parent is not None:
            children[goal.parent].append(goal.id)
    own: dict[str, list[int]] = {goal.id: [] for goal in plan.goals}
    for row, task in enumerate(plan.tasks):
        own[task.goal].append(row)
    order = [goal.id for goal in plan.goals if goal.parent is None]  # parents first
    for goal_id in order:
        order.extend(children[goal_id])
    every = _rows(order, own, children, set())
    left_out: set[str] = set()
    for goal_id in order:
        goal = plan.goal(goal_id)
        if (goal.parent is not None and goal.parent in left_out) or _left_out(
            plan, goal, every[goal_id]
        ):
            left_out.add(goal_id)
    return _rows(order, own, children, left_out), left_out


def _rows(
    order: Sequence[str],
    own: dict[str, list[int]],
    children: dict[str, list[str]],
    left_out: set[str],
) -> dict[str, list[int]]:
    """Each goal's rows and those of its children not left out, children first."""
    rows: dict[str, list[int]] = {}
    for goal_id in reversed(order):
        found = list(own[goal_id])
        for child in children[goal_id]:
            if child not in left_out:
                found.extend(rows[child])
        rows[goal_id] = found
    return rows


def _left_out(plan: Plan, goal: Goal, rows: Sequence[int]) -> bool:
    if goal.status is GoalStatus.ABANDONED:
        return True
    return goal.backup_for is not None and not _active_work(plan, rows)


def counted_goals(plan: Plan, left_out: set[str]) -> list[Goal]:
    """The goals the plan counts, by id."""
    return sorted((goal for goal in plan.goals if goal.id not in left_out), key=_goal_id)


def top_goals(plan: Plan, left_out: set[str]) -> list[Goal]:
    """The counted goals without a parent, by id: the plan's figure combines them."""
    return [goal for goal in counted_goals(plan, left_out) if goal.parent is None]


def _goal_id(goal: Goal) -> str:
    return goal.id


def work_fractions(work: Work, rows: Sequence[int]) -> tuple[float, float] | None:
    """The done and planned fractions of the tasks in ``rows``, weighted.

    By effort hours (a habit: hours per occurrence times occurrences planned)
    when any of them has effort; else by duration in working days (a habit:
    its planned occurrences), milestones weighing 0; when every weight is 0,
    each task weighs the same. None without tasks (dropped ones aside).
    """
    weights = work.bac if any(work.bac[row] > 0 for row in rows) else work.duration_weight
    live = [row for row in rows if weights[row] > 0]
    if not live:
        live = [row for row in rows if not work.dropped[row]]
        if not live:
            return None
        return (
            sum(work.fraction[row] for row in live) / len(live),
            sum(work.planned[row] for row in live) / len(live),
        )
    total = math.fsum(weights[row] for row in live)
    done = math.fsum(weights[row] * work.fraction[row] for row in live)
    planned = math.fsum(weights[row] * work.planned[row] for row in live)
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
    plan: Plan,
    times: PlannedTimes,
    work: Work,
    rows: Sequence[int],
    as_of: date,
) -> Figures:
    """PV, EV, AC, BAC, the indexes and the earned schedule of ``rows``, in hours and
    working days, through :mod:`careerkit.evm`; ratios without a denominator None.

    The actual time runs from the first planned day of the rows to ``as_of``
    (inclusive); once all their work is done it stops at the last day progress
    showed, so that a plan finished on time keeps an SPI(t) of 1.
    """
    bac = math.fsum(work.bac[row] for row in rows)
    ev = math.fsum(work.bac[row] * work.fraction[row] for row in rows)
    pv = math.fsum(work.bac[row] * work.planned[row] for row in rows)
    ac = math.fsum(work.spent[row] for row in rows)
    first, curve = pv_curve(plan, times, work, rows)
    at = max(0, times.days.boundary_after(as_of) - first)
    if curve and ev >= bac:
        finished = [last_progress(plan.tasks[row], as_of) for row in rows if work.bac[row] > 0]
        if all(day is not None for day in finished):
            last = max(day for day in finished if day is not None)
            at = min(at, max(0, times.days.boundary_after(last) - first))
    earned = None
    if curve:
        # ES reads the curve up to the first day past the EV: the rest cannot change it.
        reach = bisect.bisect_right(curve, ev) + 1
        earned = evm.earned_schedule(curve[:reach], min(ev, curve[-1]))
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
