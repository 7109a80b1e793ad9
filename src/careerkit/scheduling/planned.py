"""The plan as planned: early dates of every task from the plan's start, actual dates ignored.

Progress compares work done with work *planned*, and a schedule made at a
status date cannot tell: it moves unfinished work past the status date, so
it always looks on plan. :func:`planned_times` runs the forward pass of
:func:`careerkit.schedule` without a status date (the same inputs and the
same pass, nothing more: no backward pass, no report), which is cheap
enough to run beside a full schedule in one request.

Abbreviations used here: es/ef are early start and early finish, as
working-day boundaries (a task with duration d starting at boundary s
occupies working days s .. s + d - 1 and finishes at boundary s + d).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from attrs import frozen

from careerkit.errors import UnknownReferenceError
from careerkit.model import Plan, Status
from careerkit.scheduling import _cpm
from careerkit.scheduling._inputs import Inputs, shifted_milestones
from careerkit.scheduling.given import checked_plan, given_schedule
from careerkit.scheduling.habits import habit_dates
from careerkit.scheduling.results import Schedule
from careerkit.workdays import DayIndex

__all__ = ["PlannedTimes", "planned_times"]


@frozen(kw_only=True)
class PlannedTimes:
    """The planned early start and finish of every task, as working-day boundaries.

    Rows follow the plan's tasks, in plan order. :meth:`dates` gives one
    task's dates; the boundaries serve arithmetic in working days.

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...             goals=[Goal(id="g", title="Do g")],
    ...             tasks=[Task(id="a", goal="g", title="A", duration=3),
    ...                    Task(id="b", goal="g", title="B", duration=2, depends_on=["a"])])
    >>> times = planned_times(plan)
    >>> times.es[1] - times.origin, times.ef[1] - times.origin
    (3, 5)
    >>> times.dates("b")
    (datetime.date(2026, 11, 26), datetime.date(2026, 11, 27))
    """

    days: DayIndex
    """The plan's working calendar, as indexes."""
    origin: int
    """The working-day index of the plan's start."""
    ids: tuple[str, ...]
    """The tasks' ids, in plan order."""
    es: Sequence[int]
    """Each task's planned early start boundary."""
    ef: Sequence[int]
    """Each task's planned early finish boundary (``es`` plus its duration)."""
    occurrences: Mapping[int, tuple[date, ...]]
    """The planned occurrences of each habit, by row."""
    shifted: Sequence[bool]
    """Which milestones sit on the day before their start boundary, as the end of
    the work before them, as in the schedule's dates)."""

    def row(self, task_id: str) -> int:
        """The row of a task.

        Raises
        ------
        UnknownReferenceError
            No task has this id.
        """
        try:
            return self.ids.index(task_id)
        except ValueError:
            raise UnknownReferenceError(kind="task", id=str(task_id)) from None

    def dates(self, task_id: str) -> tuple[date, date]:
        """The planned first and last day of a task (a milestone: its day, twice).

        Raises
        ------
        UnknownReferenceError
            No task has this id.
        """
        row = self.row(task_id)
        start, finish = self.es[row], self.ef[row]
        if self.shifted[row]:
            start = finish = start - 1
        first = self.days.date_of(start)
        return first, self.days.date_of(finish - 1) if finish > start else first


def planned_times(plan: Plan, *, schedule: Schedule | None = None) -> PlannedTimes:
    """The planned early dates of a plan's tasks: the forward pass from its start.

    Actual dates and status are ignored (as by ``schedule(plan)`` without
    ``as_of``): every task is placed where the plan, as written, puts it;
    habits' occurrences run from their planned start to their goal's
    deadline, or to the end of the plan's work.

    Parameters
    ----------
    plan
        The plan.
    schedule
        A schedule of this very plan (any status date), whose habits' occurrences
        are reused rather than expanded again where they cover the same days:
        a habit of a goal with a deadline that starts on the same day in
        both. The schedule's start of a habit is known where its
        ``early_start`` is its first day of work: a habit that lasts at
        least a day, planned (not fixed by progress) or in progress (which
        keeps its actual start).

    Returns
    -------
    PlannedTimes
        The early start and finish boundary of every task, and the planned
        occurrences of habits.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan`, a due date or deadline
        leaves no working day after the plan starts, or a habit's rule has
        too many occurrences.

    Examples
    --------
    >>> times = planned_times(sample_plan)
    >>> times.dates("dmd-capstone")
    (datetime.date(2026, 10, 19), datetime.date(2026, 11, 6))
    """
    plan = checked_plan(plan)
    status = given_schedule(schedule, as_of=_any_date(schedule), plan=plan, path="schedule")
    inputs = Inputs.of(plan, None)
    es, ef = _cpm.forward(
        inputs.network.predecessors, inputs.order, inputs.durations, inputs.earliest, inputs.fixed
    )
    count = inputs.network.task_count
    end = max(ef) if ef else inputs.origin
    return PlannedTimes(
        days=inputs.days,
        origin=inputs.origin,
        ids=tuple(task.id for task in plan.tasks),
        es=es[:count],
        ef=ef[:count],
        occurrences=habit_dates(inputs, es, end, None if status is None else _starts(plan, status)),
        shifted=shifted_milestones(inputs, es, ef)[:count],
    )


def _any_date(schedule: object) -> date | None:
    """The status date of a schedule, so that any status date is accepted."""
    return schedule.as_of if isinstance(schedule, Schedule) else None


def _starts(plan: Plan, status: Schedule) -> dict[int, tuple[date, tuple[date, ...]]]:
    """The start and occurrences of each habit of ``status`` whose start is known."""
    found = {}
    for node, task in enumerate(plan.tasks):
        if task.recurrence is None or task.duration < 1 or task.status is Status.DONE:
            continue
        entry = status[task.id]
        fixed = task.fixed_by_progress(status.as_of)
        if not fixed or entry.early_start == task.started_on:
            found[node] = entry.early_start, entry.occurrences
    return found
