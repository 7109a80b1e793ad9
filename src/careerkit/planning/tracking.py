"""Dated facts of tracking: what was due and done by a date, and when progress last showed.

Shared by progress and slippage. Two readings:

* :func:`habit_counts`: a habit's occurrences due by a date (from its
  schedule) against those done by then (``Task.done_occurrences``). The
  comparison is by count, not by date, so an occurrence moved by a day
  (a meeting held on Wednesday instead of Tuesday) still counts as done;
* :func:`last_progress`: the last day on or before a date when a task or a
  goal showed progress: a task's ``started_on``, ``done_on`` and done
  occurrences; a goal's measurements and ``achieved_on``;

and the two rules of effort over time, shared by progress, forecasts and
plots:

* :func:`earned_dates`: the days a task earned its effort: a done task on
  its ``done_on``, a habit once per done occurrence;
* :func:`planned_hours`: how a task's effort falls on the working days of
  the plan as planned: evenly over its planned days, a milestone's on its
  day, a habit's on each planned occurrence.
"""

from __future__ import annotations

import bisect
from datetime import date

from careerkit.errors import ValidationError
from careerkit.model import Goal, Status, Task
from careerkit.model.arguments import checked_date, checked_instance
from careerkit.scheduling import TaskSchedule
from careerkit.scheduling.planned import PlannedTimes

__all__ = ["earned_dates", "habit_counts", "last_progress", "planned_hours"]

Spans = list[tuple[int, int, float]]
"""Planned hours as (first working day, past the last day, hours a day)."""
Points = list[tuple[int, float]]
"""Planned hours as (working day, hours)."""


def habit_counts(task: Task, entry: TaskSchedule, as_of: date) -> tuple[int, int]:
    """A habit's occurrences due by ``as_of`` and those done by then, both inclusive.

    Parameters
    ----------
    task
        The task; one that is not a habit has no occurrences: ``(0, 0)``.
    entry
        The task's row of a schedule, whose ``occurrences`` are the dates due.
    as_of
        The day counted up to, included.

    Returns
    -------
    tuple[int, int]
        ``(due, done)``: occurrences scheduled on or before ``as_of``, and
        ``task.done_occurrences`` on or before ``as_of``. Counts, not dates:
        an occurrence done a day off its scheduled date still counts.

    Raises
    ------
    ValidationError
        An argument of the wrong type, or ``entry`` is the row of another task.

    Examples
    --------
    >>> habit = Task(id="meetup", goal="g", title="Meetup", recurrence="FREQ=WEEKLY;BYDAY=TU",
    ...              status=Status.IN_PROGRESS, started_on=date(2026, 1, 6),
    ...              done_occurrences=[date(2026, 1, 6), date(2026, 1, 14)])
    >>> entry = TaskSchedule(task="meetup", goal="g", early_start=date(2026, 1, 6),
    ...     early_finish=date(2026, 1, 27), late_start=date(2026, 1, 6),
    ...     late_finish=date(2026, 1, 27), total_float=0, free_float=0, critical=False,
    ...     occurrences=(date(2026, 1, 6), date(2026, 1, 13), date(2026, 1, 20),
    ...                  date(2026, 1, 27)))
    >>> habit_counts(habit, entry, date(2026, 1, 20))
    (3, 2)
    """
    checked_instance(task, Task, "task")
    checked_instance(entry, TaskSchedule, "entry")
    day = checked_date(as_of)
    if entry.task != task.id:
        raise ValidationError(
            path="entry", problem=f"the schedule of task {entry.task!r}, not of {task.id!r}"
        )
    if task.recurrence is None:
        return 0, 0
    due = bisect.bisect_right(entry.occurrences, day)
    done = bisect.bisect_right(task.done_occurrences, day)
    return due, done


def last_progress(subject: Task | Goal, as_of: date) -> date | None:
    """The last day on or before ``as_of`` when a task or a goal showed progress.

    For a task: its ``started_on``, ``done_on`` and done occurrences; for a
    goal: the days of its measurements and its ``achieved_on``. Hours spent
    carry no date and do not count. Facts dated after ``as_of`` are not yet
    known on ``as_of`` and are left out.

    Parameters
    ----------
    subject
        A :class:`~careerkit.Task` or a :class:`~careerkit.Goal`.
    as_of
        The day of the question.

    Returns
    -------
    date | None
        None when nothing shows progress by ``as_of``.

    Raises
    ------
    ValidationError
        ``subject`` is neither a task nor a goal, or ``as_of`` is not a date.

    Examples
    --------
    >>> task = Task(id="t", goal="g", title="Draft", status=Status.IN_PROGRESS,
    ...             started_on=date(2026, 1, 5))
    >>> last_progress(task, date(2026, 1, 9)), last_progress(task, date(2026, 1, 2))
    (datetime.date(2026, 1, 5), None)
    >>> goal = Goal(id="g", title="Grow", metric=Metric(name="followers", baseline=0, target=10),
    ...             measurements=[Measurement(on=date(2026, 1, 7), value=3)])
    >>> last_progress(goal, date(2026, 1, 9))
    datetime.date(2026, 1, 7)
    """
    day = checked_date(as_of)
    if isinstance(subject, Task):
        dates = [subject.started_on, subject.done_on]
        at = bisect.bisect_right(subject.done_occurrences, day)
        if at:
            dates.append(subject.done_occurrences[at - 1])
    elif isinstance(subject, Goal):
        dates = [subject.achieved_on, *(item.on for item in subject.measurements)]
    else:
        raise ValidationError(
            path="subject", problem=f"expected a Task or a Goal, got {type(subject).__name__}"
        )
    return max((found for found in dates if found is not None and found <= day), default=None)


def earned_dates(task: Task) -> tuple[date, ...]:
    """The days on which ``task`` earned its effort (``Task.effort`` each time).

    A habit earns its effort once per done occurrence; any other task once,
    on its ``done_on``, when it is done; work in progress earns nothing dated.

    >>> earned_dates(sample_plan.task("ga-course"))
    (datetime.date(2026, 2, 20),)
    >>> len(earned_dates(sample_plan.task("net-coffee-chats")))
    20
    """
    checked_instance(task, Task, "task")
    if task.recurrence is not None:
        return task.done_occurrences
    if task.status is Status.DONE and task.done_on is not None:
        return (task.done_on,)
    return ()


def planned_hours(task: Task, times: PlannedTimes, row: int) -> tuple[Spans, Points]:
    """How the effort of ``task`` (row ``row`` of ``times``) falls on working days.

    A task spreads its effort evenly over its planned working days; a
    milestone puts it on its day (the day before its start boundary when it
    sits there); a habit puts its effort on each planned occurrence (one on a
    day off counts on the next working day). A dropped task, or one without
    effort, plans nothing. Days are working-day indexes of ``times.days``.

    >>> from careerkit.scheduling.planned import planned_times
    >>> times = planned_times(sample_plan)
    >>> row = sample_plan.task_position("dmd-capstone")
    >>> spans, points = planned_hours(sample_plan.task("dmd-capstone"), times, row)
    >>> [round(rate, 4) for _, _, rate in spans], points
    ([1.3333], [])
    """
    checked_instance(task, Task, "task")
    if task.status is Status.DROPPED or task.effort <= 0:
        return [], []
    if task.recurrence is not None:
        days = times.days
        return [], [(days.index_of(day), task.effort) for day in times.occurrences.get(row, ())]
    es, ef = times.es[row], times.ef[row]
    if ef > es:
        return [(es, ef, task.effort / (ef - es))], []
    return [], [(es - 1 if times.shifted[row] else es, task.effort)]
