"""Wins to celebrate since the last check-in or revision, and the window they are read in."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from careerkit.history import History
from careerkit.model import Direction, Goal, GoalStatus, Plan, Status
from careerkit.planning._review_values import ReviewPolicy, Win, WinKind

__all__ = ["find_wins", "wins_since"]


def wins_since(plan: Plan, *, as_of: date, history: History | None, policy: ReviewPolicy) -> date:
    """The first day whose wins count: the day after the later of the last
    check-in and the last revision before ``as_of``; without either, the
    plan's start, or ``policy.wins_days`` days back when set (not before the
    start)."""
    marks = [check_in.on for check_in in plan.check_ins if check_in.on < as_of]
    if history is not None:
        marks.extend(
            revision.at.date() for revision in history.revisions if revision.at.date() < as_of
        )
    if marks:
        return max(marks) + timedelta(days=1)
    if policy.wins_days is None:
        return plan.start
    return max(plan.start, as_of - timedelta(days=policy.wins_days - 1))


def find_wins(plan: Plan, *, since: date, as_of: date) -> tuple[Win, ...]:
    """Every win from ``since`` to ``as_of``, both included, by date, kind and subject."""
    found = [*_goals_achieved(plan, since, as_of), *_work_done(plan, since, as_of)]
    for goal in plan.goals:
        found.extend(_metric_improved(goal, since, as_of))
    return tuple(sorted(found, key=_sort_key))


def _sort_key(win: Win) -> tuple[date, str, str]:
    return win.sort_key


def _goals_achieved(plan: Plan, since: date, as_of: date) -> Iterator[Win]:
    for goal in plan.goals:
        on = goal.achieved_on
        if goal.status is GoalStatus.ACHIEVED and on is not None and since <= on <= as_of:
            yield Win(
                kind=WinKind.GOAL_ACHIEVED,
                subject=goal.id,
                on=on,
                message=f"goal `{goal.id}` achieved on {on}: {goal.title}",
            )


def _work_done(plan: Plan, since: date, as_of: date) -> Iterator[Win]:
    for task in plan.tasks:
        if task.recurrence is not None:
            days = [day for day in task.done_occurrences if since <= day <= as_of]
            if days:
                times = "once" if len(days) == 1 else f"{len(days)} times"
                yield Win(
                    kind=WinKind.OCCURRENCES_DONE,
                    subject=task.id,
                    on=max(days),
                    message=f"`{task.id}` done {times} since {since}: {task.title}",
                )
        elif task.status is Status.DONE and since <= (task.done_on or date.min) <= as_of:
            yield Win(
                kind=WinKind.TASK_DONE,
                subject=task.id,
                on=task.done_on or since,
                message=f"`{task.id}` done on {task.done_on}: {task.title}",
            )


def _metric_improved(goal: Goal, since: date, as_of: date) -> Iterator[Win]:
    """Measurements in the window better than the one before (the baseline for the first)."""
    metric = goal.metric
    if metric is None:
        return
    sign = -1.0 if metric.direction is Direction.DECREASE else 1.0
    unit = f" {metric.unit}" if metric.unit else ""
    before: float = metric.baseline
    for measurement in sorted(goal.measurements, key=lambda item: item.on):
        if measurement.on > as_of:
            break
        value = measurement.value
        if measurement.on >= since and sign * (value - before) > 0:
            verb = "fell" if value < before else "rose"
            yield Win(
                kind=WinKind.METRIC_IMPROVED,
                subject=goal.id,
                on=measurement.on,
                message=(
                    f"{metric.name} of `{goal.id}` {verb} from {before:g} to {value:g}{unit} "
                    f"on {measurement.on} (target {metric.target:g})"
                ),
            )
        before = value
