"""The critical-path schedule of a plan on its working calendar.

Dates are inclusive working days: a one-day task starting on a Monday
finishes that Monday. A milestone (duration 0) sits on the day its last
predecessor finishes, or on its earliest start when nothing precedes it.
The passes themselves live in the private engine of this subpackage; the
values returned are defined in :mod:`careerkit.scheduling.results`.
"""

from __future__ import annotations

from datetime import date

from careerkit.model import Plan
from careerkit.model.arguments import checked_bool
from careerkit.scheduling._engine import run
from careerkit.scheduling.given import checked_plan, checked_status_date
from careerkit.scheduling.results import Schedule

__all__ = ["schedule"]


def schedule(plan: Plan, *, as_of: date | None = None, level: bool = False) -> Schedule:
    """Schedule a plan's tasks on its working calendar by the critical-path method.

    Parameters
    ----------
    plan
        The plan.
    as_of
        The status date. When given, done tasks sit at their actual dates,
        tasks in progress keep their actual start and have the rest of their
        duration (from ``percent_complete``) scheduled from ``as_of``, and
        work not started begins no earlier than ``as_of``. Without it, every
        task is planned from the plan's start. A status date before the
        plan's start is refused: nothing of the plan can have happened then.
    level
        Keep the weekly load within the plan's weekly capacity: tasks are
        placed one at a time, by least total float (unleveled), then earliest
        start, then id, each from its earliest start taking at most its own
        daily rate and never more than the room its weeks have left, so a
        task may take longer than its duration; weeks already over capacity
        by work done, in progress or habits get nothing more
        (:mod:`careerkit.scheduling.leveling`).

    Returns
    -------
    Schedule
        Dates, float and criticality per task, forecasts per goal, missed
        dates, and the weekly load.

    Raises
    ------
    ValidationError
        ``plan`` is not a :class:`~careerkit.Plan`, ``as_of`` not a date (a
        ``datetime`` is not one) or before the plan's start, ``level`` not a
        bool (each named by the argument); a due date or deadline leaves no
        working day after the plan starts; a habit's rule has too many
        occurrences; or a task's dates fall outside the years 1 to 9999
        (named by the task's path).

    Examples
    --------
    >>> plan = Plan(id="p", owner="Ana", start=date(2026, 11, 23),
    ...             goals=[Goal(id="g", title="Do g", deadline=date(2026, 11, 25))],
    ...             tasks=[Task(id="a", goal="g", title="A", duration=5)])
    >>> late = schedule(plan)
    >>> late["a"].total_float, late.violations[0].by
    (-2, 2)
    >>> schedule(plan, as_of=date(2026, 11, 2))
    Traceback (most recent call last):
    careerkit.errors.ValidationError: as_of: 2026-11-02 is before the plan's start 2026-11-23
    """
    status_date = checked_status_date(checked_plan(plan), as_of, optional=True)
    return run(plan, status_date, leveled=checked_bool(level, "level"))
