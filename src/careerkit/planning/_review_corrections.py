"""Suggested course corrections, each computed from the review's parts.

* ``move_deadline``: an active goal not done whose P85 finish in the
  schedule-risk forecast is after its deadline and not before the review;
* ``activate_backup``: a backup goal not yet active whose goal is off track,
  abandoned, or past its deadline without being achieved;
* ``postpone_task``: each ``over_capacity`` alert, with the alert's own
  correction (the work it moves) and evidence;
* ``add_task``: an active goal with no task, of its own or of a child goal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from careerkit.model import GoalStatus, Plan
from careerkit.planning._review_values import Correction, CorrectionCode
from careerkit.planning.alerts import Alert, AlertKind
from careerkit.planning.forecast_results import Forecast
from careerkit.planning.health import Health
from careerkit.planning.progress import ProgressReport

__all__ = ["corrections"]


def corrections(
    plan: Plan,
    *,
    as_of: date,
    report: ProgressReport,
    alerts: Sequence[Alert],
    forecast: Forecast,
) -> tuple[Correction, ...]:
    """Every correction the parts call for, by code, then subject (then in the
    order of the alerts they come from)."""
    found = [
        *_move_deadlines(plan, report, forecast),
        *_backups(plan, as_of, report),
        *_postponements(alerts),
        *_empty_goals(plan),
    ]
    return tuple(sorted(found, key=_sort_key))


def _sort_key(correction: Correction) -> tuple[int, str]:
    return correction.sort_key


def _move_deadlines(plan: Plan, report: ProgressReport, forecast: Forecast) -> Iterator[Correction]:
    for entry in forecast.goals:
        goal = plan.goal(entry.goal)
        deadline, p85 = entry.deadline, entry.p85
        if goal.status is not GoalStatus.ACTIVE or deadline is None or p85 is None:
            continue
        if p85 <= deadline or p85 < report.as_of or report.goal(goal.id).health is Health.DONE:
            continue  # on time, or its work is done: moving a deadline into the past helps no one
        chance = (
            ""
            if entry.probability is None
            else f"; {entry.probability:.0%} of the runs meet {deadline}"
        )
        yield Correction(
            code=CorrectionCode.MOVE_DEADLINE,
            subject=goal.id,
            message=(
                f"move the deadline of `{goal.id}` from {deadline} to {p85} (P85 forecast{chance})"
            ),
            evidence={
                "deadline": deadline,
                "p50": entry.p50,
                "p85": p85,
                "p95": entry.p95,
                "probability": entry.probability,
                "scheduled": entry.scheduled,
            },
        )


def _backups(plan: Plan, as_of: date, report: ProgressReport) -> Iterator[Correction]:
    for backup in plan.goals:
        if backup.backup_for is None or backup.status is not GoalStatus.ON_HOLD:
            continue
        backed = plan.goal(backup.backup_for)
        health = report.goal(backed.id).health
        passed = backed.deadline is not None and backed.deadline < as_of
        if backed.status is GoalStatus.ACHIEVED or health is Health.DONE:
            continue
        if backed.status is GoalStatus.ABANDONED:
            why = f"`{backed.id}` is abandoned"
        elif passed:
            why = f"the deadline of `{backed.id}` passed on {backed.deadline}"
        elif health is Health.OFF_TRACK:
            why = f"`{backed.id}` is off track"
        else:
            continue
        yield Correction(
            code=CorrectionCode.ACTIVATE_BACKUP,
            subject=backup.id,
            message=f"activate backup goal `{backup.id}`: {why}",
            evidence={
                "backup_for": backed.id,
                "health": health.value,
                "status": backed.status.value,
                "deadline": backed.deadline,
                "deadline_passed": passed,
            },
        )


def _postponements(alerts: Sequence[Alert]) -> Iterator[Correction]:
    for alert in alerts:
        if alert.kind is not AlertKind.OVER_CAPACITY:
            continue
        tasks = alert.evidence.get("tasks")
        subject = tasks[0] if isinstance(tasks, tuple) and tasks else alert.subject
        yield Correction(
            code=CorrectionCode.POSTPONE_TASK,
            subject=subject,
            message=alert.correction,
            evidence=alert.evidence,
        )


def _empty_goals(plan: Plan) -> Iterator[Correction]:
    busy: set[str] = set()
    for task in plan.tasks:
        goal_id: str | None = task.goal
        while goal_id is not None and goal_id not in busy:
            busy.add(goal_id)
            goal_id = plan.goal(goal_id).parent
    for goal in plan.goals:
        if goal.status is GoalStatus.ACTIVE and goal.id not in busy:
            yield Correction(
                code=CorrectionCode.ADD_TASK,
                subject=goal.id,
                message=f"give goal `{goal.id}` at least one task",
                evidence={"tasks": 0, "deadline": goal.deadline},
            )
