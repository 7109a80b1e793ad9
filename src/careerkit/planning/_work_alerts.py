"""Alerts about the work itself: stalled goals, missed habits, metrics below their line."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta

from careerkit.model import Goal, Status
from careerkit.planning._situation import Situation, counted
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity
from careerkit.planning.metrics import planned_value, trend
from careerkit.planning.tracking import habit_counts, last_progress
from careerkit.recurrence import occurrences

__all__ = ["review_period", "work_alerts"]


def review_period(rule: str, start: date) -> int | None:
    """The longest gap in days between two reviews of the cadence ``rule`` in
    its first two years from ``start``; None when it has fewer than two."""
    found = occurrences(rule, start=start, end=min(start + timedelta(days=731), date.max))
    gaps = [(later - earlier).days for earlier, later in itertools.pairwise(found)]
    return max(gaps, default=None)


def _missed_occurrences(situation: Situation) -> list[Alert]:
    """``missed_occurrences``: habits with occurrences due before today and not done."""
    as_of, found = situation.as_of, []
    yesterday = as_of - timedelta(days=1)
    for task in situation.live_tasks:
        if task.recurrence is None:
            continue
        entry = situation.schedule[task.id]
        due, done = habit_counts(task, entry, yesterday)
        missed = due - done
        if missed < situation.policy.missed_occurrences:
            continue
        last_due = entry.occurrences[due - 1]
        upcoming = next((day for day in entry.occurrences[due:] if day >= as_of), None)
        then = f"on {upcoming}" if upcoming else "again"
        found.append(
            situation.alert(
                AlertKind.MISSED_OCCURRENCES,
                AlertSeverity.WARNING if missed > 1 else AlertSeverity.INFO,
                subject=task.id,
                on=last_due,
                text=(
                    f"`{task.id}` was due {counted(due, 'time')} by {last_due} and done "
                    f"{counted(done, 'time')}: "
                    f"{missed} missed",
                    f"do `{task.id}` {then} and record it, or catch up on the {missed} missed",
                ),
                evidence={
                    "due": due,
                    "done": done,
                    "missed": missed,
                    "last_due": last_due,
                    "next_due": upcoming,
                },
            )
        )
    return found


def _stalled(situation: Situation) -> list[Alert]:
    """``stalled``: a goal with work under way and no dated progress for longer
    than the review cadence."""
    plan, as_of, found = situation.plan, situation.as_of, []
    period = review_period(plan.review_cadence, plan.start)
    if period is None:
        return []
    tasks: dict[str, list[date]] = {}
    under_way: dict[str, list[str]] = {}
    for task in plan.tasks:
        day = last_progress(task, as_of)
        if day is not None:
            tasks.setdefault(task.goal, []).append(day)
        if task.status is Status.IN_PROGRESS and task.goal in situation.active_goals:
            under_way.setdefault(task.goal, []).append(task.id)
    for goal_id in sorted(under_way):
        goal = situation.active_goals[goal_id]
        dates = [*tasks.get(goal_id, ()), last_progress(goal, as_of) or plan.start]
        last = max(dates)
        idle = (as_of - last).days
        if idle <= period:
            continue
        found.append(_stalled_alert(situation, goal, (last, idle, period), under_way[goal_id]))
    return found


def _stalled_alert(
    situation: Situation, goal: Goal, numbers: tuple[date, int, int], tasks: list[str]
) -> Alert:
    last, idle, period = numbers
    measure = f" or a measurement of {goal.metric.name}" if goal.metric else ""
    return situation.alert(
        AlertKind.STALLED,
        AlertSeverity.WARNING,
        subject=goal.id,
        on=last + timedelta(days=period),
        text=(
            f"`{goal.id}` shows no progress since {last}: {counted(idle, 'day')}, longer than the "
            f"review cadence of {period} days",
            f"record progress on `{tasks[0]}`{measure} this week, or put `{goal.id}` on hold",
        ),
        evidence={
            "last_progress": last,
            "days_idle": idle,
            "cadence_days": period,
            "in_progress": tuple(sorted(tasks)),
        },
    )


def _below_trajectory(situation: Situation) -> list[Alert]:
    """``below_trajectory``: a metric further behind its planned line than the grace."""
    as_of, found = situation.as_of, []
    for goal in situation.active_goals.values():
        metric, deadline = goal.metric, goal.deadline
        known = [item for item in goal.measurements if item.on <= as_of]
        if metric is None or deadline is None or deadline < as_of or not known:
            continue
        start = goal.start or situation.plan.start
        span, needed = (deadline - start).days, metric.target - metric.baseline
        latest = max(known, key=lambda item: item.on)
        if span <= 0 or needed == 0 or latest.on <= start:
            continue
        share = (latest.value - metric.baseline) / needed
        behind = (latest.on - start).days - share * span
        if behind <= situation.policy.trajectory_grace_days:
            continue
        line = trend(known)
        rate = line.slope if line else (latest.value - metric.baseline) / (latest.on - start).days
        found.append(_trajectory_alert(situation, goal, (latest.on, latest.value), (behind, rate)))
    return found


def _trajectory_alert(
    situation: Situation,
    goal: Goal,
    latest: tuple[date, float],
    numbers: tuple[float, float],
) -> Alert:
    assert goal.metric is not None
    assert goal.deadline is not None
    metric, (on, value), (behind, rate) = goal.metric, latest, numbers
    start = goal.start or situation.plan.start
    span = (goal.deadline - start).days
    line_rate = (metric.target - metric.baseline) / span
    limit = situation.policy.off_track_days
    drift = 1.0 - rate / line_rate  # days behind gained per day at the current rate
    if behind > limit:  # already off track
        left: int | None = 0
    elif drift > 0:
        left = math.ceil((limit - behind) / drift)
    else:
        left = None
    off_track = (
        on + timedelta(days=left)
        if left is not None and left <= (goal.deadline - on).days
        else None
    )
    planned = planned_value(metric, start=start, deadline=goal.deadline, on=on)
    days_left = max(1, (goal.deadline - on).days)
    needed_rate = (metric.target - value) / days_left
    if left == 0:
        when = "it is off track"
    elif off_track is None:
        when = ""
    else:  # a day already past, when the last measurement is old: say so
        when = f"off track {'since' if off_track <= situation.as_of else 'on'} {off_track}"
    return situation.alert(
        AlertKind.BELOW_TRAJECTORY,
        AlertSeverity.CRITICAL if left == 0 else AlertSeverity.WARNING,
        subject=goal.id,
        on=on,
        text=(
            f"`{goal.id}`: {metric.name} was {value:g} on {on} against {planned:.1f} planned, "
            f"{behind:.0f} days behind the line"
            + (f"; {when} at the current rate" if when else ""),
            f"move {metric.name} by {needed_rate * 7:+.2f} a week to reach {metric.target:g} "
            f"by {goal.deadline}, or move the deadline",
        ),
        evidence={
            "measured_on": on,
            "value": float(value),
            "planned": round(planned, 4),
            "days_behind": round(behind, 1),
            "rate_per_day": round(rate, 6),
            "needed_per_day": round(needed_rate, 6),
            "days_to_off_track": left,
            "off_track_on": off_track,
        },
    )


def work_alerts(situation: Situation) -> list[Alert]:
    """Every work alert of the situation."""
    return [
        *_missed_occurrences(situation),
        *_stalled(situation),
        *_below_trajectory(situation),
    ]
