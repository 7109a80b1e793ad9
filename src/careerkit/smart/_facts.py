"""Figures of a plan that the SMART rules of all its goals share.

Judging every goal of a plan asks the same questions of the plan again and
again: its schedule, how many goals are active, which goals have tasks or
children, how much work is due by a date. :class:`PlanFacts` answers each
once, when first asked, so that :func:`careerkit.assess_plan` costs one
schedule plus a pass over the plan, not one schedule per goal.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from datetime import date
from functools import cached_property
from itertools import accumulate

from careerkit.errors import ValidationError
from careerkit.model import GoalStatus, Plan, Status
from careerkit.scheduling import GoalSchedule, Schedule
from careerkit.scheduling import schedule as compute_schedule

__all__ = ["PlanFacts"]


class PlanFacts:
    """The shared figures of one plan as of a date, computed on first use.

    ``schedule`` is the plan's schedule as of ``as_of`` when the caller has
    it; otherwise it is computed when a rule first needs it.
    """

    def __init__(self, plan: Plan, as_of: date | None, schedule: Schedule | None) -> None:
        self.plan = plan
        self.as_of = as_of
        self._given = schedule

    @cached_property
    def forecasts(self) -> Mapping[str, GoalSchedule] | None:
        """Each goal's forecast by id; None when the calendar cannot schedule the plan."""
        timing = self._given
        if timing is None:
            try:
                timing = compute_schedule(self.plan, as_of=self.as_of)
            except ValidationError:
                return None
        return {entry.goal: entry for entry in timing.goals}

    @cached_property
    def active_goals(self) -> int:
        """How many goals are active."""
        return sum(1 for goal in self.plan.goals if goal.status is GoalStatus.ACTIVE)

    @cached_property
    def goals_with_tasks(self) -> frozenset[str]:
        """The goals that have at least one task."""
        return frozenset(task.goal for task in self.plan.tasks)

    @cached_property
    def parents(self) -> frozenset[str]:
        """The goals that have at least one child goal."""
        return frozenset(goal.parent for goal in self.plan.goals if goal.parent is not None)

    @cached_property
    def deadlines(self) -> Mapping[str, date | None]:
        """Each goal's deadline, or an ancestor's if earlier (:meth:`careerkit.Plan.deadline_for`)."""
        return {goal.id: self.plan.deadline_for(goal.id) for goal in self.plan.goals}

    @cached_property
    def _open_work(self) -> tuple[list[date], list[float], dict[str, float]]:
        """Hours left on unfinished one-off tasks: by their goal's deadline (sorted,
        with running sums) and by goal."""
        due: list[tuple[date, float]] = []
        by_goal: dict[str, float] = {}
        for task in self.plan.tasks:
            if task.status in (Status.DONE, Status.DROPPED) or task.recurrence is not None:
                continue
            left = task.effort * (1 - task.fraction_complete)
            by_goal[task.goal] = by_goal.get(task.goal, 0.0) + left
            limit = self.deadlines[task.goal]
            if limit is not None:
                due.append((limit, left))
        due.sort(key=lambda item: item[0])
        return [limit for limit, _ in due], list(accumulate(left for _, left in due)), by_goal

    def hours_due_by(self, deadline: date) -> float:
        """Hours left on unfinished one-off tasks whose goal is due by ``deadline``."""
        limits, running, _ = self._open_work
        count = bisect_right(limits, deadline)
        return running[count - 1] if count else 0.0

    def hours_left(self, goal_id: str) -> float:
        """Hours left on the goal's own unfinished one-off tasks."""
        return self._open_work[2].get(goal_id, 0.0)
