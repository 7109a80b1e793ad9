"""Alerts against the past: slips from the baseline, deadlines pushed back or eased late."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from careerkit.history import History
from careerkit.history.revisions import TimelinePoint
from careerkit.model import Direction, Goal, Plan
from careerkit.planning._situation import Situation, counted
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity
from careerkit.planning.baseline import compare_to_baseline

__all__ = ["history_alerts"]


def _baseline_slip(situation: Situation, baseline: Plan) -> list[Alert]:
    """``baseline_slip``: active goals finishing later than in the baseline.

    Every task serves a goal, so a slip of the plan's finish shows in a goal's."""
    comparison = compare_to_baseline(
        baseline, situation.plan, as_of=situation.as_of, schedule=situation.schedule
    )
    found = []
    for variance in comparison.goals:
        moved, subject = variance.finish, variance.subject
        finish = situation.schedule.goal(subject).finish
        if subject not in situation.active_goals or finish is None or moved is None:
            continue
        if moved < situation.policy.baseline_slip_days:
            continue
        found.append(
            situation.alert(
                AlertKind.BASELINE_SLIP,
                AlertSeverity.WARNING,
                subject=subject,
                on=finish,
                text=(
                    f"`{subject}` is forecast to finish on {finish}, {counted(moved, 'working day')} "
                    "later than in the baseline",
                    f"recover {counted(moved, 'working day')} on the critical tasks of `{subject}`, or "
                    "agree a new baseline",
                ),
                evidence={"forecast_finish": finish, "days_later": moved},
            )
        )
    return found


def _eased(goal: Goal, before: TimelinePoint, after: TimelinePoint) -> bool:
    """Whether a revision made the goal easier: a later deadline or a lower target."""
    later = before.deadline is not None and (after.deadline or date.max) > before.deadline
    if before.target is None or after.target is None or goal.metric is None:
        return later
    if goal.metric.direction is Direction.INCREASE:
        return later or after.target < before.target
    return later or after.target > before.target


def _creep(situation: Situation, history: History) -> list[Alert]:
    """``deadline_creep``: deadlines pushed back often, or eased inside the window."""
    policy, found = situation.policy, []
    window = timedelta(days=policy.commitment_days)
    for goal in situation.active_goals.values():
        points = [p for p in history.timeline(goal.id) if p.at.date() <= situation.as_of]
        pairs = list(itertools.pairwise(points))
        pushes = [
            after
            for before, after in pairs
            if before.deadline and after.deadline and after.deadline > before.deadline
        ]
        late = [
            (before, after)
            for before, after in pairs
            if before.deadline is not None
            and after.at.date() >= before.deadline - window
            and _eased(goal, before, after)
        ]
        if not points or (len(pushes) < policy.creep_pushes and not late):
            continue
        found.append(_creep_alert(situation, goal, (points, pushes, late)))
    return found


def _creep_alert(
    situation: Situation,
    goal: Goal,
    found: tuple[
        list[TimelinePoint], list[TimelinePoint], list[tuple[TimelinePoint, TimelinePoint]]
    ],
) -> Alert:
    points, pushes, late = found
    first = points[0].deadline
    eased_on = late[-1][1].at.date() if late else None
    reasons = f"its deadline was pushed back {counted(len(pushes), 'time')} (first {first})"
    if eased_on is not None:
        reasons += (
            f" and eased on {eased_on}, within {situation.policy.commitment_days} days "
            f"of the deadline {late[-1][0].deadline}"
        )
    return situation.alert(
        AlertKind.DEADLINE_CREEP,
        AlertSeverity.WARNING,
        subject=goal.id,
        on=goal.deadline or points[-1].at.date(),
        text=(
            f"`{goal.id}`: {reasons}; it is now {goal.deadline}",
            f"hold the deadline of `{goal.id}` at {goal.deadline}: cut its scope or add "
            "time per week rather than move it again",
        ),
        evidence={
            "pushes": len(pushes),
            "first_deadline": first,
            "deadline": goal.deadline,
            "eased_on": eased_on,
            "window_days": situation.policy.commitment_days,
            "revisions": tuple(str(point.number) for point in pushes),
        },
    )


def history_alerts(situation: Situation) -> list[Alert]:
    """The baseline and history alerts, when a baseline or a history is given."""
    baseline, history = situation.extras.get("baseline"), situation.extras.get("history")
    found: list[Alert] = []
    if isinstance(baseline, Plan):
        found += _baseline_slip(situation, baseline)
    if isinstance(history, History):
        found += _creep(situation, history)
    return found
