"""Plots of a plan with matplotlib (the ``plot`` extra): Gantt chart, burn-up, metric trajectory.

Each function returns a :class:`matplotlib.figure.Figure` and, given a
``path``, also writes it there as a PNG. matplotlib is imported only when a
plot is drawn; without it, :class:`~careerkit.MissingExtraError` says how to
install it (``pip install "careerkit[plot]"``). Figures are drawn on the
non-interactive Agg canvas and never pass through ``matplotlib.pyplot``:
nothing is shown, no global figure is left open, and a figure is freed with
its last reference.

Plans without the thing a plot shows still give a valid figure, with a note
in place of the missing part: a schedule without tasks an empty Gantt chart,
a plan without done work a flat earned curve, a metric without measurements
its planned line and target alone. A goal without a metric has no
trajectory: that is an error.
"""

from __future__ import annotations

from datetime import date
from os import PathLike
from typing import TYPE_CHECKING

from careerkit.errors import ValidationError
from careerkit.model import Plan
from careerkit.model.arguments import checked_as_of, checked_instance, checked_text
from careerkit.planning.forecast_results import Forecast
from careerkit.planning.progress import ProgressReport
from careerkit.render._plot_burn import curves
from careerkit.render._plot_burn_draw import draw_burn_up
from careerkit.render._plot_gantt import draw_gantt, gantt_rows
from careerkit.render._plot_metric import draw_metric
from careerkit.render._plot_style import checked_path, saved
from careerkit.scheduling import Schedule
from careerkit.scheduling.given import checked_plan, given_schedule
from careerkit.scheduling.planned import planned_times

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["MAX_GANTT_ROWS", "burn_up", "gantt", "metric_trajectory"]

MAX_GANTT_ROWS = 60
"""The most tasks a Gantt chart shows. Beyond it, every critical task is kept,
then the others in chart order until the limit, and a note under the chart
names the tasks left out."""


def gantt(
    schedule: Schedule,
    *,
    plan: Plan | None = None,
    as_of: date | None = None,
    path: str | PathLike[str] | None = None,
) -> Figure:
    """A Gantt chart of a schedule: one bar per task, grouped by goal.

    Goals come in the order of their first early start, each under a bold
    header row; their tasks in the order of their early start. A bar runs
    from a task's early start to its early finish, both working days
    included. Critical tasks are red, done tasks grey; with the plan, work
    done on a task in progress is hatched over its bar, a habit's done
    occurrences are ticked on it, a milestone is a diamond and each goal's
    deadline a triangle on its header with a dashed line down its rows. At
    most :data:`MAX_GANTT_ROWS` tasks are shown.

    Parameters
    ----------
    schedule
        The schedule to draw.
    plan
        The plan it was made of, for progress, milestones and deadlines
        (without it: bars and critical path only).
    as_of
        The day to draw the status line at; the schedule's own status date
        when None (no line when it has none either).
    path
        Where to write the chart as a PNG, if anywhere.

    Returns
    -------
    matplotlib.figure.Figure
        The chart. Each task's bar (or milestone marker) has its task id as
        gid, the done share of a task ``<task id>:done``, a goal's deadline
        marker ``deadline:<goal id>`` and the status line ``as_of`` (none of
        which a task id can be).

    Raises
    ------
    ValidationError
        An argument of the wrong type, a schedule of another plan, or a
        ``path`` that cannot be written.
    MissingExtraError
        matplotlib is not installed.

    Examples
    --------
    >>> status = schedule(sample_plan, as_of=date(2026, 11, 26))
    >>> figure = gantt(status, plan=sample_plan)
    >>> bars = [bar for bar in figure.axes[0].patches if bar.get_gid() in status]
    >>> len(bars) == len(status.tasks)
    True
    """
    checked_instance(schedule, Schedule, "schedule")
    if plan is not None:
        given_schedule(schedule, as_of=schedule.as_of, plan=checked_plan(plan), path="schedule")
    status_date = checked_as_of(as_of, optional=True)
    target = checked_path(path)
    rows = gantt_rows(schedule, MAX_GANTT_ROWS)
    line = schedule.as_of if status_date is None else status_date
    title = "schedule" if plan is None else f"{plan.id}: schedule"
    figure = draw_gantt(
        rows,
        tasks={} if plan is None else {task.id: task for task in plan.tasks},
        deadlines={} if plan is None else {goal.id: goal.deadline for goal in plan.goals},
        as_of=line,
        title=title if schedule.as_of is None else f"{title} as of {schedule.as_of}",
    )
    return saved(figure, target)


def burn_up(
    report: ProgressReport,
    *,
    plan: Plan,
    schedule: Schedule | None = None,
    forecast: Forecast | None = None,
    path: str | PathLike[str] | None = None,
) -> Figure:
    """A burn-up chart: cumulative planned against earned effort hours.

    The planned curve is the plan's own planned times
    (:func:`~careerkit.scheduling.planned.planned_times`), spread over working
    days as progress spreads them; the earned curve credits a done task's
    effort on its ``done_on`` and a habit's effort on each done occurrence,
    as the velocity forecast does. Both count the tasks of the goals the
    report counts, so the planned curve ends at the report's budget at
    completion (the dashed total). The report's planned and earned value
    are marked on the status line (a report measured against a baseline
    marks the baseline's planned value, off the plan's own curve); with a
    forecast, the plan's P50 to P95 finish is a band at the total.

    Parameters
    ----------
    report
        The plan's progress report; its status date is the chart's.
    plan
        The plan the report was made of.
    schedule
        The plan's schedule as of the report's status date, reused for the
        habits' occurrences.
    forecast
        A forecast of the plan as of the same date, for the finish band.
    path
        Where to write the chart as a PNG, if anywhere.

    Returns
    -------
    matplotlib.figure.Figure
        The chart; its lines have gids ``planned``, ``earned``, ``total``.

    Raises
    ------
    ValidationError
        An argument of the wrong type, a report, schedule or forecast of
        another plan or date, or a ``path`` that cannot be written.
    MissingExtraError
        matplotlib is not installed.

    Examples
    --------
    >>> report = progress(sample_plan, as_of=date(2026, 11, 26))
    >>> figure = burn_up(report, plan=sample_plan)
    >>> [line.get_gid() for line in figure.axes[0].lines][:3]
    ['planned', 'earned', 'total']
    """
    checked_instance(report, ProgressReport, "report")
    plan = checked_plan(plan)
    if sorted(item.task for item in report.tasks) != sorted(task.id for task in plan.tasks):
        raise ValidationError(path="report", problem="a report of another plan than `plan`")
    status = given_schedule(schedule, as_of=report.as_of, plan=plan, path="schedule")
    if forecast is not None:
        checked_instance(forecast, Forecast, "forecast")
        if forecast.as_of != report.as_of:
            raise ValidationError(
                path="forecast",
                problem=f"a forecast as of {forecast.as_of}, expected one as of {report.as_of}",
            )
    target = checked_path(path)
    counted = {item.goal for item in report.goals if item.counted}
    lines = curves(plan, planned_times(plan, schedule=status), as_of=report.as_of, counted=counted)
    title = f"{plan.id}: planned and earned effort"
    return saved(draw_burn_up(lines, report=report, forecast=forecast, title=title), target)


def metric_trajectory(
    plan: Plan, goal_id: str, *, as_of: date | None = None, path: str | PathLike[str] | None = None
) -> Figure:
    """A metric goal's measurements against its planned trajectory and trend.

    The planned line runs from the metric's baseline on the goal's start
    (the plan's start when the goal has none) to its target on the deadline
    (:func:`~careerkit.planning.metrics.planned_value`); the trend is the
    least-squares line (:func:`~careerkit.planning.metrics.trend`) through
    the measurements taken by ``as_of``, extended to the day it reaches the
    target (at most the deadline plus the planned span again); the target
    level and the deadline are drawn across.

    Parameters
    ----------
    plan
        The plan.
    goal_id
        The goal, which must have a metric.
    as_of
        The status date: later measurements are left out and the status
        line is drawn. None: every measurement, no status line.
    path
        Where to write the chart as a PNG, if anywhere.

    Returns
    -------
    matplotlib.figure.Figure
        The chart; its lines have gids ``planned``, ``trend``, ``target``,
        ``deadline`` and ``measurements`` (those it has).

    Raises
    ------
    ValidationError
        An argument of the wrong type, a goal without a metric, or a
        ``path`` that cannot be written.
    UnknownReferenceError
        The plan has no goal ``goal_id``.
    MissingExtraError
        matplotlib is not installed.

    Examples
    --------
    >>> figure = metric_trajectory(sample_plan, "digital-marketing-diploma",
    ...                            as_of=date(2026, 11, 26))
    >>> figure.axes[0].get_title()
    'digital-marketing-diploma: modules completed'
    """
    plan = checked_plan(plan)
    goal = plan.goal(checked_text(goal_id, "goal_id"))
    if goal.metric is None:
        raise ValidationError(path="goal_id", problem=f"goal {goal.id!r} has no metric")
    status_date = checked_as_of(as_of, optional=True)
    target = checked_path(path)
    figure = draw_metric(goal, start=goal.start or plan.start, as_of=status_date)
    return saved(figure, target)
