"""The goal tree of progress: which goals count, and the additive figures of each goal
summed bottom-up, children first, so that the work follows the goals plus the tasks
whatever the depth of the tree.

Abbreviations: pv/ev/ac/bac as in :mod:`careerkit.evm`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import NamedTuple

from attrs import frozen

from careerkit.model import GoalStatus, Plan, Status
from careerkit.planning._progress_work import Work
from careerkit.planning.tracking import last_progress

__all__ = ["GoalTree", "Totals", "combined", "goal_tree", "row_totals"]

_STARTED = (Status.IN_PROGRESS, Status.DONE)


class Totals(NamedTuple):
    """The additive figures of a set of task rows."""

    bac: float
    ev: float
    pv: float
    ac: float
    costed: int
    """Rows with hours at completion."""
    weight: float
    """The duration weights (``Work.duration_weight``) of the rows weighing more than 0."""
    weight_done: float
    weight_planned: float
    weighed: int
    """Rows with a duration weight."""
    live_done: float
    """The fractions done of the rows not dropped."""
    live_planned: float
    live: int
    """Rows not dropped."""
    unknown: int
    """Rows with hours at completion not done in full, or whose progress shows on no
    day by the status date."""
    last: date | None
    """The last day progress showed among the rows with hours at completion."""


def row_totals(plan: Plan, work: Work, rows: Sequence[int], as_of: date) -> Totals:
    """The totals of ``rows``, each sum taken with :func:`math.fsum`.

    The last day of progress is read only when every row with hours at
    completion is done in full: a row with work left makes the set unfinished
    whatever its dates.
    """
    bac, fraction, planned, weights = work.bac, work.fraction, work.planned, work.duration_weight
    costs, earned, due, spent = [], [], [], []
    weighed, weighed_done, weighed_planned = [], [], []
    live_done, live_planned = [], []
    unknown, known = 0, list[date]()
    tasks, dropped = plan.tasks, work.dropped
    for row in rows:
        hours, done, planned_share, weight = bac[row], fraction[row], planned[row], weights[row]
        costs.append(hours)
        earned.append(hours * done)
        due.append(hours * planned_share)
        spent.append(work.spent[row])
        if weight > 0:
            weighed.append(weight)
            weighed_done.append(weight * done)
            weighed_planned.append(weight * planned_share)
        if not dropped[row]:
            live_done.append(done)
            live_planned.append(planned_share)
        if hours > 0:
            unknown += 1
    costed = unknown
    if unknown and all(fraction[row] >= 1.0 for row in rows if bac[row] > 0):
        shown = [last_progress(tasks[row], as_of) for row in rows if bac[row] > 0]
        known = [day for day in shown if day is not None]
        unknown = len(shown) - len(known)
    return Totals(
        bac=math.fsum(costs),
        ev=math.fsum(earned),
        pv=math.fsum(due),
        ac=math.fsum(spent),
        costed=costed,
        weight=math.fsum(weighed),
        weight_done=math.fsum(weighed_done),
        weight_planned=math.fsum(weighed_planned),
        weighed=len(weighed),
        live_done=math.fsum(live_done),
        live_planned=math.fsum(live_planned),
        live=len(live_done),
        unknown=unknown,
        last=max(known, default=None),
    )


def combined(parts: Sequence[Totals]) -> Totals:
    """The totals of disjoint sets of rows together."""
    if len(parts) == 1:
        return parts[0]
    lasts = [part.last for part in parts if part.last is not None]
    return Totals(
        bac=math.fsum(part.bac for part in parts),
        ev=math.fsum(part.ev for part in parts),
        pv=math.fsum(part.pv for part in parts),
        ac=math.fsum(part.ac for part in parts),
        costed=sum(part.costed for part in parts),
        weight=math.fsum(part.weight for part in parts),
        weight_done=math.fsum(part.weight_done for part in parts),
        weight_planned=math.fsum(part.weight_planned for part in parts),
        weighed=sum(part.weighed for part in parts),
        live_done=math.fsum(part.live_done for part in parts),
        live_planned=math.fsum(part.live_planned for part in parts),
        live=sum(part.live for part in parts),
        unknown=sum(part.unknown for part in parts),
        last=max(lasts, default=None),
    )


@frozen(kw_only=True)
class GoalTree:
    """The goals as progress counts them.

    A goal covers its own tasks and those of its children not left out, and
    theirs. Left out: abandoned goals, and backup goals (``backup_for``)
    without active work (no task of theirs or of their descendants started,
    no hours spent); with them, their descendants.
    """

    order: tuple[str, ...]
    """Every goal's id, parents before their children."""
    children: Mapping[str, tuple[str, ...]]
    """Each goal's children not left out."""
    own: Mapping[str, tuple[int, ...]]
    """Each goal's own task rows, in plan order."""
    left_out: frozenset[str]
    """The goals left out of their parents and of the plan."""

    def totals(self, plan: Plan, work: Work, as_of: date) -> dict[str, Totals]:
        """Each goal's totals, over its rows and those of the children it covers,
        summed children first: time proportional to the goals plus the tasks."""
        found: dict[str, Totals] = {}
        for goal_id in reversed(self.order):
            own = row_totals(plan, work, self.own[goal_id], as_of)
            found[goal_id] = combined([own, *(found[child] for child in self.children[goal_id])])
        return found


def goal_tree(plan: Plan) -> GoalTree:
    """The goal tree of ``plan``, with the goals left out; one pass down and one up."""
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
    tasks = plan.tasks
    active: dict[str, bool] = {}
    for goal_id in reversed(order):
        active[goal_id] = any(active[child] for child in children[goal_id]) or any(
            tasks[row].status in _STARTED or tasks[row].hours_spent > 0 for row in own[goal_id]
        )
    left_out: set[str] = set()
    for goal_id in order:
        goal = plan.goal(goal_id)
        if (
            (goal.parent is not None and goal.parent in left_out)
            or goal.status is GoalStatus.ABANDONED
            or (goal.backup_for is not None and not active[goal_id])
        ):
            left_out.add(goal_id)
    return GoalTree(
        order=tuple(order),
        children={
            goal_id: tuple(child for child in found if child not in left_out)
            for goal_id, found in children.items()
        },
        own={goal_id: tuple(rows) for goal_id, rows in own.items()},
        left_out=frozenset(left_out),
    )
