"""Comparing a plan with a baseline: how far dates moved and what scope changed.

A baseline is a plan as it was agreed (often a revision marked with
:meth:`careerkit.History.mark_baseline`). :func:`compare_to_baseline` schedules both
plans and reports, per goal and task, how many working days the start,
finish and deadline (or due date) moved, and which goals and tasks were
added or removed. Positive variances are later than the baseline.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from careerkit.io import result_document
from careerkit.model import Plan
from careerkit.planning._schedules import schedule_of
from careerkit.scheduling import Schedule
from careerkit.scheduling.given import checked_plan
from careerkit.workdays import DayIndex

__all__ = ["BaselineComparison", "Variance", "compare_to_baseline"]


@result_document("variance", properties=("moved",))
@frozen(kw_only=True)
class Variance:
    """How one goal or task moved against the baseline, in working days.

    Each figure is None when either side has no such date.

    Examples
    --------
    >>> Variance(subject="cert", start=0, finish=5, deadline=20).finish
    5
    """

    subject: str
    """The goal's or task's id."""
    start: int | None
    """Working days the start moved, positive when later."""
    finish: int | None
    """Working days the forecast finish moved, positive when later."""
    deadline: int | None
    """Working days the deadline (a task's due date) moved, positive when later."""

    @property
    def moved(self) -> bool:
        """Whether any date moved."""
        return any(value for value in (self.start, self.finish, self.deadline))


@result_document("baseline_comparison")
@frozen(kw_only=True)
class BaselineComparison:
    """The current plan against its baseline."""

    goals: tuple[Variance, ...]
    """Goals in both plans, by id."""
    tasks: tuple[Variance, ...]
    """Tasks in both plans, by id."""
    added_goals: tuple[str, ...]
    removed_goals: tuple[str, ...]
    added_tasks: tuple[str, ...]
    removed_tasks: tuple[str, ...]
    finish: int
    """Working days the plan's finish moved, positive when later."""


def compare_to_baseline(
    baseline: Plan,
    current: Plan,
    *,
    as_of: date | None = None,
    schedule: Schedule | None = None,
    baseline_schedule: Schedule | None = None,
) -> BaselineComparison:
    """Compare a plan with its baseline.

    Parameters
    ----------
    baseline
        The plan as agreed.
    current
        The plan now.
    as_of
        The status date for the current plan's schedule (the baseline is
        scheduled as planned, without one).
    schedule
        The current plan's schedule as of ``as_of``
        (``careerkit.schedule(current, as_of=as_of)``), when the caller has
        it already; computed if None.
    baseline_schedule
        The baseline's schedule as planned (``careerkit.schedule(baseline)``),
        when the caller keeps it; computed if None.

    Returns
    -------
    BaselineComparison
        Variances in working days of the current plan's calendar, and the
        scope added and removed.

    Raises
    ------
    ValidationError
        ``baseline`` or ``current`` is not a :class:`~careerkit.Plan`, ``as_of``
        not a date on or after the current plan's start, ``schedule`` not a
        :class:`~careerkit.Schedule` made as of
        ``as_of``, or ``baseline_schedule`` not one made without a status
        date (the path names the argument).

    Examples
    --------
    >>> before = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...               goals=[Goal(id="g", title="Do g", deadline=date(2026, 12, 18))],
    ...               tasks=[Task(id="a", goal="g", title="A", duration=5)])
    >>> after = before.update_task("a", duration=8).update_goal("g", deadline=date(2027, 1, 8))
    >>> result = compare_to_baseline(before, after)
    >>> result.tasks[0].finish, result.goals[0].deadline
    (3, 15)
    """
    baseline, current = checked_plan(baseline, "baseline"), checked_plan(current, "current")
    days = DayIndex(current.calendar)
    old = schedule_of(baseline, as_of=None, given=baseline_schedule, path="baseline_schedule")
    new = schedule_of(current, as_of=as_of, given=schedule)

    def moved(before: date | None, after: date | None) -> int | None:
        """Working days between two start dates."""
        if before is None or after is None:
            return None
        return days.index_of(after) - days.index_of(before)

    def moved_end(before: date | None, after: date | None) -> int | None:
        """Working days between two finish dates or deadlines (each counted to its end)."""
        if before is None or after is None:
            return None
        return days.boundary_after(after) - days.boundary_after(before)

    old_tasks = {task.id: task for task in baseline.tasks}
    new_tasks = {task.id: task for task in current.tasks}
    tasks = tuple(
        Variance(
            subject=task_id,
            start=moved(old[task_id].early_start, new[task_id].early_start),
            finish=moved_end(old[task_id].early_finish, new[task_id].early_finish),
            deadline=moved_end(old_tasks[task_id].due, new_tasks[task_id].due),
        )
        for task_id in sorted(old_tasks.keys() & new_tasks.keys())
    )
    old_goals = {goal.goal: goal for goal in old.goals}
    new_goals = {goal.goal: goal for goal in new.goals}
    goals = tuple(
        Variance(
            subject=goal_id,
            start=moved(old_goals[goal_id].start, new_goals[goal_id].start),
            finish=moved_end(old_goals[goal_id].finish, new_goals[goal_id].finish),
            deadline=moved_end(old_goals[goal_id].deadline, new_goals[goal_id].deadline),
        )
        for goal_id in sorted(old_goals.keys() & new_goals.keys())
    )
    return BaselineComparison(
        goals=goals,
        tasks=tasks,
        added_goals=tuple(sorted(new_goals.keys() - old_goals.keys())),
        removed_goals=tuple(sorted(old_goals.keys() - new_goals.keys())),
        added_tasks=tuple(sorted(new_tasks.keys() - old_tasks.keys())),
        removed_tasks=tuple(sorted(old_tasks.keys() - new_tasks.keys())),
        finish=days.boundary_after(new.finish) - days.boundary_after(old.finish),
    )
