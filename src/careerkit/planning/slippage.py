"""Slippage detection: is the plan on track, and if not, why and what now?

:func:`detect_slippage` reads a plan as of a date, with its schedule as of
that date, and raises :class:`~careerkit.planning.alerts.Alert` values: each
with its kind, severity, evidence and a computed correction. The detectors
live in families (dates, work, resources, history, career); the kinds, their
evidence keys and the policy are in :mod:`careerkit.planning.alerts`.
"""

from __future__ import annotations

from datetime import date

from careerkit.career.overview import CareerOverview
from careerkit.errors import ValidationError
from careerkit.history import History
from careerkit.model import Plan
from careerkit.model.arguments import checked_instance
from careerkit.planning._career_alerts import career_alerts
from careerkit.planning._date_alerts import date_alerts
from careerkit.planning._history_alerts import history_alerts
from careerkit.planning._pace_alerts import pace_alerts, report_of
from careerkit.planning._resource_alerts import resource_alerts
from careerkit.planning._schedules import schedule_of
from careerkit.planning._situation import Situation
from careerkit.planning._work_alerts import work_alerts
from careerkit.planning.alerts import Alert, SlippagePolicy
from careerkit.planning.progress import ProgressReport
from careerkit.scheduling import Schedule
from careerkit.scheduling.given import checked_plan, checked_status_date

__all__ = ["detect_slippage"]


def detect_slippage(
    plan: Plan,
    *,
    as_of: date,
    schedule: Schedule | None = None,
    baseline: Plan | None = None,
    history: History | None = None,
    policy: SlippagePolicy | None = None,
    progress: ProgressReport | None = None,
    career: CareerOverview | None = None,
) -> tuple[Alert, ...]:
    """The signs that a plan is slipping, as of a date, each with a correction.

    Parameters
    ----------
    plan
        The plan now.
    as_of
        The status date: on or after the plan's start.
    schedule
        The plan's schedule as of ``as_of`` (``careerkit.schedule(plan,
        as_of=as_of)``), when the caller has it; computed once if None.
    baseline
        The plan as agreed: goals finishing later than in it raise
        ``baseline_slip``.
    history
        The plan's history: deadlines pushed back, or eased late, raise
        ``deadline_creep``. Only revisions made on or before ``as_of`` count.
    policy
        The thresholds; :class:`~careerkit.planning.alerts.SlippagePolicy`'s
        defaults if None.
    progress
        The plan's :class:`~careerkit.planning.progress.ProgressReport` as of
        ``as_of`` (made against ``baseline`` when one is given), when the
        caller has it; computed once on ``schedule`` if None. It gives
        ``behind_schedule``.
    career
        The plan's :class:`~careerkit.career.overview.CareerOverview` as of
        ``as_of`` (by ``policy.career``), when the caller has it; computed
        once if None. It gives the career signals.

    Returns
    -------
    tuple of Alert
        Sorted by severity (critical first), then date, then subject, then
        kind. A plan on schedule with room before its deadlines raises none.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan`, ``as_of`` not a date on or
        after its start, ``schedule`` not one of this plan as of ``as_of``,
        ``baseline`` not a Plan, ``history`` not a History, ``policy`` not a
        SlippagePolicy, ``progress`` not a report of this plan as of ``as_of``,
        ``career`` not an overview as of ``as_of`` (the path names the argument).

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 2),
    ...             goals=[Goal(id="g", title="Do g", deadline=date(2026, 11, 20))],
    ...             tasks=[Task(id="a", goal="g", title="A", duration=10,
    ...                         due=date(2026, 11, 13))])
    >>> [(alert.kind.value, alert.subject) for alert in
    ...  detect_slippage(plan, as_of=date(2026, 11, 16))]
    [('float_exhausted', 'a'), ('overdue_task', 'a'), ('forecast_late', 'g')]
    >>> detect_slippage(plan, as_of=date(2026, 11, 16))[1].correction
    "finish `a`, or move its due date to 2026-11-27 (the schedule's finish, with no margin)"
    """
    situation = _situation(
        plan,
        as_of=as_of,
        given=(schedule, progress),
        extras={"baseline": baseline, "history": history, "policy": policy, "career": career},
    )
    report = report_of(situation, situation.extras["progress"])
    found = [
        *date_alerts(situation),
        *pace_alerts(situation, report),
        *work_alerts(situation),
        *resource_alerts(situation),
        *history_alerts(situation),
        *career_alerts(situation),
    ]
    return tuple(sorted(found, key=_sort_key))


def _sort_key(alert: Alert) -> tuple[int, date, str, str]:
    return alert.sort_key


def _situation(
    plan: object, *, as_of: object, given: tuple[object, object], extras: dict[str, object]
) -> Situation:
    """The checked arguments, as the detectors read them."""
    checked = checked_plan(plan)
    status_date = checked_status_date(checked, as_of)
    assert status_date is not None
    schedule, progress = given
    baseline, history, policy = extras["baseline"], extras["history"], extras["policy"]
    career = extras["career"]
    if career is not None:
        overview = checked_instance(career, CareerOverview, "career")
        if overview.as_of != status_date:
            raise ValidationError(
                path="career", problem=f"an overview as of {overview.as_of}, not {status_date}"
            )
    if baseline is not None:
        checked_instance(baseline, Plan, "baseline")
    if history is not None:
        checked_instance(history, History, "history")
    chosen = (
        SlippagePolicy() if policy is None else checked_instance(policy, SlippagePolicy, "policy")
    )
    return Situation(
        checked,
        as_of=status_date,
        schedule=schedule_of(checked, as_of=status_date, given=schedule),
        policy=chosen,
        extras={
            "baseline": baseline,
            "history": history,
            "progress": progress,
            "career": career,
        },
    )
