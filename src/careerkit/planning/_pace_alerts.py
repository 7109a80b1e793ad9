"""Alerts about pace: goals earning their planned schedule too slowly (SPI(t))."""

from __future__ import annotations

from careerkit.errors import ValidationError
from careerkit.model import Plan
from careerkit.planning._situation import Situation
from careerkit.planning.alerts import Alert, AlertKind, AlertSeverity
from careerkit.planning.progress import GoalProgress, ProgressReport, progress

__all__ = ["pace_alerts", "report_of"]

_TOLERANCE = 1e-9
"""The share of a goal within which done and planned count as equal."""


def report_of(situation: Situation, given: object) -> ProgressReport:
    """The caller's progress report, checked, or the plan's computed once on the
    situation's schedule (and baseline, when given)."""
    if given is None:
        baseline = situation.extras.get("baseline")
        assert baseline is None or isinstance(baseline, Plan)  # checked at the door
        return progress(
            situation.plan, as_of=situation.as_of, schedule=situation.schedule, baseline=baseline
        )
    if not isinstance(given, ProgressReport):
        raise ValidationError(
            path="progress",
            problem=f"expected a ProgressReport or None, got {type(given).__name__}",
        )
    if given.as_of != situation.as_of:
        raise ValidationError(
            path="progress",
            problem=f"a report as of {given.as_of}, expected one as of {situation.as_of}",
        )
    if {goal.goal for goal in given.goals} != {goal.id for goal in situation.plan.goals}:
        raise ValidationError(path="progress", problem="a report of another plan")
    return given


def _behind(situation: Situation, scores: GoalProgress, spi_t: float) -> Alert:
    figures = scores.earned_value
    policy = situation.policy
    lag = -(figures.sv_t or 0.0)
    tightest = situation.tightest(scores.goal)
    focus = f" on `{tightest[0].id}`" if tightest else ""
    # Critical only when the pace also threatens the deadline: no slack left to absorb it.
    room = scores.slack is not None and scores.slack >= policy.buffer_days
    critical = spi_t < policy.spi_t_critical and not room
    severity = AlertSeverity.CRITICAL if critical else AlertSeverity.WARNING
    return situation.alert(
        AlertKind.BEHIND_SCHEDULE,
        severity,
        subject=scores.goal,
        on=situation.as_of,
        text=(
            f"`{scores.goal}` has done the work planned for {figures.earned_schedule or 0.0:.1f} "
            f"of the {figures.actual_time} working days since its planned start (SPI(t) "
            f"{spi_t:.2f}): {lag:.1f} working days behind; {scores.percent_complete:.1f}% done "
            f"against {scores.planned_percent:.1f}% planned",
            f"recover {lag:.1f} working days{focus}: add hours a week or cut scope",
        ),
        evidence={
            "spi_t": round(spi_t, 4),
            "sv_t_days": round(-lag, 2),
            "earned_schedule": round(figures.earned_schedule or 0.0, 2),
            "actual_time": figures.actual_time,
            "percent_complete": round(scores.percent_complete, 2),
            "planned_percent": round(scores.planned_percent, 2),
            "threshold": policy.spi_t_warning,
            "slack_days": scores.slack,
        },
    )


def pace_alerts(situation: Situation, report: ProgressReport) -> list[Alert]:
    """``behind_schedule``: active, counted goals with work still open, less
    done than planned, and an SPI(t) below the policy's threshold.

    Less done than planned is asked too: a goal whose planned work pauses
    (a flat stretch of its planned-value curve) can show an earned schedule
    short of the elapsed time while fully on plan."""
    found = []
    for scores in report.goals:
        spi_t = scores.earned_value.spi_t
        goal = situation.active_goals.get(scores.goal)
        if goal is None or spi_t is None or not scores.counted:
            continue
        behind = scores.fraction < scores.planned_fraction - _TOLERANCE
        if spi_t < situation.policy.spi_t_warning and behind and situation.goal_work.get(goal.id):
            found.append(_behind(situation, scores, spi_t))
    return found
