"""Progress and earned value: how far a plan, its goals and tasks have come, against plan.

:func:`progress` scores a plan as of a date. Work is measured against the
plan *as planned*: the planned early dates of its tasks without a status
date (:func:`careerkit.scheduling.planned.planned_times`, of a baseline plan
when one is given), since a schedule made at the status date moves
unfinished work past it and would always look on plan. Earned value is in
effort hours, through the formulas of :mod:`careerkit.evm`. The rules of
weighting, combining and health are those of the documentation page
"Progress and earned value"; health itself lives in
:mod:`careerkit.planning.health`.

Abbreviations: PV, EV, AC, BAC, SPI, CPI, SPI(t), SV(t) as in
:mod:`careerkit.evm`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Literal, TypeVar

from attrs import frozen

from careerkit import evm
from careerkit.io import result_document
from careerkit.model import GoalStatus, Plan
from careerkit.model.display import frame_of, html_of
from careerkit.model.lookup import by_id
from careerkit.planning._progress_earned import goal_schedules
from careerkit.planning._progress_goals import (
    metric_reading,
    top_goals,
    work_fractions,
)
from careerkit.planning._progress_planned import planned_for
from careerkit.planning._progress_tree import Totals, combined, goal_tree, row_totals
from careerkit.planning._progress_work import Work
from careerkit.planning._schedules import schedule_of
from careerkit.planning.health import Health, HealthPolicy, Signal, checked_policy, judge
from careerkit.planning.tracking import habit_counts
from careerkit.scheduling import Schedule
from careerkit.scheduling.given import checked_plan, checked_status_date
from careerkit.scheduling.planned import PlannedTimes

__all__ = ["EarnedValue", "GoalProgress", "ProgressReport", "TaskProgress", "progress"]


@result_document("earned_value")
@frozen(kw_only=True)
class EarnedValue:
    """Earned value of a set of tasks, in effort hours and working days.

    A ratio whose denominator is 0 (nothing planned yet, no hours spent, no
    time elapsed) is None, never infinite.

    Examples
    --------
    >>> figures = progress(sample_plan, as_of=date(2026, 11, 26)).earned_value
    >>> figures.ev <= figures.bac
    True
    """

    pv: float
    """Planned value, the hours of work planned to be done by the status date."""
    ev: float
    """Earned value, the planned hours of the work actually done."""
    ac: float
    """Actual cost, the hours spent."""
    bac: float
    """Budget at completion, the planned hours of all the work."""
    sv: float
    """Schedule variance EV - PV, in hours."""
    cv: float
    """Cost variance EV - AC, in hours."""
    spi: float | None
    """EV / PV; None while nothing is planned."""
    cpi: float | None
    """EV / AC; None while no hours are spent."""
    earned_schedule: float | None
    """Earned schedule (ES), the working days from the planned start at which the
    EV was planned to be earned; None when no hours are planned at all."""
    actual_time: int
    """Actual time (AT), the working days from the planned start to the status
    date, both included (to the last day of progress, once all the work is done)."""
    spi_t: float | None
    """SPI(t) = ES / AT; None when AT is 0 or no hours are planned."""
    sv_t: float | None
    """SV(t) = ES - AT in working days, negative when behind."""


@result_document("task_progress")
@frozen(kw_only=True)
class TaskProgress:
    """How far one task has come.

    Examples
    --------
    >>> progress(sample_plan, as_of=date(2026, 11, 26)).task("dmd-modules-5-8").percent_complete
    60.0
    """

    task: str
    """The task's id."""
    goal: str
    """The goal it serves."""
    fraction_complete: float
    """From 0 to 1, ``Task.fraction_complete``; for a habit, its occurrences done
    over those planned in all."""
    percent_complete: float
    """``fraction_complete`` as a percentage."""
    planned_fraction: float
    """The fraction planned to be done by the status date."""
    planned_percent: float
    """``planned_fraction`` as a percentage."""
    hours_spent: float
    """``Task.hours_spent``."""
    pv: float
    """Planned value in hours, its hours at completion times ``planned_fraction``."""
    ev: float
    """Earned value in hours, its hours at completion times ``fraction_complete``."""
    ac: float
    """Actual cost, the hours spent."""
    occurrences_due: int | None
    """A habit's occurrences due by the status date in the schedule; None for other tasks."""
    occurrences_done: int | None
    """A habit's occurrences done by the status date; None for other tasks."""


@result_document("goal_progress")
@frozen(kw_only=True)
class GoalProgress:
    """How far one goal has come, with its own tasks and those of its child goals.

    Examples
    --------
    >>> report = progress(sample_plan, as_of=date(2026, 11, 26))
    >>> report.goal("digital-marketing-diploma").health
    <Health.OFF_TRACK: 'off_track'>
    """

    goal: str
    """The goal's id."""
    counted: bool
    """Whether the goal counts in its parent and in the plan (abandoned goals and
    backups without active work do not)."""
    fraction: float
    """The combined progress from 0 to 1 (work and metric)."""
    percent_complete: float
    """``fraction`` as a percentage."""
    planned_fraction: float
    """The combined progress planned by the status date."""
    planned_percent: float
    """``planned_fraction`` as a percentage."""
    work_fraction: float | None
    """The weighted fraction of the goal's tasks done; None without tasks."""
    planned_work_fraction: float | None
    """The weighted fraction of the goal's tasks planned by the status date."""
    metric_fraction: float | None
    """The metric's way from baseline to target by its latest measurement; None
    without a metric or a measurement."""
    planned_metric_fraction: float | None
    """Where the metric's planned line stands; None without a deadline."""
    grade: float
    """An OKR-style grade from 0.0 to 1.0, the fraction rounded down to a tenth."""
    earned_value: EarnedValue
    """Earned value of the goal's tasks and those of its counted child goals."""
    slack: int | None
    """Forecast working days before the deadline, in the schedule as of the status date."""
    health: Health
    """How the goal stands."""
    signal: Signal
    """What decided the health."""


@result_document("progress_report")
@frozen(kw_only=True)
class ProgressReport:
    """The progress of a plan, its goals and tasks as of a date.

    Goals and tasks are listed by id.

    Examples
    --------
    >>> report = progress(sample_plan, as_of=date(2026, 11, 26))
    >>> report.health, report.decided_by
    (<Health.OFF_TRACK: 'off_track'>, None)
    """

    as_of: date
    """The status date."""
    fraction: float
    """The counted top-level goals' progress, combined by weight."""
    percent_complete: float
    """``fraction`` as a percentage."""
    planned_fraction: float
    """The counted top-level goals' planned progress, combined by weight."""
    planned_percent: float
    """``planned_fraction`` as a percentage."""
    grade: float
    """An OKR-style grade from 0.0 to 1.0, the fraction rounded down to a tenth."""
    earned_value: EarnedValue
    """Of every task of the counted goals."""
    health: Health
    """How the plan stands."""
    signal: Signal
    """What decided the plan's health."""
    decided_by: str | None
    """The goal whose health decided the plan's, or None (the plan's own SPI(t),
    or no signal)."""
    goals: tuple[GoalProgress, ...]
    """Every goal's progress, by id."""
    tasks: tuple[TaskProgress, ...]
    """Every task's progress, by id."""

    def goal(self, goal_id: str) -> GoalProgress:
        """The progress of one goal.

        Raises
        ------
        UnknownReferenceError
            No goal has this id.
        """
        return _find(self.goals, "goal", goal_id)

    def task(self, task_id: str) -> TaskProgress:
        """The progress of one task.

        Raises
        ------
        UnknownReferenceError
            No task has this id.
        """
        return _find(self.tasks, "task", task_id)

    def _repr_html_(self) -> str | None:
        """The report as an HTML fragment, for notebooks (see
        :func:`careerkit.render.html.progress_html`)."""
        return html_of(self)

    def to_frame(self, *, kind: Literal["goals", "tasks"] = "goals") -> Any:
        """The goals' or the tasks' progress as a ``pandas.DataFrame``, one row each, by id.

        See :func:`careerkit.render.frames.to_frame`; needs the ``pandas`` extra.

        Raises
        ------
        MissingExtraError
            pandas is not installed.
        ValidationError
            ``kind`` is neither ``"goals"`` nor ``"tasks"``.

        Examples
        --------
        >>> import careerkit.render
        >>> report = careerkit.progress(sample_plan, as_of=date(2026, 11, 26))
        >>> list(report.to_frame(kind="tasks")["task"]) == [task.task for task in report.tasks]
        True
        """
        return frame_of(self, kind=kind)


_Item = TypeVar("_Item", GoalProgress, TaskProgress)


def _find(items: Sequence[_Item], kind: str, key: str) -> _Item:
    """The item of ``items`` (sorted by id) whose ``kind`` field is ``key``."""
    return by_id(items, kind, key)


def progress(
    plan: Plan,
    *,
    as_of: date,
    schedule: Schedule | None = None,
    baseline: Plan | None = None,
    policy: HealthPolicy | None = None,
) -> ProgressReport:
    """Score a plan, its goals and tasks as of a date, against the plan as planned.

    Parameters
    ----------
    plan
        The plan, with its actual progress.
    as_of
        The status date: facts dated after it are not counted.
    schedule
        The plan's schedule as of ``as_of`` (``careerkit.schedule(plan,
        as_of=as_of)``), to reuse one already made; computed when None. It
        gives the forecast slack of goals and the occurrences due of habits.
    baseline
        The plan as planned, whose planned dates the work is measured
        against; without it, the plan's own network from its start, actual
        dates ignored. Tasks added since the baseline take their dates from
        the plan itself.
    policy
        The thresholds of health; :class:`~careerkit.planning.health.HealthPolicy`'s
        defaults when None.

    Returns
    -------
    ProgressReport

    Raises
    ------
    ValidationError
        ``plan`` or ``baseline`` is not a :class:`~careerkit.Plan` or the
        baseline is of another plan (another id), ``as_of`` is not a date or
        is before the plan's start, ``schedule`` is not a schedule of this
        plan as of ``as_of``, or ``policy`` is not a health policy; each named
        by the argument.

    Examples
    --------
    >>> report = progress(sample_plan, as_of=date(2026, 11, 26))
    >>> diploma = report.goal("digital-marketing-diploma")
    >>> round(diploma.percent_complete, 1), round(diploma.planned_percent, 1)
    (69.4, 95.7)
    """
    plan = checked_plan(plan)
    status_date = checked_status_date(plan, as_of)
    assert status_date is not None
    rules = checked_policy(policy)
    status = schedule_of(plan, as_of=status_date, given=schedule)
    times = planned_for(plan, baseline, status)
    tree = goal_tree(plan)
    work = Work.of(plan, times, status_date)
    run = _Run(
        plan=plan,
        as_of=status_date,
        times=times,
        work=work,
        status=status,
        left_out=tree.left_out,
        policy=rules,
    )
    totals = tree.totals(plan, work, status_date)
    tops = top_goals(plan, tree.left_out)
    counted = combined([totals[goal.id] for goal in tops] or [row_totals(plan, work, (), as_of)])
    schedules, counted_schedule = goal_schedules(
        plan,
        times,
        work,
        tree,
        ev={goal_id: found.ev for goal_id, found in totals.items()},
        counted_ev=counted.ev,
    )
    goals = tuple(
        _goal_progress(run, goal_id, totals[goal_id], schedules[goal_id])
        for goal_id in sorted(tree.order)
    )
    figures = _earned_value(times, counted, counted_schedule, status_date)
    return _report(run, goals, figures)


@frozen(kw_only=True)
class _Run:
    """What one call of :func:`progress` reads: the checked arguments, the planned
    times, the work of every task and the goals left out."""

    plan: Plan
    as_of: date
    times: PlannedTimes
    work: Work
    status: Schedule
    left_out: frozenset[str]
    policy: HealthPolicy


def _goal_progress(
    run: _Run, goal_id: str, totals: Totals, schedule: tuple[int, float | None]
) -> GoalProgress:
    plan, times, status, as_of = run.plan, run.times, run.status, run.as_of
    left_out, policy = run.left_out, run.policy
    goal = plan.goal(goal_id)
    fractions = work_fractions(totals)
    metric = metric_reading(plan, goal, as_of)
    done, planned = _combined(fractions, metric)
    if goal.status is GoalStatus.ACHIEVED:
        done = 1.0
    figures = _earned_value(times, totals, schedule, as_of)
    slack = status.goal(goal_id).slack
    if done >= 1.0:
        health, signal = Health.DONE, Signal.STATUS
    elif done <= 0.0 and planned <= 0.0:
        health, signal = Health.NOT_STARTED, Signal.STATUS
    else:
        gap = None if metric is None or metric[1] is None else metric[1] - metric[0]
        health, signal = judge(policy, spi_t=figures.spi_t, slack=slack, metric_gap=gap)
    return GoalProgress(
        goal=goal_id,
        counted=goal_id not in left_out,
        fraction=done,
        percent_complete=100 * done,
        planned_fraction=planned,
        planned_percent=100 * planned,
        work_fraction=None if fractions is None else fractions[0],
        planned_work_fraction=None if fractions is None else fractions[1],
        metric_fraction=None if metric is None else metric[0],
        planned_metric_fraction=None if metric is None else metric[1],
        grade=_grade(done),
        earned_value=figures,
        slack=slack,
        health=health,
        signal=signal,
    )


def _combined(
    fractions: tuple[float, float] | None, metric: tuple[float, float | None] | None
) -> tuple[float, float]:
    """Done and planned: the mean of the work and the metric where both are known,
    whichever is known otherwise, 0 when neither is."""
    done: list[float] = []
    planned: list[float] = []
    if fractions is not None:
        done.append(fractions[0])
        planned.append(fractions[1])
    if metric is not None:
        done.append(metric[0])
        planned.append(metric[0] if metric[1] is None else metric[1])
    if not done:
        return 0.0, 0.0
    return sum(done) / len(done), sum(planned) / len(planned)


def _grade(fraction: float) -> float:
    """The fraction rounded down to a tenth (1e-9 forgives rounding: 0.7 stays 0.7)."""
    return min(1.0, math.floor(fraction * 10 + 1e-9) / 10)


def _report(run: _Run, goals: tuple[GoalProgress, ...], figures: EarnedValue) -> ProgressReport:
    plan, as_of, left_out = run.plan, run.as_of, run.left_out
    by_id: Mapping[str, GoalProgress] = {item.goal: item for item in goals}
    tops = top_goals(plan, left_out)
    weights = [goal.weight for goal in tops]
    if not any(weights):
        weights = [1.0] * len(tops)
    total = math.fsum(weights)
    done = math.fsum(w * by_id[g.id].fraction for w, g in zip(weights, tops, strict=True))
    planned = math.fsum(
        w * by_id[g.id].planned_fraction for w, g in zip(weights, tops, strict=True)
    )
    done, planned = (done / total, planned / total) if total else (0.0, 0.0)
    health, signal, decided_by = _plan_health(goals, figures, run.policy)
    return ProgressReport(
        as_of=as_of,
        fraction=done,
        percent_complete=100 * done,
        planned_fraction=planned,
        planned_percent=100 * planned,
        grade=_grade(done),
        earned_value=figures,
        health=health,
        signal=signal,
        decided_by=decided_by,
        goals=goals,
        tasks=_tasks(run),
    )


_RANK = {Health.ON_TRACK: 0, Health.AT_RISK: 1, Health.OFF_TRACK: 2}


def _plan_health(
    goals: Sequence[GoalProgress], figures: EarnedValue, policy: HealthPolicy
) -> tuple[Health, Signal, str | None]:
    """Not started without counted goals; done when every counted goal is, not started
    when none has started; else the worst of the counted goals' health (first by id
    on a tie), unless the plan's own SPI(t) is no better, which then decides; the
    plan's SPI(t) is reconciled with the least slack of its goals not yet done, as a
    goal's is with its own."""
    counted = [goal for goal in goals if goal.counted]
    if not counted:
        return Health.NOT_STARTED, Signal.STATUS, None
    if all(goal.health is Health.DONE for goal in counted):
        return Health.DONE, Signal.STATUS, None
    if all(goal.health is Health.NOT_STARTED for goal in counted):
        return Health.NOT_STARTED, Signal.STATUS, None
    slacks = [
        goal.slack for goal in counted if goal.slack is not None and goal.health is not Health.DONE
    ]
    least = min(slacks) if slacks else None
    own, signal = judge(policy, spi_t=figures.spi_t, slack=least, metric_gap=None)
    judged = [goal for goal in counted if goal.health in _RANK]
    worst = max(judged, key=lambda goal: _RANK[goal.health], default=None)
    if worst is None or _RANK[own] >= _RANK[worst.health]:
        return own, signal, None
    return worst.health, worst.signal, worst.goal


def _tasks(run: _Run) -> tuple[TaskProgress, ...]:
    plan, work, status, as_of = run.plan, run.work, run.status, run.as_of
    found = []
    for row, task in enumerate(plan.tasks):
        due = done = None
        if task.recurrence is not None:
            due, done = habit_counts(task, status[task.id], as_of)
        bac, fraction, planned = work.bac[row], work.fraction[row], work.planned[row]
        found.append(
            TaskProgress(
                task=task.id,
                goal=task.goal,
                fraction_complete=fraction,
                percent_complete=100 * fraction,
                planned_fraction=planned,
                planned_percent=100 * planned,
                hours_spent=task.hours_spent,
                pv=bac * planned,
                ev=bac * fraction,
                ac=task.hours_spent,
                occurrences_due=due,
                occurrences_done=done,
            )
        )
    found.sort(key=lambda item: item.task)
    return tuple(found)


def _earned_value(
    times: PlannedTimes, totals: Totals, schedule: tuple[int, float | None], as_of: date
) -> EarnedValue:
    """PV, EV, AC, BAC, the indexes and the earned schedule of a set of tasks, in
    hours and working days, through :mod:`careerkit.evm`; ratios without a
    denominator None.

    ``schedule`` is the first planned day of the tasks and their earned
    schedule (None when they plan no hours). The actual time runs from that
    first day to ``as_of`` (inclusive); once all their work is done it stops
    at the last day progress showed, so that a plan finished on time keeps an
    SPI(t) of 1.
    """
    bac, ev, pv, ac = totals.bac, totals.ev, totals.pv, totals.ac
    first, earned = schedule
    at = max(0, times.days.boundary_after(as_of) - first)
    if earned is not None and ev >= bac and not totals.unknown and totals.last is not None:
        at = min(at, max(0, times.days.boundary_after(totals.last) - first))
    return EarnedValue(
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
